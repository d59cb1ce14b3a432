// The calculator forms: send the answers to the engine, insert the answer Python rendered,
// and bring its buttons to life (share link, print, calendar). Behaviour only: every word on
// the page comes from Python, in the answer's HTML or in the form's data attributes and
// templates (calculators/present/forms.py).

import { calculate, onEngineState, restartEngine, startEngine } from "./engine.mjs";

const MATERIAL_PARAMETERS = new Set(["h", "q"]); // search highlighting, not ours
const MAX_LINK_VALUE = 40; // longer than any real answer: a tampered link gets no further

/** The answers a form sends to the engine (exported for the tests' parity checks). */
export function formPayload(form) {
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

/** Markup from our Python, parsed as HTML (never run): anything active is dropped anyway.
 * Parsed into an inert template (no script runs, nothing loads) whose nodes are then moved
 * into the page, not copied: one parse, no second tree to build. */
function fragment(markup) {
  const template = document.createElement("template");
  template.innerHTML = markup;
  const parsed = template.content;
  for (const bad of parsed.querySelectorAll("script, iframe, object, embed, foreignObject")) bad.remove();
  for (const node of parsed.querySelectorAll("*")) {
    for (const attribute of [...node.attributes]) {
      if (/^on/i.test(attribute.name) || /^\s*javascript:/i.test(attribute.value)) {
        node.removeAttribute(attribute.name);
      }
    }
  }
  return parsed;
}

function clearErrors(form) {
  for (const message of form.querySelectorAll(".rg-field-error")) {
    message.textContent = "";
    message.hidden = true;
  }
  for (const field of form.querySelectorAll("[aria-invalid]")) field.removeAttribute("aria-invalid");
}

/** Show one wire error in the slot next to its field inside `scope`; false if it has none. */
function showFieldError(scope, error) {
  const slot = scope && error.field && scope.querySelector(`[data-error-for="${CSS.escape(error.field)}"]`);
  if (!slot) return false;
  slot.textContent = error.message;
  slot.hidden = false;
  scope.querySelector(`[name="${CSS.escape(error.field)}"]`)?.setAttribute("aria-invalid", "true");
  return true;
}

/** Move each field's message from the answer's summary box to the slot next to its field. */
function placeErrors(form, output) {
  for (const item of output.querySelectorAll("li[data-field]")) {
    if (showFieldError(form, { field: item.dataset.field, message: item.textContent })) item.remove();
  }
  for (const list of output.querySelectorAll("ul")) if (!list.children.length) list.remove();
  openFolds(form);
  form.querySelector('[aria-invalid="true"]')?.focus();
}

/** A folded optional test (details.rg-fold) opens when it holds an answer, from a shared link,
 * or a field message: the reader sees what the form will use and what to fix. */
function openFolds(form) {
  for (const fold of form.querySelectorAll("details.rg-fold")) {
    const controls = [...fold.querySelectorAll("input, select")];
    const filled = controls.some((control) =>
      control.matches('[aria-invalid="true"]') ||
      (control.type === "checkbox" || control.type === "radio" ? control.checked : control.value.trim() !== ""));
    if (filled) fold.open = true;
  }
}

/** Move the reader to the answer: focus its top line (a box's title, not the whole box; not
 * the buttons above it) (read once by a screen reader: the
 * result area is not a live region) and scroll it to the top of the screen, under the header. */
function bringIntoView(output) {
  // Paper-only parts (the printed plan's title) are hidden on screen: never focused.
  const skip = ".rg-result-actions, .rg-action-status, .rg-print-only";
  const top = [...output.children].find((child) => !child.matches(skip));
  const boxed = top?.matches("div, section, table, figure");
  const first = boxed ? top.querySelector("caption, .admonition-title, h2, h3, p") || top : top;
  if (!first) return;
  if (!first.hasAttribute("tabindex")) first.setAttribute("tabindex", "-1");
  first.focus({ preventScroll: true });
  // The answer's buttons sit above its first line: bring both into view, unless the buttons
  // alone fill the screen (a phone at large text): then the first line goes to the top.
  output.scrollIntoView({ block: "start" });
  if (first.getBoundingClientRect().bottom > window.innerHeight) first.scrollIntoView({ block: "start" });
}

function showFailure(form, output, reason) {
  const template = form.querySelector("template[data-engine-failure]");
  if (!template) return;
  if (output.dataset.state === "failed" && output.querySelector("[data-engine-failed]")) return;
  const box = template.content.cloneNode(true);
  const words = template.dataset[`reason${capitalised(reason)}`] || template.dataset.reasonStart;
  box.querySelector("[data-reason]").textContent = words;
  // "Try again" starts a new engine from the beginning and asks again.
  box.querySelector('[data-action="retry"]')?.addEventListener("click", () => {
    output.replaceChildren();
    delete output.dataset.state;
    restartEngine();
    form.requestSubmit();
  });
  output.replaceChildren(box);
}

function capitalised(text) {
  const word = String(text || "");
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function updateUnits(form) {
  const unit = form.querySelector('[name="unit"]:checked');
  if (!unit) return;
  for (const label of form.querySelectorAll("[data-unit-label]")) label.textContent = unit.value;
}

/* ---------- share links ---------- */

// Links carry the answers in the URL's fragment ("#answers?age=72&…"): a browser never sends
// a fragment to a server, so opening a shared link sends nothing the reader entered. The
// prefix is Python's (calculators/present/query.py), on the form as data-link-fragment.

/** The answers a link carries, or null: the fragment's, or an old link's query string. */
function linkAnswers(form) {
  const prefix = `#${form.dataset.linkFragment}`;
  if (location.hash.startsWith(prefix)) return new URLSearchParams(location.hash.slice(prefix.length));
  const query = new URLSearchParams(location.search);
  const kept = new URLSearchParams(); // Material's search words stay where they are
  for (const name of MATERIAL_PARAMETERS) {
    for (const value of query.getAll(name)) kept.append(name, value);
    query.delete(name);
  }
  if (!query.size) return null;
  // An old link (answers in the query, which the server saw once): read it once and move the
  // answers to the fragment, so the address bar, a reload or a copy no longer sends them.
  const moved = new URL(location.href);
  moved.search = kept.toString();
  moved.hash = `${form.dataset.linkFragment}${query}`;
  history.replaceState(history.state, "", moved.href);
  return query;
}

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

/** Fill the form from a shared link. Each value is checked against the form's own controls
 * (built from the calculator's field specs); what does not fit is ignored and listed, never
 * fatal. Returns [used, ignored] where ignored holds [name, reason code] pairs. */
function applyLink(form, query) {
  let used = 0;
  const ignored = [];
  const names = new Set([...query.keys()].filter((name) => !MATERIAL_PARAMETERS.has(name)));
  for (const name of names) {
    const values = query.getAll(name);
    // A private field (the name to print) never comes from a link, as it never goes into one.
    const controls = [...form.elements].filter(
      (control) => control.name === name && !("private" in control.dataset),
    );
    const label = name.replace(/[^a-z0-9_ -]/gi, "").slice(0, MAX_LINK_VALUE) || "?";
    if (!controls.length) {
      ignored.push([label, "unknown"]);
      continue;
    }
    const first = controls[0];
    if (values.some((item) => item.length > MAX_LINK_VALUE)) {
      ignored.push([label, "long"]);
    } else if (first.type === "checkbox" && controls.length > 1) {
      const known = values.filter((item) => controls.some((control) => control.value === item));
      if (known.length !== values.length) ignored.push([label, "choice"]);
      for (const control of controls) control.checked = known.includes(control.value);
      used += 1;
    } else if (first.type === "checkbox") {
      if (["true", "false"].includes(values[0])) {
        first.checked = values[0] === "true";
        used += 1;
      } else ignored.push([label, "flag"]);
    } else if (first.type === "radio" || first.tagName === "SELECT") {
      const options = first.tagName === "SELECT" ? [...first.options] : controls;
      const match = options.find((option) => option.value === values[0]);
      if (match) {
        if (first.tagName === "SELECT") first.value = values[0];
        else match.checked = true;
        used += 1;
      } else ignored.push([label, "option"]);
    } else {
      first.value = values[0];
      used += 1;
    }
  }
  return [used, ignored];
}

function linkNotice(form, ignored) {
  const template = form.querySelector("template[data-notice-template]");
  if (!template) return;
  const notice = template.content.cloneNode(true);
  const list = notice.querySelector("ul");
  for (const [name, reason] of ignored) {
    const item = document.createElement("li");
    item.textContent = `${name} (${template.dataset[`reason${capitalised(reason)}`]})`;
    list.append(item);
  }
  form.before(notice);
}

/* ---------- the answer's buttons: copy a link, print, calendar ---------- */

function saveFile(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function localISODate(day = new Date()) {
  const pad = (number) => String(number).padStart(2, "0");
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

function wireActions(form, output, payload) {
  const status = output.querySelector(".rg-action-status");
  const say = (text) => {
    if (status) status.textContent = text;
  };
  const link = new URL(location.href);
  const shared = { ...payload };
  for (const field of form.querySelectorAll("[data-private]")) delete shared[field.name];
  link.search = "";
  link.hash = `${form.dataset.linkFragment}${queryOf(shared)}`;

  const copy = output.querySelector('[data-action="copy-link"]');
  copy?.addEventListener("click", async () => {
    history.replaceState(history.state, "", link.href);
    try {
      await navigator.clipboard.writeText(link.href);
      say(copy.dataset.done);
    } catch {
      const field = document.createElement("input");
      Object.assign(field, { type: "text", readOnly: true, value: link.href });
      field.setAttribute("aria-label", copy.dataset.fieldLabel);
      status?.replaceChildren(`${copy.dataset.fallback} `, field);
      field.select();
    }
  });
  output.querySelector('[data-action="print"]')?.addEventListener("click", () => window.print());

  const calendar = output.querySelector('[data-action="calendar"]');
  calendar?.addEventListener("click", async () => {
    // The calendar's own choices (time, reminder) sit under the buttons; Python checks them.
    const options = output.querySelector('[data-options-for="calendar"] fieldset');
    if (options) clearErrors(options);
    const chosen = options ? formPayload(options) : {};
    const input = { ...payload, ...chosen, start_date: localISODate() };
    const answer = await calculate("plan-calendar", input).catch(() => ({ ok: false, errors: [] }));
    if (answer.ok) {
      saveFile(answer.result.filename, answer.result.content, "text/calendar");
      say(answer.result.message);
      return;
    }
    const errors = answer.errors || [];
    const unplaced = errors.filter((error) => !showFieldError(options, error));
    const invalid = options?.querySelector('[aria-invalid="true"]');
    if (invalid) {
      invalid.closest("details").open = true;
      invalid.focus();
    }
    say(unplaced.map((error) => error.message).join(" ") || (errors.length ? "" : calendar.dataset.failed));
  });
}

/* ---------- the chair-stand timer ---------- */

function initTimers(form) {
  for (const slot of form.querySelectorAll("[data-timer-for]")) {
    const field = form.querySelector(`[name="${CSS.escape(slot.dataset.timerFor)}"]`);
    if (!field || slot.childElementCount) continue;
    const words = slot.dataset;
    const shownTime = (seconds) => `${seconds} ${words.unit}`;
    const button = document.createElement("button");
    Object.assign(button, { type: "button", className: "md-button", textContent: words.start });
    button.setAttribute("aria-pressed", "false");
    const shown = document.createElement("span");
    Object.assign(shown, { className: "rg-timer-display", textContent: shownTime("0.0") });
    shown.setAttribute("aria-live", "off");
    let started = 0;
    let ticker = 0;
    button.addEventListener("click", () => {
      if (!started) {
        started = performance.now();
        button.textContent = words.stop;
        button.setAttribute("aria-pressed", "true");
        ticker = setInterval(() => {
          shown.textContent = shownTime(((performance.now() - started) / 1000).toFixed(1));
        }, 100);
      } else {
        clearInterval(ticker);
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        started = 0;
        shown.textContent = shownTime(seconds);
        field.value = seconds;
        button.textContent = words.again;
        button.setAttribute("aria-pressed", "false");
        shown.setAttribute("aria-live", "polite");
      }
    });
    slot.append(button, " ", shown);
  }
}

/* ---------- one form ---------- */

function initForm(form) {
  if (form.dataset.rgReady) return;
  form.dataset.rgReady = "1";
  const calculator = form.dataset.calculator;
  const root = form.dataset.siteRoot || "";
  const output = document.getElementById(form.dataset.output);
  const button = form.querySelector('[type="submit"]');
  const status = form.querySelector("[data-engine-status]");
  const progress = form.querySelector("progress");
  const progressText = form.querySelector("[data-engine-progress]");
  const readyLabel = button.dataset.readyLabel || button.textContent;
  const words = form.dataset;

  const megabytes = (bytes) => (bytes / 1e6).toFixed(1);
  // One state at a time for the button, the status line, the bar and the message.
  onEngineState((state, reason, { bytes, total }) => {
    form.dataset.engine = state;
    if (progress) progress.hidden = state !== "loading";
    if (progressText) progressText.hidden = state !== "loading" || !total;
    if (state === "loading") {
      if (button.textContent !== words.textLoadingButton) button.textContent = words.textLoadingButton;
      const loading = total ? words.textLoadingSize.replace("{mb}", megabytes(total)) : words.textLoading;
      if (status && status.textContent !== loading) status.textContent = loading; // said once
      if (progress && total) Object.assign(progress, { max: total, value: Math.min(bytes, total) });
      if (progressText && total) {
        const shown = words.textProgress
          .replace("{done}", megabytes(Math.min(bytes, total)))
          .replace("{mb}", megabytes(total));
        if (progressText.textContent !== shown) progressText.textContent = shown;
      }
    } else if (state === "ready") {
      button.textContent = readyLabel;
      if (status) status.textContent = words.textReady;
    } else if (state === "failed") {
      button.textContent = readyLabel;
      if (status) status.textContent = words.textFailed;
      showFailure(form, output, reason);
      output.dataset.state = "failed";
    }
  });

  form.addEventListener("change", (event) => {
    if (event.target.name === "unit") updateUnits(form);
  });
  initTimers(form);
  const query = linkAnswers(form);
  const [used, ignored] = query?.size ? applyLink(form, query) : [0, []];
  if (ignored.length) linkNotice(form, ignored);
  updateUnits(form);
  openFolds(form);

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    output.setAttribute("aria-busy", "true");
    try {
      const payload = formPayload(form);
      const answer = await calculate(calculator, payload, { root });
      performance.mark("regain:answer-received"); // the benchmark splits reply from drawing here
      output.replaceChildren(fragment(answer.html || ""));
      if (answer.ok) {
        wireActions(form, output, payload);
        if (status) status.textContent = "";
        // The state first: focusing and scrolling lay the page out, and a state changed after
        // that would make the browser recompute the styles a second time in the same frame.
        output.dataset.state = "result";
        bringIntoView(output);
        performance.mark("regain:result");
      } else {
        placeErrors(form, output);
        output.dataset.state = "errors";
      }
      output.dispatchEvent(new CustomEvent("regain:answer", { bubbles: true }));
    } catch (error) {
      showFailure(form, output, error.reason);
      bringIntoView(output); // the reader pressed and is waiting: take them to the message
      output.dataset.state = "failed";
    } finally {
      output.removeAttribute("aria-busy");
    }
  });
  // A shared link answers at once (the engine queues the request until it is ready).
  if (used) form.requestSubmit();
}

/* ---------- print: the paper's title is the plan's, as Python words it ---------- */

let printTitleWired = false;

/** While printing an answer with a print title, the document's title (which the browser's
 * print header shows) is that title, then the page's again. Wired once per page load. */
function wirePrintTitle() {
  if (printTitleWired) return;
  printTitleWired = true;
  let pageTitle = null;
  window.addEventListener("beforeprint", () => {
    const title = document.querySelector('.rg-result[data-state="result"] .rg-print-title');
    if (!title) return;
    pageTitle = document.title;
    document.title = title.textContent;
  });
  window.addEventListener("afterprint", () => {
    if (pageTitle !== null) document.title = pageTitle;
    pageTitle = null;
  });
}

/** Bring every calculator form on the page to life, and start the engine if there is one. */
export function initForms() {
  const forms = document.querySelectorAll("form[data-calculator]");
  for (const form of forms) initForm(form);
  if (forms.length) wirePrintTitle();
  if (forms.length) startEngine();
}
