// Regain calculator engine: Pyodide in a module Web Worker, so the page never freezes.
// Protocol: the page posts {id, calculator, input}; the worker answers {id, result} or
// {id, error}. Start-up progress is posted as {type: "status", state, detail}.
// Every URL is built from import.meta.url, so the site works under any sub-path.

import { loadPyodide } from "../engine/pyodide.mjs";

const ENGINE_URL = new URL("../engine/", import.meta.url);
const SITE_URL = new URL("../", import.meta.url);

function status(state, detail = "") {
  self.postMessage({ type: "status", state, detail });
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

async function start() {
  status("loading", "Starting the calculator engine");
  // The calculators archive downloads while the engine starts.
  const [pyodide, archive] = await Promise.all([
    loadPyodide({ indexURL: ENGINE_URL.href, fullStdLib: false }),
    fetchBytes(new URL("calculators.zip", ENGINE_URL)),
  ]);
  status("loading", "Loading the calculators");
  pyodide.unpackArchive(archive, "zip", { extractDir: "/home/pyodide/regain" });
  pyodide.pyimport("sys").path.insert(0, "/home/pyodide/regain");
  const api = pyodide.pyimport("calculators.api");
  return api;
}

// The exercise list (the same JSON the exercise library page is built from) is only needed by
// the plan calculator; fetched once, on first use.
let exercises = null;
function exerciseData() {
  exercises ??= fetchText(new URL("data/exercises.json", SITE_URL)).catch((error) => {
    exercises = null; // let the next request try again
    throw error;
  });
  return exercises;
}

const engine = start();
engine.then(
  () => status("ready"),
  (error) => status("failed", String(error && error.message ? error.message : error)),
);

self.addEventListener("message", async (event) => {
  const { id, calculator, input } = event.data || {};
  try {
    const api = await engine;
    const exercisesJson = calculator === "plan" ? await exerciseData() : "[]";
    const answer = api.run_json(String(calculator), JSON.stringify(input ?? {}), exercisesJson);
    self.postMessage({ id, result: JSON.parse(answer) });
  } catch (error) {
    self.postMessage({ id, error: String(error && error.message ? error.message : error) });
  }
});
