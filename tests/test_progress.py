"""The saved self-checks as measurements (calculators.progress): recomputed from the answers."""

from __future__ import annotations

from decimal import Decimal

from calculators.function import FunctionLevel
from calculators.progress import measured
from calculators.record import SavedCheck, Section, saved_entry

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
