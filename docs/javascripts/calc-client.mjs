// Regain calculator pages: one shared engine (a module Web Worker running our Python) and the
// forms that talk to it. Nothing here computes an answer: the Python package does. Every string
// written to the page goes through textContent, never innerHTML.

const WORKER_URL = new URL("./calc-worker.mjs", import.meta.url);
const SITE_URL = new URL("../", import.meta.url);
const START_TIMEOUT_MS = 60000; // a slow phone on a slow network, then we give up and say so
const ANSWER_TIMEOUT_MS = 15000;

/* ---------- the engine: one worker per page session, restarted once after a crash ---------- */

const engine = {
  worker: null,
  state: "idle", // idle | loading | ready | failed
  detail: "",
  restarts: 0,
  nextId: 1,
  pending: new Map(),
  listeners: new Set(),
  startTimer: 0,
};

function setState(state, detail = "") {
  engine.state = state;
  engine.detail = detail;
  for (const listener of engine.listeners) listener(state, detail);
}

function failPending(message) {
  for (const { reject, timer } of engine.pending.values()) {
    clearTimeout(timer);
    reject(new Error(message));
  }
  engine.pending.clear();
}

function handleCrash(message) {
  clearTimeout(engine.startTimer);
  if (engine.worker) engine.worker.terminate();
  engine.worker = null;
  if (engine.restarts < 1) {
    engine.restarts += 1;
    startEngine();
    return;
  }
  failPending(message);
  setState("failed", message);
}

function startEngine() {
  if (engine.worker) return;
  if (typeof Worker === "undefined" || typeof WebAssembly === "undefined") {
    setState("failed", "This browser cannot run the calculator (no Web Workers or WebAssembly).");
    return;
  }
  setState("loading", "Starting the calculator engine");
  let worker;
  try {
    worker = new Worker(WORKER_URL, { type: "module" });
  } catch (error) {
    setState("failed", String(error));
    return;
  }
  engine.worker = worker;
  engine.startTimer = setTimeout(
    () => handleCrash("The calculator engine took too long to start."),
    START_TIMEOUT_MS,
  );
  worker.addEventListener("message", (event) => {
    const data = event.data || {};
    if (data.type === "status") {
      if (data.state === "ready") {
        clearTimeout(engine.startTimer);
        performance.mark("regain:engine-ready");
        keepEngineOffline();
      }
      if (data.state === "failed") {
        handleCrash(`The calculator engine could not start: ${data.detail}`);
        return;
      }
      setState(data.state, data.detail);
      return;
    }
    const waiting = engine.pending.get(data.id);
    if (!waiting) return;
    engine.pending.delete(data.id);
    clearTimeout(waiting.timer);
    if (data.error !== undefined) waiting.reject(new Error(data.error));
    else waiting.resolve(data.result);
  });
  worker.addEventListener("error", (event) => {
    event.preventDefault();
    handleCrash("The calculator engine stopped unexpectedly.");
  });
}

/** Ask the engine to run one calculator; resolves with the wire envelope from Python. */
export function calculate(calculator, input) {
  startEngine();
  if (engine.state === "failed") return Promise.reject(new Error(engine.detail));
  const id = engine.nextId++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      engine.pending.delete(id);
      reject(new Error("The calculator did not answer in time."));
    }, START_TIMEOUT_MS + ANSWER_TIMEOUT_MS);
    engine.pending.set(id, { resolve, reject, timer });
    engine.worker.postMessage({ id, calculator, input });
  });
}

/** For tests and the benchmark: how many engines this page session has started. */
export function engineInfo() {
  return { state: engine.state, restarts: engine.restarts, started: engine.worker !== null };
}

/* ---------- small DOM helpers ---------- */

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "text") node.textContent = String(value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function sourceLinks(sources) {
  if (!sources || sources.length === 0) return null;
  const list = el("ul", { class: "rg-sources" });
  for (const id of sources) {
    const href = new URL(`references/#${String(id).toLowerCase()}`, SITE_URL);
    list.append(el("li", {}, el("a", { href: href.pathname + href.hash, text: id })));
  }
  return el("div", {}, el("h3", { text: "Sources" }), list);
}

function warningList(warnings) {
  return (warnings || []).map((warning) =>
    el(
      "div",
      { class: `admonition rg-warning rg-${warning.severity}`, "data-severity": warning.severity },
      el("p", { class: "admonition-title", text: severityTitle(warning.severity) }),
      el("p", { text: warning.message }),
    ),
  );
}

function severityTitle(severity) {
  return { stop: "Stop and ask first", caution: "Take care", info: "Good to know" }[severity] || "Note";
}

function noteList(notes) {
  if (!notes || notes.length === 0) return null;
  return el("ul", { class: "rg-notes" }, notes.map((note) => el("li", { text: note })));
}

function value(path, text) {
  return el("strong", { "data-value": path, text });
}

/* ---------- result renderers: one per calculator ---------- */

const renderers = {
  protein(result) {
    const parts = [];
    if (result.status === "ok") {
      parts.push(
        el(
          "p",
          { class: "rg-headline" },
          "Aim for ",
          value("daily_g", `${result.daily_g.low}–${result.daily_g.high} g`),
          " of protein a day (",
          value("g_per_kg", `${result.g_per_kg.low}–${result.g_per_kg.high} g per kg`),
          ").",
        ),
        el(
          "p",
          {},
          "At each of your ",
          value("meals_per_day", String(result.meals_per_day)),
          " meals: ",
          value("per_meal_g", `${result.per_meal_g.low}–${result.per_meal_g.high} g`),
          ".",
        ),
      );
      if (result.suggestion) parts.push(el("p", { class: "rg-suggestion", text: result.suggestion }));
    } else {
      parts.push(
        el("p", { class: "rg-headline", "data-value": "status", text: "No personal number for you here." }),
      );
      if (result.guideline_ranges && result.guideline_ranges.length) {
        const rows = result.guideline_ranges.map((range) =>
          el(
            "tr",
            {},
            el("td", { text: range.label }),
            el("td", { text: `${range.g_per_kg_low}–${range.g_per_kg_high} g/kg` }),
            el("td", { text: range.source }),
          ),
        );
        parts.push(
          el("p", { text: "What the guidelines say (for information, not a target for you):" }),
          el(
            "table",
            {},
            el("thead", {}, el("tr", {}, el("th", { text: "Group" }), el("th", { text: "Range" }), el("th", { text: "Source" }))),
            el("tbody", {}, rows),
          ),
        );
      }
    }
    parts.push(...warningList(result.warnings), noteList(result.notes), sourceLinks(result.sources));
    return parts;
  },

  plan(result) {
    const parts = [...warningList(result.warnings)];
    if (result.days && result.days.length) {
      const rows = result.days.map((day) => {
        const items = (day.exercises || []).map((exercise) => {
          const href = new URL(`guide/exercises/#${exercise.id}`, SITE_URL);
          const dose = exercise.reps
            ? `${exercise.sets} × ${exercise.reps}`
            : `${exercise.sets} × ${exercise.hold_seconds} s`;
          return el(
            "li",
            { "data-exercise": exercise.id },
            el("a", { href: href.pathname + href.hash, text: exercise.name }),
            ` — ${dose}${exercise.per_side ? " each side" : ""}`,
          );
        });
        const what = [day.kind === "strength" ? `Strength (${day.focus} body)` : capitalise(day.kind)];
        if (day.balance_core) what.push("balance and core");
        return el(
          "tr",
          { "data-day": day.day, "data-kind": day.kind },
          el("th", { scope: "row", text: day.name }),
          el("td", {}, what.join(" + "), items.length ? el("ul", {}, items) : null, noteList(day.notes)),
          el("td", { text: day.steps_target ? `${day.steps_target.toLocaleString("en")} steps` : "—" }),
        );
      });
      parts.push(
        el(
          "table",
          { class: "rg-plan" },
          el("caption", { text: "Your week" }),
          el("thead", {}, el("tr", {}, el("th", { scope: "col", text: "Day" }), el("th", { scope: "col", text: "What to do" }), el("th", { scope: "col", text: "Steps" }))),
          el("tbody", {}, rows),
        ),
      );
    }
    if (result.steps && result.steps.weekly) {
      parts.push(
        el("h3", { text: "Your steps, week by week" }),
        el(
          "ol",
          { class: "rg-steps" },
          result.steps.weekly.map((week) =>
            el("li", { "data-week": week.week, text: `Week ${week.week}: about ${week.steps_per_day.toLocaleString("en")} steps a day` }),
          ),
        ),
      );
    }
    parts.push(noteList(result.timeline), noteList(result.notes), sourceLinks(result.sources));
    return parts;
  },
};

function capitalise(text) {
  const words = String(text || "");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/* ---------- forms ---------- */

function payloadOf(form) {
  const payload = {};
  for (const field of form.elements) {
    if (!field.name || field.disabled || field.type === "submit") continue;
    const many = form.querySelectorAll(`[name="${CSS.escape(field.name)}"][type="checkbox"]`).length > 1;
    if (field.type === "checkbox") {
      if (many) {
        payload[field.name] ??= [];
        if (field.checked) payload[field.name].push(field.value);
      } else payload[field.name] = field.checked;
    } else if (field.type === "radio") {
      if (field.checked) payload[field.name] = field.value;
    } else payload[field.name] = field.value.trim();
  }
  return payload;
}

function clearErrors(form) {
  for (const message of form.querySelectorAll(".rg-field-error")) {
    message.textContent = "";
    message.hidden = true;
  }
  for (const field of form.querySelectorAll("[aria-invalid]")) field.removeAttribute("aria-invalid");
}

function showErrors(form, output, errors) {
  let first = null;
  const general = [];
  for (const error of errors) {
    const slot = error.field && form.querySelector(`[data-error-for="${CSS.escape(error.field)}"]`);
    if (!slot) {
      general.push(error.message);
      continue;
    }
    slot.textContent = error.message;
    slot.hidden = false;
    const field = form.querySelector(`[name="${CSS.escape(error.field)}"]`);
    if (field) {
      field.setAttribute("aria-invalid", "true");
      first ??= field;
    }
  }
  const count = errors.length;
  output.replaceChildren(
    el(
      "div",
      { class: "admonition rg-warning rg-caution", "data-severity": "caution" },
      el("p", { class: "admonition-title", text: count === 1 ? "Please check one answer" : `Please check ${count} answers` }),
      general.length ? el("ul", {}, general.map((message) => el("li", { text: message }))) : null,
    ),
  );
  if (first) first.focus();
}

function showFailure(output, message) {
  output.replaceChildren(
    el(
      "div",
      { class: "admonition rg-warning rg-stop", "data-severity": "stop", "data-engine-failed": "" },
      el("p", { class: "admonition-title", text: "The calculator could not run in this browser" }),
      el("p", { text: message }),
      el("p", { text: "The guideline ranges on this page still apply: see the table below the form." }),
    ),
  );
}

function updateUnits(form) {
  const unit = form.querySelector('[name="unit"]:checked');
  if (!unit) return;
  for (const label of form.querySelectorAll("[data-unit-label]")) label.textContent = unit.value;
}

function initForm(form) {
  if (form.dataset.rgReady) return;
  form.dataset.rgReady = "1";
  const calculator = form.dataset.calculator;
  const output = document.getElementById(form.dataset.output);
  const button = form.querySelector('[type="submit"]');
  const status = form.querySelector("[data-engine-status]");
  const progress = form.querySelector("progress");
  const readyLabel = button.dataset.readyLabel || button.textContent;

  const onState = (state, detail) => {
    form.dataset.engine = state;
    if (state === "loading") {
      button.textContent = "Calculator loading…";
      if (status) status.textContent = `${detail || "Loading the calculator"}…`;
      if (progress) progress.hidden = false;
    } else if (state === "ready") {
      button.textContent = readyLabel;
      if (status) status.textContent = "The calculator is ready.";
      if (progress) progress.hidden = true;
    } else if (state === "failed") {
      button.textContent = readyLabel;
      if (progress) progress.hidden = true;
      if (status) status.textContent = "The calculator could not start.";
      showFailure(output, detail);
    }
  };
  engine.listeners.add(onState);
  onState(engine.state, engine.detail);

  form.addEventListener("change", (event) => {
    if (event.target.name === "unit") updateUnits(form);
  });
  updateUnits(form);

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    output.setAttribute("aria-busy", "true");
    try {
      const answer = await calculate(calculator, payloadOf(form));
      if (answer.ok) {
        output.replaceChildren(...renderers[calculator](answer.result).filter(Boolean));
        output.dataset.state = "result";
        performance.mark("regain:result");
      } else {
        showErrors(form, output, answer.errors || []);
        output.dataset.state = "errors";
      }
    } catch (error) {
      showFailure(output, error.message);
      output.dataset.state = "failed";
    } finally {
      output.removeAttribute("aria-busy");
    }
  });
}

/* ---------- offline: the service worker, its indicator and the update notice ---------- */

let offlineReady = false;
let updateShown = false;

function showOfflineStatus() {
  for (const node of document.querySelectorAll("[data-offline-status]")) {
    node.hidden = !offlineReady;
  }
}

function showUpdateNotice() {
  if (updateShown) return;
  updateShown = true;
  const button = el("button", { type: "button", class: "md-button", text: "Reload" });
  button.addEventListener("click", () => location.reload());
  document.body.append(
    el(
      "div",
      { class: "rg-update", role: "status", "data-update-notice": "" },
      el("p", { text: "A new version of this site is available." }),
      button,
    ),
  );
}

function keepEngineOffline() {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.ready.then((registration) => {
    if (registration.active) registration.active.postMessage({ type: "cache-engine" });
  });
}

function registerOffline() {
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  const hadController = Boolean(navigator.serviceWorker.controller);
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    // A worker took over a page an older worker was serving: a new build has been deployed.
    if (hadController) showUpdateNotice();
  });
  navigator.serviceWorker
    .register(new URL("../sw.js", import.meta.url), { scope: SITE_URL.pathname })
    .then(() => navigator.serviceWorker.ready)
    .then(() => {
      offlineReady = true;
      showOfflineStatus();
    })
    .catch(() => {
      /* offline mode is a bonus: the site works without it */
    });
}

function initPage() {
  showOfflineStatus();
  // Forget listeners of forms that instant navigation removed from the page.
  engine.listeners.clear();
  const forms = document.querySelectorAll("form[data-calculator]");
  for (const form of forms) initForm(form);
  if (forms.length) startEngine();
}

registerOffline();
if (typeof window.document$ !== "undefined") window.document$.subscribe(initPage);
else initPage();
