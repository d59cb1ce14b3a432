"""The built site: every exercise has its card, every plan day its row, every link its target."""

from __future__ import annotations

import json
from collections import Counter
from functools import cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from calculators.present.library import CATEGORY_LABELS
from harness import BuiltSite
from macros.data import ROOT, SiteData, Weekday, data_dir, load_site_data
from postbuild.data import EXERCISE_LIBRARY

LIBRARY = "guide/exercises/"
# A made-up origin so that urljoin resolves relative links the way a browser would.
ORIGIN = "http://regain.test/"


@pytest.fixture(scope="module")
def site_data() -> SiteData:
    """The project's validated data, as the build read it."""
    return load_site_data(data_dir())


@cache
def _soup(path: Path) -> BeautifulSoup:
    """A parsed built page (each page is parsed once per session)."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _library(built_site: BuiltSite) -> BeautifulSoup:
    """The built exercise library page."""
    return _soup(built_site.page(LIBRARY))


def _links_to_cards(built_site: BuiltSite) -> list[tuple[str, str, str]]:
    """(page, href, exercise id) for every link in the site that lands on the library page."""
    found = []
    for page in built_site.html_pages():
        url = urljoin(ORIGIN, page.relative_to(built_site.path).as_posix())
        for anchor in _soup(page).select("article a[href]"):
            href = str(anchor["href"])
            target = urlsplit(urljoin(url, href))
            if target.path == f"/{LIBRARY}" and target.fragment:
                found.append((page.relative_to(built_site.path).as_posix(), href, target.fragment))
    return found


def test_every_exercise_has_a_card_with_its_id(built_site: BuiltSite, site_data: SiteData) -> None:
    """Each exercise's card heading carries its id and shows its name."""
    soup = _library(built_site)
    shown = {str(h["id"]): h.get_text().removesuffix("¶") for h in soup.select(".rg-exercise h3")}
    assert shown == {exercise.id: exercise.name for exercise in site_data.exercises}


def test_cards_follow_the_data_order(built_site: BuiltSite, site_data: SiteData) -> None:
    """Cards appear in category order, and in data order within a category."""
    order = list(CATEGORY_LABELS)
    expected = sorted(site_data.exercises, key=lambda e: order.index(e.category))
    cards = [str(h["id"]) for h in _library(built_site).select(".rg-exercise h3")]
    assert cards == [exercise.id for exercise in expected]


def test_cards_sit_under_their_category_heading(built_site: BuiltSite) -> None:
    """Each card follows the H2 of its category."""
    misplaced = []
    for card in _library(built_site).select("div.rg-exercise"):
        heading = card.find_previous("h2")
        label = CATEGORY_LABELS[card["data-category"]]
        if heading is None or heading.get_text().removesuffix("¶") != label:
            misplaced.append(card["data-category"])
    assert misplaced == []


def test_library_page_has_no_duplicate_ids(built_site: BuiltSite) -> None:
    """No id is used twice on the library page (cards, headings, theme)."""
    ids = Counter(str(element["id"]) for element in _library(built_site).find_all(id=True))
    assert [element_id for element_id, count in ids.items() if count > 1] == []


def test_library_index_lists_every_exercise_by_level(
    built_site: BuiltSite, site_data: SiteData
) -> None:
    """The by-level groups, readable without JavaScript, link every exercise once."""
    soup = _library(built_site)
    heading = soup.find("h3", id="by-level")
    assert heading is not None
    groups = heading.find_next_siblings("details", limit=3)
    hrefs = [str(a["href"]) for group in groups for a in group("a")]
    assert sorted(hrefs) == sorted(f"#{exercise.id}" for exercise in site_data.exercises)


def test_every_variation_link_lands_on_its_card(built_site: BuiltSite, site_data: SiteData) -> None:
    """Each card's easier and harder links point at the variations the data names."""
    library = site_data.exercises_by_id
    wrong = []
    for card in _library(built_site).select("div.rg-exercise"):
        exercise = library[str(card.h3["id"])]
        shown = {str(a["data-variation"]): str(a["href"]) for a in card.select("a[data-variation]")}
        expected = {
            kind: f"#{target}"
            for kind, target in (("easier", exercise.easier), ("harder", exercise.harder))
            if target
        }
        if shown != expected:
            wrong.append(exercise.id)
    assert wrong == []


def test_every_exercise_link_on_every_page_lands_on_a_card(
    built_site: BuiltSite, site_data: SiteData
) -> None:
    """Every link to the library page with a fragment names an existing exercise card."""
    links = _links_to_cards(built_site)
    cards = {str(h["id"]) for h in _library(built_site).select(".rg-exercise h3")}
    assert links
    assert [(page, href) for page, href, fragment in links if fragment not in cards] == []
    assert cards == set(site_data.exercises_by_id)


@pytest.mark.parametrize(
    ("url_path", "ids"),
    [
        (
            "guide/weekly-plan/",
            ["sit-to-stand", "step-up", "glute-bridge", "supported-calf-raise", "band-row"],
        ),
        (
            "guide/regain-strength/",
            ["sit-to-stand", "squat", "lunge", "romanian-deadlift", "floor-push-up", "cable-row"],
        ),
        (
            "faq/",
            [
                "sit-to-stand",
                "squat",
                "step-up",
                "glute-bridge",
                "leg-press",
                "supported-calf-raise",
            ],
        ),
    ],
)
def test_pages_link_their_exercises_to_the_library(
    built_site: BuiltSite, url_path: str, ids: list[str]
) -> None:
    """The plan, strength and FAQ pages show their exercises, linked to the cards."""
    linked = {
        fragment
        for page, _, fragment in _links_to_cards(built_site)
        if page == f"{url_path}index.html"
    }
    assert set(ids) <= linked


def test_every_plan_day_has_its_row(built_site: BuiltSite, site_data: SiteData) -> None:
    """The weekly-plan page has a row per day, Monday first, with the day's title."""
    rows = _soup(built_site.page("guide/weekly-plan/")).select("tr[data-day]")
    shown = [(str(row["data-day"]), row.td.strong.get_text()) for row in rows]
    assert shown == [(day.day.value, day.title) for day in site_data.weekly_plan]
    assert [day for day, _ in shown] == [day.value for day in Weekday]


def test_plan_table_marks_the_rest_day(built_site: BuiltSite) -> None:
    """The rest day's row says so for scripts and styles."""
    rows = _soup(built_site.page("guide/weekly-plan/")).select('tr[data-rest-day="true"]')
    assert [row["data-day"] for row in rows] == ["sunday"]


def test_macro_tables_fit_a_phone(built_site: BuiltSite) -> None:
    """Tables the macros write have at most three columns (360 px phones)."""
    widths = {
        url: [
            len(table.thead("th")) for table in _soup(built_site.page(url)).select("article table")
        ]
        for url in ("guide/weekly-plan/", "guide/regain-strength/")
    }
    assert all(widths.values())
    assert max(max(w) for w in widths.values()) <= 3


def test_site_exercises_json_equals_the_validated_data(
    built_site: BuiltSite, site_data: SiteData
) -> None:
    """site/data/exercises.json holds the validated exercises."""
    shipped = json.loads((built_site.path / EXERCISE_LIBRARY).read_text(encoding="utf-8"))
    assert shipped == site_data.exercises_json()


def test_site_ships_no_weekly_plan_json(built_site: BuiltSite) -> None:
    """Nothing reads a JSON copy of the sample week, so the build writes none."""
    assert not (built_site.path / "data" / "weekly_plan.json").exists()


@pytest.mark.parametrize("name", ["exercises"])
def test_site_json_keeps_every_yaml_value(built_site: BuiltSite, name: str) -> None:
    """Every field written in the YAML reaches the JSON unchanged: nothing is dropped."""
    written = yaml.safe_load((ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8"))
    shipped = json.loads((built_site.path / "data" / f"{name}.json").read_text(encoding="utf-8"))

    def contains(big: object, small: object) -> bool:
        if isinstance(small, dict):
            return isinstance(big, dict) and all(contains(big.get(k), v) for k, v in small.items())
        if isinstance(small, list):
            return (
                isinstance(big, list) and len(big) == len(small) and all(map(contains, big, small))
            )
        return big == small

    assert contains(shipped, written)
