// The calculator engine client: one module Web Worker (calc-worker.mjs) per page session,
// restarted once after a crash. No wording here: failures are reported as reason codes, and
// the page shows the words the form's template holds (written in Python).
//
// Message protocol (the only one between the page and the worker):
//   page -> worker  {id, calculator, input, root}
//                   id: a number, unique per page session; calculator: "protein" | "plan" |
//                   "self-check" | "plan-calendar"; input: the form's answers; root: the way
//                   from the page back to the site root, for the links in the answer's HTML.
//   worker -> page  {id, result}   the wire envelope from calculators.api (version 2: ok,
//                                  result or errors, and html, the answer as the page shows it)
//                   {id, error}    the worker failed to run the request at all
//                   {type: "status", state: "loading" | "ready" | "failed", detail}
//                                  start-up progress; detail on "ready" is "fresh" or
//                                  "snapshot", on "failed" a technical reason (not shown).
//                   {type: "snapshot", state: "saved" | "failed", bytes}
//                                  after a fresh start, whether the memory snapshot for the
//                                  next visit was stored (html[data-engine-snapshot] = state).

const WORKER_URL = new URL("./calc-worker.mjs", import.meta.url);
const START_TIMEOUT_MS = 60000; // a slow phone on a slow network, then we give up and say so
const ANSWER_TIMEOUT_MS = 15000;

/** Why the engine failed; the page turns each code into the words of its template. */
export const REASONS = Object.freeze({
  unsupported: "unsupported",
  slow: "slow",
  start: "start",
  crash: "crash",
  late: "late",
});

class EngineError extends Error {
  constructor(reason, detail = "") {
    super(detail || reason);
    this.reason = reason;
  }
}

const engine = {
  worker: null,
  state: "idle", // idle | loading | ready | failed
  reason: "",
  restarts: 0,
  nextId: 1,
  pending: new Map(),
  listeners: new Set(),
  startTimer: 0,
  startedFrom: null,
  snapshot: null, // after a fresh start: "saved" or "failed" once the worker has stored it
  snapshotBytes: 0,
};

function setState(state, reason = "") {
  engine.state = state;
  engine.reason = reason;
  for (const listener of engine.listeners) listener(state, reason);
}

function failPending(reason) {
  for (const { reject, timer } of engine.pending.values()) {
    clearTimeout(timer);
    reject(new EngineError(reason));
  }
  engine.pending.clear();
}

function handleCrash(reason) {
  clearTimeout(engine.startTimer);
  if (engine.worker) engine.worker.terminate();
  engine.worker = null;
  if (engine.restarts < 1) {
    engine.restarts += 1;
    startEngine();
    return;
  }
  failPending(reason);
  setState("failed", reason);
}

/** Start the worker (once); listeners hear "loading", then "ready" or "failed". */
export function startEngine() {
  if (engine.worker) return;
  if (typeof Worker === "undefined" || typeof WebAssembly === "undefined") {
    setState("failed", REASONS.unsupported);
    return;
  }
  setState("loading");
  let worker;
  try {
    worker = new Worker(WORKER_URL, { type: "module" });
  } catch {
    setState("failed", REASONS.unsupported);
    return;
  }
  engine.worker = worker;
  engine.startTimer = setTimeout(() => handleCrash(REASONS.slow), START_TIMEOUT_MS);
  worker.addEventListener("message", (event) => {
    const data = event.data || {};
    if (data.type === "snapshot") {
      engine.snapshot = data.state;
      engine.snapshotBytes = data.bytes;
      document.documentElement.dataset.engineSnapshot = data.state; // a state tests can wait on
      return;
    }
    if (data.type === "status") {
      if (data.state === "ready") {
        clearTimeout(engine.startTimer);
        engine.startedFrom = data.detail;
        performance.mark("regain:engine-ready");
        document.dispatchEvent(new CustomEvent("regain:engine-ready"));
      }
      if (data.state === "failed") {
        handleCrash(REASONS.start);
        return;
      }
      setState(data.state);
      return;
    }
    const waiting = engine.pending.get(data.id);
    if (!waiting) return;
    engine.pending.delete(data.id);
    clearTimeout(waiting.timer);
    if (data.error !== undefined) waiting.reject(new EngineError(REASONS.crash, data.error));
    else waiting.resolve(data.result);
  });
  worker.addEventListener("error", (event) => {
    event.preventDefault();
    handleCrash(REASONS.crash);
  });
}

/** Ask the engine to run one calculator; resolves with the wire envelope from Python.
 * `options.root` is the way back to the site root for the answer's links ("" by default). */
export function calculate(calculator, input, options = {}) {
  startEngine();
  if (engine.state === "failed") return Promise.reject(new EngineError(engine.reason));
  const id = engine.nextId++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      engine.pending.delete(id);
      reject(new EngineError(REASONS.late));
    }, START_TIMEOUT_MS + ANSWER_TIMEOUT_MS);
    engine.pending.set(id, { resolve, reject, timer });
    engine.worker.postMessage({ id, calculator, input, root: options.root || "" });
  });
}

/** Hear the engine's state now and on every change; returns a function that stops it. */
export function onEngineState(listener) {
  engine.listeners.add(listener);
  listener(engine.state, engine.reason);
  return () => engine.listeners.delete(listener);
}

/** Forget every listener (instant navigation replaced the page's forms). */
export function clearEngineListeners() {
  engine.listeners.clear();
}

/** For tests and the benchmark: how many engines this page session has started. */
export function engineInfo() {
  return {
    state: engine.state,
    restarts: engine.restarts,
    started: engine.worker !== null,
    from: engine.startedFrom, // "fresh" or "snapshot"
    snapshot: engine.snapshot, // null until a fresh engine has stored (or failed to store) one
    snapshotBytes: engine.snapshotBytes,
  };
}
