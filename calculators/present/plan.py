"""The weekly plan as a reader sees it: one phrase per day title and per dose, one view.

Used by the page (through the wire's HTML), the ready-made sample weeks, the command line and
the calendar file, so "whole body" and "2 sets of 8–12 reps, each side" read the same in all.
"""

from __future__ import annotations

from collections.abc import Mapping

from calculators.plan import DAY_NAMES, DayKind, Muscles, PlanDay, PlannedExercise, PlanResult
from calculators.present import charts, numbers
from calculators.present.view import (
    Actions,
    Block,
    Button,
    Cell,
    Chart,
    Column,
    Heading,
    Item,
    Items,
    Link,
    Paragraph,
    Row,
    Table,
    Value,
    View,
    notes,
    warnings,
)
from calculators.present.view import Sources as SourceList
from calculators.results import Status

MUSCLE_WORDS: Mapping[Muscles, str] = {
    Muscles.LOWER: "lower body",
    Muscles.UPPER: "upper body",
    Muscles.FULL: "whole body",
}
WEEK_CAPTION = "Your week"
EXERCISE_PAGE = "guide/exercises/"


def day_title(day: PlanDay) -> str:
    """A day's title, the one phrase for it on the page, the CLI and the calendar.

    >>> from calculators.plan import DayKind, Muscles, PlanDay
    >>> day_title(PlanDay(1, DayKind.STRENGTH, Muscles.FULL, True, (), None, ()))
    'Strength: whole body, with balance and core'
    """
    if day.kind is DayKind.STRENGTH and day.muscles is not None:
        extra = ", with balance and core" if day.balance_core else ""
        return f"Strength: {MUSCLE_WORDS[day.muscles]}{extra}"
    if day.kind is DayKind.BALANCE:
        return "Balance and core"
    if day.kind is DayKind.MOVEMENT:
        return "Walk and stretch"
    return "Rest"


def dose_phrase(planned: PlannedExercise) -> str:
    """An exercise's dose: "2 sets of 8–12 reps", "1 set of 10–30 s holds, each side"."""
    dose = planned.exercise.dose
    sets = numbers.plural(planned.sets, "set")
    if dose.reps is not None:
        amount = f"{numbers.span(*dose.reps)} reps"
    elif dose.hold_seconds is not None:
        amount = f"{numbers.span(*dose.hold_seconds)} s holds"
    else:  # pragma: no cover - the library's reader requires reps or a hold
        amount = ""
    side = ", each side" if dose.per_side else ""
    return f"{sets} of {amount}{side}"


def steps_phrase(steps: int | None) -> str:
    """A day's step goal: "2,500 steps", or "—" on the rest day."""
    return "—" if steps is None else f"{numbers.steps(steps)} steps"


def exercise_link(planned: PlannedExercise) -> Link:
    """The exercise's name, linked to its card in the library."""
    exercise = planned.exercise
    return Link(exercise.name, f"{EXERCISE_PAGE}#{exercise.id}")


def week_table(result: PlanResult) -> Table:
    """The week, a row per day: its title, its exercises with doses, its notes, its steps."""
    rows = tuple(
        Row(
            DAY_NAMES[day.day - 1],
            (
                Cell(
                    (
                        Paragraph((Value("title", day_title(day)),)),
                        *_exercise_list(day),
                        *notes(day.notes),
                    )
                ),
                Cell((Paragraph((steps_phrase(day.steps_target),)),)),
                Cell((), print_only=True),
            ),
            data=(("day", str(day.day)), ("kind", day.kind.value)),
        )
        for day in result.days
    )
    columns = (
        Column("Day"),
        Column("What to do"),
        Column("Steps"),
        Column("Done", print_only=True),
    )
    return Table(WEEK_CAPTION, columns, rows, kind="plan")


def _exercise_list(day: PlanDay) -> tuple[Items, ...]:
    if not day.exercises:
        return ()
    items = tuple(
        Item(
            (exercise_link(planned), f": {dose_phrase(planned)}"),
            data=(("exercise", planned.exercise.id),),
        )
        for planned in day.exercises
    )
    return (Items(items, kind="exercises"),)


def steps_summary(result: PlanResult) -> str:
    """The step goal week by week in one sentence (for the sample weeks and the calendar)."""
    if result.steps is None:
        return ""
    weekly = ", ".join(numbers.steps(steps) for steps in result.steps.weekly)
    target = numbers.span(result.steps.target_low, result.steps.target_high, grouping=True)
    return f"Steps a day, week by week: {weekly}. The target is {target} a day."


def _steps_blocks(result: PlanResult) -> tuple[Block, ...]:
    if result.steps is None:
        return ()
    items = tuple(
        Item(
            (f"Week {week}: about {numbers.steps(steps)} steps a day",),
            data=(("week", str(week)),),
        )
        for week, steps in enumerate(result.steps.weekly, 1)
    )
    return (Heading("Your steps, week by week"), Items(items, kind="steps", ordered=True))


def steps_chart(result: PlanResult) -> tuple[Chart, ...]:
    """Daily steps week by week against the target (none on a referral)."""
    if result.steps is None:
        return ()
    target = (result.steps.target_low, result.steps.target_high)
    return (Chart("steps", charts.steps_chart(weekly=result.steps.weekly, target=target)),)


def view(result: PlanResult) -> View:
    """The whole plan result, as the page, the print view and the command line show it."""
    blocks: list[Block] = [*warnings(result.warnings)]
    if result.days:
        blocks.append(week_table(result))
    blocks += _steps_blocks(result)
    blocks += steps_chart(result)
    blocks += notes(result.timeline)
    blocks += notes(result.notes)
    blocks.append(SourceList(tuple(source.value for source in result.sources)))
    blocks.append(actions(result))
    return View(tuple(blocks))


def actions(result: PlanResult) -> Actions:
    """Share, print and (for a plan) add to a calendar."""
    buttons = [share_button(), Button("print", "Print my plan")]
    if result.status is Status.OK:
        buttons.append(
            Button(
                "calendar",
                "Add to my calendar (.ics)",
                data=(("failed", "The calendar file could not be made."),),
            )
        )
    return Actions(tuple(buttons))


def share_button() -> Button:
    """The "copy a link" button, with what the page says when it worked or could not."""
    return Button(
        "copy-link",
        "Copy a link to this result",
        data=(
            (
                "done",
                "Link copied. Anyone who opens it sees this result; nothing is stored anywhere.",
            ),
            ("fallback", "Copy this link:"),
            ("field-label", "Link to this result"),
        ),
    )


def calendar_saved(events: int) -> str:
    """What the page says when the calendar file is saved."""
    return (
        f"Calendar file saved with {numbers.plural(events, 'weekly session')}. Open it to add "
        "them to your calendar."
    )


def sample_week(result: PlanResult, summary: str, ability: str) -> tuple[str, Table, str]:
    """A ready-made week: its summary line, the same week table as the page, and its steps."""
    del ability  # the caller names the details element
    return summary, week_table(result), steps_summary(result)
