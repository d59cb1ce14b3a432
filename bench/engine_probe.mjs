// The engine's deterministic figures, measured in Node on the built site (no browser, no clock).
//
//   node bench/engine_probe.mjs <site> <golden.json:calculator>...
//
// Boots the self-hosted Pyodide the site ships (<site>/engine/: pyodide.mjs, the trimmed
// python_stdlib.zip and the inline lock of version.json) the way calc-worker.mjs starts fresh:
// unpack calculators.zip, import calculators.api, run the worker's self-test answer. Then counts
// sys.modules: the Python modules imported at engine start. Then answers every golden case that
// gives an answer (no expected field errors) as the worker does (page_json; the plan with the
// site's exercise library, EXERCISE_LIBRARY) and records the largest answer's bytes: the
// JSON text the worker parses and posts to the page, in UTF-8. Prints one JSON object:
// {startModules, modules, largestAnswerBytes: {calculator: bytes}}.

import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import {
  CALCULATORS_ARCHIVE,
  ENGINE_DIR,
  ENGINE_MANIFEST,
  EXERCISE_CALCULATORS,
  EXERCISE_LIBRARY,
  PACKAGE_DIR,
  RUNTIME_FILES,
  SELF_TEST_CALCULATOR,
  SELF_TEST_INPUT,
  STDLIB_ARCHIVE,
} from "../docs/javascripts/constants.mjs";

const [siteArg, ...goldens] = process.argv.slice(2);
const site = resolve(siteArg);
const engine = join(site, ENGINE_DIR);
const manifest = JSON.parse(readFileSync(join(engine, ENGINE_MANIFEST), "utf8"));
// Pyodide's module, the first runtime file (the worker imports it statically, by name).
const { loadPyodide } = await import(pathToFileURL(join(engine, RUNTIME_FILES[0])).href);

const quiet = () => {};
const pyodide = await loadPyodide({
  indexURL: engine + "/",
  stdLibURL: join(engine, STDLIB_ARCHIVE),
  lockFileContents: manifest.lock,
  stdout: quiet,
  stderr: quiet,
});
// calc-worker.mjs: loadCalculators, then checked(pyodide.pyimport("calculators.api")).
pyodide.unpackArchive(new Uint8Array(readFileSync(join(engine, CALCULATORS_ARCHIVE))), "zip", {
  extractDir: PACKAGE_DIR,
});
pyodide.pyimport("sys").path.insert(0, PACKAGE_DIR);
const api = pyodide.pyimport("calculators.api");
const selfTest = JSON.parse(api.page_json(SELF_TEST_CALCULATOR, SELF_TEST_INPUT, "[]"));
if (!selfTest.ok) throw new Error("the engine's self-test did not answer");
const modules = JSON.parse(pyodide.runPython("import json, sys; json.dumps(sorted(sys.modules))"));

const USES_EXERCISES = new Set(EXERCISE_CALCULATORS);
const library = api.read_exercises(readFileSync(join(site, EXERCISE_LIBRARY), "utf8"));
const largestAnswerBytes = {};
for (const spec of goldens) {
  const [file, calculator] = spec.split(":");
  const cases = JSON.parse(readFileSync(file, "utf8")).filter((c) => !("expected_errors" in c));
  let largest = 0;
  for (const { input } of cases) {
    const exercises = USES_EXERCISES.has(calculator) ? library : "[]";
    const answer = api.page_json(calculator, JSON.stringify(input), exercises, "");
    largest = Math.max(largest, Buffer.byteLength(answer, "utf8"));
  }
  largestAnswerBytes[calculator] = largest;
}
process.stdout.write(JSON.stringify({ startModules: modules.length, modules, largestAnswerBytes }));
