"""The JavaScript the bench runs inside the pages it measures, one constant each.

Kept out of the Python that drives the visits so each side reads in one sitting.
"""

from __future__ import annotations

# Before any page script: record long tasks, and long animation frames with the scripts that ran
# in them (which say whose code a long task was), on window; buffered, so none is missed.
LONG_TASK_OBSERVER = """
window.__benchLongTasks = [];
window.__benchFrames = [];
try {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.__benchLongTasks.push({ start: entry.startTime, duration: entry.duration });
    }
  }).observe({ type: "longtask", buffered: true });
} catch (error) { window.__benchLongTasks = null; }
try {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.__benchFrames.push({
        start: entry.startTime,
        duration: entry.duration,
        scripts: entry.scripts.map((s) => ({ source: s.sourceURL, duration: s.duration })),
      });
    }
  }).observe({ type: "long-animation-frame", buffered: true });
} catch (error) { window.__benchFrames = null; }
// Answer latency: from the form's submit (a click or Enter) to the answer inserted AND the next
// frame painted. The page (forms.mjs, or the peer page) announces an inserted answer with a
// bubbling "regain:answer" event and marks "regain:answer-received" when the engine's reply
// reached the main thread; the frame after the insert is painted before a message posted from
// requestAnimationFrame is delivered.
window.__benchAnswers = [];
let benchAsked = null;
document.addEventListener("submit", (event) => { benchAsked = event.timeStamp; }, true);
document.addEventListener("regain:answer", (event) => {
  const start = benchAsked;
  benchAsked = null;
  const inserted = performance.now();
  const received = performance.getEntriesByName("regain:answer-received").at(-1);
  const state = event.target.dataset.state || "";
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      window.__benchAnswers.push({
        start, received: received ? received.startTime : inserted, inserted,
        drawn: performance.now(), state,
      });
      document.dispatchEvent(new Event("bench:drawn"));
    };
    channel.port2.postMessage(null);
  });
});
"""


# After the result: the marks the page client sets, the worker's request (engine start) and the
# long tasks, after a pause that lets the observer deliver its last entries.
READ_TIMINGS = """
async () => {
  await new Promise((resolve) => setTimeout(resolve, 200));
  const mark = (name) => {
    const entry = performance.getEntriesByName(name)[0];
    return entry ? entry.startTime : null;
  };
  const worker = performance.getEntriesByType("resource")
    .find((entry) => entry.name.endsWith("/calc-worker.mjs"));
  return {
    result: mark("regain:result"),
    ready: mark("regain:engine-ready"),
    engineStart: worker ? worker.startTime : null,
    longTasks: window.__benchLongTasks,
    frames: window.__benchFrames,
  };
}
"""


# Wait until the service worker is active and Cache Storage has stopped changing (the offline
# precache, the engine files and the engine's memory snapshot are written after the first result):
# a repeat visit comes later than a benchmark could otherwise wait.
SETTLE = """
async (timeoutMs) => {
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const deadline = performance.now() + timeoutMs;
  if ("serviceWorker" in navigator && window.isSecureContext) {
    await Promise.race([navigator.serviceWorker.ready, sleep(timeoutMs / 2)]);
  }
  if (typeof caches === "undefined") return "";
  const state = async () => {
    const parts = [];
    for (const name of (await caches.keys()).sort()) {
      parts.push(`${name}:${(await (await caches.open(name)).keys()).length}`);
    }
    return parts.join(",");
  };
  let last = await state();
  let stable = 0;
  while (performance.now() < deadline && stable < 3) {
    await sleep(500);
    const now = await state();
    // The engine's snapshot cache exists (empty) from the start and gets its one entry late.
    const snapshotPending = /snapshot[^,]*:0(,|$)/.test(now);
    stable = now === last && !snapshotPending ? stable + 1 : 0;
    last = now;
  }
  return last;
}
"""


# The page client's view of its engine after the snapshot was stored: how big it was.
SNAPSHOT_INFO = """async () => {
  const client = await import(new URL("/javascripts/calc-client.mjs", location.href));
  const info = client.engineInfo();
  return { state: info.snapshot, bytes: info.snapshotBytes };
}"""


# The answers the Regain form holds when submitted (defaults included), for the peer page.
FORM_ANSWERS = """(name) => {
  const form = document.querySelector(`form[data-calculator="${name}"]`);
  const answers = {};
  for (const [key, value] of new FormData(form)) {
    if (key in answers) answers[key] = [].concat(answers[key], value);
    else answers[key] = value;
  }
  return answers;
}"""


# Reset the form and set each control named in `input` as a reader would; false when a value is
# not one the form offers (a golden case written for the API, not the form): the case is skipped.
APPLY_INPUT = """([name, input]) => {
  const form = document.querySelector(`form[data-calculator="${name}"]`);
  form.reset();
  for (const [key, value] of Object.entries(input)) {
    const controls = [...form.elements].filter((control) => control.name === key);
    if (!controls.length) return false;
    const first = controls[0];
    if (first.type === "checkbox" && controls.length > 1) {
      const wanted = [].concat(value ?? []).map(String);
      if (!wanted.every((item) => controls.some((control) => control.value === item))) return false;
      for (const control of controls) control.checked = wanted.includes(control.value);
    } else if (first.type === "checkbox") {
      first.checked = value === true || value === "true";
    } else if (first.type === "radio") {
      const match = controls.find((control) => control.value === String(value));
      if (!match) return false;
      match.checked = true;
    } else if (first.tagName === "SELECT") {
      if (![...first.options].some((option) => option.value === String(value))) return false;
      first.value = String(value);
    } else {
      first.value = value === null || value === undefined ? "" : String(value);
    }
  }
  return true;
}"""


# Wait (on the state, not a clock) until the page has drawn `n` answers; the n-th answer's times.
WAIT_ANSWER = """([n, timeoutMs]) => new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error(`answer ${n} not drawn`)), timeoutMs);
  const check = () => {
    if (window.__benchAnswers.length >= n) {
      clearTimeout(timer);
      resolve(window.__benchAnswers[n - 1]);
    } else document.addEventListener("bench:drawn", check, { once: true });
  };
  check();
})"""
