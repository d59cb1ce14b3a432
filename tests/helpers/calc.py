"""Calculator-test helpers: golden cases, the real exercise library, and the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest
import yaml

from calculators import api
from harness import ROOT
from harness.golden import GOLDEN, golden_cases

EXERCISES = yaml.safe_load((ROOT / "data" / "exercises.yml").read_text(encoding="utf-8"))


def cases(calculator: str) -> list[Any]:
    """The golden cases of one calculator as pytest params named after each case."""
    data = golden_cases(GOLDEN / f"{calculator}.json")
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


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    """Run `python -m calculators` with arguments."""
    return subprocess.run(
        [sys.executable, "-m", "calculators", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        encoding="utf-8",
    )
