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
  startedFrom: null,
  snapshot: null, // after a fresh start: "saved" or "failed" once the worker has stored it
  snapshotBytes: 0,
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
  return {
    state: engine.state,
    restarts: engine.restarts,
    started: engine.worker !== null,
    from: engine.startedFrom, // "fresh" or "snapshot"
    snapshot: engine.snapshot, // null until a fresh engine has stored (or failed to store) one
    snapshotBytes: engine.snapshotBytes,
  };
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

/** g/kg figures keep one decimal, as the notes from Python write them (1.0, not 1). */
function perKg(number) {
  return Number.isInteger(number) ? number.toFixed(1) : String(number);
}

function value(path, text) {
  return el("strong", { "data-value": path, text });
}

/** Our Python draws the charts as SVG text; parse it as SVG (never as HTML) and drop anything
 * active, so even a bad string could not run code in the page. */
function chartNodes(charts) {
  const nodes = [];
  for (const [name, svg] of Object.entries(charts || {})) {
    const parsed = new DOMParser().parseFromString(String(svg), "image/svg+xml");
    const root = parsed.documentElement;
    if (root.nodeName !== "svg" || parsed.querySelector("parsererror")) continue;
    for (const bad of root.querySelectorAll("script, foreignObject")) bad.remove();
    for (const node of [root, ...root.querySelectorAll("*")]) {
      for (const attribute of [...node.attributes]) {
        if (/^on/i.test(attribute.name) || /javascript:/i.test(attribute.value)) {
          node.removeAttribute(attribute.name);
        }
      }
    }
    const figure = el("figure", { class: "rg-chart", "data-chart": name });
    figure.append(document.importNode(root, true));
    nodes.push(figure);
  }
  return nodes;
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
          value("g_per_kg", `${perKg(result.g_per_kg.low)}–${perKg(result.g_per_kg.high)} g per kg`),
          ").",
        ),
        el(
          "p",
          {},
          result.protein_meals < result.meals_per_day ? `At ${result.protein_meals} of your ` : "At each of your ",
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
    parts.push(
      ...chartNodes(result.charts),
      ...warningList(result.warnings),
      noteList(result.notes),
      sourceLinks(result.sources),
    );
    return parts;
  },

  "self-check"(result) {
    const parts = [
      el(
        "p",
        { class: "rg-headline" },
        "Your SARC-F score: ",
        value("score", `${result.score} out of 10`),
        " — ",
        value("band", result.band_label),
        ".",
      ),
    ];
    if (result.meaning) parts.push(el("p", { text: result.meaning }));
    if (result.chair_stand) {
      parts.push(
        el(
          "p",
          {},
          "Chair-stand test: ",
          value("chair_stand", `${result.chair_stand.seconds} seconds`),
          result.chair_stand.low_strength ? " (slower than 15 seconds: low leg strength)." : ".",
        ),
      );
    }
    if (result.next_step) parts.push(el("p", { class: "rg-suggestion", text: result.next_step }));
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
          el("td", { class: "rg-print-only rg-done", "aria-hidden": "true", text: "☐" }),
        );
      });
      parts.push(
        el(
          "table",
          { class: "rg-plan" },
          el("caption", { text: "Your week" }),
          el("thead", {}, el("tr", {}, el("th", { scope: "col", text: "Day" }), el("th", { scope: "col", text: "What to do" }), el("th", { scope: "col", text: "Steps" }), el("th", { scope: "col", class: "rg-print-only rg-done", text: "Done" }))),
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
    parts.push(
      ...chartNodes(result.charts),
      noteList(result.timeline),
      noteList(result.notes),
      sourceLinks(result.sources),
    );
    return parts;
  },
};

function capitalise(text) {
  const words = String(text || "");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/* ---------- forms ---------- */

/** The answers a form sends to the engine (exported for the tests' parity checks). */
export function formPayload(form) {
  return payloadOf(form);
}

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

/* ---------- reader tools: share link, print, calendar, plan hand-off ---------- */

/** The form's answers as URL query parameters (arrays repeat their key; false is left out). */
function queryOf(payload) {
  const query = new URLSearchParams();
  for (const [name, answer] of Object.entries(payload)) {
    if (Array.isArray(answer)) for (const item of answer) query.append(name, item);
    else if (answer === true) query.append(name, "true");
    else if (answer !== false && answer !== "" && answer !== null && answer !== undefined) {
      query.append(name, answer);
    }
  }
  return query;
}

const MATERIAL_PARAMETERS = new Set(["h", "q"]);
const MAX_LINK_VALUE = 40; // longer than any real answer: a tampered link gets no further

/** Fill the form from a shared link. Each value is checked against the form's own controls;
 * anything that does not fit is ignored and listed, never fatal. Returns [used, ignored]. */
function applyLink(form, query) {
  let used = 0;
  const ignored = [];
  // Material's search adds ?h=<term> to highlight it: not ours, not worth a notice.
  const names = new Set([...query.keys()].filter((name) => !MATERIAL_PARAMETERS.has(name)));
  for (const name of names) {
    const values = query.getAll(name);
    const controls = [...form.elements].filter((control) => control.name === name);
    const label = name.replace(/[^a-z0-9_ -]/gi, "").slice(0, MAX_LINK_VALUE) || "?";
    if (!controls.length) {
      ignored.push(`${label} (not a question on this page)`);
      continue;
    }
    const first = controls[0];
    if (values.some((item) => item.length > MAX_LINK_VALUE)) {
      ignored.push(`${label} (too long)`);
    } else if (first.type === "checkbox" && controls.length > 1) {
      const known = values.filter((item) => controls.some((control) => control.value === item));
      if (known.length !== values.length) ignored.push(`${label} (an unknown choice)`);
      for (const control of controls) control.checked = known.includes(control.value);
      used += 1;
    } else if (first.type === "checkbox") {
      if (["true", "false"].includes(values[0])) {
        first.checked = values[0] === "true";
        used += 1;
      } else ignored.push(`${label} (not yes or no)`);
    } else if (first.type === "radio" || first.tagName === "SELECT") {
      const options = first.tagName === "SELECT" ? [...first.options] : controls;
      const match = options.find((option) => option.value === values[0]);
      if (match) {
        if (first.tagName === "SELECT") first.value = values[0];
        else match.checked = true;
        used += 1;
      } else ignored.push(`${label} (not one of the choices)`);
    } else {
      first.value = values[0];
      used += 1;
    }
  }
  return [used, ignored];
}

function linkNotice(form, ignored) {
  const notice = el(
    "div",
    { class: "admonition rg-warning rg-info", "data-severity": "info", "data-link-notice": "", role: "status" },
    el("p", { class: "admonition-title", text: "Some values in this link were left out" }),
    el("p", { text: "The link you opened had values this page cannot use, so they were ignored:" }),
    el("ul", {}, ignored.map((item) => el("li", { text: item }))),
  );
  form.before(notice);
}

function saveFile(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el("a", { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function localISODate(day = new Date()) {
  const pad = (number) => String(number).padStart(2, "0");
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

function resultActions(form, calculator, payload, result) {
  const actions = el("div", { class: "rg-result-actions" });
  const status = el("p", { class: "rg-action-status", role: "status" });
  const link = new URL(location.href);
  link.search = queryOf(payload).toString();
  link.hash = "";

  const copy = el("button", { type: "button", class: "md-button", "data-action": "copy-link", text: "Copy a link to this result" });
  copy.addEventListener("click", async () => {
    history.replaceState(history.state, "", link.href);
    try {
      await navigator.clipboard.writeText(link.href);
      status.textContent = "Link copied. Anyone who opens it sees this result; nothing is stored anywhere.";
    } catch {
      const field = el("input", { type: "text", readonly: true, value: link.href, "aria-label": "Link to this result" });
      status.replaceChildren("Copy this link: ", field);
      field.select();
    }
  });
  actions.append(copy);

  const print = el("button", { type: "button", class: "md-button", "data-action": "print", text: calculator === "plan" ? "Print my plan" : "Print this result" });
  print.addEventListener("click", () => window.print());
  actions.append(print);

  if (calculator === "plan" && result.status === "ok") {
    const calendar = el("button", { type: "button", class: "md-button", "data-action": "calendar", text: "Add to my calendar (.ics)" });
    calendar.addEventListener("click", async () => {
      const answer = await calculate("plan-calendar", { ...payload, start_date: localISODate() }).catch((error) => ({ ok: false, errors: [{ message: error.message }] }));
      if (answer.ok) {
        saveFile(answer.result.filename, answer.result.content, "text/calendar");
        status.textContent = `Calendar file saved with ${answer.result.events} weekly sessions. Open it to add them to your calendar.`;
      } else {
        status.textContent = (answer.errors || []).map((error) => error.message).join(" ") || "The calendar file could not be made.";
      }
    });
    actions.append(calendar);
  }

  // After a "stop" answer (e.g. four or more falls) the next step is the doctor, not a plan.
  const mustSeeDoctor = (result.warnings || []).some((warning) => warning.severity === "stop");
  if (calculator === "self-check" && result.plan_prefill && !mustSeeDoctor) {
    const target = new URL("tools/plan/", SITE_URL);
    target.search = queryOf(result.plan_prefill).toString();
    actions.append(el("a", { class: "md-button md-button--primary", href: target.pathname + target.search, "data-action": "build-plan", text: "Build a plan from this" }));
  }
  return [actions, status];
}

function initTimers(form) {
  for (const slot of form.querySelectorAll("[data-timer-for]")) {
    const field = form.querySelector(`[name="${CSS.escape(slot.dataset.timerFor)}"]`);
    if (!field || slot.childElementCount) continue;
    const button = el("button", { type: "button", class: "md-button", "aria-pressed": "false", text: "Start the timer" });
    const shown = el("span", { class: "rg-timer-display", "aria-live": "off", text: "0.0 s" });
    let started = 0;
    let ticker = 0;
    button.addEventListener("click", () => {
      if (!started) {
        started = performance.now();
        button.textContent = "Stop the timer";
        button.setAttribute("aria-pressed", "true");
        ticker = setInterval(() => {
          shown.textContent = `${((performance.now() - started) / 1000).toFixed(1)} s`;
        }, 100);
      } else {
        clearInterval(ticker);
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        started = 0;
        shown.textContent = `${seconds} s`;
        field.value = seconds;
        button.textContent = "Start the timer again";
        button.setAttribute("aria-pressed", "false");
        shown.setAttribute("aria-live", "polite");
      }
    });
    slot.append(button, " ", shown);
  }
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
  initTimers(form);
  const query = new URLSearchParams(location.search);
  const [used, ignored] = query.size ? applyLink(form, query) : [0, []];
  if (ignored.length) linkNotice(form, ignored);
  updateUnits(form);

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    output.setAttribute("aria-busy", "true");
    try {
      const payload = payloadOf(form);
      const answer = await calculate(calculator, payload);
      if (answer.ok) {
        output.replaceChildren(
          ...renderers[calculator](answer.result).filter(Boolean),
          ...resultActions(form, calculator, payload, answer.result),
        );
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
  // A shared link answers at once (the engine queues the request until it is ready).
  if (used) form.requestSubmit();
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
  navigator.serviceWorker.addEventListener("message", (event) => {
    if (event.data && event.data.type === "engine-cached") {
      document.documentElement.dataset.engineOffline = "cached";
    }
  });
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
    // updateViaCache "none": a new build is noticed even when the host sets max-age on files.
    .register(new URL("../sw.js", import.meta.url), { scope: SITE_URL.pathname, updateViaCache: "none" })
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
