"""Golden cases (tests/golden/*.json) give the expected answers through the wire entry point.

The same files are re-run inside Pyodide by the browser tests, so they are plain JSON: each case
is {"name", "input", "expected"} (a subset of the result that must match: mappings match key
by key, lists element by element and must have the same length) or {"name", "input",
"expected_errors"} (exactly the fields that must have an error, in order). Plan cases run with
the real data/exercises.yml.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from helpers.calc import GOLDEN, cases, check


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
