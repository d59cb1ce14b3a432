// The answers a form sends to the engine, read from the controls Python built from the
// calculator's field specs (calculators/present/form_specs.py).

/** The answers a form (or a fieldset) sends to the engine (exported for the tests' parity
 * checks). */
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
