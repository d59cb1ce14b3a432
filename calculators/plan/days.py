"""The week's days: how many strength days, which days carry balance, and each day's kind."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from calculators import evidence
from calculators.exercises import Category, Position
from calculators.function import FunctionLevel
from calculators.plan.answers import Focus, PlanInput
from calculators.plan.level import LevelAssessment
from calculators.plan.notes import Note, StrengthCapNote
from calculators.plan.result import DayKind, Muscles, PlanDay, PlannedExercise, PlanNote, WalkGoal

REST_DAY = 6  # Sunday: the week's one full rest day


# Strength days by count, Monday first; None = no strength that day. Lower and upper alternate
# and whole-body days have a day off either side, so no muscle works hard two days running.
_L, _U, _F = Muscles.LOWER, Muscles.UPPER, Muscles.FULL
WEEK_LAYOUTS: Mapping[int, tuple[Muscles | None, ...]] = {
    1: (_F, None, None, None, None, None, None),
    2: (_F, None, None, _F, None, None, None),
    3: (_L, None, _U, None, _F, None, None),  # the article's week: legs, upper, whole body
    4: (_L, _U, None, _L, _U, None, None),
}


def strength_day_cap(level: FunctionLevel) -> int:
    """The most strength days a week for a level (M6): 3 for A–C, 4 for D."""
    if level is FunctionLevel.D:
        return evidence.MAX_STRENGTH_DAYS_D
    return evidence.MAX_STRENGTH_DAYS_A_TO_C


def planned_strength_days(answers: PlanInput, level: FunctionLevel, notes: list[PlanNote]) -> int:
    """How many strength days the week gets, never more than the reader has (notes say why)."""
    cap = strength_day_cap(level)
    days = min(answers.strength_days, cap)
    if answers.strength_days > days:
        notes.append(StrengthCapNote(level, cap))
    if days < evidence.WHO_MIN_STRENGTH_DAYS:
        notes.append(Note.WHO_TWO_DAYS)
    return days


def choose_balance_days(
    answers: PlanInput, assessment: LevelAssessment, layout: tuple[Muscles | None, ...]
) -> frozenset[int]:
    """Which days (0 = Monday) carry balance work: free days first, then spread."""
    if answers.focus is Focus.BALANCE or assessment.falls_risk:
        wanted = 7 - evidence.MIN_REST_DAYS
    elif answers.age >= evidence.BALANCE_AGE or answers.fall_past_year:
        wanted = evidence.BALANCE_DAYS_OLDER
    else:
        wanted = evidence.BALANCE_DAYS_YOUNGER
    free = [day for day in range(7) if day != REST_DAY and layout[day] is None]
    busy = sorted((day for day in range(7) if layout[day] is not None), key=lambda d: (d % 2, d))
    return frozenset((free + busy)[:wanted])


def plan_day(
    index: int,
    muscles: Muscles | None,
    balance: bool,
    planned: Sequence[PlannedExercise],
    walking: WalkGoal,
) -> PlanDay:
    """One day: its kind, exercises, step target and notes."""
    if index == REST_DAY:
        return PlanDay(
            index + 1,
            DayKind.REST,
            None,
            False,
            (),
            None,
            (Note.REST_DAY,),
        )
    notes: list[PlanNote] = []
    if muscles is not None:
        notes.append(Note.EFFORT)
        notes.append(Note.REST_BETWEEN_SETS)
    if balance:
        standing = any(
            one.exercise.category is Category.BALANCE
            and one.exercise.position is not Position.SEATED
            for one in planned
        )
        notes.append(Note.BALANCE if standing else Note.SEATED_BALANCE)
    kind = (
        DayKind.STRENGTH
        if muscles is not None
        else DayKind.BALANCE
        if balance
        else DayKind.MOVEMENT
    )
    return PlanDay(
        index + 1, kind, muscles, balance, tuple(planned), walking.steps_per_day, tuple(notes)
    )
