"""The built site's drawings (issue 25): one sprite, every `<use>` resolves, offline, reviewable."""

from __future__ import annotations

import json
import re
from xml.etree import ElementTree

from bs4 import BeautifulSoup

from calculators.present.figure import SPRITE
from harness import BuiltSite
from postbuild import offline
from postbuild.data import EXERCISE_LIBRARY

SHEET = "guide/exercise-drawings/"
LIBRARY = "guide/exercises/"
SYMBOL_ID = re.compile(r'<symbol id="([^"]+)"')


def sprite_ids(site: BuiltSite) -> set[str]:
    """The symbol ids of the built sprite."""
    return set(SYMBOL_ID.findall((site.path / SPRITE).read_text(encoding="utf-8")))


def page_soup(site: BuiltSite, path: str) -> BeautifulSoup:
    """A built page, parsed."""
    return BeautifulSoup(site.page(path).read_text(encoding="utf-8"), "html.parser")


def test_every_use_on_every_page_points_at_a_symbol_of_the_sprite(built_site: BuiltSite) -> None:
    """No broken drawing anywhere: each `<use href>` is the sprite and one of its symbols.

    The sprite is reached by the page's own way back to the site root.
    """
    ids = sprite_ids(built_site)
    assert "fig-arrow" in ids
    seen = 0
    for file in built_site.html_pages():
        page = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        for use in page.select("figure.rg-move use"):
            target, _, symbol = str(use["xlink:href"]).partition("#")
            resolved = (file.parent / target).resolve()
            assert resolved == (built_site.path / SPRITE).resolve(), (file, target)
            assert symbol in ids, (file, symbol)
            seen += 1
    assert seen


def test_every_drawn_exercise_has_its_figure_on_its_card(built_site: BuiltSite) -> None:
    """A card shows its drawing exactly when the sprite has the exercise's two poses."""
    ids = sprite_ids(built_site)
    rows = json.loads((built_site.path / EXERCISE_LIBRARY).read_text(encoding="utf-8"))
    library = page_soup(built_site, LIBRARY)
    for row in rows:
        drawn = {f"fig-{row['id']}-start", f"fig-{row['id']}-end"} <= ids
        assert bool(row.get("drawing")) == drawn, row["id"]
        card = library.select_one(f".rg-exercise:has(> h3#{row['id']})")
        assert card is not None, row["id"]
        figure = card.select_one("figure.rg-move")
        assert (figure is not None) == drawn, row["id"]


def test_every_exercise_has_a_drawing(built_site: BuiltSite) -> None:
    """Every exercise of data/exercises.yml is drawn (issue 25): every card, plan line has one."""
    rows = json.loads((built_site.path / EXERCISE_LIBRARY).read_text(encoding="utf-8"))
    assert len(rows) == 54
    missing = {row["id"] for row in rows if not row.get("drawing")}
    assert missing == set(), f"not drawn: {sorted(missing)}"


def test_the_sprite_is_kept_offline(built_site: BuiltSite) -> None:
    """The service worker precaches the sprite with the pages that use it."""
    precache, _ = offline.offline_files(built_site.path)
    assert SPRITE in precache


def test_the_contact_sheet_is_built_linked_from_the_library_and_not_in_nav_or_search(
    built_site: BuiltSite,
) -> None:
    """Reviewers reach it from the exercise library; readers do not meet it in menus or search."""
    sheet = page_soup(built_site, SHEET)
    assert len(sheet.select(".rg-sheet-cell")) == len(
        json.loads((built_site.path / EXERCISE_LIBRARY).read_text(encoding="utf-8"))
    )
    library = page_soup(built_site, LIBRARY)
    assert library.select_one('article a[href="../exercise-drawings/"]') is not None
    home = page_soup(built_site, "")
    assert not home.select('nav a[href*="exercise-drawings"]')
    index = json.loads((built_site.path / "search" / "search_index.json").read_text("utf-8"))
    assert not [doc for doc in index["docs"] if doc["location"].startswith(SHEET)]


def test_the_sprite_is_one_svg_with_a_symbol_per_pose(built_site: BuiltSite) -> None:
    """assets/figures.svg: an SVG document whose symbols are named fig-ID-start / fig-ID-end."""
    text = (built_site.path / SPRITE).read_text(encoding="utf-8")
    # Well-formed XML: a browser stops drawing an SVG document at its first error.
    root = ElementTree.fromstring(text)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    names = sprite_ids(built_site) - {"fig-arrow"}
    assert names
    assert all(re.fullmatch(r"fig-[a-z0-9-]+-(start|end)", name) for name in names)
    exercises = {name.rsplit("-", 1)[0] for name in names}
    assert {f"{e}-{pose}" for e in exercises for pose in ("start", "end")} == names
