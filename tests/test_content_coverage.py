"""Every fact of the source article, and every refinement from the evidence, is on its page."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from helpers.content import page_text

from harness import BuiltSite

# The numbers of the source article, each on the page that teaches it.
SEED_NUMBERS = [
    ("guide/causes-and-risk-factors/", "1-2 weeks"),
    ("guide/causes-and-risk-factors/", "3-8% of their muscle per decade"),
    ("guide/causes-and-risk-factors/", "from about age 30"),
    ("guide/causes-and-risk-factors/", "after age 60"),
    ("guide/why-it-matters/", "after age 40"),
    ("guide/regain-strength/", "2-4 days a week"),
    ("guide/regain-strength/", "last 2-3 reps"),
    ("guide/regain-strength/", "1.2-1.6 g of protein per kilogram of body weight per day"),
    ("guide/regain-strength/", "20-40 g"),
    ("guide/regain-strength/", "7-9 hours"),
    ("guide/weekly-plan/", "6,000-8,000 steps a day"),
    ("guide/weekly-plan/", "2-3 days a week"),
    ("guide/weekly-plan/", "3 days a week"),
    ("faq/", "4-8 weeks"),
]

# Where the evidence refines the article, the page says so (EVIDENCE.md, "differ" 1-7).
REFINEMENTS = [
    ("guide/regain-strength/", "82-109 g a day"),
    ("guide/regain-strength/", "80-105 g"),
    ("guide/regain-strength/", "at least 1.0-1.2 g"),
    ("guide/regain-strength/", "1.2-1.5 g"),
    ("guide/regain-strength/", "we give no number here"),
    ("guide/regain-strength/", "for people over 65, the advice is 7-8 hours"),
    ("guide/weekly-plan/", "at least 3 days a week"),
    ("guide/weekly-plan/", "observational"),
    ("faq/", "muscle size can take longer to return than strength"),
    ("references/", "not the article's 80-105 g"),
]

# Every exercise the article names, on the page that names it.
EXERCISES = [
    *[
        ("guide/regain-strength/", name)
        for name in (
            "squats",
            "sit-to-stand",
            "lunges",
            "step-ups",
            "hip hinges",
            "romanian deadlifts",
            "push-ups",
            "against a wall",
            "counter",
            "on the floor",
            "rows",
            "resistance band",
            "dumbbell",
            "cable machine",
            "overhead presses",
            "calf raises",
            "wall sits",
            "seated marches",
        )
    ],
    *[
        ("guide/weekly-plan/", name)
        for name in (
            "squats",
            "sit-to-stand",
            "step-ups",
            "glute bridges",
            "calf raises",
            "rows",
            "presses",
            "push-ups",
            "biceps",
            "triceps",
            "single-leg stands",
            "heel-to-toe walking",
            "planks",
            "bird-dogs",
            "dead bugs",
        )
    ],
    *[
        ("faq/", name)
        for name in (
            "sit-to-stands",
            "squats",
            "step-ups",
            "glute bridges",
            "leg presses",
            "calf raises",
        )
    ],
]


@pytest.mark.parametrize(("url_path", "phrase"), SEED_NUMBERS)
def test_seed_number_is_on_its_page(built_site: BuiltSite, url_path: str, phrase: str) -> None:
    """Each number of the source article appears on the page that teaches it."""
    assert phrase in page_text(built_site, url_path)


@pytest.mark.parametrize(("url_path", "phrase"), REFINEMENTS)
def test_evidence_refinement_is_stated(built_site: BuiltSite, url_path: str, phrase: str) -> None:
    """Where the evidence refines the article, the page says so in words."""
    assert phrase in page_text(built_site, url_path)


@pytest.mark.parametrize(("url_path", "exercise"), EXERCISES)
def test_named_exercise_is_on_its_page(built_site: BuiltSite, url_path: str, exercise: str) -> None:
    """Each exercise the article names appears in the prose of its page."""
    assert exercise in page_text(built_site, url_path)


@pytest.mark.parametrize(
    ("url_path", "phrase"),
    [
        ("guide/what-is-muscle-atrophy/", "disuse atrophy"),
        ("guide/what-is-muscle-atrophy/", "neurogenic atrophy"),
        ("guide/why-it-matters/", "sarcopenia"),
        ("guide/why-it-matters/", "type 2 diabetes"),
        ("guide/early-signs/", "sudden weakness or numbness is an emergency"),
        ("guide/regain-strength/", "physiatrist"),
        ("guide/regain-strength/", "occupational therapists"),
        ("about/", "no cookies"),
        ("about/", "pyodide"),
        ("", "carers"),
        ("", "physiotherapists"),
    ],
)
def test_key_idea_is_on_its_page(built_site: BuiltSite, url_path: str, phrase: str) -> None:
    """The key ideas of each section are on the page the nav promises."""
    assert phrase in page_text(built_site, url_path)


def test_home_links_to_both_tools(built_site: BuiltSite) -> None:
    """Home names the protein and weekly-plan tools and links to each of them."""
    text = page_text(built_site, "")
    soup = BeautifulSoup(built_site.page("").read_text(encoding="utf-8"), "html.parser")
    hrefs = {str(a.get("href", "")) for a in soup.select("article a")}
    assert "protein target" in text
    assert "weekly plan" in text
    assert {"tools/protein/", "tools/plan/"} <= hrefs
