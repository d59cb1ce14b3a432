"""No abbreviation in a calculator's answer without its words (tooltips do not reach answers)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from calculators import api
from calculators.present import text

ROOT = Path(__file__).resolve().parent.parent

# The words each listed abbreviation needs beside it in the same answer (issue 21.8).
WORDS = {
    "1RM": "heaviest weight",
    "ACSM": "American College of Sports Medicine",
    "BMI": "body mass index",
    "CKD": "kidney",
    "eGFR": "kidney blood test",
    "ESPEN": "European",
    "EWGSOP2": "European Working Group",
    "KDIGO": "Kidney Disease: Improving Global Outcomes",
    "KDOQI": "National Kidney Foundation",
    "NICE": "National Institute for Health and Care Excellence",
    "PROT-AGE": "expert group",
    "SARC-F": "five-question",
    "SPPB": "Short Physical Performance Battery",
    "WHO": "World Health Organization",
}
GOLDEN = {"plan": "plan.json", "self-check": "self_check.json", "protein": "protein.json"}


def listed_abbreviations() -> list[str]:
    """The abbreviations the site explains in tooltips (includes/abbreviations.md)."""
    listed = (ROOT / "includes" / "abbreviations.md").read_text(encoding="utf-8")
    return re.findall(r"^\*\[([^\]]+)\]:", listed, flags=re.MULTILINE)


def test_every_listed_abbreviation_has_words_for_answers() -> None:
    """A new tooltip abbreviation must say here which words an answer writes out with it."""
    assert set(listed_abbreviations()) <= set(WORDS)


@pytest.mark.parametrize("calculator", sorted(GOLDEN))
def test_no_golden_answer_uses_an_abbreviation_without_its_words(calculator: str) -> None:
    """Every golden answer of every calculator writes out each listed abbreviation it uses."""
    cases = json.loads((ROOT / "tests" / "golden" / GOLDEN[calculator]).read_text("utf-8"))
    unexplained = []
    for case in cases:
        _, view = api.answer(calculator, case["input"])
        if view is None:
            continue
        shown = text.render(view)
        for abbreviation in listed_abbreviations():
            used = re.search(rf"(?<![\w-]){re.escape(abbreviation)}(?![\w-])", shown)
            if used and WORDS[abbreviation] not in shown:
                unexplained.append(f"{case['name']}: {abbreviation}")
    assert not unexplained, unexplained[:10]
