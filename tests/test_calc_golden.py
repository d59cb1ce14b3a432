"""Golden cases (tests/golden/*.json) give the expected answers through the wire entry point.

The same files are re-run inside Pyodide by the browser tests, so they are plain JSON: each case
is {"name", "input", "expected"} (a subset of the result that must match: mappings match key
by key, lists element by element and must have the same length) or {"name", "input",
"expected_errors"} (exactly the fields that must have an error, in order). Plan cases run with
the real data/exercises.yml.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from calculators import api

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
EXERCISES = yaml.safe_load((ROOT / "data" / "exercises.yml").read_text(encoding="utf-8"))


def cases(calculator: str) -> list[Any]:
    """The golden cases of one calculator as pytest params named after each case."""
    data = json.loads((GOLDEN / f"{calculator}.json").read_text(encoding="utf-8"))
    return [pytest.param(case, id=case["name"]) for case in data]


def mismatches(actual: Any, expected: Any, path: str = "result") -> list[str]:
    """Where `actual` differs from the `expected` subset (bool is not a number here)."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{path}: expected a mapping, got {actual!r}"]
        return [
            problem
            for key, value in expected.items()
            for problem in (
                mismatches(actual[key], value, f"{path}.{key}")
                if key in actual
                else [f"{path}.{key}: missing"]
            )
        ]
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return [f"{path}: expected {len(expected)} items, got {actual!r}"]
        return [
            problem
            for index, (got, want) in enumerate(zip(actual, expected, strict=True))
            for problem in mismatches(got, want, f"{path}[{index}]")
        ]
    if actual != expected or isinstance(actual, bool) != isinstance(expected, bool):
        return [f"{path}: expected {expected!r}, got {actual!r}"]
    return []


def check(calculator: str, case: dict[str, Any]) -> None:
    """Run one golden case and compare."""
    rows = EXERCISES if calculator == "plan" else []
    answer = json.loads(json.dumps(api.run(calculator, case["input"], exercises=rows)))
    if "expected_errors" in case:
        assert answer["ok"] is False, answer
        assert [error["field"] for error in answer["errors"]] == case["expected_errors"]
    else:
        assert answer["ok"] is True, answer
        assert mismatches(answer["result"], case["expected"]) == []


@pytest.mark.parametrize("case", cases("protein"))
def test_protein_golden_case_gives_the_expected_answer(case: dict[str, Any]) -> None:
    """Each protein golden case matches its expected result or field errors."""
    check("protein", case)


@pytest.mark.parametrize("case", cases("plan"))
def test_plan_golden_case_gives_the_expected_answer(case: dict[str, Any]) -> None:
    """Each plan golden case matches its expected result or field errors (real exercise data)."""
    check("plan", case)


@pytest.mark.parametrize("calculator", ["protein", "plan"])
def test_golden_files_cover_each_calculator_with_at_least_15_cases(calculator: str) -> None:
    """Both golden files hold at least 15 answers and some error cases, with unique names."""
    data = json.loads((GOLDEN / f"{calculator}.json").read_text(encoding="utf-8"))
    names = [case["name"] for case in data]
    assert len(names) == len(set(names))
    assert sum("expected" in case for case in data) >= 15
    assert any("expected_errors" in case for case in data)
