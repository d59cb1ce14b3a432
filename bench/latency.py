"""Answer latency once the engine is up: golden inputs asked again and again, paired with the peer.

The median is held to a budget; the p95 and the longest main-thread block are reported beside it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from playwright.sync_api import Browser, Page

from bench.figures import Figure, nearest_rank, ratio
from bench.page_scripts import (
    APPLY_INPUT,
    FORM_ANSWERS,
    WAIT_ANSWER,
)
from bench.peer import peer_url
from bench.visits import (
    ENGINE_SOURCES,
    LONG_TASK_MS,
    RESULT_TIMEOUT_MS,
    engine_task_ms,
    new_context,
)
from harness import StaticServer
from harness.golden import GOLDEN, answer_inputs


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
