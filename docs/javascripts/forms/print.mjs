// Print: the answer's print button, and the paper's title, which is the plan's as Python words
// it (its hidden print title) while the browser prints.

/** Wire the answer's print button, if it has one. */
export function wirePrint(output) {
  output.querySelector('[data-action="print"]')?.addEventListener("click", () => window.print());
}

let printTitleWired = false;

/** While printing an answer with a print title, the document's title (which the browser's
 * print header shows) is that title, then the page's again. Wired once per page load. */
export function wirePrintTitle() {
  if (printTitleWired) return;
  printTitleWired = true;
  let pageTitle = null;
  window.addEventListener("beforeprint", () => {
    const title = document.querySelector('.rg-result[data-state="result"] .rg-print-title');
    if (!title) return;
    pageTitle = document.title;
    document.title = title.textContent;
  });
  window.addEventListener("afterprint", () => {
    if (pageTitle !== null) document.title = pageTitle;
    pageTitle = null;
  });
}
