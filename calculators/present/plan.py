"""The 12-week programme as a reader sees it: one phrase per day title and per dose, one view.

Used by the page (through the wire's HTML), the ready-made sample weeks, the command line and
the calendar file, so "whole body" and "2 sets of 8–12 reps, each side" read the same in all.
"""

from __future__ import annotations

from datetime import date
from itertools import groupby
from typing import cast

from calculators.evidence import Source
from calculators.exercises import Exercise, Position, Support
from calculators.function import FALLS_TRIGGER_RULE, level_for_score
from calculators.plan import (
    DAY_NAMES,
    DayKind,
    Dose,
    Muscles,
    PlanDay,
    PlannedExercise,
    PlanNote,
    PlanResult,
    PlanWeek,
    span_text,
)
from calculators.present import callouts, charts, numbers, triage
from calculators.present.forms import calendar_options, reminder_time
from calculators.present.plan_notes import (
    LEVEL_PLAN,
    LEVEL_SENTENCE,
    alerts,
    note_lines,
    timeline_lines,
    walk_text,
)
from calculators.present.view import (
    Actions,
    Block,
    Button,
    Cell,
    Chart,
    Column,
    Fold,
    Group,
    Heading,
    Item,
    Items,
    Line,
    Link,
    Move,
    Paragraph,
    Row,
    Section,
    Table,
    Typed,
    Value,
    View,
    Warning,
    notes,
    warnings,
)
from calculators.present.view import Sources as SourceList
from calculators.results import Severity, Status
from calculators.schedule import CalendarChoices, Reminder
from calculators.triage import Box, Level, Rule

WEEK_CAPTION = "Your week"
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
            ),
            data=(("week", str(week.week)),),
        )
        for week in result.weeks
    )
    return Items(items, kind="weeks", ordered=True)


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


def steps_summary(result: PlanResult) -> str:
    """The walking goal week by week (kept for the sample weeks)."""
    return walking_line(result)


# Each level as a start, in the reader's words (Vivifrail A–D, M3): what the plan therefore does
# is `plan_notes.LEVEL_PLAN`.
LEVEL_START = {
    "A": "the gentlest start",
    "B": "a supported start",
    "C": "a steady start",
    "D": "the fullest start",
}
PLUS_MEANS = (
    "The “+” after the level means a higher risk of falling: the plan adds balance work on "
    "every day but the rest day, always holding on, and suggests a falls assessment."
)
TESTS_SCORE_MEANS = "out of 12; higher means stronger"


def level_blocks(result: PlanResult) -> tuple[Block, ...]:
    """What the reader's tests (or her own choice) show, and what the plan therefore does.

    Her tests or her choice first, in her words; never a first-person sentence she did not pick
    (issue 22). The "+" is explained where it shows.
    """
    assessment = result.assessment
    if assessment is None:
        return ()
    letter = assessment.level.value
    what = LEVEL_PLAN[assessment.level]
    what = what[0].lower() + what[1:]
    named = (Value("level", assessment.label), f", {LEVEL_START[letter]}: {what}")
    score = assessment.score
    tests = ""
    if score is not None:
        points = f"{score.low}" if score.complete else f"{score.low} to {score.high}"
        tests = f"your tests (score {points} {TESTS_SCORE_MEANS})"
    chosen = assessment.chosen
    measured = level_for_score(score.low) if score is not None else None
    if chosen is not None and chosen is assessment.level:
        allowed = f", and {tests} allow it:" if tests else " That puts you at"
        lead: tuple[str | Value, ...] = (f"You chose “{LEVEL_SENTENCE[chosen]}”{allowed} ", *named)
    elif measured is assessment.level:
        lead = (f"{tests[0].upper()}{tests[1:]} put you at ", *named)
    else:  # set by a safety rule (blackouts: seated until a doctor has checked); notes say why
        lead = ("Your plan starts at ", *named)
    blocks: list[Block] = [Paragraph(lead, kind="headline")]
    if assessment.falls:
        # The reasons are the triage's sentences ("You walk slower … seconds)."): mid-sentence here.
        clauses = [
            triage.sign(FALLS_TRIGGER_RULE[trigger]).text().rstrip(".")
            for trigger in assessment.falls
        ]
        because = "; and ".join(clause[:1].lower() + clause[1:] for clause in clauses)
        blocks.append(Paragraph((f"Extra balance work, because {because}. {PLUS_MEANS}",)))
    return tuple(blocks)


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


def safety_blocks() -> tuple[Block, ...]:
    """The triage table's emergency and falls boxes, short enough for paper.

    Each emergency sign (M7) on its own line; the after-fall emergencies and each other level
    one line, the signs' key words only (the page's boxes give the rest).
    """
    # The page boxes' own sections (present.callouts): the same rules, in the same order.
    rules = tuple(
        dict.fromkeys(
            rule
            for box in (Box.EMERGENCY, Box.FALLS)
            for section in callouts.sections(box)
            for rule in section.rules
        )
    )
    fall_prefix = "After a fall: "
    ambulance = [r for r in rules if r.level is Level.AMBULANCE]
    now = [r for r in ambulance if not triage.sign(r).key.startswith(fall_prefix)]
    after_fall = [r for r in ambulance if r not in now]
    # On paper the sign itself; what it may be ("It can be a stroke") stays on the page.
    items = [
        Item((triage.sign(rule).text().split(". It can be")[0].rstrip(".") + ".",)) for rule in now
    ]
    if after_fall:
        items.append(Item((f"{fall_prefix}{_keys(after_fall, fall_prefix)}.",)))
    # The same-day signs; the reader's own referrals (falls, physiotherapist) are the plan's
    # warnings, and the page's boxes list them all.
    others = [rule for rule in rules if rule.level is Level.DOCTOR_TODAY]
    for level, group in groupby(others, key=lambda rule: rule.level):
        items.append(Item((f"{triage.HEADING[level]}: {_keys(list(group))}.",)))
    # Paper cites the row the box rests on (M7); the page has every source.
    return (
        Warning(
            Severity.STOP,
            f"Stop and call an ambulance on {triage.call_numbers()} for any one of these "
            f"({Source.M7.value}):",
            heading="Stop and get help",
            items=tuple(items),
        ),
    )


def _without_cause(sign: str) -> str:
    """A sign without what it may be: "... It can be a stroke." is left to the page."""
    return sign.split(". It can be", maxsplit=1)[0].rstrip(".") + "."


def _keys(rules: list[Rule], prefix: str = "") -> str:
    """The signs' key words joined with semicolons: "a fall hurt you; you fell 2 or more times"."""
    keys = [triage.sign(rule).key.removeprefix(prefix).rstrip(".:,") for rule in rules]
    return "; ".join(key[0].lower() + key[1:] for key in keys)


def actions(result: PlanResult) -> Actions:
    """Share, print and (for a plan) add to a calendar."""
    buttons = [share_button(), Button("print", "Print my plan")]
    if result.status is Status.OK:
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


def long_date(day: date) -> str:
    """A date in words, the same in every browser: "Thursday 26 November 2026"."""
    return f"{DAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def calendar_span(weeks: int, first: date, last: date) -> str:
    """The weeks a calendar file covers: "12 weeks, from … to …"."""
    return f"{numbers.plural(weeks, 'week')}, from {long_date(first)} to {long_date(last)}"


def calendar_saved(span: str, sessions: int, days: int, choices: CalendarChoices) -> str:
    """What the page says when the calendar file is saved: what it covers, when, reminders.

    `span` is `calendar_span`'s "12 weeks, from … to …".
    """
    reminder = choices.reminder
    alarm = (
        "no reminder"
        if reminder is Reminder.NONE
        else f"a reminder {reminder_time(reminder)} before each"
    )
    return (
        f"Calendar file saved. It covers {span}: {numbers.plural(sessions, 'session')}, "
        f"{numbers.plural(days, 'day')} a week at {choices.session_time:%H:%M}, with {alarm}. "
        "Open the file to add them to your calendar."
    )


def sample_programme(result: PlanResult) -> tuple[Block, ...]:
    """A ready-made programme: the same level, weeks and week list as the page.

    Its folds are a group of their own (one per level), apart from the live answer's.
    """
    fold = f"rg-sample-weeks-{result.assessment.level.value.lower()}" if result.assessment else ""
    return (*level_blocks(result), *programme_blocks(result, fold or ANSWER_FOLDS))
