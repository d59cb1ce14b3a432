// The form's engine line: its button, status line and download bar follow the engine's state
// (loading with its size and progress, ready, failed), and a failure puts the form's failure box
// in the answer's place, its reason worded by the form's template, with its retry button.

import { onEngineState, restartEngine } from "../engine.mjs";
import { reasonWords } from "./reasons.mjs";

/** The form's failure box for `reason` (an engine reason code) in `output`, shown once. */
export function showFailure(form, output, reason) {
  const template = form.querySelector("template[data-engine-failure]");
  if (!template) return;
  if (output.dataset.state === "failed" && output.querySelector("[data-engine-failed]")) return;
  const box = template.content.cloneNode(true);
  const words = reasonWords(template, reason) || template.dataset.reasonStart;
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

const megabytes = (bytes) => (bytes / 1e6).toFixed(1);

/** Keep the form's button, status line and bar in step with the engine, from now on. */
export function followEngine(form, output) {
  const button = form.querySelector('[type="submit"]');
  const status = form.querySelector("[data-engine-status]");
  const progress = form.querySelector("progress");
  const progressText = form.querySelector("[data-engine-progress]");
  const readyLabel = button.dataset.readyLabel || button.textContent;
  const words = form.dataset;

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
}
