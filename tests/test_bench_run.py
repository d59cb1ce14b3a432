"""The benchmark's pure parts: verdicts, budgets, byte classes, the report and the gzip server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import harness
from bench import budgets as bench_budgets
from bench import figures as bench_figures
from bench import gates, latency, page_bytes, peer, report, visits
from bench.goals import Goal, goals_table, load_goals
from harness import golden

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("value", "budget", "tolerance", "expected"),
    [
        (2400, 2500, 0.0, "PASS"),
        (2500, 2500, 0.0, "PASS"),
        (2501, 2500, 0.0, "OVER"),
        (3700, 2500, 0.5, "OVER (tolerated)"),
        (3751, 2500, 0.5, "OVER"),
        (0, 0, 0.5, "PASS"),
        (1, 0, 0.5, "OVER"),
        (123, None, 0.0, "-"),
    ],
)
def test_verdict_applies_the_tolerance(
    value: float, budget: float | None, tolerance: float, expected: str
) -> None:
    """A figure passes within its budget and fails only beyond budget × (1 + tolerance)."""
    assert gates.verdict(value, budget, tolerance) == expected


def test_project_budgets_load() -> None:
    """bench/budgets.toml holds every budget the bench judges, as numbers."""
    budgets = bench_budgets.load_budgets(ROOT / "bench" / "budgets.toml")
    assert set(budgets) - set(bench_budgets.BUDGET_KEYS) == {
        key for key in budgets if key.startswith("engine_files:")
    }
    assert set(bench_budgets.BUDGET_KEYS) <= set(budgets)
    assert budgets["guide_engine_bytes"] == 0
    assert budgets["engine_files:engine/pyodide.asm.wasm:gzip"] > 0


def test_budgets_reject_an_unknown_key(tmp_path: Path) -> None:
    """A misspelt budget is an error, not a silently ignored line."""
    text = (ROOT / "bench" / "budgets.toml").read_text(encoding="utf-8")
    budgets = tmp_path / "budgets.toml"
    budgets.write_text(text.replace("build_ratio =", "biuld_ratio ="), encoding="utf-8")
    with pytest.raises(
        bench_budgets.BudgetError, match=r"missing budgets \['build_ratio'\].*'biuld_ratio'"
    ):
        bench_budgets.load_budgets(budgets)


def test_budgets_reject_a_negative_value(tmp_path: Path) -> None:
    """A budget must be a number >= 0."""
    text = (ROOT / "bench" / "budgets.toml").read_text(encoding="utf-8")
    budgets = tmp_path / "budgets.toml"
    budgets.write_text(text.replace("build_ratio = 8", "build_ratio = -1"), encoding="utf-8")
    with pytest.raises(bench_budgets.BudgetError, match="build_ratio must be a number >= 0"):
        bench_budgets.load_budgets(budgets)


@pytest.mark.parametrize(
    ("path", "mime", "kind"),
    [
        ("/tools/protein/", "text/html; charset=utf-8", "html"),
        ("/assets/stylesheets/main.css", "text/css; charset=utf-8", "css"),
        ("/assets/javascripts/bundle.js", "text/javascript; charset=utf-8", "js"),
        ("/javascripts/calc-client.mjs", "text/javascript; charset=utf-8", "js"),
        ("/javascripts/calc-worker.mjs", "text/javascript; charset=utf-8", "engine"),
        ("/engine/pyodide.asm.wasm", "application/wasm", "engine"),
        ("/engine/version.json", "application/json", "engine"),
        ("/regain/engine/python_stdlib.zip", "application/zip", "engine"),
        ("/search/search_index.json", "application/json", "other"),
        ("/assets/images/favicon.png", "image/png", "other"),
    ],
)
def test_classify_sorts_responses_by_path_and_type(path: str, mime: str, kind: str) -> None:
    """Engine files and the worker are engine bytes wherever they sit; the rest goes by type."""
    assert page_bytes.classify(path, mime) == kind


def test_bytes_by_kind_sums_sent_and_raw_and_skips_304_bodies() -> None:
    """Per-kind totals add wire bytes and disk bytes; a 304 costs no body."""
    log = [
        harness.Sent("/index.html", "text/html; charset=utf-8", 1000, 300),
        harness.Sent("/engine/pyodide.asm.wasm", "application/wasm", 9000, 3000),
        harness.Sent("/engine/pyodide.asm.wasm", "application/wasm", 9000, 0),
    ]
    totals = page_bytes.bytes_by_kind(log)
    assert (totals["html"].compressed, totals["html"].raw) == (300, 1000)
    assert (totals["engine"].compressed, totals["engine"].raw) == (3000, 9000)
    assert (totals["total"].compressed, totals["total"].raw) == (3300, 10000)
    assert totals["css"].compressed == 0


def test_judge_and_results_document_have_the_published_shape() -> None:
    """results.json rows carry the figure, its budget's value and a verdict; OVER fails the run."""
    figures = [
        bench_figures.Figure("build_ratio", "build", 12.0, "ratio", "build_ratio"),
        bench_figures.Figure("guide.longest_task_ms", "guide task", 80.0, "ms"),
    ]
    rows = report.judge(figures, {"build_ratio": 10.0}, 0.0)
    document = report.results_document(
        rows, machine={"nproc": 2}, settings={"mode": "quick"}, samples={}
    )
    assert json.loads(json.dumps(document)) == {
        "schema": 1,
        "machine": {"nproc": 2},
        "settings": {"mode": "quick"},
        "figures": [
            {
                "key": "build_ratio",
                "label": "build",
                "value": 12.0,
                "unit": "ratio",
                "budget": "build_ratio",
                "listed": True,
                "limit": 10.0,
                "gate": "Confirmed median",
                "rounds": [12.0],
                "verdict": "OVER",
            },
            rows[1],
        ],
        "samples": {},
        "passed": False,
    }
    assert (rows[1]["limit"], rows[1]["gate"], rows[1]["verdict"]) == (None, None, "-")


def frame(start: float, duration: float, *scripts: tuple[str, float]) -> dict[str, object]:
    """A long animation frame as the page's observer records it."""
    return {
        "start": start,
        "duration": duration,
        "scripts": [{"source": source, "duration": ms} for source, ms in scripts],
    }


def test_engine_task_counts_only_engine_scripts() -> None:
    """A long frame is the engine's only for the time its own scripts ran in it."""
    frames = [
        frame(0.0, 200.0, ("http://h/assets/javascripts/bundle.js", 150.0)),
        frame(
            300.0,
            100.0,
            ("http://h/javascripts/calc-client.mjs", 30.0),
            ("http://h/engine/pyodide.mjs", 25.0),
            ("", 40.0),
        ),
    ]
    assert visits.engine_task_ms(frames) == 55.0


def test_engine_task_keeps_to_its_window() -> None:
    """Only frames overlapping the window count (engine loading vs. answering)."""
    frames = [
        frame(100.0, 60.0, ("/engine/x.mjs", 60.0)),
        frame(900.0, 80.0, ("/javascripts/calc-client.mjs", 70.0)),
    ]
    assert visits.engine_task_ms(frames, 0.0, 500.0) == 60.0
    assert visits.engine_task_ms(frames, 500.0) == 70.0


def test_no_timing_budget_is_in_absolute_time() -> None:
    """Every timing budget is a ratio to the same-run peer; only bytes and counts are absolute."""
    budgets = bench_budgets.load_budgets(ROOT / "bench" / "budgets.toml")
    for key in budgets:
        assert key.endswith(("_ratio", "_bytes", "_modules")) or key.startswith("engine_files:")
        if not key.endswith("_ratio"):
            assert gates.gate_of(key) is gates.Gate.DETERMINISTIC, key


def visit(first_result_ms: float, task_ms: float = 10.0) -> object:
    """A measured visit with the given first result and main-thread task."""
    return visits.Visit(
        first_result_ms=first_result_ms,
        engine_ready_ms=first_result_ms - 50,
        engine_start_ms=100.0,
        engine_task_ms=task_ms,
        result_task_ms=task_ms / 2,
        longest_task_ms=task_ms,
        long_tasks_while_loading=0,
    )


def runs(scale: float) -> object:
    """Regain and peer visits with every time multiplied by `scale` (a slower machine)."""
    return visits.CalculatorRuns(
        cold=[visit(3000 * scale, 10 * scale), visit(3400 * scale, 10 * scale)],
        warm=[visit(900 * scale, 10 * scale)],
        peer_cold=[visit(4000 * scale, 2000 * scale)],
        peer_warm=[visit(3000 * scale, 1500 * scale)],
    )


def test_ratios_are_medians_of_regain_over_the_peer() -> None:
    """Cold 3.2 s ÷ 4 s = 0.8; repeat 0.9 s ÷ 3 s = 0.3; block 10 ms ÷ 2 s = 0.005."""
    figures = {f.key: f for f in visits.calculator_figures("protein", runs(1.0))}
    assert figures["protein.cold.first_result_ratio"].value == pytest.approx(0.8)
    assert figures["protein.cold.first_result_ratio"].budget == "cold_first_result_ratio"
    assert figures["protein.repeat.first_result_ratio"].value == pytest.approx(0.3)
    assert figures["protein.main_thread_block_ratio"].value == pytest.approx(0.005)
    assert figures["protein.cold.first_result_ms"].budget is None  # absolute: information only


def test_ratios_keep_when_the_machine_is_twice_as_slow_or_fast() -> None:
    """The same visits at half or double speed give the same ratios, doubled absolute times."""
    base = {f.key: f.value for f in visits.calculator_figures("plan", runs(1.0))}
    for scale in (0.5, 2.0):
        scaled = {f.key: f.value for f in visits.calculator_figures("plan", runs(scale))}
        for key, value in base.items():
            if key.endswith("_ratio"):
                assert scaled[key] == pytest.approx(value), key
        assert scaled["plan.cold.first_result_ms"] == pytest.approx(
            base["plan.cold.first_result_ms"] * scale
        )


def test_peer_page_starts_pyodide_on_the_main_thread_with_the_stock_package() -> None:
    """The baseline is plain loadPyodide (default lock, full stdlib), no worker, no snapshot."""
    html = peer.peer_page("protein")
    assert 'import { loadPyodide } from "/peer/pyodide/pyodide.mjs"' in html
    assert 'loadPyodide({ indexURL: "/peer/pyodide/" })' in html
    assert "Worker" not in html
    assert "lockFileContents" not in html
    assert "_loadSnapshot" not in html
    assert 'api.page_json("protein", payload, exercises)' in html


def answer(latency_ms: float, reply_ms: float = 5.0, script_ms: float = 0.0) -> object:
    """One answer once the engine is up, with the given latency and main-thread script time."""
    return latency.Answer(
        latency_ms=latency_ms,
        reply_ms=reply_ms,
        drawing_ms=latency_ms - reply_ms,
        script_ms=script_ms,
        frame_ms=script_ms,
    )


def test_nearest_rank_p95_of_20_is_the_19th_smallest() -> None:
    """Of 20 answers the slowest one alone does not set the p95; the second slowest does."""
    values = [float(v) for v in range(20, 0, -1)]  # 20, 19, ..., 1, unsorted on purpose
    assert bench_figures.nearest_rank(values, 95) == 19.0
    assert bench_figures.nearest_rank(values, 50) == 10.0
    assert bench_figures.nearest_rank([7.0], 95) == 7.0


def answers(scale: float) -> tuple[list[object], list[object]]:
    """20 Regain and 20 peer answers, every time multiplied by `scale` (a slower machine)."""
    ours = [answer((20 + i) * scale, 10 * scale) for i in range(19)] + [
        answer(300 * scale, 5 * scale)
    ]
    theirs = [answer((10 + i) * scale, 2 * scale, 60 * scale) for i in range(20)]
    return ours, theirs


def test_answer_ratios_are_regain_percentiles_over_the_peer_percentiles() -> None:
    """p95 38 ms (the 300 ms outlier is the 20th) ÷ the peer's 28 ms; p50 29 ÷ 19 ms."""
    figures = {f.key: f for f in latency.answer_figures("protein", *answers(1.0))}
    assert figures["protein.answer.p95_ms"].value == 38.0
    assert figures["protein.answer.peer_p95_ms"].value == 28.0
    assert figures["protein.answer.p95_ratio"].value == pytest.approx(38 / 28)
    assert figures["protein.answer.p95_ratio"].budget == "answer_p95_ratio"
    assert figures["protein.answer.p50_ratio"].value == pytest.approx(29 / 19)
    assert figures["protein.answer.p50_ratio"].budget == "answer_p50_ratio"
    assert figures["protein.answer.p95_ms"].budget is None  # absolute: information only


def test_the_plan_has_its_own_median_budget() -> None:
    """A 12-week plan draws ~500 elements: its median ratio has its own budget, p95 is shared."""
    plan = {f.key: f for f in latency.answer_figures("plan", *answers(1.0))}
    assert plan["plan.answer.p50_ratio"].budget == "plan_answer_p50_ratio"
    assert plan["plan.answer.p95_ratio"].budget == "answer_p95_ratio"


def test_answer_main_thread_ratio_counts_a_peer_without_long_frames_as_50_ms() -> None:
    """A long frame of ours shows even when the peer had none: 60 ms ÷ the 50 ms threshold."""
    ours = [answer(30.0, script_ms=60.0)]
    figures = {f.key: f.value for f in latency.answer_figures("protein", ours, [answer(12.0)])}
    assert figures["protein.answer.peer_main_thread_ms"] == 0.0
    assert figures["protein.answer.main_thread_ratio"] == pytest.approx(1.2)


def test_answer_main_thread_ratio_is_zero_without_a_long_frame_of_ours() -> None:
    """No long frame of ours while answering gives 0 ms and a ratio of 0, whatever the peer's."""
    figures = {f.key: f.value for f in latency.answer_figures("plan", *answers(1.0))}
    assert figures["plan.answer.main_thread_ms"] == 0.0
    assert figures["plan.answer.peer_main_thread_ms"] == 60.0
    assert figures["plan.answer.main_thread_ratio"] == 0.0


def test_answer_ratios_keep_when_the_machine_is_twice_as_slow_or_fast() -> None:
    """The same answers at half or double speed: the same ratios, scaled absolute times."""
    base = {f.key: f.value for f in latency.answer_figures("self-check", *answers(1.0))}
    for scale in (0.5, 2.0):
        scaled = {f.key: f.value for f in latency.answer_figures("self-check", *answers(scale))}
        for key, value in base.items():
            if key.endswith("_ratio"):
                assert scaled[key] == pytest.approx(value), key
            else:
                assert scaled[key] == pytest.approx(value * scale), key


def test_answer_of_splits_reply_from_drawing_and_keeps_to_its_window() -> None:
    """Latency is submit → painted; only long frames within the answer count, ours by script."""
    timing = {"start": 1000.0, "received": 1030.0, "inserted": 1040.0, "drawn": 1080.0}
    frames = [
        frame(500.0, 90.0, ("/javascripts/engine.mjs", 80.0)),  # before the answer: not it
        frame(1025.0, 55.0, ("/javascripts/engine.mjs", 35.0), ("/assets/bundle.js", 15.0)),
    ]
    ours = latency.answer_of(timing, frames, peer=False)
    assert (ours.latency_ms, ours.reply_ms, ours.drawing_ms) == (80.0, 30.0, 50.0)
    assert (ours.script_ms, ours.frame_ms) == (35.0, 55.0)
    theirs = latency.answer_of(timing, frames, peer=True)
    assert (theirs.script_ms, theirs.frame_ms) == (55.0, 55.0)


def test_answer_inputs_are_golden_answers_repeated_to_the_count() -> None:
    """Only golden cases that answer (no expected field errors), cycled to reach the count."""
    inputs = golden.answer_inputs(ROOT / "tests" / "golden" / "self_check.json", 40)
    cases = json.loads((ROOT / "tests" / "golden" / "self_check.json").read_text("utf-8"))
    valid = [case["input"] for case in cases if "expected_errors" not in case]
    assert len(inputs) == 40
    assert inputs[: len(valid)] == valid
    assert inputs[len(valid)] == valid[0]


def test_peer_page_answers_again_on_its_main_thread_with_the_site_styles() -> None:
    """The latency baseline: the same calculator on the main thread, drawn with our stylesheets."""
    html = peer.peer_page("plan", ["/assets/stylesheets/main.css", "/stylesheets/extra.css"])
    assert '<link rel="stylesheet" href="/stylesheets/extra.css">' in html
    assert 'api.page_json("plan", form.elements.payload.value, rows)' in html
    assert 'performance.mark("regain:answer-received")' in html
    assert 'new CustomEvent("regain:answer", { bubbles: true })' in html


def test_the_goals_file_names_only_figures_the_bench_can_produce() -> None:
    """Every figure a goal in bench/goals.toml names is one the bench writes (no typo'd key)."""
    names = {"protein", "plan", "self-check", "home", "guide"}
    kinds = {
        "cold.first_result_ratio",
        "repeat_vs_peer_cold_ratio",
        "engine_bytes_gzip",
        "bytes.engine.raw",
        "engine_bytes",
        "engine_bytes_with_offline",
        "answer.p95_ms",
        "answer.main_thread_ms",
        "main_thread_block_ms",
    }
    goals = load_goals()
    assert len(goals) >= 9
    for goal in goals:
        for key in goal.figures:
            name, _, kind = key.partition(".")
            assert name in names, f"{goal.label}: unknown page or calculator in {key}"
            assert kind in kinds, f"{goal.label}: unknown figure kind in {key}"


def test_a_goal_reads_met_not_met_or_not_measured_from_the_run() -> None:
    """The goals table says NOT MET with the reason, and NOT MEASURED when a figure is absent."""
    goals = (
        Goal("small", ("a.x",), 1.0, "because big"),
        Goal("absent", ("b.y",), 1.0, "no reason"),
    )
    text = goals_table([{"key": "a.x", "value": 2.0}], goals)
    assert "small: NOT MET (a.x 2)" in text
    assert "why: because big" in text
    assert "absent: NOT MEASURED" in text
    assert "small: MET" in goals_table([{"key": "a.x", "value": 1.0}], goals)
