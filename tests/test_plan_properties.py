"""Properties of the 12-week programme over many generated readers (Hypothesis; issue 12)."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from typing import Any

import yaml
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from calculators import api
from calculators.function import FunctionLevel
from calculators.plan import strength_day_cap

ROOT = Path(__file__).resolve().parent.parent
EXERCISES = yaml.safe_load((ROOT / "data" / "exercises.yml").read_text(encoding="utf-8"))
ROWS = {row["id"]: row for row in EXERCISES}
LEVELS = "ABCD"
FAST = settings(max_examples=40, deadline=None)

holds = st.decimals(min_value=0, max_value=10, places=2).map(str)
measured = st.fixed_dictionaries(
    {
        "balance_side_by_side_seconds": st.just("10") | holds,
        "balance_semi_tandem_seconds": st.just("10") | holds,
        "balance_tandem_seconds": st.just("10") | holds,
        "walk_4m_seconds": st.one_of(
            st.none(), st.decimals(min_value=2, max_value=30, places=2).map(str)
        ),
        "chair_rise_seconds": st.decimals(min_value=3, max_value=120, places=2).map(str),
    }
).map(lambda tests: {key: value for key, value in tests.items() if value is not None})
readers = st.fixed_dictionaries(
    {
        "age": st.integers(min_value=18, max_value=110),
        "ability": st.sampled_from(
            ["mostly-seated", "needs-support", "tires-quickly", "out-of-practice"]
        ),
        "strength_days": st.integers(min_value=1, max_value=7),
        "steps_per_day": st.one_of(st.just(""), st.integers(0, 20_000)),
        "equipment": st.lists(
            st.sampled_from(["step", "band", "dumbbells", "gym-machine", "mat"]), unique=True
        ),
        "lacks": st.lists(st.sampled_from(["chair", "wall", "counter"]), unique=True),
        "focus": st.sampled_from(["general", "legs", "balance"]),
        "floor_ok": st.booleans(),
        "chronic_condition": st.booleans(),
        "recent_hospital_stay": st.booleans(),
        "fall_past_year": st.booleans(),
        "fall_with_injury": st.booleans(),
        "two_or_more_falls": st.booleans(),
        "cannot_get_up": st.booleans(),
        "blackouts": st.booleans(),
    }
)
# Half the readers also entered their tests (the sentence then only lowers the level).
payloads = st.one_of(readers, st.builds(lambda r, t: {**r, **t}, readers, measured))
# Readers with the home's chair, wall and counter (the every-day-filled rule is about them;
# the data coverage test walks them all).
home_payloads = payloads.map(lambda p: {**p, "lacks": []})


def programme(payload: dict[str, Any]) -> dict[str, Any]:
    """The plan result (asserting it is a programme, not an error)."""
    answer = api.run("plan", payload, exercises=EXERCISES)
    assert answer["ok"], answer
    result: dict[str, Any] = answer["result"]
    if result["status"] == "refer":  # nothing safe without a chair at level A: no plan
        assert result["weeks"] == []
        assert payload["lacks"]
    assume(result["status"] == "ok")
    return result


def all_exercises(result: dict[str, Any]) -> list[dict[str, Any]]:
    """Every planned exercise of every day of every week."""
    return [e for week in result["weeks"] for day in week["days"] for e in day["exercises"]]


def have(payload: dict[str, Any]) -> set[str]:
    """What the reader has: the home's supports unless lacking, plus the ticked extras."""
    return ({"none", "chair", "wall", "counter"} - set(payload["lacks"])) | set(
        payload["equipment"]
    )


@FAST
@given(payloads)
def test_no_exercise_is_above_the_level_or_needs_what_the_reader_lacks(
    payload: dict[str, Any],
) -> None:
    """Every exercise (and every harder version suggested) suits the level and what is at home."""
    result = programme(payload)
    level = LEVELS.index(result["level"]["level"])
    suggested = [e["harder"] for e in all_exercises(result) if e["harder"] is not None]
    for exercise in all_exercises(result) + suggested:
        row = ROWS[exercise["id"]]
        assert LEVELS.index(row["min_level"]) <= level <= LEVELS.index(row["max_level"])
        assert set(row["equipment"]) <= have(payload), exercise["id"]


@FAST
@given(payloads)
def test_levels_a_and_b_never_stand_unsupported_or_go_to_the_floor(
    payload: dict[str, Any],
) -> None:
    """Level A: only seated; level B: seated or held; neither gets floor or unsupported work."""
    result = programme(payload)
    positions = {e["position"] for e in all_exercises(result)}
    if result["level"]["level"] == "A":
        assert positions <= {"seated"}
    if result["level"]["level"] == "B":
        assert positions <= {"seated", "standing-supported"}


@FAST
@given(payloads)
def test_floor_work_only_for_readers_who_can_get_down_and_up(payload: dict[str, Any]) -> None:
    """Floor moves only for readers who can get down and up, never if they cannot get up."""
    floor = [e for e in all_exercises(programme(payload)) if e["position"] == "floor"]
    if not payload["floor_ok"] or payload["cannot_get_up"]:
        assert floor == []


@FAST
@given(payloads)
def test_falls_risk_gets_no_unsupported_balance_and_more_balance_days(
    payload: dict[str, Any],
) -> None:
    """With falls risk every balance move is held or seated, on every day but the rest day."""
    result = programme(payload)
    if not result["level"]["falls_risk"]:
        return
    assert result["balance_day_count"] == 6
    for exercise in all_exercises(result):
        row = ROWS[exercise["id"]]
        assert not (row["category"] == "balance" and row["position"] == "standing-unsupported")


@FAST
@given(home_payloads)
def test_every_day_of_every_week_is_filled_for_its_kind(payload: dict[str, Any]) -> None:
    """Each day has what its kind needs (lower, upper, 2 balance, 2 stretches); rest: nothing."""
    for week in programme(payload)["weeks"]:
        for day in week["days"]:
            categories = [ROWS[e["id"]]["category"] for e in day["exercises"]]
            if day["kind"] == "rest":
                assert categories == []
                continue
            if day["focus"] in {"lower", "full"}:
                assert "lower-body" in categories, day
            if day["focus"] in {"upper", "full"}:
                assert "upper-body" in categories, day
            if day["balance_core"]:
                assert categories.count("balance") >= 2, day
            if day["kind"] == "movement":
                assert categories.count("mobility") >= 2, day


@FAST
@given(payloads)
def test_rest_and_strength_days_keep_to_the_caps(payload: dict[str, Any]) -> None:
    """Each week: a rest day, strength days within the cap, no muscles two days running."""
    result = programme(payload)
    cap = 4 if result["level"]["level"] == "D" else 3
    worked = {"lower": {"lower"}, "upper": {"upper"}, "full": {"lower", "upper"}, None: set()}
    for week in result["weeks"]:
        days = week["days"]
        assert sum(day["kind"] == "rest" for day in days) >= 1
        strength = sum(day["kind"] == "strength" for day in days)
        assert 1 <= strength <= min(cap, payload["strength_days"])
        for today, tomorrow in zip(days, days[1:] + days[:1], strict=True):
            assert not worked[today["focus"]] & worked[tomorrow["focus"]]


def test_strength_day_cap_is_3_for_a_to_c_and_4_for_d() -> None:
    """M6: 3 strength days a week for levels A–C, 4 for D."""
    assert [strength_day_cap(level) for level in FunctionLevel] == [3, 3, 3, 4]


def dose_numbers(text: str | None) -> tuple[int, int]:
    """A dose as its two ends: "8–12" → (8, 12); "10" → (10, 10)."""
    assert text is not None
    low, _, high = text.partition("–")
    return int(low), int(high or low)


@FAST
@given(payloads)
def test_progression_never_goes_down_week_to_week(payload: dict[str, Any]) -> None:
    """Sets, reps, seconds and the walking goal never fall from one week to the next."""
    weeks = programme(payload)["weeks"]
    for before, after in pairwise(weeks):
        assert after["sets"] >= before["sets"]
        for key in ("steps_per_day", "minutes"):
            if before["walking"][key] is not None:
                assert after["walking"][key] >= before["walking"][key]
        for day_before, day_after in zip(before["days"], after["days"], strict=True):
            pairs = zip(day_before["exercises"], day_after["exercises"], strict=True)
            for old, new in pairs:
                assert new["sets"] >= old["sets"]
                if old["id"] != new["id"]:
                    continue  # week 3 swaps an easier version for the planned one
                field = "reps" if old["reps"] is not None else "hold_seconds"
                low, high = dose_numbers(old[field])
                new_low, new_high = dose_numbers(new[field])
                assert (new_low, new_high) >= (low, high)
                assert new_low >= low
                assert new_high >= high


@FAST
@given(payloads)
def test_sets_start_at_1_and_learning_weeks_come_first(payload: dict[str, Any]) -> None:
    """Weeks 1–2 are the learning weeks with 1 set; 12 weeks in all; re-tests in 4, 8, 12."""
    weeks = programme(payload)["weeks"]
    assert [week["week"] for week in weeks] == list(range(1, 13))
    assert [week["learning"] for week in weeks[:3]] == [True, True, False]
    assert {e["sets"] for week in weeks[:2] for d in week["days"] for e in d["exercises"]} <= {1}
    assert [week["week"] for week in weeks if week["retest"]] == [4, 8, 12]


@FAST
@given(payloads)
def test_same_reader_gets_the_same_programme(payload: dict[str, Any]) -> None:
    """The programme is deterministic."""
    assert api.run("plan", payload, exercises=EXERCISES) == api.run(
        "plan", payload, exercises=EXERCISES
    )
