"""The buttons that save an answer in the reader's record, and print it for an appointment.

They sit under the self-check's and the plan's answers (issue 24), so this module is loaded at
the engine's start: it holds only the buttons and their words, not the record (which loads on
the first save, `calculators.record_api`). The words the script shows when the browser's
storage refuses travel in each button's `data-*`: no wording lives in JavaScript.
"""

from __future__ import annotations

from calculators.present.view import Button, Link

# The record's parts a button saves (calculators.record.Section's values).
CHECK, PLAN = "self-check", "plan"
SAVE_TEXT = {
    CHECK: "Save this result on this device",
    PLAN: "Save this plan on this device",
}
# The browser's storage, when the script cannot use it.
STORAGE_WORDS = {
    "blocked": (
        "This browser is not letting the site keep anything on this device (a private window, "
        "or site storage switched off), so nothing was saved. Anything saved before is still "
        "there. You can print the result instead."
    ),
    "full": (
        "This device's storage for the site is full, so nothing was saved. Anything saved "
        "before is still there. Export your record to a file, or free some space, and try again."
    ),
    "failed": "This could not be saved. Anything saved before is still there.",
}
APPOINTMENT_TEXT = "Print a page for your appointment"
PROGRESS_PAGE = "tools/progress/"  # the reader's saved results, from the site root


def progress_link() -> Link:
    """A link to the My progress page."""
    return Link("My progress", PROGRESS_PAGE)


def storage_data() -> tuple[tuple[str, str], ...]:
    """The storage failures' words as a button's data attributes (`data-storage-blocked`…)."""
    return tuple((f"storage-{reason}", text) for reason, text in STORAGE_WORDS.items())


def save_button(kind: str) -> Button:
    """The answer's "save" button for a self-check (`CHECK`) or a plan (`PLAN`)."""
    return Button("save", SAVE_TEXT[kind], data=(("kind", kind), *storage_data()))


def appointment_button() -> Button:
    """Print the one-page summary for an appointment (the engine writes it when pressed)."""
    return Button("appointment", APPOINTMENT_TEXT, data=(("failed", STORAGE_WORDS["failed"]),))


__all__ = [
    "APPOINTMENT_TEXT",
    "PROGRESS_PAGE",
    "SAVE_TEXT",
    "STORAGE_WORDS",
    "appointment_button",
    "progress_link",
    "save_button",
]
