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
import json
import os
import platform
import statistics
import sys
import tempfile
import time
import tomllib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from bench.peer import PEER_ENGINE, PEER_PREFIX, peer_url, write_peer_site
from harness import (
    CHROMIUM,
    COMPRESSED_TYPES,
    Link,
    Sent,
    StaticServer,
    build_site,
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


class Verdict(enum.StrEnum):
    """A figure against its budget."""

    PASS = "PASS"
    # Over the budget but within the tolerance a noisy machine is allowed (CI quick mode).
    TOLERATED = "OVER (tolerated)"
    OVER = "OVER"
    INFO = "-"


def verdict(value: float, budget: float | None, tolerance: float) -> Verdict:
    """PASS within the budget; OVER beyond budget × (1 + tolerance); TOLERATED in between."""
    if budget is None:
        return Verdict.INFO
    if value <= budget:
        return Verdict.PASS
    if value <= budget * (1 + tolerance):
        return Verdict.TOLERATED
    return Verdict.OVER


# Timings are budgeted as ratios to the peer page measured in the same run (bench/peer.py): a
# machine twice as slow slows both pages alike. Bytes do not depend on the CPU: absolute budgets.
BUDGET_KEYS = (
    "cold_first_result_ratio",
    "repeat_first_result_ratio",
    "throttled_first_result_ratio",
    "main_thread_block_ratio",
    "build_ratio",
    "guide_engine_bytes",
    "calculator_engine_gzip_bytes",
)


class BudgetError(ValueError):
    """The budgets file is missing a budget, has an unknown one, or a value is not a number."""


def load_budgets(path: Path) -> dict[str, float]:
    """Read and check `budgets.toml`: exactly the known keys, each a number >= 0."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    missing = [key for key in BUDGET_KEYS if key not in data]
    unknown = sorted(set(data) - set(BUDGET_KEYS))
    if missing or unknown:
        msg = f"{path}: missing budgets {missing}, unknown budgets {unknown}"
        raise BudgetError(msg)
    budgets: dict[str, float] = {}
    for key in BUDGET_KEYS:
        value = data[key]
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            msg = f"{path}: {key} must be a number >= 0, not {value!r}"
            raise BudgetError(msg)
        budgets[key] = float(value)
    return budgets


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


CALCULATORS = (
    Calculator(
        "protein",
        "tools/protein/",
        "#protein-result",
        {"#protein-weight": "68", "#protein-age": "70"},
    ),
    Calculator("plan", "tools/plan/", "#plan-result", {"#plan-age": "70"}),
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
    for selector, value in calculator.fields.items():
        page.fill(selector, value)
    page.click(f"form[data-calculator='{calculator.name}'] [type=submit]")
    page.wait_for_selector(f"{calculator.result}[data-state=result]", timeout=RESULT_TIMEOUT_MS)
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
    if any(c.path == path for c in CALCULATORS):
        figures.append(
            Figure(
                f"{name}.engine_bytes_gzip",
                f"{name}: engine bytes of a first visit (gzip)",
                measured.page[Kind.ENGINE].compressed,
                "bytes",
                "calculator_engine_gzip_bytes",
            )
        )
    else:
        figures += [
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


# ------------------------------------------------------------------------------ the report


def judge(
    figures: list[Figure], budgets: dict[str, float], tolerance: float
) -> list[dict[str, Any]]:
    """Each figure as a JSON row with its budget's value and its verdict."""
    rows: list[dict[str, Any]] = []
    for figure in figures:
        limit = budgets[figure.budget] if figure.budget else None
        rows.append(
            asdict(figure) | {"limit": limit, "verdict": verdict(figure.value, limit, tolerance)}
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
    """The unit a budget's name ends with."""
    return {"bytes": "bytes", "ms": "ms", "s": "s", "ratio": "ratio"}[key.rsplit("_", 1)[1]]


def table(rows: list[dict[str, Any]]) -> str:
    """The listed figures as a table: figure | value | budget | verdict."""
    lines = [["figure", "value", "budget", "verdict"]]
    for row in rows:
        if not row["listed"]:
            continue
        limit = row["limit"]
        budget = "" if limit is None else format_value(limit, budget_unit(row["budget"]))
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
    lines = [["calculator", "visit", "Regain", "peer", "Regain ÷ peer", "budget", "verdict"]]
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
                    judged["verdict"],
                ]
            )
        block = by_key[f"{calculator.name}.main_thread_block_ratio"]
        lines.append(
            [
                calculator.name,
                "main-thread block",
                format_value(by_key[f"{calculator.name}.main_thread_block_ms"]["value"], "ms"),
                format_value(by_key[f"{calculator.name}.peer_main_thread_block_ms"]["value"], "ms"),
                format_value(block["value"], "ratio"),
                format_value(block["limit"], "ratio"),
                block["verdict"],
            ]
        )
    return render_table(lines)


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
    builds = 2 if args.quick else 3
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
    samples: dict[str, Any] = {"build_s": regain_builds, "plain_build_s": plain_builds}
    with tempfile.TemporaryDirectory(prefix="regain-bench-peer-") as peer_dir:
        write_peer_site(Path(peer_dir), [c.name for c in CALCULATORS])
        mounts = {PEER_ENGINE: ROOT / "node_modules" / "pyodide", PEER_PREFIX: Path(peer_dir)}
        with serving(site, mounts=mounts) as server, sync_playwright() as playwright:
            server.prime()
            browser = launch_chromium(playwright)
            try:
                figures += measure_pages(browser, server, args, samples)
                machine = machine_info(browser.version)
            finally:
                browser.close()
    rows = judge(figures, budgets, args.tolerance)
    settings = {
        "mode": "quick" if args.quick else "full",
        "runs": args.runs,
        "builds": builds,
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
    print(comparison_table(rows))
    print()
    print(table(rows))
    print()
    print(bytes_table(rows))
    over = [row["label"] for row in rows if row["verdict"] == Verdict.OVER.value]
    print(
        f"\n{len(over)} figure(s) over budget (tolerance {args.tolerance:.0%}); "
        f"results in {args.out}"
    )
    return 1 if over else 0


def main(argv: list[str] | None = None) -> int:
    """Entry point for `python bench/run.py`."""
    return run(parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
