"""One printed A4 page for the appointment: what the reader measured, when, and what to ask.

For a GP, physiotherapist or carer (issue 24 point 4): the saved results over time (the table
the "My progress" page shows, `present.progress.results_table`), what the latest self-check
flagged and advised (in the self-check's own words, `present.self_check`), the current plan in
brief, the sessions done lately, and the reader's questions with lines to write on. Plain words,
no calculator codes; the page's disclaimer and review dates (overrides/main.html) print under
it. One page for 1 to 6 checks: small tables, no chart (docs/stylesheets/extra.css, "the
appointment page").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from calculators import evidence
from calculators.plan import DAY_NAMES, PlanResult
from calculators.present import numbers
from calculators.present.calendar import long_date
from calculators.present.plan_notes import LEVEL_PLAN, LEVEL_START, PLUS_MEANS
from calculators.present.progress import COLUMNS, results_table
from calculators.present.progress_charts import day_text
from calculators.present.self_check import next_step, warnings
from calculators.present.view import (
    SEVERITY_TITLES,
    Block,
    Heading,
    Item,
    Items,
    Line,
    Paragraph,
    Section,
    Typed,
    Value,
    View,
)
from calculators.present.weeks import day_title
from calculators.progress import Measured, measured, plan_level, saved_plan, schedule
from calculators.record import Record, SavedPlan
from calculators.results import Status

TITLE = "My muscle strength checks"
# The results table keeps to the latest checks so the page stays one A4 sheet (issue 24).
SHOWN_CHECKS = 6
RECENT_DAYS = 28  # "the last 4 weeks" of sessions
WRITE_LINES = 4  # ruled lines under the questions, on paper only (fewer under long questions)
# About this many characters fit a printed line of the sheet at 10 pt (extra.css).
PRINTED_LINE_CHARACTERS = 110
FOOTER = (
    "Measured at home by the reader with Regain's self-check, following the instructions on "
    "the page: not a diagnosis."
)
# Each Vivifrail level (M3) in a few plain words, for the reader and the clinician alike.
LEVEL_MEANS = ("most limited", "frail", "pre-frail", "robust")


def view(record: Record, today: date, exercises: Sequence[object]) -> View:
    """The appointment page for a record, printed on the reader's `today`."""
    checks = tuple(measured(check) for check in record.checks)
    blocks: list[Block] = [
        # The date on the title's line: the sheet has no room to spare (one A4 page).
        Paragraph(
            (f"{TITLE}, printed on ", Value("printed", long_date(today))), "appointment-title"
        ),
    ]
    if checks:
        blocks += results(checks)
        blocks += advised(checks[-1])
    else:
        blocks.append(Paragraph(("No self-check result is saved yet.",)))
    if record.plan is not None:
        blocks += plan_brief(record, record.plan, today, exercises)
    blocks += questions(record.questions)
    blocks.append(Paragraph((FOOTER,), kind="appointment-footer"))
    return View(tuple(blocks))


def results(checks: tuple[Measured, ...]) -> tuple[Block, ...]:
    """The latest checks' table (as "My progress" shows it, dated short), and its key."""
    shown = checks[-SHOWN_CHECKS:]
    table = results_table(shown)
    # "1 Dec 2026", not "Tuesday 1 December 2026": each result keeps to one line of the sheet.
    short = {seen.day.isoformat(): day_text(seen.day) for seen in shown}
    caption = (
        f"My latest {len(shown)} of {len(checks)} saved self-check results, newest first"
        if len(checks) > len(shown)
        else "My saved self-check results, newest first"
    )
    rows = tuple(replace(row, header=short[dict(row.data)["date"]]) for row in table.rows)
    return (replace(table, caption=caption, rows=rows), Paragraph((KEY,), kind="appointment-key"))


def _levels() -> str:
    """The levels with their scores and meaning: "A 0–3, most limited; B 4–6, frail; …"."""
    bottoms = (0, *(top + 1 for top in evidence.VIVIFRAIL_LEVEL_TOPS[:-1]))
    return "; ".join(
        f"{letter} {numbers.span(bottom, top)}, {means}"
        for letter, bottom, top, means in zip(
            "ABCD", bottoms, evidence.VIVIFRAIL_LEVEL_TOPS, LEVEL_MEANS, strict=True
        )
    )


_TESTS_MOST = 3 * evidence.SPPB_PART_MAX
# The table's columns as "My progress" names them: the questions score and the tests score.
_QUESTIONS, _TESTS = COLUMNS[1], COLUMNS[5]
KEY = (
    f"{_QUESTIONS}: SARC-F (5 questions: strength, help walking, rising from a chair, stairs, "
    f"falls), 0–10; {evidence.SARC_F_POSITIVE_SCORE} or more is worth a strength check. "
    f"{_TESTS}: the at-home SPPB (balance stands, 4 m walk, five chair rises), "
    f"0–{_TESTS_MOST}, higher is stronger; a range when a test was not done. "
    f"Level (Vivifrail, from the tests score): {_levels()}."
)


def advised(latest: Measured) -> tuple[Block, ...]:
    """The latest check's falls and safety flags and next step, as its answer worded them."""
    result = latest.result
    alerts = warnings(result)
    blocks: list[Block] = [Heading(f"What the self-check of {long_date(latest.day)} advised")]
    if alerts:
        blocks.append(
            Items(
                tuple(
                    Item((f"{SEVERITY_TITLES[alert.severity]}: ", alert.message))
                    for alert in alerts
                ),
                kind="appointment-flags",
            )
        )
    else:
        blocks.append(Paragraph(("No falls or safety flag.",)))
    if result.status is not Status.REFER:
        blocks.append(Paragraph(("Next step: ", next_step(result))))
    return tuple(blocks)


def plan_brief(
    record: Record, plan: SavedPlan, today: date, exercises: Sequence[object]
) -> tuple[Block, ...]:
    """The saved plan: its level and start; its week, its exercises and the sessions done lately.

    Two paragraphs, each sentence run on: the sheet has room for little else.
    """
    letter, falls = plan_level(plan)
    result = saved_plan(plan, exercises)
    started = "starts" if plan.day > today else "started"
    level: Line = (
        Value("plan_level", f"Level {plan.level}"),
        f" ({LEVEL_START[letter.value]}), {started} on {long_date(plan.day)}"
        f"{_weeks(result)}: {LEVEL_PLAN[letter]}",
        *((f" {PLUS_MEANS}",) if falls else ()),
    )
    blocks: list[Block] = [Heading("My exercise plan"), Paragraph(level)]
    if result.weeks:
        week: Line = (
            f"Each week: {week_days(result)}. ",
            f"Exercises: {', '.join(exercise_names(result))}.",
            *done_lately(record, plan, today, exercises),
        )
        blocks.append(Paragraph(week))
    return tuple(blocks)


def _weeks(result: PlanResult) -> str:
    return f", for {numbers.plural(len(result.weeks), 'week')}" if result.weeks else ""


def week_days(result: PlanResult) -> str:
    """The week's days by what they hold: "Monday, Wednesday and Friday: Strength: …; …"."""
    by_title: dict[str, list[str]] = {}
    for day in result.days:
        by_title.setdefault(day_title(day), []).append(DAY_NAMES[day.day - 1])
    return "; ".join(f"{numbers.and_list(days)}: {title}" for title, days in by_title.items())


def exercise_names(result: PlanResult) -> tuple[str, ...]:
    """The first week's exercises by name, each once, in the order the week does them."""
    names = (planned.exercise.name for day in result.days for planned in day.exercises)
    return tuple(dict.fromkeys(names))


def done_lately(record: Record, plan: SavedPlan, today: date, exercises: Sequence[object]) -> Line:
    """Sessions ticked in the last 4 weeks against the plan's days then (none: nothing said)."""
    since = today - timedelta(days=RECENT_DAYS - 1)
    done = sum(since <= day <= today for day in record.sessions)
    if not done:
        return ()
    days = schedule(plan, exercises)
    planned = sum(
        since <= day <= today for week in range(1, days.weeks + 1) for day in days.dates(week)
    )
    return (
        " Sessions done in the last 4 weeks: ",
        Value("sessions_done", str(done)),
        f" of {planned} planned." if planned else ".",
    )


def questions(text: str) -> tuple[Block, ...]:
    """The reader's questions as typed (escaped, never read for markup), then lines to write on."""
    asked = [line.strip() for line in text.splitlines() if line.strip()]
    blocks: list[Block] = [Heading("My questions")]
    if asked:
        blocks += [Paragraph((Typed(line),), kind="appointment-question") for line in asked]
    else:
        blocks.append(Paragraph(("Questions to ask, and the answers:",)))
    # Long questions leave fewer lines to write on (a ruled line takes two printed lines' room),
    # so the sheet stays one page.
    printed = sum(-(-len(line) // PRINTED_LINE_CHARACTERS) for line in asked)
    ruled = max(1, WRITE_LINES - printed // 2)
    lines = tuple(Paragraph((), kind="write-line") for _ in range(ruled))
    blocks.append(Section(lines, "print", kind="appointment-lines"))
    return tuple(blocks)


__all__ = ["TITLE", "view"]
