"""SVG charts: well-formed, accessible, the right number of marks, escaped, finite, unique ids."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import api
from calculators.present import charts, page_charts

ROOT = Path(__file__).resolve().parent.parent
EXERCISES = yaml.safe_load((ROOT / "data" / "exercises.yml").read_text(encoding="utf-8"))
SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = "<script>alert(1)</script> & \"quotes\" 'and' ]]> <!--"


def parse(svg: str) -> ET.Element:
    """The chart's root element (fails on malformed XML)."""
    return ET.fromstring(svg)


def marks(svg: str, css_class: str) -> list[ET.Element]:
    """Elements carrying `css_class` among their classes."""
    return [e for e in parse(svg).iter() if css_class in e.get("class", "").split()]


def per_meal(meals: int = 3) -> str:
    """A protein-per-meal chart for 82–109 g a day."""
    return charts.protein_per_meal_chart(meals=meals, daily_g=(82, 109), per_meal_g=(28, 30))


def every_chart() -> list[str]:
    """One chart of each kind."""
    return [
        per_meal(),
        charts.steps_chart(weekly=[2500, 3000, 3500], target=(6000, 8000)),
        page_charts.muscle_loss_chart(),
    ]


@pytest.mark.parametrize("svg", every_chart(), ids=["per-meal", "steps", "muscle-loss"])
def test_chart_is_an_svg_image_named_by_its_title_and_desc(svg: str) -> None:
    """The root is <svg role="img"> whose aria-labelledby names its <title> and <desc>."""
    root = parse(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None
    assert title.text
    assert desc is not None
    assert desc.text
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"


@pytest.mark.parametrize("svg", every_chart(), ids=["per-meal", "steps", "muscle-loss"])
def test_chart_scales_to_its_container(svg: str) -> None:
    """A viewBox and width 100%, no fixed height: the page's CSS sets the size."""
    root = parse(svg)
    assert root.get("viewBox", "").startswith(f"0 0 {charts.WIDTH} ")
    assert root.get("width") == "100%"
    assert root.get("height") is None


@pytest.mark.parametrize("svg", every_chart(), ids=["per-meal", "steps", "muscle-loss"])
def test_chart_text_stays_inside_the_view_box(svg: str) -> None:
    """Every text's estimated extent lies inside the viewBox: legends wrap, nothing is cut."""
    root = parse(svg)
    _, _, width, height = (float(n) for n in root.get("viewBox", "").split())
    for text in root.iter(f"{SVG}text"):
        x, y, words = float(text.get("x", 0)), float(text.get("y", 0)), text.text or ""
        extent = len(words) * charts._CHAR_WIDTH
        anchor = text.get("text-anchor")
        left = x - extent / 2 if anchor == "middle" else x - extent if anchor == "end" else x
        assert left >= -1, words  # the estimate is within a unit or so
        assert left + extent <= width + 1, words
        assert 0 < y <= height, words


def test_a_long_legend_wraps_onto_more_lines() -> None:
    """A legend longer than the chart is wide goes onto several lines, each inside the chart."""
    svg = charts.protein_per_meal_chart(
        meals=1, daily_g=(300, 400), per_meal_g=(38, 40), occasions=8
    )
    lines = [t.text or "" for t in parse(svg).iter(f"{SVG}text") if t.get("x") == "22"]
    assert len(lines) >= 2
    assert " ".join(lines).startswith("Bars: aim for 38–40 g at your meal and at each of 7")


@pytest.mark.parametrize("svg", every_chart(), ids=["per-meal", "steps", "muscle-loss"])
def test_chart_paints_only_in_current_color(svg: str) -> None:
    """No hard-coded colour: every fill and stroke is currentColor, none, or a url(#…)."""
    paints = {
        value
        for element in parse(svg).iter()
        for name in ("fill", "stroke", "color")
        if (value := element.get(name)) is not None
    }
    assert {p for p in paints if not p.startswith("url(#")} <= {"currentColor", "none"}
    assert "style" not in svg


@pytest.mark.parametrize("meals", range(1, 9))
def test_per_meal_chart_has_one_bar_per_meal(meals: int) -> None:
    """One solid bar for each meal of the day."""
    assert len(marks(per_meal(meals), "rg-chart-bar")) == meals


def test_per_meal_chart_draws_the_advised_amount_not_an_even_split() -> None:
    """The bars and the text alternative carry the advised per-meal amount and the day."""
    svg = per_meal()
    desc = parse(svg).find(f"{SVG}desc")
    assert desc is not None
    assert "28–30 g at each of your 3 meals" in str(desc.text)
    assert "about your 82–109 g a day" in str(desc.text)
    labels = [t.text for t in parse(svg).iter(f"{SVG}text")]
    assert labels.count("28–30 g") == 3
    assert not marks(svg, "rg-chart-band")


def test_per_meal_chart_draws_meals_as_usual_and_added_snacks() -> None:
    """Meals with no target are empty bars "as usual"; snacks the answer adds get bars."""
    some = charts.protein_per_meal_chart(
        meals=3, daily_g=(36, 45), per_meal_g=(18, 22), protein_meals=2
    )
    assert "as usual" in [t.text for t in parse(some).iter(f"{SVG}text")]
    snacks = charts.protein_per_meal_chart(
        meals=1, daily_g=(40, 48), per_meal_g=(14, 16), occasions=3
    )
    labels = [t.text for t in parse(snacks).iter(f"{SVG}text")]
    assert {"Meal", "Snack 1", "Snack 2"} <= set(labels)
    assert labels.count("14–16 g") == 3


@pytest.mark.parametrize("weeks", [1, 2, 8, 16])
def test_steps_chart_has_one_bar_per_week(weeks: int) -> None:
    """One bar for each week of the step progression."""
    weekly = [2000 + 500 * week for week in range(1, weeks + 1)]
    svg = charts.steps_chart(weekly=weekly, target=(6000, 8000))
    assert len(marks(svg, "rg-chart-bar")) == weeks


def test_steps_chart_lists_every_week_in_its_desc() -> None:
    """The text alternative names each week's steps and the target band."""
    svg = charts.steps_chart(weekly=[5500, 6000], target=(6000, 8000))
    desc = parse(svg).find(f"{SVG}desc")
    assert desc is not None
    assert "week 1: 5,500; week 2: 6,000" in str(desc.text)
    assert "6,000–8,000 steps a day" in str(desc.text)


def test_muscle_loss_chart_has_a_point_per_decade_on_each_edge() -> None:
    """Points at 30, 40, … 90 on the slower and the faster line: 7 each."""
    svg = page_charts.muscle_loss_chart()
    assert len(marks(svg, "rg-chart-point")) == 14
    assert len(marks(svg, "rg-chart-line")) == 2


def test_muscle_loss_chart_says_it_is_no_prediction_in_title_desc_and_text() -> None:
    """The title, the desc and a visible text say: population average, not a prediction."""
    root = parse(page_charts.muscle_loss_chart())
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    assert "not a prediction for you" in str(root.findtext(f"{SVG}title")).lower()
    assert "not a prediction for you" in str(root.findtext(f"{SVG}desc")).lower()
    assert "Population average, not a prediction for you" in texts


def test_muscle_loss_follows_s1_then_s2() -> None:
    """100% at 30; 3–8% a decade to 60 (S1); then about 1% a year (S2)."""
    assert page_charts.muscle_remaining_percent(30, 8) == pytest.approx(100)
    assert page_charts.muscle_remaining_percent(40, 3) == pytest.approx(97)
    assert page_charts.muscle_remaining_percent(60, 8) == pytest.approx(100 * 0.92**3)
    assert page_charts.muscle_remaining_percent(70, 8) == pytest.approx(100 * 0.92**3 * 0.99**10)


def test_hostile_text_is_escaped() -> None:
    """Markup in any text stays text: the SVG parses and holds no <script> element."""
    bar = charts.Bar(HOSTILE, 10, HOSTILE, 12)
    svg = charts.bar_chart(
        prefix="rg-x",
        title=HOSTILE,
        description=HOSTILE,
        bars=[bar],
        band=charts.Band(5, 8, HOSTILE),
        legend=HOSTILE,
        axis_label=HOSTILE,
        x_label=HOSTILE,
    )
    root = parse(svg)
    assert not [e for e in root.iter() if e.tag.endswith("script")]
    assert root.findtext(f"{SVG}title") == HOSTILE
    assert HOSTILE in ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


@pytest.mark.parametrize("prefix", ["", "1abc", 'a"b', "a b", "a>b", "x" * 60])
def test_unsafe_id_prefix_is_refused(prefix: str) -> None:
    """A prefix that is not a plain id token raises ValueError instead of breaking the SVG."""
    with pytest.raises(ValueError, match="prefix"):
        page_charts.muscle_loss_chart(prefix=prefix)


def test_ids_are_unique_and_start_with_the_prefix() -> None:
    """Two charts on one page share no id, and every id starts with its chart's prefix."""
    first = charts.steps_chart(weekly=[3000], target=(6000, 8000), prefix="one")
    second = charts.steps_chart(weekly=[3000], target=(6000, 8000), prefix="two")
    ids = [e.get("id") for svg in (first, second) for e in parse(svg).iter() if e.get("id")]
    assert len(ids) == len(set(ids))
    assert all(str(i).startswith(("one-", "two-")) for i in ids)


def test_every_url_reference_names_an_id_in_the_chart() -> None:
    """Each url(#…) (the hatch clip paths) points at an element of the same chart."""
    for svg in every_chart():
        ids = {e.get("id") for e in parse(svg).iter()}
        assert set(re.findall(r"url\(#([^)]+)\)", svg)) <= ids


def test_non_finite_value_is_refused() -> None:
    """NaN or infinity as a bar raises ValueError instead of reaching the SVG."""
    with pytest.raises(ValueError, match="finite"):
        charts.bar_chart(
            prefix="rg-x",
            title="t",
            description="d",
            bars=[charts.Bar("a", float("nan"), "a")],
            band=charts.Band(1, 2, "b"),
            legend="l",
            axis_label="y",
        )


@settings(max_examples=100, deadline=None)
@given(
    meals=st.integers(min_value=1, max_value=8),
    low=st.integers(min_value=24, max_value=500),
    extra=st.integers(min_value=0, max_value=300),
    meal_low=st.integers(min_value=8, max_value=40),
    snacks=st.integers(min_value=0, max_value=7),
)
def test_per_meal_chart_never_holds_nan_or_infinity(
    meals: int, low: int, extra: int, meal_low: int, snacks: int
) -> None:
    """Any daily and per-meal range gives a parseable chart without nan or inf."""
    svg = charts.protein_per_meal_chart(
        meals=meals, daily_g=(low, low + extra), per_meal_g=(meal_low, 40), occasions=meals + snacks
    )
    parse(svg)
    assert not re.search(r"nan|inf", svg, re.IGNORECASE)


@settings(max_examples=100, deadline=None)
@given(
    weekly=st.lists(st.integers(min_value=0, max_value=50_000), min_size=1, max_size=100),
    target=st.sampled_from([(6000, 8000), (8000, 10000)]),
)
def test_steps_chart_never_holds_nan_or_infinity(
    weekly: list[int], target: tuple[int, int]
) -> None:
    """Any week-by-week steps give a parseable chart without nan or inf."""
    svg = charts.steps_chart(weekly=weekly, target=target)
    parse(svg)
    assert not re.search(r"nan|inf", svg, re.IGNORECASE)


def shown_charts(answer: dict[str, object]) -> dict[str, str]:
    """{name: svg} for every chart figure in an answer's HTML."""
    page = BeautifulSoup(str(answer["html"]), "html.parser")
    return {str(figure["data-chart"]): str(figure.svg) for figure in page.select("figure")}


def test_protein_result_shows_the_per_meal_chart() -> None:
    """An "ok" protein answer shows the per_meal chart, an SVG with one bar per meal."""
    shown = shown_charts(api.run("protein", {"weight": 68, "age": 70, "meals_per_day": 4}))
    assert list(shown) == ["per_meal"]
    assert len(marks(shown["per_meal"], "rg-chart-bar")) == 4


def test_protein_referral_shows_no_chart() -> None:
    """A referral (kidney disease) shows no chart."""
    assert shown_charts(api.run("protein", {"weight": 68, "age": 70, "kidney": "ckd"})) == {}


def test_plan_result_shows_the_steps_chart() -> None:
    """An "ok" plan shows the steps chart with one bar per week of its step progression."""
    payload = {"age": 70, "ability": "tires-quickly", "strength_days": 3, "steps_per_day": 4000}
    answer = api.run("plan", payload, exercises=EXERCISES)
    shown = shown_charts(answer)
    assert list(shown) == ["steps"]
    weeks = answer["result"]["steps"]["weekly"]  # type: ignore[index]
    assert len(marks(shown["steps"], "rg-chart-bar")) == len(weeks)


def test_plan_referral_shows_no_chart() -> None:
    """A referral (chest pain) shows no chart."""
    payload = {"age": 70, "ability": "tires-quickly", "strength_days": 3}
    answer = api.run("plan", {**payload, "chest_pain_or_fainting": True}, exercises=EXERCISES)
    assert shown_charts(answer) == {}


def test_charts_need_no_xml_sax() -> None:
    """Charts escape with `html`, not xml.sax (it pulls urllib, http, email into start-up)."""
    for module in (charts, page_charts):
        assert "xml.sax" not in Path(module.__file__).read_text(encoding="utf-8")


def test_muscle_loss_description_names_its_sources_never_a_bare_id() -> None:
    """A screen reader hears who said it ("English & Paddon-Jones 2010"), never "evidence S1"."""
    description = BeautifulSoup(page_charts.muscle_loss_chart(), "html.parser").get_text(" ")
    assert "English & Paddon-Jones 2010" in description
    assert "Oikawa, Holloway & Phillips 2019" in description
    assert re.search(r"\b[A-Z]{1,2}\d{1,2}\b", description) is None, description
