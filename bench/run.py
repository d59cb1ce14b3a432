"""Measure Regain as a reader gets it: first result, main-thread tasks, bytes, build time.

Serves the built site on 127.0.0.1 with a gzip-capable static server (like GitHub Pages), drives
Debian's Chromium with Playwright, prints each figure next to its budget from `bench/budgets.toml`
and writes `bench/results.json`. Exit code 1 when a figure exceeds its budget × (1 + tolerance).

    .venv/bin/python bench/run.py            # full: 5 cold + 5 warm visits, throttled run
    .venv/bin/python bench/run.py --quick --tolerance 0.5   # CI
"""

from __future__ import annotations

import argparse
import datetime as dt
import enum
import gzip
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from bench.gates import (
    ENGINE_FILES_TABLE,
    GATES,
    Verdict,
    confirm_rows,
    gate_of,
    gate_verdict,
)
from bench.goals import goals_table, load_goals
from bench.peer import PEER_ENGINE, PEER_PREFIX, page_stylesheets, peer_url, write_peer_site
from harness import (
    CHROMIUM,
    COMPRESSED_TYPES,
    Link,
    Sent,
    StaticServer,
    build_site,
    content_type,
    is_compressible,
    launch_chromium,
    serving,
)

ROOT = Path(__file__).resolve().parent.parent


# ------------------------------------------------------------------------------- the harness
# Building the site, serving it like GitHub Pages and launching Chromium are shared with the tests
# (the `harness` package at the project root).


# ------------------------------------------------------------------------- bytes by category


class Kind(enum.StrEnum):
    """What a downloaded byte was for."""

    HTML = "html"
    CSS = "css"
    JS = "js"
    ENGINE = "engine"
    OTHER = "other"


ENGINE_PATHS = ("/engine/",)
ENGINE_FILES = ("calc-worker.mjs",)  # the worker is only ever loaded to run the engine


def classify(path: str, mime: str) -> Kind:
    """Sort a response into HTML / CSS / JS / engine / other by its path and content type."""
    if any(part in path for part in ENGINE_PATHS) or path.endswith(ENGINE_FILES):
        return Kind.ENGINE
    if mime.startswith("text/html"):
        return Kind.HTML
    if mime.startswith("text/css"):
        return Kind.CSS
    if mime.startswith("text/javascript"):
        return Kind.JS
    return Kind.OTHER


@dataclass
class Bytes:
    """Bytes of one kind: as sent over the wire (gzip where it applies) and as on disk."""

    compressed: int = 0
    raw: int = 0


def bytes_by_kind(log: list[Sent]) -> dict[str, Bytes]:
    """Total bytes per kind (and `total`) for the responses in `log`; 304s count no body."""
    totals = {kind.value: Bytes() for kind in Kind} | {"total": Bytes()}
    for sent in log:
        raw = sent.raw_bytes if sent.sent_bytes else 0
        for key in (classify(sent.path, sent.mime).value, "total"):
            totals[key].compressed += sent.sent_bytes
            totals[key].raw += raw
    return totals


# ----------------------------------------------------------------------------------- budgets


# How each budget gates (deterministic, confirmed median, hang guard): bench/gates.py.
BUDGET_KEYS = tuple(GATES)


class BudgetError(ValueError):
    """The budgets file is missing a budget, has an unknown one, or a value is not a number."""


def _budget_number(path: Path, key: str, value: object) -> float:
    """A budget's value, checked: a number >= 0."""
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        msg = f"{path}: {key} must be a number >= 0, not {value!r}"
        raise BudgetError(msg)
    return float(value)


def load_budgets(path: Path) -> dict[str, float]:
    """Read and check `budgets.toml`: exactly the known keys, each a number >= 0.

    The `[engine_files]` table budgets each engine file, `"path" = { raw = …, gzip = … }`; its
    budgets come back as `engine_files:<path>:raw` and `engine_files:<path>:gzip`.
    """
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    files = data.pop(ENGINE_FILES_TABLE, None)
    missing = [key for key in BUDGET_KEYS if key not in data]
    unknown = sorted(set(data) - set(BUDGET_KEYS))
    if missing or unknown or not isinstance(files, dict):
        msg = f"{path}: missing budgets {missing}, unknown budgets {unknown}"
        if not isinstance(files, dict):
            msg += f", no [{ENGINE_FILES_TABLE}] table"
        raise BudgetError(msg)
    budgets = {key: _budget_number(path, key, data[key]) for key in BUDGET_KEYS}
    for name, sizes in files.items():
        if not isinstance(sizes, dict) or set(sizes) != {"raw", "gzip"}:
            msg = f"{path}: [{ENGINE_FILES_TABLE}] {name!r} must be {{ raw = …, gzip = … }}"
            raise BudgetError(msg)
        for how, value in sizes.items():
            key = file_budget(name, how)
            budgets[key] = _budget_number(path, key, value)
    return budgets


def file_budget(name: str, how: str) -> str:
    """The budget key of one engine file's raw or gzip bytes."""
    return f"{ENGINE_FILES_TABLE}:{name}:{how}"


@dataclass(frozen=True)
class Figure:
    """One measured number, with the budget it answers to (None: shown for information)."""

    key: str
    label: str
    value: float
    unit: str
    budget: str | None = None
    # Bytes per kind go to their own, denser table (see `bytes_table`).
    listed: bool = True


# ------------------------------------------------------------------------------ page visits


@dataclass(frozen=True)
class Calculator:
    """A calculator page and how a reader fills it in."""

    name: str
    path: str
    result: str
    fields: dict[str, str]
    # Radio buttons a reader must pick (no answer is preselected): name -> value.
    choices: dict[str, str] = field(default_factory=dict)


CALCULATORS = (
    Calculator(
        "protein",
        "tools/protein/",
        "#protein-result",
        {"#protein-weight": "68", "#protein-age": "70"},
    ),
    Calculator(
        "plan", "tools/plan/", "#plan-result", {"#plan-age": "70"}, {"ability": "needs-support"}
    ),
)
READING_PAGES = {"home": "", "guide": "guide/early-signs/"}

# Before any page script: record long tasks, and long animation frames with the scripts that ran
# in them (which say whose code a long task was), on window; buffered, so none is missed.
LONG_TASK_OBSERVER = """
window.__benchLongTasks = [];
window.__benchFrames = [];
try {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.__benchLongTasks.push({ start: entry.startTime, duration: entry.duration });
    }
  }).observe({ type: "longtask", buffered: true });
} catch (error) { window.__benchLongTasks = null; }
try {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.__benchFrames.push({
        start: entry.startTime,
        duration: entry.duration,
        scripts: entry.scripts.map((s) => ({ source: s.sourceURL, duration: s.duration })),
      });
    }
  }).observe({ type: "long-animation-frame", buffered: true });
} catch (error) { window.__benchFrames = null; }
// Answer latency: from the form's submit (a click or Enter) to the answer inserted AND the next
// frame painted. The page (forms.mjs, or the peer page) announces an inserted answer with a
// bubbling "regain:answer" event and marks "regain:answer-received" when the engine's reply
// reached the main thread; the frame after the insert is painted before a message posted from
// requestAnimationFrame is delivered.
window.__benchAnswers = [];
let benchAsked = null;
document.addEventListener("submit", (event) => { benchAsked = event.timeStamp; }, true);
document.addEventListener("regain:answer", (event) => {
  const start = benchAsked;
  benchAsked = null;
  const inserted = performance.now();
  const received = performance.getEntriesByName("regain:answer-received").at(-1);
  const state = event.target.dataset.state || "";
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      window.__benchAnswers.push({
        start, received: received ? received.startTime : inserted, inserted,
        drawn: performance.now(), state,
      });
      document.dispatchEvent(new Event("bench:drawn"));
    };
    channel.port2.postMessage(null);
  });
});
"""

# After the result: the marks the page client sets, the worker's request (engine start) and the
# long tasks, after a pause that lets the observer deliver its last entries.
READ_TIMINGS = """
async () => {
  await new Promise((resolve) => setTimeout(resolve, 200));
  const mark = (name) => {
    const entry = performance.getEntriesByName(name)[0];
    return entry ? entry.startTime : null;
  };
  const worker = performance.getEntriesByType("resource")
    .find((entry) => entry.name.endsWith("/calc-worker.mjs"));
  return {
    result: mark("regain:result"),
    ready: mark("regain:engine-ready"),
    engineStart: worker ? worker.startTime : null,
    longTasks: window.__benchLongTasks,
    frames: window.__benchFrames,
  };
}
"""

# Wait until the service worker is active and Cache Storage has stopped changing (the offline
# precache, the engine files and the engine's memory snapshot are written after the first result):
# a repeat visit comes later than a benchmark could otherwise wait.
SETTLE = """
async (timeoutMs) => {
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const deadline = performance.now() + timeoutMs;
  if ("serviceWorker" in navigator && window.isSecureContext) {
    await Promise.race([navigator.serviceWorker.ready, sleep(timeoutMs / 2)]);
  }
  if (typeof caches === "undefined") return "";
  const state = async () => {
    const parts = [];
    for (const name of (await caches.keys()).sort()) {
      parts.push(`${name}:${(await (await caches.open(name)).keys()).length}`);
    }
    return parts.join(",");
  };
  let last = await state();
  let stable = 0;
  while (performance.now() < deadline && stable < 3) {
    await sleep(500);
    const now = await state();
    // The engine's snapshot cache exists (empty) from the start and gets its one entry late.
    const snapshotPending = /snapshot[^,]*:0(,|$)/.test(now);
    stable = now === last && !snapshotPending ? stable + 1 : 0;
    last = now;
  }
  return last;
}
"""

LONG_TASK_MS = 50  # the Long Tasks API threshold: a task that long delays a tap or a key press
RESULT_TIMEOUT_MS = 90_000
SETTLE_TIMEOUT_MS = 20_000


@dataclass(frozen=True)
class Visit:
    """One visit to a calculator page; times in ms from navigation start."""

    first_result_ms: float
    engine_ready_ms: float
    engine_start_ms: float
    # Main-thread time the engine's own scripts took within one long frame (LoAF attribution):
    # while the engine loads, and afterwards (answering and drawing the result).
    engine_task_ms: float
    result_task_ms: float
    # Long tasks of any cause: the longest, and how many overlapped the engine's loading.
    longest_task_ms: float
    long_tasks_while_loading: int


# Main-thread scripts that belong to the engine: its files, the worker and the page client.
ENGINE_SOURCES = (
    "/engine/",
    "/javascripts/calc-worker.mjs",
    "/javascripts/calc-client.mjs",
    "/javascripts/engine.mjs",
    "/javascripts/forms.mjs",
)


def engine_task_ms(frames: list[dict[str, Any]], start: float = 0.0, end: float = 1e12) -> float:
    """The longest time the engine's scripts took within one long frame overlapping [start, end]."""
    return max(
        (
            sum(
                s["duration"]
                for s in frame["scripts"]
                if any(e in s["source"] for e in ENGINE_SOURCES)
            )
            for frame in frames
            if frame["start"] < end and frame["start"] + frame["duration"] > start
        ),
        default=0.0,
    )


def overlapping(tasks: list[dict[str, float]], start: float, end: float) -> int:
    """How many long tasks overlap the window [start, end]."""
    return sum(1 for t in tasks if t["start"] < end and t["start"] + t["duration"] > start)


def visit_calculator(page: Page, base_url: str, calculator: Calculator) -> Visit:
    """Open the page, fill it in at once, submit, and wait for the first result."""
    page.goto(base_url + calculator.path, wait_until="domcontentloaded")
    page.wait_for_selector(f"form[data-calculator='{calculator.name}'][data-rg-ready]")
    form = f"form[data-calculator='{calculator.name}']"
    for selector, value in calculator.fields.items():
        page.fill(selector, value)
    for name, value in calculator.choices.items():
        page.check(f"{form} input[name='{name}'][value='{value}']")
    page.click(f"{form} [type=submit]")
    # An answer, or the page's own message: a form the bench filled wrongly ends at once, named.
    page.wait_for_selector(
        f"{calculator.result}:is([data-state=result], [data-state=errors], [data-state=failed])",
        timeout=RESULT_TIMEOUT_MS,
    )
    state = page.get_attribute(calculator.result, "data-state")
    if state != "result":
        said = " ".join(
            page.evaluate(
                "(sel) => [...document.querySelectorAll(sel)].map((e) => e.innerText).join(' ')",
                f"{calculator.result}, {form} [role=alert], {form} .rg-field-error",
            ).split()
        )[:600]
        msg = f"{calculator.name}: the page answered '{state}', not a result: {said}"
        raise RuntimeError(msg)
    timings: dict[str, Any] = page.evaluate(READ_TIMINGS)
    if timings["longTasks"] is None or timings["frames"] is None:
        msg = "this Chromium reports no long tasks or long animation frames (needs >= 123)"
        raise RuntimeError(msg)
    tasks: list[dict[str, float]] = timings["longTasks"]
    start = timings["engineStart"] or 0.0
    ready = timings["ready"] or timings["result"]
    return Visit(
        first_result_ms=timings["result"],
        engine_ready_ms=ready,
        engine_start_ms=start,
        engine_task_ms=engine_task_ms(timings["frames"], start, ready),
        result_task_ms=engine_task_ms(timings["frames"], ready),
        longest_task_ms=max((t["duration"] for t in tasks), default=0.0),
        long_tasks_while_loading=overlapping(tasks, start, ready),
    )


def new_context(browser: Browser, *, service_workers: bool = True) -> BrowserContext:
    """A fresh context (empty HTTP cache, no service worker) that records long tasks."""
    context = browser.new_context(service_workers="allow" if service_workers else "block")
    context.add_init_script(LONG_TASK_OBSERVER)
    return context


# The page client's view of its engine after the snapshot was stored: how big it was.
SNAPSHOT_INFO = """async () => {
  const client = await import(new URL("/javascripts/calc-client.mjs", location.href));
  const info = client.engineInfo();
  return { state: info.snapshot, bytes: info.snapshotBytes };
}"""


def settle(page: Page) -> None:
    """Let the service worker and the engine finish writing their caches."""
    started = time.monotonic()
    caches: str = page.evaluate(SETTLE, SETTLE_TIMEOUT_MS)
    progress(f"  caches settled in {time.monotonic() - started:.1f} s: {caches or 'none'}")


@dataclass
class CalculatorRuns:
    """Every visit to one calculator page, and to its peer page, in the same run."""

    cold: list[Visit] = field(default_factory=list)
    warm: list[Visit] = field(default_factory=list)
    throttled: list[Visit] = field(default_factory=list)
    peer_cold: list[Visit] = field(default_factory=list)
    peer_warm: list[Visit] = field(default_factory=list)
    peer_throttled: list[Visit] = field(default_factory=list)
    # The engine's memory snapshot after each cold visit (bytes, as the worker made it).
    snapshot_bytes: list[int] = field(default_factory=list)


# The answers the Regain form holds when submitted (defaults included), for the peer page.
FORM_ANSWERS = """(name) => {
  const form = document.querySelector(`form[data-calculator="${name}"]`);
  const answers = {};
  for (const [key, value] of new FormData(form)) {
    if (key in answers) answers[key] = [].concat(answers[key], value);
    else answers[key] = value;
  }
  return answers;
}"""


def visit_peer(page: Page, url: str) -> Visit:
    """Open the peer page and wait for its answer; its long tasks are all the engine's."""
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_selector("#peer-result[data-state]", timeout=RESULT_TIMEOUT_MS)
    state = page.get_attribute("#peer-result", "data-state")
    if state != "result":
        msg = f"the peer page did not answer: {page.inner_text('#peer-result')[:300]}"
        raise RuntimeError(msg)
    timings: dict[str, Any] = page.evaluate(READ_TIMINGS)
    tasks: list[dict[str, float]] = timings["longTasks"] or []
    longest = max((t["duration"] for t in tasks), default=0.0)
    return Visit(
        first_result_ms=timings["result"],
        engine_ready_ms=timings["ready"],
        engine_start_ms=0.0,
        engine_task_ms=longest,
        result_task_ms=0.0,
        longest_task_ms=longest,
        long_tasks_while_loading=len(tasks),
    )


def time_calculator(
    browser: Browser, server: StaticServer, calculator: Calculator, runs: int, throttled: int
) -> CalculatorRuns:
    """Regain and peer visits interleaved A/B, B/A, ...: cold then repeat visit, one context each.

    Alternating the order cancels a drift in machine load over the run; each pair of visits
    sees the same machine, so their ratio keeps when the machine is twice as slow or fast.
    """
    measured = CalculatorRuns()
    answers: dict[str, Any] = {}

    def regain(cold: list[Visit], warm: list[Visit] | None) -> None:
        context = new_context(browser)
        page = context.new_page()
        cold.append(visit_calculator(page, server.url, calculator))
        answers.update(page.evaluate(FORM_ANSWERS, calculator.name))
        if warm is not None:
            settle(page)
            snapshot: dict[str, Any] = page.evaluate(SNAPSHOT_INFO)
            progress(f"  engine snapshot {snapshot['state']}: {snapshot['bytes']:,} bytes")
            measured.snapshot_bytes.append(int(snapshot["bytes"]))
            warm.append(visit_calculator(page, server.url, calculator))
        context.close()

    def peer(cold: list[Visit], warm: list[Visit] | None) -> None:
        context = new_context(browser, service_workers=False)
        page = context.new_page()
        url = peer_url(server.url, calculator.name, answers)
        cold.append(visit_peer(page, url))
        if warm is not None:
            page.goto("about:blank")
            warm.append(visit_peer(page, url))
        context.close()

    for round_number in range(runs):
        # Regain goes first in round 0: the peer page needs the answers its form sent.
        first_regain = round_number % 2 == 0
        for is_regain in (first_regain, not first_regain):
            if is_regain:
                regain(measured.cold, measured.warm)
            else:
                peer(measured.peer_cold, measured.peer_warm)
    server.link = THROTTLE
    try:
        for _ in range(throttled):
            regain(measured.throttled, None)
            peer(measured.peer_throttled, None)
    finally:
        server.link = None
    server.take_log()
    return measured


# ---------------------------------------------------------------------------- answer latency


@dataclass(frozen=True)
class AnswerPage:
    """A calculator page answered again and again once its engine is up, and its golden cases."""

    name: str
    path: str
    golden: str


ANSWER_PAGES = (
    AnswerPage("protein", "tools/protein/", "protein.json"),
    AnswerPage("plan", "tools/plan/", "plan.json"),
    AnswerPage("self-check", "tools/self-check/", "self_check.json"),
)
ANSWERS = 20  # per calculator: the goal is the 95th percentile over 20 answers
GOLDEN = ROOT / "tests" / "golden"


def answer_inputs(golden: Path, count: int = ANSWERS) -> list[dict[str, Any]]:
    """The inputs of the golden cases that give an answer (not field errors), `count` of them.

    Varied, valid answers a reader could give; repeated from the start when there are fewer.
    """
    cases = json.loads(golden.read_text(encoding="utf-8"))
    inputs = [case["input"] for case in cases if "expected_errors" not in case]
    if not inputs:
        msg = f"{golden}: no golden case that gives an answer"
        raise ValueError(msg)
    return [inputs[i % len(inputs)] for i in range(count)]


# Reset the form and set each control named in `input` as a reader would; false when a value is
# not one the form offers (a golden case written for the API, not the form): the case is skipped.
APPLY_INPUT = """([name, input]) => {
  const form = document.querySelector(`form[data-calculator="${name}"]`);
  form.reset();
  for (const [key, value] of Object.entries(input)) {
    const controls = [...form.elements].filter((control) => control.name === key);
    if (!controls.length) return false;
    const first = controls[0];
    if (first.type === "checkbox" && controls.length > 1) {
      const wanted = [].concat(value ?? []).map(String);
      if (!wanted.every((item) => controls.some((control) => control.value === item))) return false;
      for (const control of controls) control.checked = wanted.includes(control.value);
    } else if (first.type === "checkbox") {
      first.checked = value === true || value === "true";
    } else if (first.type === "radio") {
      const match = controls.find((control) => control.value === String(value));
      if (!match) return false;
      match.checked = true;
    } else if (first.tagName === "SELECT") {
      if (![...first.options].some((option) => option.value === String(value))) return false;
      first.value = String(value);
    } else {
      first.value = value === null || value === undefined ? "" : String(value);
    }
  }
  return true;
}"""

# Wait (on the state, not a clock) until the page has drawn `n` answers; the n-th answer's times.
WAIT_ANSWER = """([n, timeoutMs]) => new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error(`answer ${n} not drawn`)), timeoutMs);
  const check = () => {
    if (window.__benchAnswers.length >= n) {
      clearTimeout(timer);
      resolve(window.__benchAnswers[n - 1]);
    } else document.addEventListener("bench:drawn", check, { once: true });
  };
  check();
})"""

ANSWER_TIMEOUT_MS = 30_000


@dataclass(frozen=True)
class Answer:
    """One answer once the engine is up; ms from the submit (click or Enter)."""

    # To the answer inserted and the next frame painted: what the reader waits for.
    latency_ms: float
    # To the engine's reply reaching the main thread (Regain: the worker's round trip; the peer:
    # runPython on the main thread).
    reply_ms: float
    # From the reply to the frame painted: inserting the HTML, wiring it, style, layout, paint.
    drawing_ms: float
    # The main-thread time our scripts took in the longest long animation frame (>= 50 ms) of
    # this answer, and that frame's whole duration (style, layout and paint included); 0: none.
    script_ms: float
    frame_ms: float


def answer_of(timing: dict[str, Any], frames: list[dict[str, Any]], *, peer: bool) -> Answer:
    """An answer's figures from the page's times and its long animation frames."""
    start, drawn = timing["start"], timing["drawn"]
    within = [f for f in frames if f["start"] < drawn and f["start"] + f["duration"] > start]
    return Answer(
        latency_ms=drawn - start,
        reply_ms=timing["received"] - start,
        drawing_ms=drawn - timing["received"],
        # The peer page is nothing but its engine: its whole long frames are its own.
        script_ms=(
            max((f["duration"] for f in within), default=0.0)
            if peer
            else engine_task_ms(frames, start, drawn)
        ),
        frame_ms=max(
            (
                f["duration"]
                for f in within
                if peer or any(any(e in s["source"] for e in ENGINE_SOURCES) for s in f["scripts"])
            ),
            default=0.0,
        ),
    )


def ask(page: Page, form: str, number: int) -> dict[str, Any]:
    """Submit the form with a click and wait until the page has drawn answer `number`."""
    page.click(f"{form} [type=submit]")
    timing: dict[str, Any] = page.evaluate(WAIT_ANSWER, [number, ANSWER_TIMEOUT_MS])
    if timing["state"] != "result":
        msg = f"{form}: answer {number} was {timing['state']!r}, not a result"
        raise RuntimeError(msg)
    return timing


def time_answers(
    browser: Browser, server: StaticServer, target: AnswerPage, count: int = ANSWERS
) -> tuple[list[Answer], list[Answer]]:
    """`count` answers on the Regain page once its engine is up, paired with the peer's.

    Each answer is followed (or preceded, alternately) by the same answer on the peer page, which
    runs Python on its main thread.
    """
    regain_context = new_context(browser, service_workers=False)
    peer_context = new_context(browser, service_workers=False)
    try:
        regain = regain_context.new_page()
        regain.goto(server.url + target.path, wait_until="domcontentloaded")
        regain.wait_for_selector(
            f"form[data-calculator='{target.name}'][data-engine=ready]", timeout=RESULT_TIMEOUT_MS
        )
        # After a fresh start the worker copies its ~30 MB memory snapshot into Cache Storage
        # (after the first answer: a reader is still reading it). Answers asked meanwhile wait
        # for that copy, which no reader asking again seconds later would see: wait it out.
        regain.wait_for_selector("html[data-engine-snapshot]", timeout=RESULT_TIMEOUT_MS)
        inputs = [
            answers
            for answers in answer_inputs(GOLDEN / target.golden, 4 * count)
            if regain.evaluate(APPLY_INPUT, [target.name, answers])
        ][:count]
        if len(inputs) < count:
            msg = f"{target.name}: only {len(inputs)} golden inputs fit the form"
            raise RuntimeError(msg)
        peer = peer_context.new_page()
        regain.evaluate(APPLY_INPUT, [target.name, inputs[0]])
        payload = regain.evaluate(FORM_ANSWERS, target.name)
        peer.goto(peer_url(server.url, target.name, payload), wait_until="domcontentloaded")
        peer.wait_for_selector("#peer-form:not([hidden])", timeout=RESULT_TIMEOUT_MS)
        ours: list[Answer] = []
        theirs: list[Answer] = []
        for number, answers in enumerate(inputs, start=1):
            regain.evaluate(APPLY_INPUT, [target.name, answers])
            payload = regain.evaluate(FORM_ANSWERS, target.name)
            peer.fill("#peer-form textarea", json.dumps(payload))
            # Alternate who goes first, so a drift in machine load hits both alike.
            order = ((regain, ours), (peer, theirs))
            for page, answers_of in order if number % 2 else order[::-1]:
                form = f"form[data-calculator='{target.name}']" if page is regain else "#peer-form"
                timing = ask(page, form, number)
                frames: list[dict[str, Any]] = page.evaluate("window.__benchFrames || []")
                answers_of.append(answer_of(timing, frames, peer=page is peer))
    finally:
        regain_context.close()
        peer_context.close()
    return ours, theirs


def nearest_rank(values: list[float], percent: float) -> float:
    """The `percent`-th percentile by nearest rank: of 20 values, p95 is the 19th smallest.

    >>> nearest_rank([float(v) for v in range(1, 21)], 95)
    19.0
    """
    ordered = sorted(values)
    return ordered[max(0, math.ceil(percent / 100 * len(ordered)) - 1)]


def answer_figures(name: str, ours: list[Answer], theirs: list[Answer]) -> list[Figure]:
    """Answer latency p50 / p95 and the longest main-thread block while answering.

    Regain's and the peer's in ms for information, their ratios budgeted; the drawing cost beside.
    """
    # The median is what the budgets hold tight (stable on a busy machine); the p95 (the issue's
    # goal) swings with the machine's other work and gets a budget that catches a hang.
    typical = "plan_answer_p50_ratio" if name == "plan" else "answer_p50_ratio"
    ours_p95 = nearest_rank([a.latency_ms for a in ours], 95)
    peer_p95 = nearest_rank([a.latency_ms for a in theirs], 95)
    ours_p50 = nearest_rank([a.latency_ms for a in ours], 50)
    peer_p50 = nearest_rank([a.latency_ms for a in theirs], 50)
    ours_frame = max(a.script_ms for a in ours)
    peer_frame = max(a.script_ms for a in theirs)
    return [
        Figure(f"{name}.answer.p50_ms", f"{name}: answer latency p50, Regain", ours_p50, "ms"),
        Figure(f"{name}.answer.p95_ms", f"{name}: answer latency p95, Regain", ours_p95, "ms"),
        Figure(f"{name}.answer.peer_p50_ms", f"{name}: answer latency p50, peer", peer_p50, "ms"),
        Figure(f"{name}.answer.peer_p95_ms", f"{name}: answer latency p95, peer", peer_p95, "ms"),
        Figure(
            f"{name}.answer.p50_ratio",
            f"{name}: answer latency p50, Regain ÷ peer",
            ratio(ours_p50, peer_p50),
            "ratio",
            typical,
        ),
        Figure(
            f"{name}.answer.p95_ratio",
            f"{name}: answer latency p95, Regain ÷ peer",
            ratio(ours_p95, peer_p95),
            "ratio",
            "answer_p95_ratio",
        ),
        Figure(
            f"{name}.answer.reply_p95_ms",
            f"{name}: submit to the engine's reply on the main thread p95, Regain",
            nearest_rank([a.reply_ms for a in ours], 95),
            "ms",
        ),
        Figure(
            f"{name}.answer.drawing_p95_ms",
            f"{name}: reply to answer drawn (insert, style, layout, paint) p95, Regain",
            nearest_rank([a.drawing_ms for a in ours], 95),
            "ms",
        ),
        Figure(
            f"{name}.answer.drawing_max_ms",
            f"{name}: reply to answer drawn, Regain (max)",
            max(a.drawing_ms for a in ours),
            "ms",
        ),
        Figure(
            f"{name}.answer.main_thread_ms",
            f"{name}: longest main-thread script time of ours in one long frame while answering",
            ours_frame,
            "ms",
        ),
        Figure(
            f"{name}.answer.frame_ms",
            f"{name}: longest long frame with our scripts in it while answering (whole frame)",
            max(a.frame_ms for a in ours),
            "ms",
        ),
        Figure(
            f"{name}.answer.peer_main_thread_ms",
            f"{name}: longest long frame of the peer page while answering",
            peer_frame,
            "ms",
        ),
        Figure(
            f"{name}.answer.main_thread_ratio",
            f"{name}: longest main-thread block while answering, Regain ÷ peer (>= 50 ms)",
            # A peer without a long frame counts as the long-frame threshold: a long frame of
            # ours is then over 1, never hidden by a division by zero.
            ratio(ours_frame, max(peer_frame, LONG_TASK_MS)),
            "ratio",
            "answer_main_thread_ratio",
        ),
    ]


THROTTLE_DOWN_MBIT_S = 20.0
THROTTLE_LATENCY_MS = 40.0
THROTTLE = Link(THROTTLE_DOWN_MBIT_S, THROTTLE_LATENCY_MS)


@dataclass(frozen=True)
class PageBytes:
    """What a cold visit to one page downloads: the page alone, and with the offline precache."""

    page: dict[str, Bytes]
    with_offline: dict[str, Bytes]
    longest_task_ms: float


def measure_bytes(browser: Browser, server: StaticServer, path: str) -> PageBytes:
    """Bytes of a cold visit: once without the service worker, once with it (and its precache).

    Calculator pages start their engine on load, so the visit waits for it to be ready.
    """
    loads_engine = any(c.path == path for c in CALCULATORS)
    logs: list[list[Sent]] = []
    longest = 0.0
    for service_workers in (False, True):
        server.take_log()
        context = new_context(browser, service_workers=service_workers)
        page = context.new_page()
        page.goto(server.url + path, wait_until="load")
        if loads_engine:
            page.wait_for_selector("form[data-engine=ready]", timeout=RESULT_TIMEOUT_MS)
        if service_workers:
            settle(page)
        else:
            page.wait_for_load_state("networkidle")
            tasks: list[dict[str, float]] = page.evaluate("window.__benchLongTasks || []")
            longest = max((t["duration"] for t in tasks), default=0.0)
        context.close()
        logs.append(server.take_log())
    return PageBytes(bytes_by_kind(logs[0]), bytes_by_kind(logs[1]), longest)


# ------------------------------------------------------------------------------------ build


PLAIN_CONFIG = """site_name: Plain
theme:
  name: mkdocs
"""


def write_plain_project(folder: Path) -> Path:
    """A one-page MkDocs project with the built-in theme: the build-time baseline."""
    (folder / "docs").mkdir(parents=True, exist_ok=True)
    (folder / "docs" / "index.md").write_text("# Plain\n\nOne page.\n", encoding="utf-8")
    config = folder / "mkdocs.yml"
    config.write_text(PLAIN_CONFIG, encoding="utf-8")
    return config


def time_builds(count: int) -> tuple[list[float], list[float]]:
    """Wall times of `count` strict builds of Regain and of the plain site, interleaved."""
    regain: list[float] = []
    plain: list[float] = []
    with tempfile.TemporaryDirectory(prefix="regain-bench-plain-") as plain_dir:
        plain_config = write_plain_project(Path(plain_dir))
        for _ in range(count):
            for config, seconds in ((None, regain), (plain_config, plain)):
                with tempfile.TemporaryDirectory(prefix="regain-bench-build-") as site_dir:
                    started = time.perf_counter()
                    result = build_site(Path(site_dir), config)
                    seconds.append(time.perf_counter() - started)
                if result.returncode != 0:
                    msg = f"mkdocs build --strict failed:\n{result.stdout}{result.stderr}"
                    raise RuntimeError(msg)
    return regain, plain


# ---------------------------------------------------------------------------------- figures


def spread(
    key: str, label: str, values: list[float], unit: str, budget: str | None
) -> list[Figure]:
    """Median (held to the budget), min and max of repeated measurements."""
    return [
        Figure(
            f"{key}.median",
            f"{label} (median of {len(values)})",
            statistics.median(values),
            unit,
            budget,
        ),
        Figure(f"{key}.min", f"{label} (min)", min(values), unit),
        Figure(f"{key}.max", f"{label} (max)", max(values), unit),
    ]


def median(values: list[float]) -> float:
    """The median, or 0 for no values (a figure not measured in this mode)."""
    return statistics.median(values) if values else 0.0


def ratio(ours: float, peer: float) -> float:
    """Ours ÷ the peer's; a peer figure of 0 (nothing measured) gives 0 rather than a crash."""
    return ours / peer if peer > 0 else 0.0


def calculator_figures(name: str, runs: CalculatorRuns) -> list[Figure]:
    """Regain's and the peer's first results (ms, for information) and their ratios (budgeted)."""
    figures: list[Figure] = []
    for kind, ours, theirs, budget in (
        ("cold", runs.cold, runs.peer_cold, "cold_first_result_ratio"),
        ("repeat", runs.warm, runs.peer_warm, "repeat_first_result_ratio"),
        ("throttled", runs.throttled, runs.peer_throttled, "throttled_first_result_ratio"),
    ):
        if not ours:
            continue
        regain_ms = median([v.first_result_ms for v in ours])
        peer_ms = median([v.first_result_ms for v in theirs])
        figures += [
            Figure(
                f"{name}.{kind}.first_result_ms",
                f"{name}: {kind} first result, Regain (median of {len(ours)})",
                regain_ms,
                "ms",
            ),
            Figure(
                f"{name}.{kind}.peer_first_result_ms",
                f"{name}: {kind} first result, peer (median of {len(theirs)})",
                peer_ms,
                "ms",
            ),
            Figure(
                f"{name}.{kind}.first_result_ratio",
                f"{name}: {kind} first result, Regain ÷ peer",
                ratio(regain_ms, peer_ms),
                "ratio",
                budget,
            ),
            Figure(
                f"{name}.{kind}.engine_ready_ms",
                f"{name}: {kind} engine ready, Regain (median)",
                median([v.engine_ready_ms for v in ours]),
                "ms",
            ),
        ]
    if runs.warm and runs.peer_cold:
        # Issue 15's repeat-visit goal compares a repeat visit with the peer's *cold* start.
        figures.append(
            Figure(
                f"{name}.repeat_vs_peer_cold_ratio",
                f"{name}: repeat first result, Regain ÷ peer's cold first result",
                ratio(
                    median([v.first_result_ms for v in runs.warm]),
                    median([v.first_result_ms for v in runs.peer_cold]),
                ),
                "ratio",
            )
        )
    visits = runs.cold + runs.warm + runs.throttled
    peer_visits = runs.peer_cold + runs.peer_warm + runs.peer_throttled
    # Main-thread block: the longest task our scripts ran (engine loading, answering, drawing)
    # against the longest task of the peer page, which runs Pyodide on the main thread.
    ours_block = max(max(v.engine_task_ms, v.result_task_ms) for v in visits)
    peer_block = max(v.longest_task_ms for v in peer_visits)
    figures += [
        Figure(
            f"{name}.main_thread_block_ms",
            f"{name}: longest main-thread task of ours (engine, answer, drawing)",
            ours_block,
            "ms",
        ),
        Figure(
            f"{name}.peer_main_thread_block_ms",
            f"{name}: longest main-thread task of the peer page",
            peer_block,
            "ms",
        ),
        Figure(
            f"{name}.main_thread_block_ratio",
            f"{name}: main-thread block, Regain ÷ peer",
            ratio(ours_block, peer_block),
            "ratio",
            "main_thread_block_ratio",
        ),
        Figure(
            f"{name}.longest_task_ms",
            f"{name}: longest main-thread task, any cause (Material's own included)",
            max(v.longest_task_ms for v in visits),
            "ms",
        ),
    ]
    if runs.snapshot_bytes:
        # Pyodide 314 restores a snapshot only up to a 30 MiB heap (pyodide#6254): the largest.
        figures.append(
            Figure(
                f"{name}.engine_snapshot_bytes",
                f"{name}: engine memory snapshot (largest of {len(runs.snapshot_bytes)})",
                max(runs.snapshot_bytes),
                "bytes",
                "engine_snapshot_bytes",
            )
        )
    return figures


def bytes_figures(name: str, path: str, measured: PageBytes) -> list[Figure]:
    """Bytes per kind for one page; pages without a calculator answer to the zero-engine budget."""
    figures: list[Figure] = []
    for scope, totals in (("bytes", measured.page), ("bytes_with_offline", measured.with_offline)):
        for kind, sent in totals.items():
            for how in ("compressed", "raw"):
                figures.append(
                    Figure(
                        f"{name}.{scope}.{kind}.{how}",
                        f"{name}: {kind} {scope.replace('_', ' ')} ({how})",
                        getattr(sent, how),
                        "bytes",
                        listed=False,
                    )
                )
    total = measured.page["total"].compressed
    if any(c.path == path for c in CALCULATORS):
        figures += [
            Figure(
                f"{name}.engine_bytes_gzip",
                f"{name}: engine bytes of a first visit (gzip)",
                measured.page[Kind.ENGINE].compressed,
                "bytes",
                "calculator_engine_gzip_bytes",
            ),
            Figure(
                f"{name}.page_bytes_gzip",
                f"{name}: page bytes of a first visit besides the engine (as sent)",
                total - measured.page[Kind.ENGINE].compressed,
                "bytes",
                "calculator_page_gzip_bytes",
            ),
        ]
    else:
        figures += [
            Figure(
                f"{name}.page_bytes_gzip",
                f"{name}: page bytes of a first visit (as sent)",
                total,
                "bytes",
                "reading_page_gzip_bytes",
            ),
            Figure(
                f"{name}.engine_bytes",
                f"{name}: engine bytes",
                measured.page[Kind.ENGINE].raw,
                "bytes",
                "guide_engine_bytes",
            ),
            Figure(
                f"{name}.engine_bytes_with_offline",
                f"{name}: engine bytes incl. service worker precache",
                measured.with_offline[Kind.ENGINE].raw,
                "bytes",
                "guide_engine_bytes",
            ),
            Figure(
                f"{name}.longest_task_ms",
                f"{name}: longest main-thread task (no engine on this page)",
                measured.longest_task_ms,
                "ms",
            ),
        ]
    return figures


# ------------------------------------------------------------------- deterministic figures
# The same on every run: bytes of the files the site ships and what the engine imports and answers
# (bench/gates.py, "Deterministic"). Measured from the built site, without a browser.


def engine_files(site: Path) -> dict[str, Bytes]:
    """Each engine file of the built site (what `classify` calls engine): raw and as sent.

    As sent is the gzip body the static server sends (gzip level 6 for the types a static host
    compresses, harness/server.py), or the file itself for the rest (the zip archives).
    """
    files = sorted(p for p in (site / "engine").rglob("*") if p.is_file())
    files += sorted(p for p in site.rglob("*") if p.is_file() and p.name in ENGINE_FILES)
    sizes: dict[str, Bytes] = {}
    for file in files:
        data = file.read_bytes()
        sent = gzip.compress(data, 6, mtime=0) if is_compressible(content_type(file)) else data
        sizes[file.relative_to(site).as_posix()] = Bytes(compressed=len(sent), raw=len(data))
    return sizes


def engine_file_figures(sizes: dict[str, Bytes]) -> list[Figure]:
    """Raw and gzip bytes per engine file, each against its own budget in [engine_files]."""
    return [
        Figure(
            f"engine_file.{name}.{how}",
            f"engine file {name} ({how})",
            sent.raw if how == "raw" else sent.compressed,
            "bytes",
            file_budget(name, how),
        )
        for name, sent in sizes.items()
        for how in ("raw", "gzip")
    ]


ENGINE_PROBE = ROOT / "bench" / "engine_probe.mjs"


def probe_engine(site: Path) -> dict[str, Any]:
    """Run bench/engine_probe.mjs: modules imported at engine start, the largest answers."""
    goldens = [f"{GOLDEN / target.golden}:{target.name}" for target in ANSWER_PAGES]
    result = subprocess.run(
        ["node", str(ENGINE_PROBE), str(site), *goldens],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    if result.returncode != 0:
        msg = f"bench/engine_probe.mjs failed:\n{result.stdout}{result.stderr}"
        raise RuntimeError(msg)
    probed: dict[str, Any] = json.loads(result.stdout)
    return probed


def engine_figures(probed: dict[str, Any]) -> list[Figure]:
    """The module count at engine start and the largest answer on the wire (bytes)."""
    largest: dict[str, int] = probed["largestAnswerBytes"]
    return [
        Figure(
            "engine.start_modules",
            "Python modules imported at engine start (sys.modules, Node probe)",
            probed["startModules"],
            "modules",
            "engine_start_modules",
        ),
        *(
            Figure(
                f"{name}.answer.largest_bytes",
                f"{name}: largest answer of the golden cases, worker to page (JSON, UTF-8)",
                size,
                "bytes",
            )
            for name, size in largest.items()
        ),
        Figure(
            "answer.largest_wire_bytes",
            "largest answer on the wire, any calculator (JSON, UTF-8)",
            max(largest.values()),
            "bytes",
            "answer_wire_bytes",
        ),
    ]


def deterministic_figures(site: Path, samples: dict[str, Any]) -> list[Figure]:
    """Engine file bytes and the Node probe's figures, recorded in `samples` too."""
    progress("engine files' bytes, and the engine's modules and answers in Node")
    sizes = engine_files(site)
    probed = probe_engine(site)
    samples["engine_files"] = {name: asdict(sent) for name, sent in sizes.items()}
    samples["engine_probe"] = probed
    return engine_file_figures(sizes) + engine_figures(probed)


# ------------------------------------------------------------------------------ the report


def judge(
    figures: list[Figure], budgets: dict[str, float], tolerance: float
) -> list[dict[str, Any]]:
    """Each figure as a JSON row with its budget's value, its gate and its verdict.

    A figure whose budget is missing from budgets.toml (an engine file nobody budgeted) is OVER:
    a new file cannot slip in unbudgeted.
    """
    rows: list[dict[str, Any]] = []
    for figure in figures:
        limit = budgets.get(figure.budget) if figure.budget else None
        gate = gate_of(figure.budget).value if figure.budget else None
        if figure.budget is None:
            judged = Verdict.INFO
        elif limit is None:
            judged = Verdict.OVER
        else:
            judged = gate_verdict(gate_of(figure.budget), figure.value, limit, tolerance)
        rows.append(
            asdict(figure)
            | {"limit": limit, "gate": gate, "rounds": [figure.value], "verdict": judged}
        )
    return rows


def format_value(value: float, unit: str) -> str:
    """A figure as a person reads it: 2.31 s, 412.3 kB, 48 ms."""
    if unit == "ms":
        return f"{value / 1000:.2f} s" if value >= 1000 else f"{value:.0f} ms"
    if unit == "bytes":
        return f"{value / 1000:,.1f} kB" if value >= 1000 else f"{value:.0f} B"
    if unit == "s":
        return f"{value:.2f} s"
    if unit == "ratio":
        return f"{value:.2f}×"
    return f"{value:g} {unit}"


def budget_unit(key: str) -> str:
    """The unit a budget's name ends with (an engine file's budget is in bytes)."""
    if key.startswith(ENGINE_FILES_TABLE + ":"):
        return "bytes"
    units = {"bytes": "bytes", "ms": "ms", "s": "s", "ratio": "ratio", "modules": "modules"}
    return units[key.rsplit("_", 1)[1]]


def table(rows: list[dict[str, Any]]) -> str:
    """The listed figures as a table: figure | value | budget | verdict."""
    lines = [["figure", "value", "budget", "verdict"]]
    for row in rows:
        if not row["listed"]:
            continue
        limit = row["limit"]
        budget = (
            ""
            if row["budget"] is None
            else "none (new file?)"
            if limit is None
            else format_value(limit, budget_unit(row["budget"]))
        )
        lines.append(
            [row["label"], format_value(row["value"], row["unit"]), budget, row["verdict"]]
        )
    return render_table(lines)


def bytes_table(rows: list[dict[str, Any]]) -> str:
    """Bytes per page and kind, gzip / raw in kB, from the unlisted byte figures."""
    values = {row["key"]: row["value"] for row in rows}
    pages = list(dict.fromkeys(row["key"].split(".")[0] for row in rows if ".bytes." in row["key"]))
    columns = [*(kind.value for kind in Kind), "total"]
    lines = [["kB gzip / raw", *columns, "total incl. offline precache"]]
    for page in pages:
        cells = [page]
        for scope, kinds in (("bytes", columns), ("bytes_with_offline", ["total"])):
            for kind in kinds:
                gz, raw = (
                    values[f"{page}.{scope}.{kind}.{how}"] / 1000 for how in ("compressed", "raw")
                )
                cells.append(f"{gz:,.1f} / {raw:,.1f}")
        lines.append(cells)
    return render_table(lines)


def render_table(lines: list[list[str]]) -> str:
    """Fixed-width columns separated by bars, with a rule under the header line."""
    widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]))]
    out = []
    for number, line in enumerate(lines):
        out.append(" | ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)))
        if number == 0:
            out.append("-+-".join("-" * width for width in widths))
    return "\n".join(line.rstrip() for line in out)


def machine_info(browser_version: str) -> dict[str, Any]:
    """Where the numbers were measured."""
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    return {
        "nproc": os.cpu_count(),
        "chromium": browser_version,
        "pyodide": package["dependencies"]["pyodide"],
        "python": platform.python_version(),
        "platform": platform.platform(),
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        # Other work on the machine skews every time: the 1-minute load average at the end.
        "loadavg_1min": os.getloadavg()[0],
    }


def results_document(
    rows: list[dict[str, Any]],
    *,
    machine: dict[str, Any],
    settings: dict[str, Any],
    samples: dict[str, Any],
) -> dict[str, Any]:
    """The results.json document: settings, machine, judged figures, raw samples, verdict."""
    return {
        "schema": 1,
        "machine": machine,
        "settings": settings,
        "figures": rows,
        "samples": samples,
        "passed": all(row["verdict"] != Verdict.OVER.value for row in rows),
    }


def measure_pages(
    browser: Browser, server: StaticServer, args: argparse.Namespace, samples: dict[str, Any]
) -> list[Figure]:
    """First results and bytes (unless --latency-only), then answer latency per calculator."""
    figures: list[Figure] = []
    if not args.latency_only:
        figures += measure_first_results(browser, server, args, samples)
    for target in ANSWER_PAGES:
        progress(f"{target.name}: {ANSWERS} answers once the engine is up, paired with the peer")
        ours, theirs = time_answers(browser, server, target)
        figures += answer_figures(target.name, ours, theirs)
        samples[f"{target.name}.answers"] = {
            "regain": [asdict(a) for a in ours],
            "peer": [asdict(a) for a in theirs],
        }
    return figures


def measure_first_results(
    browser: Browser, server: StaticServer, args: argparse.Namespace, samples: dict[str, Any]
) -> list[Figure]:
    """Bytes of every page, then each calculator's visits interleaved with its peer's."""
    figures: list[Figure] = []
    pages = {**READING_PAGES, **{c.name: c.path for c in CALCULATORS}}
    for name, path in pages.items():
        progress(f"bytes of {name} ({path or '/'})")
        measured = measure_bytes(browser, server, path)
        figures += bytes_figures(name, path, measured)
        samples[f"{name}.bytes"] = {
            "page": {k: asdict(v) for k, v in measured.page.items()},
            "with_offline": {k: asdict(v) for k, v in measured.with_offline.items()},
        }
    for calculator in CALCULATORS:
        progress(
            f"{calculator.name}: {args.runs} cold + repeat visits, each paired with the peer"
            + (", 1 throttled pair" if args.throttled else "")
        )
        runs = time_calculator(browser, server, calculator, args.runs, 1 if args.throttled else 0)
        figures += calculator_figures(calculator.name, runs)
        samples[f"{calculator.name}.visits"] = {
            kind: [asdict(v) for v in getattr(runs, kind)]
            for kind in ("cold", "warm", "throttled", "peer_cold", "peer_warm", "peer_throttled")
        }
    return figures


def comparison_table(rows: list[dict[str, Any]]) -> str:
    """Per calculator and visit kind: Regain ms, peer ms, the ratio, its budget and verdict."""
    by_key = {row["key"]: row for row in rows}
    lines = [
        ["calculator", "visit", "Regain", "peer", "Regain ÷ peer", "budget", "gate", "verdict"]
    ]
    for calculator in CALCULATORS:
        for kind in ("cold", "repeat", "throttled"):
            key = f"{calculator.name}.{kind}"
            if f"{key}.first_result_ratio" not in by_key:
                continue
            judged = by_key[f"{key}.first_result_ratio"]
            lines.append(
                [
                    calculator.name,
                    f"{kind} first result",
                    format_value(by_key[f"{key}.first_result_ms"]["value"], "ms"),
                    format_value(by_key[f"{key}.peer_first_result_ms"]["value"], "ms"),
                    format_value(judged["value"], "ratio"),
                    format_value(judged["limit"], "ratio"),
                    gate_cell(judged),
                    judged["verdict"],
                ]
            )
        if f"{calculator.name}.main_thread_block_ratio" not in by_key:
            continue
        block = by_key[f"{calculator.name}.main_thread_block_ratio"]
        lines.append(
            [
                calculator.name,
                "main-thread block",
                format_value(by_key[f"{calculator.name}.main_thread_block_ms"]["value"], "ms"),
                format_value(by_key[f"{calculator.name}.peer_main_thread_block_ms"]["value"], "ms"),
                format_value(block["value"], "ratio"),
                format_value(block["limit"], "ratio"),
                gate_cell(block),
                block["verdict"],
            ]
        )
    for target in ANSWER_PAGES:
        key = f"{target.name}.answer"
        if f"{key}.p95_ratio" not in by_key:
            continue
        for what, ours_key, peer_key, ratio_key in (
            ("answer p50", "p50_ms", "peer_p50_ms", "p50_ratio"),
            ("answer p95", "p95_ms", "peer_p95_ms", "p95_ratio"),
            ("answer main-thread", "main_thread_ms", "peer_main_thread_ms", "main_thread_ratio"),
        ):
            row = by_key[f"{key}.{ratio_key}"]
            lines.append(
                [
                    target.name,
                    what,
                    format_value(by_key[f"{key}.{ours_key}"]["value"], "ms"),
                    format_value(by_key[f"{key}.{peer_key}"]["value"], "ms"),
                    format_value(row["value"], "ratio"),
                    format_value(row["limit"], "ratio"),
                    gate_cell(row),
                    row["verdict"],
                ]
            )
    return render_table(lines)


def gate_cell(row: dict[str, Any]) -> str:
    """The row's gate, with each round's value when a median was measured again."""
    rounds: list[float] = row["rounds"]
    if len(rounds) < 2:  # one round: nothing was measured again
        return row["gate"] or ""
    return f"{row['gate']}, rounds " + " / ".join(f"{value:.2f}×" for value in rounds)


# -------------------------------------------------------------------------------------- main


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line (see the module docstring)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick",
        action="store_true",
        help="2 cold + 2 warm visits, one build, no throttled run (CI)",
    )
    parser.add_argument("--runs", type=int, default=5, help="cold/warm visits per calculator")
    parser.add_argument(
        "--throttled",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="a cold visit at 20 Mbit/s, 40 ms (default: on, off with --quick)",
    )
    parser.add_argument(
        "--latency-only",
        action="store_true",
        help="only the answer latency once the engine is up (no builds, bytes or first results)",
    )
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results.json")
    parser.add_argument("--budgets", type=Path, default=ROOT / "bench" / "budgets.toml")
    parser.add_argument(
        "--tolerance",
        type=float,
        default=0.0,
        help="fail only above budget × (1 + tolerance); CI passes 0.5",
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.runs = min(args.runs, 2)
    if args.throttled is None:
        args.throttled = not args.quick
    if args.runs < 1 or args.tolerance < 0:
        parser.error("--runs must be >= 1 and --tolerance >= 0")
    return args


_STARTED = time.monotonic()


def progress(message: str) -> None:
    """A line on stderr, so a long run shows where it is."""
    print(f"bench: {time.monotonic() - _STARTED:6.1f} s  {message}", file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    """Measure everything, print the table, write the results; 1 when a budget is exceeded."""
    site = args.site.resolve()
    if not (site / "index.html").is_file() or not (site / "engine").is_dir():
        print(
            f"bench: no built site at {site}: run `make build` first (or pass --site DIR).",
            file=sys.stderr,
        )
        return 2
    if not CHROMIUM.is_file():
        print(
            f"bench: needs Debian's Chromium at {CHROMIUM} (apt-get install chromium).",
            file=sys.stderr,
        )
        return 2
    budgets = load_budgets(args.budgets)
    builds = 0 if args.latency_only else 2 if args.quick else 3
    figures: list[Figure] = []
    samples: dict[str, Any] = {}
    if builds:
        figures, samples = measure_builds(builds)
    if not args.latency_only:
        figures += deterministic_figures(site, samples)
    with tempfile.TemporaryDirectory(prefix="regain-bench-peer-") as peer_dir:
        stylesheets = page_stylesheets(site, CALCULATORS[0].path)
        # One peer page per calculator visited: first results (CALCULATORS) and answers.
        names = list(dict.fromkeys([c.name for c in CALCULATORS] + [t.name for t in ANSWER_PAGES]))
        write_peer_site(Path(peer_dir), names, stylesheets)
        mounts = {PEER_ENGINE: ROOT / "node_modules" / "pyodide", PEER_PREFIX: Path(peer_dir)}
        with serving(site, mounts=mounts) as server, sync_playwright() as playwright:
            server.prime()
            browser = launch_chromium(playwright)
            try:
                figures += measure_pages(browser, server, args, samples)
                machine = machine_info(browser.version)
                rows = judge(figures, budgets, args.tolerance)
                # A timing median over budget is measured again before it fails (bench/gates.py).
                again = Remeasure(
                    browser,
                    server,
                    runs=args.runs,
                    throttled=args.throttled,
                    builds=builds,
                    samples=samples,
                )
                confirmations = confirm_rows(rows, args.tolerance, again)
            finally:
                browser.close()
    settings = {
        "mode": "latency only" if args.latency_only else "quick" if args.quick else "full",
        "runs": args.runs,
        "builds": builds,
        "answers": ANSWERS,
        "tolerance": args.tolerance,
        "throttle": {
            "enabled": bool(args.throttled),
            "down_mbit_s": THROTTLE_DOWN_MBIT_S,
            "latency_ms": THROTTLE_LATENCY_MS,
            "method": "static server (shared link rate + per-request latency)",
        },
        "site": str(site),
        "gzip_types": list(COMPRESSED_TYPES),
    }
    document = results_document(rows, machine=machine, settings=settings, samples=samples)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")
    print(
        "\n".join(confirmations)
        if confirmations
        else "No timing median over budget in round 1: nothing to confirm."
    )
    print()
    print(comparison_table(rows))
    print()
    print(table(rows))
    if not args.latency_only:
        print()
        print(bytes_table(rows))
    print()
    print(goals_table(rows, load_goals()))
    over = [row["label"] for row in rows if row["verdict"] == Verdict.OVER.value]
    print(
        f"\n{len(over)} figure(s) over budget (tolerance {args.tolerance:.0%}); "
        f"results in {args.out}"
    )
    return 1 if over else 0


def confirmation_group(key: str) -> str:
    """What measures a confirmed median again: the builds, a calculator's answers or visits."""
    if key == "build_ratio":
        return "build"
    name = key.split(".", 1)[0]
    return f"{name}.answers" if ".answer." in key else f"{name}.visits"


class Remeasure:
    """Round n of a timing median: the same paired measurement again, shared by its figures.

    One more round of a calculator's visits gives its cold, repeat and throttled ratios at once;
    a figure asking for a round another figure of its group already caused reads it from there.
    """

    def __init__(
        self,
        browser: Browser,
        server: StaticServer,
        *,
        runs: int,
        throttled: bool,
        builds: int,
        samples: dict[str, Any],
    ) -> None:
        self.browser, self.server, self.samples = browser, server, samples
        self.runs, self.throttled, self.builds = runs, throttled, builds
        self.rounds: dict[str, list[dict[str, float]]] = {}

    def __call__(self, key: str, round_number: int) -> float:
        """The value of figure `key` in round `round_number` (2, 3, …), measured if need be."""
        group = confirmation_group(key)
        done = self.rounds.setdefault(group, [])
        while len(done) < round_number - 1:
            progress(f"confirming {key}: {group}, round {len(done) + 2}")
            figures, sample = self.measure(group)
            done.append({figure.key: figure.value for figure in figures})
            self.samples[f"{group}.round{len(done) + 1}"] = sample
        return done[round_number - 2][key]

    def measure(self, group: str) -> tuple[list[Figure], Any]:
        """One more round of the group's paired measurement: its figures and raw samples."""
        name, _, what = group.partition(".")
        if group == "build":
            return measure_builds(self.builds)
        if what == "answers":
            target = next(t for t in ANSWER_PAGES if t.name == name)
            ours, theirs = time_answers(self.browser, self.server, target)
            sample = {"regain": [asdict(a) for a in ours], "peer": [asdict(a) for a in theirs]}
            return answer_figures(name, ours, theirs), sample
        calculator = next(c for c in CALCULATORS if c.name == name)
        runs = time_calculator(
            self.browser, self.server, calculator, self.runs, 1 if self.throttled else 0
        )
        return calculator_figures(name, runs), asdict(runs)


def measure_builds(builds: int) -> tuple[list[Figure], dict[str, Any]]:
    """Strict builds of Regain and of a plain one-page site, interleaved: times and their ratio."""
    progress(f"{builds} strict build(s) of Regain and of a plain one-page site, interleaved")
    regain_builds, plain_builds = time_builds(builds)
    figures = [
        Figure(
            "build_s.median",
            f"mkdocs build --strict, Regain (median of {builds})",
            statistics.median(regain_builds),
            "s",
        ),
        Figure(
            "build_s.plain_median",
            f"mkdocs build --strict, plain one-page site (median of {builds})",
            statistics.median(plain_builds),
            "s",
        ),
        Figure(
            "build_ratio",
            "build time, Regain ÷ plain one-page site",
            ratio(statistics.median(regain_builds), statistics.median(plain_builds)),
            "ratio",
            "build_ratio",
        ),
    ]
    return figures, {"build_s": regain_builds, "plain_build_s": plain_builds}


def main(argv: list[str] | None = None) -> int:
    """Entry point for `python bench/run.py`."""
    return run(parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
