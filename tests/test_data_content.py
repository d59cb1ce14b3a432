"""The project's data says what the article and the evidence say (EVIDENCE.md E1, E3)."""

from __future__ import annotations

import pytest

from macros.data import (
    ActivityKind,
    Category,
    Equipment,
    Level,
    SiteData,
    data_dir,
    load_site_data,
)

# Equipment someone who needs support to stand has at home (a start plan needs nothing else).
SUPPORT_AT_HOME = {Equipment.NONE, Equipment.CHAIR, Equipment.WALL, Equipment.COUNTER}
# E3 (ACSM 2009, older adults): 1-3 sets of 8-12 reps; the article's whole-body day: lighter,
# more reps (12-15).
SETS = (1, 3)
REPS = (8, 12)
WHOLE_BODY_REPS = (12, 15)
# E1 (WHO 2020): balance and strength on at least 3 days a week for people aged 65 and over.
BALANCE_DAYS_65_PLUS = 3

# Every exercise the source article names, by the id that stands for it.
ARTICLE_EXERCISES = [
    "sit-to-stand",
    "squat",
    "lunge",
    "step-up",
    "hip-hinge",
    "romanian-deadlift",
    "wall-push-up",
    "counter-push-up",
    "floor-push-up",
    "band-row",
    "dumbbell-row",
    "cable-row",
    "band-overhead-press",
    "dumbbell-overhead-press",
    "glute-bridge",
    "supported-calf-raise",
    "leg-press",
    "biceps-curl",
    "triceps-kickback",
    "knee-plank",
    "elevated-plank",
    "bird-dog",
    "dead-bug",
    "single-leg-stand",
    "heel-to-toe-walk",
    "seated-march",
    "wall-sit",
    "calf-stretch",
]


@pytest.fixture(scope="module")
def data() -> SiteData:
    """The project's validated data."""
    return load_site_data(data_dir())


@pytest.mark.parametrize("exercise_id", ARTICLE_EXERCISES)
def test_article_exercise_is_in_the_library(data: SiteData, exercise_id: str) -> None:
    """Each exercise the article names has an entry."""
    assert exercise_id in data.exercises_by_id


@pytest.mark.parametrize(
    "chain",
    [
        ["wall-push-up", "counter-push-up", "floor-push-up"],
        ["band-row", "dumbbell-row", "cable-row"],
    ],
)
def test_article_progressions_are_chained(data: SiteData, chain: list[str]) -> None:
    """The article's push-up and row progressions link easier to harder, step by step."""
    library = data.exercises_by_id
    assert [library[i].harder for i in chain] == [*chain[1:], None]


@pytest.mark.parametrize(
    "category",
    [Category.LOWER_BODY, Category.UPPER_BODY, Category.CORE, Category.BALANCE, Category.MOBILITY],
)
def test_start_exercise_needs_only_support_at_home(data: SiteData, category: Category) -> None:
    """Someone who needs support to stand has a start exercise in every part of a plan."""
    fitting = [
        e.id
        for e in data.exercises
        if e.category == category and e.level == Level.START and set(e.equipment) <= SUPPORT_AT_HOME
    ]
    assert fitting


def test_sets_follow_e3(data: SiteData) -> None:
    """Every dose is 1 to 3 sets."""
    outside = [
        e.id for e in data.exercises if not SETS[0] <= e.dose.sets[0] <= e.dose.sets[1] <= SETS[1]
    ]
    assert outside == []


def test_strength_reps_follow_e3(data: SiteData) -> None:
    """Strength moves (lower body, upper body, core) counted in reps use 8 to 12."""
    strength = {Category.LOWER_BODY, Category.UPPER_BODY, Category.CORE}
    outside = [
        e.id
        for e in data.exercises
        if e.category in strength and e.dose.reps is not None and e.dose.reps != REPS
    ]
    assert outside == []


def test_whole_body_reps_are_lighter_and_higher(data: SiteData) -> None:
    """Whole-body moves counted in reps use 12 to 15, as the article's lighter day 3."""
    outside = [
        e.id
        for e in data.exercises
        if e.category == Category.FULL_BODY
        and e.dose.reps is not None
        and e.dose.reps != WHOLE_BODY_REPS
    ]
    assert outside == []


def _days_with(data: SiteData, kind: ActivityKind) -> list[str]:
    """The days whose plan has an activity of this kind."""
    return [d.day for d in data.weekly_plan if any(a.kind == kind for a in d.activities)]


def test_plan_has_three_strength_days(data: SiteData) -> None:
    """Strength on 3 days, none back to back: lower body, upper body, then whole body."""
    assert _days_with(data, ActivityKind.STRENGTH) == ["monday", "wednesday", "friday"]


def test_plan_walks_every_day(data: SiteData) -> None:
    """Daily movement: a walk on all seven days, the rest day included."""
    assert len(_days_with(data, ActivityKind.WALKING)) == 7


def test_plan_stretches_every_day(data: SiteData) -> None:
    """Daily movement: a brief mobility routine on all seven days."""
    assert len(_days_with(data, ActivityKind.MOBILITY)) == 7


def test_plan_balance_days_meet_who_for_65_plus(data: SiteData) -> None:
    """Balance and core on at least 3 days: within the article's 2-3 and WHO's 65+ advice."""
    assert len(_days_with(data, ActivityKind.BALANCE_CORE)) >= BALANCE_DAYS_65_PLUS


def test_plan_mentions_the_who_advice(data: SiteData) -> None:
    """The plan's notes say the WHO advises at least 3 days for people aged 65 and over."""
    notes = " ".join(a.note or "" for d in data.weekly_plan for a in d.activities)
    assert "WHO" in notes
    assert "65" in notes


def test_plan_rest_day_has_no_strength_work(data: SiteData) -> None:
    """A full rest day has only light walking and stretching."""
    rest = [d for d in data.weekly_plan if d.rest_day]
    assert rest
    kinds = {a.kind for d in rest for a in d.activities}
    assert kinds <= {ActivityKind.WALKING, ActivityKind.MOBILITY}


def test_plan_walk_note_gives_the_step_range(data: SiteData) -> None:
    """Strength days' walks give 6,000 to 8,000 steps or any increase on the baseline."""
    notes = [
        a.note or ""
        for d in data.weekly_plan
        for a in d.activities
        if a.kind == ActivityKind.WALKING
    ]
    assert any("6,000 to 8,000 steps" in n and "any increase" in n for n in notes)
