"""Every warning the plan gives of its own (a caution, missing equipment) is reached and worded."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from calculators.plan import PlanInput, PlanResult, weekly_plan
from calculators.plan.notes import Caution, KitCaution, KitReason
from calculators.present.plan_notes import alert

ROOT = Path(__file__).resolve().parent.parent
EXERCISES = yaml.safe_load((ROOT / "data" / "exercises.yml").read_text(encoding="utf-8"))
# Answers that between them reach every caution of the plan's own and every kit reason.
PAYLOADS: list[dict[str, Any]] = [
    {"age": 78, "ability": "mostly-seated", "strength_days": 3},
    {"age": 70, "ability": "tires-quickly", "strength_days": 3, "one_side_limits": True},
    {"age": 70, "ability": "needs-support", "strength_days": 3, "lacks": ["chair"]},
    {"age": 78, "ability": "mostly-seated", "strength_days": 3, "lacks": ["chair"]},
]


def _results() -> list[PlanResult]:
    return [weekly_plan(PlanInput.from_mapping(payload), EXERCISES) for payload in PAYLOADS]


def test_every_caution_and_kit_reason_is_reached() -> None:
    """Some answers give each caution and each kit reason."""
    warnings = [warning for result in _results() for warning in result.warnings]
    assert {w for w in warnings if isinstance(w, Caution)} == set(Caution)
    assert {w.reason for w in warnings if isinstance(w, KitCaution)} == set(KitReason)


def test_every_warning_is_worded_and_names_what_is_missing() -> None:
    """Each warning reads as words; a kit caution names what the reader lacks."""
    for result in _results():
        for warning in result.warnings:
            message = alert(warning).message
            assert message.strip()
            if isinstance(warning, KitCaution):
                assert "without a sturdy chair" in message
