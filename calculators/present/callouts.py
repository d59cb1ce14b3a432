"""The safety boxes, built once from the triage table: how loud, title, sections, closing, sources.

A box lists `rules_in(box)` grouped by level, most urgent first, each level under its heading
with the words that lead into its signs. The pages' boxes (macros.safety writes a `Callout` as
a Markdown admonition) and the printed plan's box (`present.plan.safety_blocks`, short enough
for paper) both take their rules from `sections`, so a box and a plan can never list, order or
level a rule differently; every word of a sign is `present.triage`'s.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import groupby
from typing import Final

from calculators.evidence import Source
from calculators.present import triage as words
from calculators.triage import Box, Level, Rule, rules_in

# What a box says before each level's signs.
LEAD: Final[Mapping[Level, str]] = {
    Level.AMBULANCE: f"on {words.call_numbers()} if you have any one of these:",
    Level.DOCTOR_TODAY: "for:",
    Level.DOCTOR_SOON: "if you have:",
    Level.ASK_FIRST: "which exercises are safe for you, before you start, if any of these is true:",
    Level.FALLS_ASSESSMENT: "if any of these is true. It looks for the causes of your falls and "
    "what can prevent the next one:",
    Level.PHYSIOTHERAPIST: "if any of these is true: ask your doctor to refer you to a "
    "physiotherapist, who can check your walking and balance and show you safe exercises:",
    Level.GOOD_TO_KNOW: "",
}


@dataclass(frozen=True)
class Section:
    """One level of a box: its heading, the words leading into its signs, and its rules."""

    level: Level
    heading: str
    lead: str
    rules: tuple[Rule, ...]


@dataclass(frozen=True)
class Callout:
    """A page's safety box: `kind` is how loud ("danger" or "warning")."""

    kind: str
    title: str
    sections: tuple[Section, ...]
    closing: str  # a sentence after the signs, before the sources ("" for none)
    sources: tuple[Source, ...]


# Each page box: how loud, its title and its closing sentence.
_BOXES: Final[Mapping[Box, tuple[str, str, str]]] = {
    Box.EMERGENCY: (
        "danger",
        "Emergency signs: get help at once",
        "Each sign on its own is enough: do not wait for a second one. Stop exercising if any "
        "of these happen.",
    ),
    Box.FALLS: ("warning", "After a fall: when to get help", ""),
    Box.WARNING_SIGNS: ("danger", "Warning signs: when to get help", ""),
    Box.NOT_WITHOUT_ADVICE: (
        "warning",
        "Not for you without advice",
        "This list is common practice: the activity guidelines advise anyone with a health "
        "condition to ask first.",
    ),
}


def sections(box: Box) -> tuple[Section, ...]:
    """The box's rules, one section per level, most urgent first (the triage table's order)."""
    return tuple(
        Section(level, words.HEADING[level], LEAD[level], tuple(rules))
        for level, rules in groupby(rules_in(box), key=lambda rule: rule.level)
    )


def callout(box: Box) -> Callout:
    """The whole box: its sections and every source of its rules, once each, first-seen order.

    >>> box = callout(Box.EMERGENCY)
    >>> box.kind, box.title, box.sections[0].heading
    ('danger', 'Emergency signs: get help at once', 'Call an ambulance now')
    """
    kind, title, closing = _BOXES[box]
    parts = sections(box)
    sources = tuple(
        dict.fromkeys(source for part in parts for rule in part.rules for source in rule.sources)
    )
    return Callout(kind, title, parts, closing, sources)
