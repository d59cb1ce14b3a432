"""The SVG of the drawings: one line style in currentColor, a sprite of symbols, golden files."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

import pytest

from calculators.figure import FRAME, load_poses, sprite
from calculators.figure.svg import symbol
from macros.data import ROOT, load_site_data

GOLDEN = Path(__file__).parent / "golden" / "figure"
SVG = "{http://www.w3.org/2000/svg}"
# Side and front view, seated, supported by a wall and a counter, on a machine.
GOLDEN_IDS = ("sit-to-stand", "wall-push-up", "tandem-stand", "seated-pillow-squeeze", "leg-press")

BOOK = load_site_data(ROOT / "data").poses


@pytest.mark.parametrize("exercise_id", GOLDEN_IDS)
@pytest.mark.parametrize("which", ["start", "end"])
def test_symbol_matches_its_golden_file(exercise_id: str, which: str) -> None:
    """A drawing's markup is byte for byte the reviewed one (regenerate on purpose only)."""
    expected = (GOLDEN / f"{exercise_id}-{which}.svg").read_text(encoding="utf-8")
    assert symbol(BOOK[exercise_id], which) + "\n" == expected


def test_sprite_holds_a_symbol_per_pose_and_the_arrow() -> None:
    """The sprite is one hidden SVG with fig-ID-start/end for every drawing and fig-arrow."""
    root = ElementTree.fromstring(sprite(BOOK))
    assert root.tag == f"{SVG}svg"
    assert root.get("style") == "display:none"
    ids = [element.get("id") for element in root.iter(f"{SVG}symbol")]
    expected = [f"fig-{i}-{which}" for i in BOOK for which in ("start", "end")]
    assert ids == [*expected, "fig-arrow"]


def test_every_pose_symbol_has_the_shared_frame() -> None:
    """Every pose symbol's viewBox is FRAME, so drawings line up side by side."""
    root = ElementTree.fromstring(sprite(BOOK))
    frame = " ".join(f"{value:g}" for value in FRAME)
    for element in root.iter(f"{SVG}symbol"):
        if element.get("id") != "fig-arrow":
            assert element.get("viewBox") == frame


def test_one_line_style_in_current_color() -> None:
    """No colour but currentColor, no raster, round caps and joins on every symbol."""
    markup = sprite(BOOK)
    colours = set(re.findall(r'(?:stroke|fill)="([^"]+)"', markup))
    assert colours <= {"currentColor", "none"}
    assert "<image" not in markup
    assert markup.count('stroke-linecap="round"') == markup.count("<symbol")


def test_coordinates_have_at_most_one_decimal() -> None:
    """Bytes matter: no coordinate is written with more than one decimal."""
    assert not re.search(r"\d\.\d\d", sprite(BOOK))


def test_empty_book_is_just_the_arrow() -> None:
    """With no drawings the sprite still holds the arrow."""
    assert 'id="fig-arrow"' in sprite(load_poses({}))
