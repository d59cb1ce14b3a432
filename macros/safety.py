"""Safety callouts for the pages: the emergency signs (M7) and the falls rule (M4).

Pure functions returning Markdown admonitions (tested without MkDocs); the words come from
`calculators.safety`, which the calculators' results use too, so a page and a result can never
word a rule differently. `refs` is the Markdown link to the References page from the page
being built.
"""

from __future__ import annotations

from calculators import safety
from calculators.evidence import Source


def _cite(refs: str, sources: tuple[Source, ...]) -> str:
    """Links to the References rows, e.g. "([M7](../references.md#m7))"."""
    links = ", ".join(
        f"[{source.value.replace('-', ' ')}]({refs}#{source.value.lower()})" for source in sources
    )
    return f"({links})"


def _signs(signs: tuple[safety.Sign, ...]) -> list[str]:
    """One indented list item per sign, its key words in bold."""
    return [f"    - **{sign.key}** {sign.rest}" for sign in signs]


def emergency_signs(refs: str) -> str:
    """The emergency-signs callout: when to call an ambulance and when to see a doctor today.

    >>> text = emergency_signs("../references.md")
    >>> text.splitlines()[0]
    '!!! danger "Emergency signs: get help at once"'
    >>> "999 in the UK, 112 in the EU, or 911 in the US and Canada" in text
    True
    """
    lines = [
        '!!! danger "Emergency signs: get help at once"',
        f"    **Call an ambulance:** {safety.call_numbers()}. Call if you have:",
        "",
        *_signs(safety.EMERGENCY_NOW),
        "",
        "    **See a doctor the same day** for:",
        "",
        *_signs(safety.SAME_DAY),
        "",
        f"    Stop exercising if any of these happen. {_cite(refs, safety.EMERGENCY_SOURCES)}",
        "",
    ]
    return "\n".join(lines)


def falls_rule(refs: str) -> str:
    """The falls-rule callout: when to ask a doctor for a falls assessment (M4).

    >>> falls_rule("../references.md").splitlines()[0]
    '!!! warning "After a fall: ask for a falls assessment"'
    """
    lines = [
        '!!! warning "After a fall: ask for a falls assessment"',
        "    Ask your doctor for a **falls assessment** if:",
        "",
        *(f"    - {sign}" for sign in safety.FALLS_SIGNS),
        "",
        f"    {safety.FALLS_ASSESSMENT} {_cite(refs, (Source.M4,))}",
        "",
    ]
    return "\n".join(lines)


__all__ = ["emergency_signs", "falls_rule"]
