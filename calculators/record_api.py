"""The reader's record on the wire (issue 24): save, show, print, export and import it.

The page keeps the record in the browser's storage and sends it with each request; these
functions check it (`Record.from_mapping`), change it and send it back for the page to store.
Nothing here is kept between requests, and nothing leaves the device: the page's storage is
the only copy. A stored record that cannot be read is never overwritten: every change first
reads it, and a problem is an error the page shows (the reader can export or delete it).

`calculators.api` imports this module on the first record request only: a reader who never
saves anything does not download or compile it at the engine's start (bench
`engine_start_modules`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date

from calculators.errors import FieldError, InvalidInput
from calculators.present import record_page
from calculators.present.record_words import problem_message
from calculators.present.view import View
from calculators.record import (
    FILE_MAX_CHARACTERS,
    Code,
    InvalidRecord,
    Problem,
    Record,
    Section,
    from_csv,
    merge,
    saved_entry,
    to_csv,
)
from calculators.schedule import read_start_date

# The payload's keys (the page's script sends them).
RECORD = "record"
KIND = "kind"
DAY = "date"
ANSWERS = "answers"
DONE = "done"
FILE = "file"
KEEP = "keep"
STORAGE = "storage"
# What a record request may save: a self-check, the plan, a session ticked done (or undone), the
# reader's questions for their appointment.
KINDS = tuple(part.value for part in Section)  # a self-check, the plan, a session, questions
TEXT = "text"
# An import's choice for the same-day entries that differ: keep what is saved, or the file's.
KEEP_MINE, KEEP_FILE = "mine", "file"
# The page could not read the browser's storage (private mode, or storage switched off).
STORAGE_BLOCKED = "blocked"

Answer = tuple[dict[str, object], View | None]


def stored(payload: Mapping[str, object]) -> Record:
    """The record the page sent (none yet: an empty one); a bad one is refused, never replaced."""
    raw = payload.get(RECORD)
    if raw is None:
        return Record()
    try:
        return Record.from_mapping(raw)
    except InvalidRecord as error:
        raise _invalid(error, RECORD) from None


def today(payload: Mapping[str, object]) -> date:
    """The reader's date (their device's), which a save is filed under."""
    try:
        return read_start_date(payload.get(DAY))
    except InvalidInput:
        raise InvalidInput([FieldError(DAY, record_page.BAD_TODAY)]) from None


def save(payload: Mapping[str, object], exercises: Sequence[object]) -> Answer:
    """A self-check, the plan or a session added to the record: the record to store."""
    del exercises  # saving needs no library
    record = stored(payload)
    day = today(payload)
    kind = payload.get(KIND)
    replaced = False
    if kind not in KINDS:
        raise InvalidInput([FieldError(KIND, record_page.BAD_KIND)])
    if kind == Section.SESSIONS.value:
        done = payload.get(DONE)
        if not isinstance(done, bool):
            raise InvalidInput([FieldError(DONE, record_page.BAD_KIND)])
        days = {*record.sessions, day} if done else set(record.sessions) - {day}
        record = replace(record, sessions=tuple(sorted(days)))
    elif kind == Section.QUESTIONS.value:
        text = payload.get(TEXT)
        try:
            if not isinstance(text, str):
                raise InvalidRecord([Problem(Code.BAD_QUESTIONS, Section.QUESTIONS, field=TEXT)])
            record = record.with_questions(text)
        except InvalidRecord as error:
            raise _invalid(error, TEXT) from None
    else:
        answers = payload.get(ANSWERS)
        try:
            entry = saved_entry(Section(str(kind)), day.isoformat(), _mapping(answers))
        except InvalidRecord as error:
            raise _invalid(error, ANSWERS) from None
        replaced = (
            record.plan is not None
            if kind == Section.PLAN.value
            else any(check.day == day for check in record.checks)
        )
        record = record.with_entry(entry)
    message = record_page.saved_message(
        Section(str(kind)), day, bool(payload.get(DONE)), replaced=replaced
    )
    return {"record": record.to_mapping(), "message": message}, None


def progress(payload: Mapping[str, object], exercises: Sequence[object]) -> Answer:
    """The "My progress" page's answer for the record the page found (or could not read)."""
    day = today(payload)
    if payload.get(STORAGE) == STORAGE_BLOCKED:
        return {}, record_page.storage_blocked_view()
    return {}, record_page.progress_view(stored(payload), day, exercises)


def appointment(payload: Mapping[str, object], exercises: Sequence[object]) -> Answer:
    """The one-page printout for an appointment: the saved record, or a self-check just done.

    `answers` (a self-check's answers) prints that check alone, saving nothing.
    """
    day = today(payload)
    if payload.get(ANSWERS) is not None:
        try:
            check = saved_entry(Section.CHECKS, day.isoformat(), _mapping(payload.get(ANSWERS)))
        except InvalidRecord as error:
            raise _invalid(error, ANSWERS) from None
        record = Record().with_entry(check)
    else:
        record = stored(payload)
    return {}, record_page.appointment_view(record, day, exercises)


def export(payload: Mapping[str, object], exercises: Sequence[object]) -> Answer:
    """The record as a CSV file a spreadsheet opens: its name, its text, the line said after."""
    del exercises
    record = stored(payload)
    day = today(payload)
    return {
        "filename": record_page.export_filename(day),
        # A byte-order mark first: spreadsheets then read the file as UTF-8 (é, 中 in questions);
        # `from_csv` drops it again.
        "content": "\ufeff" + to_csv(record),
        "message": record_page.exported_message(record),
    }, None


def import_file(payload: Mapping[str, object], exercises: Sequence[object]) -> Answer:
    """A file merged into the record by date; same-day entries that differ are asked about.

    Without `keep`, differing entries make no record: the answer asks which to keep. With
    `keep` ("mine" or "file"), the record is the merge with that side's entries.
    """
    del exercises
    record = stored(payload)
    text = payload.get(FILE)
    if not isinstance(text, str):
        raise InvalidInput([FieldError(FILE, record_page.NO_FILE)])
    if len(text) > FILE_MAX_CHARACTERS:
        raise InvalidInput([FieldError(FILE, record_page.FILE_TOO_BIG)])
    try:
        imported = from_csv(text)
    except InvalidRecord as error:
        raise _invalid(error, FILE) from None
    merged, conflicts = merge(record, imported)
    keep = str(payload.get(KEEP) or "")
    if conflicts and keep not in (KEEP_MINE, KEEP_FILE):
        return {"record": None}, record_page.conflicts_view(conflicts)
    if keep == KEEP_FILE:
        for conflict in conflicts:
            chosen = conflict.imported
            merged = (
                merged.with_questions(chosen)
                if isinstance(chosen, str)
                else merged.with_entry(chosen)
            )
    return {
        "record": merged.to_mapping(),
        "message": record_page.imported_message(imported, len(conflicts), keep),
    }, None


def _mapping(value: object) -> Mapping[str, object]:
    return value if isinstance(value, Mapping) else {}


def _invalid(error: InvalidRecord, field: str) -> InvalidInput:
    """The record's problems as the wire's field errors, each naming its place."""
    return InvalidInput([FieldError(field, problem_message(p)) for p in error.problems[:5]])


__all__ = ["appointment", "export", "import_file", "progress", "save", "stored", "today"]
