"""The saved self-checks as measurements (calculators.progress): recomputed from the answers."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from calculators.function import FunctionLevel
from calculators.plan import PlanInput, weekly_plan
from calculators.present import html, numbers, text
from calculators.present.calendar import long_date
from calculators.present.progress import view as progress_view
from calculators.present.self_check import handoff_query
from calculators.present.view import (
    Actions,
    Cell,
    Chart,
    Cite,
    Items,
    Line,
    Paragraph,
    Table,
    Value,
    View,
    Warning,
)
from calculators.present.view import Section as ViewSection
from calculators.progress import (
    Crossing,
    Measure,
    PlanFit,
    compared,
    crossing,
    leading_findings,
    level_of,
    measured,
    plan_fit,
    plus_handed_off,
    schedule,
    slow_walk,
)
from calculators.record import Record, SavedCheck, SavedPlan, Section, saved_entry
from calculators.triage import RuleId

ROOT = Path(__file__).resolve().parent.parent

QUESTIONS = {"strength": "1", "assistance": "0", "rise": "1", "climb": "1", "falls": "0"}
TESTS = {
    "chair_stand_seconds": "16.2",
    "balance_side_by_side_seconds": "10",
    "balance_semi_tandem_seconds": "10",
    "balance_tandem_seconds": "5",
    "walk_4m_seconds": "5.5",
}


def check(answers: dict[str, str]) -> SavedCheck:
    """A saved self-check made from form answers, as the page saves it."""
    entry = saved_entry(Section.CHECKS, "2026-11-01", answers)
    assert isinstance(entry, SavedCheck)
    return entry


def test_a_complete_check_gives_each_tests_points_the_total_and_the_saved_level() -> None:
    """The figures are the self-check's own, recomputed from the saved answers."""
    seen = measured(check(QUESTIONS | TESTS))
    assert (seen.sarc_f, seen.chair_points, seen.balance_points, seen.walk_points) == (3, 2, 3, 3)
    assert seen.walk_speed == Decimal("0.73")
    assert seen.sppb is not None
    assert (seen.sppb.low, seen.sppb.high, seen.level) == (8, 8, FunctionLevel.C)


def test_a_check_without_tests_has_no_sppb_and_no_level() -> None:
    """Answers only: nothing measured, so nothing to draw."""
    seen = measured(check(QUESTIONS))
    assert (seen.sppb, seen.level, seen.balance_points, seen.walk_speed) == (None, None, None, None)


def test_a_chair_stand_not_finished_scores_zero_and_keeps_no_time() -> None:
    """Not finishing wins over a time given with it, as in the self-check."""
    seen = measured(check(QUESTIONS | {"chair_stand_unable": "true", "chair_stand_seconds": "12"}))
    assert (seen.chair_seconds, seen.chair_unable, seen.chair_points) == (None, True, 0)
    assert seen.balance_points is None  # no stand tried


# ---------------------------------------------------------------- what changed, and the plan

EXERCISES = yaml.safe_load((ROOT / "data" / "exercises.yml").read_text(encoding="utf-8"))
PLAN_C = {"age": "70", "strength_days": "3", "focus": "general", "ability": "tires-quickly"}


def checked(day: str, answers: dict[str, str]) -> SavedCheck:
    """A saved self-check of `day`."""
    entry = saved_entry(Section.CHECKS, day, answers)
    assert isinstance(entry, SavedCheck)
    return entry


def saved_plan(day: str, answers: dict[str, str] = PLAN_C) -> SavedPlan:
    """A saved plan starting on `day`."""
    entry = saved_entry(Section.PLAN, day, answers)
    assert isinstance(entry, SavedPlan)
    return entry


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        ("5.5", "4.6", Crossing.CLEARED),  # 0.73 -> 0.87 m/s
        ("4.6", "5.5", Crossing.FLAGGED),
        ("5", "4.9", Crossing.NONE),  # exactly 0.8 m/s is not slow (M3, M4)
        ("5.01", "5", Crossing.CLEARED),
    ],
)
def test_the_walk_crossing_0_8_metres_a_second_is_found(
    before: str, after: str, expected: Crossing
) -> None:
    """The 0.8 m/s line is the triage table's: under it is slow."""
    seen = [measured(check(QUESTIONS | {"walk_4m_seconds": t})) for t in (before, after)]
    assert crossing(slow_walk(seen[0]), slow_walk(seen[1])) is expected


def test_only_tests_measured_in_both_checks_are_compared() -> None:
    """A test done once has nothing to compare; the questions are always answered."""
    first = measured(check(QUESTIONS | {"chair_stand_seconds": "16.2", "walk_4m_seconds": "6"}))
    second = measured(check(QUESTIONS | {"chair_stand_unable": "true"}))
    assert compared(first, second) == (Measure.CHAIR, Measure.QUESTIONS)


def test_an_incomplete_check_takes_the_low_end_of_its_level() -> None:
    """A test not done counts 0 (never over-rate, M1/M3), whether or not a level was saved."""
    no_walk = measured(
        check(QUESTIONS | {k: v for k, v in TESTS.items() if k != "walk_4m_seconds"})
    )
    assert no_walk.sppb is not None
    assert (no_walk.sppb.low, no_walk.sppb.high, level_of(no_walk)) == (5, 9, FunctionLevel.B)
    no_chair = measured(check(QUESTIONS | {k: v for k, v in TESTS.items() if "chair" not in k}))
    assert (no_chair.level, level_of(no_chair)) == (None, FunctionLevel.B)  # 3 + 3 points


@pytest.mark.parametrize(
    ("level", "plan", "fit"),
    [("D", "C", PlanFit.ABOVE), ("C", "C+", PlanFit.SAME), ("B", "C", PlanFit.BELOW)],
)
def test_the_latest_level_is_set_against_the_plans_letter(
    level: str, plan: str, fit: PlanFit
) -> None:
    """The "+" is falls risk, not a level: C against C+ is the same level."""
    saved = SavedPlan(date(2026, 12, 7), (), plan)
    assert plan_fit(FunctionLevel(level), saved) is fit


def test_a_falls_finding_leads_and_good_to_know_does_not() -> None:
    """Four or more falls (a falls assessment) leads; 1 to 3 falls is only good to know."""
    many = measured(check(QUESTIONS | {"falls": "2"}))
    some = measured(check(QUESTIONS | {"falls": "1"}))
    assert [f.rule.id for f in leading_findings(many)] == [RuleId.TWO_OR_MORE_FALLS]
    assert leading_findings(some) == ()


# ---------------------------------------------------------------- sessions


def test_sessions_are_counted_per_plan_week_up_to_today() -> None:
    """Weeks run from the plan's first day (a Wednesday here), 7 days each, up to today's."""
    plan = schedule(saved_plan("2026-12-02"), EXERCISES)
    assert plan.weeks == 12
    assert len(plan.weekdays) == 6  # every day but the rest day
    done = [date(2026, 12, d) for d in (2, 3, 8, 9, 10, 15)]
    tallies = plan.tallies(done, today=date(2026, 12, 16))
    assert [(t.week, t.first_day.day, t.done, t.planned) for t in tallies] == [
        (1, 2, 3, 6),
        (2, 9, 3, 6),  # the 8th is still week 1
        (3, 16, 0, 6),
    ]
    assert plan.tallies(done, today=date(2026, 12, 1)) == ()


def test_this_weeks_days_after_today_cannot_be_ticked_yet() -> None:
    """Today and earlier carry their tick; later days are marked later."""
    plan = schedule(saved_plan("2026-12-07"), EXERCISES)  # a Monday
    days = plan.this_week([date(2026, 12, 7)], today=date(2026, 12, 9))
    assert [d.day.weekday() for d in days] == sorted(plan.weekdays)
    assert all(d.later == (d.day > date(2026, 12, 9)) for d in days)
    assert [d.day for d in days if d.done] == [date(2026, 12, 7)]
    assert plan.this_week([], today=plan.last_day + timedelta(days=1)) == ()
    assert all(d.later for d in plan.this_week([], today=date(2026, 12, 1)))


def test_the_retest_weeks_start_4_8_and_12_weeks_in() -> None:
    """Weeks 4, 8 and 12 (evidence.RETEST_WEEKS) as dates."""
    plan = schedule(saved_plan("2026-12-07"), EXERCISES)
    assert plan.retests() == (
        (4, date(2026, 12, 28)),
        (8, date(2027, 1, 25)),
        (12, date(2027, 2, 22)),
    )


# ---------------------------------------------------------------- the page (present/progress.py)

FULL = TESTS  # 8 of 12: chair 16.2 s (2), balance 3, walk 5.5 s (3); level C
TODAY = date(2027, 1, 6)  # a Wednesday in week 5 of a plan started on Monday 7 December
SAVED_PLAN_C = saved_plan("2026-12-07")


def said(shown: View) -> list[str]:
    """The page's sentences in order (warnings with their title), a citation as its ids."""

    def line(parts: Line) -> str:
        return "".join(
            f"({', '.join(p.ids)})" if isinstance(p, Cite) else p if isinstance(p, str) else p.text
            for p in parts
        )

    out: list[str] = []
    for block in shown.blocks:
        if isinstance(block, Warning):
            out.append(f"{block.title}: {block.message}")
        elif isinstance(block, Paragraph):
            out.append(line(block.line))
        elif isinstance(block, Items):
            out += [line(item.line) for item in block.items]
    return out


def page(checks: tuple[tuple[str, dict[str, str]], ...], plan: SavedPlan | None) -> View:
    """The progress page for saved checks (day, answers) and a plan, on `TODAY`."""
    saved = tuple(checked(day, answers) for day, answers in checks)
    return progress_view(
        Record(saved, plan, (date(2026, 12, 7), date(2026, 12, 8))), TODAY, EXERCISES
    )


WEEK_5 = [
    "This week (week 5 of 12): tick each session when you have done it.",
    "Later this week: Thursday 7 January, Friday 8 January and Saturday 9 January.",
    "Your next re-test is in week 8, from Monday 25 January.",
]
PLAN_IN_BRIEF = (
    "Level C, a steady start, from Monday 7 December 2026: standing exercises too, balance by a "
    "counter with a chair behind you; up to 2 sets; a daily step goal."
)
FALLS_SINCE = (
    "Your latest self-check shows a risk of falling that your plan was not made for: talk to "
    "your doctor or physiotherapist about it (M4). A new plan from your latest results adds "
    "balance work on every day but the rest day, always holding on (M3)."
)
SLOW_WALK = (
    "You walk slower than 0.8 metres a second (4 m in more than 5 seconds). Strength and balance "
    "exercise helps. Ask your doctor to refer you to a physiotherapist, who can check your "
    "walking and balance and show you safe exercises. (M4, M3, S3)"
)
GOLDEN_PAGES = {
    "better across a band, walk above 0.8 m/s, well done": (
        (
            ("2026-12-02", QUESTIONS | FULL),
            (
                "2027-01-05",
                QUESTIONS
                | FULL
                | {
                    "chair_stand_seconds": "12.8",
                    "balance_tandem_seconds": "10",
                    "walk_4m_seconds": "4.6",
                },
            ),
        ),
        [
            "Your five chair rises went from 16.2 s (2 December) to 12.8 s (5 January): from 2 "
            "to 3 points. That is now 15 seconds or less: no longer a sign of low leg strength "
            "(S3).",
            "Your balance stands went from 3 points (2 December) to 4 points (5 January), out "
            "of 4.",
            "Your 4 m walk went from 5.5 s (2 December) to 4.6 s (5 January): from 0.73 to 0.87 "
            "metres a second, and from 3 to 4 points. That is now 0.8 metres a second or faster: "
            "slower than that is a sign of a risk of falling (M3, M4).",
            "Your questions score was 3 out of 10 on 2 December and on 5 January.",
            "All your tests together went from 8 (2 December) to 11 (5 January) points of 12, "
            "higher means stronger (M1): that is level D (M3). Well done.",
            "Your plan is at level C; your latest tests allow level D. A new plan from your "
            "latest results could do more: the harder versions too; up to 4 strength days and 3 "
            "sets; a daily step goal. Press “Make a new plan from my latest results” below to "
            "see it.",
            *WEEK_5,
            PLAN_IN_BRIEF,
        ],
    ),
    "worse: below the plan's level, under 0.8 m/s, over the cut-off": (
        (
            (
                "2026-12-02",
                QUESTIONS | FULL | {"chair_stand_seconds": "12.8", "walk_4m_seconds": "4.6"},
            ),
            (
                "2027-01-05",
                QUESTIONS
                | {"rise": "2"}
                | FULL
                | {
                    "chair_stand_unable": "true",
                    "balance_tandem_seconds": "2",
                    "walk_4m_seconds": "6.3",
                },
            ),
        ),
        [
            "Take care: From your self-check of Tuesday 5 January 2027: Your 4 m walk took 6.3 "
            f"seconds: 0.63 metres a second: slow. {SLOW_WALK}",
            "Your five chair rises took 12.8 s on 2 December; on 5 January you could not finish "
            "them: from 3 to 0 points. That is now a sign of low leg strength (S3): talk to your "
            "doctor about it.",
            "Your balance stands went from 3 points (2 December) to 2 points (5 January), out "
            "of 4.",
            "Your 4 m walk went from 4.6 s (2 December) to 6.3 s (5 January): from 0.87 to 0.63 "
            "metres a second, and from 4 to 2 points. That is now under 0.8 metres a second: a "
            "sign of a risk of falling, and a reason to see a physiotherapist (M3, M4).",
            "Your questions score went from 3 (2 December) to 4 (5 January) out of 10; higher "
            "means more signs of muscle loss. That is now at or above the cut-off of 4: worth a "
            "check with your doctor (F1).",
            "All your tests together went from 10 (2 December) to 4 (5 January) points of 12, "
            "higher means stronger (M1): that is level B (M3).",
            "Your latest tests put you at level B, below your plan's level C. Please talk to "
            "your doctor or physiotherapist before you go on with this plan: they can check what "
            "has changed and whether a gentler plan suits you now.",
            FALLS_SINCE,
            *WEEK_5,
            PLAN_IN_BRIEF,
        ],
    ),
    "incomplete: the walk not done counts 0, and is not read as worse": (
        (
            ("2026-12-02", QUESTIONS | FULL | {"walk_4m_seconds": "4.6"}),
            ("2027-01-05", QUESTIONS | {k: v for k, v in FULL.items() if k != "walk_4m_seconds"}),
        ),
        [
            "Your five chair rises took 16.2 s on 2 December and on 5 January: still 2 points.",
            "Your balance stands scored 3 of 4 points on 2 December and on 5 January.",
            "Your questions score was 3 out of 10 on 2 December and on 5 January.",
            "Without the 4 m walk, your tests score on 5 January is somewhere from 5 to 9 of 12, "
            "higher means stronger (M1). Even counting the 4 m walk as 0 points, that is at least "
            "level B (M3). A level needs every test: do the 4 m walk next time.",
            "Your plan is at level C. Your latest tests are not all done, so they cannot say yet "
            "whether your plan still fits: do every test at your next re-test.",
            *WEEK_5,
            PLAN_IN_BRIEF,
        ],
    ),
    "one check only: the re-test weeks as dates": (
        (("2026-12-08", QUESTIONS | FULL | {"walk_4m_seconds": "4.6"}),),
        [
            "One self-check is saved, from Tuesday 8 December 2026. A second one will show what "
            "changed: your plan has you re-test in weeks 4, 8 and 12 (from 28 December, 25 "
            "January and 22 February).",
            "All your tests together scored 9 of 12 on 8 December, higher means stronger (M1): "
            "that is level C (M3).",
            "That is the level of your plan (C): keep going with it.",
            *WEEK_5,
            PLAN_IN_BRIEF,
        ],
    ),
    "a falls finding leads, and nothing says well done": (
        (
            ("2026-12-02", QUESTIONS | FULL),
            ("2027-01-05", QUESTIONS | {"falls": "2"} | FULL | {"chair_stand_seconds": "12.8"}),
        ),
        [
            "Take care: From your self-check of Tuesday 5 January 2027: Your answer to the falls "
            "question: 4 or more falls in the past year. You fell 2 or more times in the past "
            "year. Ask your doctor for a "
            "falls assessment: it looks for the causes of falls and what can prevent the next "
            "one. (M4)",
            "Take care: From your self-check of Tuesday 5 January 2027: Your 4 m walk took 5.5 "
            f"seconds: 0.73 metres a second: slow. {SLOW_WALK}",
            "Your five chair rises went from 16.2 s (2 December) to 12.8 s (5 January): from 2 "
            "to 3 points. That is now 15 seconds or less: no longer a sign of low leg strength "
            "(S3).",
            "Your balance stands scored 3 of 4 points on 2 December and on 5 January.",
            "Your 4 m walk took 5.5 s on 2 December and on 5 January: 0.73 metres a second, "
            "still 3 points.",
            "Your questions score went from 3 (2 December) to 5 (5 January) out of 10; higher "
            "means more signs of muscle loss. That is now at or above the cut-off of 4: worth a "
            "check with your doctor (F1).",
            "All your tests together went from 8 (2 December) to 9 (5 January) points of 12, "
            "higher means stronger (M1): that is level C (M3).",
            "That is the level of your plan (C).",
            FALLS_SINCE,
            *WEEK_5,
            PLAN_IN_BRIEF,
        ],
    ),
}


@pytest.mark.parametrize("name", GOLDEN_PAGES)
def test_the_page_says_what_changed_in_these_words(name: str) -> None:
    """Golden sentences: the tests compared, the total and level, what it means for the plan."""
    checks, expected = GOLDEN_PAGES[name]
    assert said(page(checks, SAVED_PLAN_C)) == expected


def test_an_empty_record_says_what_the_page_will_show_and_stops() -> None:
    """Nothing saved: one paragraph, with links to the self-check and the plan builder."""
    shown = progress_view(Record(), TODAY, EXERCISES)
    assert len(shown.blocks) == 1
    assert text.render(shown) == (
        "This page will show your saved results over time, what changed, and the sessions you "
        "have done. To fill it, do the self-check and press “Save this result on this device” "
        "under its answer, and build a weekly plan and press “Save this plan on this device”. "
        "What you save stays on "
        "this device."
    )
    assert 'href="tools/self-check/"' in html.render(shown)
    assert 'href="tools/plan/"' in html.render(shown)


def test_warnings_come_before_anything_else_on_the_page() -> None:
    """Safety first: the falls finding is the page's first block, in HTML as in the view."""
    checks = (("2027-01-05", QUESTIONS | {"falls": "2"}),)
    shown = page(checks, SAVED_PLAN_C)
    assert isinstance(shown.blocks[0], Warning)
    assert html.render(shown).startswith('<div class="admonition')
    assert "Well done" not in text.render(shown)


def test_a_plan_day_after_today_has_no_tick() -> None:
    """Ticks for this week's planned days up to today; a ticked day offers an undo."""
    buttons = [
        button
        for block in page((), SAVED_PLAN_C).blocks
        if isinstance(block, ViewSection)
        for inner in block.blocks
        if isinstance(inner, Actions)
        for button in inner.buttons
        if button.action == "session"
    ]
    assert [(b.text, dict(b.data)["done"]) for b in buttons] == [
        ("Mark Monday 4 January as done", "0"),
        ("Mark Tuesday 5 January as done", "0"),
        ("Mark Wednesday 6 January as done", "0"),
    ]
    ticked = Record((), SAVED_PLAN_C, (date(2027, 1, 5),))
    html_out = html.render(progress_view(ticked, TODAY, EXERCISES))
    assert 'data-date="2027-01-05" data-done="1">Tuesday 5 January: done — undo<' in html_out
    assert 'data-date="2027-01-07"' not in html_out


def test_the_sessions_table_counts_each_week_to_today() -> None:
    """Week by week from the plan's first day: sessions done against the plan's days."""
    shown = page((), SAVED_PLAN_C)
    table = next(
        b for b in shown.blocks if isinstance(b, Table) and b.caption.startswith("Sessions")
    )
    counts = [(row.header, *(cell_text(cell) for cell in row.cells)) for row in table.rows]
    assert counts == [
        ("Week 1, from Monday 7 December", "2", "6"),
        ("Week 2, from Monday 14 December", "0", "6"),
        ("Week 3, from Monday 21 December", "0", "6"),
        ("Week 4, from Monday 28 December", "0", "6"),
        ("Week 5, from Monday 4 January", "0", "6"),
    ]


def cell_text(cell: Cell) -> str:
    """A table cell's one value."""
    (paragraph,) = cell.blocks
    assert isinstance(paragraph, Paragraph)
    (value,) = paragraph.line
    assert isinstance(value, Value)
    return value.text


def test_every_number_in_the_results_table_is_the_one_measured_computed() -> None:
    """Newest first; each cell's figures are `measured()`'s, as the charts draw them."""
    days = ("2026-12-02", "2027-01-05")
    answers = (
        QUESTIONS | FULL,
        QUESTIONS | {"chair_stand_unable": "true", "walk_4m_seconds": "4.815"},
    )
    shown = page(tuple(zip(days, answers, strict=True)), None)
    table = next(b for b in shown.blocks if isinstance(b, Table))
    rows = {
        row.header: {k: cell_text(c) for k, c in zip(COLUMN_KEYS, row.cells, strict=True)}
        for row in table.rows
    }
    assert list(rows) == ["Tuesday 5 January 2027", "Wednesday 2 December 2026"]
    for day, given in zip(days, answers, strict=True):
        seen = measured(checked(day, given))
        row = rows[long_date(seen.day)]
        assert row["sarc_f"] == f"{seen.sarc_f} of 10"
        assert seen.sppb is not None
        level = level_of(seen) if seen.sppb.complete else None  # a level only from every test
        assert row["level"] == ("not all tests done" if level is None else level.value)
        assert row["sppb"].startswith(numbers.span(seen.sppb.low, seen.sppb.high))
        if seen.walk_speed is not None:
            assert f"{seen.walk_speed} m/s, {seen.walk_points} point" in row["walk"]
        if seen.chair_seconds is not None:
            assert row["chair"] == f"{seen.chair_seconds} s, {seen.chair_points} points"
    assert rows["Tuesday 5 January 2027"] == {
        "sarc_f": "3 of 10",
        "chair": "could not finish, 0 points",
        "balance": "not done",
        "walk": "4.82 s, 0.83 m/s, 3 points",  # judged in hundredths (M1): 4.82 s is 3 points
        "sppb": "3–7 of 12 (not all done)",
        "level": "not all tests done",  # never "A" from tests not done
    }


COLUMN_KEYS = ("sarc_f", "chair", "balance", "walk", "sppb", "level")


def test_the_rebuild_button_hands_the_latest_check_to_the_plan_form() -> None:
    """The self-check's own hand-off query, in the fragment; none without a check."""
    checks = (("2027-01-05", QUESTIONS | FULL),)
    out = html.render(page(checks, SAVED_PLAN_C))
    query = handoff_query(measured(checked("2027-01-05", QUESTIONS | FULL)).result)
    assert f'href="tools/plan/#answers?{query}"'.replace("&", "&amp;") in out
    assert "Make a new plan from my latest results</a>" in out
    assert 'data-action="rebuild"' not in html.render(page((), SAVED_PLAN_C))


def test_a_plan_from_the_hand_off_of_a_slow_walk_has_the_plus() -> None:
    """What the falls sentence promises: the rebuilt plan has extra balance work (M3)."""
    seen = measured(checked("2027-01-05", QUESTIONS | FULL))
    assert plus_handed_off(seen)
    prefill = {
        k: "true" if v is True else str(v)
        for k, v in seen.result.plan_prefill.to_wire().items()
        if v not in (None, False, "")
    }
    rebuilt = weekly_plan(
        PlanInput.from_mapping(prefill | {"age": "70", "strength_days": "3"}), EXERCISES
    )
    assert rebuilt.assessment is not None
    assert rebuilt.assessment.falls_risk


def test_a_retest_week_sends_the_reader_to_the_self_check() -> None:
    """In weeks 4, 8 and 12 the page says to re-test, with the way to the self-check."""
    shown = progress_view(Record((), SAVED_PLAN_C), date(2026, 12, 30), EXERCISES)
    assert (
        "This is a re-test week: do the self-check again and press “Save this result on this "
        "device”, and this "
        "page will show what changed."
    ) in said(shown)


def test_before_the_plan_starts_its_first_week_is_named_and_nothing_is_ticked() -> None:
    """A plan saved to start next week: no tick yet, its days named."""
    shown = progress_view(Record((), SAVED_PLAN_C), date(2026, 12, 3), EXERCISES)
    assert 'data-action="session"' not in html.render(shown)
    assert said(shown)[0] == (
        "Your plan starts on Monday 7 December 2026. Its first week's sessions: Monday 7 "
        "December, Tuesday 8 December, Wednesday 9 December, Thursday 10 December, Friday 11 "
        "December and Saturday 12 December."
    )


def test_the_charts_come_before_their_table() -> None:
    """The four charts (present/progress_charts.py), then the table that says the same."""
    shown = page((("2026-12-02", QUESTIONS | FULL), ("2027-01-05", QUESTIONS | FULL)), None)
    kinds = [
        block.name if isinstance(block, Chart) else "table"
        for block in shown.blocks
        if isinstance(block, Chart | Table)
    ]
    assert kinds == [
        "progress-chair",
        "progress-balance",
        "progress-walk",
        "progress-sppb",
        "table",
    ]


def test_after_the_plan_ends_no_tick_and_a_way_to_a_new_plan() -> None:
    """Past week 12: nothing to tick, the end date, and the plan builder."""
    shown = progress_view(Record((), SAVED_PLAN_C), date(2027, 3, 1), EXERCISES)
    assert 'data-action="session"' not in html.render(shown)
    assert (
        "Your plan's 12 weeks ended on Sunday 28 February 2027: build a new plan to go on."
        in said(shown)
    )


def test_checks_far_apart_name_their_years() -> None:
    """Within the year a date is "2 December"; checks 300+ days apart say the year too."""
    checks = (("2025-12-02", QUESTIONS | FULL), ("2027-01-05", QUESTIONS | FULL))
    assert "on 2 December 2025 and on 5 January 2027" in " ".join(said(page(checks, None)))


def test_a_chair_stand_alone_claims_no_level() -> None:
    """Tests not done never make a level: the page asks for them, and names no level A."""
    shown = text.render(page((("2026-12-02", QUESTIONS | {"chair_stand_seconds": "12.5"}),), None))
    assert "A level needs every test: do the balance stands and the 4 m walk next time." in shown
    assert "level A" not in shown
    assert "not all tests done" in shown  # the table's level cell
