// The calculator engine client: one module Web Worker (calc-worker.mjs) per page session,
// restarted once after a crash. No wording here: failures are reported as reason codes, and
// the page shows the words the form's template holds (written in Python).
// Its messages to and from the worker are protocol.mjs's (documented there).

import { ANSWER_TIMEOUT_MS, STALL_MS, START_WORK_MS } from "./constants.mjs";
import { MESSAGE, STATUS, requestMessage } from "./protocol.mjs";

const WORKER_URL = new URL("./calc-worker.mjs", import.meta.url);
// A slow connection is not a failure: the start-up only times out when nothing has arrived for
// STALL_MS (no bytes, no start-up step). An answer has ANSWER_TIMEOUT_MS once the engine is ready,
// and the device's own work after the download START_WORK_MS (engine/constants.toml).

// Tests may SHORTEN these clocks (so a test of the stall path takes seconds, not 30 s) by setting
// globalThis.REGAIN_ENGINE_TEST_TIMERS = {stallMs, startWorkMs, answerMs}; each clock reads it
// when it starts. The site never sets it, and a value that is not a shorter positive number is
// ignored: nothing can make a reader's page wait longer than the clocks above.
function clock(name, productMs) {
  const wanted = Number(globalThis.REGAIN_ENGINE_TEST_TIMERS?.[name]);
  return wanted > 0 && wanted < productMs ? wanted : productMs;
}

function timers() {
  return {
    stallMs: clock("stallMs", STALL_MS),
    startWorkMs: clock("startWorkMs", START_WORK_MS),
    answerMs: clock("answerMs", ANSWER_TIMEOUT_MS),
  };
}

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
  stallTimer: 0,
  progressFrame: 0, // a redraw of the download progress is due at the next frame
  bytes: 0,
  total: 0,
  startedFrom: null,
  snapshot: null, // after a fresh start: "saved" or "failed" once the worker has stored it
  snapshotBytes: 0,
};

function setState(state, reason = "") {
  engine.state = state;
  engine.reason = reason;
  const progress = { bytes: engine.bytes, total: engine.total };
  for (const listener of engine.listeners) listener(state, reason, progress);
}

/** Something arrived: the start-up is alive, so the stall clock starts again. */
function stillAlive() {
  clearTimeout(engine.stallTimer);
  // Once every byte is here, the rest is the device's own work (compiling, starting Python): a
  // slow or busy phone is not a stalled connection, so it gets a much longer guard.
  const downloaded = engine.total > 0 && engine.bytes >= engine.total;
  const { startWorkMs, stallMs } = timers();
  engine.stallTimer = setTimeout(
    () => handleCrash(downloaded ? REASONS.start : REASONS.slow),
    downloaded ? startWorkMs : stallMs,
  );
}

/** Requests wait while the engine loads; their answer clock starts when it is ready. */
function armAnswerTimers() {
  for (const [id, waiting] of engine.pending) {
    if (waiting.timer) continue;
    waiting.timer = setTimeout(() => {
      engine.pending.delete(id);
      waiting.reject(new EngineError(REASONS.late));
    }, timers().answerMs);
  }
}

function failPending(reason) {
  for (const { reject, timer } of engine.pending.values()) {
    clearTimeout(timer);
    reject(new EngineError(reason));
  }
  engine.pending.clear();
}

function handleCrash(reason) {
  clearTimeout(engine.stallTimer);
  if (engine.worker) engine.worker.terminate();
  engine.worker = null;
  // A stalled download is the connection: starting again at once would only stall again, so
  // the reader is told and offered "Try again" (restartEngine) instead.
  if (engine.restarts < 1 && reason !== REASONS.slow) {
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
  engine.bytes = 0;
  stillAlive();
  worker.addEventListener("message", (event) => {
    const data = event.data || {};
    if (data.type === MESSAGE.progress) {
      engine.bytes = data.bytes;
      engine.total = data.total || engine.total;
      if (engine.state === "loading") {
        stillAlive();
        // Chunks arrive by the hundred: the page redraws its bar once per frame, not per chunk.
        engine.progressFrame ||= requestAnimationFrame(() => {
          engine.progressFrame = 0;
          if (engine.state === "loading") setState("loading");
        });
      }
      return;
    }
    if (data.type === MESSAGE.snapshot) {
      engine.snapshot = data.state;
      engine.snapshotBytes = data.bytes;
      document.documentElement.dataset.engineSnapshot = data.state; // a state tests can wait on
      return;
    }
    if (data.type === MESSAGE.status) {
      if (data.state === STATUS.ready) {
        clearTimeout(engine.stallTimer);
        engine.startedFrom = data.detail;
        performance.mark("regain:engine-ready");
        document.dispatchEvent(new CustomEvent("regain:engine-ready"));
      }
      if (data.state === STATUS.failed) {
        handleCrash(REASONS.start);
        return;
      }
      if (data.state === STATUS.loading) stillAlive();
      setState(data.state);
      if (data.state === STATUS.ready) armAnswerTimers();
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
    engine.pending.set(id, { resolve, reject, timer: 0 });
    if (engine.state === "ready") armAnswerTimers();
    engine.worker.postMessage(requestMessage(id, calculator, input, options.root || ""));
  });
}

/** "Try again": forget a failed (or stalled) engine and start a new one from the beginning. */
export function restartEngine() {
  clearTimeout(engine.stallTimer);
  if (engine.worker) engine.worker.terminate();
  engine.worker = null;
  failPending(REASONS.start);
  engine.restarts = 0;
  setState("idle");
  startEngine();
}

/** Hear the engine's state (and download progress) now and on every change; returns a
 * function that stops it. */
export function onEngineState(listener) {
  engine.listeners.add(listener);
  listener(engine.state, engine.reason, { bytes: engine.bytes, total: engine.total });
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
    bytes: engine.bytes, // engine download so far, of total (from the build)
    total: engine.total,
    timers: timers(), // the clocks in force: the product's, unless a test shortened them
  };
}
