"""Issue 15's goals beside what a bench run measured: met, not met (and why), or not measured.

The budgets (budgets.toml) gate the bench; these goals only report, because several are absolute
(milliseconds, bytes) and a shared machine's load moves the milliseconds. Keeping them in a data
file next to the run means `make bench` itself says how far each goal is, not a closing note.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

GOALS = Path(__file__).with_name("goals.toml")


class GoalsError(ValueError):
    """goals.toml is malformed."""


@dataclass(frozen=True)
class Goal:
    """One goal: every listed figure must be at most `at_most`; `why` explains a miss."""

    label: str
    figures: tuple[str, ...]
    at_most: float
    why: str


def load_goals(path: Path = GOALS) -> tuple[Goal, ...]:
    """Read goals.toml; a missing or wrongly typed key names the goal and the key."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    goals: list[Goal] = []
    for number, entry in enumerate(data.get("goal", []), start=1):
        try:
            figures = entry["figures"]
            at_most = entry["at_most"]
            goal = Goal(str(entry["label"]), tuple(figures), float(at_most), str(entry["why"]))
        except (KeyError, TypeError, ValueError) as error:
            msg = f"{path}: goal {number}: {error!r}"
            raise GoalsError(msg) from error
        if not all(isinstance(key, str) for key in figures) or isinstance(at_most, bool):
            msg = f"{path}: goal {number} ({goal.label}): figures must be names, at_most a number"
            raise GoalsError(msg)
        goals.append(goal)
    return tuple(goals)


def assess(goal: Goal, values: dict[str, float]) -> tuple[str, str]:
    """(verdict, what this run measured) for one goal, from the run's figures by key.

    >>> goal = Goal("x", ("a", "b"), 0.6, "because")
    >>> assess(goal, {"a": 0.5, "b": 0.7})
    ('not met', 'a 0.5, b 0.7')
    >>> assess(goal, {"a": 0.5, "b": 0.6})
    ('met', 'a 0.5, b 0.6')
    >>> assess(goal, {"a": 0.5})
    ('not measured', 'a 0.5')
    """
    present = [key for key in goal.figures if key in values]
    measured = ", ".join(f"{key} {_number(values[key])}" for key in present)
    if not goal.figures or len(present) < len(goal.figures):
        return "not measured", measured
    met = all(values[key] <= goal.at_most for key in goal.figures)
    return ("met" if met else "not met"), measured


def _number(value: float) -> str:
    """Bytes and milliseconds with thousands separators, ratios with 3 significant digits.

    >>> _number(4967900.0), _number(0.5712), _number(48.0)
    ('4,967,900', '0.571', '48')
    """
    return f"{value:,.0f}" if value >= 100 else f"{value:.3g}"


def goals_table(rows: list[dict[str, Any]], goals: tuple[Goal, ...]) -> str:
    """The goals as Markdown-like lines: goal | verdict | this run | why (when not met)."""
    values = {row["key"]: float(row["value"]) for row in rows}
    lines = ["Issue 15 goals (reported, not gated; the budgets gate):"]
    for goal in goals:
        verdict, measured = assess(goal, values)
        line = f"- {goal.label}: {verdict.upper()}" + (f" ({measured})" if measured else "")
        if verdict != "met":
            line += f"\n    why: {goal.why}"
        lines.append(line)
    return "\n".join(lines)
