"""The safety boxes, built once from the triage table: how loud, title, sections, closing, sources.

A box lists `rules_in(box)` grouped by level, most urgent first, each level under its heading
with the words that lead into its signs. The pages' boxes (macros.safety writes a `Callout` as
a Markdown admonition) and the printed plan's box (`safety_blocks`, short enough for paper)
both take their rules from `sections`, so a box and a plan can never list, order or level a
rule differently; every word of a sign is `present.triage`'s.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import groupby
from typing import Final

from calculators.evidence import Source
from calculators.present import triage as words
from calculators.present.view import Block, Item, Warning
from calculators.results import Severity
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


def safety_blocks() -> tuple[Block, ...]:
    """The triage table's emergency and falls boxes, short enough for paper.

    Each emergency sign (M7) on its own line; the after-fall emergencies and each other level
    one line, the signs' key words only (the page's boxes give the rest).
    """
    # The page boxes' own sections (present.callouts): the same rules, in the same order.
    rules = tuple(
        dict.fromkeys(
            rule
            for box in (Box.EMERGENCY, Box.FALLS)
            for section in sections(box)
            for rule in section.rules
        )
    )
    fall_prefix = "After a fall: "
    ambulance = [r for r in rules if r.level is Level.AMBULANCE]
    now = [r for r in ambulance if not words.sign(r).key.startswith(fall_prefix)]
    after_fall = [r for r in ambulance if r not in now]
    # On paper the sign itself; what it may be ("It can be a stroke") stays on the page.
    items = [
        Item((words.sign(rule).text().split(". It can be")[0].rstrip(".") + ".",)) for rule in now
    ]
    if after_fall:
        items.append(Item((f"{fall_prefix}{_keys(after_fall, fall_prefix)}.",)))
    # The same-day signs; the reader's own referrals (falls, physiotherapist) are the plan's
    # warnings, and the page's boxes list them all.
    others = [rule for rule in rules if rule.level is Level.DOCTOR_TODAY]
    for level, group in groupby(others, key=lambda rule: rule.level):
        items.append(Item((f"{words.HEADING[level]}: {_keys(list(group))}.",)))
    # Paper cites the row the box rests on (M7); the page has every source.
    return (
        Warning(
            Severity.STOP,
            f"Stop and call an ambulance on {words.call_numbers()} for any one of these "
            f"({Source.M7.value}):",
            heading="Stop and get help",
            items=tuple(items),
        ),
    )


def _keys(rules: list[Rule], prefix: str = "") -> str:
    """The signs' key words joined with semicolons: "a fall hurt you; you fell 2 or more times"."""
    keys = [words.sign(rule).key.removeprefix(prefix).rstrip(".:,") for rule in rules]
    return "; ".join(key[0].lower() + key[1:] for key in keys)
