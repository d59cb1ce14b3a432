"""Each calculator's fields, declared once, for its form, command line, links and reader.

The form, the command line, share links and the calculator's own reader all derive from these
declarations.

A `Field` says what one payload key holds: how it is entered (`Kind`), its bound or choices,
its default, whether it may be left empty, and the message for a bad value. Each calculator
declares its fields beside its enums (`protein.FIELDS`, ...) and reads them with
`calculators.inputs.PayloadReader`; `present.forms` gives each one its label and help.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from calculators import evidence
from calculators.evidence import Bound


class Kind(StrEnum):
    """How a field is entered."""

    NUMBER = "number"  # a text box for a decimal number
    WHOLE = "whole"  # a text box for a whole number
    SELECT = "select"  # one choice from a drop-down list
    RADIO = "radio"  # one choice from buttons
    CHECKS = "checks"  # any number of choices
    FLAG = "flag"  # one tick box: yes or no
    TEXT = "text"  # short free text, kept in the page: never put in a share link
    TIME = "time"  # a time of day, hours and minutes (the browser's time box)


@dataclass(frozen=True)
class Field:
    """One answer a calculator reads (`name` is the wire's payload key).

    `message` is what a bad value shows; `{low}`, `{high}` and `{unit}` in it are the bound's
    (the bound in force: a weight in pounds has its own). For a choice it says what to choose
    ("a reminder"), and the reader lists the choices after it.
    """

    name: str
    kind: Kind
    message: str = ""
    bound: Bound | None = None
    choices: tuple[str, ...] = ()  # the values a reader may send, in order
    enum: type[StrEnum] | None = None  # the enum `choices` are the values of, if any
    default: str | tuple[str, ...] | None = None  # what the form starts with
    optional: bool = False
    # A missing value is an error even though the form starts with `default` (else it takes it).
    required: bool = False
    max_chars: int = 0  # for text

    def error(self, bound: Bound | None = None) -> str:
        """The message for a bad value, with the bound in force written in."""
        within = bound or self.bound
        if within is None:
            return self.message
        return self.message.format(low=within.low, high=within.high, unit=within.unit)

    def allowed(self) -> str:
        """The allowed values in short form, for the command line's help."""
        if self.choices:
            return "one of: " + ", ".join(self.choices)
        if self.bound is not None:
            return self.bound.allowed()
        return "yes or no" if self.kind is Kind.FLAG else ""


def choice(
    name: str,
    kind: Kind,
    enum: type[StrEnum],
    what: str,
    *,
    default: StrEnum | None = None,
    optional: bool = False,
) -> Field:
    """A field whose values are an enum's: one of them (radio, select) or several (checks)."""
    return Field(
        name,
        kind,
        what,
        choices=tuple(member.value for member in enum),
        enum=enum,
        default=None if default is None else default.value,
        optional=optional,
    )


def flag(name: str) -> Field:
    """A tick box (missing means no)."""
    return Field(name, Kind.FLAG)


# The age as the protein target and the plan ask it (the self-check's is optional).
AGE = Field(
    "age",
    Kind.WHOLE,
    "Enter your age in whole years, between {low} and {high}.",
    bound=evidence.AGE_YEARS,
)

__all__ = ["AGE", "Field", "Kind", "choice", "flag"]
