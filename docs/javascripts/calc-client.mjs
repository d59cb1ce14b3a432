// Regain's page script, loaded on every page: it wires the three jobs together.
//   engine.mjs  the calculator engine (a Web Worker running our Python) and its protocol
//   forms.mjs   the calculator forms: answers in, Python's rendered answer out, reader tools
//   offline.mjs the service worker: offline reading and the update notice
// Nothing here computes or words an answer: the Python package does both.

import { clearEngineListeners } from "./engine.mjs";
import { initForms } from "./forms.mjs";
import { registerOffline, showOfflineStatus } from "./offline.mjs";

export { calculate, engineInfo } from "./engine.mjs";
export { formPayload } from "./forms.mjs";

function initPage() {
  showOfflineStatus();
  clearEngineListeners(); // forms that instant navigation removed no longer listen
  initForms();
}

registerOffline();
if (typeof window.document$ !== "undefined") window.document$.subscribe(initPage);
else initPage();
