// Python's answer on the page: its markup inserted with nothing active left in it, and the
// reader taken to its first line (focused once, scrolled under the header).

/** Markup from our Python, parsed as HTML (never run): anything active is dropped anyway.
 * Parsed into an inert template (no script runs, nothing loads) whose nodes are then moved
 * into the page, not copied: one parse, no second tree to build. */
export function fragment(markup) {
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

/** Move the reader to the answer: focus its top line (a box's title, not the whole box; not
 * the buttons above it) (read once by a screen reader: the
 * result area is not a live region) and scroll it to the top of the screen, under the header. */
export function bringIntoView(output) {
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
