// The facts the engine's JavaScript shares with its Python build, made from
// engine/constants.toml (read it for what each is and why; edit it, never this file):
// REGAIN_WRITE_CONSTANTS=1 pytest tests/test_engine_constants.py writes this file again.

// [clocks]
export const STALL_MS = 30000;
export const START_WORK_MS = 180000;
export const ANSWER_TIMEOUT_MS = 15000;

// [files]
export const ENGINE_DIR = "engine";
export const RUNTIME_FILES = Object.freeze(["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"]);
export const STDLIB_ARCHIVE = "python_stdlib.zip";
export const DOWNLOAD_FILES = Object.freeze(["pyodide.asm.wasm", "python_stdlib.zip"]);
export const CALCULATORS_ARCHIVE = "calculators.zip";
export const ENGINE_MANIFEST = "version.json";

// [worker]
export const PACKAGE_DIR = "/home/pyodide/regain";
export const SELF_TEST_CALCULATOR = "protein";
export const SELF_TEST_INPUT = "{\"weight\": \"68\", \"unit\": \"kg\", \"age\": \"40\"}";
export const EXERCISE_CALCULATORS = Object.freeze(["plan", "plan-calendar", "progress", "appointment"]);
export const EXERCISE_LIBRARY = "data/exercises.json";

// [snapshot]
export const SNAPSHOT_CACHE = "regain-engine-snapshot";
export const SNAPSHOT_HEAP_OFFSET_AT = 4;
