"""The calculators' one exception: invalid input, carrying one problem per form field."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from calculators.evidence import Bound
from calculators.fields import Field


class Problem(StrEnum):
    """What is wrong with an input."""

    VALUE = "value"
    TEXT = "text"
    LISTED = "listed"
    CHOOSE_ONE = "choose-one"
    CHOOSE_ANY = "choose-any"
    TICK_BOX = "tick-box"
    LIBRARY_MISSING = "library-missing"
    LIBRARY_DAMAGED = "library-damaged"


@dataclass(frozen=True)
class FieldProblem:
    """One problem with one input value, as a reason (`present.errors.worded` words it)."""

    field: str
    problem: Problem
    allowed: str = ""
    declared: Field | None = None
    bound: Bound | None = None  # in force, if not the declared one (pounds)
    words: str = ""  # other words than the field's own
    blanks: tuple[tuple[str, object], ...] = ()


@dataclass(frozen=True)
class FieldError:
    """One problem with one input field, worded for the reader (`present.errors.worded`)."""

    field: str  # the payload key ("" for none)
    message: str  # a sentence naming what to enter
    allowed: str = ""  # the allowed values or range in short form: "30–250 kg"

    def to_wire(self) -> dict[str, object]:
        """The error as the wire format's plain mapping."""
        return {"field": self.field, "message": self.message, "allowed": self.allowed}


class InvalidInput(ValueError):  # noqa: N818 - the name the project's interfaces use
    """Input the calculators cannot use: a calculator's `FieldProblem`s or the wire's `FieldError`s.

    >>> str(InvalidInput([FieldProblem("weight", Problem.VALUE, "30–250 kg")]))
    'weight: value'
    """

    def __init__(self, errors: Iterable[FieldProblem | FieldError]) -> None:
        self.errors: tuple[FieldProblem | FieldError, ...] = tuple(errors)
        super().__init__("; ".join(f"{e.field or 'input'}: {_said(e)}" for e in self.errors))


def _said(error: FieldProblem | FieldError) -> str:
    return error.message if isinstance(error, FieldError) else error.problem.value
