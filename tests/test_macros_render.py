"""The exercise library: choosing (macros.choose), views (present.library), links, escaping."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup, Tag

from calculators.exercises import Exercise
from calculators.present import library as view
from macros import choose
from macros.data import SiteData, load_site_data

FIXTURES = Path(__file__).parent / "fixtures" / "data"
LIBRARY_URL = "guide/exercises/"
# The fixture's exercise whose text is full of Markdown and HTML specials.
TRICKY_NAME = "Row | pull <b>*bold*</b> & co"


@pytest.fixture(scope="module")
def data() -> SiteData:
    """The small fixture data set."""
    return load_site_data(FIXTURES)


def _ids(exercises: list[Exercise]) -> list[str]:
    """Exercise ids, in order."""
    return [exercise.id for exercise in exercises]


def _links(page_url: str = "guide/weekly-plan/") -> view.Links:
    """Links as seen from a page (the weekly plan unless told)."""
    return view.Links(page_url=page_url, library_url=LIBRARY_URL)


def _through_markdown(html: str) -> Tag:
    """What a page shows after Python-Markdown (with the site's extensions) reads the macro."""
    page = f"Before.\n\n{html}\n\nAfter."
    converted = markdown.markdown(
        page, extensions=["md_in_html", "tables", "attr_list", "def_list", "abbr"]
    )
    return BeautifulSoup(converted, "html.parser")


# ---------------------------------------------------------------- choosing exercises


def test_select_without_filters_lists_every_exercise(data: SiteData) -> None:
    """No filter keeps every exercise."""
    assert len(choose.select_exercises(data.exercises)) == len(data.exercises)


def test_select_orders_by_category_then_data_order(data: SiteData) -> None:
    """Exercises come in category order, and in data order within a category."""
    assert _ids(choose.select_exercises(data.exercises)) == [
        "chair-stand",
        "deep-squat",
        "heel-raise",
        "tricky",
        "core-hold",
        "wall-lean",
    ]


def test_select_by_category(data: SiteData) -> None:
    """A category filter keeps that category only."""
    chosen = choose.select_exercises(data.exercises, category="lower-body")
    assert _ids(chosen) == ["chair-stand", "deep-squat", "heel-raise"]


def test_select_by_level(data: SiteData) -> None:
    """A level filter keeps that level only."""
    chosen = choose.select_exercises(data.exercises, level="start")
    assert _ids(chosen) == ["chair-stand", "tricky", "wall-lean"]


def test_select_by_equipment_keeps_exercises_that_use_it(data: SiteData) -> None:
    """An equipment filter keeps every exercise that uses that item, alone or with others."""
    chosen = choose.select_exercises(data.exercises, equipment="counter")
    assert _ids(chosen) == ["heel-raise", "tricky"]


def test_select_by_equipment_none_keeps_exercises_needing_nothing(data: SiteData) -> None:
    """`equipment="none"` keeps the exercises that need nothing."""
    assert _ids(choose.select_exercises(data.exercises, equipment="none")) == ["deep-squat"]


def test_select_combines_filters(data: SiteData) -> None:
    """Several filters must all match."""
    chosen = choose.select_exercises(data.exercises, category="lower-body", level="strong")
    assert _ids(chosen) == ["heel-raise"]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"category": "legs"}, "category 'legs' is not allowed; allowed: lower-body, upper-body"),
        ({"level": "easy"}, "level 'easy' is not allowed; allowed: start, build, strong"),
        ({"equipment": "sofa"}, "equipment 'sofa' is not allowed; allowed: none, chair"),
    ],
)
def test_select_rejects_unknown_filter_value(
    data: SiteData, filters: dict[str, str], expected: str
) -> None:
    """A filter value outside its allowed set stops the build and lists what is allowed."""
    with pytest.raises(choose.RenderError, match=expected):
        choose.select_exercises(data.exercises, **filters)


def test_pick_keeps_the_order_given(data: SiteData) -> None:
    """Exercises picked by id come in the order asked for."""
    chosen = choose.pick_exercises(data.exercises_by_id, ["wall-lean", "chair-stand"])
    assert _ids(chosen) == ["wall-lean", "chair-stand"]


def test_pick_rejects_unknown_id(data: SiteData) -> None:
    """An unknown id in a page's macro call stops the build, naming the id."""
    with pytest.raises(choose.RenderError, match="unknown exercise ids: 'nope'"):
        choose.pick_exercises(data.exercises_by_id, ["chair-stand", "nope"])


# ---------------------------------------------------------------- links


@pytest.mark.parametrize(
    ("page_url", "library_url", "expected"),
    [
        ("", "guide/exercises/", "guide/exercises/#chair-stand"),
        ("faq/", "guide/exercises/", "../guide/exercises/#chair-stand"),
        ("guide/weekly-plan/", "guide/exercises/", "../exercises/#chair-stand"),
        ("guide/exercises/", "guide/exercises/", "#chair-stand"),
        ("a/b/c/", "guide/exercises/", "../../../guide/exercises/#chair-stand"),
        ("index.html", "guide/exercises.html", "guide/exercises.html#chair-stand"),
        ("guide/weekly-plan.html", "guide/exercises.html", "exercises.html#chair-stand"),
        ("faq.html", "guide/exercises.html", "guide/exercises.html#chair-stand"),
    ],
)
def test_exercise_link_is_relative_to_the_page(
    page_url: str, library_url: str, expected: str
) -> None:
    """Links to a card work from pages at any depth, with or without directory URLs."""
    links = view.Links(page_url=page_url, library_url=library_url)
    assert links.exercise("chair-stand") == expected


def test_table_links_each_name_to_its_card(data: SiteData) -> None:
    """Each row's exercise name links to its card, relative to the page."""
    html = view.exercise_table(choose.select_exercises(data.exercises), _links("faq/"))
    hrefs = [a["href"] for a in _through_markdown(html).select("table a")]
    assert hrefs == [
        f"../guide/exercises/#{i}" for i in _ids(choose.select_exercises(data.exercises))
    ]


def test_card_links_its_variations(data: SiteData) -> None:
    """A card links its easier and harder versions to their cards on the same page."""
    card = view.exercise_card(
        data.exercises_by_id["deep-squat"], _links(LIBRARY_URL), data.exercises_by_id
    )
    shown = _through_markdown(card).select("a[data-variation]")
    assert {a["data-variation"]: a["href"] for a in shown} == {"easier": "#chair-stand"}


def test_card_leaves_out_a_missing_variation(data: SiteData) -> None:
    """An exercise without variations shows neither an easier nor a harder line."""
    card = view.exercise_card(data.exercises_by_id["core-hold"], _links(), data.exercises_by_id)
    assert "version" not in _through_markdown(card).get_text()


def test_plan_links_exercises_relative_to_the_page(data: SiteData) -> None:
    """The plan's exercise names link to their cards from the plan page."""
    html = view.weekly_plan_table(data.weekly_plan, _links(), data.exercises_by_id)
    monday = _through_markdown(html).select_one('tr[data-day="monday"]')
    assert monday is not None
    assert [a["href"] for a in monday("a")] == ["../exercises/#chair-stand", "../exercises/#tricky"]


# ---------------------------------------------------------------- what the pieces show


def test_card_heading_id_is_the_exercise_id(data: SiteData) -> None:
    """A card's heading carries the exercise id, so links land on it."""
    card = view.exercise_card(data.exercises_by_id["chair-stand"], _links(), data.exercises_by_id)
    heading = _through_markdown(card).select_one("h3#chair-stand")
    assert heading is not None
    assert heading.get_text() == "Chair stand¶"


def test_card_shows_every_step_in_order(data: SiteData) -> None:
    """A card lists the steps as a numbered list, in the data's order."""
    card = view.exercise_card(data.exercises_by_id["chair-stand"], _links(), data.exercises_by_id)
    steps = [li.get_text() for li in _through_markdown(card).select("ol li")]
    assert steps == ["Sit.", "Stand up.", "Sit down slowly."]


@pytest.mark.parametrize(
    ("exercise_id", "expected"),
    [
        ("chair-stand", "1–3 sets of 8–12 reps"),
        ("tricky", "3 sets of 10 reps on each side"),
        ("core-hold", "1–3 sets, holding for 10–30 seconds"),
        ("wall-lean", "1–2 sets, holding for 20–30 seconds on each side"),
    ],
)
def test_dose_in_words(data: SiteData, exercise_id: str, expected: str) -> None:
    """A dose reads as sets of reps or of holds, on each side when per_side."""
    assert view.dose_text(data.exercises_by_id[exercise_id]) == expected


def test_table_has_three_columns(data: SiteData) -> None:
    """Exercise tables stay narrow enough for a 360 px phone: three columns."""
    html = view.exercise_table(choose.select_exercises(data.exercises), _links())
    assert [th.get_text() for th in _through_markdown(html)("th")] == [
        "Exercise",
        "Level",
        "You need",
    ]


def test_plan_table_has_a_row_per_day_monday_first(data: SiteData) -> None:
    """The plan table has the seven days, Monday first."""
    html = view.weekly_plan_table(data.weekly_plan, _links(), data.exercises_by_id)
    days = [th.get_text() for th in _through_markdown(html).select("tbody th")]
    assert days == ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def test_index_by_level_leaves_out_empty_groups(data: SiteData) -> None:
    """The level index has one collapsible group per level that has exercises."""
    html = view.exercise_index(choose.by_level_or_equipment(data.exercises, "level"), _links())
    summaries = [s.get_text() for s in _through_markdown(html).select("details > summary")]
    assert [s.split(":")[0] for s in summaries] == ["Start", "Build", "Strong"]
    assert summaries[1].endswith("(1 exercise)")


def test_index_by_equipment_lists_each_item_used(data: SiteData) -> None:
    """The equipment index has a group per item some exercise uses, in schema order."""
    html = view.exercise_index(choose.by_level_or_equipment(data.exercises, "equipment"), _links())
    summaries = [s.get_text().split(" (")[0] for s in _through_markdown(html)("summary")]
    assert summaries == [
        "Nothing",
        "Chair",
        "Wall",
        "Counter",
        "Resistance band",
        "Dumbbells",
        "Mat",
    ]


def test_empty_table_is_refused(data: SiteData) -> None:
    """A filter that matches nothing stops the build rather than show an empty table."""
    with pytest.raises(choose.RenderError, match="no exercise matches"):
        choose.some([], "table")


# ---------------------------------------------------------------- escaping

RENDERERS: dict[str, Callable[[SiteData], str]] = {
    "table": lambda d: view.exercise_table(choose.select_exercises(d.exercises), _links()),
    "list": lambda d: view.exercise_list(choose.select_exercises(d.exercises), _links()),
    "card": lambda d: view.exercise_card(d.exercises_by_id["tricky"], _links(), d.exercises_by_id),
    "index": lambda d: view.exercise_index(
        choose.by_level_or_equipment(d.exercises, "level"), _links()
    ),
    "plan": lambda d: view.weekly_plan_table(d.weekly_plan, _links(), d.exercises_by_id),
}


@pytest.mark.parametrize("renderer", RENDERERS)
def test_specials_in_data_inject_no_markup(data: SiteData, renderer: str) -> None:
    """`<`, `*`, `_`, `` ` `` and `&` in the data become text, never elements."""
    shown = _through_markdown(RENDERERS[renderer](data))
    assert shown(["b", "i", "em", "script", "code", "band"]) == []


@pytest.mark.parametrize("renderer", ["table", "list", "card", "index"])
def test_specials_in_a_name_survive_as_text(data: SiteData, renderer: str) -> None:
    """The tricky exercise's name is shown exactly, `|`, `<b>`, `*` and `&` included."""
    shown = _through_markdown(RENDERERS[renderer](data))
    assert TRICKY_NAME in [tag.get_text().removesuffix("¶") for tag in shown(["a", "h3"])]


def test_a_pipe_does_not_split_a_table_cell(data: SiteData) -> None:
    """Every table row keeps its three cells when the data holds `|`."""
    shown = _through_markdown(RENDERERS["table"](data))
    assert {len(row("td")) for row in shown.select("tbody tr")} == {3}


def test_specials_in_card_text_survive_as_text(data: SiteData) -> None:
    """Muscles, steps and the safety note of the tricky exercise read exactly as written."""
    text = _through_markdown(RENDERERS["card"](data)).get_text()
    for written in (
        "back <i>&</i> *arms* | more",
        "Hold the <band> | firmly",
        "Pull **hard** & _slowly_",
        "Let go `now`",
        "<script>alert('x')</script> & stop if | it hurts",
    ):
        assert written in text


def test_specials_in_the_plan_survive_as_text(data: SiteData) -> None:
    """The plan's day title and note read exactly as written."""
    text = _through_markdown(RENDERERS["plan"](data)).get_text()
    assert "Legs | <b>arms</b> & *more*" in text
    assert "Rest <2 minutes> | then *repeat* & go on." in text
