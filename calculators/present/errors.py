"""What the page shows above a form whose answers need checking (messages come from the fields)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from calculators.errors import FieldError, FieldProblem, Problem
from calculators.present import field_words
from calculators.present.view import Item, View, Warning
from calculators.results import Severity

# What the engine answers when the request itself is wrong, not one of the reader's answers.
SOMETHING_WENT_WRONG = (
    "Something went wrong while working this out. Please check your answers and try again."
)
NOT_AN_OBJECT = "The answers must be a JSON object."
NOT_JSON = "The answers are not valid JSON."


# A damaged exercise library (data/exercises.yml is checked at build time, so a reader meets
# these only on a broken deploy): what is wrong with one entry, by problem.
LIBRARY_MISSING = "The exercise library is missing or empty."
LIBRARY_PROBLEMS = {  # by `exercises.LibraryProblem`
    "not-a-mapping": "is not a mapping",
    "no-id": "has no text 'id'",
    "repeated-id": "repeats an id used earlier",
    "text": "needs text in {key!r}",
    "id-or-null": "needs an id or null in {key!r}",
    "texts": "needs a list of text in {key!r}",
    "flag": "needs true or false in {key!r}",
    "choice": "needs one of {allowed} in {key!r}",
    "equipment": "needs a list of known items in 'equipment'",
    "dose": "needs a mapping in 'dose'",
    "dose-amounts": "needs 'dose' with sets and exactly one of reps or hold_seconds",
    "per-side": "needs true or false in 'dose.per_side'",
}


def damaged_library(blanks: Mapping[str, object]) -> str:
    """The message for an unusable entry of the exercise library."""
    ident = blanks.get("ident")
    name = f" ({ident!r})" if ident else ""
    what = LIBRARY_PROBLEMS[str(blanks["problem"])].format(**blanks)
    return f"The exercise library is damaged: entry {blanks['index']}{name} {what}."


def worded(errors: Iterable[FieldProblem | FieldError]) -> tuple[FieldError, ...]:
    """A calculator's problems in the reader's words (worded errors stay as they are)."""
    return tuple(_worded(error) for error in errors)


def _worded(error: FieldProblem | FieldError) -> FieldError:
    if isinstance(error, FieldError):
        return error
    if error.problem is Problem.LIBRARY_MISSING:
        return FieldError("", LIBRARY_MISSING)
    if error.problem is Problem.LIBRARY_DAMAGED:
        return FieldError("", damaged_library(dict(error.blanks)))
    return field_words.problem_error(error)


def no_calculator(name: str) -> str:
    """The message for a calculator name the engine does not know."""
    return f"There is no calculator called {name!r}."


def view(errors: Sequence[FieldError]) -> View:
    """One box: how many answers to check, and every message.

    Each message carries its field (`data-field`): the page moves the ones about a field it
    has next to that field and keeps the rest (about no field, or a field it lacks) here.
    """
    count = len(errors)
    heading = "Please check one answer" if count == 1 else f"Please check {count} answers"
    items = tuple(Item((error.message,), data=(("field", error.field),)) for error in errors)
    return View((Warning(Severity.CAUTION, "", heading=heading, items=items),), state="errors")
