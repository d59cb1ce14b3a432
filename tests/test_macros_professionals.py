"""The "For health professionals" page is generated from the tools' own tables (issue 21.9)."""

from __future__ import annotations

import re

import pytest

from calculators import evidence
from calculators.triage import RULES
from macros import professionals

REFERENCES = "references.md"


def page() -> str:
    """Every part of the page, as Markdown."""
    return "\n".join(professionals.render(part, REFERENCES) for part in professionals.PARTS)


def test_every_triage_rule_is_listed_with_its_sources() -> None:
    """Each rule of the triage table has a row naming it and linking each of its sources."""
    table = professionals.triage_table(REFERENCES)
    for rule in RULES:
        row = next(line for line in table.splitlines() if f"`{rule.id.value}`" in line)
        for source in rule.sources:
            assert f"({REFERENCES}#{source.value.lower()})" in row


def test_rules_are_listed_most_urgent_first() -> None:
    """The triage rows run from "call an ambulance" down to "good to know"."""
    rows = professionals.triage_table(REFERENCES).splitlines()[2:]
    assert rows[0].startswith("| Call an ambulance now |")
    assert len(rows) == len(RULES)


def test_scoring_figures_come_from_the_evidence_table() -> None:
    """SARC-F cut-off, SPPB bands and levels are the constants the tools use."""
    text = page()
    assert f"A total of **{evidence.SARC_F_POSITIVE_SCORE} or more**" in text
    for top, points in (*evidence.SPPB_WALK_BANDS, *evidence.SPPB_CHAIR_BANDS):
        assert f"{top} s: {points}" in text
    for top in evidence.VIVIFRAIL_LEVEL_TOPS:
        assert f"–{top} |" in text


def test_progression_has_a_row_a_week_with_the_plan_sets() -> None:
    """Twelve weeks, each with the sets for A–B, C and D from the plan's schedule."""
    rows = professionals.progression_table(REFERENCES).splitlines()[2:14]
    assert len(rows) == evidence.PROGRAMME_WEEKS
    for week, row in enumerate(rows, 1):
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        sets = (evidence.SETS_GENTLE, evidence.SETS_C, evidence.SETS_D)
        assert cells[:4] == [str(week), *(str(column[week - 1]) for column in sets)]


def test_kidney_guidelines_are_shown_here_with_their_own_decimals() -> None:
    """The kidney ranges the answers never show are here, 0.55–0.60 not rounded to 0.6."""
    text = professionals.protein_rules(REFERENCES)
    assert "0.55–0.60" in text
    assert "not shown to readers" in text
    assert "**common practice**" in text


def test_no_range_on_the_page_has_equal_ends() -> None:
    """No "X–X" anywhere on the page."""
    assert not re.search(r"(?<![\d.])(\d+(?:\.\d+)?)–\1(?![\d.])", page())


def test_an_unknown_part_is_refused_with_the_known_ones() -> None:
    """A typo in the page's macro call names the parts that exist."""
    with pytest.raises(KeyError, match="triage"):
        professionals.render("triag", REFERENCES)
