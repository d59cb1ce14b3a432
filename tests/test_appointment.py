"""The appointment sheet (issue 24 point 4): golden text, plain words, the reader's text escaped."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from helpers.saved import saved_check

from calculators import self_check
from calculators.exercises import Exercise, exercise_library
from calculators.plan import answers as plan_answers
from calculators.present import appointment, html, text
from calculators.present.self_check import next_step, warnings
from calculators.present.view import Paragraph, Section, Table, View, cited
from calculators.progress import measured
from calculators.record import Record, SavedCheck, SavedPlan, saved_entry
from calculators.record import Section as Part
from calculators.triage import RuleId

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden" / "appointment"
EXERCISES: tuple[Exercise, ...] = exercise_library(
    yaml.safe_load((ROOT / "data" / "exercises.yml").read_text(encoding="utf-8"))
)
TODAY = date(2026, 12, 7)
PLAN: dict[str, object] = {
    "age": "74",
    "ability": "tires-quickly",
    "strength_days": "3",
    "equipment": ["band"],
    "floor_ok": True,
    "fall_with_injury": True,
}


def check(day: str, **changes: object) -> SavedCheck:
    """A saved self-check after 1 to 3 falls; a change to None leaves that answer out."""
    return saved_check(day, **{"falls": "1", **changes})


def plan(day: str = "2026-10-05", **changes: object) -> SavedPlan:
    """A saved plan (level C+ with these answers: a fall with injury)."""
    saved = saved_entry(Part.PLAN, day, {**PLAN, **changes})
    assert isinstance(saved, SavedPlan)
    return saved


ONE = (check("2026-12-01"),)
THREE = (
    check("2026-09-01"),
    check("2026-10-13", chair_stand_seconds=None, chair_stand_unable=True, walk_4m_seconds=None),
    check("2026-12-01", chair_stand_seconds="12.8", walk_4m_seconds="4.4", falls="0"),
)
SESSIONS = (date(2026, 10, 20), date(2026, 11, 16), date(2026, 11, 18), date(2026, 12, 2))
QUESTIONS = "Can I walk further each day?\nIs my knee pain a reason to stop?"


def sheet(record: Record) -> View:
    """The appointment view for `record`, printed on TODAY."""
    return appointment.view(record, TODAY, EXERCISES)


def shown_text(view: View) -> str:
    """Everything a reader sees: the text rendering and the HTML's visible text."""
    visible = BeautifulSoup(html.render(view), "html.parser").get_text(" ")
    return f"{text.render(view)}\n{visible}"


CASES = {
    "one-no-plan": Record(ONE),
    "one-plan": Record(ONE, plan(), SESSIONS, QUESTIONS),
    "three-no-plan": Record(THREE, questions=QUESTIONS),
    "three-plan": Record(THREE, plan(), SESSIONS, QUESTIONS),
}


@pytest.mark.parametrize("case", CASES)
def test_text_matches_its_golden_file(case: str) -> None:
    """The sheet as text is the reviewed one, word for word (regenerate on purpose only)."""
    expected = (GOLDEN / f"{case}.txt").read_text(encoding="utf-8")
    assert text.render(sheet(CASES[case])) + "\n" == expected


def every_code() -> set[str]:
    """Calculator codes a reader must never meet: the forms' field names and the rule ids."""
    fields = {field.name for field in (*self_check.FIELDS, *plan_answers.FIELDS)}
    return {name for name in fields if "_" in name} | {rule.value for rule in RuleId}


@pytest.mark.parametrize("case", CASES)
def test_no_calculator_code_is_shown(case: str) -> None:
    """No field name, rule id, item letter or bracketed source id reaches the reader."""
    shown = shown_text(sheet(CASES[case]))
    assert not [code for code in every_code() if code in shown]
    assert "SARC-F item" not in shown
    assert not re.search(r"\((?:[A-Z]{1,4}\d{1,3})(?:, ?[A-Z]{1,4}\d{1,3})*\)", shown)
    assert "None" not in shown


def test_a_question_is_shown_as_typed_never_as_markup() -> None:
    """A "<script>" question is text: escaped in HTML, as typed on the command line."""
    typed = 'Is <script>alert("x")</script> & (M4) safe?'
    view = sheet(Record(ONE, questions=typed))
    page = html.render(view)
    assert "<script>" not in page
    assert "&lt;script&gt;" in page
    assert typed in text.render(view)
    (question,) = BeautifulSoup(page, "html.parser").select("p.rg-appointment-question")
    assert question.get_text() == typed  # "(M4)" stays as typed: no citation link
    assert question.find("a") is None


def test_the_latest_checks_flags_are_its_answers_own_words() -> None:
    """Every warning and the next step of the latest check, word for word as its answer said."""
    latest = measured(THREE[-1]).result
    shown = text.render(sheet(Record(THREE)))
    for alert in warnings(latest):
        assert text.line(cited(alert.message)) in shown
    assert f"Next step: {next_step(latest)}" in shown


def test_a_check_without_flags_says_so() -> None:
    """No falls, nothing slow: one plain line instead of an empty list."""
    calm = check("2026-12-01", falls="0", chair_stand_seconds="9.5", walk_4m_seconds="3.5")
    assert "No falls or safety flag." in text.render(sheet(Record((calm,))))


def table(view: View) -> Table:
    """The sheet's results table."""
    (found,) = [block for block in view.blocks if isinstance(block, Table)]
    return found


def test_at_most_the_latest_six_checks_and_the_caption_says_so() -> None:
    """Eight saved checks: the newest six, newest first, dated short; the caption counts them."""
    days = [f"2026-{month:02d}-01" for month in range(5, 13)]
    results = table(sheet(Record(tuple(check(day) for day in days))))
    assert [row.header for row in results.rows] == [
        "1 Dec 2026",
        "1 Nov 2026",
        "1 Oct 2026",
        "1 Sep 2026",
        "1 Aug 2026",
        "1 Jul 2026",
    ]
    assert results.caption.startswith("My latest 6 of 8 saved")


def write_lines(view: View) -> int:
    """How many ruled lines the sheet prints to write on."""
    (ruled,) = [b for b in view.blocks if isinstance(b, Section) and b.kind == "appointment-lines"]
    assert ruled.media == "print"
    return sum(isinstance(b, Paragraph) and b.kind == "write-line" for b in ruled.blocks)


def test_ruled_lines_are_on_paper_only_and_fewer_under_long_questions() -> None:
    """Four lines without questions; at least one under the longest questions."""
    assert write_lines(sheet(Record(ONE))) == appointment.WRITE_LINES
    assert write_lines(sheet(Record(ONE, questions="x " * 450))) == 1
    assert "write-line" not in text.render(sheet(Record(ONE)))


def test_sessions_are_counted_over_the_last_four_weeks_only() -> None:
    """Ticks from 9 Nov to 7 Dec count (3); one in October does not; none: no line."""
    assert "Sessions done in the last 4 weeks: 3 of " in text.render(sheet(CASES["one-plan"]))
    quiet = Record(ONE, plan(), (date(2026, 10, 20),))
    assert "Sessions done" not in text.render(sheet(quiet))


def test_a_plus_plan_says_what_the_plus_means_and_lists_its_exercises() -> None:
    """Level C+: the "+" explained; the week's days and exercises by name."""
    shown = text.render(sheet(CASES["three-plan"]))
    assert "Level C+ (a steady start), started on Monday 5 October 2026" in shown
    assert "The “+” after the level means a higher risk of falling" in shown
    assert "Each week: Monday: Strength: legs and hips + balance;" in shown
    assert "Exercises: Sit-to-stand from a chair, " in shown


def test_an_empty_record_still_gives_a_sheet_to_write_on() -> None:
    """Nothing saved: the title, a line saying so, the questions' heading and ruled lines."""
    view = sheet(Record())
    shown = text.render(view)
    assert shown.startswith(f"{appointment.TITLE}, printed on Monday 7 December 2026")
    assert "No self-check result is saved yet." in shown
    assert write_lines(view) == appointment.WRITE_LINES


def test_the_footer_says_measured_at_home_not_a_diagnosis() -> None:
    """The last line: who measured, and that it is not a diagnosis."""
    assert text.render(sheet(CASES["three-plan"])).endswith(appointment.FOOTER)
    assert "not a diagnosis" in appointment.FOOTER
