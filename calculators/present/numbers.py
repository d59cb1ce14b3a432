"""The one formatter for numbers and ranges a reader sees (page, CLI, calendar, charts).

Rules: a range whose ends are equal is one number ("30 g", never "30–30 g"); the ends are joined
with an en dash; `places` fixes the decimals (g/kg always one: "1.0–1.2"), so no ".0" is ever
stripped or added by a caller; counts such as steps get thousands separators ("6,000").
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from calculators.results import round_half_up

DASH = "–"
Number = int | Decimal


def number(value: Number, places: int = 0, *, grouping: bool = False) -> str:
    """`value` rounded half up to `places` decimals, with separators when `grouping`.

    >>> number(Decimal("1"), 1), number(Decimal("81.6")), number(6000, grouping=True)
    ('1.0', '82', '6,000')
    """
    rounded = round_half_up(Decimal(value), places)
    return f"{rounded:,.{places}f}" if grouping else f"{rounded:.{places}f}"


def span(
    low: Number, high: Number, unit: str = "", places: int = 0, *, grouping: bool = False
) -> str:
    """A range as "low–high unit", or one number when both ends print the same.

    >>> span(30, 30, "g"), span(Decimal("1"), Decimal("1.2"), places=1), span(82, 109, "g")
    ('30 g', '1.0–1.2', '82–109 g')
    """
    low_text = number(low, places, grouping=grouping)
    high_text = number(high, places, grouping=grouping)
    text = low_text if low_text == high_text else f"{low_text}{DASH}{high_text}"
    return f"{text} {unit}" if unit else text


def grams(low: Number, high: Number) -> str:
    """A gram range: "82–109 g", "30 g"."""
    return span(low, high, "g")


def grams_per_kg(low: Number, high: Number) -> str:
    """A g/kg range, always one decimal: "1.0–1.2", "0.8"."""
    return span(low, high, places=1)


def steps(value: int) -> str:
    """A step count: "6,000"."""
    return number(value, grouping=True)


def and_list(parts: Sequence[str]) -> str:
    """Parts joined as a sentence lists them.

    >>> and_list(["4", "8", "12"]), and_list(["a", "b"]), and_list(["a"]), and_list([])
    ('4, 8 and 12', 'a and b', 'a', '')
    """
    if len(parts) < 2:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} and {parts[-1]}"


def plural(count: int, one: str, many: str | None = None) -> str:
    """A count with its noun, singular or plural (`many` defaults to `one` + "s").

    >>> plural(1, "set"), plural(2, "set")
    ('1 set', '2 sets')
    """
    return f"{count} {one if count == 1 else (many or one + 's')}"
