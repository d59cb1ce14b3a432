"""The self-check → plan hand-off carries the measured tests (issue 12), all or none."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from calculators import api
from calculators.plan import answers as plan_answers

ROOT = Path(__file__).resolve().parent.parent
EXERCISES = yaml.safe_load((ROOT / "data" / "exercises.yml").read_text(encoding="utf-8"))
ANSWERS = {"strength": 0, "assistance": 0, "rise": 1, "climb": 1, "falls": 0, "age": 72}
STANDS = {
    "balance_side_by_side_seconds": "10",
    "balance_semi_tandem_seconds": "10",
    "balance_tandem_seconds": "6.5",
}


def prefill(**tests: Any) -> dict[str, Any]:
    """The plan answers the self-check suggests for these tests."""
    answer = api.run("self-check", {**ANSWERS, **tests})
    assert answer["ok"], answer
    result: dict[str, Any] = answer["result"]["plan_prefill"]
    return result


def test_complete_tests_travel_to_the_plan_and_are_scored() -> None:
    """Stands, walk and chair rises reach the plan, which scores them (M1): 3 + 4 + 3 = 10."""
    handed = prefill(**STANDS, walk_4m_seconds="4.5", chair_stand_seconds="12")
    assert handed["chair_rise_seconds"] == 12
    assert handed["balance_tandem_seconds"] == 6.5
    assert handed["walk_4m_seconds"] == 4.5
    plan = api.run("plan", {**handed, "strength_days": 3}, exercises=EXERCISES)["result"]
    assert plan["level"]["sppb"]["score_low"] == 10
    # 10 of 12, but some difficulty rising and climbing caps the hand-off at C (issue 21.5).
    assert plan["level"]["level"] == "C"


def test_a_stand_not_held_ends_what_is_handed_on() -> None:
    """Side by side held 8 s: only that stand goes with the chair rises (the rest not needed)."""
    handed = prefill(balance_side_by_side_seconds="8", chair_stand_seconds="12")
    assert handed["balance_side_by_side_seconds"] == 8
    assert "balance_semi_tandem_seconds" not in handed
    plan = api.run("plan", {**handed, "strength_days": 3}, exercises=EXERCISES)
    assert plan["ok"], plan
    assert plan["result"]["level"]["sppb"]["balance"] == 0


def test_chair_stand_alone_hands_on_no_tests() -> None:
    """The chair stand without the stands is not an SPPB: the plan gets the sentence only."""
    handed = prefill(chair_stand_seconds="12")
    assert not any(key.endswith("_seconds") for key in handed)


def test_bad_hold_on_the_self_check_is_a_field_error() -> None:
    """A stand held 12 s (the test stops at 10) is an error on its field."""
    answer = api.run("self-check", {**ANSWERS, "balance_tandem_seconds": "12"})
    assert [error["field"] for error in answer["errors"]] == ["balance_tandem_seconds"]


def test_self_check_form_shows_the_balance_and_walk_safety_steps() -> None:
    """The balance and walk groups say: a counter to hold, a chair behind, someone nearby."""
    from calculators.present import form_specs, forms  # noqa: PLC0415 - the page's form specs

    groups = [p for p in form_specs.SELF_CHECK.parts if isinstance(p, forms.Group)]
    text = {g.legend: " ".join(g.steps) for g in groups}
    stands = text["Optional: three balance stands"]
    walk = text["Optional: the 4 m walk"]
    assert "counter" in stands
    assert "chair right behind you" in stands
    assert "someone to stay near you" in stands
    assert "counter" in walk
    assert "someone to walk beside you" in walk


def test_a_stand_held_zero_seconds_stays_in_the_hand_off_link() -> None:
    """A stand the reader could not take at all (0 s) is an answer: the plan link carries it."""
    answer = api.run(
        "self-check",
        {
            **ANSWERS,
            "balance_side_by_side_seconds": "10",
            "balance_semi_tandem_seconds": "0",
            "walk_4m_seconds": "6",
            "chair_stand_seconds": "14",
        },
    )
    assert answer["ok"], answer
    assert answer["result"]["plan_prefill"]["balance_semi_tandem_seconds"] == 0
    assert "balance_semi_tandem_seconds=0" in str(answer["html"])


def test_the_hand_off_names_only_fields_the_plan_declares() -> None:
    """Every key handed on is a field the plan reads (`plan.answers.FIELDS`), by its name."""
    handed = prefill(**STANDS, walk_4m_seconds="4.5", chair_stand_unable="true")
    assert "chair_rise_unable" in handed
    assert set(handed) <= {field.name for field in plan_answers.FIELDS}
