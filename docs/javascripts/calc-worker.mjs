// Regain calculator engine: Pyodide in a module Web Worker, so the page never freezes.
// Its messages to and from the page are protocol.mjs's; the facts it shares with the build
// (file names, the package folder, the self-test) are constants.mjs's.
// Every URL is built from import.meta.url, so the site works under any sub-path.

import {
  CALCULATORS_ARCHIVE,
  DOWNLOAD_FILES,
  ENGINE_DIR,
  ENGINE_MANIFEST,
  EXERCISE_CALCULATORS,
  EXERCISE_LIBRARY,
  PACKAGE_DIR,
  SELF_TEST_CALCULATOR,
  SELF_TEST_INPUT,
  SNAPSHOT_CACHE,
  SNAPSHOT_HEAP_OFFSET_AT,
  STDLIB_ARCHIVE,
} from "./constants.mjs";
import {
  STARTED_FROM,
  STATUS,
  SNAPSHOT,
  answerMessage,
  failureMessage,
  progressMessage,
  snapshotMessage,
  statusMessage,
} from "./protocol.mjs";
// A static import's path cannot name a constant: tests/test_engine_constants.py checks it does
// name ENGINE_DIR and Pyodide's module.
import { loadPyodide } from "../engine/pyodide.mjs";

const ENGINE_URL = new URL(`../${ENGINE_DIR}/`, import.meta.url);
const SITE_URL = new URL("../", import.meta.url);

function status(state, detail = "") {
  self.postMessage(statusMessage(state, detail));
}

// When the WebAssembly or standard-library download fails, Pyodide 314 logs "wasm instantiation
// failed!" and its loadPyodide() promise never settles. Watch those downloads and fail fast, so
// the page can say so within seconds instead of waiting for its start-up timeout.
let reportEngineDownloadFailure;
const engineDownloadFailure = new Promise((_, reject) => {
  reportEngineDownloadFailure = reject;
});
engineDownloadFailure.catch(() => {}); // observed through Promise.race below
const browserFetch = self.fetch.bind(self);

// The page shows the download as bytes of a known total (the total is in version.json, written
// by the build): every chunk of the watched downloads is counted as it arrives.
let downloaded = 0;
let downloadTotal = 0;
function progress() {
  self.postMessage(progressMessage(downloaded, downloadTotal));
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
  const watched = DOWNLOAD_FILES.some((name) => url.endsWith(`/${ENGINE_DIR}/${name}`));
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
const STDLIB_URL = new URL(STDLIB_ARCHIVE, ENGINE_URL).href;

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
  const answer = JSON.parse(api.page_json(SELF_TEST_CALCULATOR, SELF_TEST_INPUT, "[]"));
  if (!answer.ok || answer.calculator !== SELF_TEST_CALCULATOR || !answer.html) throw new Error("self-test failed");
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
  status(STATUS.loading, "calculators");
  loadCalculators(pyodide, archive);
  const api = checked(pyodide.pyimport("calculators.api"));
  // The snapshot (~30 MB copied) is made after the reader's first answer, not before it: a
  // setTimeout runs after the requests already waiting for the engine have been answered.
  if (canSnapshot) setTimeout(() => saveSnapshot(pyodide, manifest), 0);
  return api;
}

// Once the snapshot is completely stored (or not), the page is told (a snapshot message). Tests
// and the benchmark wait for this state, never for a size.
async function saveSnapshot(pyodide, manifest) {
  let bytes = 0;
  let saved = false;
  try {
    const snapshot = pyodide.makeMemorySnapshot();
    bytes = snapshot.byteLength;
    // Pyodide 314 restores into a heap of fixed size (pyodide#6254): a bigger one could never be
    // restored, and each repeat visit would pay for a failed attempt. Its header says where the
    // heap starts.
    const header = new DataView(snapshot.buffer, snapshot.byteOffset);
    const heapBytes = bytes - header.getUint32(SNAPSHOT_HEAP_OFFSET_AT, true);
    if (heapBytes > manifest.snapshotHeapLimit) throw new Error("snapshot too big to restore");
    saved = await writeSnapshot(snapshotKey(manifest), snapshot);
  } catch {
    /* no snapshot this time: the next visit starts normally */
  }
  self.postMessage(snapshotMessage(saved ? SNAPSHOT.saved : SNAPSHOT.failed, bytes));
}

let startedFrom = STARTED_FROM.fresh; // reported with "ready", so tests and the bench can tell the paths apart

async function start() {
  status(STATUS.loading, "engine");
  // The manifest (engine version, calculators hash, lock info) and our calculators archive are
  // small; they download while the browser compiles the engine.
  const [manifest, archive] = await Promise.all([
    fetchText(new URL(ENGINE_MANIFEST, ENGINE_URL)).then(JSON.parse),
    fetchBytes(new URL(CALCULATORS_ARCHIVE, ENGINE_URL)),
  ]);
  downloadTotal = manifest.bytes || 0;
  progress();
  const snapshot = await readSnapshot(snapshotKey(manifest));
  if (snapshot) {
    try {
      const api = await startFromSnapshot(manifest, snapshot, archive);
      startedFrom = STARTED_FROM.snapshot;
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
const USES_EXERCISES = new Set(EXERCISE_CALCULATORS);
let library = null;
function exerciseLibrary(api) {
  library ??= fetchText(new URL(EXERCISE_LIBRARY, SITE_URL))
    .then((text) => api.read_exercises(text))
    .catch((error) => {
      library = null; // let the next request try again
      throw error;
    });
  return library;
}

const engine = start();
engine.then(
  () => status(STATUS.ready, startedFrom),
  (error) => status(STATUS.failed, String(error && error.message ? error.message : error)),
);

self.addEventListener("message", async (event) => {
  const { id, calculator, input, root } = event.data || {};
  try {
    const api = await engine;
    const exercises = USES_EXERCISES.has(calculator) ? await exerciseLibrary(api) : "[]";
    const answer = api.page_json(String(calculator), JSON.stringify(input ?? {}), exercises, String(root ?? ""));
    self.postMessage(answerMessage(id, JSON.parse(answer)));
  } catch (error) {
    self.postMessage(failureMessage(id, String(error && error.message ? error.message : error)));
  }
});
