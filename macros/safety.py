"""Safety callouts for the pages: `calculators.present.callouts` written as Markdown admonitions.

Pure functions (tested without MkDocs). Each box's title, sections, signs, closing sentence and
sources are built once in `calculators.present.callouts`, from the triage table and the words of
`calculators.present.triage`, which the calculators' answers and the printed plan use too; this
module only lays a box out. `refs` is the Markdown link to the References page from the page
being built (the built page writes the citation as "(sources)", postbuild/citations.py).
"""

from __future__ import annotations

from calculators.evidence import Source
from calculators.present import triage as words
from calculators.present.callouts import Callout, callout
from calculators.triage import Box, Rule


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


def admonition(box: Callout, refs: str) -> str:
    """A box as a Material admonition: each level's heading in bold, its signs, then sources."""
    lines: list[str] = []
    for section in box.sections:
        lines += [f"**{section.heading}** {section.lead}", "", *map(item, section.rules), ""]
    closing = " ".join(part for part in (box.closing, _cite(refs, box.sources)) if part)
    return "\n".join(
        [
            f'!!! {box.kind} "{box.title}"',
            *(f"    {line}".rstrip() for line in lines),
            f"    {closing}",
            "",
        ]
    )


def emergency_signs(refs: str) -> str:
    """The emergency-signs callout: when to call an ambulance and when to see a doctor today.

    >>> text = emergency_signs("../references.md")
    >>> text.splitlines()[0]
    '!!! danger "Emergency signs: get help at once"'
    >>> "999 in the UK, 112 in the EU, or 911 in the US and Canada" in text
    True
    """
    return admonition(callout(Box.EMERGENCY), refs)


def falls_rule(refs: str) -> str:
    """The falls callout: emergencies after a fall, a falls assessment, a physiotherapist (M4).

    >>> falls_rule("../references.md").splitlines()[0]
    '!!! warning "After a fall: when to get help"'
    """
    return admonition(callout(Box.FALLS), refs)


def warning_signs(refs: str) -> str:
    """The warning signs that need a doctor soon (NICE NG42, NG127), and the sudden ones.

    >>> warning_signs("../references.md").splitlines()[0]
    '!!! danger "Warning signs: when to get help"'
    """
    return admonition(callout(Box.WARNING_SIGNS), refs)


def not_without_advice(refs: str) -> str:
    """The "not for you without advice" callout: ask before starting an exercise plan (E4).

    >>> not_without_advice("../references.md").splitlines()[0]
    '!!! warning "Not for you without advice"'
    """
    return admonition(callout(Box.NOT_WITHOUT_ADVICE), refs)


__all__ = [
    "admonition",
    "emergency_signs",
    "falls_rule",
    "item",
    "not_without_advice",
    "warning_signs",
]
