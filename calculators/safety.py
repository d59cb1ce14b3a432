"""Safety wording shared by the pages (macros.safety) and the calculators' results.

One home for two rules a reader must meet the same way everywhere:

- the emergency signs and the numbers to call (EVIDENCE.md M7, with NICE NG127's "sudden
  weakness or numbness is an emergency"), and
- the falls rule (M4, the world falls guidelines): a fall that hurt you, 2 or more falls in a
  year, not being able to get up, or blacking out means: ask for a falls assessment.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from calculators.evidence import Source

# The emergency numbers, written once: the UK, the EU, and the US and Canada.
EMERGENCY_NUMBERS: Final = (
    ("999", "in the UK"),
    ("112", "in the EU"),
    ("911", "in the US and Canada"),
)


@dataclass(frozen=True)
class Sign:
    """A warning sign: what the reader notices and, in bold on the page, its key words."""

    key: str
    rest: str


# M7 and NICE NG127: call an ambulance now.
EMERGENCY_NOW: Final = (
    Sign("Chest pain or pressure", "that does not ease after a few minutes of rest."),
    Sign("Sudden weakness or numbness", "in the face, an arm or a leg. It can be a stroke."),
    Sign(
        "Weakness that spreads over hours or days",
        "and makes it hard to breathe or swallow.",
    ),
    Sign(
        "One swollen, painful, warm calf with sudden shortness of breath or chest pain.",
        "A blood clot may have moved to the lungs.",
    ),
)
# M7: see a doctor the same day.
SAME_DAY: Final = (
    Sign("Fainting", "during exercise."),
    Sign(
        "One swollen, painful, warm calf",
        "after surgery, an illness or time in bed. It can be a blood clot.",
    ),
)
EMERGENCY_SOURCES: Final = (Source.M7, Source.NICE_NG127)

# M4: any of these means the reader should ask for a falls assessment.
FALLS_SIGNS: Final = (
    "a fall hurt you",
    "you fell 2 or more times in the past year",
    "you could not get up from the floor after a fall",
    "you blacked out or fainted",
)
FALLS_ASSESSMENT: Final = (
    "A falls assessment looks for the causes of your falls and what can prevent the next one."
)


def call_numbers() -> str:
    """The numbers to call, in one sentence part.

    >>> call_numbers()
    '999 in the UK, 112 in the EU, or 911 in the US and Canada'
    """
    parts = [f"{number} {where}" for number, where in EMERGENCY_NUMBERS]
    return f"{', '.join(parts[:-1])}, or {parts[-1]}"


def falls_signs_sentence() -> str:
    """The falls rule's signs as one clause joined with "or".

    >>> falls_signs_sentence().startswith("a fall hurt you, you fell 2 or more times")
    True
    """
    return f"{', '.join(FALLS_SIGNS[:-1])}, or {FALLS_SIGNS[-1]}"


__all__ = [
    "EMERGENCY_NOW",
    "EMERGENCY_NUMBERS",
    "EMERGENCY_SOURCES",
    "FALLS_ASSESSMENT",
    "FALLS_SIGNS",
    "SAME_DAY",
    "Sign",
    "call_numbers",
    "falls_signs_sentence",
]
