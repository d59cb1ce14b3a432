"""At-home SPPB scoring, Vivifrail levels and falls-risk triggers (calculators/function.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.function import (
    FallsTrigger,
    FunctionLevel,
    FunctionTests,
    balance_points,
    chair_points,
    falls_triggers,
    level_for_score,
    level_from,
    sppb,
    walk_points,
)


def measured(
    stands: tuple[str | None, str | None, str | None] = ("10", "10", "10"),
    walk: str | None = "4",
    chair: str | None = "10",
    *,
    unable: bool = False,
) -> FunctionTests:
    """A set of measured tests from text numbers (None = not done)."""
    side, semi, tandem = (None if s is None else Decimal(s) for s in stands)
    return FunctionTests(
        side,
        semi,
        tandem,
        None if walk is None else Decimal(walk),
        None if chair is None else Decimal(chair),
        unable,
    )


@pytest.mark.parametrize(
    ("seconds", "points"),
    [("3", 4), ("11.19", 4), ("11.194", 4), ("11.195", 3), ("11.20", 3), ("13.69", 3),
     ("13.70", 2), ("16.69", 2), ("16.70", 1), ("60", 1), ("60.01", 0)],
)  # fmt: skip
def test_chair_rise_band_edges_score_as_m1_says(seconds: str, points: int) -> None:
    """Five chair rises: ≤ 11.19 s = 4, from 11.20 = 3, … over 60 s = 0 (hundredths, half up)."""
    assert chair_points(Decimal(seconds)) == points


def test_chair_rise_not_done_scores_zero() -> None:
    """Unable to rise five times without the arms scores 0."""
    assert sppb(measured(chair="12", unable=True)).chair == 0


@pytest.mark.parametrize(
    ("seconds", "points"),
    [("4.81", 4), ("4.82", 3), ("6.20", 3), ("6.21", 2), ("8.70", 2), ("8.71", 1), ("60", 1)],
)
def test_walk_band_edges_score_as_m1_says(seconds: str, points: int) -> None:
    """4 m walk: < 4.82 s = 4; 4.82–6.20 = 3; 6.21–8.70 = 2; slower = 1."""
    assert walk_points(Decimal(seconds)) == points


@pytest.mark.parametrize(
    ("stands", "points"),
    [
        (("10", "10", "10"), 4),
        (("10", "10", "9.99"), 3),
        (("10", "10", "3"), 3),
        (("10", "10", "2.99"), 2),
        (("10", "9.99", "10"), 1),
        (("9.99", "10", "10"), 0),
        (("10", None, None), 1),
        ((None, None, None), 0),
    ],
)
def test_balance_holds_score_10_second_edges(
    stands: tuple[str | None, str | None, str | None], points: int
) -> None:
    """Side by side and semi-tandem count at 10 s; tandem 2 at 10 s, 1 from 3 s; a miss stops."""
    side, semi, tandem = (None if s is None else Decimal(s) for s in stands)
    assert balance_points(side, semi, tandem) == points


@pytest.mark.parametrize(
    ("score", "level"),
    [(0, "A"), (3, "A"), (4, "B"), (6, "B"), (7, "C"), (9, "C"), (10, "D"), (12, "D")],
)
def test_score_maps_to_vivifrail_level(score: int, level: str) -> None:
    """M3: 0–3 A, 4–6 B, 7–9 C, 10–12 D."""
    assert level_for_score(score).value == level


def test_complete_score_adds_the_three_parts() -> None:
    """All stands held, a 4 s walk and 10 s rises: 4 + 4 + 4 = 12, level D."""
    score = sppb(measured())
    assert (score.low, score.high, score.complete) == (12, 12, True)
    assert level_from(None, score) is FunctionLevel.D


def test_without_the_walk_the_score_is_a_range_and_the_level_its_low_end() -> None:
    """No walk: 8 of 8 measured points is a score of 8–12, and alone it gives level C, not D."""
    score = sppb(measured(walk=None))
    assert (score.low, score.high, score.complete) == (8, 12, False)
    assert level_from(None, score) is FunctionLevel.C


def test_without_the_walk_a_chosen_level_is_capped_by_the_low_end() -> None:
    """No walk, score 8–12: choosing D gives C, the low end's level (issue 21.5)."""
    assert level_from(FunctionLevel.D, sppb(measured(walk=None))) is FunctionLevel.C


def test_partial_tests_are_scored_as_a_range() -> None:
    """Only the first stand held: 1 to 12, the plan's level is the low end's (A)."""
    score = sppb(measured(stands=("10", None, None), walk=None, chair=None))
    assert (score.low, score.high, score.complete) == (1, 12, False)
    assert level_from(None, score) is FunctionLevel.A


def test_a_chosen_level_never_lifts_a_complete_score() -> None:
    """Measured 5 (B) and chosen D: the plan uses B."""
    score = sppb(measured(stands=("10", "9", None), walk="7", chair="17"))
    assert score.low == 1 + 2 + 1
    assert level_from(FunctionLevel.D, score) is FunctionLevel.B


def test_a_lower_chosen_level_is_kept_over_the_tests() -> None:
    """Measured 12 (D) but the reader says they need support: B (safer wins)."""
    assert level_from(FunctionLevel.B, sppb(measured())) is FunctionLevel.B


@pytest.mark.parametrize(("walk", "slow"), [("5.00", False), ("5.01", True), ("9", True)])
def test_gait_speed_under_0_8_is_a_falls_trigger(walk: str, slow: bool) -> None:
    """4 m in 5.00 s is 0.8 m/s (not slow); 5.01 s is under 0.8 m/s (falls risk, M3)."""
    triggers = falls_triggers(
        fall_with_injury=False,
        two_or_more_falls=False,
        cannot_get_up=False,
        blackouts=False,
        score=sppb(measured(walk=walk)),
    )
    assert (FallsTrigger.SLOW_WALK in triggers) is slow


@pytest.mark.parametrize(
    "trigger",
    [
        FallsTrigger.FALL_WITH_INJURY,
        FallsTrigger.TWO_OR_MORE_FALLS,
        FallsTrigger.CANNOT_GET_UP,
        FallsTrigger.BLACKOUTS,
    ],
)
def test_each_reported_falls_trigger_is_reported_alone(trigger: FallsTrigger) -> None:
    """Each M4 answer alone is a falls-risk reason, and the only one."""
    answers = {
        "fall_with_injury": trigger is FallsTrigger.FALL_WITH_INJURY,
        "two_or_more_falls": trigger is FallsTrigger.TWO_OR_MORE_FALLS,
        "cannot_get_up": trigger is FallsTrigger.CANNOT_GET_UP,
        "blackouts": trigger is FallsTrigger.BLACKOUTS,
    }
    assert falls_triggers(**answers, score=None) == (trigger,)


times = st.decimals(min_value=Decimal(2), max_value=Decimal(120), places=2)
holds = st.none() | st.decimals(min_value=Decimal(0), max_value=Decimal(10), places=2)


@given(st.builds(FunctionTests, holds, holds, holds, st.none() | times, st.none() | times))
def test_scores_stay_in_range_and_the_level_never_exceeds_the_best_score(
    tests: FunctionTests,
) -> None:
    """Any tests: 0 ≤ low ≤ high ≤ 12, and the level alone is the low end's level."""
    score = sppb(tests)
    assert 0 <= score.low <= score.high <= 12
    assert level_from(None, score) is level_for_score(score.low)
    for chosen in FunctionLevel:
        assert level_from(chosen, score).rank <= level_for_score(score.high).rank
