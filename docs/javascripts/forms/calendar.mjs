// The plan's calendar file: the answer's calendar button asks the engine for an iCalendar file of
// the plan (with the reader's choices of time and reminder under the buttons) and saves it. Python
// writes the file, its name and the line said afterwards; its field messages go to their slots.

import { calculate } from "../engine.mjs";
import { clearErrors, showFieldError } from "./fields.mjs";
import { localISODate, saveFile } from "./files.mjs";
import { formPayload } from "./payload.mjs";

/** Wire the answer's calendar button (if it has one) for the plan asked with `payload`; `say`
 * writes the answer's status line. */
export function wireCalendar(output, payload, say) {
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
