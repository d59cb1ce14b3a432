"""The reader's own record (issue 24): checked, migrated, exported to CSV and back, merged."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import evidence, record
from calculators.errors import InvalidInput
from calculators.plan import PlanInput
from calculators.present.record_words import PROBLEM_WORDS, problem_message
from calculators.record import (
    FORMAT,
    MIGRATIONS,
    QUESTIONS_MAX_CHARACTERS,
    Code,
    Conflict,
    InvalidRecord,
    Problem,
    Record,
    SavedCheck,
    SavedPlan,
    Section,
    from_csv,
    merge,
    saved_entry,
    to_csv,
)
from calculators.self_check import SelfCheckInput

CHECK_ANSWERS: dict[str, object] = {
    "strength": "1",
    "assistance": "0",
    "rise": "1",
    "climb": "0",
    "falls": "0",
    "chair_stand_seconds": "12,5 s",
    "balance_side_by_side_seconds": "10",
    "balance_semi_tandem_seconds": "10",
    "balance_tandem_seconds": "5",
    "walk_4m_seconds": "4.5",
    "chair_stand_unable": False,
    "age": "",
}
PLAN_ANSWERS: dict[str, object] = {
    "age": "72",
    "ability": "tires-quickly",
    "strength_days": "3",
    "equipment": ["band"],
    "floor_ok": True,
    "fall_with_injury": True,
    "print_name": "Ann",
}


def _check(day: str = "2026-12-01", **changes: object) -> SavedCheck:
    saved = saved_entry(Section.CHECKS, day, {**CHECK_ANSWERS, **changes})
    assert isinstance(saved, SavedCheck)
    return saved


def _plan(day: str = "2026-12-02", **changes: object) -> SavedPlan:
    saved = saved_entry(Section.PLAN, day, {**PLAN_ANSWERS, **changes})
    assert isinstance(saved, SavedPlan)
    return saved


RECORD = Record((_check(),), _plan(), (date(2026, 12, 3), date(2026, 12, 5)))


def test_saved_check_keeps_the_answers_as_text_and_the_score_they_give() -> None:
    """A number is kept as plain decimal text; the score and the at-home SPPB level are computed."""
    check = _check()
    assert dict(check.answers)["chair_stand_seconds"] == "12.5"
    assert "chair_stand_unable" not in dict(check.answers)  # unticked: left out
    assert (check.score, check.sppb, check.level) == (2, 10, "D")


def test_saved_plan_keeps_its_level_and_leaves_the_printout_name_out() -> None:
    """A plan's level carries the falls-risk "+"; the name for the printout is not kept."""
    plan = _plan()
    assert plan.level == "C+"
    assert "print_name" not in dict(plan.answers)
    assert dict(plan.answers)["equipment"] == "band"


def test_mapping_round_trip() -> None:
    """to_mapping then from_mapping gives the same record."""
    assert Record.from_mapping(RECORD.to_mapping()) == RECORD


def test_csv_round_trip_and_its_header() -> None:
    """The file names its format and version in row 1, and reads back as the same record."""
    text = to_csv(RECORD)
    assert text.startswith(f"format,{FORMAT},version,{record.VERSION}\r\ntype,date,")
    assert from_csv(text) == RECORD
    assert from_csv("\ufeff" + text) == RECORD  # a spreadsheet's byte-order mark


def _problems(call: Any, *args: object) -> tuple[Problem, ...]:
    with pytest.raises(InvalidRecord) as caught:
        call(*args)
    return caught.value.problems


def _stored(**changes: object) -> dict[str, object]:
    return {**RECORD.to_mapping(), **changes}


def _entry(**changes: object) -> dict[str, object]:
    checks = RECORD.to_mapping()["checks"]
    assert isinstance(checks, list)
    return {**checks[0], **changes}


MAPPING_CASES: list[tuple[object, Problem]] = [
    ([], Problem(Code.NOT_AN_OBJECT)),
    ({"version": 1}, Problem(Code.NOT_A_RECORD, field="format")),
    ({"format": FORMAT}, Problem(Code.NO_VERSION, field="version")),
    (
        {"format": FORMAT, "version": record.VERSION + 1},
        Problem(Code.NEWER_VERSION, field="version"),
    ),
    ({"format": FORMAT, "version": "1"}, Problem(Code.UNKNOWN_VERSION, field="version")),
    ({"format": FORMAT, "version": 0}, Problem(Code.UNKNOWN_VERSION, field="version")),
    ({"format": FORMAT, "version": True}, Problem(Code.UNKNOWN_VERSION, field="version")),
    (_stored(extra=1), Problem(Code.UNEXPECTED_KEY, field="extra")),
    (_stored(checks={}), Problem(Code.NOT_A_LIST, Section.CHECKS)),
    (_stored(checks=["x"]), Problem(Code.NOT_AN_ENTRY, Section.CHECKS, 0)),
    (_stored(plan=[]), Problem(Code.NOT_AN_ENTRY, Section.PLAN, 0)),
    (
        _stored(checks=[_entry(date="2026-02-30")]),
        Problem(Code.BAD_DATE, Section.CHECKS, 0, "date"),
    ),
    (_stored(sessions=["03/12/2026"]), Problem(Code.BAD_DATE, Section.SESSIONS, 0, "date")),
    (
        _stored(checks=[_entry(), _entry()]),
        Problem(Code.SAME_DATE_TWICE, Section.CHECKS, 1, "date"),
    ),
    (
        _stored(checks=[_entry(answers="x")]),
        Problem(Code.BAD_ANSWERS, Section.CHECKS, 0, "answers"),
    ),
    (
        _stored(checks=[_entry(answers={**CHECK_ANSWERS, "falls": {"n": 1}})]),
        Problem(Code.BAD_ANSWERS, Section.CHECKS, 0, "falls"),
    ),
    (
        _stored(checks=[_entry(answers={**CHECK_ANSWERS, "weight": "70"})]),
        Problem(Code.UNKNOWN_FIELD, Section.CHECKS, 0, "weight"),
    ),
    (
        _stored(checks=[_entry(answers={**CHECK_ANSWERS, "falls": "3"})]),
        Problem(Code.INVALID_ANSWER, Section.CHECKS, 0, "falls"),
    ),
    (_stored(checks=[_entry(score=9)]), Problem(Code.DERIVED_DIFFERS, Section.CHECKS, 0, "score")),
    (_stored(checks=[_entry(note="")]), Problem(Code.UNEXPECTED_KEY, Section.CHECKS, 0, "note")),
    # the reader's questions (version 2): required from 2 on, never in a version-1 record
    (
        {key: value for key, value in _stored().items() if key != "questions"},
        Problem(Code.MISSING_KEY, field="questions"),
    ),
    (_stored(version=1), Problem(Code.UNEXPECTED_KEY, field="questions")),
    (_stored(questions=None), Problem(Code.BAD_QUESTIONS, Section.QUESTIONS, 0, "questions")),
    (_stored(questions=["a"]), Problem(Code.BAD_QUESTIONS, Section.QUESTIONS, 0, "questions")),
    (_stored(questions="a\tb"), Problem(Code.BAD_QUESTIONS, Section.QUESTIONS, 0, "questions")),
    (
        _stored(questions="?" * (QUESTIONS_MAX_CHARACTERS + 1)),
        Problem(Code.QUESTIONS_TOO_LONG, Section.QUESTIONS, 0, "questions"),
    ),
]


@pytest.mark.parametrize(("stored", "problem"), MAPPING_CASES)
def test_a_bad_or_foreign_record_is_refused_with_its_code(stored: object, problem: Problem) -> None:
    """Each problem is named by its code, its entry and its field."""
    assert problem in _problems(Record.from_mapping, stored)


def _file(*rows: str, head: str = "") -> str:
    lines = to_csv(RECORD).split("\r\n")
    return "\r\n".join([head or lines[0], lines[1], *rows])


def _row(section: str, **cells: str) -> str:
    return ",".join(cells.get(name, section if name == "type" else "") for name in record.COLUMNS)


FILE_CASES: list[tuple[str, Problem]] = [
    ("", Problem(Code.EMPTY_FILE)),
    (",,\r\n\r\n", Problem(Code.EMPTY_FILE)),
    ('"' + "x" * 200_000 + '"', Problem(Code.NOT_CSV)),
    ("name,age\r\nAnn,72\r\n", Problem(Code.NOT_A_RECORD, row=1)),
    (f"format,{FORMAT},version\r\n", Problem(Code.NOT_A_RECORD, row=1)),
    (
        f"format,{FORMAT},version,1\r\ntype,date,weight\r\n",
        Problem(Code.BAD_COLUMNS, field="weight", row=2),
    ),
    (f"format,{FORMAT},version,1\r\n", Problem(Code.BAD_COLUMNS, field="type", row=2)),
    (_file(head=f"format,{FORMAT},version,"), Problem(Code.NO_VERSION, field="version", row=1)),
    (_file(head=f"format,{FORMAT},version,9"), Problem(Code.NEWER_VERSION, field="version", row=1)),
    (
        _file(head=f"format,{FORMAT},version,v1"),
        Problem(Code.UNKNOWN_VERSION, field="version", row=1),
    ),
    (_file(_row("meal", date="2026-12-01")), Problem(Code.UNKNOWN_ROW_TYPE, field="type", row=3)),
    (_file(_row("session", date="2026-12-01") + ",x"), Problem(Code.ROW_TOO_LONG, row=3)),
    (
        _file(_row("session", date="2026-12-01", falls="1")),
        Problem(Code.UNEXPECTED_KEY, field="falls", row=3),
    ),
    (
        _file(_row("plan", date="2026-12-01", age="72", ability="tires-quickly", strength_days="3"))
        + "\r\n"
        + _row("plan", date="2026-12-02", age="72", ability="tires-quickly", strength_days="3"),
        Problem(Code.PLAN_TWICE, field="type", row=4),
    ),
    (
        _file(_row("session", date="2026-12-01"), _row("session", date="2026-31-12")),
        Problem(Code.BAD_DATE, Section.SESSIONS, 1, "date", row=4),
    ),
    (
        _file(_row("self-check", date="2026-12-01", strength="5", assistance="0", rise="0")),
        Problem(Code.INVALID_ANSWER, Section.CHECKS, 0, "strength", row=3),
    ),
    (
        _file(
            _row(
                "plan",
                date="2026-12-01",
                age="72",
                ability="tires-quickly",
                strength_days="3",
                level="B",
            )
        ),
        Problem(Code.DERIVED_DIFFERS, Section.PLAN, 0, "level", row=3),
    ),
    (
        _file(head=f"format,{FORMAT},version,\u00b2"),  # a digit int() does not read
        Problem(Code.UNKNOWN_VERSION, field="version", row=1),
    ),
    (  # a newer file's new column is not what to report: its version is
        f"format,{FORMAT},version,{record.VERSION + 1}\r\ntype,date,mood\r\n",
        Problem(Code.NEWER_VERSION, field="version", row=1),
    ),
    (
        _file(_row("questions", text="Stairs?"), _row("questions", text="Knee?")),
        Problem(Code.QUESTIONS_TWICE, field="type", row=4),
    ),
    (
        _file(_row("questions", date="2026-12-01", text="Stairs?")),
        Problem(Code.UNEXPECTED_KEY, field="date", row=3),
    ),
    (
        _file(_row("questions", text="?" * (QUESTIONS_MAX_CHARACTERS + 1))),
        Problem(Code.QUESTIONS_TOO_LONG, Section.QUESTIONS, 0, "text", row=3),
    ),
    (
        _file(_row("session", date="2026-12-01"), _row("questions", text='"a\x07b"')),
        Problem(Code.BAD_QUESTIONS, Section.QUESTIONS, 0, "text", row=4),
    ),
    # a version-1 file never had the questions' column or row
    (
        f"format,{FORMAT},version,1\r\ntype,date,text\r\n",
        Problem(Code.BAD_COLUMNS, field="text", row=2),
    ),
    (
        f"format,{FORMAT},version,1\r\ntype,date\r\nquestions,\r\n",
        Problem(Code.UNKNOWN_ROW_TYPE, field="type", row=3),
    ),
]


@pytest.mark.parametrize(("text", "problem"), FILE_CASES)
def test_a_bad_or_foreign_file_is_refused_naming_row_and_column(
    text: str, problem: Problem
) -> None:
    """A file's problems name the spreadsheet row and the column."""
    assert problem in _problems(from_csv, text)


def test_every_problem_code_is_reached_and_worded() -> None:
    """The cases above reach every code, and each code has its reader's words."""
    reached = {problem.code for _, problem in MAPPING_CASES + FILE_CASES}
    assert reached == set(Code)
    assert set(PROBLEM_WORDS) == set(Code)
    for _, problem in MAPPING_CASES + FILE_CASES:
        message = problem_message(problem)
        assert "{" not in message
        assert message[0].isupper()
        assert message.endswith((".", "?"))


# RECORD as session 9's page (version 1, no questions) stored it and wrote it to a file.
V1_MAPPING: dict[str, object] = {
    "format": "regain-record",
    "version": 1,
    "checks": [
        {
            "date": "2026-12-01",
            "answers": {
                "strength": "1",
                "assistance": "0",
                "rise": "1",
                "climb": "0",
                "falls": "0",
                "chair_stand_seconds": "12.5",
                "balance_side_by_side_seconds": "10",
                "balance_semi_tandem_seconds": "10",
                "balance_tandem_seconds": "5",
                "walk_4m_seconds": "4.5",
            },
            "score": 2,
            "sppb": 10,
            "level": "D",
        }
    ],
    "plan": {
        "date": "2026-12-02",
        "answers": {
            "age": "72",
            "ability": "tires-quickly",
            "strength_days": "3",
            "equipment": "band",
            "floor_ok": "true",
            "fall_with_injury": "true",
        },
        "level": "C+",
    },
    "sessions": ["2026-12-03", "2026-12-05"],
}
V1_FILE = (
    "format,regain-record,version,1\r\n"
    "type,date,score,sppb,level,strength,assistance,rise,climb,falls,chair_stand_seconds,age,"
    "balance_side_by_side_seconds,balance_semi_tandem_seconds,balance_tandem_seconds,"
    "walk_4m_seconds,chair_stand_unable,ability,chair_rise_seconds,chair_rise_unable,"
    "strength_days,steps_per_day,equipment,lacks,focus,floor_ok,chronic_condition,"
    "recent_hospital_stay,fall_past_year,fall_with_injury,two_or_more_falls,cannot_get_up,"
    "blackouts,chest_pain_or_fainting,one_side_limits\r\n"
    "self-check,2026-12-01,2,10,D,1,0,1,0,0,12.5,,10,10,5,4.5,,,,,,,,,,,,,,,,,,,\r\n"
    "plan,2026-12-02,,,C+,,,,,,,72,,,,,,tires-quickly,,,3,,band,,,true,,,,true,,,,,\r\n"
    "session,2026-12-03,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,\r\n"
    "session,2026-12-05,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,\r\n"
)


def test_a_version_1_record_migrates_to_the_same_record_made_today() -> None:
    """Session 9's stored record reads as the record made fresh now, with no questions."""
    assert Record.from_mapping(V1_MAPPING) == RECORD
    assert Record.from_mapping(V1_MAPPING).to_mapping() == {
        **V1_MAPPING,
        "version": 2,
        "questions": "",
    }


def test_the_version_1_migration_adds_empty_questions_and_changes_nothing_else() -> None:
    """MIGRATIONS[1] adds the questions, bumps the version, and leaves its input alone."""
    given = json.loads(json.dumps(V1_MAPPING))
    assert MIGRATIONS[1](given) == {**V1_MAPPING, "version": 2, "questions": ""}
    assert given == V1_MAPPING


def test_a_version_1_file_still_imports() -> None:
    """Session 9's exported file (no text column) reads as the same record, with no questions."""
    assert from_csv(V1_FILE) == RECORD
    assert from_csv(V1_FILE.replace("\r\n", "\n")) == RECORD  # as a spreadsheet may save it


QUESTIONS = [
    "Can I take the stairs?",
    'Is "a little sore" normal, after squats, the next day?\nShould I rest?',
    "Est-ce que je peux marcher après ma chute ? é\n我的膝盖疼，怎么办？",
    '=HYPERLINK("x")',
    "+1 more set?",
    "-2 kg since March",
    "@a",
    "'quoted' already",
    "''two quotes",
    "line one\n\n=line three",
    "?" * QUESTIONS_MAX_CHARACTERS,
]


def _file_cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("questions", QUESTIONS)
def test_questions_round_trip_through_storage_and_file(questions: str) -> None:
    """The reader's text (commas, quotes, line breaks, any script, formula-like) comes back."""
    saved = RECORD.with_questions(questions)
    assert saved.questions == questions
    assert Record.from_mapping(json.loads(json.dumps(saved.to_mapping()))) == saved
    assert from_csv(to_csv(saved)) == saved


@pytest.mark.parametrize("questions", ['=HYPERLINK("x")', "+1", "-2", "@a", "'a"])
def test_a_formula_like_question_is_written_as_text_for_a_spreadsheet(questions: str) -> None:
    """A cell starting = + - @ (or the quote itself) gets one leading quote; import removes it."""
    last = _file_cells(to_csv(Record(questions=questions)))[-1]
    assert last[0] == "questions"
    assert last[record.COLUMNS.index("text")] == "'" + questions
    assert from_csv(to_csv(Record(questions=questions))).questions == questions


def test_the_file_has_a_questions_row_only_when_there_are_questions() -> None:
    """Empty questions write no row; questions write one, last, with only its type and text."""
    assert [row[0] for row in _file_cells(to_csv(RECORD))][2:] == [
        "self-check",
        "plan",
        "session",
        "session",
    ]
    last = _file_cells(to_csv(RECORD.with_questions("Stairs?")))[-1]
    assert [cell for cell in last if cell] == ["questions", "Stairs?"]
    assert record.COLUMNS[-1] == "text"


def test_saved_questions_keep_line_breaks_and_lose_the_ends_blank_space() -> None:
    """CR LF and CR become one newline; spaces and blank lines around the text go."""
    assert Record().with_questions("\n  Stairs?\r\nKnee?\rDiet? \t\n").questions == (
        "Stairs?\nKnee?\nDiet?"
    )
    assert Record().with_questions("   ").questions == ""
    assert Record().with_questions(" " + "?" * QUESTIONS_MAX_CHARACTERS + "\n").questions


@pytest.mark.parametrize(
    ("questions", "code", "message"),
    [
        (
            "?" * (QUESTIONS_MAX_CHARACTERS + 1),
            Code.QUESTIONS_TOO_LONG,
            "The text of your questions is longer than 1,000 characters: shorten it, "
            "then try again.",
        ),
        (
            "Stairs?\tKnee?",
            Code.BAD_QUESTIONS,
            "The text of your questions can only hold text and line breaks: take out any "
            "special characters (a tab, for example), then try again.",
        ),
        ("a\x00b", Code.BAD_QUESTIONS, ""),
        ("a\x7fb", Code.BAD_QUESTIONS, ""),
        ("a\x85b", Code.BAD_QUESTIONS, ""),
        ("a\ud800b", Code.BAD_QUESTIONS, ""),  # half a UTF-16 pair: no file can hold it
    ],
)
def test_questions_too_long_or_with_control_characters_are_refused(
    questions: str, code: Code, message: str
) -> None:
    """A refused text names its code and place; the record it was offered to is unchanged."""
    problems = _problems(RECORD.with_questions, questions)
    assert problems == (Problem(code, Section.QUESTIONS, 0, "questions"),)
    if message:
        assert problem_message(problems[0]) == message


def test_a_refused_question_in_a_file_names_its_row_and_the_text_column() -> None:
    """From a file the place is the spreadsheet's row and the column `text`."""
    problems = _problems(from_csv, _file(_row("questions", text="?" * 1001)))
    assert [problem_message(problem) for problem in problems] == [
        "Row 3, column text is longer than 1,000 characters: shorten it, then try again."
    ]


def test_merge_takes_the_questions_one_side_has_and_reports_two_different_ones() -> None:
    """Questions on one side are taken; two different texts: the current stays, one conflict."""
    mine, theirs = RECORD.with_questions("Stairs?"), RECORD.with_questions("Knee?")
    assert merge(RECORD, theirs) == (theirs, ())
    assert merge(mine, RECORD) == (mine, ())
    assert merge(mine, mine) == (mine, ())
    merged, conflicts = merge(mine, theirs)
    assert merged == mine
    assert conflicts == (Conflict("Stairs?", "Knee?"),)
    chosen = conflicts[0].imported
    assert isinstance(chosen, str)
    assert merged.with_questions(chosen) == theirs


def test_merge_keeps_both_sides_and_reports_conflicts() -> None:
    """Entries of other days are added; a same-day entry that differs is kept and reported."""
    other = _check("2026-12-01", falls="1")
    mine = Record((_check(),), None, (date(2026, 12, 3),))
    theirs = Record((other, _check("2026-11-01")), _plan(), (date(2026, 12, 4),))
    merged, conflicts = merge(mine, theirs)
    assert [check.day for check in merged.checks] == [date(2026, 11, 1), date(2026, 12, 1)]
    assert merged.checks[1] == _check()  # never overwritten silently
    assert merged.plan == _plan()
    assert merged.sessions == (date(2026, 12, 3), date(2026, 12, 4))
    assert [(c.current, c.imported) for c in conflicts] == [(_check(), other)]
    assert merged.with_entry(conflicts[0].imported).checks[1] == other


def test_merge_reports_a_different_plan_and_nothing_for_identical_entries() -> None:
    """The same record merged into itself changes nothing; a different plan is a conflict."""
    assert merge(RECORD, RECORD) == (RECORD, ())
    changed = Record(plan=_plan(strength_days="2"))
    merged, conflicts = merge(RECORD, changed)
    assert merged == RECORD
    assert [(c.current, c.imported) for c in conflicts] == [(RECORD.plan, changed.plan)]


decimals = st.decimals(places=1, allow_nan=False, allow_infinity=False)
check_answers = st.fixed_dictionaries(
    {
        item: st.sampled_from(["0", "1", "2"])
        for item in ("strength", "assistance", "rise", "climb", "falls")
    },
    optional={
        "chair_stand_seconds": st.decimals(
            evidence.CHAIR_STAND_SECONDS.low, evidence.CHAIR_STAND_SECONDS.high, places=1
        ).map(str),
        "chair_stand_unable": st.booleans(),
        "age": st.integers(evidence.AGE_YEARS.low, evidence.AGE_YEARS.high),
        "balance_side_by_side_seconds": st.decimals(0, 10, places=2).map(str),
        "walk_4m_seconds": st.decimals(
            evidence.WALK_4M_SECONDS.low, evidence.WALK_4M_SECONDS.high, places=2
        ).map(str),
    },
)
plan_answers = st.fixed_dictionaries(
    {
        "age": st.integers(evidence.AGE_YEARS.low, evidence.AGE_YEARS.high).map(str),
        "ability": st.sampled_from(
            ["mostly-seated", "needs-support", "tires-quickly", "out-of-practice"]
        ),
        "strength_days": st.sampled_from(["2", "3"]),
    },
    optional={
        "equipment": st.lists(st.sampled_from(["band", "dumbbells", "step"]), unique=True),
        "focus": st.sampled_from(["general", "legs", "balance"]),
        "blackouts": st.booleans(),
        "two_or_more_falls": st.booleans(),
    },
)
days = st.dates(date(2000, 1, 1), date(2100, 12, 31))
# Text a reader might type: any printable character, line breaks, spreadsheet formula signs.
typed = st.text(
    st.characters(blacklist_categories=("Cc", "Cs")) | st.sampled_from("\n\r=+-@',\""),
    max_size=40,
)


@st.composite
def records(draw: st.DrawFn) -> Record:
    """Records of up to 4 self-checks, maybe a plan, up to 6 sessions, maybe questions."""
    check_days = draw(st.lists(days, max_size=4, unique=True))
    checks = [saved_entry(Section.CHECKS, d.isoformat(), draw(check_answers)) for d in check_days]
    plan = None
    if draw(st.booleans()):
        plan = saved_entry(Section.PLAN, draw(days).isoformat(), draw(plan_answers))
    sessions = draw(st.lists(days, max_size=6, unique=True))
    built = Record(
        plan=plan if isinstance(plan, SavedPlan) else None, sessions=tuple(sorted(sessions))
    )
    for check in checks:
        built = built.with_entry(check)
    return built.with_questions(draw(typed))


@settings(max_examples=60, deadline=None)
@given(records())
def test_export_then_import_is_identity(saved: Record) -> None:
    """Any record exported to CSV and imported back, or stored and read back, is the same."""
    assert from_csv(to_csv(saved)) == saved
    assert Record.from_mapping(saved.to_mapping()) == saved


GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.mark.parametrize(
    ("golden", "section", "reader"),
    [
        ("self_check.json", Section.CHECKS, SelfCheckInput.from_mapping),
        ("plan.json", Section.PLAN, PlanInput.from_mapping),
    ],
)
def test_an_entry_saves_exactly_when_its_calculator_reads_the_answers(
    golden: str, section: Section, reader: Any
) -> None:
    """Over the golden inputs, a save is refused (INVALID_ANSWER) just when the form's would be."""
    for case in json.loads((GOLDEN / golden).read_text(encoding="utf-8")):
        try:
            reader(case["input"])
        except InvalidInput as error:
            refused = {(Code.INVALID_ANSWER, each.field) for each in error.errors}
            problems = _problems(saved_entry, section, "2026-12-01", case["input"])
            assert {(p.code, p.field) for p in problems} == refused, case["name"]
        else:
            assert saved_entry(section, "2026-12-01", case["input"]).day == date(2026, 12, 1)
