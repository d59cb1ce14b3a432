// The form's fields: each message Python wrote for a field shown in the slot next to it, folded
// optional tests opened when they matter, and the unit labels following the unit chosen.

export function clearErrors(form) {
  for (const message of form.querySelectorAll(".rg-field-error")) {
    message.textContent = "";
    message.hidden = true;
  }
  for (const field of form.querySelectorAll("[aria-invalid]")) field.removeAttribute("aria-invalid");
}

/** Show one wire error in the slot next to its field inside `scope`; false if it has none. */
export function showFieldError(scope, error) {
  const slot = scope && error.field && scope.querySelector(`[data-error-for="${CSS.escape(error.field)}"]`);
  if (!slot) return false;
  slot.textContent = error.message;
  slot.hidden = false;
  scope.querySelector(`[name="${CSS.escape(error.field)}"]`)?.setAttribute("aria-invalid", "true");
  return true;
}

/** Move each field's message from the answer's summary box to the slot next to its field. */
export function placeErrors(form, output) {
  for (const item of output.querySelectorAll("li[data-field]")) {
    if (showFieldError(form, { field: item.dataset.field, message: item.textContent })) item.remove();
  }
  for (const list of output.querySelectorAll("ul")) if (!list.children.length) list.remove();
  openFolds(form);
  form.querySelector('[aria-invalid="true"]')?.focus();
}

/** A folded optional test (details.rg-fold) opens when it holds an answer, from a shared link,
 * or a field message: the reader sees what the form will use and what to fix. */
export function openFolds(form) {
  for (const fold of form.querySelectorAll("details.rg-fold")) {
    const controls = [...fold.querySelectorAll("input, select")];
    const filled = controls.some((control) =>
      control.matches('[aria-invalid="true"]') ||
      (control.type === "checkbox" || control.type === "radio" ? control.checked : control.value.trim() !== ""));
    if (filled) fold.open = true;
  }
}

export function updateUnits(form) {
  const unit = form.querySelector('[name="unit"]:checked');
  if (!unit) return;
  for (const label of form.querySelectorAll("[data-unit-label]")) label.textContent = unit.value;
}
