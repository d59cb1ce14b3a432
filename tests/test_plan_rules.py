"""The plan's safety and referral rules, one behaviour each (issue 12; E4, M3–M6)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from calculators import api
from calculators.plan import Note, PlanInput, PlanResult, weekly_plan
from calculators.plan.notes import Caution
from calculators.present.plan_notes import CAUTION_WORDS, NOTE_WORDS, note_lines, walk_text

PHYSIO_NOTE = CAUTION_WORDS[Caution.PHYSIO_CHECK]

ROOT = Path(__file__).resolve().parent.parent
EXERCISES = yaml.safe_load((ROOT / "data" / "exercises.yml").read_text(encoding="utf-8"))
ROWS = {row["id"]: row for row in EXERCISES}
NO_DOCTOR = Note.NO_DOCTOR_NEEDED.value  # its words: "… do not need to see a doctor first (E4)."
READER = {"age": 70, "ability": "tires-quickly", "strength_days": 3}
EVERYTHING = ["step", "band", "dumbbells", "gym-machine", "mat"]


def result(**changes: Any) -> dict[str, Any]:
    """The plan result for the default reader with some answers changed."""
    answer = api.run("plan", {**READER, **changes}, exercises=EXERCISES)
    assert answer["ok"], answer
    out: dict[str, Any] = answer["result"]
    return out


def plan_result(**changes: Any) -> PlanResult:
    """The typed plan (its notes are reasons; `present.plan_notes` words them)."""
    return weekly_plan(PlanInput.from_mapping({**READER, **changes}), EXERCISES)


def ids(plan: dict[str, Any]) -> set[str]:
    """Every exercise id in the programme."""
    return {e["id"] for w in plan["weeks"] for d in w["days"] for e in d["exercises"]}


@pytest.mark.parametrize(
    "changes",
    [
        {"ability": "mostly-seated"},
        {"ability": "needs-support"},
        {"fall_with_injury": True},
        {"recent_hospital_stay": True},
        {"chronic_condition": True},
    ],
    ids=["level A", "level B", "falls risk", "hospital stay", "long-term condition"],
)
def test_a_professional_is_named_and_no_doctor_note_never(changes: dict[str, Any]) -> None:
    """A physiotherapist or doctor is named in the cautions, the "no doctor" note never (E4)."""
    plan = result(**changes)
    messages = " ".join(warning["message"] for warning in plan["warnings"])
    assert PHYSIO_NOTE in messages or "physiotherapist" in messages or "doctor" in messages
    assert NO_DOCTOR not in plan["notes"]


def test_healthy_active_reader_at_70_may_simply_start() -> None:
    """Level D at 70 without flags: no caution, and the E4 note."""
    plan = result(ability="out-of-practice")
    assert plan["warnings"] == []
    assert NO_DOCTOR in plan["notes"]
    assert "do not need to see a doctor first" in NOTE_WORDS[Note.NO_DOCTOR_NEEDED]


def test_level_c_never_hears_no_doctor_is_needed() -> None:
    """Tiring quickly or feeling unsteady is weakness: no "no doctor needed" note (issue 21.6)."""
    assert NO_DOCTOR not in result()["notes"]


def test_chest_pain_gives_no_plan_even_at_level_a() -> None:
    """Chest pain or fainting on exertion: refer, no weeks, whatever the level (E4)."""
    plan = result(ability="mostly-seated", chest_pain_or_fainting=True)
    assert (plan["status"], plan["weeks"], plan["level"]) == ("refer", [], None)


def test_falls_risk_asks_for_a_falls_assessment_naming_the_reasons() -> None:
    """M4: the warning asks for a falls assessment and says why."""
    plan = result(two_or_more_falls=True, blackouts=True)
    messages = [warning["message"] for warning in plan["warnings"]]
    assert messages[0].startswith("You have blacked out or fainted: see your doctor")
    assert any(
        m.startswith("You fell 2 or more times") and "falls assessment" in m for m in messages
    )


def test_level_b_never_gets_the_wall_sit_or_single_leg_work() -> None:
    """Issue 12's first complaint: no wall sit, single-leg or heel-to-toe stand for level B."""
    plan = result(ability="needs-support", equipment=EVERYTHING, floor_ok=True, focus="balance")
    assert not ids(plan) & {"wall-sit", "single-leg-stand", "tandem-stand", "hip-hinge"}


def test_a_reader_without_a_counter_gets_nothing_that_needs_one() -> None:
    """Lacking a counter removes every exercise that needs one."""
    plan = result(lacks=["counter"], equipment=EVERYTHING)
    assert all("counter" not in ROWS[i]["equipment"] for i in ids(plan))


def test_hospital_stay_leaves_out_the_hardest_versions() -> None:
    """After a hospital stay no exercise of the library's strong level is used (or suggested)."""
    plan = result(ability="out-of-practice", recent_hospital_stay=True, equipment=EVERYTHING)
    suggested = {
        e["harder"]["id"]
        for w in plan["weeks"]
        for d in w["days"]
        for e in d["exercises"]
        if e["harder"]
    }
    assert all(ROWS[i]["level"] != "strong" for i in ids(plan) | suggested)


def test_learning_weeks_use_the_easier_version_then_the_planned_one() -> None:
    """Level D's squat is a sit-to-stand in weeks 1–2 and a squat from week 3."""
    plan = result(ability="out-of-practice")
    mondays = [[e["id"] for e in w["days"][0]["exercises"]] for w in plan["weeks"][1:3]]
    assert "sit-to-stand" in mondays[0]
    assert "squat" in mondays[1]
    assert "sit-to-stand" not in mondays[1]


def test_harder_version_is_suggested_only_after_the_learning_weeks() -> None:
    """The harder version (E3 rule) is offered from week 3, never in weeks 1–2."""
    plan = result(ability="out-of-practice", equipment=["dumbbells"])
    harder = [
        [e["harder"] for d in w["days"] for e in d["exercises"] if e["harder"]]
        for w in plan["weeks"]
    ]
    assert harder[0] == harder[1] == []
    assert harder[2]


@pytest.mark.parametrize(
    ("ability", "better"),
    [
        ("mostly-seated", "A tests score of 4 or more (level B)"),
        ("needs-support", "A tests score of 7 or more (level C)"),
        ("tires-quickly", "A tests score of 10 or more (level D)"),
        ("out-of-practice", "You are at the top level"),
    ],
)
def test_retest_weeks_say_what_a_better_score_would_change(ability: str, better: str) -> None:
    """Weeks 4, 8 and 12 ask for a re-test and say what the next level adds."""
    for week in plan_result(ability=ability).weeks:
        said = any(better in note for note in note_lines(week.notes))
        assert said is week.retest, week.week


def test_level_a_and_b_retests_need_someone_beside_them() -> None:
    """The re-test of a reader who needs help to stand is only with someone beside them."""
    notes = note_lines(plan_result(ability="needs-support").weeks[3].notes)
    assert any("only with someone beside you" in note for note in notes)


@pytest.mark.parametrize(
    ("ability", "kind"),
    [
        ("mostly-seated", "more-steps"),
        ("needs-support", "minutes"),
        ("tires-quickly", "steps"),
        ("out-of-practice", "steps"),
    ],
)
def test_walking_goal_fits_the_level(ability: str, kind: str) -> None:
    """A: a few more steps; B: minutes; C and D: a step count (week 1 asks A and B to count)."""
    weeks = result(ability=ability)["weeks"]
    assert {w["walking"]["kind"] for w in weeks} == {kind}
    if kind != "steps":
        first = plan_result(ability=ability).weeks[0].walking
        assert "count" in walk_text(first).lower()


def test_day_titles_and_doses_are_one_phrase_each() -> None:
    """Every title is one of the plan's titles; every dose reads "N set(s) of …"."""
    titles = {
        "Strength: legs and hips",
        "Strength: arms, chest and back",
        "Strength: whole body",
        "Balance",
        "Walking and stretching",
        "Rest",
    }
    for week in result(strength_days=2)["weeks"]:
        for day in week["days"]:
            assert day["title"].removesuffix(" + balance") in titles
            for exercise in day["exercises"]:
                assert exercise["dose"].startswith(f"{exercise['sets']} ")


def test_short_days_are_a_caution_naming_what_is_missing() -> None:
    """Level B without a chair: the plan says days are short, names the chair, and the physio."""
    warnings = result(ability="needs-support", lacks=["chair"])["warnings"]
    message = warnings[-1]["message"]
    assert message.startswith("Some days have fewer exercises than they should")
    assert "without a sturdy chair" in message
    assert PHYSIO_NOTE in message


def test_level_a_balance_days_say_how_to_sit_not_where_to_stand() -> None:
    """Seated balance days (level A) get the chair note, never the counter-and-chair one."""
    days = result(ability="mostly-seated")["weeks"][0]["days"]
    balance = [day for day in days if day["balance_core"]]
    assert balance
    for day in balance:
        # The wire carries the notes' reasons; their words are `present.plan_notes.NOTE_WORDS`.
        assert Note.SEATED_BALANCE.value in day["notes"]
        assert Note.BALANCE.value not in day["notes"]
        assert "sturdy chair without wheels" in NOTE_WORDS[Note.SEATED_BALANCE]
        assert "kitchen counter" in NOTE_WORDS[Note.BALANCE]
