// Offline reading on every page: register the service worker, show "available offline" once it
// is ready, keep the calculator engine cached, and offer a reload when a new build takes over.
// The words are in the page (overrides/main.html): the indicator and the update notice template.

const SITE_URL = new URL("../", import.meta.url);

let offlineReady = false;
let updateShown = false;

/** Show or hide the page's "available offline" line (after each instant navigation too). */
export function showOfflineStatus() {
  for (const node of document.querySelectorAll("[data-offline-status]")) {
    node.hidden = !offlineReady;
  }
}

function showUpdateNotice() {
  const template = document.querySelector("template[data-update-template]");
  if (updateShown || !template) return;
  updateShown = true;
  const notice = template.content.cloneNode(true);
  notice.querySelector("button").addEventListener("click", () => location.reload());
  document.body.append(notice);
}

function keepEngineOffline() {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.addEventListener("message", (event) => {
    if (event.data && event.data.type === "engine-cached") {
      document.documentElement.dataset.engineOffline = "cached"; // a state tests can wait on
    }
  });
  navigator.serviceWorker.ready.then((registration) => {
    if (registration.active) registration.active.postMessage({ type: "cache-engine" });
  });
}

/** Register the service worker once per page session. */
export function registerOffline() {
  document.addEventListener("regain:engine-ready", keepEngineOffline);
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  const hadController = Boolean(navigator.serviceWorker.controller);
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    // A worker took over a page an older worker was serving: a new build has been deployed.
    if (hadController) showUpdateNotice();
  });
  navigator.serviceWorker
    // updateViaCache "none": a new build is noticed even when the host sets max-age on files.
    .register(new URL("../sw.js", import.meta.url), { scope: SITE_URL.pathname, updateViaCache: "none" })
    .then(() => navigator.serviceWorker.ready)
    .then(() => {
      offlineReady = true;
      showOfflineStatus();
    })
    .catch(() => {
      /* offline mode is a bonus: the site works without it */
    });
}
