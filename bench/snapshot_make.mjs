// Make the engine's memory snapshot at build time, in Node, the way the worker makes it in the
// browser after a first visit (docs/javascripts/calc-worker.mjs, startFresh + saveSnapshot).
//
//   node bench/snapshot_make.mjs <site/engine dir> <out file>
//
// Pyodide from the pinned npm package, the site's own trimmed standard library (stdLibURL) and
// inline lock (version.json), `_makeSnapshot`; then our calculators.zip unpacked, calculators.api
// imported and the worker's self-test answered; then `makeMemorySnapshot()`. Prints one JSON
// object: {bytes, heapBytes, startMs, snapshotMs}. Used only by bench/snapshot_experiment.py
// (issue 15's build-time snapshot experiment); nothing in the site ships it.

import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const { loadPyodide } = await import(join(ROOT, "node_modules", "pyodide", "pyodide.mjs"));
const [engineDir, out] = process.argv.slice(2);

// The same constants as calc-worker.mjs.
const PACKAGE_DIR = "/home/pyodide/regain";
const SELF_TEST = ["protein", '{"weight": "68", "unit": "kg", "age": "40"}'];

const manifest = JSON.parse(readFileSync(join(engineDir, "version.json"), "utf8"));
const started = Date.now();
const pyodide = await loadPyodide({
  indexURL: join(ROOT, "node_modules", "pyodide") + "/",
  stdLibURL: join(engineDir, "python_stdlib.zip"),
  lockFileContents: manifest.lock,
  _makeSnapshot: true,
});
pyodide.unpackArchive(new Uint8Array(readFileSync(join(engineDir, "calculators.zip"))), "zip", {
  extractDir: PACKAGE_DIR,
});
pyodide.pyimport("sys").path.insert(0, PACKAGE_DIR);
const api = pyodide.pyimport("calculators.api");
const answer = JSON.parse(api.run_json(...SELF_TEST, "[]"));
if (!answer.ok || answer.calculator !== "protein") throw new Error("self-test failed in Node");
const startMs = Date.now() - started;
const before = Date.now();
const snapshot = pyodide.makeMemorySnapshot();
const snapshotMs = Date.now() - before;
writeFileSync(out, snapshot);
// The header's second 32-bit word is where the heap starts (as in calc-worker.mjs).
const heapBytes = snapshot.byteLength - new DataView(snapshot.buffer, snapshot.byteOffset).getUint32(4, true);
process.stdout.write(JSON.stringify({ bytes: snapshot.byteLength, heapBytes, startMs, snapshotMs }));
