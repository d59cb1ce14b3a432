"""The golden cases (tests/golden/*.json), read in one place for the tests and the benchmark.

Both need the same cases: the tests check each answer, the bench asks the page the valid ones again
and again. No tool imports a test module, so the loader lives here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from harness.site import ROOT

GOLDEN = ROOT / "tests" / "golden"


def golden_cases(golden: Path) -> list[dict[str, Any]]:
    """Every case of one golden file: its `name`, `input` and `expected` or `expected_errors`."""
    cases: list[dict[str, Any]] = json.loads(golden.read_text(encoding="utf-8"))
    return cases


def answer_inputs(golden: Path, count: int) -> list[dict[str, Any]]:
    """The inputs of the golden cases that give an answer (not field errors), `count` of them.

    Varied, valid answers a reader could give; repeated from the start when there are fewer.
    """
    inputs = [case["input"] for case in golden_cases(golden) if "expected_errors" not in case]
    if not inputs:
        msg = f"{golden}: no golden case that gives an answer"
        raise ValueError(msg)
    return [inputs[i % len(inputs)] for i in range(count)]
