"""Visits to a calculator page and to its peer page, paired: first results and main-thread blocks.

Regain and the peer page are visited in turn (A/B, B/A) so a drift in machine load hits both.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from playwright.sync_api import Browser, BrowserContext, Page

from bench.figures import Figure, median, progress, ratio
from bench.page_scripts import (
    FORM_ANSWERS,
    LONG_TASK_OBSERVER,
    READ_TIMINGS,
    SETTLE,
    SNAPSHOT_INFO,
)
from bench.peer import peer_url
from harness import (
    Link,
    StaticServer,
)


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
    "/javascripts/forms/",
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


THROTTLE_DOWN_MBIT_S = 20.0


THROTTLE_LATENCY_MS = 40.0


THROTTLE = Link(THROTTLE_DOWN_MBIT_S, THROTTLE_LATENCY_MS)


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
