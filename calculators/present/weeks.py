"""The programme's weeks as a reader sees them: one phrase per day title, week and dose.

The page (through the wire's HTML and its folds of weeks), the ready-made sample weeks, the
printout, the command line and the calendar file all read these, so "whole body" and "2 sets of
8–12 reps on each side" read the same in all.
"""

from __future__ import annotations

from calculators.exercises import Exercise
from calculators.plan import (
    DAY_NAMES,
    DayKind,
    Dose,
    Muscles,
    PlanDay,
    PlannedExercise,
    PlanResult,
    PlanWeek,
    span_text,
)
from calculators.present import numbers
from calculators.present.plan_notes import note_lines, walk_text
from calculators.present.record_buttons import progress_link
from calculators.present.view import (
    Block,
    Fold,
    Group,
    Heading,
    Item,
    Items,
    Link,
    Move,
    Paragraph,
    Value,
    notes,
)

OPEN_ONE_BLOCK = "Weeks with the same exercises are one block: tap a block's heading to open it."
EXERCISE_PAGE = "guide/exercises/"


# One phrase per day title, used by every view (page, sample weeks, print, calendar, CLI).
DAY_TITLES: dict[Muscles | DayKind, str] = {
    Muscles.LOWER: "Strength: legs and hips",
    Muscles.UPPER: "Strength: arms, chest and back",
    Muscles.FULL: "Strength: whole body",
    DayKind.BALANCE: "Balance",
    DayKind.MOVEMENT: "Walking and stretching",
    DayKind.REST: "Rest",
}
BALANCE_SUFFIX = " + balance"


def day_title(day: PlanDay) -> str:
    """A day's title, the one phrase for it on the page, the CLI and the calendar.

    >>> from calculators.plan import DayKind, Muscles, PlanDay
    >>> day_title(PlanDay(1, DayKind.STRENGTH, Muscles.FULL, True, (), None, ()))
    'Strength: whole body + balance'
    """
    if day.muscles is not None:
        return DAY_TITLES[day.muscles] + (BALANCE_SUFFIX if day.balance_core else "")
    return DAY_TITLES[day.kind]


def week_title(week: PlanWeek) -> str:
    """A week's heading, one phrase for every view: "Week 3: build up"."""
    if week.learning:
        return f"Week {week.week}: learn the moves"
    return f"Week {week.week}: re-test week" if week.retest else f"Week {week.week}: build up"


def dose_words(dose: Dose) -> str:
    """A dose in words, the one phrase every view uses.

    >>> dose_words(Dose(2, (10, 12), None, True))
    '2 sets of 10–12 reps on each side'
    >>> dose_words(Dose(1, None, (10, 10), False))
    '1 hold of 10 seconds'
    """
    side = " on each side" if dose.per_side else ""
    if dose.reps is not None:
        return f"{numbers.plural(dose.sets, 'set')} of {span_text(dose.reps)} reps{side}"
    hold = span_text(dose.hold_seconds or (0, 0))
    return f"{numbers.plural(dose.sets, 'hold')} of {hold} seconds{side}"


def dose_phrase(planned: PlannedExercise) -> str:
    """An exercise's dose this week: "2 sets of 10–12 reps on each side" (`dose_words`)."""
    return dose_words(planned.dose)


def short_dose(dose: Dose) -> str:
    """A dose in the printed plan's short form, sides left to the exercise's name.

    Its key is `SHORT_DOSE_KEY`.

    >>> short_dose(Dose(2, (10, 12), None, True))
    '2 × 10–12'
    >>> short_dose(Dose(1, None, (10, 10), False))
    '1 × 10 s'
    """
    if dose.reps is not None:
        return f"{dose.sets} × {span_text(dose.reps)}"
    return f"{dose.sets} × {span_text(dose.hold_seconds or (0, 0))} s"


def drawing(exercise: Exercise) -> Move | None:
    """An exercise's start → end drawing, named by its how-to line (none if it is not drawn)."""
    if not exercise.drawing:
        return None
    return Move(exercise.id, exercise.how or exercise.name)


def exercise_link(planned: PlannedExercise) -> Link:
    """The exercise's name, linked to its card in the library."""
    exercise = planned.exercise
    return Link(exercise.name, f"{EXERCISE_PAGE}#{exercise.id}")


def phases(result: PlanResult) -> tuple[tuple[PlanWeek, ...], ...]:
    """Runs of consecutive weeks with the same exercises and doses (weeks 1–2, 3–4, …)."""
    runs: list[list[PlanWeek]] = []
    for week in result.weeks:
        if runs and _sessions(runs[-1][-1]) == _sessions(week):
            runs[-1].append(week)
        else:
            runs.append([week])
    return tuple(tuple(run) for run in runs)


def _sessions(week: PlanWeek) -> tuple[object, ...]:
    """What a week's tables show: each day's kind, exercises, doses and notes (not steps)."""
    return tuple((day_title(day), day.exercises, day.notes) for day in week.days)


def weeks_label(weeks: tuple[PlanWeek, ...]) -> str:
    """The weeks of a run in words: "Week 3" or "Weeks 1–2"."""
    first, last = weeks[0].week, weeks[-1].week
    return f"Week {first}" if first == last else f"Weeks {first}–{last}"


# The live answer's runs of weeks open one at a time; the page's ready-made samples are folds of
# their own, so opening a sample never closes the answer's open block (`<details name>` groups).
ANSWER_FOLDS = "rg-plan-weeks"


def week_block(
    result: PlanResult,
    weeks: tuple[PlanWeek, ...] | None = None,
    *,
    opened: bool = True,
    fold: str = ANSWER_FOLDS,
) -> Fold:
    """A run of weeks, folded: a day's name as a heading, its title, its exercises as lines.

    A list, never a table: on a phone at large text a table's columns are a few letters wide
    (issue 22). Without `weeks`, the first run (the learning weeks).
    """
    run = weeks or phases(result)[0]
    shown = _shown_before(result, run)
    days = tuple(
        Group(
            DAY_NAMES[day.day - 1],
            (
                Paragraph((Value("title", day_title(day)),)),
                *_exercise_list(day, shown),
                *notes(note_lines(day.notes)),
            ),
            kind="plan-day",
            data=(("day", str(day.day)), ("kind", day.kind.value)),
        )
        for day in run[0].days
    )
    summary = f"{weeks_label(run)}: {_phase_words(run)}"
    data = (("weeks", f"{run[0].week}-{run[-1].week}"),)
    return Fold(summary, days, fold, open=opened, kind="plan", data=data)


def _phase_words(run: tuple[PlanWeek, ...]) -> str:
    """What a run of weeks is for, and its sets."""
    words = "learn the moves" if run[0].learning else "build up"
    return f"{words}, {numbers.plural(run[0].sets, 'set')} of each exercise"


def _shown_before(result: PlanResult, run: tuple[PlanWeek, ...]) -> set[str]:
    """The exercises the runs of weeks before `run` list: they were drawn there."""
    shown: set[str] = set()
    for earlier in phases(result):
        if earlier[0].week >= run[0].week:
            break
        shown.update(planned.exercise.id for day in earlier[0].days for planned in day.exercises)
    return shown


def _exercise_list(day: PlanDay, shown: set[str]) -> tuple[Items, ...]:
    """A day's exercises; each one's drawing where the answer first lists it (`shown` grows).

    One drawing per exercise, not one a day or a week: the answer stays small.
    """
    if not day.exercises:
        return ()
    items = []
    for planned in day.exercises:
        exercise = planned.exercise
        first = exercise.id not in shown
        shown.add(exercise.id)
        items.append(
            Item(
                (exercise_link(planned), f": {dose_phrase(planned)}", *_harder(planned)),
                data=(("exercise", exercise.id),),
                drawing=drawing(exercise) if first else None,
            )
        )
    return (Items(tuple(items), kind="exercises"),)


def _harder(planned: PlannedExercise) -> tuple[str | Link, ...]:
    """The harder version to move to when the E3 rule is met, linked."""
    if planned.harder is None:
        return ()
    harder = planned.harder
    return ("; when it feels easy: ", Link(harder.name, f"{EXERCISE_PAGE}#{harder.id}"))


def week_list(result: PlanResult) -> Items:
    """Every week: its title, its walking goal, and its notes (learning, re-test)."""
    items = tuple(
        Item(
            (
                Value("week", week_title(week)),
                ". ",
                walk_text(week.walking),
                *(f" {n}" for n in note_lines(week.notes)),
                *(_progress_link() if week.retest else ()),
            ),
            data=(("week", str(week.week)),),
        )
        for week in result.weeks
    )
    return Items(items, kind="weeks", ordered=True)


def _progress_link() -> tuple[str | Link, ...]:
    """A re-test week's way to the reader's saved results (issue 24)."""
    return (" Save the result, then see what changed on ", progress_link(), ".")


def walking_line(result: PlanResult) -> str:
    """The walking goal for all weeks in one sentence (the calendar and the sample weeks)."""
    goals = [week.walking for week in result.weeks]
    if not goals:
        return ""
    if goals[0].steps_per_day is not None:
        steps = "; ".join(
            f"week {w}: {numbers.steps(g.steps_per_day or 0)}" for w, g in enumerate(goals, 1)
        )
        return f"Steps a day, on every day but the rest day: {steps}."
    if goals[0].minutes is not None:
        minutes = "; ".join(f"week {w}: {g.minutes}" for w, g in enumerate(goals, 1))
        return f"Minutes of walking a day: {minutes}. {walk_text(goals[0])}"
    return walk_text(goals[0])


def programme_blocks(result: PlanResult, fold: str = ANSWER_FOLDS) -> tuple[Block, ...]:
    """The 12 weeks: a fold per run of weeks with the same doses (the first open), the week list.

    `fold` names the group whose folds open one at a time.
    """
    if not result.weeks:
        return ()
    blocks = tuple(
        week_block(result, run, opened=index == 0, fold=fold)
        for index, run in enumerate(phases(result))
    )
    return (
        Heading(f"Your {len(result.weeks)}-week programme"),
        Paragraph((OPEN_ONE_BLOCK,)),
        *blocks,
        Heading("Week by week"),
        week_list(result),
    )
