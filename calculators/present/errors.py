"""What the page shows above a form whose answers need checking (messages come from the fields)."""

from __future__ import annotations

from collections.abc import Sequence

from calculators.errors import FieldError
from calculators.present.view import Item, View, Warning
from calculators.results import Severity


def view(errors: Sequence[FieldError]) -> View:
    """One box: how many answers to check, and every message.

    Each message carries its field (`data-field`): the page moves the ones about a field it
    has next to that field and keeps the rest (about no field, or a field it lacks) here.
    """
    count = len(errors)
    heading = "Please check one answer" if count == 1 else f"Please check {count} answers"
    items = tuple(Item((error.message,), data=(("field", error.field),)) for error in errors)
    return View((Warning(Severity.CAUTION, "", heading=heading, items=items),), state="errors")
