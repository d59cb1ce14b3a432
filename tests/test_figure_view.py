"""Exercise drawings on pages (issue 25): one markup, once per exercise in a plan, the sprite's ids.

The drawings themselves are calculators.figure's (tests/test_figure_*.py); these tests check
where they are shown and that every page points only at symbols the sprite has.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from bench import deterministic
from calculators.figure import FRAME
from calculators.plan import PlanInput, weekly_plan
from calculators.present import html, plan
from calculators.present import library as library_view
from calculators.present.figure import SPRITE, move_figure, symbol_id, viewbox
from macros import choose
from macros.data import SiteData, load_site_data

ROOT = Path(__file__).resolve().parent.parent
EXERCISES = yaml.safe_load((ROOT / "data" / "exercises.yml").read_text(encoding="utf-8"))
PAYLOAD = {"age": 78, "strength_days": 3, "ability": "tires-quickly"}


def soup(markup: str) -> BeautifulSoup:
    """Parsed HTML."""
    return BeautifulSoup(markup, "html.parser")


def drawn_rows(drawn: set[str] | None = None) -> list[dict[str, Any]]:
    """The exercise rows as the site ships them, each drawn (or those in `drawn`)."""
    return [
        {**row, "drawing": True} if drawn is None or row["id"] in drawn else dict(row)
        for row in EXERCISES
    ]


def plan_html(rows: list[dict[str, Any]], payload: dict[str, object] = PAYLOAD) -> BeautifulSoup:
    """A plan answer's HTML, as the tools page shows it."""
    result = weekly_plan(PlanInput.from_mapping(payload), rows)
    return soup(html.render(plan.view(result), "../../"))


def test_a_figure_is_start_arrow_end_named_by_its_how_line() -> None:
    """`move_figure`: role img named by the alt text, start and end use the sprite's symbols."""
    figure = soup(move_figure("wall-push-up", 'Hands on a wall & "push"', "../../")).figure
    assert isinstance(figure, Tag)
    assert figure["class"] == ["rg-move"]
    assert figure["role"] == "img"
    assert figure["aria-label"] == 'Hands on a wall & "push"'
    svgs = figure.find_all("svg")
    assert [svg.get("data-pose") for svg in svgs] == ["start", None, "end"]
    assert all(svg["aria-hidden"] == "true" for svg in svgs)
    assert [svg.use["xlink:href"] for svg in svgs] == [
        f"../../{SPRITE}#fig-wall-push-up-start",
        f"../../{SPRITE}#fig-arrow",
        f"../../{SPRITE}#fig-wall-push-up-end",
    ]
    assert svgs[0]["viewbox"] == svgs[2]["viewbox"] == viewbox(FRAME)  # html.parser lowers it


def test_symbol_ids_are_the_sprites_names() -> None:
    """`fig-{exercise}-{start|end}`, as I25.md fixes them."""
    assert symbol_id("tandem-stand", "end") == "fig-tandem-stand-end"


def test_each_exercise_is_drawn_once_on_screen_and_once_on_paper() -> None:
    """A 12-week plan draws each distinct exercise where it is first listed, never per day."""
    page = plan_html(drawn_rows())
    screen = page.select_one(".rg-screen-only")
    paper = page.select_one(".rg-printout")
    assert screen is not None
    assert paper is not None
    for part in (screen, paper):
        drawn = Counter(str(svg["data-exercise"]) for svg in part.select("svg[data-pose=start]"))
        listed = {str(li["data-exercise"]) for li in screen.select("li[data-exercise]")}
        assert set(drawn) == listed
        assert set(drawn.values()) == {1}


def test_the_drawing_is_beside_the_first_how_to_on_paper() -> None:
    """On paper the drawing sits with the how-to line; "as above." rows have none."""
    page = plan_html(drawn_rows())
    cells = [row.td for row in page.select(".rg-print-plan tbody tr:not([data-kind])")]
    exercises = [cell for cell in cells if cell is not None and cell.a is not None]
    assert exercises
    for cell in exercises:
        again = "as above." in cell.get_text()
        assert (cell.select_one("figure.rg-move") is None) == again


def test_an_exercise_without_a_drawing_gets_no_figure() -> None:
    """No `<use>` points at a pose that is not in the sprite."""
    page = plan_html(drawn_rows(drawn={"sit-to-stand"}))
    assert {str(svg["data-exercise"]) for svg in page.select("svg[data-exercise]")} == {
        "sit-to-stand"
    }
    assert not plan_html(drawn_rows(drawn=set())).select("figure.rg-move")


def test_the_drawings_add_little_to_an_answer() -> None:
    """Pointing at the sprite, not drawing inline: under 1 kB gzip per distinct exercise."""
    with_drawings = str(plan_html(drawn_rows()))
    without = str(plan_html(drawn_rows(drawn=set())))
    distinct = len(set(re.findall(r'data-exercise="([^"]+)" data-pose="start"', with_drawings)))
    added = len(gzip.compress(with_drawings.encode())) - len(gzip.compress(without.encode()))
    assert 0 < added < 1000 * distinct


@pytest.fixture(scope="module")
def site_data() -> SiteData:
    """The project's data."""
    return load_site_data(ROOT / "data")


def test_a_card_shows_its_drawing_under_its_heading(site_data: SiteData) -> None:
    """An exercise card with a pose has the figure right after its heading, none without."""
    links = library_view.Links(page_url="guide/exercises/", library_url="guide/exercises/")
    library = site_data.exercises_by_id
    exercise = site_data.exercises[0]
    card = soup(library_view.exercise_card(exercise, links, library, {exercise.id}))
    heading = card.h3
    assert heading is not None
    figure = heading.find_next_sibling()
    assert isinstance(figure, Tag)
    assert figure.name == "figure"
    assert figure["aria-label"] == (exercise.how or exercise.name)
    assert figure.svg is not None
    assert str(figure.svg.use["xlink:href"]).startswith(f"../../{SPRITE}#")
    assert soup(library_view.exercise_card(exercise, links, library, set())).figure is None


def test_the_contact_sheet_lists_every_exercise(site_data: SiteData) -> None:
    """Every exercise once, drawn or saying it is not drawn yet."""
    links = library_view.Links(page_url="guide/exercise-drawings/", library_url="guide/exercises/")
    drawn = {site_data.exercises[0].id}
    groups = choose.by_category(site_data.exercises)
    sheet = soup(library_view.exercise_drawings(groups, links, drawn))
    cells = sheet.select(".rg-sheet-cell")
    assert sorted(str(cell["data-exercise"]) for cell in cells) == sorted(
        exercise.id for exercise in site_data.exercises
    )
    for cell in cells:
        assert (cell.figure is not None) == (cell["data-exercise"] in drawn)


def test_shipped_rows_say_which_exercises_are_drawn(site_data: SiteData) -> None:
    """data/exercises.json carries `drawing: true` exactly for the sprite's exercises."""
    rows = site_data.exercises_json()
    assert {row["id"] for row in rows if row.get("drawing")} == set(site_data.drawn_ids)


def test_sprite_sizes_gzip_the_whole_sprite_and_each_exercise_alone() -> None:
    """The bench's figure bytes: the sprite as sent, and each exercise's two symbols."""
    sprite = (
        '<svg xmlns="http://www.w3.org/2000/svg">'
        '<symbol id="fig-a-b-start"><path d="M0 0"/></symbol>'
        '<symbol id="fig-a-b-end"><path d="M1 1"/></symbol>'
        '<symbol id="fig-c-start"><path d="M2 2"/></symbol><symbol id="fig-arrow"></symbol></svg>'
    )
    whole, each = deterministic.sprite_sizes(sprite)
    assert whole == len(gzip.compress(sprite.encode(), 6, mtime=0))
    assert set(each) == {"a-b", "c"}
    pair = '<symbol id="fig-a-b-start"><path d="M0 0"/></symbol>'
    pair += '<symbol id="fig-a-b-end"><path d="M1 1"/></symbol>'
    assert each["a-b"] == len(gzip.compress(pair.encode(), 6, mtime=0))


def test_the_guides_sample_week_draws_each_exercise_once(site_data: SiteData) -> None:
    """guide/weekly-plan/: every drawn exercise once, in the row where the week first lists it."""
    links = library_view.Links(page_url="guide/weekly-plan/", library_url="guide/exercises/")
    drawn = site_data.drawn_ids
    library = site_data.exercises_by_id
    week = soup(library_view.weekly_plan_table(site_data.weekly_plan, links, library, drawn))
    listed = [str(a["href"]).partition("#")[2] for a in week.select("li a[href*='#']")]
    starts = [str(svg["data-exercise"]) for svg in week.select("svg[data-pose=start]")]
    assert starts == [ident for ident in dict.fromkeys(listed) if ident in drawn]
    assert starts


def test_a_plan_answer_with_drawings_loads_the_frame_but_never_the_figure_model() -> None:
    """The engine's first plan answer compiled the whole figure model for one constant (bench).

    A fresh interpreter renders a drawn plan; only `calculators.figure` (its lazy names) and
    `calculators.figure.frame` may be loaded by it.
    """
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    script = (
        "import json, sys, yaml\n"
        "from calculators.plan import PlanInput, weekly_plan\n"
        "from calculators.present import html, plan\n"
        "rows = [{**r, 'drawing': True} for r in yaml.safe_load(open('data/exercises.yml'))]\n"
        f"result = weekly_plan(PlanInput.from_mapping({PAYLOAD!r}), rows)\n"
        "page = html.render(plan.view(result), '../../')\n"
        "assert 'data-exercise=' in page\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('calculators.figure'))))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    loaded = json.loads(out.stdout.splitlines()[-1])
    assert loaded == ["calculators.figure", "calculators.figure.frame"]
