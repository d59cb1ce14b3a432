"""Safety callouts for the pages, each drawn from the triage table (`calculators.triage`).

Pure functions returning Markdown admonitions (tested without MkDocs). Each box lists
`rules_in(box)` grouped by level, most urgent first, in the words of
`calculators.present.triage`, which the calculators' answers use too: a page and an answer can
never word or level a rule differently. `refs` is the Markdown link to the References page from
the page being built.
"""

from __future__ import annotations

from itertools import groupby

from calculators.evidence import Source
from calculators.present import triage as words
from calculators.triage import Box, Level, Rule, rules_in

# What a box says before each level's signs.
_LEAD = {
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


def _cite(refs: str, sources: tuple[Source, ...]) -> str:
    """Links to the References rows, e.g. "([M7](../references.md#m7))"."""
    links = ", ".join(
        f"[{source.value.replace('-', ' ')}]({refs}#{source.value.lower()})" for source in sources
    )
    return f"({links})"


def item(rule: Rule) -> str:
    """One box line for a rule: its key words in bold, then the rest."""
    sign = words.sign(rule)
    return f"- **{sign.key}** {sign.rest}".rstrip()


def _groups(box: Box) -> list[str]:
    """The box's rules, one block per level: the level's heading in bold, then its signs."""
    lines: list[str] = []
    for level, rules in groupby(rules_in(box), key=lambda rule: rule.level):
        lines += [f"**{words.HEADING[level]}** {_LEAD[level]}", "", *map(item, rules), ""]
    return [f"    {line}".rstrip() for line in lines]


def _sources(box: Box) -> tuple[Source, ...]:
    """Every source of the box's rules, once each, in first-seen order."""
    return tuple(dict.fromkeys(source for rule in rules_in(box) for source in rule.sources))


def emergency_signs(refs: str) -> str:
    """The emergency-signs callout: when to call an ambulance and when to see a doctor today.

    >>> text = emergency_signs("../references.md")
    >>> text.splitlines()[0]
    '!!! danger "Emergency signs: get help at once"'
    >>> "999 in the UK, 112 in the EU, or 911 in the US and Canada" in text
    True
    """
    return "\n".join(
        [
            '!!! danger "Emergency signs: get help at once"',
            *_groups(Box.EMERGENCY),
            "    Each sign on its own is enough: do not wait for a second one. Stop exercising "
            f"if any of these happen. {_cite(refs, _sources(Box.EMERGENCY))}",
            "",
        ]
    )


def falls_rule(refs: str) -> str:
    """The falls callout: emergencies after a fall, a falls assessment, a physiotherapist (M4).

    >>> falls_rule("../references.md").splitlines()[0]
    '!!! warning "After a fall: when to get help"'
    """
    return "\n".join(
        [
            '!!! warning "After a fall: when to get help"',
            *_groups(Box.FALLS),
            f"    {_cite(refs, _sources(Box.FALLS))}",
            "",
        ]
    )


def warning_signs(refs: str) -> str:
    """The warning signs that need a doctor soon (NICE NG42, NG127), and the sudden ones.

    >>> warning_signs("../references.md").splitlines()[0]
    '!!! danger "Warning signs: when to get help"'
    """
    return "\n".join(
        [
            '!!! danger "Warning signs: when to get help"',
            *_groups(Box.WARNING_SIGNS),
            f"    {_cite(refs, _sources(Box.WARNING_SIGNS))}",
            "",
        ]
    )


def not_without_advice(refs: str) -> str:
    """The "not for you without advice" callout: ask before starting an exercise plan (E4).

    >>> not_without_advice("../references.md").splitlines()[0]
    '!!! warning "Not for you without advice"'
    """
    return "\n".join(
        [
            '!!! warning "Not for you without advice"',
            *_groups(Box.NOT_WITHOUT_ADVICE),
            "    This list is common practice: the activity guidelines advise anyone with a health "
            f"condition to ask first. {_cite(refs, _sources(Box.NOT_WITHOUT_ADVICE))}",
            "",
        ]
    )


__all__ = ["emergency_signs", "falls_rule", "item", "not_without_advice", "warning_signs"]
