"""The exercise library's level tags keep readers safe (issue 12; EVIDENCE M3, M5)."""

from __future__ import annotations

import pytest

from calculators.exercises import Category, Equipment, Position
from calculators.function import FunctionLevel
from macros.data import SiteData, data_dir, load_site_data

BREATH = "Breathe out as you push; don't hold your breath."
FLOOR = "Only if you can get down to and up from the floor safely."
STRENGTH = {Category.LOWER_BODY, Category.UPPER_BODY, Category.FULL_BODY, Category.CORE}


@pytest.fixture(scope="module")
def data() -> SiteData:
    """The real data files, validated."""
    return load_site_data(data_dir())


def test_every_strength_exercise_says_to_breathe_out(data: SiteData) -> None:
    """Strength moves say "breathe out as you push; don't hold your breath" (issue 13)."""
    missing = [e.id for e in data.exercises if e.category in STRENGTH and BREATH not in e.safety]
    assert missing == []


def test_every_floor_exercise_starts_with_the_floor_caveat(data: SiteData) -> None:
    """Floor moves begin their safety note with the get-down-and-up caveat."""
    missing = [
        e.id
        for e in data.exercises
        if e.position == Position.FLOOR and not e.safety.startswith(FLOOR)
    ]
    assert missing == []


def test_level_a_exercises_are_all_seated(data: SiteData) -> None:
    """Nothing tagged for level A is done standing or on the floor."""
    standing = [
        e.id
        for e in data.exercises
        if e.min_level == FunctionLevel.A and e.position != Position.SEATED
    ]
    assert standing == []


def test_level_b_exercises_are_seated_or_held(data: SiteData) -> None:
    """Nothing tagged for level B is done without support or on the floor."""
    unsafe = [
        e.id
        for e in data.exercises
        if e.min_level.rank <= FunctionLevel.B.rank
        and e.position not in {Position.SEATED, Position.STANDING_SUPPORTED}
    ]
    assert unsafe == []


def test_wall_sit_is_not_for_level_b(data: SiteData) -> None:
    """The wall sit (a hold that is hard to get out of) starts at level C (issue 12)."""
    assert data.exercises_by_id["wall-sit"].min_level == FunctionLevel.C


def test_standing_balance_up_to_level_c_needs_a_counter_and_a_chair(data: SiteData) -> None:
    """Standing balance for A–C is next to a counter with a chair behind (M5)."""
    unsafe = [
        e.id
        for e in data.exercises
        if e.category == Category.BALANCE
        and e.position != Position.SEATED
        and e.min_level.rank <= FunctionLevel.C.rank
        and not {Equipment.COUNTER, Equipment.CHAIR} <= set(e.equipment)
    ]
    assert unsafe == []
