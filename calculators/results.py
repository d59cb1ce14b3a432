"""Pieces every result shares: warnings with a severity, rounding, and numbers for the wire."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from calculators.evidence import Source


class Severity(StrEnum):
    """How strongly a warning speaks: stop means "do not go on without asking first"."""

    INFO = "info"
    CAUTION = "caution"
    STOP = "stop"


@dataclass(frozen=True)
class Alert:
    """A warning shown above a result (the wire calls these `warnings`)."""

    severity: Severity
    message: str

    def to_wire(self) -> dict[str, object]:
        """The warning as the wire format's plain mapping."""
        return {"severity": self.severity.value, "message": self.message}


def round_half_up(value: Decimal, places: int = 0) -> Decimal:
    """Round the way people do by hand (81.6 -> 82, 0.5 -> 1), not to even.

    >>> round_half_up(Decimal("108.5")), round_half_up(Decimal("68.04"), 1)
    (Decimal('109'), Decimal('68.0'))
    """
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def wire_number(value: Decimal) -> int | float:
    """A finite Decimal as a JSON number for the wire's data; whole values as ints (1, not 1.0).

    Nothing a reader sees is formatted from it: the views format the Decimals themselves
    (`calculators.present.numbers`), so no ".0" is ever stripped or added for display.

    >>> wire_number(Decimal("1.0")), wire_number(Decimal("1.25"))
    (1, 1.25)
    """
    if value == value.to_integral_value():
        return int(value)
    return float(value)


class Status(StrEnum):
    """Whether the calculator gives a personal answer ("ok") or refers the reader ("refer")."""

    OK = "ok"
    REFER = "refer"


def cite(*groups: Iterable[Source]) -> tuple[Source, ...]:
    """Source ids from several groups, each once, in the order of the evidence table."""
    cited = {source for group in groups for source in group}
    return tuple(source for source in Source if source in cited)
