"""The "My progress" page: the reader's saved results over time, in words (issue 24).

In this order: the latest check's referrals (safety before any encouragement), what changed
since the check before and what it means for the plan, the charts, the results table (the
charts' table alternative, and what the appointment page also shows), the sessions done with
this week's ticks, and the plan in brief with the rebuild button. `calculators.progress` decides
(what changed, which lines were crossed, the level, the plan's dates); every sentence is here.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from calculators import evidence
from calculators.function import FunctionLevel
from calculators.plan import DAY_NAMES
from calculators.present import numbers
from calculators.present.calendar import MONTH_NAMES, long_date
from calculators.present.plan_notes import LEVEL_PLAN, LEVEL_START, PLUS_MEANS, missing_words
from calculators.present.progress_charts import charts
from calculators.present.query import ANSWERS_FRAGMENT
from calculators.present.record_buttons import CHECK, PLAN, SAVE_TEXT
from calculators.present.self_check import BAND_LABEL, PLAN_PAGE, handoff_query
from calculators.present.self_check import warnings as self_check_warnings
from calculators.present.view import (
    Actions,
    Block,
    Button,
    Cell,
    Column,
    Heading,
    Item,
    Items,
    Line,
    Link,
    Paragraph,
    Row,
    Section,
    Table,
    Value,
    View,
    Warning,
    cited,
)
from calculators.progress import (
    Crossing,
    Measure,
    Measured,
    PlanFit,
    Schedule,
    Trend,
    check_fit,
    compared,
    crossing,
    falls_risk_since,
    leading_findings,
    level_of,
    low_strength,
    measured,
    plan_level,
    plus_handed_off,
    positive_screen,
    schedule,
    slow_walk,
    trend,
)
from calculators.record import Record, SavedPlan
from calculators.results import Severity, Status
from calculators.self_check import Band

SELF_CHECK_PAGE = "tools/self-check/"
# The buttons the reader presses on the self-check and plan answers (the lead's record buttons).
SAVE_RESULT = SAVE_TEXT[CHECK]  # the buttons' own words (present/record_buttons.py)
SAVE_PLAN = SAVE_TEXT[PLAN]
REBUILD = "Make a new plan from my latest results"
BUILD = "Build a plan from my latest results"
# Two checks this far apart name their years in a sentence ("2 December 2026").
YEARS_APART_DAYS = 300


def view(record: Record, today: date, exercises: Sequence[object]) -> View:
    """The whole "My progress" page for a saved record, as of the reader's `today`."""
    if not record.checks and record.plan is None:
        return View((empty(),))
    checks = tuple(measured(check) for check in record.checks)
    latest = checks[-1] if checks else None
    days = None if record.plan is None else schedule(record.plan, exercises)
    alerts = () if latest is None else safety(latest)
    blocks: list[Block] = [*alerts]
    if latest is not None:
        blocks += what_changed(checks, record.plan, days, encourage=not alerts)
        # The charts, then their table alternative (also what the appointment page shows).
        blocks += [Heading("Your results over time"), *charts(checks), results_table(checks)]
    blocks += sessions(record, days, today)
    blocks += your_plan(record.plan, latest)
    return View(tuple(blocks))


def empty() -> Paragraph:
    """What the page will show, and how to fill it."""
    return Paragraph(
        (
            "This page will show your saved results over time, what changed, and the sessions "
            "you have done. To fill it, do the ",
            Link("self-check", SELF_CHECK_PAGE),
            f" and press “{SAVE_RESULT}” under its answer, and build a ",
            Link("weekly plan", PLAN_PAGE),
            f" and press “{SAVE_PLAN}”. What you save stays on this device.",
        )
    )


# ---------------------------------------------------------------- safety first


def safety(latest: Measured) -> tuple[Warning, ...]:
    """The latest check's referrals, worded as its answer words them, most urgent first."""
    leading = leading_findings(latest)
    # The self-check's alerts start with its findings, in the same order.
    worded = zip(latest.result.findings, self_check_warnings(latest.result), strict=False)
    when = f"From your self-check of {long_date(latest.day)}: "
    return tuple(
        Warning(shown.severity, when + shown.message)
        for finding, shown in worded
        if finding in leading
    )


# ---------------------------------------------------------------- what changed


def what_changed(
    checks: tuple[Measured, ...],
    plan: SavedPlan | None,
    days: Schedule | None,
    *,
    encourage: bool,
) -> tuple[Block, ...]:
    """The tests compared with the check before, the total and level, and what they mean."""
    latest = checks[-1]
    blocks: list[Block] = [Heading("What changed")]
    if len(checks) == 1:
        blocks.append(Paragraph(cited(one_check(latest, days))))
    else:
        before = checks[-2]
        lines = [change(test, before, latest) for test in compared(before, latest)]
        blocks.append(Items(tuple(Item(cited(line)) for line in lines), kind="changes"))
    level = level_of(latest)
    fit = None if plan is None else check_fit(latest, plan)
    up = len(checks) > 1 and _total_rose(checks[-2], latest)
    total = total_sentence(checks)
    if up and encourage and fit is not PlanFit.BELOW:
        total += " Well done."
    blocks.append(Paragraph(cited(total)))
    if level is not None and plan is not None and fit is not None:
        words = fit_sentence(fit, level, plan, encourage=encourage)
        blocks.append(Paragraph(cited(words), kind="suggestion"))
    if plan is not None and falls_risk_since(latest, plan):
        words = FALLS_SINCE + (f" {REBUILD_ADDS_BALANCE}" if plus_handed_off(latest) else "")
        blocks.append(Paragraph(cited(words), kind="suggestion"))
    return tuple(blocks)


# The latest check shows a falls risk the plan was not built with (M3's "+"): refer, and rebuild.
FALLS_SINCE = (
    "Your latest self-check shows a risk of falling that your plan was not made for: talk to "
    "your doctor or physiotherapist about it (M4)."
)
REBUILD_ADDS_BALANCE = (
    "A new plan from your latest results adds balance work on every day but the rest day, "
    "always holding on (M3)."
)


def one_check(latest: Measured, days: Schedule | None) -> str:
    """One result saved: a second will show the change, at the plan's re-tests."""
    saved = f"One self-check is saved, from {long_date(latest.day)}."
    retests = () if days is None else days.retests()
    if not retests:
        return (
            f"{saved} Do it again in about 4 weeks and save it: this page will then show what "
            "changed."
        )
    weeks = numbers.and_list([str(week) for week, _ in retests])
    starts = numbers.and_list([_day_month(start) for _, start in retests])
    return (
        f"{saved} A second one will show what changed: your plan has you re-test in weeks "
        f"{weeks} (from {starts})."
    )


def change(test: Measure, before: Measured, after: Measured) -> str:
    """One test measured in both checks, from the earlier to the later, with its points."""
    apart = (after.day - before.day).days > YEARS_APART_DAYS
    then, now = _when(before.day, years=apart), _when(after.day, years=apart)
    if test is Measure.CHAIR:
        return _chair(before, after, then, now)
    if test is Measure.BALANCE:
        return _balance(before, after, then, now)
    if test is Measure.WALK:
        return _walk(before, after, then, now)
    return _questions(before, after, then, now)


_GAIT_LINE = numbers.number(evidence.FALLS_GAIT_SPEED_BELOW, 1)
_CUT_OFF = evidence.SARC_F_POSITIVE_SCORE
# A line crossed between two checks, after the test's sentence: the chair stand's 15 s (S3), the
# walk's 0.8 m/s (M3, M4), the questions score's cut-off of 4 (F1).
CROSSED = {
    (Measure.CHAIR, Crossing.CLEARED): (
        f"That is now {numbers.number(evidence.CHAIR_STAND_LOW_ABOVE_SECONDS)} seconds or less: "
        "no longer a sign of low leg strength (S3)."
    ),
    (Measure.CHAIR, Crossing.FLAGGED): (
        "That is now a sign of low leg strength (S3): talk to your doctor about it."
    ),
    (Measure.WALK, Crossing.CLEARED): (
        f"That is now {_GAIT_LINE} metres a second or faster: slower than that is a sign of a "
        "risk of falling (M3, M4)."
    ),
    (Measure.WALK, Crossing.FLAGGED): (
        f"That is now under {_GAIT_LINE} metres a second: a sign of a risk of falling, and a "
        "reason to see a physiotherapist (M3, M4)."
    ),
    (Measure.QUESTIONS, Crossing.CLEARED): (
        f"That is now below the cut-off of {_CUT_OFF}, which does not rule muscle loss out (F1)."
    ),
    (Measure.QUESTIONS, Crossing.FLAGGED): (
        f"That is now at or above the cut-off of {_CUT_OFF}: {BAND_LABEL[Band.POSITIVE]} (F1)."
    ),
}


def _crossed(test: Measure, crossed: Crossing) -> str:
    """The line crossed, as a sentence after the test's (nothing when none was)."""
    words = CROSSED.get((test, crossed))
    return f" {words}" if words else ""


def _chair(before: Measured, after: Measured, then: str, now: str) -> str:
    points = _points(before.chair_points, after.chair_points)
    if before.chair_seconds is not None and before.chair_seconds == after.chair_seconds:
        words = (
            f"Your five chair rises took {_seconds(before.chair_seconds)} on {then} and on "
            f"{now}: {points}."
        )
    elif before.chair_seconds is not None and after.chair_seconds is not None:
        words = (
            f"Your five chair rises went from {_seconds(before.chair_seconds)} ({then}) to "
            f"{_seconds(after.chair_seconds)} ({now}): {points}."
        )
    elif after.chair_seconds is not None:
        words = (
            f"You could not finish five chair rises on {then}; on {now} they took "
            f"{_seconds(after.chair_seconds)}: {points}."
        )
    elif before.chair_seconds is not None:
        words = (
            f"Your five chair rises took {_seconds(before.chair_seconds)} on {then}; on {now} "
            f"you could not finish them: {points}."
        )
    else:
        words = f"You could not finish five chair rises on {then} or on {now}: {points}."
    return words + _crossed(Measure.CHAIR, crossing(low_strength(before), low_strength(after)))


def _balance(before: Measured, after: Measured, then: str, now: str) -> str:
    was, shown = before.balance_points or 0, after.balance_points or 0
    if was == shown:
        return f"Your balance stands scored {shown} of 4 points on {then} and on {now}."
    return (
        f"Your balance stands went from {numbers.plural(was, 'point')} ({then}) to "
        f"{numbers.plural(shown, 'point')} ({now}), out of 4."
    )


def _walk(before: Measured, after: Measured, then: str, now: str) -> str:
    if _walk_seconds(before) == _walk_seconds(after):
        return (
            f"Your 4 m walk took {_walk_seconds(after)} on {then} and on {now}: "
            f"{_speed(after)} metres a second, {_points(before.walk_points, after.walk_points)}."
        )
    words = (
        f"Your 4 m walk went from {_walk_seconds(before)} ({then}) to {_walk_seconds(after)} "
        f"({now}): from {_speed(before)} to {_speed(after)} metres a second, and "
        f"{_points(before.walk_points, after.walk_points)}."
    )
    return words + _crossed(Measure.WALK, crossing(slow_walk(before), slow_walk(after)))


def _questions(before: Measured, after: Measured, then: str, now: str) -> str:
    if before.sarc_f == after.sarc_f:
        words = f"Your questions score was {after.sarc_f} out of 10 on {then} and on {now}."
    else:
        words = (
            f"Your questions score went from {before.sarc_f} ({then}) to {after.sarc_f} "
            f"({now}) out of 10; higher means more signs of muscle loss."
        )
    crossed = crossing(positive_screen(before), positive_screen(after))
    return words + _crossed(Measure.QUESTIONS, crossed)


def total_sentence(checks: tuple[Measured, ...]) -> str:
    """All the tests together (the at-home SPPB, M1) and the level they allow (M3)."""
    latest = checks[-1]
    score, level = latest.sppb, level_of(latest)
    if score is None or level is None:
        return (
            f"Your self-check of {long_date(latest.day)} has no timed tests, so it gives no "
            "tests score or level."
        )
    if not score.complete:
        missing = missing_words(score.missing)
        # No level is claimed from tests not done (the table says "not all tests done"): only a
        # floor, when counting them as 0 still gives more than the lowest level.
        floor = (
            f" Even counting {missing} as 0 points, that is at least level {level.value} (M3)."
            if level is not FunctionLevel.A
            else ""
        )
        return (
            f"Without {missing}, your tests score on {_day_month(latest.day)} is somewhere from "
            f"{score.low} to {score.high} of 12, higher means stronger (M1).{floor} A level "
            f"needs every test: do {missing} next time."
        )
    before = _comparable(checks)
    if before is None or before.sppb is None:
        return (
            f"All your tests together scored {score.low} of 12 on {_day_month(latest.day)}, "
            f"higher means stronger (M1): that is level {level.value} (M3)."
        )
    apart = (latest.day - before.day).days > YEARS_APART_DAYS
    then, now = _when(before.day, years=apart), _when(latest.day, years=apart)
    if before.sppb.low == score.low:
        return (
            f"All your tests together scored {score.low} of 12 on {then} and on {now}, higher "
            f"means stronger (M1): that is level {level.value} (M3)."
        )
    return (
        f"All your tests together went from {before.sppb.low} ({then}) to {score.low} ({now}) "
        f"points of 12, higher means stronger (M1): that is level {level.value} (M3)."
    )


def _comparable(checks: tuple[Measured, ...]) -> Measured | None:
    """The check before the latest, when both have every test (a range is not compared)."""
    if len(checks) < 2:  # the latest and the one before
        return None
    before = checks[-2]
    return before if before.sppb is not None and before.sppb.complete else None


def _total_rose(before: Measured, after: Measured) -> bool:
    """Whether all the tests together scored more than in the check before (both complete)."""
    if before.sppb is None or after.sppb is None:
        return False
    if not (before.sppb.complete and after.sppb.complete):
        return False
    return trend(before.sppb.low, after.sppb.low) is Trend.UP


def fit_sentence(fit: PlanFit, level: FunctionLevel, plan: SavedPlan, *, encourage: bool) -> str:
    """What the latest level means for the saved plan; lower: ask a clinician first.

    "Keep going" only when no warning leads the page.
    """
    planned = plan_level(plan)[0]
    if fit is PlanFit.ABOVE:
        more = _lower_first(LEVEL_PLAN[level])
        return (
            f"Your plan is at level {plan.level}; your latest tests allow level {level.value}. "
            f"A new plan from your latest results could do more: {more} Press “{REBUILD}” "
            "below to see it."
        )
    if fit is PlanFit.UNKNOWN:
        return (
            f"Your plan is at level {plan.level}. Your latest tests are not all done, so they "
            "cannot say yet whether your plan still fits: do every test at your next re-test."
        )
    if fit is PlanFit.BELOW:
        return (
            f"Your latest tests put you at level {level.value}, below your plan's level "
            f"{planned.value}. Please talk to your doctor or physiotherapist before you go on "
            "with this plan: they can check what has changed and whether a gentler plan suits "
            "you now."
        )
    same = f"That is the level of your plan ({plan.level})"
    return f"{same}: keep going with it." if encourage else f"{same}."


# ---------------------------------------------------------------- the results table

COLUMNS = (
    "Date",
    "Questions score",
    "Five chair rises",
    "Balance stands",
    "4 m walk",
    "Tests score",
    "Level",
)
NOT_DONE = "not done"
NOT_ALL_DONE = "not all tests done"


def results_table(checks: tuple[Measured, ...]) -> Table:
    """One row per saved check, newest first: the latest is what a reader looks for first."""
    rows = tuple(_result_row(seen) for seen in reversed(checks))
    return Table(
        "Your saved self-check results, newest first",
        tuple(Column(text) for text in COLUMNS),
        rows,
        kind="progress-results",
    )


def _result_row(seen: Measured) -> Row:
    cells = (
        ("sarc_f", f"{seen.sarc_f} of 10"),
        ("chair", _chair_cell(seen)),
        (
            "balance",
            NOT_DONE if seen.balance_points is None else f"{seen.balance_points} of 4 points",
        ),
        ("walk", _walk_cell(seen)),
        ("sppb", _total_cell(seen)),
        ("level", _level_cell(seen)),
    )
    return Row(
        long_date(seen.day),
        tuple(Cell((Paragraph((Value(name, text),)),)) for name, text in cells),
        data=(("date", seen.day.isoformat()),),
    )


def _level_cell(seen: Measured) -> str:
    """The level, only from a complete set of tests.

    A doctor reading the table sees a level the tests really gave, never one a test not done
    pulled down (the sentences above explain the low end the plan uses).
    """
    if seen.sppb is None:
        return NOT_DONE
    level = level_of(seen)
    return level.value if seen.sppb.complete and level is not None else NOT_ALL_DONE


def _chair_cell(seen: Measured) -> str:
    if seen.chair_unable:
        return f"could not finish, {numbers.plural(0, 'point')}"
    if seen.chair_seconds is None or seen.chair_points is None:
        return NOT_DONE
    return f"{_seconds(seen.chair_seconds)}, {numbers.plural(seen.chair_points, 'point')}"


def _walk_cell(seen: Measured) -> str:
    if seen.walk_seconds is None or seen.walk_points is None:
        return NOT_DONE
    return f"{_walk_seconds(seen)}, {_speed(seen)} m/s, {numbers.plural(seen.walk_points, 'point')}"


def _total_cell(seen: Measured) -> str:
    if seen.sppb is None:
        return NOT_DONE
    shown = numbers.span(seen.sppb.low, seen.sppb.high)
    return f"{shown} of 12" if seen.sppb.complete else f"{shown} of 12 (not all done)"


# ---------------------------------------------------------------- sessions


def sessions(record: Record, days: Schedule | None, today: date) -> tuple[Block, ...]:
    """Sessions done each week against the plan, and this week's days to tick."""
    blocks: list[Block] = [Heading("Sessions done")]
    if days is None:
        blocks.append(
            Paragraph(
                (
                    "Save a plan to tick off your sessions here: build one with the ",
                    Link("weekly plan", PLAN_PAGE),
                    f" and press “{SAVE_PLAN}”.",
                )
            )
        )
        return tuple(blocks)
    if not days.weeks or not days.weekdays:
        blocks.append(Paragraph(("Your saved plan has no weekly sessions to tick.",)))
        return tuple(blocks)
    tallies = days.tallies(record.sessions, today)
    if tallies:
        rows = tuple(
            Row(
                f"Week {tally.week}, from {_weekday(tally.first_day)}",
                (
                    Cell((Paragraph((Value("done", str(tally.done)),)),)),
                    Cell((Paragraph((Value("planned", str(tally.planned)),)),)),
                ),
                data=(("week", str(tally.week)),),
            )
            for tally in tallies
        )
        columns = (Column("Week"), Column("Sessions done"), Column("Sessions planned"))
        blocks.append(Table("Sessions done each week of your plan", columns, rows))
    blocks += this_week(days, record, today)
    return tuple(blocks)


def this_week(days: Schedule, record: Record, today: date) -> tuple[Block, ...]:
    """The current week's session days: a tick button each up to today, the later ones named."""
    week = days.week_of(today)
    if today > days.last_day:
        ended = f"Your plan's {days.weeks} weeks ended on {long_date(days.last_day)}: build a "
        return (Paragraph((ended, Link("new plan", PLAN_PAGE), " to go on.")),)
    planned = days.this_week(record.sessions, today)
    ticks = tuple(
        Button(
            "session",
            f"{_weekday(day.day)}: done — undo"
            if day.done
            else f"Mark {_weekday(day.day)} as done",
            data=(("date", day.day.isoformat()), ("done", "1" if day.done else "0")),
        )
        for day in planned
        if not day.later
    )
    later = [_weekday(day.day) for day in planned if day.later]
    if week is None:
        starts = f"Your plan starts on {long_date(days.first_day)}."
        blocks: list[Block] = [
            Paragraph((f"{starts} Its first week's sessions: {numbers.and_list(later)}.",))
        ]
    else:
        lead = f"This week (week {week} of {days.weeks}): tick each session when you have done it."
        blocks = [Paragraph((lead,))]
        if ticks:
            blocks.append(in_place(Actions(ticks), "progress-ticks"))
        if later:
            blocks.append(Paragraph((f"Later this week: {numbers.and_list(later)}.",)))
    return (*blocks, *retest(days, today))


def retest(days: Schedule, today: date) -> tuple[Paragraph, ...]:
    """The re-test this week (with the way to the self-check), or when the next one is."""
    upcoming = days.next_retest(today)
    if upcoming is None:
        return ()
    week, start = upcoming
    if week == days.week_of(today):
        return (
            Paragraph(
                (
                    "This is a re-test week: do the ",
                    Link("self-check", SELF_CHECK_PAGE),
                    f" again and press “{SAVE_RESULT}”, and this page will show what changed.",
                )
            ),
        )
    return (Paragraph((f"Your next re-test is in week {week}, from {_weekday(start)}.",)),)


# ---------------------------------------------------------------- the plan in brief


def your_plan(plan: SavedPlan | None, latest: Measured | None) -> tuple[Block, ...]:
    """The saved plan's level and first day, and the button to rebuild it from the latest check."""
    blocks: list[Block] = [Heading("Your plan")]
    if plan is not None:
        letter, falls = plan_level(plan)
        line: Line = (
            Value("plan_level", f"Level {plan.level}"),
            f", {LEVEL_START[letter.value]}, from {long_date(plan.day)}: "
            f"{_lower_first(LEVEL_PLAN[letter])}",
        )
        blocks.append(Paragraph(line))
        if falls:
            blocks.append(Paragraph((PLUS_MEANS,)))
    elif latest is None:
        return ()
    else:
        blocks.append(Paragraph(("No plan is saved yet.",)))
    rebuild = _rebuild(plan, latest)
    if rebuild is not None:
        blocks.append(in_place(Actions((rebuild,)), "progress-rebuild"))
    return tuple(blocks)


def _rebuild(plan: SavedPlan | None, latest: Measured | None) -> Button | None:
    """The plan form, filled from the latest check (as its own "Build a plan from this").

    None without a check, and, as on the self-check, after an answer that stops the reader
    (a doctor first, not a plan) or refers them (under 18).
    """
    if latest is None or latest.result.status is Status.REFER:
        return None
    if any(shown.severity is Severity.STOP for shown in self_check_warnings(latest.result)):
        return None
    return Button(
        "rebuild",
        BUILD if plan is None else REBUILD,
        # In the fragment: the answers never reach a server (present/query.py).
        href=f"{PLAN_PAGE}#{ANSWERS_FRAGMENT}{handoff_query(latest.result)}",
        primary=True,
    )


# ---------------------------------------------------------------- small words


def in_place(actions: Actions, kind: str) -> Section:
    """Buttons where they belong on the page, on screen only.

    `html.render` lifts a view's own row of buttons above the answer (share, print): these
    belong beside the week or the plan they act on, under any warning.
    """
    return Section((actions,), "screen", kind=kind)


def _day_month(day: date) -> str:
    """A date as "2 December"."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]}"


def _when(day: date, *, years: bool) -> str:
    """A check's date in a sentence: "2 December", with the year when the checks are far apart."""
    return f"{_day_month(day)} {day.year}" if years else _day_month(day)


def _weekday(day: date) -> str:
    """A date as "Monday 7 December"."""
    return f"{DAY_NAMES[day.weekday()]} {_day_month(day)}"


def _seconds(value: Decimal) -> str:
    """A chair-rise time as the self-check judges it, one decimal: "16.2 s"."""
    return f"{numbers.number(value, evidence.CHAIR_STAND_DECIMAL_PLACES)} s"


def _walk_seconds(seen: Measured) -> str:
    """The walk's time as judged (hundredths, M1), one decimal unless the hundredths count."""
    judged = seen.sppb.walk_seconds if seen.sppb is not None else seen.walk_seconds
    assert judged is not None  # only called for a timed walk
    places = 1 if judged == round(judged, 1) else 2
    return f"{numbers.number(judged, places)} s"


def _speed(seen: Measured) -> str:
    """The walk's speed, two decimals: "0.73"."""
    assert seen.walk_speed is not None  # only called for a timed walk
    return numbers.number(seen.walk_speed, 2)


def _points(before: int | None, after: int | None) -> str:
    """A change of points: "from 2 to 3 points", or "still 2 points"."""
    was, now = before or 0, after or 0
    if was == now:
        return f"still {numbers.plural(now, 'point')}"
    return f"from {was} to {numbers.plural(now, 'point')}"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


__all__ = ["view"]
