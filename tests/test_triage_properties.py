"""Properties of the triage, the hand-off and the answers' ranges, over many readers (issue 21)."""

from __future__ import annotations

import re
from typing import Any

from helpers.calc import EXERCISES
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import api
from calculators.present import text as text_out

SOME = settings(max_examples=40, deadline=None)
LEVELS = "ABCD"
NO_DOCTOR = "do not need to see a doctor first"
# "25–25 g", "1.0-1.0": a range whose two ends are equal (present.numbers prints one number).
EQUAL_RANGE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s?[–-]\s?\1(?![\d.])")

points = st.integers(min_value=0, max_value=2)
seconds = st.one_of(st.none(), st.decimals(min_value=3, max_value=60, places=1))
holds = st.one_of(st.none(), st.decimals(min_value=0, max_value=10, places=1))
walk = st.one_of(st.none(), st.decimals(min_value=2, max_value=20, places=1))


@st.composite
def self_check_answers(draw: st.DrawFn) -> dict[str, Any]:
    """A reader's self-check answers, tests measured or not."""
    payload: dict[str, Any] = {
        name: draw(points) for name in ("strength", "assistance", "rise", "climb", "falls")
    }
    payload["age"] = draw(st.integers(min_value=60, max_value=95))
    optional = {
        "chair_stand_seconds": draw(seconds),
        "balance_side_by_side_seconds": draw(holds),
        "balance_semi_tandem_seconds": draw(holds),
        "balance_tandem_seconds": draw(holds),
        "walk_4m_seconds": draw(walk),
    }
    payload |= {name: str(value) for name, value in optional.items() if value is not None}
    payload["chair_stand_unable"] = draw(st.booleans())
    return payload


def _cap(payload: dict[str, Any], result: dict[str, Any]) -> str:
    """The highest level the answers allow (issue 21.5)."""
    if 2 in (payload["rise"], payload["assistance"]):
        return "B"
    test = result["chair_stand"]
    slow = test is not None and test["low_strength"]
    if any(payload[item] for item in ("rise", "climb", "assistance")) or slow:
        return "C"
    if result["positive_screen"] or 2 in (payload["strength"], payload["falls"]):
        return "C"
    return "D"


@SOME
@given(self_check_answers())
def test_the_hand_off_never_yields_a_level_above_the_answers(payload: dict[str, Any]) -> None:
    """The plan built from the self-check's hand-off is never above what the answers allow."""
    check = api.run("self-check", payload)
    assert check["ok"], check
    prefill = check["result"]["plan_prefill"]
    plan = api.run("plan", {**prefill, "strength_days": 3}, exercises=EXERCISES)
    assert plan["ok"], plan
    level = plan["result"]["level"]
    if level is None:
        return
    cap = _cap(payload, check["result"])
    assert LEVELS.index(level["level"]) <= LEVELS.index(cap), (payload, level)
    if level["level"] == "D":
        assert level["sppb"] is not None
        assert level["sppb"]["score_low"] >= 10


@st.composite
def plan_answers(draw: st.DrawFn) -> dict[str, Any]:
    """A reader's plan answers with any health flags."""
    flags = (
        "chronic_condition",
        "recent_hospital_stay",
        "fall_past_year",
        "fall_with_injury",
        "two_or_more_falls",
        "cannot_get_up",
        "blackouts",
    )
    payload: dict[str, Any] = {
        "age": draw(st.integers(min_value=18, max_value=95)),
        "ability": draw(
            st.sampled_from(["mostly-seated", "needs-support", "tires-quickly", "out-of-practice"])
        ),
        "strength_days": draw(st.integers(min_value=1, max_value=4)),
    }
    payload |= {flag: draw(st.booleans()) for flag in flags}
    return payload


@SOME
@given(plan_answers())
def test_no_doctor_note_only_without_any_weakness_falls_or_condition(
    payload: dict[str, Any],
) -> None:
    """E4's "no need to see a doctor first" never appears beside a sign of weakness or risk."""
    flagged = payload["ability"] != "out-of-practice" or any(
        value is True for value in payload.values()
    )
    if flagged:
        # The reader's words, not the wire: the wire's notes are reasons (issue 23).
        assert NO_DOCTOR not in _text("plan", payload), payload


def _text(calculator: str, payload: dict[str, Any]) -> str:
    """An answer as the reader reads it in text form."""
    extra = EXERCISES if calculator == "plan" else ()
    return text_out.render(api.answer(calculator, payload, exercises=extra)[1])


@SOME
@given(plan_answers(), self_check_answers())
def test_no_answer_prints_a_range_with_equal_ends(
    plan: dict[str, Any], check: dict[str, Any]
) -> None:
    """No plan or self-check answer prints "X–X" (one number when both ends are equal)."""
    for calculator, payload in (("plan", plan), ("self-check", check)):
        found = EQUAL_RANGE.findall(_text(calculator, payload))
        assert found == [], (calculator, payload, found)
