"""The saved self-checks as measurements (calculators.progress): recomputed from the answers."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from calculators.function import FunctionLevel
from calculators.progress import (
    Crossing,
    Measure,
    PlanFit,
    compared,
    crossing,
    leading_findings,
    level_of,
    measured,
    plan_fit,
    schedule,
    slow_walk,
)
from calculators.record import SavedCheck, SavedPlan, Section, saved_entry
from calculators.triage import RuleId

ROOT = Path(__file__).resolve().parent.parent

QUESTIONS = {"strength": "1", "assistance": "0", "rise": "1", "climb": "1", "falls": "0"}
TESTS = {
    "chair_stand_seconds": "16.2",
    "balance_side_by_side_seconds": "10",
    "balance_semi_tandem_seconds": "10",
    "balance_tandem_seconds": "5",
    "walk_4m_seconds": "5.5",
}


def check(answers: dict[str, str]) -> SavedCheck:
    """A saved self-check made from form answers, as the page saves it."""
    entry = saved_entry(Section.CHECKS, "2026-11-01", answers)
    assert isinstance(entry, SavedCheck)
    return entry


def test_a_complete_check_gives_each_tests_points_the_total_and_the_saved_level() -> None:
    """The figures are the self-check's own, recomputed from the saved answers."""
    seen = measured(check(QUESTIONS | TESTS))
    assert (seen.sarc_f, seen.chair_points, seen.balance_points, seen.walk_points) == (3, 2, 3, 3)
    assert seen.walk_speed == Decimal("0.73")
    assert seen.sppb is not None
    assert (seen.sppb.low, seen.sppb.high, seen.level) == (8, 8, FunctionLevel.C)


def test_a_check_without_tests_has_no_sppb_and_no_level() -> None:
    """Answers only: nothing measured, so nothing to draw."""
    seen = measured(check(QUESTIONS))
    assert (seen.sppb, seen.level, seen.balance_points, seen.walk_speed) == (None, None, None, None)


def test_a_chair_stand_not_finished_scores_zero_and_keeps_no_time() -> None:
    """Not finishing wins over a time given with it, as in the self-check."""
    seen = measured(check(QUESTIONS | {"chair_stand_unable": "true", "chair_stand_seconds": "12"}))
    assert (seen.chair_seconds, seen.chair_unable, seen.chair_points) == (None, True, 0)
    assert seen.balance_points is None  # no stand tried


# ---------------------------------------------------------------- what changed, and the plan

EXERCISES = yaml.safe_load((ROOT / "data" / "exercises.yml").read_text(encoding="utf-8"))
PLAN_C = {"age": "70", "strength_days": "3", "focus": "general", "ability": "tires-quickly"}


def checked(day: str, answers: dict[str, str]) -> SavedCheck:
    """A saved self-check of `day`."""
    entry = saved_entry(Section.CHECKS, day, answers)
    assert isinstance(entry, SavedCheck)
    return entry


def saved_plan(day: str, answers: dict[str, str] = PLAN_C) -> SavedPlan:
    """A saved plan starting on `day`."""
    entry = saved_entry(Section.PLAN, day, answers)
    assert isinstance(entry, SavedPlan)
    return entry


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        ("5.5", "4.6", Crossing.CLEARED),  # 0.73 -> 0.87 m/s
        ("4.6", "5.5", Crossing.FLAGGED),
        ("5", "4.9", Crossing.NONE),  # exactly 0.8 m/s is not slow (M3, M4)
        ("5.01", "5", Crossing.CLEARED),
    ],
)
def test_the_walk_crossing_0_8_metres_a_second_is_found(
    before: str, after: str, expected: Crossing
) -> None:
    """The 0.8 m/s line is the triage table's: under it is slow."""
    seen = [measured(check(QUESTIONS | {"walk_4m_seconds": t})) for t in (before, after)]
    assert crossing(slow_walk(seen[0]), slow_walk(seen[1])) is expected


def test_only_tests_measured_in_both_checks_are_compared() -> None:
    """A test done once has nothing to compare; the questions are always answered."""
    first = measured(check(QUESTIONS | {"chair_stand_seconds": "16.2", "walk_4m_seconds": "6"}))
    second = measured(check(QUESTIONS | {"chair_stand_unable": "true"}))
    assert compared(first, second) == (Measure.CHAIR, Measure.QUESTIONS)


def test_an_incomplete_check_takes_the_low_end_of_its_level() -> None:
    """A test not done counts 0 (never over-rate, M1/M3), whether or not a level was saved."""
    no_walk = measured(
        check(QUESTIONS | {k: v for k, v in TESTS.items() if k != "walk_4m_seconds"})
    )
    assert no_walk.sppb is not None
    assert (no_walk.sppb.low, no_walk.sppb.high, level_of(no_walk)) == (5, 9, FunctionLevel.B)
    no_chair = measured(check(QUESTIONS | {k: v for k, v in TESTS.items() if "chair" not in k}))
    assert (no_chair.level, level_of(no_chair)) == (None, FunctionLevel.B)  # 3 + 3 points


@pytest.mark.parametrize(
    ("level", "plan", "fit"),
    [("D", "C", PlanFit.ABOVE), ("C", "C+", PlanFit.SAME), ("B", "C", PlanFit.BELOW)],
)
def test_the_latest_level_is_set_against_the_plans_letter(
    level: str, plan: str, fit: PlanFit
) -> None:
    """The "+" is falls risk, not a level: C against C+ is the same level."""
    saved = SavedPlan(date(2026, 12, 7), (), plan)
    assert plan_fit(FunctionLevel(level), saved) is fit


def test_a_falls_finding_leads_and_good_to_know_does_not() -> None:
    """Four or more falls (a falls assessment) leads; 1 to 3 falls is only good to know."""
    many = measured(check(QUESTIONS | {"falls": "2"}))
    some = measured(check(QUESTIONS | {"falls": "1"}))
    assert [f.rule.id for f in leading_findings(many)] == [RuleId.TWO_OR_MORE_FALLS]
    assert leading_findings(some) == ()


# ---------------------------------------------------------------- sessions


def test_sessions_are_counted_per_plan_week_up_to_today() -> None:
    """Weeks run from the plan's first day (a Wednesday here), 7 days each, up to today's."""
    plan = schedule(saved_plan("2026-12-02"), EXERCISES)
    assert plan.weeks == 12
    assert len(plan.weekdays) == 6  # every day but the rest day
    done = [date(2026, 12, d) for d in (2, 3, 8, 9, 10, 15)]
    tallies = plan.tallies(done, today=date(2026, 12, 16))
    assert [(t.week, t.first_day.day, t.done, t.planned) for t in tallies] == [
        (1, 2, 3, 6),
        (2, 9, 3, 6),  # the 8th is still week 1
        (3, 16, 0, 6),
    ]
    assert plan.tallies(done, today=date(2026, 12, 1)) == ()


def test_this_weeks_days_after_today_cannot_be_ticked_yet() -> None:
    """Today and earlier carry their tick; later days are marked later."""
    plan = schedule(saved_plan("2026-12-07"), EXERCISES)  # a Monday
    days = plan.this_week([date(2026, 12, 7)], today=date(2026, 12, 9))
    assert [d.day.weekday() for d in days] == sorted(plan.weekdays)
    assert all(d.later == (d.day > date(2026, 12, 9)) for d in days)
    assert [d.day for d in days if d.done] == [date(2026, 12, 7)]
    assert plan.this_week([], today=plan.last_day + timedelta(days=1)) == ()
    assert all(d.later for d in plan.this_week([], today=date(2026, 12, 1)))


def test_the_retest_weeks_start_4_8_and_12_weeks_in() -> None:
    """Weeks 4, 8 and 12 (evidence.RETEST_WEEKS) as dates."""
    plan = schedule(saved_plan("2026-12-07"), EXERCISES)
    assert plan.retests() == (
        (4, date(2026, 12, 28)),
        (8, date(2027, 1, 25)),
        (12, date(2027, 2, 22)),
    )
