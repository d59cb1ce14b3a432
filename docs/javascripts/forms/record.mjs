// The reader's record (issue 24): the answers' "save" and "print for an appointment" buttons, and
// the My progress page's tools (tick a session, print, export, import, delete). Behaviour only:
// Python checks, changes and words the record (calculators/record_api.py); this module moves it
// between the engine and this browser's storage (record-store.mjs). Nothing is sent anywhere.

import { calculate } from "../engine.mjs";
import { readRecord, writeRecord, deleteRecord } from "../record-store.mjs";
import { fragment } from "./answer.mjs";
import { localISODate, saveFile } from "./files.mjs";

/** The words for a storage failure: the button's own, else any on the answer. */
function storageWords(button, output, reason) {
  const name = `data-storage-${reason}`;
  if (button?.hasAttribute(name)) return button.getAttribute(name);
  return output.querySelector(`[${name}]`)?.getAttribute(name) || "";
}

/** Say `text` in the status line under the button's row (each row of buttons has its own). */
function sayNear(button, text) {
  const status = button.closest(".rg-result-actions")?.nextElementSibling;
  if (status?.matches(".rg-action-status")) status.textContent = text;
}

const errorsText = (answer) => (answer?.errors || []).map((error) => error.message).join(" ");

/** Ask the engine; a failure of the engine itself becomes a failed answer with no errors. */
const ask = (calculator, input, root = "") => calculate(calculator, input, { root }).catch(() => ({ ok: false }));

/** What the record's requests send: the stored record and the device's date (or why not). */
export function recordInput() {
  const stored = readRecord();
  const date = localISODate();
  return stored.failed ? { storage: stored.failed, date } : { record: stored.record, date };
}

/** The one-page printout for an appointment: made by the engine, then printed alone. */
async function printAppointment(input, root, say, button) {
  const answer = await ask("appointment", input, root);
  if (!answer.ok) {
    say(errorsText(answer) || button.dataset.failed || "");
    return;
  }
  let sheet = document.querySelector(".rg-appointment-sheet");
  if (!sheet) {
    sheet = document.createElement("div");
    sheet.className = "rg-appointment-sheet md-typeset"; // the page's text styles, printed
    document.body.append(sheet);
  }
  // The page's own disclaimer and review dates print under it, as on every printed page.
  sheet.replaceChildren(fragment(answer.html || ""));
  const disclaimer = document.querySelector(".rg-disclaimer");
  if (disclaimer) sheet.append(disclaimer.cloneNode(true));
  document.documentElement.dataset.printing = "appointment";
  window.addEventListener(
    "afterprint",
    () => {
      delete document.documentElement.dataset.printing;
    },
    { once: true },
  );
  sheet.dataset.state = "ready"; // the tests print from here
  window.print();
}

/** A self-check's or plan's answer: save it in the record; print the appointment page. */
export function wireRecordButtons(output, calculator, payload, root, say) {
  for (const button of output.querySelectorAll('[data-action="save"]')) {
    button.addEventListener("click", async () => {
      const input = recordInput();
      if (input.storage) {
        say(storageWords(button, output, input.storage));
        return;
      }
      const answer = await ask("record-save", { ...input, kind: button.dataset.kind, answers: payload });
      if (!answer.ok) {
        say(errorsText(answer) || storageWords(button, output, "failed"));
        return;
      }
      const failed = writeRecord(answer.result.record);
      say(failed ? storageWords(button, output, failed) : answer.result.message);
      if (!failed) output.dataset.saved = button.dataset.kind;
    });
  }
  const appointment = output.querySelector('[data-action="appointment"]');
  appointment?.addEventListener("click", () => {
    // Right after a self-check: that check alone, saving nothing. Elsewhere: the saved record.
    const input = calculator === "self-check" ? { answers: payload, date: localISODate() } : recordInput();
    printAppointment(input, root, say, appointment);
  });
}

/** Store a changed record, then draw the page again and say `message` where the reader was. */
function stored(record, message, form, output, button) {
  const failed = writeRecord(record);
  if (failed) {
    sayNear(button, storageWords(button, output, failed));
    return;
  }
  refresh(form, message, button);
}

/** Draw the My progress answer again from the stored record, then say `message` under the
 * buttons of the same action as `button` (the page's buttons are drawn anew). */
function refresh(form, message, button) {
  const { action, date } = button.dataset;
  form.rgMessage = { text: message || "", action, date };
  form.dataset.refreshing = "1";
  form.requestSubmit();
}

/** After the page is drawn again: the reader's place kept (the focus on the same button, or
 * the nearest of its kind: the page's buttons are new), and the line the change said under it. */
export function sayAfterRefresh(form, output) {
  const { text, action, date } = form.rgMessage || {};
  form.rgMessage = null;
  if (!action) return;
  const same = date
    ? output.querySelector(`[data-action="${action}"][data-date="${CSS.escape(date)}"]`)
    : null;
  const near = same || output.querySelector(`[data-action="${action}"]`) || output.querySelector('[data-action="import"]');
  if (!near) return;
  near.focus({ preventScroll: true });
  near.scrollIntoView({ block: "nearest" });
  if (text) sayNear(near, text);
}

function chooseFile() {
  return new Promise((resolve) => {
    const input = document.createElement("input");
    input.type = "file";
    input.accept = ".csv,text/csv";
    input.hidden = true;
    input.addEventListener("change", () => {
      resolve(input.files?.[0] || null);
      input.remove();
    });
    input.addEventListener("cancel", () => {
      resolve(null);
      input.remove();
    });
    document.body.append(input);
    input.click();
  });
}

async function importFile(file, keep, form, output, button) {
  const say = (text) => sayNear(button, text);
  const input = recordInput();
  if (input.storage) {
    say(storageWords(button, output, input.storage));
    return;
  }
  const answer = await ask("record-import", { ...input, file, keep });
  const question = output.querySelector(".rg-import-question");
  const importer = output.querySelector('[data-action="import"]') || button;
  if (!answer.ok) {
    say(errorsText(answer) || storageWords(button, output, "failed"));
    return;
  }
  if (!answer.result?.record) {
    // Same-day entries differ: Python asks which to keep; nothing is changed until answered.
    question.replaceChildren(fragment(answer.html || ""));
    question.hidden = false;
    for (const choice of question.querySelectorAll('[data-action="import-keep"]')) {
      choice.addEventListener("click", () => importFile(file, choice.dataset.keep, form, output, importer));
    }
    question.querySelector("p")?.setAttribute("tabindex", "-1");
    question.querySelector("p")?.focus();
    output.dataset.importQuestion = "asked";
    return;
  }
  stored(answer.result.record, answer.result.message, form, output, importer);
}

/** The My progress page's tools, once its answer is drawn. */
export function wireProgress(form, output, root) {
  const on = (action, handler) => {
    for (const button of output.querySelectorAll(`[data-action="${action}"]`)) {
      const say = (text) => sayNear(button, text);
      button.addEventListener("click", () => handler(button, say));
    }
  };
  const tools = output.querySelector('[data-action="import"]')?.closest(".rg-result-actions");
  if (tools && !output.querySelector(".rg-import-question")) {
    const question = document.createElement("div");
    question.className = "rg-import-question";
    question.hidden = true;
    (tools.nextElementSibling || tools).after(question);
  }
  on("session", async (button, say) => {
    const input = recordInput();
    if (input.storage) return say(storageWords(button, output, input.storage));
    const done = button.dataset.done !== "1"; // the day's state now: the button turns it over
    const answer = await ask("record-save", { ...input, kind: "session", date: button.dataset.date, done });
    if (!answer.ok) return say(errorsText(answer) || storageWords(button, output, "failed"));
    stored(answer.result.record, answer.result.message, form, output, button);
  });
  on("appointment", (button, say) => printAppointment(recordInput(), root, say, button));
  on("questions", async (button, say) => {
    const box = output.querySelector('[data-options-for="questions"]');
    const text = box?.querySelector("textarea")?.value ?? "";
    if (box && !box.open) {
      box.open = true; // the first press shows the box to write in
      box.querySelector("textarea")?.focus();
      return;
    }
    const input = recordInput();
    if (input.storage) return say(storageWords(button, output, input.storage));
    const answer = await ask("record-save", { ...input, kind: "questions", text });
    if (!answer.ok) return say(errorsText(answer) || storageWords(button, output, "failed"));
    stored(answer.result.record, answer.result.message, form, output, button);
  });
  on("export", async (button, say) => {
    const answer = await ask("record-export", recordInput());
    if (!answer.ok) return say(errorsText(answer) || storageWords(button, output, "failed"));
    saveFile(answer.result.filename, answer.result.content, "text/csv");
    say(answer.result.message);
  });
  on("import", async (button) => {
    const file = await chooseFile();
    // No more than Python reads (a character is up to 4 bytes), and a little more so it can tell
    // the file is too big: a huge file is never read whole.
    const most = 4 * (Number(button.dataset.maxCharacters) + 1) || undefined;
    if (file) importFile(await file.slice(0, most).text(), "", form, output, button);
  });
  on("delete", (button, say) => {
    if (!window.confirm(button.dataset.confirm)) return;
    const failed = deleteRecord();
    if (failed) return say(storageWords(button, output, failed));
    refresh(form, button.dataset.done, button);
  });
}
