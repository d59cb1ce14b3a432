"""The reader's own record: saved self-check results, the current plan, the sessions done.

It lives only on the reader's device (issue 24): the page keeps it in the browser's storage and
this module checks it, migrates it, and turns it into a file a spreadsheet opens, and back. An
entry keeps the answers as the form sent them, checked by the calculator's own reader
(`SelfCheckInput.from_mapping`, `PlanInput.from_mapping`), so no field is restated here; the
score and level the answer showed are kept too, and must be what the answers give today.

Versions: 1 is the first (issue 24, session 9): self-checks, the plan, sessions. 2 adds the
reader's own questions for their next appointment (`questions`, required from 2 on; a file
writes them in a `questions` row's `text` cell). `MIGRATIONS[1]` brings a version-1 record or
file up (its questions are empty). A new shape bumps `VERSION`, adds its top-level keys to
`_KEYS` and its file's columns and rows to `_IN_FILE`, and adds `MIGRATIONS[n]` (a version-n
mapping to a version-n+1 one); a record is checked against its own version's keys before it
migrates. A record without a version, or from a newer page, is refused, never guessed at.

Problems are codes (`Code`) naming the entry and field, or the file's row and column;
`present.record_words` words them. The plan's printout name (a text field) is not kept.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from calculators import self_check
from calculators.errors import InvalidInput
from calculators.fields import Field, Kind
from calculators.function import level_for_score
from calculators.inputs import decimal_or_none
from calculators.plan import PlanInput, assess
from calculators.plan import answers as plan_answers
from calculators.schedule import read_start_date

FORMAT = "regain-record"
VERSION = 2
# The reader's questions fit the few lines the appointment page prints: a page limit (common
# practice for a free-text box on a printed form), not an evidence number.
QUESTIONS_MAX_CHARACTERS = 1_000
# The largest file an import reads: a record of a self-check a day for ten years is about 0.7 MB
# as CSV, so a bigger file is not one of ours (a page limit, common practice; the page reads at
# most 4 bytes a character of it, one more, and sends that: a huge file is never read whole).
FILE_MAX_CHARACTERS = 2_000_000
# The record's top-level keys in each version; a record is checked against its own before it
# migrates, so a version-1 record holding "questions" is refused, not emptied.
_KEYS: dict[int, frozenset[str]] = {
    1: frozenset({"format", "version", "checks", "plan", "sessions"}),
    2: frozenset({"format", "version", "checks", "plan", "sessions", "questions"}),
}


def _questions_added(data: dict[str, object]) -> dict[str, object]:
    """Version 1 to 2: the reader's questions (none yet); nothing else changes."""
    return {**data, "version": 2, "questions": ""}


# version n -> a function turning a version-n mapping into a version-n+1 one.
MIGRATIONS: dict[int, Callable[[dict[str, object]], dict[str, object]]] = {1: _questions_added}


class Code(StrEnum):
    """Why a record or a file is refused; `present.record_words` words each."""

    NOT_AN_OBJECT = "not-an-object"
    NOT_A_RECORD = "not-a-record"  # no "regain-record" format mark: someone else's data
    NO_VERSION = "no-version"
    NEWER_VERSION = "newer-version"  # saved by a newer page than this one
    UNKNOWN_VERSION = "unknown-version"
    UNEXPECTED_KEY = "unexpected-key"
    NOT_A_LIST = "not-a-list"
    NOT_AN_ENTRY = "not-an-entry"
    BAD_DATE = "bad-date"
    SAME_DATE_TWICE = "same-date-twice"
    BAD_ANSWERS = "bad-answers"  # not a mapping of form values
    UNKNOWN_FIELD = "unknown-field"  # a field the calculator does not ask
    INVALID_ANSWER = "invalid-answer"  # the calculator's reader refused it
    DERIVED_DIFFERS = "derived-differs"  # a score or level the answers do not give
    # the file only
    NOT_CSV = "not-csv"
    EMPTY_FILE = "empty-file"
    BAD_COLUMNS = "bad-columns"
    UNKNOWN_ROW_TYPE = "unknown-row-type"
    ROW_TOO_LONG = "row-too-long"
    PLAN_TWICE = "plan-twice"
    QUESTIONS_TWICE = "questions-twice"
    # the reader's questions (version 2)
    MISSING_KEY = "missing-key"  # a part every record of its version holds
    BAD_QUESTIONS = "bad-questions"  # not text, or a control character other than a line break
    QUESTIONS_TOO_LONG = "questions-too-long"  # over QUESTIONS_MAX_CHARACTERS


class Section(StrEnum):
    """A part of the record, and a file row's `type`."""

    CHECKS = "self-check"
    PLAN = "plan"
    SESSIONS = "session"
    QUESTIONS = "questions"  # the reader's questions for their next appointment (version 2)


@dataclass(frozen=True)
class Problem:
    """One problem: its code, where (section, entry index from 0, field), or the file's row."""

    code: Code
    section: Section | None = None
    index: int | None = None
    field: str = ""
    row: int | None = None  # counted from 1, as a spreadsheet shows it


class InvalidRecord(ValueError):  # noqa: N818 - named as InvalidInput is
    """A record or file that cannot be used; `problems` lists every one found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__(
            " ".join(f"{p.code}:{p.section}:{p.index}:{p.field}" for p in self.problems)
        )


# A form's answers in the order its fields are declared: (field name, value as text).
Answers = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class SavedCheck:
    """A saved self-check: its day, answers, and the SARC-F score and at-home SPPB it showed."""

    day: date
    answers: Answers
    score: int
    sppb: int | None = None  # the low end of the measured tests' score (None: no complete set)
    level: str = ""  # that score's level A-D (M3), "" without one


@dataclass(frozen=True)
class SavedPlan:
    """The current plan: its first day, its answers and the level it showed ("B+": falls risk)."""

    day: date
    answers: Answers
    level: str


Saved = SavedCheck | SavedPlan


@dataclass(frozen=True)
class Record:
    """Everything saved: self-checks, the plan, sessions done (by date), the reader's questions.

    One self-check a day; `questions` is the reader's text for their next appointment ("": none).
    """

    checks: tuple[SavedCheck, ...] = ()
    plan: SavedPlan | None = None
    sessions: tuple[date, ...] = ()
    questions: str = ""

    @classmethod
    def from_mapping(cls, obj: object) -> Record:
        """Check (and migrate) a stored record; raises `InvalidRecord` with every problem."""
        found: list[Problem] = []
        data = _migrated(obj, _Spot(found))
        if data is None:
            raise InvalidRecord(found)
        checks: dict[date, SavedCheck] = {}
        for index, entry in enumerate(_listed(data.get("checks"), _Spot(found, Section.CHECKS))):
            check = _entry(entry, _Spot(found, Section.CHECKS, index))
            if isinstance(check, SavedCheck) and check.day in checks:
                found.append(Problem(Code.SAME_DATE_TWICE, Section.CHECKS, index, "date"))
            elif isinstance(check, SavedCheck):
                checks[check.day] = check
        plan = (
            None
            if data.get("plan") is None
            else _entry(data["plan"], _Spot(found, Section.PLAN, 0))
        )
        sessions = _listed(data.get("sessions"), _Spot(found, Section.SESSIONS))
        days = {
            _day(day, _Spot(found, Section.SESSIONS, index)) for index, day in enumerate(sessions)
        }
        if "questions" not in data:
            _Spot(found).add(Code.MISSING_KEY, "questions")
        questions = _questions(data.get("questions", ""), _Spot(found, Section.QUESTIONS, 0))
        if found or not isinstance(plan, SavedPlan | None) or questions is None:
            raise InvalidRecord(found)
        ordered = tuple(checks[day] for day in sorted(checks))
        return cls(ordered, plan, tuple(sorted(day for day in days if day is not None)), questions)

    def to_mapping(self) -> dict[str, object]:
        """The record as plain JSON-ready values, the shape `from_mapping` reads."""
        return {
            "format": FORMAT,
            "version": VERSION,
            "checks": [_entry_mapping(check) for check in self.checks],
            "plan": None if self.plan is None else _entry_mapping(self.plan),
            "sessions": [day.isoformat() for day in self.sessions],
            "questions": self.questions,
        }

    def with_entry(self, entry: Saved) -> Record:
        """The record with `entry` saved (it replaces a self-check of the same day, or the plan)."""
        if isinstance(entry, SavedPlan):
            return replace(self, plan=entry)
        kept = {check.day: check for check in self.checks} | {entry.day: entry}
        return replace(self, checks=tuple(kept[day] for day in sorted(kept)))

    def with_questions(self, text: str) -> Record:
        r"""The record with the reader's questions saved (line breaks kept, ends trimmed).

        Raises `InvalidRecord` (BAD_QUESTIONS, QUESTIONS_TOO_LONG) and keeps nothing.

        >>> Record().with_questions("  Can I walk further?\r\nWhat about my knee?  ").questions
        'Can I walk further?\nWhat about my knee?'
        """
        found: list[Problem] = []
        questions = _questions(text, _Spot(found, Section.QUESTIONS, 0))
        if questions is None:
            raise InvalidRecord(found)
        return replace(self, questions=questions)


def saved_entry(section: Section, day: str, answers: Mapping[str, object]) -> Saved:
    """A self-check or plan to save, from its day (ISO) and the form's answers (as sent).

    Its score or level is computed here, from the answers; raises `InvalidRecord`.
    """
    found: list[Problem] = []
    saved = _entry({"date": day, "answers": answers}, _Spot(found, section, 0))
    if saved is None or found:
        raise InvalidRecord(found)
    return saved


@dataclass(frozen=True)
class Conflict:
    """What differs between the record and a file: the page asks which to keep.

    A same-day self-check or the plan (`Saved`), or the reader's questions (`str`, both sides).
    """

    current: Saved | str
    imported: Saved | str


def merge(current: Record, imported: Record) -> tuple[Record, tuple[Conflict, ...]]:
    """Both records merged by date, and what differs between them.

    Where a same-day entry, the plan or the questions differ, the current one stays and a
    conflict is reported: the page asks, then saves the reader's choice with `Record.with_entry`
    (an entry) or `Record.with_questions` (the chosen text). Questions on one side only are
    taken. Nothing is overwritten silently.
    """
    conflicts = []
    checks = {check.day: check for check in current.checks}
    for check in imported.checks:
        mine = checks.setdefault(check.day, check)
        if mine != check:
            conflicts.append(Conflict(mine, check))
    plan = current.plan or imported.plan
    if plan is not None and imported.plan is not None and plan != imported.plan:
        conflicts.append(Conflict(plan, imported.plan))
    sessions = tuple(sorted({*current.sessions, *imported.sessions}))
    questions = current.questions or imported.questions
    if imported.questions and questions != imported.questions:
        conflicts.append(Conflict(questions, imported.questions))
    merged = Record(tuple(checks[day] for day in sorted(checks)), plan, sessions, questions)
    return merged, tuple(conflicts)


# ---------------------------------------------------------------- the file (CSV)
# Row 1 names the format and version; row 2 the columns; then one row per entry, by `type`.
_HEAD = ("format", FORMAT, "version")
DERIVED = ("score", "sppb", "level")
# type, date, the derived values, every kept field of both forms (once each), then the only
# cell the reader types: the questions' `text` (version 2).
COLUMNS = (
    "type",
    "date",
    *DERIVED,
    *dict.fromkeys(
        each.name
        for each in (*self_check.FIELDS, *plan_answers.FIELDS)
        if each.kind is not Kind.TEXT
    ),
    "text",
)
# What a file of each version may hold: its columns and its row types.
_IN_FILE: dict[int, tuple[tuple[str, ...], frozenset[Section]]] = {
    1: (COLUMNS[:-1], frozenset(Section) - {Section.QUESTIONS}),
    2: (COLUMNS, frozenset(Section)),
}
# The parts a record keeps one of, and the problem a second row of one is.
_ONE_ROW = {Section.PLAN: Code.PLAN_TWICE, Section.QUESTIONS: Code.QUESTIONS_TWICE}
# A spreadsheet runs a cell that starts with one of these as a formula (OWASP, "CSV
# injection"); a leading quote makes it text. Only the reader's text is such a cell: the
# others are numbers, dates and choices the calculators checked.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_AS_TEXT = "'"


def to_csv(record: Record) -> str:
    """The record as CSV text: self-checks, the plan, sessions (each by date), the questions."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerows([[*_HEAD, str(VERSION)], COLUMNS])
    entries: list[Saved] = [*record.checks, *([] if record.plan is None else [record.plan])]
    rows = [(_section(entry), _entry_mapping(entry)) for entry in entries]
    rows += [(Section.SESSIONS, {"date": day.isoformat()}) for day in record.sessions]
    if record.questions:  # empty questions: no row
        rows.append((Section.QUESTIONS, {"text": _typed_cell(record.questions)}))
    for section, cells in rows:
        given = {**_as_dict(cells.pop("answers", None)), **cells}
        given["type"] = section.value
        writer.writerow(["" if given.get(name) is None else str(given[name]) for name in COLUMNS])
    return out.getvalue()


def from_csv(text: str) -> Record:
    """Read a file `to_csv` wrote (or a spreadsheet saved); raises `InvalidRecord` naming rows."""
    try:
        rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    except csv.Error:
        raise InvalidRecord([Problem(Code.NOT_CSV)]) from None
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    data, columns, kinds = _file_head(rows)
    found: list[Problem] = []
    at: dict[Section, list[int]] = {section: [] for section in Section}
    for number, row in enumerate(rows[2:], start=3):
        cells = {name: cell.strip() for name, cell in zip(columns, row, strict=False)}
        kind = cells.pop("type", "")
        if len(row) > len(columns) or kind not in kinds:
            code = Code.ROW_TOO_LONG if len(row) > len(columns) else Code.UNKNOWN_ROW_TYPE
            found.append(
                Problem(code, field="" if code is Code.ROW_TOO_LONG else "type", row=number)
            )
            continue
        section = Section(kind)
        if section in _ONE_ROW and at[section]:
            found.append(Problem(_ONE_ROW[section], field="type", row=number))
            continue
        at[section].append(number)
        given = {name: cell for name, cell in cells.items() if cell}
        found += _file_entry(section, given, data, number)
    try:
        record = Record.from_mapping(data)
    except InvalidRecord as error:
        found += [_in_file(problem, at) for problem in error.problems]
    if found:
        raise InvalidRecord(found)
    return record


def _file_head(
    rows: list[list[str]],
) -> tuple[dict[str, object], list[str], frozenset[Section]]:
    """The record's frame from the file's first two rows, and the row types its version has.

    A version this page cannot read is refused before the columns are looked at: a newer file's
    new column is not the problem to report.
    """
    if not rows:
        raise InvalidRecord([Problem(Code.EMPTY_FILE)])
    if len(rows[0]) <= len(_HEAD) or tuple(rows[0][: len(_HEAD)]) != _HEAD:
        raise InvalidRecord([Problem(Code.NOT_A_RECORD, row=1)])
    data: dict[str, object] = {"format": FORMAT, "checks": [], "sessions": []}
    cell = rows[0][len(_HEAD)].strip()
    if cell:
        data["version"] = int(cell) if cell.isascii() and cell.isdigit() else cell
    found: list[Problem] = []
    version = _version(data, _Spot(found))
    if version is None:
        raise InvalidRecord([replace(problem, row=1) for problem in found])
    allowed, kinds = _IN_FILE[version]
    columns = rows[1] if len(rows) > 1 else []
    unknown = [name for name in columns if name not in allowed]
    if unknown or "type" not in columns or "date" not in columns:
        raise InvalidRecord([Problem(Code.BAD_COLUMNS, field=(unknown or ["type"])[0], row=2)])
    if "questions" in _KEYS[version]:
        data["questions"] = ""  # a file leaves empty questions out
    return data, columns, kinds


def _file_entry(
    section: Section, cells: dict[str, str], data: dict[str, object], row: int
) -> list[Problem]:
    """One file row (its non-empty cells) added to the record's mapping `data`; its problems."""
    if section is Section.SESSIONS:
        _as_list(data["sessions"]).append(cells.pop("date", ""))
        return [Problem(Code.UNEXPECTED_KEY, field=name, row=row) for name in cells]
    if section is Section.QUESTIONS:
        data["questions"] = _typed_text(cells.pop("text", ""))
        return [Problem(Code.UNEXPECTED_KEY, field=name, row=row) for name in cells]
    entry: dict[str, object] = {key: cells.pop(key) for key in ("date", *DERIVED) if key in cells}
    entry["answers"] = cells
    if section is Section.CHECKS:
        _as_list(data["checks"]).append(entry)
    else:
        data["plan"] = entry
    return []


def _typed_cell(text: str) -> str:
    """A cell the reader typed, written so a spreadsheet shows it as text and never runs it.

    A quote goes before a formula's first sign and before a quote, so `_typed_text` always
    removes exactly one: `=1+1` is written `'=1+1`, `'tis` is written `''tis`.
    """
    return _AS_TEXT + text if text.startswith((*_FORMULA_STARTS, _AS_TEXT)) else text


def _typed_text(cell: str) -> str:
    """A reader-typed cell as the reader typed it: the one quote `_typed_cell` adds removed."""
    return cell.removeprefix(_AS_TEXT)


def _in_file(problem: Problem, at: Mapping[Section, list[int]]) -> Problem:
    """A record's problem located in the file: the entry's row (the field is its column)."""
    if problem.section is None or problem.index is None:
        return replace(problem, row=1)
    rows = at[problem.section]
    row = rows[problem.index] if problem.index < len(rows) else None
    # the questions are the file's `text` column
    field = "text" if problem.section is Section.QUESTIONS else problem.field
    return replace(problem, field=field, row=row)


# ---------------------------------------------------------------- checking entries
@dataclass(frozen=True)
class _Spot:
    """Where in the record a value is checked, and the list its problems go to."""

    found: list[Problem]
    section: Section | None = None
    index: int | None = None

    def add(self, code: Code, name: str = "") -> None:
        self.found.append(Problem(code, self.section, self.index, name))

    def unexpected(self, data: Iterable[object], keys: Collection[str]) -> None:
        for key in data:
            if key not in keys:
                self.add(Code.UNEXPECTED_KEY, str(key))


def _version(obj: Mapping[str, object], spot: _Spot) -> int | None:
    """The record's version if this page reads it (1 to `VERSION`), else None (a problem added)."""
    version = obj.get("version")
    if obj.get("format") != FORMAT:
        spot.add(Code.NOT_A_RECORD, "format")
    elif version is None:
        spot.add(Code.NO_VERSION, "version")
    elif not isinstance(version, int) or isinstance(version, bool) or version < 1:
        spot.add(Code.UNKNOWN_VERSION, "version")
    elif version > VERSION:
        spot.add(Code.NEWER_VERSION, "version")
    else:
        return version
    return None


def _migrated(obj: object, spot: _Spot) -> dict[str, object] | None:
    """The record, checked against its own version's keys, migrated to `VERSION`; or None.

    None comes with a problem added; `MIGRATIONS` takes it up one version at a time.
    """
    if not isinstance(obj, Mapping):
        spot.add(Code.NOT_AN_OBJECT)
        return None
    version = _version(obj, spot)
    if version is None:
        return None
    spot.unexpected(obj, _KEYS[version])
    data = {str(key): value for key, value in obj.items()}
    for step in range(version, VERSION):
        data = MIGRATIONS[step](data)
    return data


# Unicode's control characters (Cc) but the line break, and halves of a UTF-16 pair (Cs).
_REFUSED_IN_QUESTIONS = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def _questions(value: object, spot: _Spot) -> str | None:
    """The reader's questions as kept, or None if refused (its problems are added).

    Each line break becomes one newline and the ends are trimmed; at most
    `QUESTIONS_MAX_CHARACTERS`; no other control character (nor half of a UTF-16 pair, which no
    file can hold).
    """
    if not isinstance(value, str):
        spot.add(Code.BAD_QUESTIONS, "questions")
        return None
    text = value.replace("\r\n", "\n").replace("\r", "\n").strip()
    before = len(spot.found)
    if _REFUSED_IN_QUESTIONS.search(text):
        spot.add(Code.BAD_QUESTIONS, "questions")
    if len(text) > QUESTIONS_MAX_CHARACTERS:
        spot.add(Code.QUESTIONS_TOO_LONG, "questions")
    return text if len(spot.found) == before else None


def _listed(value: object, spot: _Spot) -> list[object]:
    """A list in the record (absent: none), else a problem."""
    if value is not None and not isinstance(value, list | tuple):
        spot.add(Code.NOT_A_LIST)
    return list(value) if isinstance(value, list | tuple) else []


def _day(value: object, spot: _Spot) -> date | None:
    """An ISO date within the calendar's sanity years (`schedule.START_YEARS`)."""
    try:
        return read_start_date(value)
    except InvalidInput:
        spot.add(Code.BAD_DATE, "date")
        return None


def _saved_check(day: date, answers: Answers) -> SavedCheck:
    """A self-check with the score it shows, and its measured tests' score and level."""
    given = self_check.SelfCheckInput.from_mapping(dict(answers))
    low = self_check.measured_score_low(given)
    level = "" if low is None else level_for_score(low).value
    return SavedCheck(day, answers, self_check.self_check(given).score, low, level)


def _saved_plan(day: date, answers: Answers) -> SavedPlan:
    """A plan with the level it shows ("+": falls risk, M3)."""
    assessment = assess(PlanInput.from_mapping(dict(answers)))
    return SavedPlan(day, answers, assessment.level.value + ("+" if assessment.falls_risk else ""))


# Each kind of entry: the calculator's fields, the derived values kept, how it is made.
_KINDS: dict[
    Section, tuple[tuple[Field, ...], tuple[str, ...], Callable[[date, Answers], Saved]]
] = {
    Section.CHECKS: (self_check.FIELDS, DERIVED, _saved_check),
    Section.PLAN: (plan_answers.FIELDS, ("level",), _saved_plan),
}


def _entry(obj: object, spot: _Spot) -> Saved | None:
    """A saved entry read by its calculator; a score or level given must be what it computes."""
    declared, derived, make = _KINDS[spot.section or Section.CHECKS]
    if not isinstance(obj, Mapping):
        spot.add(Code.NOT_AN_ENTRY)
        return None
    spot.unexpected(obj, {"date", "answers", *derived})
    day = _day(obj.get("date"), spot)
    answers = _answers(obj.get("answers"), declared, spot)
    if answers is None:
        return None
    try:
        saved = make(day or date.min, answers)
    except InvalidInput as error:
        for problem in error.errors:
            spot.add(Code.INVALID_ANSWER, problem.field)
        return None
    for key in derived:
        if key in obj and _text(obj[key]) != _text(getattr(saved, key)):
            spot.add(Code.DERIVED_DIFFERS, key)
    return saved if day is not None else None


def _section(entry: Saved) -> Section:
    return Section.CHECKS if isinstance(entry, SavedCheck) else Section.PLAN


def _entry_mapping(entry: Saved) -> dict[str, object]:
    """An entry as the record's JSON: date, answers, then its derived values (null if none)."""
    derived = _KINDS[_section(entry)][1]
    values = {key: None if getattr(entry, key) == "" else getattr(entry, key) for key in derived}
    return {"date": entry.day.isoformat(), "answers": dict(entry.answers), **values}


def _text(value: object) -> str:
    """A derived value as a file holds it ("" for none; a tick box is never one)."""
    return "" if value is None else "?" if isinstance(value, bool) else str(value)


def _answers(raw: object, declared: tuple[Field, ...], spot: _Spot) -> Answers | None:
    """The form's values as text, in declaration order; empty ones (and unticked boxes) left out.

    A number is written as plain decimal text ("12,5 s" -> "12.5"), read as the reader reads it.
    """
    if not isinstance(raw, Mapping):
        spot.add(Code.BAD_ANSWERS, "answers")
        return None
    by_name = {each.name: each for each in declared}
    texts: dict[str, str] = {}
    for key, value in raw.items():
        known = by_name.get(key) if isinstance(key, str) else None
        text = _form_text(value)
        if known is None:
            spot.add(Code.UNKNOWN_FIELD, str(key))
        elif text is None:
            spot.add(Code.BAD_ANSWERS, known.name)
        elif text and known.kind is not Kind.TEXT:
            texts[known.name] = _plain_number(known, text)
    return tuple((each.name, texts[each.name]) for each in declared if each.name in texts)


def _form_text(value: object) -> str | None:
    """A form value as text ("" for none): text, a number, a tick, or a list of choices."""
    if value is None or value is False:
        return ""
    if value is True:
        return "true"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list | tuple) and all(isinstance(item, str) for item in value):
        return ",".join(item.strip() for item in value if item.strip())
    return None


def _plain_number(declared: Field, text: str) -> str:
    """A number field's text as plain decimal digits, if the reader reads it as a number."""
    if declared.kind not in (Kind.NUMBER, Kind.WHOLE) or declared.bound is None:
        return text
    number = decimal_or_none(text, declared.bound.unit, whole=declared.kind is Kind.WHOLE)
    return text if number is None else format(number, "f")


def _as_list(value: object) -> list[object]:
    return value if isinstance(value, list) else []


def _as_dict(value: object) -> dict[str, object]:
    return {str(key): each for key, each in value.items()} if isinstance(value, Mapping) else {}


__all__ = [
    "COLUMNS",
    "DERIVED",
    "FILE_MAX_CHARACTERS",
    "FORMAT",
    "MIGRATIONS",
    "QUESTIONS_MAX_CHARACTERS",
    "VERSION",
    "Code",
    "Conflict",
    "InvalidRecord",
    "Problem",
    "Record",
    "Saved",
    "SavedCheck",
    "SavedPlan",
    "Section",
    "from_csv",
    "merge",
    "saved_entry",
    "to_csv",
]
