// The calculator forms: send the answers to the engine, insert the answer Python rendered,
// and bring its buttons to life. Behaviour only: every word on the page comes from Python, in
// the answer's HTML or in the form's data attributes and templates (their words are in
// calculators/present/page_words.py, written into the form by present/forms.py).
// This module wires one form; each job has its module under forms/:
//   payload.mjs        the answers a form sends
//   fields.mjs         field messages in their slots, folded tests opened, unit labels
//   answer.mjs         the answer's markup inserted (nothing active) and the reader taken to it
//   engine-status.mjs  the button, status line and bar following the engine; the failure box
//   share-links.mjs    answers in the URL's fragment: a shared link read, a link copied
//   calendar.mjs       the plan's calendar file
//   record.mjs         the reader's record: save an answer, the My progress page's tools
//   files.mjs          a file saved in the browser (calendar, record export), the device's date
//   print.mjs          the print button and the paper's title
//   timer.mjs          the chair-stand timer
//   reasons.mjs        a reason code to the words of the form's template

import { calculate, startEngine } from "./engine.mjs";
import { bringIntoView, fragment } from "./forms/answer.mjs";
import { wireCalendar } from "./forms/calendar.mjs";
import { followEngine, showFailure } from "./forms/engine-status.mjs";
import { clearErrors, openFolds, placeErrors, updateUnits } from "./forms/fields.mjs";
import { formPayload } from "./forms/payload.mjs";
import { wirePrint, wirePrintTitle } from "./forms/print.mjs";
import { recordInput, sayAfterRefresh, wireProgress, wireRecordButtons } from "./forms/record.mjs";
import { readSharedLink, wireCopyLink } from "./forms/share-links.mjs";
import { initTimers } from "./forms/timer.mjs";

export { formPayload };

/** The answer's buttons: copy a link, print, calendar, save; each says what it did in one line. */
function wireActions(form, output, payload) {
  const status = output.querySelector(".rg-action-status");
  const say = (text) => {
    if (status) status.textContent = text;
  };
  const root = form.dataset.siteRoot || "";
  wireCopyLink(form, output, payload, status, say);
  wirePrint(output);
  wireCalendar(output, payload, say);
  if (form.hasAttribute("data-record")) {
    wireProgress(form, output, root); // My progress: its own tools, each button wired once
    sayAfterRefresh(form, output);
  } else wireRecordButtons(output, form.dataset.calculator, payload, root, say);
}

function initForm(form) {
  if (form.dataset.rgReady) return;
  form.dataset.rgReady = "1";
  const calculator = form.dataset.calculator;
  const root = form.dataset.siteRoot || "";
  const output = document.getElementById(form.dataset.output);
  const status = form.querySelector("[data-engine-status]");

  followEngine(form, output);
  form.addEventListener("change", (event) => {
    if (event.target.name === "unit") updateUnits(form);
  });
  initTimers(form);
  const used = readSharedLink(form);
  updateUnits(form);
  openFolds(form);

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    output.setAttribute("aria-busy", "true");
    // The My progress page redraws itself after a change: the reader stays where they were.
    const refreshing = form.dataset.refreshing === "1";
    delete form.dataset.refreshing;
    try {
      // The My progress page sends the record stored in this browser, not form fields.
      const payload = form.hasAttribute("data-record") ? recordInput() : formPayload(form);
      const answer = await calculate(calculator, payload, { root });
      performance.mark("regain:answer-received"); // the benchmark splits reply from drawing here
      output.replaceChildren(fragment(answer.html || ""));
      if (answer.ok) {
        wireActions(form, output, payload);
        if (status) status.textContent = "";
        // The state first: focusing and scrolling lay the page out, and a state changed after
        // that would make the browser recompute the styles a second time in the same frame.
        output.dataset.state = "result";
        if (!refreshing) bringIntoView(output);
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
  // A shared link answers at once (the engine queues the request until it is ready); so does
  // the My progress page, which shows what is saved without being asked.
  if (used || form.hasAttribute("data-record")) {
    if (!used) form.dataset.refreshing = "1";
    form.requestSubmit();
  }
}

/** Bring every calculator form on the page to life, and start the engine if there is one. */
export function initForms() {
  const forms = document.querySelectorAll("form[data-calculator]");
  for (const form of forms) initForm(form);
  if (forms.length) wirePrintTitle();
  if (forms.length) startEngine();
}
