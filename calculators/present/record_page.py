"""What the page says about the reader's record (issue 24): saved, exported, imported, asked.

The "My progress" answer is the progress view (`present.progress`) with the record's own
buttons under it; the printout for an appointment is `present.appointment`'s. The lines said
after a button (saved, exported) are here, and so are the words the buttons carry for the
script to show when the browser's storage refuses are `present.record_buttons`'.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from calculators.present import appointment, numbers, progress
from calculators.present.calendar import long_date
from calculators.present.escape import escape
from calculators.present.record_buttons import appointment_button, storage_data
from calculators.present.view import (
    Actions,
    Block,
    Button,
    Heading,
    Item,
    Items,
    Paragraph,
    View,
    Warning,
)
from calculators.present.view import Section as Medium
from calculators.record import (
    FILE_MAX_CHARACTERS,
    QUESTIONS_MAX_CHARACTERS,
    Conflict,
    Record,
    SavedCheck,
    Section,
)
from calculators.results import Severity

BAD_TODAY = "The date on this device could not be read, so nothing was saved."
BAD_KIND = "The page asked to save something it cannot save. Reload the page and try again."
NO_FILE = "Choose a file to import: a record this site saved (a .csv file)."
FILE_TOO_BIG = (
    "This file is far bigger than any record this site saves, so it was not read. Choose the "
    ".csv file this site exported. Nothing was changed."
)

EXPORT_TEXT = "Export my record (a spreadsheet file)"
IMPORT_TEXT = "Import a record file"
DELETE_TEXT = "Delete everything saved"
DELETE_CONFIRM = (
    "Delete every saved result, your plan and your ticked sessions from this device? "
    "This cannot be undone. Export your record first if you want to keep a copy."
)
DELETED = "Everything saved on this device was deleted."
QUESTIONS_TEXT = "Save my questions"
QUESTIONS_LABEL = (
    "What do you want to ask your doctor, physiotherapist or nurse? One question a line. "
    f"Up to {QUESTIONS_MAX_CHARACTERS:,} characters."
)
KEEP_TEXT = {"mine": "Keep what is saved here", "file": "Use the file's"}


def saved_message(section: Section, day: date, done: bool, replaced: bool = False) -> str:
    """The line said after a save; `replaced`: it took the place of an earlier one."""
    when = long_date(day)
    if section is Section.SESSIONS:
        return f"{when}: marked as done." if done else f"{when}: no longer marked as done."
    if section is Section.QUESTIONS:
        return "Your questions are saved on this device; they print on the appointment page."
    what = "This result" if section is Section.CHECKS else "This plan"
    instead = (
        " It replaces the result saved earlier that day."
        if section is Section.CHECKS
        else " It replaces the plan saved before; your saved results and ticks stay."
    )
    return (
        f"{what} is saved on this device, under {when}.{instead if replaced else ''} See it on "
        "the My progress page. Nothing was sent anywhere."
    )


def storage_blocked_view() -> View:
    """The progress page when the browser's storage cannot be read at all."""
    return View(
        (
            Warning(
                Severity.INFO,
                "This browser is not letting the site read or keep anything on this device (a "
                "private window, or site storage switched off). Your progress can only be kept "
                "where the browser allows it: try a normal window, or allow this site to store "
                "data.",
                "Nothing can be saved in this browser",
            ),
        )
    )


def progress_view(record: Record, today: date, exercises: Sequence[object]) -> View:
    """The My progress answer: the progress view, then the record's own buttons."""
    shown = progress.view(record, today, exercises)
    return View((*shown.blocks, *record_tools(record)), shown.state, shown.data)


def questions_box(questions: str) -> str:
    """The reader's questions for the appointment: a box under their button, as they saved it."""
    said = (
        "saved: printed on the appointment page"
        if questions
        else "printed on the appointment page, with lines to write on"
    )
    return (
        f"<summary>Your questions for the appointment ({escape(said)})</summary>\n<fieldset>\n"
        f'<label for="rg-questions">{escape(QUESTIONS_LABEL)}</label>\n'
        f'<textarea id="rg-questions" name="questions" rows="5" '
        f'maxlength="{QUESTIONS_MAX_CHARACTERS}">{escape(questions)}</textarea>\n</fieldset>\n'
    )


def record_tools(record: Record) -> tuple[Block, ...]:
    """Print, questions, export, import and delete, under a heading of their own."""
    empty = not record.checks and record.plan is None and not record.sessions
    questions = Button(
        "questions",
        QUESTIONS_TEXT,
        data=storage_data(),
        options=questions_box(record.questions),
    )
    buttons = [] if empty else [appointment_button(), questions, Button("export", EXPORT_TEXT)]
    # The page reads no more of a file than the import reads (one character more, to tell).
    limit = (("max-characters", str(FILE_MAX_CHARACTERS)),)
    buttons.append(Button("import", IMPORT_TEXT, data=(*limit, *storage_data())))
    if not empty:
        confirm = (("confirm", DELETE_CONFIRM), ("done", DELETED), *storage_data())
        buttons.append(Button("delete", DELETE_TEXT, data=confirm))
    # In a screen-only section: a view's own buttons go to its top (html.render), these stay
    # under their heading. Paper has no buttons.
    return (
        Medium(
            (
                Heading("Your record"),
                Paragraph(
                    (
                        "Your record is kept in this browser on this device only: nothing is sent "
                        "anywhere. Export it to keep a copy, or to move it to another device, and "
                        "import it there. Clearing the browser's data deletes it.",
                    )
                ),
                Actions(tuple(buttons)),
            ),
            "screen",
            "record-tools",
        ),
    )


def appointment_view(record: Record, today: date, exercises: Sequence[object]) -> View:
    """The one page to print for an appointment."""
    return appointment.view(record, today, exercises)


def export_filename(day: date) -> str:
    """The exported file's name: the site and the day, so copies sort by date."""
    return f"regain-record-{day.isoformat()}.csv"


def contents(record: Record) -> str:
    """What a record holds, in words: "2 self-check results, a plan and 5 sessions"."""
    parts = [numbers.plural(len(record.checks), "self-check result")]
    if record.plan is not None:
        parts.append("a plan")
    parts.append(numbers.plural(len(record.sessions), "session"))
    return numbers.and_list(parts)


def exported_message(record: Record) -> str:
    """The line said after an export."""
    return (
        f"The file holds {contents(record)}. It was saved by your browser, usually in your "
        "Downloads folder; it opens in a spreadsheet. Nothing was sent anywhere."
    )


def imported_message(imported: Record, conflicts: int, keep: str) -> str:
    """The line said after an import."""
    said = f"Imported {contents(imported)}, merged by date with what was saved here."
    if conflicts:
        kept = "what was saved here" if keep == "mine" else "the file's"
        said += f" For {numbers.plural(conflicts, 'day')} that differed, you kept {kept}."
    return said


def conflicts_view(conflicts: Sequence[Conflict]) -> View:
    """The question an import asks when the file and the record differ on the same day."""
    items = tuple(Item((_conflict_words(conflict),)) for conflict in conflicts)
    return View(
        (
            Paragraph(
                (
                    "The file and this device have different entries for the same "
                    f"{'day' if len(conflicts) == 1 else 'days'}. Nothing has been changed "
                    "yet. Which do you want to keep?",
                ),
                "headline",
            ),
            Items(items),
            Actions(
                tuple(
                    Button("import-keep", text, data=(("keep", keep), *storage_data()))
                    for keep, text in KEEP_TEXT.items()
                )
            ),
        )
    )


def _conflict_words(conflict: Conflict) -> str:
    entry = conflict.current
    if isinstance(entry, str):
        return "Your questions for the appointment"
    what = "self-check result" if isinstance(entry, SavedCheck) else "plan"
    return f"The {what} of {long_date(entry.day)}"


__all__ = [
    "appointment_view",
    "conflicts_view",
    "export_filename",
    "exported_message",
    "imported_message",
    "progress_view",
    "record_tools",
    "saved_message",
    "storage_blocked_view",
]
