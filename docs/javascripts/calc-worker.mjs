// Regain calculator engine: Pyodide in a module Web Worker, so the page never freezes.
// Protocol (documented in engine.mjs): the page posts {id, calculator, input, root}; the worker
// answers {id, result} or {id, error}. Start-up progress is posted as {type: "status", state,
// detail}: detail is "fresh" or "snapshot" on "ready", a technical reason on "failed"; after a
// fresh start, the memory snapshot's fate as {type: "snapshot", state: "saved" | "failed", bytes}.
// Every URL is built from import.meta.url, so the site works under any sub-path.

import { loadPyodide } from "../engine/pyodide.mjs";

const ENGINE_URL = new URL("../engine/", import.meta.url);
const SITE_URL = new URL("../", import.meta.url);

function status(state, detail = "") {
  self.postMessage({ type: "status", state, detail });
}

// When the WebAssembly or standard-library download fails, Pyodide 314 logs "wasm instantiation
// failed!" and its loadPyodide() promise never settles. Watch those downloads and fail fast, so
// the page can say so within seconds instead of waiting for its start-up timeout.
let reportEngineDownloadFailure;
const engineDownloadFailure = new Promise((_, reject) => {
  reportEngineDownloadFailure = reject;
});
engineDownloadFailure.catch(() => {}); // observed through Promise.race below
const WATCHED_DOWNLOADS = ["pyodide.asm.wasm", "python_stdlib.zip"];
const browserFetch = self.fetch.bind(self);

// The page shows the download as bytes of a known total (the total is in version.json, written
// by the build): every chunk of the watched downloads is counted as it arrives.
let downloaded = 0;
let downloadTotal = 0;
function progress() {
  self.postMessage({ type: "progress", bytes: downloaded, total: downloadTotal });
}
function counted(response) {
  if (!response.body) return response;
  const counter = new TransformStream({
    transform(chunk, controller) {
      downloaded += chunk.byteLength;
      progress();
      controller.enqueue(chunk);
    },
  });
  const { status, statusText, headers } = response;
  return new Response(response.body.pipeThrough(counter), { status, statusText, headers });
}

self.fetch = async (resource, options) => {
  const url = String(resource instanceof Request ? resource.url : resource);
  const watched = WATCHED_DOWNLOADS.some((name) => url.endsWith(`/engine/${name}`));
  try {
    const response = await browserFetch(resource, options);
    if (watched && !response.ok) {
      reportEngineDownloadFailure(new Error(`${url} answered ${response.status}`));
    }
    return watched && response.ok ? counted(response) : response;
  } catch (error) {
    if (watched) reportEngineDownloadFailure(new Error(`could not download ${url}`));
    throw error;
  }
};

// python_stdlib.zip is Pyodide's standard library trimmed at build time (postbuild/engine.py) to
// the modules its start-up and our calculators import: about 1 MB instead of 2.5 MB.
const STDLIB_URL = new URL("python_stdlib.zip", ENGINE_URL).href;

function loadEngine(options) {
  return Promise.race([
    loadPyodide({ indexURL: ENGINE_URL.href, stdLibURL: STDLIB_URL, ...options }),
    engineDownloadFailure,
  ]);
}

async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname} answered ${response.status}`);
  return response.arrayBuffer();
}

async function fetchText(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname} answered ${response.status}`);
  return response.text();
}

// A memory snapshot of a started engine (with our calculators imported) is kept in Cache Storage
// after the first visit: restoring it takes ~0.3 s instead of ~2 s of start-up. The snapshot
// options are private Pyodide API, so the snapshot is keyed by engine version + calculators hash,
// checked after restoring, and dropped in favour of a normal start whenever anything fails.
const SNAPSHOT_CACHE = "regain-engine-snapshot";
const PACKAGE_DIR = "/home/pyodide/regain";
const SELF_TEST = ["protein", '{"weight": "68", "unit": "kg", "age": "40"}'];

function snapshotKey(manifest) {
  return new URL(`snapshot/${manifest.pyodide}-${manifest.calculators}.bin`, ENGINE_URL).href;
}

async function readSnapshot(key) {
  if (typeof caches === "undefined") return null;
  try {
    const cache = await caches.open(SNAPSHOT_CACHE);
    const response = await cache.match(key);
    return response ? new Uint8Array(await response.arrayBuffer()) : null;
  } catch {
    return null;
  }
}

async function writeSnapshot(key, bytes) {
  if (typeof caches === "undefined") return false;
  try {
    const cache = await caches.open(SNAPSHOT_CACHE);
    for (const old of await cache.keys()) if (old.url !== key) await cache.delete(old);
    await cache.put(key, new Response(bytes, { headers: { "Content-Type": "application/octet-stream" } }));
    return true;
  } catch {
    return false; // no room or no Cache Storage: the next visit starts normally
  }
}

async function forgetSnapshot() {
  if (typeof caches !== "undefined") await caches.delete(SNAPSHOT_CACHE).catch(() => {});
}

function loadCalculators(pyodide, archive) {
  pyodide.unpackArchive(archive, "zip", { extractDir: PACKAGE_DIR });
  pyodide.pyimport("sys").path.insert(0, PACKAGE_DIR);
}

function checked(api) {
  // A restored engine must answer like a fresh one: a snapshot that cannot is not used.
  const answer = JSON.parse(api.page_json(...SELF_TEST, "[]"));
  if (!answer.ok || answer.calculator !== "protein" || !answer.html) throw new Error("self-test failed");
  return api;
}

async function startFromSnapshot(manifest, snapshot, archive) {
  const pyodide = await loadEngine({ lockFileContents: manifest.lock, _loadSnapshot: snapshot });
  loadCalculators(pyodide, archive);
  return checked(pyodide.pyimport("calculators.api"));
}

async function startFresh(manifest, archive) {
  const canSnapshot = typeof caches !== "undefined";
  const pyodide = await loadEngine({ lockFileContents: manifest.lock, _makeSnapshot: canSnapshot });
  status("loading", "calculators");
  loadCalculators(pyodide, archive);
  const api = checked(pyodide.pyimport("calculators.api"));
  // The snapshot (~30 MB copied) is made after the reader's first answer, not before it: a
  // setTimeout runs after the requests already waiting for the engine have been answered.
  if (canSnapshot) setTimeout(() => saveSnapshot(pyodide, manifest), 0);
  return api;
}

// Once the snapshot is completely stored (or not), the page is told: {type: "snapshot", state:
// "saved" | "failed", bytes}. Tests and the benchmark wait for this state, never for a size.
async function saveSnapshot(pyodide, manifest) {
  let bytes = 0;
  let saved = false;
  try {
    const snapshot = pyodide.makeMemorySnapshot();
    bytes = snapshot.byteLength;
    // Pyodide 314 restores into a heap of fixed size (pyodide#6254): a bigger one could never be
    // restored, and each repeat visit would pay for a failed attempt. Its header says where the
    // heap starts (second 32-bit word).
    const heapBytes = bytes - new DataView(snapshot.buffer, snapshot.byteOffset).getUint32(4, true);
    if (heapBytes > manifest.snapshotHeapLimit) throw new Error("snapshot too big to restore");
    saved = await writeSnapshot(snapshotKey(manifest), snapshot);
  } catch {
    /* no snapshot this time: the next visit starts normally */
  }
  self.postMessage({ type: "snapshot", state: saved ? "saved" : "failed", bytes });
}

let startedFrom = "fresh"; // reported with "ready", so tests and the bench can tell the paths apart

async function start() {
  status("loading", "engine");
  // The manifest (engine version, calculators hash, lock info) and our calculators archive are
  // small; they download while the browser compiles the engine.
  const [manifest, archive] = await Promise.all([
    fetchText(new URL("version.json", ENGINE_URL)).then(JSON.parse),
    fetchBytes(new URL("calculators.zip", ENGINE_URL)),
  ]);
  downloadTotal = manifest.bytes || 0;
  progress();
  const snapshot = await readSnapshot(snapshotKey(manifest));
  if (snapshot) {
    try {
      const api = await startFromSnapshot(manifest, snapshot, archive);
      startedFrom = "snapshot";
      return api;
    } catch {
      await forgetSnapshot();
    }
  }
  return startFresh(manifest, archive);
}

// The exercise library (the same JSON the exercise library page is built from) is only needed
// by the plan calculator: fetched, read and checked by Python once, on first use; every later
// plan request gets the checked library (a Python object) without parsing it again.
const USES_EXERCISES = new Set(["plan", "plan-calendar"]);
let library = null;
function exerciseLibrary(api) {
  library ??= fetchText(new URL("data/exercises.json", SITE_URL))
    .then((text) => api.read_exercises(text))
    .catch((error) => {
      library = null; // let the next request try again
      throw error;
    });
  return library;
}

const engine = start();
engine.then(
  () => status("ready", startedFrom),
  (error) => status("failed", String(error && error.message ? error.message : error)),
);

self.addEventListener("message", async (event) => {
  const { id, calculator, input, root } = event.data || {};
  try {
    const api = await engine;
    const exercises = USES_EXERCISES.has(calculator) ? await exerciseLibrary(api) : "[]";
    const answer = api.page_json(String(calculator), JSON.stringify(input ?? {}), exercises, String(root ?? ""));
    self.postMessage({ id, result: JSON.parse(answer) });
  } catch (error) {
    self.postMessage({ id, error: String(error && error.message ? error.message : error) });
  }
});
