// The messages between the page's engine client (engine.mjs) and the engine's worker
// (calc-worker.mjs), defined once: both sides build and name them here, nowhere else.
//
//   page -> worker  request   {id, calculator, input, root}
//                   id: a number, unique per page session; calculator: "protein" | "plan" |
//                   "self-check" | "plan-calendar"; input: the form's answers; root: the way
//                   from the page back to the site root, for the links in the answer's HTML.
//   worker -> page  answer    {id, result}   the wire envelope from calculators.api.page_json
//                                            (version 2: ok, errors, html: the answer as the
//                                            page shows it, and only the result fields the
//                                            page reads: api.PAGE_FIELDS)
//                   failure   {id, error}    the worker failed to run the request at all
//                   status    {type: "status", state: "loading" | "ready" | "failed", detail}
//                                            start-up progress; detail on "ready" is "fresh" or
//                                            "snapshot", on "failed" a technical reason (not
//                                            shown).
//                   progress  {type: "progress", bytes, total}
//                                            the engine download: bytes received so far of the
//                                            total (total from the build's version.json; 0 if
//                                            unknown)
//                   snapshot  {type: "snapshot", state: "saved" | "failed", bytes}
//                                            after a fresh start, whether the memory snapshot for
//                                            the next visit was stored (the page sets
//                                            html[data-engine-snapshot] = state).
// No message carries a word a reader sees: failures are codes, the page words them.

/** The `type` of the worker's messages that answer no request. */
export const MESSAGE = Object.freeze({ status: "status", progress: "progress", snapshot: "snapshot" });

/** A status message's state. */
export const STATUS = Object.freeze({ loading: "loading", ready: "ready", failed: "failed" });

/** Where a ready engine started from (a status "ready" message's detail). */
export const STARTED_FROM = Object.freeze({ fresh: "fresh", snapshot: "snapshot" });

/** A snapshot message's state. */
export const SNAPSHOT = Object.freeze({ saved: "saved", failed: "failed" });

export const requestMessage = (id, calculator, input, root) => ({ id, calculator, input, root });
export const answerMessage = (id, result) => ({ id, result });
export const failureMessage = (id, error) => ({ id, error });
export const statusMessage = (state, detail = "") => ({ type: MESSAGE.status, state, detail });
export const progressMessage = (bytes, total) => ({ type: MESSAGE.progress, bytes, total });
export const snapshotMessage = (state, bytes) => ({ type: MESSAGE.snapshot, state, bytes });
