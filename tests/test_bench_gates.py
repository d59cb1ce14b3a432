"""The bench's gates: deterministic figures absolutely, timing medians confirmed, hangs only."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

import pytest

from bench import budgets as bench_budgets
from bench import deterministic, figures, gates, latency, report, run, visits
from bench.gates import (
    GATES,
    Confirmation,
    Gate,
    confirm,
    confirm_rows,
    describe,
    gate_of,
    gate_verdict,
    labels,
)

ROOT = Path(__file__).resolve().parent.parent
BUDGETS = ROOT / "bench" / "budgets.toml"


class Rounds:
    """A re-measurement that returns the given values round by round and counts its calls."""

    def __init__(self, *values: float) -> None:
        self.values = list(values)
        self.asked: list[int] = []

    def __call__(self, round_number: int) -> float:
        """Round `round_number`'s value (2, 3, …)."""
        self.asked.append(round_number)
        return self.values[round_number - 2]


def test_a_median_within_budget_passes_without_measuring_again() -> None:
    """Round 1 within budget × (1 + tolerance) is final: no second round is measured."""
    again = Rounds(9.0, 9.0)
    result = confirm(0.9, 0.8, 0.25, again)
    assert result == Confirmation([0.9], 0.9, gates_verdict("OVER (tolerated)"))
    assert again.asked == []
    assert not result.confirmed
    assert not result.cleared


def test_an_over_budget_median_that_stays_over_is_confirmed() -> None:
    """Over in all three rounds: the median (1.9) fails; exactly two more rounds were measured."""
    again = Rounds(1.9, 1.8)
    result = confirm(2.0, 1.0, 0.25, again)
    assert again.asked == [2, 3]
    assert result.rounds == [2.0, 1.9, 1.8]
    assert result.value == pytest.approx(1.9)
    assert result.verdict == "OVER"
    assert result.confirmed


def test_a_noisy_first_round_clears_on_the_second() -> None:
    """2.0 then 0.5: the median of two (1.25) is within 1.0 × 1.25; no third round."""
    again = Rounds(0.5, 9.0)
    result = confirm(2.0, 1.0, 0.25, again)
    assert again.asked == [2]
    assert result.value == pytest.approx(1.25)
    assert result.verdict == "OVER (tolerated)"
    assert result.cleared


def test_one_noisy_round_of_three_does_not_fail() -> None:
    """2.21, then 1.6 (median 1.905, still over), then 0.9: the median of three, 1.6, is in."""
    again = Rounds(1.6, 0.9)
    result = confirm(2.21, 1.5, 0.25, again)
    assert again.asked == [2, 3]
    assert result.value == pytest.approx(1.6)
    assert result.verdict == "OVER (tolerated)"
    assert result.cleared


def gates_verdict(text: str) -> Any:
    """The verdict whose value is `text`."""
    return next(v for v in gates.Verdict if v.value == text)


def row(key: str, value: float, budget: str | None, limit: float | None) -> dict[str, Any]:
    """A judged row as bench/run.py makes it."""
    figure = figures.Figure(key, key, value, "ratio", budget)
    budgets = {budget: limit} if budget and limit is not None else {}
    return dict(report.judge([figure], budgets, 0.25)[0])


def test_confirm_rows_measures_only_confirmed_medians_that_are_over() -> None:
    """Bytes over budget fail at once, a hang guard is never re-measured, a median is confirmed."""
    rows = [
        row("protein.cold.first_result_ratio", 2.0, "cold_first_result_ratio", 0.8),
        row("plan.cold.first_result_ratio", 0.7, "cold_first_result_ratio", 0.8),
        row("protein.engine_bytes_gzip", 6e6, "calculator_engine_gzip_bytes", 5e6),
        row("protein.answer.main_thread_ratio", 9.0, "answer_main_thread_ratio", 10),
    ]
    asked: list[tuple[str, int]] = []

    def again(key: str, round_number: int) -> float:
        asked.append((key, round_number))
        return 0.6

    lines = confirm_rows(rows, 0.25, again)
    # Median of 2.0 and 0.6 is 1.3, still over 0.8 × 1.25: a third round, median 0.6.
    assert asked == [("protein.cold.first_result_ratio", 2), ("protein.cold.first_result_ratio", 3)]
    assert rows[0]["rounds"] == [2.0, 0.6, 0.6]
    assert rows[0]["value"] == pytest.approx(0.6)
    assert rows[0]["verdict"] == "PASS"
    assert [r["verdict"] for r in rows[1:]] == ["PASS", "OVER", "PASS"]
    assert rows[2]["rounds"] == [6e6]  # deterministic: judged once
    assert len(lines) == 1
    assert "round 1 2.00×, round 2 0.60×, round 3 0.60×; median 0.60× vs 1.00×" in lines[0]
    assert "cleared (noise)" in lines[0]


def test_describe_prints_every_round_and_a_confirmed_failure() -> None:
    """The printed line names each round, the median, the limit and the outcome."""
    line = describe(
        "plan: cold", 0.8, 0.25, Confirmation([1.2, 1.1, 1.3], 1.2, gates_verdict("OVER"))
    )
    assert line == (
        "confirm plan: cold: round 1 1.20×, round 2 1.10×, round 3 1.30×; median 1.20× vs 1.00× "
        "(budget 0.80× + 25%): CONFIRMED OVER"
    )


@pytest.mark.parametrize(
    ("gate", "value", "expected"),
    [
        (Gate.DETERMINISTIC, 101.0, "OVER"),  # bytes do not get the noise tolerance
        (Gate.HANG, 101.0, "OVER"),  # nor does a hang guard: its budget is already 10×
        (Gate.CONFIRMED, 101.0, "OVER (tolerated)"),
        (Gate.CONFIRMED, 126.0, "OVER"),
        (Gate.DETERMINISTIC, 100.0, "PASS"),
    ],
)
def test_only_a_confirmed_median_gets_the_tolerance(
    gate: Gate, value: float, expected: str
) -> None:
    """--tolerance is for noise: deterministic figures and hang guards are judged as they are."""
    assert gate_verdict(gate, value, 100.0, 0.25) == expected


def test_an_engine_file_without_a_budget_is_over() -> None:
    """A new engine file nobody budgeted fails the run: it cannot slip in."""
    figure = figures.Figure(
        "engine_file.engine/new.wasm.raw", "new", 10.0, "bytes", "engine_files:engine/new.wasm:raw"
    )
    judged = report.judge([figure], {}, 0.25)[0]
    assert (judged["limit"], judged["gate"], judged["verdict"]) == (None, "Deterministic", "OVER")
    assert "none (new file?)" in report.table([judged])


def test_every_budget_is_labelled_with_the_gate_the_code_applies() -> None:
    """Each key of bench/budgets.toml says in its comment how it gates, and the code agrees."""
    found = labels(BUDGETS.read_text(encoding="utf-8"))
    budgets = bench_budgets.load_budgets(BUDGETS)
    file_keys = {key.rsplit(":", 1)[0] for key in budgets if key.startswith("engine_files:")}
    assert set(found) == set(GATES) | file_keys
    for key, label in found.items():
        assert label is not None, (
            f"{key} has no Deterministic / Confirmed median / Hang guard label"
        )
        assert label == gate_of(key).value, key
    kinds = {gate_of(key) for key in found}
    assert kinds == set(Gate)


def test_labels_reads_the_comment_above_or_beside_a_key() -> None:
    """The block right above, or a trailing comment; a key after a blank line has none."""
    text = """# Hang guard: slow
a_ratio = 10
b_ratio = 1

# Confirmed median: a median
# over two lines
c_ratio = 1

d_bytes = 2

[files]
"x/y.zip" = { raw = 1, gzip = 1 }  # Deterministic: 1 B
"z.js" = { raw = 1, gzip = 1 }
"""
    assert labels(text) == {
        "a_ratio": "Hang guard",
        "b_ratio": None,
        "c_ratio": "Confirmed median",
        "d_bytes": None,
        "files:x/y.zip": "Deterministic",
        "files:z.js": None,
    }


def test_timing_gates_are_ratios_and_hang_guards_are_ten_times_the_peer() -> None:
    """No absolute time gates; every hang guard catches a hang only (>= 10× the peer)."""
    budgets = bench_budgets.load_budgets(BUDGETS)
    for key, gate in GATES.items():
        if gate is Gate.HANG:
            assert key.endswith("_ratio")
            assert budgets[key] >= 10, key
        if gate is Gate.CONFIRMED:
            assert key.endswith("_ratio"), key


def test_engine_files_are_measured_raw_and_as_the_server_sends_them(tmp_path: Path) -> None:
    """WebAssembly and scripts gzip like the static server; zip archives go as they are."""
    (tmp_path / "engine").mkdir()
    (tmp_path / "javascripts").mkdir()
    wasm = b"\0asm" + b"a" * 5000
    (tmp_path / "engine" / "pyodide.asm.wasm").write_bytes(wasm)
    (tmp_path / "engine" / "python_stdlib.zip").write_bytes(b"PK" + b"b" * 300)
    (tmp_path / "javascripts" / "calc-worker.mjs").write_text("x" * 400, encoding="utf-8")
    (tmp_path / "javascripts" / "forms.mjs").write_text("not the engine", encoding="utf-8")
    sizes = deterministic.engine_files(tmp_path)
    assert list(sizes) == [
        "engine/pyodide.asm.wasm",
        "engine/python_stdlib.zip",
        "javascripts/calc-worker.mjs",
    ]
    assert sizes["engine/pyodide.asm.wasm"].raw == len(wasm)
    assert sizes["engine/pyodide.asm.wasm"].compressed == len(gzip.compress(wasm, 6, mtime=0))
    assert sizes["engine/python_stdlib.zip"].compressed == 302
    figures = {f.key: f for f in deterministic.engine_file_figures(sizes)}
    assert figures["engine_file.engine/python_stdlib.zip.gzip"].budget == (
        "engine_files:engine/python_stdlib.zip:gzip"
    )


def test_the_largest_answer_on_the_wire_is_gated_per_run_not_per_calculator() -> None:
    """The probe's largest answers are reported per calculator; the largest of all gates."""
    probed = {
        "startModules": 233,
        "largestAnswerBytes": {"protein": 10, "plan": 300, "self-check": 7},
    }
    figures = {f.key: f for f in deterministic.engine_figures(probed)}
    assert figures["engine.start_modules"].value == 233
    assert figures["engine.start_modules"].budget == "engine_start_modules"
    assert figures["answer.largest_wire_bytes"].value == 300
    assert figures["answer.largest_wire_bytes"].budget == "answer_wire_bytes"
    assert figures["plan.answer.largest_bytes"].budget is None
    assert report.format_value(233, "modules") == "233 modules"


@pytest.mark.parametrize(
    ("key", "group"),
    [
        ("build_ratio", "build"),
        ("protein.cold.first_result_ratio", "protein.visits"),
        ("plan.repeat.first_result_ratio", "plan.visits"),
        ("self-check.answer.p50_ratio", "self-check.answers"),
    ],
)
def test_a_figure_is_confirmed_by_measuring_its_own_pairs_again(key: str, group: str) -> None:
    """A calculator's visits, its answers, or the builds: only what the figure came from."""
    assert run.confirmation_group(key) == group


def test_remeasure_runs_each_group_once_per_round_and_shares_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Round 2 of a calculator's visits serves its cold and repeat ratios; samples are kept."""
    calls: list[str] = []

    def time_calculator(*args: Any) -> Any:
        calls.append(f"visits {args[2].name} runs={args[3]} throttled={args[4]}")
        return visits.CalculatorRuns(
            cold=[visit(2000.0)],
            warm=[visit(600.0)],
            peer_cold=[visit(4000.0)],
            peer_warm=[visit(3000.0)],
        )

    def time_answers(*args: Any) -> Any:
        calls.append(f"answers {args[2].name}")
        return [answer_of(30.0)] * 20, [answer_of(12.0)] * 20

    monkeypatch.setattr(run, "time_calculator", time_calculator)
    monkeypatch.setattr(run, "time_answers", time_answers)
    samples: dict[str, Any] = {}
    again = run.Remeasure(None, None, runs=2, throttled=False, builds=2, samples=samples)  # type: ignore[arg-type]
    assert again("protein.cold.first_result_ratio", 2) == pytest.approx(0.5)
    assert again("protein.repeat.first_result_ratio", 2) == pytest.approx(0.2)
    assert again("self-check.answer.p50_ratio", 2) == pytest.approx(2.5)
    assert again("protein.cold.first_result_ratio", 3) == pytest.approx(0.5)
    assert calls == [
        "visits protein runs=2 throttled=0",
        "answers self-check",
        "visits protein runs=2 throttled=0",
    ]
    assert set(samples) == {
        "protein.visits.round2",
        "protein.visits.round3",
        "self-check.answers.round2",
    }
    assert samples["protein.visits.round2"]["cold"][0]["first_result_ms"] == 2000.0


def visit(first_result_ms: float) -> Any:
    """A visit with the given first result."""
    return visits.Visit(first_result_ms, first_result_ms - 50, 100.0, 10.0, 5.0, 10.0, 0)


def answer_of(latency_ms: float) -> Any:
    """An answer with the given latency."""
    return latency.Answer(latency_ms, 5.0, latency_ms - 5.0, 0.0, 0.0)
