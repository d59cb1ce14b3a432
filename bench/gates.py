"""How each budget gates: deterministic figures absolutely, timing medians once confirmed, hangs.

A gate that trips on noise blocks a good change and teaches everyone to ignore red, so every
budget in `bench/budgets.toml` is one of three kinds, named in its comment:

- **Deterministic**: the same on every run (bytes, module counts). Judged against the budget as
  it stands: no tolerance, no second chance; the budget is the measured value plus a stated
  headroom.
- **Confirmed median**: a ratio of medians of paired visits (Regain ÷ the same-run peer page).
  Over budget × (1 + tolerance) in the first round, the figure is measured again, up to
  `EXTRA_ROUNDS` more rounds, and fails only when the median over all rounds is still over.
- **Hang guard**: a maximum of single frames or tasks (or a p95, the second slowest of 20). Such
  a figure swings with whatever else the machine runs, so it never gates on its size; its budget
  is 10× the peer and catches only a hang. No tolerance, no confirmation.

Pure: no browser here; `bench/run.py` measures and passes the rounds in.
"""

from __future__ import annotations

import enum
import re
import statistics
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any


class Gate(enum.StrEnum):
    """How a budget is judged; the value is the label its comment in budgets.toml starts with."""

    DETERMINISTIC = "Deterministic"
    CONFIRMED = "Confirmed median"
    HANG = "Hang guard"


# Every budget key of budgets.toml (the [engine_files] table aside: all deterministic) and how it
# gates. tests/test_bench_gates.py checks each key's comment names the same gate.
GATES: dict[str, Gate] = {
    "cold_first_result_ratio": Gate.CONFIRMED,
    "repeat_first_result_ratio": Gate.CONFIRMED,
    "throttled_first_result_ratio": Gate.CONFIRMED,
    "build_ratio": Gate.CONFIRMED,
    "answer_p50_ratio": Gate.CONFIRMED,
    "plan_answer_p50_ratio": Gate.CONFIRMED,
    "main_thread_block_ratio": Gate.HANG,
    "answer_p95_ratio": Gate.HANG,
    "answer_main_thread_ratio": Gate.HANG,
    "guide_engine_bytes": Gate.DETERMINISTIC,
    "calculator_engine_gzip_bytes": Gate.DETERMINISTIC,
    "calculator_page_gzip_bytes": Gate.DETERMINISTIC,
    "reading_page_gzip_bytes": Gate.DETERMINISTIC,
    "engine_snapshot_bytes": Gate.DETERMINISTIC,
    "answer_wire_bytes": Gate.DETERMINISTIC,
    "engine_start_modules": Gate.DETERMINISTIC,
    "figure_sprite_gzip_bytes": Gate.DETERMINISTIC,
    "figure_largest_gzip_bytes": Gate.DETERMINISTIC,
}
ENGINE_FILES_TABLE = "engine_files"
EXTRA_ROUNDS = 2  # a timing over budget is measured again up to this many more times


def gate_of(budget: str) -> Gate:
    """The gate of a budget key; every per-file budget (`engine_files:…`) is deterministic."""
    if budget.startswith(ENGINE_FILES_TABLE + ":"):
        return Gate.DETERMINISTIC
    return GATES[budget]


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


def gate_verdict(gate: Gate, value: float, budget: float, tolerance: float) -> Verdict:
    """The tolerance is for noise: only a confirmed median gets it; bytes and hangs do not."""
    return verdict(value, budget, tolerance if gate is Gate.CONFIRMED else 0.0)


@dataclass(frozen=True)
class Confirmation:
    """A timing median measured in rounds: each round's value, their median and its verdict."""

    rounds: list[float] = field(default_factory=list)
    value: float = 0.0
    verdict: Verdict = Verdict.PASS

    @property
    def confirmed(self) -> bool:
        """Measured more than once and still over: a real regression, not noise."""
        return len(self.rounds) > 1 and self.verdict is Verdict.OVER

    @property
    def cleared(self) -> bool:
        """Over in the first round, within the budget on the median of all rounds."""
        return len(self.rounds) > 1 and self.verdict is not Verdict.OVER


def confirm(
    first: float,
    budget: float,
    tolerance: float,
    again: Callable[[int], float],
    extra_rounds: int = EXTRA_ROUNDS,
) -> Confirmation:
    """Judge a timing median, measuring it again while it is over; fail only on the median.

    `first` is round 1's value; `again(n)` measures round n (2, 3, …) and returns its value. A
    first round within budget × (1 + tolerance) is final. Otherwise rounds are added one at a time
    until the median over all rounds is within it, or `extra_rounds` more were measured: the
    verdict is the median's.
    """
    rounds = [first]
    judged = verdict(first, budget, tolerance)
    while judged is Verdict.OVER and len(rounds) <= extra_rounds:
        rounds.append(again(len(rounds) + 1))
        judged = verdict(statistics.median(rounds), budget, tolerance)
    return Confirmation(rounds, statistics.median(rounds), judged)


def describe(label: str, budget: float, tolerance: float, result: Confirmation) -> str:
    """One line per confirmation: every round, the median, the limit and what it came to."""
    rounds = ", ".join(f"round {n} {value:.2f}×" for n, value in enumerate(result.rounds, 1))
    outcome = (
        "CONFIRMED OVER"
        if result.confirmed
        else "cleared (noise)"
        if result.cleared
        else result.verdict.value
    )
    limit = budget * (1 + tolerance)
    return (
        f"confirm {label}: {rounds}; median {result.value:.2f}× vs {limit:.2f}× "
        f"(budget {budget:.2f}× + {tolerance:.0%}): {outcome}"
    )


# A key line of budgets.toml: `name = …` at the start of a line, or `"file" = …` in a table.
_KEY = re.compile(r'^\s*("?)([A-Za-z0-9_./-]+)\1\s*=')
_TABLE = re.compile(r"^\s*\[([A-Za-z0-9_]+)\]")


def labels(text: str) -> dict[str, str | None]:
    """Each budget key of a budgets.toml text and the gate its comment names (None: none).

    A key's comment is its own line's trailing comment, or else the comment lines right above it
    (up to a blank line or another key). The gate is named by the comment's first words.
    """
    found: dict[str, str | None] = {}
    table = ""
    above: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("#"):
            above.append(stripped.lstrip("# "))
            continue
        if not stripped:
            above = []
            continue
        if heading := _TABLE.match(line):
            table = heading.group(1)
            above = []
            continue
        if key := _KEY.match(line):
            name = f"{table}:{key.group(2)}" if table else key.group(2)
            trailing = line.split("#", 1)[1].strip() if "#" in line else ""
            comment = trailing or (above[0] if above else "")
            found[name] = next((g.value for g in Gate if comment.startswith(g.value)), None)
        above = []
    return found


def confirm_rows(
    rows: list[dict[str, Any]], tolerance: float, again: Callable[[str, int], float]
) -> list[str]:
    """Confirm every judged row of a confirmed median that is OVER; a line per confirmation.

    `again(key, n)` measures round n of the figure `key`. Each such row gets the median over its
    rounds as its value, every round in `rounds`, and the median's verdict.
    """
    lines: list[str] = []
    for row in rows:
        if row["gate"] != Gate.CONFIRMED.value or row["verdict"] != Verdict.OVER.value:
            continue
        result = confirm(row["value"], row["limit"], tolerance, partial(again, row["key"]))
        row.update(value=result.value, rounds=result.rounds, verdict=result.verdict)
        lines.append(describe(row["label"], row["limit"], tolerance, result))
    return lines
