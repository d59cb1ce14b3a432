"""The 12-week programme: the week's pattern at each week's dose, and `weekly_plan`."""

from __future__ import annotations

from collections.abc import Sequence

from calculators import evidence
from calculators.evidence import Source
from calculators.exercises import Exercise, Span, exercise_library
from calculators.function import FunctionLevel
from calculators.plan.answers import PlanInput
from calculators.plan.cautions import (
    cautions,
    nothing_safe_result,
    observations,
    referral_result,
    short_days_caution,
)
from calculators.plan.days import WEEK_LAYOUTS, choose_balance_days, plan_day, planned_strength_days
from calculators.plan.level import assess
from calculators.plan.notes import Note, RetestNote, score_notes, timeline
from calculators.plan.result import (
    Dose,
    Muscles,
    PlannedExercise,
    PlanNote,
    PlanResult,
    PlanWeek,
    WalkGoal,
)
from calculators.plan.selection import Picker, day_slots, holds_left_out
from calculators.plan.walking import walk_goal, walking_notes
from calculators.results import Status, cite
from calculators.steps import step_progression
from calculators.triage import evaluate


def weekly_plan(answers: PlanInput, exercise_rows: Sequence[object]) -> PlanResult:
    """The reader's 12-week programme; raises `InvalidInput` if the exercise rows are unusable."""
    library = exercise_library(exercise_rows)
    findings = evaluate(observations(answers))
    referral = referral_result(findings)
    if referral is not None:
        return referral
    assessment = assess(answers)
    level = assessment.level
    notes: list[PlanNote] = []
    sources: list[Source] = [Source.E1, Source.E3, Source.M1, Source.M3, Source.M6]
    layout = WEEK_LAYOUTS[planned_strength_days(answers, level, notes)]
    balance_days = choose_balance_days(answers, assessment, layout)
    picker = Picker(library, answers, level, assessment.falls_risk)
    template = [
        day_slots(index, layout[index], index in balance_days, answers.focus) for index in range(7)
    ]
    chosen = [picker.day(slots) for slots in template]
    steps = (
        None
        if level.rank <= FunctionLevel.B.rank
        else step_progression(answers.age, answers.steps_per_day)
    )
    gentle = level.rank <= FunctionLevel.B.rank or answers.recent_hospital_stay
    sets_track = evidence.SETS_GENTLE if gentle else _SETS_BY_LEVEL[level]
    weeks = tuple(
        _week(
            week,
            sets_track[week - 1],
            layout=layout,
            balance_days=balance_days,
            chosen=chosen,
            picker=picker,
            walking=walk_goal(level, steps, week),
            level=level,
        )
        for week in range(1, evidence.PROGRAMME_WEEKS + 1)
    )
    if not any(day.exercises for day in weeks[0].days):
        return nothing_safe_result(answers)
    short = short_days_caution(answers) if picker.unfilled else None
    notes += [Note.EFFORT, Note.PROGRESSION]
    if gentle:
        notes.append(Note.GENTLE_SETS)
    if balance_days:
        notes.append(Note.SEATED_BALANCE if level is FunctionLevel.A else Note.BALANCE)
        sources.append(Source.M5)
    notes += walking_notes(level, steps, sources)
    notes += score_notes(assessment, answers)
    if assessment.falls_risk and balance_days:
        notes.append(Note.WITH_SOMEONE)
    if holds_left_out(answers, assessment.falls_risk):
        notes.append(Note.HOLDS_LEFT_OUT)
    notes.append(Note.SLEEP_OLDER if answers.age >= evidence.BALANCE_AGE else Note.SLEEP)
    sources += [Source.E8, Source.D6, Source.D7]
    warnings = cautions(answers, assessment, findings, sources, notes)
    if short is not None:
        warnings = (*warnings, short)
    return PlanResult(
        status=Status.OK,
        assessment=assessment,
        weeks=weeks,
        steps=steps,
        timeline=timeline(steps),
        notes=tuple(notes),
        warnings=warnings,
        sources=cite(sources),
        print_name=answers.print_name,
    )


_SETS_BY_LEVEL = {
    FunctionLevel.A: evidence.SETS_GENTLE,
    FunctionLevel.B: evidence.SETS_GENTLE,
    FunctionLevel.C: evidence.SETS_C,
    FunctionLevel.D: evidence.SETS_D,
}


def _week(
    week: int,
    sets: int,
    *,
    layout: tuple[Muscles | None, ...],
    balance_days: frozenset[int],
    chosen: Sequence[tuple[Exercise, ...]],
    picker: Picker,
    walking: WalkGoal,
    level: FunctionLevel,
) -> PlanWeek:
    """One week: the pattern's exercises at this week's dose (easier versions in weeks 1–2)."""
    learning = week <= evidence.LEARNING_WEEKS
    stage = evidence.DOSE_STAGE_BY_WEEK[week - 1]
    days = []
    for index in range(7):
        planned = []
        for exercise in chosen[index]:
            used = (picker.variation(exercise, "easier") if learning else None) or exercise
            harder = None if learning else picker.variation(used, "harder")
            planned.append(PlannedExercise(used, _dose(used, sets, stage), harder))
        days.append(plan_day(index, layout[index], index in balance_days, planned, walking))
    retest = week in evidence.RETEST_WEEKS
    notes: list[PlanNote] = []
    if learning:
        notes.append(Note.LEARN_WEEK)
    if retest:
        notes.append(RetestNote(level))
    return PlanWeek(week, sets, walking, retest, tuple(days), tuple(notes))


def _dose(exercise: Exercise, sets: int, stage: int) -> Dose:
    """The week's dose within the exercise's own ranges (E3; the schedule is in evidence)."""
    dose = exercise.dose
    return Dose(
        min(sets, dose.sets[1]),
        None if dose.reps is None else _staged(dose.reps, stage),
        None if dose.hold_seconds is None else _staged(dose.hold_seconds, stage),
        dose.per_side,
    )


def _staged(span: Span, stage: int) -> Span:
    """The low end (stage 0), low to middle (1) or middle to top (2) of a range.

    >>> _staged((8, 12), 0), _staged((8, 12), 1), _staged((8, 12), 2)
    ((8, 8), (8, 10), (10, 12))
    """
    low, high = span
    middle = (low + high) // 2
    return ((low, low), (low, middle), (middle, high))[stage]
