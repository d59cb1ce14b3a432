// A reason code (why the engine failed, why a link's value was ignored) to Python's words: the
// form's template holds one data-reason-<code> attribute per code, its words from
// calculators/present/page_words.py.

/** The words `template` holds for `reason` ("slow" -> data-reason-slow), or undefined. */
export function reasonWords(template, reason) {
  return template.dataset[`reason${capitalised(reason)}`];
}

function capitalised(text) {
  const word = String(text || "");
  return word.charAt(0).toUpperCase() + word.slice(1);
}
