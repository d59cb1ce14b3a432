"""Each calculator's fields, declared once, for its form, command line, links and reader.

The form, the command line, share links and the calculator's own reader all derive from these
declarations.

A `Field` says what one payload key holds: how it is entered (`Kind`), its bound or choices,
its default, whether it may be left empty, and the key of its words for a bad value (the words
are `calculators.present.field_words`'). Each calculator declares its fields beside its enums
(`protein.FIELDS`, ...) and reads them with `calculators.inputs.PayloadReader`; `present.form_specs`
gives each one its label and help.
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

    `words` is the key of what a bad value shows (`present.field_words.FIELD_WORDS`, which
    writes in the bound in force: a weight in pounds has its own); a tick box has none.
    """

    name: str
    kind: Kind
    words: str = ""
    bound: Bound | None = None
    choices: tuple[str, ...] = ()  # the values a reader may send, in order
    enum: type[StrEnum] | None = None  # the enum `choices` are the values of, if any
    default: str | tuple[str, ...] | None = None  # what the form starts with
    optional: bool = False
    # A missing value is an error even though the form starts with `default` (else it takes it).
    required: bool = False
    max_chars: int = 0  # for text

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
    words: str,
    *,
    default: StrEnum | None = None,
    optional: bool = False,
) -> Field:
    """A field whose values are an enum's: one of them (radio, select) or several (checks).

    `words` keys what to choose ("a reminder"); the reader's message lists the choices after it.
    """
    return Field(
        name,
        kind,
        words,
        choices=tuple(member.value for member in enum),
        enum=enum,
        default=None if default is None else default.value,
        optional=optional,
    )


def flag(name: str) -> Field:
    """A tick box (missing means no)."""
    return Field(name, Kind.FLAG)


# The age as the protein target and the plan ask it (the self-check's is optional).
AGE = Field("age", Kind.WHOLE, "age", bound=evidence.AGE_YEARS)

__all__ = ["AGE", "Field", "Kind", "choice", "flag"]
