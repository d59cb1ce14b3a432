"""Plain words in what a reader is told: no jargon in any answer, message or calendar file.

Pages explain abbreviations with tooltips (includes/abbreviations.md), but answers are HTML the
page inserts after the build, where no tooltip applies: they must say it plainly (issue 16).
Codes such as "(E3)" are not checked here: they become "(source)" links in their own change.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from bs4 import BeautifulSoup
from helpers.calc import EXERCISES, GOLDEN

from calculators import api
from calculators.present import page_words

# What readers met in answers and did not understand (issue 16, point 8), as patterns.
JARGON = {
    "positive screen": r"positive screen",
    "sensitivity": r"\bsensitivity\b",
    "specificity": r"\bspecificity\b",
    ".ics": r"\.ics\b",
    "engine": r"\bengine\b",
    "EWGSOP2": r"\bEWGSOP",
    "SARC-F": r"\bSARC-F\b",
    "pooled": r"\bpooled\b",
}
CALCULATORS = {"protein": "protein", "plan": "plan", "self-check": "self_check"}


def golden_cases() -> list[Any]:
    """Every golden case of every calculator, answers and errors, named."""
    found = []
    for calculator, stem in CALCULATORS.items():
        for case in json.loads((GOLDEN / f"{stem}.json").read_text(encoding="utf-8")):
            found.append(pytest.param(calculator, case["input"], id=f"{stem}: {case['name']}"))
    return found


def jargon_in(text: str) -> list[str]:
    """The jargon words found in `text`."""
    return [word for word, pattern in JARGON.items() if re.search(pattern, text)]


@pytest.mark.parametrize(("calculator", "payload"), golden_cases())
def test_golden_answer_has_no_jargon(calculator: str, payload: dict[str, Any]) -> None:
    """The answer the page shows for each golden case (or its error box) is jargon-free."""
    rows = EXERCISES if calculator == "plan" else []
    answer = api.run(calculator, payload, exercises=rows)
    shown = BeautifulSoup(str(answer["html"]), "html.parser")
    # Attributes too: the page's script shows data-* words after a button is pressed.
    words = [shown.get_text(" ")] + [
        str(value) for tag in shown.find_all(True) for value in tag.attrs.values()
    ]
    assert jargon_in(" ".join(words)) == []


def test_calendar_message_and_file_have_no_jargon() -> None:
    """What the page says once the calendar is saved, and the events' words, are plain."""
    payload = {
        "age": 70,
        "ability": "tires-quickly",
        "strength_days": 3,
        "start_date": "2026-11-26",
    }
    payload["reminder"] = "1-hour"
    result = api.run("plan-calendar", payload, exercises=EXERCISES)["result"]
    assert jargon_in(result["message"]) == []
    assert jargon_in(result["content"].replace(result["filename"], "")) == []


def test_status_and_failure_words_have_no_jargon() -> None:
    """The words the page shows while loading, on failure and for links are plain."""
    texts = [
        *page_words.ENGINE_TEXT.values(),
        page_words.FAILURE_TITLE,
        *page_words.FAILURE_REASONS.values(),
        page_words.RETRY,
        page_words.LINK_TITLE,
        page_words.LINK_INTRO,
    ]
    assert jargon_in(" ".join(texts)) == []


@pytest.mark.parametrize(
    "text",
    ["a positive screen", "sensitivity 21%", "the .ics file", "EWGSOP2", "SARC-F", "the engine"],
)
def test_each_listed_word_is_caught(text: str) -> None:
    """The check finds each listed word, so a clean answer is not a blind spot."""
    assert jargon_in(text) != []
