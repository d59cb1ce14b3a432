"""The presentation layer in CPython: one formatter, one phrase per dose and day, one markup.

These are the render-parity checks that used to need a browser: the page now inserts the HTML
`api.run` returns, so what the reader sees is checked here, in milliseconds.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from calculators import api, evidence
from calculators.fields import Kind
from calculators.present import form_specs, forms, html, numbers, protein, view
from calculators.present import text as text_out
from calculators.present import triage as triage_words
from calculators.triage import Level
from macros import static_answers
from macros.data import data_dir, load_site_data

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
EXERCISES = yaml.safe_load((ROOT / "data" / "exercises.yml").read_text(encoding="utf-8"))
CALCULATORS = {"protein": "protein", "plan": "plan", "self-check": "self_check"}
JAVASCRIPT = sorted((ROOT / "docs" / "javascripts").rglob("*.mjs"))
# A range whose two ends print the same ("30–30 g") must print as one number.
SAME_ENDS = re.compile(r"(?<![\d.,])(\d[\d.,]*)–\1(?![\d.,])")


def golden(calculator: str) -> list[dict[str, Any]]:
    """The golden cases shared with the calculators' own tests."""
    cases: list[dict[str, Any]] = json.loads(
        (GOLDEN / f"{CALCULATORS[calculator]}.json").read_text(encoding="utf-8")
    )
    return cases


def answered(calculator: str) -> list[dict[str, Any]]:
    """The golden cases that give an answer (not field errors)."""
    return [case for case in golden(calculator) if "expected_errors" not in case]


OK_CASES = [
    pytest.param(calculator, case["input"], id=f"{calculator}:{case['name'][:40]}")
    for calculator in CALCULATORS
    for case in answered(calculator)
]
ALL_CASES = [
    (calculator, case["input"]) for calculator in CALCULATORS for case in golden(calculator)
]


def answer(calculator: str, payload: dict[str, Any], root: str = "../../") -> dict[str, Any]:
    """api.run's envelope, as the page's worker gets it."""
    exercises = EXERCISES if calculator == "plan" else ()
    result: dict[str, Any] = api.run(calculator, payload, exercises=exercises, root=root)
    return result


def soup(markup: str) -> BeautifulSoup:
    """Parsed HTML."""
    return BeautifulSoup(markup, "html.parser")


def figures(markup: str) -> dict[str, str]:
    """The `data-value` figures of a fragment, by name (the first of each name)."""
    found: dict[str, str] = {}
    for tag in soup(markup).select("[data-value]"):
        found.setdefault(str(tag["data-value"]), tag.get_text())
    return found


# ---------------------------------------------------------------- the one number formatter


@pytest.mark.parametrize(
    ("low", "high", "unit", "places", "shown"),
    [
        (30, 30, "g", 0, "30 g"),
        (82, 109, "g", 0, "82–109 g"),
        (Decimal("1"), Decimal("1.2"), "", 1, "1.0–1.2"),
        (Decimal("0.8"), Decimal("0.8"), "g/kg", 1, "0.8 g/kg"),
        (Decimal("81.6"), Decimal("108.8"), "", 0, "82–109"),
    ],
)
def test_span_prints_one_number_for_equal_ends_and_fixed_decimals(
    low: Decimal, high: Decimal, unit: str, places: int, shown: str
) -> None:
    """Equal ends print once; g/kg keep one decimal ("1.0", never "1"); grams none."""
    assert numbers.span(low, high, unit, places) == shown


def test_no_answer_prints_a_range_with_equal_ends() -> None:
    """No golden answer shows "30–30 g" or "0.8–0.8": page and command line alike."""
    found = []
    for calculator, payload in ALL_CASES:
        _, shown = api.answer(calculator, payload, exercises=EXERCISES)
        assert shown is not None
        for where, text in (
            ("page", soup(html.render(shown)).get_text(" ")),
            ("cli", text_out.render(shown)),
        ):
            match = SAME_ENDS.search(text)
            if match:
                found.append((calculator, payload, where, match.group(0)))
    assert found == []


# ---------------------------------------------------------------- the answers' figures


@pytest.mark.parametrize("case", answered("protein"), ids=lambda case: case["name"][:40])
def test_protein_figures_are_the_results_numbers(case: dict[str, Any]) -> None:
    """The headline figures are the result's grams and g/kg, through the one formatter."""
    envelope = answer("protein", case["input"])
    result = envelope["result"]
    shown = figures(envelope["html"])
    if result["status"] == "ok":
        daily, rate, meal = result["daily_g"], result["g_per_kg"], result["per_meal_g"]
        meals = result["meals_per_day"]
        expected = {
            "daily_g": numbers.grams(daily["low"], daily["high"]),
            "g_per_kg": f"{numbers.grams_per_kg(Decimal(str(rate['low'])), Decimal(str(rate['high'])))} g per kg",  # noqa: E501
            "meals_per_day": "one" if meals == 1 else str(meals),
            "per_meal_g": numbers.grams(meal["low"], meal["high"]),
        }
        if result["protein_meals"] < result["meals_per_day"] > 1:
            expected["protein_meals"] = str(result["protein_meals"])
        assert shown == expected
    else:
        assert shown == {"status": protein.NO_NUMBER}


@pytest.mark.parametrize(("calculator", "payload"), OK_CASES)
def test_every_warning_is_shown_with_its_severity(calculator: str, payload: dict[str, Any]) -> None:
    """Each warning of the result is a box with its severity and its message, in order.

    The printout's own "Stop and get help" box is for paper only and is not a result warning.
    """
    envelope = answer(calculator, payload)
    boxes = soup(envelope["html"]).select("[data-severity]:not(.rg-print-only *)")
    shown = [(str(box["data-severity"]), box.select("p")[-1].get_text()) for box in boxes]
    expected = [(w["severity"], as_read(w["message"])) for w in envelope["result"]["warnings"]]
    assert shown == expected


def as_read(message: str) -> str:
    """A result's message as the reader sees it: each "(E3)" is a "(source)" link."""
    return "".join(
        f"({part.word})" if isinstance(part, view.Cite) else part for part in view.cited(message)
    )


# A source id in brackets, as the evidence table writes it: "(E3)", "(E5, E7)", "(NG42)".
BARE_CODE = re.compile(
    r"\((?:NICE )?(?:[A-Z]\d{1,2}|NG\d+)(?:[,–] ?(?:NICE )?(?:[A-Z]\d{1,2}|NG\d+))*\)"
)


@pytest.mark.parametrize(("calculator", "payload"), OK_CASES)
def test_no_answer_shows_a_bare_source_code(calculator: str, payload: dict[str, Any]) -> None:
    """No answer's visible text or text form holds a bare id like "(E3)" (issue 16, point 8)."""
    envelope = answer(calculator, payload)
    shown = soup(envelope["html"]).get_text(" ")
    exercises = EXERCISES if calculator == "plan" else ()
    output = text_out.render(api.answer(calculator, payload, exercises=exercises)[1])
    assert BARE_CODE.findall(shown) == []
    assert BARE_CODE.findall(output) == []
    assert not re.search(r"\b(?:[PEDSFM]\d{1,2}|NICE-NG\d+)\b", shown)


@pytest.mark.parametrize(("calculator", "payload"), OK_CASES)
def test_every_citation_link_names_its_source(calculator: str, payload: dict[str, Any]) -> None:
    """Each "(source)" link goes to a References row and its name says which source it is."""
    links = soup(answer(calculator, payload)["html"]).select("a.rg-cite")
    for link in links:
        anchor = str(link["href"]).removeprefix("../../references/#")
        assert link.get_text() in {"source", "sources"}
        assert str(link["aria-label"]).startswith(f"{link.get_text()}: ")
        assert evidence.CITATIONS[evidence.Source(anchor.upper())].words() in link["aria-label"]


def test_every_citation_year_is_on_its_references_row() -> None:
    """Each source written out in answers has a References row whose Source names its years."""
    rows = {source.id: source for source in load_site_data(data_dir()).references.sources}
    for source in evidence.Source:
        row = rows[source.value]
        years = re.findall(r"\b(?:19|20)\d\d\b", evidence.CITATIONS[source].words())
        assert all(year in row.source for year in years), (source, years)


@pytest.mark.parametrize("case", answered("plan"), ids=lambda case: case["name"][:40])
def test_plan_rows_are_the_results_days(case: dict[str, Any]) -> None:
    """The first block of weeks (weeks 1–2): one day each, its kind and exercises, in order."""
    envelope = answer("plan", case["input"])
    first = soup(envelope["html"]).select_one("details.rg-plan")
    rows = [
        (
            int(str(row["data-day"])),
            str(row["data-kind"]),
            [str(item["data-exercise"]) for item in row.select("li[data-exercise]")],
        )
        for row in (first.select("[data-day]") if first is not None else [])
    ]
    expected = [
        (day["day"], day["kind"], [exercise["id"] for exercise in day["exercises"]])
        for day in envelope["result"]["days"]
    ]
    assert rows == expected


@pytest.mark.parametrize("case", answered("self-check"), ids=lambda case: case["name"][:40])
def test_self_check_figures_are_the_results(case: dict[str, Any]) -> None:
    """The score, its band in words and the chair-stand time (one decimal, as judged).

    A test not finished shows "not finished" instead of a time.
    """
    envelope = answer("self-check", case["input"])
    result = envelope["result"]
    expected = {
        "score": f"{result['score']} out of 10",
        "band": result["band_label"],
    }
    if result["headline"] not in (None, "good-to-know"):
        expected["triage"] = triage_words.HEADING[Level(result["headline"])]
    test = result["chair_stand"]
    if test and test["unable"]:
        expected["chair_stand"] = "not finished"
    elif test:
        expected["chair_stand"] = f"{Decimal(str(test['seconds'])):.1f} seconds"
    assert figures(envelope["html"]) == expected


def test_one_day_title_everywhere_says_whole_body() -> None:
    """A whole-body day is "whole body" on the page, the sample weeks and the calendar."""
    payload = {"age": 70, "ability": "tires-quickly", "strength_days": 2}
    page = answer("plan", payload)["html"]
    ics = api.run("plan-calendar", {**payload, "start_date": "2026-01-05"}, exercises=EXERCISES)
    assert "Strength: whole body" in page
    assert "Strength: whole body" in ics["result"]["content"]
    assert "full body" not in page + ics["result"]["content"]


def test_dose_phrase_says_sets_of_reps_and_each_side() -> None:
    """A dose reads "2 sets of 10–12 reps" and, for one side at a time, " on each side"."""
    payload = {"age": 50, "ability": "out-of-practice", "strength_days": 5, "focus": "balance"}
    items = [
        item.get_text()
        for item in soup(answer("plan", payload)["html"]).select("li[data-exercise]")
    ]
    assert any(re.search(r": \d sets? of \d+(–\d+)? reps$", item) for item in items)
    assert any(re.search(r" on each side(; when it feels easy: .+)?$", item) for item in items)
    assert not any("×" in item for item in items)


# ---------------------------------------------------------------- one markup, live and ready-made


@pytest.mark.parametrize("unit", ["kg", "lb"])
def test_ready_made_protein_cells_are_the_live_answers_figure(unit: str) -> None:
    """Each cell of the ready-made tables is the live answer's daily figure for those answers."""
    tables = soup(static_answers.protein_table(unit))
    for row in tables.select("tbody tr"):
        for cell in row.select("td"):
            situation = next(
                s for s in static_answers.PROTEIN_SITUATIONS if s.value == cell["data-situation"]
            )
            payload = static_answers.protein_payload(int(str(row["data-weight"])), unit, situation)
            assert f"{cell.get_text()} g" == figures(answer("protein", payload)["html"])["daily_g"]


def test_guideline_table_comes_from_the_evidence_table() -> None:
    """The protein page's guideline rows are the calculator's own ranges, one decimal."""
    table = soup(static_answers.protein_guideline_table("../../"))
    cells = [row.select("td")[0].get_text() for row in table.select("tbody tr")]
    rates = [evidence.GENERAL_ADULT, evidence.OLDER_ADULT, evidence.TRAINING, evidence.RECOVERING]
    assert cells[:4] == [numbers.grams_per_kg(rate.low, rate.high) for rate in rates]
    assert all(link["href"].startswith("../../references/#") for link in table.select("a"))


# ---------------------------------------------------------------- safe markup (strict CSP)


HOSTILE = '<img src=x onerror="alert(1)"> & "quotes"'


def test_answers_have_no_script_no_inline_style_no_handler() -> None:
    """The strict CSP allows no inline script or style: no golden answer's fragment holds any."""
    found = []
    for calculator, payload in ALL_CASES:
        tags = list(soup(answer(calculator, payload)["html"]).find_all(True))
        found += [
            (calculator, tag.name)
            for tag in tags
            if isinstance(tag, Tag) and tag.name in {"script", "style"}
        ]
        found += [
            (calculator, f"{tag.name}[{name}]")
            for tag in tags
            if isinstance(tag, Tag)
            for name in tag.attrs
            if name == "style" or name.startswith("on")
        ]
    assert found == []


def test_every_text_in_a_view_is_escaped() -> None:
    """Markup inside any text of a view reaches the page as text, never as HTML."""
    hostile = view.View(
        (
            view.Paragraph((HOSTILE, view.Value(HOSTILE, HOSTILE), view.Link(HOSTILE, HOSTILE))),
            view.Warning(view.Severity.STOP, HOSTILE, items=(view.Item((HOSTILE,)),)),
            view.Sources((HOSTILE,)),
        )
    )
    parsed = soup(html.render(hostile, root=HOSTILE))
    assert parsed.select("img") == []
    assert HOSTILE in parsed.get_text()


def test_error_answer_names_each_field_and_counts_them() -> None:
    """Bad answers give one box: how many to check, and each message with its field."""
    envelope = answer("protein", {"weight": "abc", "age": "200"})
    box = soup(envelope["html"]).select_one("[data-severity=caution]")
    assert box is not None
    assert box.select_one(".admonition-title").get_text() == "Please check 2 answers"
    shown = {str(item["data-field"]): item.get_text() for item in box.select("li")}
    assert shown == {error["field"]: error["message"] for error in envelope["errors"]}


# ---------------------------------------------------------------- forms from the field specs


@pytest.mark.parametrize("name", list(form_specs.FORMS))
def test_form_has_a_control_and_an_error_slot_for_every_field(name: str) -> None:
    """Each field of the spec is on the form (by name) and has its error slot."""
    page = soup(forms.form_html(form_specs.FORMS[name], "../../"))
    for field in form_specs.FORMS[name].fields:
        assert page.select(f'[name="{field.name}"]'), field.name
        if field.kind is not Kind.FLAG:
            assert page.select(f'[data-error-for="{field.name}"]'), field.name


@pytest.mark.parametrize(
    ("field", "ident"),
    [("weight", "protein-weight"), ("meals_per_day", "protein-meals"), ("age", "protein-age")],
)
def test_protein_form_keeps_its_ids(field: str, ident: str) -> None:
    """The ids tests, labels and bookmarks rely on stay as they were."""
    control = soup(forms.form_html(form_specs.PROTEIN)).select_one(f'[name="{field}"]')
    assert control is not None
    assert control["id"] == ident


@pytest.mark.parametrize("name", list(form_specs.FORMS))
def test_cli_options_are_the_form_fields(name: str) -> None:
    """The command line has one option per field of the form (plus --json, --exercises)."""
    from calculators.cli import build_parser  # noqa: PLC0415 - the CLI's parser only here

    sub = build_parser()._subparsers._group_actions[0].choices[name]  # type: ignore[union-attr]
    options = {action.dest for action in sub._actions} - {"help", "json", "exercises"}
    assert options == {field.name for field in form_specs.FORMS[name].fields}


# ---------------------------------------------------------------- JavaScript: behaviour only


PHRASES = [
    "Aim for",
    "No personal number",
    "Please check",
    "Stop and ask first",
    "Take care",
    "Copy a link",
    "Print my plan",
    "Start the timer",
    "could not run",
    "see the table below",
    "Your week",
    "A new version",
]


@pytest.mark.parametrize("phrase", PHRASES)
def test_no_result_wording_in_javascript(phrase: str) -> None:
    """Every word a reader sees is written in Python: no .mjs file holds it."""
    assert JAVASCRIPT
    holders = [path.name for path in JAVASCRIPT if phrase in path.read_text(encoding="utf-8")]
    assert holders == []


def test_protein_only_hint_is_not_on_other_forms() -> None:
    """The hint "see the table below the form" is on the protein form only."""
    hint = "see the table below the form"
    assert hint in forms.form_html(form_specs.PROTEIN)
    assert hint not in forms.form_html(form_specs.PLAN) + forms.form_html(form_specs.SELF_CHECK)


# ---------------------------------------------------------------- the command line


def test_cli_piped_into_a_closed_reader_exits_quietly() -> None:
    """`python -m calculators … | head` whose reader is gone: no BrokenPipeError traceback."""
    process = subprocess.Popen(
        [sys.executable, "-m", "calculators", "plan", "--age", "70", "--ability", "tires-quickly"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    process.stdout.close()  # the reader is gone before the first line is written
    _, errors = process.communicate(timeout=60)
    assert errors.decode() == ""
    assert process.returncode == 0


def test_cli_text_is_the_pages_words() -> None:
    """The command line prints the same view as the page: every paragraph's text is there."""
    payload = {"weight": "80", "age": "72", "situation": "recovering"}
    _, shown = api.answer("protein", payload)
    assert shown is not None
    printed = text_out.render(shown)
    for paragraph in soup(html.render(shown)).select("p.rg-headline, p.rg-suggestion"):
        assert paragraph.get_text() in printed


def test_self_check_headline_follows_a_slow_chair_stand() -> None:
    """A score below the cut-off with a slow chair stand: the headline says both (issue 16)."""
    answer = api.run(
        "self-check",
        {
            "strength": "0",
            "assistance": "0",
            "rise": "0",
            "climb": "0",
            "falls": "0",
            "chair_stand_seconds": "19",
            "age": "74",
        },
    )
    headline = str(answer["html"]).split('<p class="rg-headline">', 1)[1].split("</p>", 1)[0]
    assert "below the cut-off" in headline
    assert "low leg strength" in headline


@pytest.mark.parametrize(("calculator", "payload"), OK_CASES)
def test_the_sources_list_names_each_source_once(calculator: str, payload: dict[str, Any]) -> None:
    """The Sources list writes each source out (no ids), once even when two ids share it."""
    names = [
        item.get_text()
        for item in soup(answer(calculator, payload)["html"]).select(".rg-sources li")
    ]
    assert names
    assert len(names) == len(set(names))
    assert not any(re.fullmatch(r"[A-Z]\d{1,2}|NICE-NG\d+", name) for name in names)


# ---------------------------------------------------------------- protein words (issue 21)


@pytest.mark.parametrize(
    ("payload", "line"),
    [
        ({"weight": 40, "age": 78, "meals_per_day": 1}, "At your one meal: 14–16 g."),
        ({"weight": 40, "age": 78}, "At each of your 3 meals: 14–16 g."),
        ({"weight": 45, "age": 40}, "At 2 of your 3 meals: 18–22 g."),
        ({"weight": 63, "age": 70}, "At each of your 3 meals: 25 g."),
    ],
    ids=["one meal", "small eater", "some meals", "equal ends"],
)
def test_protein_per_meal_line_reads_right(payload: dict[str, Any], line: str) -> None:
    """The per-meal line: "your one meal", never "each of your 1 meal"; "25 g", never "25–25"."""
    _, view = api.answer("protein", payload)
    assert view is not None
    assert line in text_out.render(view).splitlines()


def test_protein_one_meal_answer_adds_snacks_and_the_chart_agrees() -> None:
    """One meal a day: the suggestion adds snacks, and the chart draws the meal and the snacks."""
    envelope = answer("protein", {"weight": 40, "age": 78, "meals_per_day": 1})
    page = soup(envelope["html"])
    suggestion = page.select_one(".rg-suggestion")
    assert suggestion is not None
    assert "add 2 protein-rich snacks or small meals of 14–16 g each" in suggestion.get_text()
    chart = page.select_one('figure[data-chart="per_meal"] svg')
    assert chart is not None
    labels = [t.get_text() for t in chart.select("text")]
    assert labels.count("14–16 g") == 3
    assert {"Meal", "Snack 1", "Snack 2"} <= set(labels)


@pytest.mark.parametrize("kidney", ["ckd", "dialysis", "transplant"])
def test_protein_kidney_answer_holds_no_numbers(kidney: str) -> None:
    """Kidney disease: no g/kg or gram figure anywhere in the answer (they stay on References)."""
    _, view = api.answer("protein", {"weight": 70, "age": 70, "kidney": kidney})
    assert view is not None
    shown = text_out.render(view) + html.render(view, "")
    assert not re.search(r"\d\s*(g\b|g/kg|g per kg)", shown)
    assert not re.search(r"G[1-5]|stage \d", shown)
    assert "Do not cut or raise your protein on your own" in shown
