"""The plan answer as a reader sees it: her level, the programme, the printout and its buttons.

One view for the page (through the wire's HTML), the print view and the command line; the
weeks' own phrases (day titles, doses, the folds of weeks) are `present.weeks`'s, and the
printout's box of signs is `present.callouts.safety_blocks`.
"""

from __future__ import annotations

from typing import cast

from calculators.exercises import Exercise, Position, Support
from calculators.plan import (
    DAY_NAMES,
    DayKind,
    PlanDay,
    PlannedExercise,
    PlanNote,
    PlanResult,
    PlanWeek,
)
from calculators.present import charts
from calculators.present.callouts import safety_blocks
from calculators.present.forms import calendar_options
from calculators.present.plan_notes import (
    alerts,
    level_blocks,
    note_lines,
    timeline_lines,
)
from calculators.present.record_buttons import PLAN, save_button
from calculators.present.view import (
    Actions,
    Block,
    Button,
    Cell,
    Chart,
    Column,
    Item,
    Items,
    Line,
    Link,
    Paragraph,
    Row,
    Section,
    Table,
    Typed,
    View,
    notes,
    warnings,
)
from calculators.present.view import Sources as SourceList
from calculators.present.weeks import (
    ANSWER_FOLDS,
    EXERCISE_PAGE,
    day_title,
    dose_phrase,
    drawing,
    phases,
    programme_blocks,
    short_dose,
    walking_line,
    week_title,
    weeks_label,
)
from calculators.results import Status


def steps_chart(result: PlanResult) -> tuple[Chart, ...]:
    """Daily steps week by week against the target (none without a step goal)."""
    if result.steps is None:
        return ()
    target = (result.steps.target_low, result.steps.target_high)
    return (Chart("steps", charts.steps_chart(weekly=result.steps.weekly, target=target)),)


def view(result: PlanResult) -> View:
    """The whole plan result, as the page, the print view and the command line show it.

    On paper the long week-by-week programme gives way to a compact printout (`printout`).
    """
    blocks: list[Block] = [*print_title(result), *level_blocks(result)]
    blocks += warnings(alerts(result))
    if result.weeks:
        blocks += [Section(programme_blocks(result), "screen"), printout(result)]
    blocks += steps_chart(result)
    blocks += notes(timeline_lines(result))
    blocks += notes(note_lines(result.notes))
    blocks.append(SourceList(tuple(source.value for source in result.sources)))
    blocks.append(actions(result))
    return View(tuple(blocks))


def wire(result: PlanResult) -> dict[str, object]:
    """The result as the wire carries it: its reasons, with warnings, titles and doses worded."""
    mapping = result.to_wire()
    mapping["days"] = _days_wire(mapping["days"], result.days)
    mapping["weeks"] = [
        {
            **_worded(shown, "learning", "title", week_title(week)),
            "days": _days_wire(shown["days"], week.days),
        }
        for shown, week in zip(_mappings(mapping["weeks"]), result.weeks, strict=True)
    ]
    mapping["warnings"] = [shown.to_wire() for shown in alerts(result)]
    return mapping


def _days_wire(days: object, planned_days: tuple[PlanDay, ...]) -> list[dict[str, object]]:
    """The days' wire mappings (`PlanDay.to_wire`), their titles and doses in words."""
    return [
        {
            **_worded(shown, "kind", "title", day_title(day)),
            "exercises": [
                _worded(exercise, "note", "dose", dose_phrase(planned))
                for exercise, planned in zip(
                    _mappings(shown["exercises"]), day.exercises, strict=True
                )
            ],
        }
        for shown, day in zip(_mappings(days), planned_days, strict=True)
    ]


def _mappings(value: object) -> list[dict[str, object]]:
    """A list of the wire's mappings, as `to_wire` built it."""
    return cast("list[dict[str, object]]", value)


def _worded(mapping: dict[str, object], before: str, key: str, words: str) -> dict[str, object]:
    """`mapping` with `key: words` put just before `before`, where the wire has always had it."""
    worded: dict[str, object] = {}
    for name, value in mapping.items():
        if name == before:
            worded[key] = words
        worded[name] = value
    return worded


def print_title(result: PlanResult) -> tuple[Section, ...]:
    """The printout's title: the plan (for the reader's name, if given), not the page's."""
    if not result.weeks:
        return ()
    title: Line = (f"Your {len(result.weeks)}-week exercise plan",)
    if result.print_name:
        # The name is the reader's text: "Ann (E3)" stays literal, never a citation.
        title = (f"{len(result.weeks)}-week exercise plan for ", Typed(result.print_name))
    return (Section((Paragraph(title, kind="print-title"),), "print"),)


# Paper cannot link to each exercise's own safety note (data/exercises.yml `safety`): the rules
# they share, once. Wording from those notes and the breathing cue of the guide.
PRINT_SAFETY = (
    "Safety for every exercise: put your chair against a wall so it cannot slide; do balance "
    "work holding a counter, with a chair behind you; breathe out as you push, never hold your "
    "breath; stop and sit down if you feel dizzy or if it hurts."
)
SHORT_DOSE_KEY = (
    "2 × 10–12 means 2 sets of 10 to 12 repetitions; 2 × 20 s means hold for 20 seconds, twice. "
    "Each side: do them with one leg or arm, then the other. The minutes by each day: about how "
    "long the session takes, our estimate from its exercises (common practice, not a study "
    "figure)."
)
GRID_CAPTION = "Tick a box for each day you do your session"
# Levels A-B stand up with their hands (M3's frailer levels); paper says so on every sit-to-stand.
ARMRESTS = "Use the armrests if you need to."
ARMREST_LEVELS = frozenset({"A", "B"})
# Level B stands only with support (M3, M5): on paper every standing move says where to stand.
SUPPORTED_LEVEL = "B"
STANDING = frozenset({Position.STANDING_SUPPORTED, Position.STANDING_UNSUPPORTED})
AT_A_COUNTER = "Hold a kitchen counter, with a sturdy chair behind you."
STANDING_AT_LEVEL_B = {
    Support.COUNTER: "Hold the counter, with a sturdy chair behind you.",
    Support.WALL: "Keep a sturdy chair behind you; a stretch can be done holding a kitchen "
    "counter instead of the wall.",
}


def printout(result: PlanResult) -> Section:
    """The programme on paper at 12 pt for the fridge (issue 22): five A4 pages for a 3-day plan.

    tests/test_browser_readers.py counts the pages by level.

    One table: each day's exercises with a how-to line, how much to do in each run of weeks in
    columns; the versions later weeks move to, each in one how-to line; the days' notes once;
    the walking goal in one line; and the signs to stop and get help.
    """
    later = later_versions(result)
    return Section(
        (
            print_table(result),
            Paragraph((SHORT_DOSE_KEY,)),
            tick_grid(result),
            Paragraph((PRINT_SAFETY,)),
            *((Paragraph(("Later weeks move on to:",)), later) if later.items else ()),
            *notes(day_notes(result), kind="print-notes"),
            Paragraph((_walking_words(walking_line(result)),)),
            *safety_blocks(),
        ),
        "print",
        kind="printout",
    )


def _walking_words(line: str) -> str:
    """The walking goal on paper, said once as "Walking: …"."""
    return line if line.startswith("Walking") else f"Walking: {line}"


def print_table(result: PlanResult) -> Table:
    """The 12 weeks in one table: a row per exercise of each day, a column per run of weeks.

    Rows have no header cell: the day's row names the day, and paper needs no row headers.

    The day's exercises keep their places from week to week (a harder version takes the
    easier one's place), so a column shows what to do in those weeks: the dose, and the
    exercise's name too where it is not the one in the first column.
    """
    runs = phases(result)
    level = result.assessment.level.value if result.assessment else ""
    rows: list[Row] = []
    shown: set[str] = set()
    for index, day in enumerate(result.weeks[0].days):
        name = DAY_NAMES[day.day - 1]
        if not day.exercises:
            rows.append(
                Row("", (Cell((Paragraph((f"{name}: {' '.join(note_lines(day.notes))}",)),)),))
            )
            continue
        minutes = tuple(
            Cell((Paragraph((f"{run[0].days[index].session_minutes} min",), kind="dose"),))
            for run in runs
        )
        title = Cell((Paragraph((f"{name}: {day_title(day)}",), kind="day"),))
        rows.append(Row("", (title, *minutes), data=(("kind", "day"),)))
        for slot, first in enumerate(day.exercises):
            exercise = first.exercise
            new = exercise.id not in shown
            how = _paper_how(exercise, level) if new else "as above."
            shown.add(exercise.id)
            planned = tuple(run[0].days[index].exercises[slot] for run in runs)
            doses = tuple(Cell((Paragraph((short_dose(p.dose),), kind="dose"),)) for p in planned)
            link = Link(_print_name(first), f"{EXERCISE_PAGE}#{exercise.id}")
            named = Paragraph((link, f": {how}", *_moves_on(runs, planned)))
            # The drawing where the how-to is written, beside it (extra.css floats it right).
            drawn = drawing(exercise) if new else None
            rows.append(Row("", (Cell((named,) if drawn is None else (drawn, named)), *doses)))
    columns = (Column("Exercise and how to do it"), *(Column(weeks_label(run)) for run in runs))
    caption = f"Your {len(result.weeks)} weeks: what to do and how much"
    return Table(caption, columns, tuple(rows), kind="print-plan")


def _paper_how(exercise: Exercise, level: str) -> str:
    """An exercise's how-to line on paper, with what the reader's level adds.

    Levels A–B: "use the armrests" on every sit-to-stand; level B: where to stand for every
    standing move (a counter, a chair behind).
    """
    how = exercise.how
    if level in ARMREST_LEVELS and exercise.id.startswith("sit-to-stand"):
        how = f"{how} {ARMRESTS}"
    if level == SUPPORTED_LEVEL and exercise.position in STANDING:
        how = f"{how} {STANDING_AT_LEVEL_B.get(exercise.support, AT_A_COUNTER)}"
    return how


def tick_grid(result: PlanResult) -> Table:
    """A week × day grid of boxes to tick on the fridge; the rest day is marked, not boxed."""
    days = result.weeks[0].days
    columns = (Column("Week"), *(Column(DAY_NAMES[day.day - 1][:3]) for day in days))
    rows = tuple(
        Row(
            str(week.week),
            tuple(
                Cell((Paragraph(("rest",)),)) if day.kind is DayKind.REST else Cell((), True)
                for day in week.days
            ),
        )
        for week in result.weeks
    )
    return Table(GRID_CAPTION, columns, rows, kind="print-grid")


def _print_name(planned: PlannedExercise) -> str:
    """An exercise's name on paper, with "each side" when the dose is for each side."""
    return f"{planned.exercise.name}, each side" if planned.dose.per_side else planned.exercise.name


def _moves_on(
    runs: tuple[tuple[PlanWeek, ...], ...], planned: tuple[PlannedExercise, ...]
) -> tuple[str, ...]:
    """Where later weeks take another version, e.g. " From week 3: Squat."."""
    moves = [
        f"from week {run[0].week}: {_print_name(now)}"
        for run, before, now in zip(runs[1:], planned, planned[1:], strict=False)
        if _print_name(now) != _print_name(before)
    ]
    if not moves:
        return ()
    sentence = "; ".join(moves)
    return (f" {sentence[0].upper()}{sentence[1:]}.",)


def day_notes(result: PlanResult) -> tuple[str, ...]:
    """The notes the training days repeat, once each, unless the plan's notes already say them."""
    seen: dict[PlanNote, None] = {}
    for week in result.weeks:
        for day in week.days:
            if day.exercises:
                seen.update((note, None) for note in day.notes if note not in result.notes)
    return note_lines(tuple(seen))


def later_versions(result: PlanResult) -> Items:
    """The versions later weeks move to (week 1 does not use them), each in one how-to line."""
    found: dict[str, Exercise] = {}
    first = {planned.exercise.id for day in result.days for planned in day.exercises}
    for week in result.weeks:
        for day in week.days:
            for planned in day.exercises:
                if planned.exercise.id not in first:
                    found.setdefault(planned.exercise.id, planned.exercise)
    items = tuple(
        Item(
            (Link(exercise.name, f"{EXERCISE_PAGE}#{exercise.id}"), f": {exercise.how}"),
            drawing=drawing(exercise),
        )
        for exercise in found.values()
    )
    return Items(items, kind="how")


def actions(result: PlanResult) -> Actions:
    """Share, print and (for a plan) add to a calendar."""
    buttons = [share_button(), Button("print", "Print my plan")]
    if result.status is Status.OK:
        buttons.append(save_button(PLAN))
        buttons.append(
            Button(
                "calendar",
                "Add to my calendar",
                data=(("failed", "The calendar file could not be made."),),
                options=calendar_options(len(result.weeks)),
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


def sample_programme(result: PlanResult) -> tuple[Block, ...]:
    """A ready-made programme: the same level, weeks and week list as the page.

    Its folds are a group of their own (one per level), apart from the live answer's.
    """
    fold = f"rg-sample-weeks-{result.assessment.level.value.lower()}" if result.assessment else ""
    return (*level_blocks(result), *programme_blocks(result, fold or ANSWER_FOLDS))
