"""Answers without JavaScript: the build-time tables say exactly what the calculators say."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from calculators import api
from calculators.plan import PlanInput, weekly_plan
from calculators.present import form_specs, page_charts
from calculators.present.library import Links
from calculators.present.plan_notes import walk_text
from calculators.present.weeks import week_title
from harness import BuiltSite
from macros import static_answers
from macros.choose import RenderError
from postbuild.data import EXERCISE_LIBRARY

ROOT = Path(__file__).resolve().parent.parent
EXERCISES = yaml.safe_load((ROOT / "data" / "exercises.yml").read_text(encoding="utf-8"))
LINKS = Links(page_url="tools/plan/", library_url="guide/exercises/")
WEIGHTS = {"kg": list(range(45, 121, 5)), "lb": list(range(100, 261, 10))}
SITUATIONS = {s.value: s for s in static_answers.PROTEIN_SITUATIONS}
ABILITIES = ["mostly-seated", "needs-support", "tires-quickly", "out-of-practice"]


def soup(html: str) -> BeautifulSoup:
    """Parsed HTML."""
    return BeautifulSoup(html, "html.parser")


def protein_cells(root: BeautifulSoup | Tag, unit: str) -> dict[tuple[int, str], str]:
    """{(weight, situation): shown text} for every cell of the unit's protein tables."""
    return {
        (int(str(row["data-weight"])), str(cell["data-situation"])): cell.get_text()
        for table in root.select(f'table[data-answers="protein-{unit}"]')
        for row in table.select("tbody tr")
        for cell in row.select("td")
    }


def expected_protein(unit: str) -> dict[tuple[int, str], str]:
    """What api.run says for every weight and situation of the table, as "low–high"."""
    expected = {}
    for weight in WEIGHTS[unit]:
        for name, situation in SITUATIONS.items():
            payload = {"weight": weight, "unit": unit, "age": situation.age, "situation": name}
            daily = api.run("protein", payload)["result"]["daily_g"]
            expected[weight, name] = f"{daily['low']}–{daily['high']}"
    return expected


def week_table(root: BeautifulSoup | Tag, ability: str) -> Tag:
    """The first block of weeks of one sample programme."""
    block = root.select_one(f'details[data-answers="plan-{ability}"] details.rg-plan')
    assert block is not None
    return block


def plan_rows(block: Tag) -> list[tuple[str, str, list[str]]]:
    """(day name, title, ["exercise name: dose", …]) for each day of a block of weeks."""
    return [
        (
            day.h4.get_text(),
            day.strong.get_text(),
            [item.get_text() for item in day.select("li[data-exercise]")],
        )
        for day in block.select("[data-day]")
        if day.h4 is not None and day.strong is not None
    ]


def live_table(ability: str, rows: Any = None) -> Tag:
    """The first block of weeks of the answer the plan form gets (api.run's HTML)."""
    payload = {**static_answers.SAMPLE_PLAN_PAYLOAD, "ability": ability}
    answer = api.run("plan", payload, exercises=EXERCISES if rows is None else rows, root="../../")
    block = soup(str(answer["html"])).select_one("details.rg-plan")
    assert block is not None
    return block


def unnamed(tag: Tag) -> str:
    """A block's markup without its fold group's name.

    A sample's folds are a group of their own, so opening one never closes the live answer's.
    """
    copy = soup(str(tag))
    for fold in copy.select("details[name]"):
        del fold["name"]
    return str(copy)


# ---------------------------------------------------------------- render functions


@pytest.mark.parametrize("unit", ["kg", "lb"])
def test_protein_table_equals_the_calculator(unit: str) -> None:
    """Every cell of the protein tables is api.run's daily range for that weight and column."""
    assert protein_cells(soup(static_answers.protein_table(unit)), unit) == expected_protein(unit)


@pytest.mark.parametrize("unit", ["kg", "lb"])
def test_protein_table_rows_are_the_weight_steps(unit: str) -> None:
    """kg: 45–120 in 5 kg steps; lb: 100–260 in 10 lb steps, each row labelled with its unit."""
    for table in soup(static_answers.protein_table(unit)).select("table"):
        heads = [row.th.get_text() for row in table.select("tbody tr") if row.th is not None]
        assert heads == [f"{weight} {unit}" for weight in WEIGHTS[unit]]


def test_protein_tables_fit_a_phone() -> None:
    """Two tables of three columns each: a 360 px phone shows them without scrolling sideways."""
    tables = soup(static_answers.protein_table("kg")).select("table")
    assert [len(table.select("thead th")) for table in tables] == [3, 3]


def test_unknown_protein_unit_is_a_render_error() -> None:
    """A unit other than kg or lb stops the build with a message naming the allowed ones."""
    with pytest.raises(RenderError, match="allowed: kg, lb"):
        static_answers.protein_table("stone")


@pytest.mark.parametrize("ability", ABILITIES)
def test_sample_plan_equals_the_calculator(ability: str) -> None:
    """Each day's title, exercises and doses are those api.run shows with the defaults."""
    html = static_answers.sample_plan_table(ability, EXERCISES, LINKS)
    assert plan_rows(week_table(soup(html), ability)) == plan_rows(live_table(ability))


@pytest.mark.parametrize("ability", ABILITIES)
def test_sample_programme_is_headed_by_the_forms_own_sentence(ability: str) -> None:
    """The guide's "Sample programme: ..." says what the reader picks on the plan form."""
    field = next(
        p for p in form_specs.PLAN.parts if getattr(p, "choices", ()) and p.spec.name == "ability"
    )
    label = next(c.label for c in field.choices if c.value == ability)
    summary = soup(static_answers.sample_plan_table(ability, EXERCISES, LINKS)).summary
    assert summary is not None
    assert summary.get_text() == f"Sample programme: {label.rstrip('.')}"


@pytest.mark.parametrize("ability", ABILITIES)
def test_sample_week_is_the_live_answers_markup(ability: str) -> None:
    """The ready-made programme is the markup the form's answer inserts: blocks and weeks."""
    html = soup(static_answers.sample_plan_table(ability, EXERCISES, LINKS))
    assert unnamed(week_table(html, ability)) == unnamed(live_table(ability))
    payload = {**static_answers.SAMPLE_PLAN_PAYLOAD, "ability": ability}
    live = soup(str(api.run("plan", payload, exercises=EXERCISES, root="../../")["html"]))
    for part in ("details.rg-plan", 'ol[class*="weeks"], ol'):
        assert [unnamed(t) for t in html.select(part)] == [unnamed(t) for t in live.select(part)]


def test_sample_plan_links_exercises_to_their_cards() -> None:
    """Every exercise links to its card on the library page."""
    html = static_answers.sample_plan_table("tires-quickly", EXERCISES, LINKS)
    items = soup(html).select("li[data-exercise]")
    assert items
    assert all(
        item.a is not None and item.a["href"] == f"../../guide/exercises/#{item['data-exercise']}"
        for item in items
    )


@pytest.mark.parametrize("ability", ABILITIES)
def test_sample_plan_lists_all_12_weeks_with_their_walking_goal(ability: str) -> None:
    """Under the table: each of the 12 weeks, its title and the calculator's walking goal."""
    html = soup(static_answers.sample_plan_table(ability, EXERCISES, LINKS))
    payload = {**static_answers.SAMPLE_PLAN_PAYLOAD, "ability": ability}
    weeks = weekly_plan(PlanInput.from_mapping(payload), EXERCISES).weeks
    items = html.select("li[data-week]")
    assert len(items) == len(weeks) == 12
    for item, week in zip(items, weeks, strict=True):
        assert item.get_text().startswith(f"{week_title(week)}. ")
        assert walk_text(week.walking) in item.get_text()


def test_unknown_ability_is_a_render_error() -> None:
    """An ability the plan form does not offer stops the build with the allowed ones."""
    with pytest.raises(RenderError, match="allowed: mostly-seated, needs-support"):
        static_answers.sample_plan_table("athlete", EXERCISES, LINKS)


def test_sample_plan_escapes_exercise_names() -> None:
    """Markup in an exercise name is shown as text, never turned into HTML."""
    rows = copy.deepcopy(EXERCISES)
    hostile = '<b onclick="x()">Sit</b> & "stand"'
    for row in rows:
        if row["id"] == "sit-to-stand":
            row["name"] = hostile
    parsed = soup(static_answers.sample_plan_table("needs-support", rows, LINKS))
    assert parsed.select("b") == []
    assert any(hostile in item.get_text() for item in parsed.select("li"))


def test_muscle_loss_figure_holds_the_chart_and_cites_s1_s2() -> None:
    """A figure with the SVG chart and a caption that says "not a prediction" and cites S1, S2.

    Each citation is the view layer's "(source)", never the bare id.
    """
    figure = soup(page_charts.muscle_loss_figure("../../")).figure
    assert figure is not None
    assert figure.svg is not None
    assert figure.svg["role"] == "img"
    caption = figure.figcaption
    assert caption is not None
    assert "not a prediction for you" in caption.get_text()
    links = [a["href"] for a in caption.select("a")]
    assert links == ["../../references/#s1", "../../references/#s2"]
    assert [a.get_text() for a in caption.select("a")] == ["source", "source"]


# ---------------------------------------------------------------- the built site


def page(built_site: BuiltSite, url_path: str) -> Tag:
    """The article of a built page."""
    html = built_site.page(url_path).read_text(encoding="utf-8")
    article = soup(html).find("article")
    assert isinstance(article, Tag)
    return article


@pytest.mark.parametrize("unit", ["kg", "lb"])
def test_site_protein_page_tables_equal_the_calculator(built_site: BuiltSite, unit: str) -> None:
    """The protein page's ready-made tables say what api.run says."""
    assert protein_cells(page(built_site, "tools/protein/"), unit) == expected_protein(unit)


@pytest.mark.parametrize("ability", ABILITIES)
def test_site_plan_page_weeks_equal_the_calculator(built_site: BuiltSite, ability: str) -> None:
    """The plan page's sample weeks are the calculator's, run on the site's exercise JSON."""
    rows = json.loads((built_site.path / EXERCISE_LIBRARY).read_text(encoding="utf-8"))
    shown = plan_rows(week_table(page(built_site, "tools/plan/"), ability))
    assert shown == plan_rows(live_table(ability, rows))


@pytest.mark.parametrize("url_path", ["tools/protein/", "tools/plan/"])
def test_ready_made_answers_close_the_page(built_site: BuiltSite, url_path: str) -> None:
    """The section "Without the calculator: ready-made answers" is the page's last h2."""
    headings = [h.get_text().strip("¶ ") for h in page(built_site, url_path).select("h2")]
    assert headings[-1] == "Without the calculator: ready-made answers"


def test_site_answer_tables_fit_a_phone(built_site: BuiltSite) -> None:
    """Every ready-made protein table has at most three columns (360 px phones)."""
    tables = page(built_site, "tools/protein/").select("[data-answers] table, table[data-answers]")
    assert tables
    assert max(len(table.select("thead th")) for table in tables) <= 3


def test_site_sample_programmes_are_lists_not_tables(built_site: BuiltSite) -> None:
    """The sample programmes are folded blocks of days (a heading, then lines), never a table.

    At large text on a phone a table's columns are a few letters wide (issue 22).
    """
    samples = page(built_site, "tools/plan/").select("details[data-answers]")
    assert samples
    for sample in samples:
        assert sample.select("details.rg-plan [data-day] h4")
        assert not sample.select("table:not(.rg-print-plan)")


def test_site_why_it_matters_shows_the_muscle_loss_chart(built_site: BuiltSite) -> None:
    """The why-it-matters page has the chart, an SVG image with a title, under sarcopenia."""
    figure = page(built_site, "guide/why-it-matters/").select_one(
        'figure[data-chart="muscle-loss"]'
    )
    assert figure is not None
    svg = figure.svg
    assert svg is not None
    assert svg["role"] == "img"
    assert svg.title is not None
    assert "not a prediction for you" in svg.title.get_text()
    heading = figure.find_previous("h2")
    assert heading is not None
    assert heading.get_text().startswith("Sarcopenia")
