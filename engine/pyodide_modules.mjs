// Which modules Pyodide imports, measured in Node with the pinned npm package (no browser).
//
//   node engine/pyodide_modules.mjs <python_stdlib.zip> <calculators.zip> <exercises.json> <cases.json>
//
// Starts Pyodide the way the worker does (calc-worker.mjs: `_makeSnapshot`, the given standard
// library as `stdLibURL`), records sys.modules, unpacks our calculators, runs every case of
// <cases.json> ([[calculator, input], ...]) through calculators.api.run_json, makes the memory
// snapshot, and prints one JSON object: {startup, closure, answers, traceback, snapshotBytes,
// snapshotHeapBytes, heapUsed (the heap's break: how much of it Python uses), startMs}.
// engine/engine_stdlib.toml's [pyodide] startup list is this script's `startup`; the tests run it
// on the trimmed standard library to prove every calculator answers on it.

import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PACKAGE_DIR, SNAPSHOT_HEAP_OFFSET_AT } from "../docs/javascripts/constants.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const { loadPyodide } = await import(join(ROOT, "node_modules", "pyodide", "pyodide.mjs"));
const [stdlib, calculators, exercises, cases] = process.argv.slice(2);

const quiet = () => {};
const started = Date.now();
const pyodide = await loadPyodide({
  indexURL: join(ROOT, "node_modules", "pyodide") + "/",
  stdLibURL: stdlib,
  _makeSnapshot: true,
  stdout: quiet,
  stderr: quiet,
});
const startMs = Date.now() - started;
const modules = () => JSON.parse(pyodide.runPython("import json, sys; json.dumps(sorted(sys.modules))"));
const startup = modules();

pyodide.unpackArchive(new Uint8Array(readFileSync(calculators)), "zip", { extractDir: PACKAGE_DIR });
pyodide.pyimport("sys").path.insert(0, PACKAGE_DIR);
const api = pyodide.pyimport("calculators.api");
const library = api.read_exercises(readFileSync(exercises, "utf8"));
const answers = JSON.parse(readFileSync(cases, "utf8")).map(([calculator, input]) =>
  JSON.parse(api.run_json(calculator, JSON.stringify(input), library, "")),
);
// An error through the standard library still formats as a traceback with file and line (the
// shipped bytecode is stripped of docstrings and column positions, not of line tables).
const traceback = pyodide.runPython(`
import json, traceback
try:
    json.loads("{")
except ValueError:
    text = traceback.format_exc()
text
`);
const module = pyodide._module;
const heapUsed = module.HEAPU32[module._emscripten_get_sbrk_ptr() >>> 2]; // the heap's break
const snapshot = pyodide.makeMemorySnapshot();
const snapshotBytes = snapshot.byteLength;
const header = new DataView(snapshot.buffer, snapshot.byteOffset);
const snapshotHeapBytes = snapshotBytes - header.getUint32(SNAPSHOT_HEAP_OFFSET_AT, true);
const closure = modules().filter((name) => !startup.includes(name));
process.stdout.write(
  JSON.stringify({ startup, closure, answers, traceback, snapshotBytes, snapshotHeapBytes, heapUsed, startMs }),
);
