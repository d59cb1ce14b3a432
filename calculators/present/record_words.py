"""The words for a record or file the page cannot use (`calculators.record.Code`), in one table.

A problem names where it is: a saved entry and its field, or the file's row and column; the
message says that place first, then what is wrong, so the reader can find it in a spreadsheet.
"""

from __future__ import annotations

from calculators.record import QUESTIONS_MAX_CHARACTERS, Code, Problem, Section

PROBLEM_WORDS: dict[Code, str] = {
    Code.NOT_AN_OBJECT: "This is not a record saved by this site.",
    Code.NOT_A_RECORD: "This is not a record saved by this site: nothing was changed.",
    Code.NO_VERSION: "This record does not say which version it is, so it cannot be read safely.",
    Code.NEWER_VERSION: (
        "This record was saved by a newer version of this site. Reload the page to update it, "
        "then try again."
    ),
    Code.UNKNOWN_VERSION: "This record's version is not one this site knows.",
    Code.UNEXPECTED_KEY: "{place}holds something this site does not save ({field}).",
    Code.NOT_A_LIST: "{place}is not a list of entries.",
    Code.NOT_AN_ENTRY: "{place}is not a saved entry.",
    Code.BAD_DATE: "{place}needs a date written year-month-day, for example 2026-01-31.",
    Code.SAME_DATE_TWICE: "{place}has the same date as an earlier one: keep one result a day.",
    Code.BAD_ANSWERS: "{place}does not hold answers as the form sends them ({field}).",
    Code.UNKNOWN_FIELD: "{place}has an answer the form does not ask ({field}).",
    Code.INVALID_ANSWER: "{place}has an answer the form would not accept ({field}).",
    Code.DERIVED_DIFFERS: "{place}shows a {field} its answers do not give: was it changed by hand?",
    Code.NOT_CSV: "This file could not be read as a spreadsheet file (CSV).",
    Code.EMPTY_FILE: "This file is empty.",
    Code.BAD_COLUMNS: "{place}names a column this site does not write ({field}).",
    Code.UNKNOWN_ROW_TYPE: "{place}is not a self-check, a plan, a session or your questions.",
    Code.ROW_TOO_LONG: "{place}has more cells than the file has columns.",
    Code.PLAN_TWICE: "{place}is a second plan: a record keeps one plan.",
    Code.QUESTIONS_TWICE: (
        "{place}is a second row of questions: a record keeps one, so put them all in one row."
    ),
    Code.MISSING_KEY: "{place}is missing a part every saved record has ({field}): was it changed?",
    Code.BAD_QUESTIONS: (
        "{place}can only hold text and line breaks: take out any special characters (a tab, "
        "for example), then try again."
    ),
    Code.QUESTIONS_TOO_LONG: (
        "{place}is longer than {limit} characters: shorten it, then try again."
    ),
}
# The part of the record each section is, as the page names it.
SECTION_WORDS = {
    Section.CHECKS: "saved self-check",
    Section.PLAN: "saved plan",
    Section.SESSIONS: "session",
    Section.QUESTIONS: "text of your questions",
}
# The parts of a record that are lists, so a problem names the entry's number.
_NUMBERED = (Section.CHECKS, Section.SESSIONS)


def place(problem: Problem) -> str:
    """Where the problem is, ending in a space: "Row 4, column falls, ", "Saved self-check 2 "."""
    if problem.row is not None:
        column = f", column {problem.field}" if problem.field else ""
        return f"Row {problem.row}{column} "
    if problem.section is None:
        return "The record "
    number = "" if problem.index is None or problem.section not in _NUMBERED else problem.index + 1
    return f"The {SECTION_WORDS[problem.section]} {number} ".replace("  ", " ")


def problem_message(problem: Problem) -> str:
    """The reader's sentence for one problem, naming its place and field.

    >>> from calculators.record import Code, Problem, Section
    >>> problem_message(Problem(Code.BAD_DATE, Section.CHECKS, 1, "date"))
    'The saved self-check 2 needs a date written year-month-day, for example 2026-01-31.'
    >>> problem_message(Problem(Code.INVALID_ANSWER, field="falls", row=4))
    'Row 4, column falls has an answer the form would not accept (falls).'
    >>> problem_message(Problem(Code.QUESTIONS_TOO_LONG, Section.QUESTIONS, 0, "questions"))
    'The text of your questions is longer than 1,000 characters: shorten it, then try again.'
    """
    return PROBLEM_WORDS[problem.code].format(
        place=place(problem), field=problem.field, limit=f"{QUESTIONS_MAX_CHARACTERS:,}"
    )


__all__ = ["PROBLEM_WORDS", "SECTION_WORDS", "place", "problem_message"]
