// The chair-stand timer: a start/stop button beside the seconds field that times the test and
// fills the field. Its words (start, stop, again, the unit) are on its slot, from Python.

export function initTimers(form) {
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
