"""Reading form values from the wire: numbers, whole numbers, choices and tick boxes.

Form values arrive as strings ("68", "" for an empty box) or as JSON numbers and booleans.
Numbers are read as people type them ("68,5", "68 kg", " 12 s "), here, so the page and the
command line accept the same text. Every
problem becomes a `FieldProblem` (a reason) named after the payload key; `PayloadReader.finish`
raises them all at once, so the page can show each message next to its field. Their words are
`calculators.present.field_words`', written in at the wire.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from decimal import Decimal
from enum import StrEnum
from typing import TypeVar

from calculators.errors import FieldProblem, InvalidInput, Problem
from calculators.evidence import Bound
from calculators.fields import Field

# Plain decimal numbers, optionally with an exponent ("1e9" parses, then fails its range).
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,4})?")
# A number as people type it: then, after optional spaces, a unit word ("68 kg", "12.5 s").
_TYPED = re.compile(r"(?P<number>[^\s]*?\d[.,]?)\s*(?P<unit>[^\W\d_][^\d]*)?")
# "68,5": a decimal comma has one or two digits after it. "1,000" (three) could be one
# thousand or one point zero, so only a whole-number field reads it, as thousands.
_DECIMAL_COMMA = re.compile(r"[+-]?\d+,\d{1,2}")
_THOUSANDS = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+")
# The words a reader may type after a number, by the unit a field's bound is in (`Bound.unit`).
# A word for another unit ("5 ft" for a height in cm) is no number for that field.
UNIT_WORDS: dict[str, tuple[str, ...]] = {
    "kg": ("kg", "kgs", "kilo", "kilos", "kilogram", "kilograms"),
    "lb": ("lb", "lbs", "pound", "pounds"),
    "cm": ("cm", "centimetre", "centimetres", "centimeter", "centimeters"),
    "seconds": ("s", "sec", "secs", "second", "seconds"),
    "years": ("y", "yr", "yrs", "year", "years", "years old"),
    "steps": ("step", "steps"),
    "meals": ("meal", "meals"),
    "days": ("day", "days"),
}
# Longer text is no number a reader types; refusing it early keeps Decimal's work small.
_MAX_NUMBER_LENGTH = 40
# What a reader's free text may not hold: control characters (C0, DEL and C1: a line break, a
# tab, a NUL would break the printout's one line or the calendar file) and lone surrogates (no
# UTF-8 file can hold them). Everything else is the reader's to write: no-break spaces,
# accents, joiners in emoji sequences, any script. (`str.isprintable` refuses all of those.)
_NOT_TEXT = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
E = TypeVar("E", bound=StrEnum)
_TRUE = frozenset({"true", "on", "yes", "1"})
_FALSE = frozenset({"false", "off", "no", "0", ""})


def typed_number(
    value: object, units: tuple[str, ...] = (), *, whole: bool = False
) -> tuple[Decimal, str] | None:
    """The finite number in a form value and the unit written after it ("" if none), else None.

    Text may have a decimal comma ("68,5"), spaces around it, and after the number one of the
    words `UNIT_WORDS` gives for `units` ("68 kg", "150 lbs", "12 s"). `whole` reads commas
    between groups of three digits as thousands ("5,000" steps). JSON numbers have no unit;
    bools are not numbers.

    >>> typed_number(" 68,5 kg ", ("kg", "lb")), typed_number("150 lbs", ("kg", "lb"))
    ((Decimal('68.5'), 'kg'), (Decimal('150'), 'lb'))
    >>> typed_number("5,000", whole=True), typed_number("5 ft", ("cm",)), typed_number("1,000")
    ((Decimal('5000'), ''), None, None)
    """
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    if isinstance(value, int):
        return Decimal(value), ""
    if isinstance(value, float):
        return (Decimal(repr(value)), "") if math.isfinite(value) else None
    text = " ".join(value.split())
    parts = _TYPED.fullmatch(text) if len(text) <= _MAX_NUMBER_LENGTH else None
    number = None if parts is None else _point_decimal(parts["number"], whole=whole)
    if parts is None or number is None:
        return None
    unit = _unit_named(parts["unit"], units) if parts["unit"] else ""
    if unit is None:
        return None
    return Decimal(number), unit  # _NUMBER admits only numbers Decimal reads


def _point_decimal(number: str, *, whole: bool) -> str | None:
    """The number with a decimal point ("68,5" → "68.5"), or None if it is no plain number."""
    if "," in number:
        if whole and _THOUSANDS.fullmatch(number):
            number = number.replace(",", "")
        elif _DECIMAL_COMMA.fullmatch(number):
            number = number.replace(",", ".")
        else:
            return None
    return number if _NUMBER.fullmatch(number) else None


def _unit_named(word: str, units: tuple[str, ...]) -> str | None:
    """Which of `units` a unit word names ("lbs." → "lb"), or None."""
    spelled = word.lower().removesuffix(".").strip()
    return next((unit for unit in units if spelled in UNIT_WORDS.get(unit, ())), None)


def decimal_or_none(value: object, unit: str = "", *, whole: bool = False) -> Decimal | None:
    """The finite number in a form value, else None; text may end in a word for `unit`.

    >>> decimal_or_none("68.5"), decimal_or_none(70), decimal_or_none("nan"), decimal_or_none(True)
    (Decimal('68.5'), Decimal('70'), None, None)
    >>> decimal_or_none("12,5 s", "seconds"), decimal_or_none("12 kg", "seconds")
    (Decimal('12.5'), None)
    """
    typed = typed_number(value, (unit,) if unit else (), whole=whole)
    return None if typed is None else typed[0]


def unit_written(value: object, units: tuple[str, ...]) -> str:
    """Which of `units` the reader wrote after the number ("150 lb" → "lb"), or "".

    >>> unit_written("150 lb", ("kg", "lb")), unit_written("68", ("kg", "lb"))
    ('lb', '')
    """
    typed = typed_number(value, units)
    return "" if typed is None else typed[1]


def is_missing(value: object) -> bool:
    """Whether a form value counts as not given (absent, null or an empty text box)."""
    return value is None or (isinstance(value, str) and not value.strip())


class PayloadReader:
    """Reads a payload's declared fields, collecting every problem, not stopping at the first.

    Each `read_*` method takes a field's declaration (`calculators.fields.Field`: its name,
    bound, default and words) and returns a usable placeholder when the value is bad, so
    callers can read every field; `finish` then raises `InvalidInput` with all the errors.
    """

    def __init__(self, payload: Mapping[str, object]) -> None:
        self._payload = payload
        self._errors: dict[str, FieldProblem] = {}

    def _fail(
        self,
        field: Field,
        problem: Problem,
        allowed: str = "",
        *,
        bound: Bound | None = None,
        words: str = "",
        blanks: tuple[tuple[str, object], ...] = (),
    ) -> None:
        """Record a problem with `field` (the first one per field is kept: one message each)."""
        found = FieldProblem(field.name, problem, allowed, field, bound, words, blanks)
        self._errors.setdefault(field.name, found)

    def reject(self, field: Field, allowed: str, *, words: str = "", **context: object) -> None:
        """Record a problem with `field`: its words (or the words keyed `words`), with `context`."""
        self._fail(field, Problem.VALUE, allowed, words=words, blanks=tuple(context.items()))

    def has_error(self, field: str) -> bool:
        """Whether `field` already has a recorded problem."""
        return field in self._errors

    def _number(self, field: Field, bound: Bound) -> Decimal:
        """A required number within `bound`; the field's words are shown for anything else."""
        value = decimal_or_none(self._payload.get(field.name), bound.unit)
        if value is None or not bound.low <= value <= bound.high:
            self._fail(field, Problem.VALUE, bound.allowed(), bound=bound)
            return Decimal(bound.low)
        return value

    def _whole_number(self, field: Field, bound: Bound, *, default: int | None = None) -> int:
        """A whole number within `bound` (70 and "70.0" are whole; 70.5 is not).

        A missing value takes `default` when there is one, else it is an error.
        """
        raw = self._payload.get(field.name)
        if default is not None and is_missing(raw):
            return default
        value = decimal_or_none(raw, bound.unit, whole=True)
        if (
            value is None
            or value != value.to_integral_value()
            or not bound.low <= value <= bound.high
        ):
            self._fail(field, Problem.VALUE, bound.allowed(), bound=bound)
            return bound.low
        return int(value)

    def _optional_text(self, field: Field) -> str:
        """Short free text, trimmed; missing is ""; too long or with control characters fails.

        The text is a value, shown as typed (escaped; never read for citations or markup), so
        any printable character is welcome; only `_NOT_TEXT` is refused.
        """
        raw = self._payload.get(field.name)
        if is_missing(raw):
            return ""
        text = raw.strip() if isinstance(raw, str) else ""
        if not text or len(text) > field.max_chars or _NOT_TEXT.search(text):
            self._fail(field, Problem.TEXT)
            return ""
        return text

    def _choice(self, field: Field, kind: type[E], *, default: E | None = None) -> E:
        """One value of the enum `kind` (case and surrounding spaces ignored)."""
        raw = self._payload.get(field.name)
        if default is not None and is_missing(raw):
            return default
        allowed = [member.value for member in kind]
        if isinstance(raw, str) and raw.strip().lower() in allowed:
            return kind(raw.strip().lower())
        self._fail(field, Problem.CHOOSE_ONE, ", ".join(allowed))
        return next(iter(kind))

    def _choices(self, field: Field, kind: type[E]) -> tuple[E, ...]:
        """Several values of `kind`, as a list or one comma-separated text; missing means none.

        Duplicates are dropped; the order of `kind` is kept, so equal sets read the same.
        """
        raw = self._payload.get(field.name)
        if is_missing(raw):
            return ()
        items: list[object]
        if isinstance(raw, str):
            items = [part for part in raw.split(",") if part.strip()]
        elif isinstance(raw, list | tuple):
            items = list(raw)
        else:
            items = [raw]
        allowed = [member.value for member in kind]
        wanted: set[str] = set()
        for item in items:
            if not isinstance(item, str) or item.strip().lower() not in allowed:
                self._fail(field, Problem.CHOOSE_ANY, ", ".join(allowed))
                return ()
            wanted.add(item.strip().lower())
        return tuple(member for member in kind if member.value in wanted)

    def _flag(self, field: Field) -> bool:
        """A tick box: true/false, or the texts "true", "false", "on", "off"; missing is false."""
        raw = self._payload.get(field.name)
        if raw is None or isinstance(raw, bool):
            return bool(raw)
        if isinstance(raw, str) and raw.strip().lower() in _TRUE | _FALSE:
            return raw.strip().lower() in _TRUE
        self._fail(field, Problem.TICK_BOX, "true, false")
        return False

    # ------------------------------------------------------------ by declaration (`fields`):
    # the calculators' readers use only these, `reject` and `has_error`.

    def read_number(self, field: Field, bound: Bound | None = None) -> Decimal:
        """A number within the field's bound, or `bound` when another is in force (pounds)."""
        return self._number(field, bound or _bound(field))

    def read_optional_number(self, field: Field) -> Decimal | None:
        """A number within the field's bound; a missing value means not given: None."""
        if is_missing(self._payload.get(field.name)):
            return None
        return self._number(field, _bound(field))

    def read_whole(self, field: Field) -> int:
        """A whole number within the field's bound; a missing value takes its default, if any.

        A `required` field's default is only the form's starting value: missing, it is an error.
        """
        default = None
        if isinstance(field.default, str) and not field.required:
            default = int(field.default)
        return self._whole_number(field, _bound(field), default=default)

    def read_optional_whole(self, field: Field) -> int | None:
        """A whole number within the field's bound; a missing value means unknown: None."""
        if is_missing(self._payload.get(field.name)):
            return None
        return self._whole_number(field, _bound(field))

    def read_listed_number(self, field: Field) -> int:
        """One of the field's choices, given as a number or numeric text (1.0 counts as 1).

        Anything else is the field's error, and reads as its first choice.
        """
        listed = [int(choice) for choice in field.choices]
        value = decimal_or_none(self._payload.get(field.name))
        if value is None or value not in listed:
            self._fail(field, Problem.LISTED)
            return listed[0]
        return int(value)

    def read_choice(self, field: Field, kind: type[E]) -> E:
        """One of the field's choices, as `kind` (its enum); a missing value takes its default."""
        enum = _enum(field, kind)
        default = enum(field.default) if isinstance(field.default, str) else None
        return self._choice(field, enum, default=default)

    def read_choices(self, field: Field, kind: type[E]) -> tuple[E, ...]:
        """Any of the field's choices, as `kind` (its enum), in the enum's order."""
        return self._choices(field, _enum(field, kind))

    def read_flag(self, field: Field) -> bool:
        """The field's tick box."""
        return self._flag(field)

    def read_text(self, field: Field) -> str:
        """The field's short free text ("" if missing), up to its `max_chars`."""
        return self._optional_text(field)

    def finish(self) -> None:
        """Raise `InvalidInput` with every recorded problem, in the order they were found."""
        if self._errors:
            raise InvalidInput(self._errors.values())


def _bound(field: Field) -> Bound:
    """A number field's bound (a declaration without one is a bug, not a reader's mistake)."""
    if field.bound is None:
        message = f"field {field.name!r} is read as a number but declares no bound"
        raise TypeError(message)
    return field.bound


def _enum(field: Field, kind: type[E]) -> type[E]:
    """`kind`, when it is the enum the field declares (else the caller reads the wrong field)."""
    if field.enum is not kind:
        message = f"field {field.name!r} holds {field.enum!r}, not {kind.__name__}"
        raise TypeError(message)
    return kind


__all__ = [
    "UNIT_WORDS",
    "PayloadReader",
    "decimal_or_none",
    "is_missing",
    "typed_number",
    "unit_written",
]
