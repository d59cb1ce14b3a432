// Share links: the answers travel in the URL's fragment ("#answers?age=72&…"). A browser never
// sends a fragment to a server, so opening a shared link sends nothing the reader entered. The
// prefix is Python's (calculators/present/query.py), on the form as data-link-fragment.
// Reading a link fills the form (checked against its own controls); the answer's copy-link
// button writes one.

import { reasonWords } from "./reasons.mjs";

const MATERIAL_PARAMETERS = new Set(["h", "q"]); // search highlighting, not ours
const MAX_LINK_VALUE = 40; // longer than any real answer: a tampered link gets no further

/** Fill the form from the page's link, if it carries answers, and list what was ignored in the
 * form's notice. Returns how many answers it used (the form then answers at once). */
export function readSharedLink(form) {
  const query = linkAnswers(form);
  const [used, ignored] = query?.size ? applyLink(form, query) : [0, []];
  if (ignored.length) linkNotice(form, ignored);
  return used;
}

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
    item.textContent = `${name} (${reasonWords(template, reason)})`;
    list.append(item);
  }
  form.before(notice);
}

/** The answer's copy-link button: a link to these answers (private fields left out), put
 * in the address bar and on the clipboard, or shown in a field to copy by hand. `say` writes
 * the answer's status line, `status`. */
export function wireCopyLink(form, output, payload, status, say) {
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
}
