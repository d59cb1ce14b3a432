"""Every reason the protein calculator gives (note, caution, advice) is reached and worded."""

from __future__ import annotations

from typing import Any

from calculators.present import protein as protein_view
from calculators.protein import (
    MealAdvice,
    ProteinCaution,
    ProteinInput,
    ProteinNote,
    ProteinResult,
    protein_target,
)

# Answers that between them reach every note, caution and piece of meal advice.
PAYLOADS: list[dict[str, Any]] = [
    {"weight": 68, "age": 40, "situation": "training"},
    {"weight": 68, "age": 40, "situation": "older"},
    {"weight": 110, "height_cm": 170, "age": 70},
    {"weight": 40, "age": 78},
    {"weight": 35, "age": 30},
    {"weight": 60, "age": 40, "meals_per_day": 6},
    {"weight": 68, "age": 40, "meals_per_day": 1},
    {"weight": 150, "age": 40, "situation": "training", "meals_per_day": 2},
    {"weight": 68, "age": 40, "kidney": "at-risk"},
    {"weight": 68, "age": 40, "kidney": "at-risk", "situation": "training"},
    {"weight": 68, "age": 40, "situation": "recovering"},
    {"weight": 90, "age": 40, "unintended_weight_loss": True},
    {"weight": 68, "age": 40, "kidney": "ckd"},
    {"weight": 68, "age": 40, "kidney": "transplant"},
    {"weight": 68, "age": 15},
    {"weight": 68, "age": 30, "pregnant_or_breastfeeding": True},
    {"weight": 68, "age": 30, "liver_disease": True},
]


def _results() -> list[ProteinResult]:
    return [protein_target(ProteinInput.from_mapping(payload)) for payload in PAYLOADS]


def test_every_reason_is_reached_by_some_answers() -> None:
    """The table above reaches every ProteinNote, ProteinCaution and MealAdvice."""
    results = _results()
    assert {note for r in results for note in r.notes} == set(ProteinNote)
    cautions = {w for r in results for w in r.warnings if isinstance(w, ProteinCaution)}
    assert cautions == set(ProteinCaution)
    assert {r.suggestion for r in results if r.suggestion} == set(MealAdvice)


def test_every_reason_reached_is_worded() -> None:
    """present/protein.py words each reason: no empty note, warning or suggestion."""
    for result in _results():
        assert len(protein_view.notes(result)) == len(result.notes)
        assert all(protein_view.notes(result))
        assert all(shown.message for shown in protein_view.alerts(result))
        assert bool(protein_view.suggestion(result)) == (result.suggestion is not None)
