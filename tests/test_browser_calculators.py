"""Calculator pages in a real browser give exactly what the Python package gives in CPython."""

from __future__ import annotations

from typing import Any

import pytest
from helpers.browser import (
    FORM_PAGES,
    WatchedPage,
    cpython,
    fill_form,
    form_payload,
    golden_cases,
    open_watched_page,
    submit_and_wait,
)
from playwright.sync_api import Browser, Page

from harness import BuiltSite

pytestmark = pytest.mark.browser

CALCULATORS = list(FORM_PAGES)


def engine_answer(page: Page, calculator: str, payload: dict[str, Any]) -> dict[str, Any]:
    """Ask the page's own engine client (the module the forms use) for an answer."""
    answer: dict[str, Any] = page.evaluate(
        """async ([calculator, payload]) => {
            const client = await import(new URL("/javascripts/calc-client.mjs", location.href));
            return client.calculate(calculator, payload);
        }""",
        [calculator, payload],
    )
    return answer


def form_can_express(page: Page, calculator: str, payload: dict[str, Any]) -> bool:
    """Whether every value of the payload can be entered through the form's controls."""
    result: bool = page.evaluate(
        """([calculator, payload]) => {
            const form = document.querySelector(`form[data-calculator="${calculator}"]`);
            return Object.entries(payload).every(([name, value]) => {
                const controls = [...form.querySelectorAll(`[name="${name}"]`)];
                if (!controls.length) return false;
                const first = controls[0];
                if (first.tagName === "SELECT")
                    return [...first.options].some((o) => o.value === String(value));
                if (first.type === "radio") return controls.some((c) => c.value === String(value));
                if (first.type === "checkbox" && controls.length > 1)
                    return Array.isArray(value) && value.every((v) =>
                        v === "none" || controls.some((c) => c.value === v));
                if (first.type === "checkbox") return typeof value === "boolean";
                return value === null || ["string", "number"].includes(typeof value);
            });
        }""",
        [calculator, payload],
    )
    return result


@pytest.fixture(scope="module")
def calculator_page(browser: Browser, site_url: str) -> Any:
    """One guarded page per calculator page URL, reused across the parity cases."""
    opened: dict[str, WatchedPage] = {}

    def open_page(calculator: str) -> WatchedPage:
        if calculator not in opened:
            watched = open_watched_page(browser, site_url)
            watched.goto(FORM_PAGES[calculator])
            opened[calculator] = watched
        return opened[calculator]

    yield open_page
    for watched in opened.values():
        watched.context.close()


@pytest.mark.parametrize("calculator", CALCULATORS)
def test_engine_gives_cpython_answers_for_every_golden_case(
    calculator: str, calculator_page: Any, built_site: BuiltSite
) -> None:
    """Every golden case, run by Pyodide in the page's worker, equals CPython's whole answer."""
    watched = calculator_page(calculator)
    cases = golden_cases(calculator)
    assert len(cases) >= 15
    mismatches = []
    for case in cases:
        in_browser = engine_answer(watched.page, calculator, case["input"])
        if in_browser != cpython(calculator, case["input"], built_site):
            mismatches.append(case["name"])
    assert mismatches == []
    watched.assert_clean()


def rendered_protein(page: Page) -> dict[str, Any]:
    """The numbers and messages the protein result shows."""
    values: dict[str, Any] = page.evaluate(
        """() => {
            const out = document.getElementById("protein-result");
            const text = (sel) => [...out.querySelectorAll(sel)].map((e) => e.textContent.trim());
            return {
                values: Object.fromEntries([...out.querySelectorAll("[data-value]")]
                    .map((e) => [e.dataset.value, e.textContent.trim()])),
                severities: [...out.querySelectorAll("[data-severity]")]
                    .map((e) => e.dataset.severity),
                warnings: text("[data-severity] > p:not(.admonition-title)"),
                sources: text(".rg-sources a"),
            };
        }"""
    )
    return values


def per_kg(number: float) -> str:
    """g/kg as the page writes it: one decimal for whole numbers (1.0), else as given."""
    return f"{number:.1f}" if float(number).is_integer() else str(number)


def expected_protein(answer: dict[str, Any]) -> dict[str, Any]:
    """What the protein page must show for CPython's answer."""
    result = answer["result"]
    values: dict[str, str] = {}
    if result["status"] == "ok":
        values = {
            "daily_g": f"{result['daily_g']['low']}–{result['daily_g']['high']} g",
            "g_per_kg": f"{per_kg(result['g_per_kg']['low'])}–{per_kg(result['g_per_kg']['high'])}"
            " g per kg",
            "meals_per_day": str(result["meals_per_day"]),
            "per_meal_g": f"{result['per_meal_g']['low']}–{result['per_meal_g']['high']} g",
        }
    else:
        values = {"status": "No personal number for you here."}
    return {
        "values": values,
        "severities": [w["severity"] for w in result["warnings"]],
        "warnings": [w["message"] for w in result["warnings"]],
        "sources": list(result["sources"]),
    }


def rendered_values(page: Page, calculator: str) -> dict[str, str]:
    """The `data-value` figures a result shows, by name."""
    values: dict[str, str] = page.evaluate(
        """(calculator) => Object.fromEntries(
            [...document.querySelectorAll(`#${calculator}-result [data-value]`)]
                .map((e) => [e.dataset.value, e.textContent.trim()]))""",
        calculator,
    )
    return values


def expected_self_check(answer: dict[str, Any]) -> dict[str, str]:
    """The figures the self-check page must show for CPython's answer."""
    result = answer["result"]
    values = {
        "score": f"{result['score']} out of 10",
        "band": result["band_label"],
    }
    if result["chair_stand"]:
        seconds = float(result["chair_stand"]["seconds"])
        # JavaScript writes 15.0 as "15".
        shown = str(int(seconds)) if seconds.is_integer() else str(seconds)
        values["chair_stand"] = f"{shown} seconds"
    return values


def rendered_plan(page: Page) -> list[dict[str, Any]]:
    """Each day of the rendered plan: its kind and its exercise ids."""
    days: list[dict[str, Any]] = page.evaluate(
        """() => [...document.querySelectorAll("#plan-result tr[data-day]")].map((row) => ({
            day: Number(row.dataset.day), kind: row.dataset.kind,
            exercises: [...row.querySelectorAll("[data-exercise]")].map((e) => e.dataset.exercise),
        }))"""
    )
    return days


def expected_plan(answer: dict[str, Any]) -> list[dict[str, Any]]:
    """What the plan page must show for CPython's answer."""
    return [
        {
            "day": day["day"],
            "kind": day["kind"],
            "exercises": [exercise["id"] for exercise in day["exercises"]],
        }
        for day in answer["result"]["days"]
    ]


def rendered_field_errors(page: Page, calculator: str) -> dict[str, str]:
    """Field name -> the message shown next to that field."""
    errors: dict[str, str] = page.evaluate(
        """(calculator) => Object.fromEntries(
            [...document.querySelectorAll(`form[data-calculator="${calculator}"] [data-error-for]`)]
                .filter((e) => !e.hidden)
                .map((e) => [e.dataset.errorFor, e.textContent.trim()]))""",
        calculator,
    )
    return errors


@pytest.mark.parametrize("calculator", CALCULATORS)
def test_form_shows_cpython_answers_for_every_golden_case(
    calculator: str, calculator_page: Any, built_site: BuiltSite
) -> None:
    """Filling the form with each golden input shows the same numbers/days/errors as CPython."""
    watched = calculator_page(calculator)
    page = watched.page
    checked = 0
    for case in golden_cases(calculator):
        if not form_can_express(page, calculator, case["input"]):
            continue
        page.reload()
        fill_form(page, calculator, case["input"])
        sent = form_payload(page, calculator)
        # Fields the case leaves out keep the form's defaults: compare with CPython on what the
        # page really sends.
        state = submit_and_wait(page, calculator)
        answer = cpython(calculator, sent, built_site)
        if not answer["ok"]:
            assert state == "errors", case["name"]
            expected = {e["field"]: e["message"] for e in answer["errors"]}
            assert rendered_field_errors(page, calculator) == expected, case["name"]
        elif calculator == "protein":
            assert state == "result", case["name"]
            assert rendered_protein(page) == expected_protein(answer), case["name"]
        elif calculator == "self-check":
            assert state == "result", case["name"]
            assert rendered_values(page, calculator) == expected_self_check(answer), case["name"]
        else:
            assert state == "result", case["name"]
            assert rendered_plan(page) == expected_plan(answer), case["name"]
        checked += 1
    assert checked >= 10
    watched.assert_clean()


BAD_WEIGHTS = [
    pytest.param("", "kg", id="empty"),
    pytest.param("-70", "kg", id="negative"),
    pytest.param("0", "kg", id="zero"),
    pytest.param("seventy", "kg", id="text"),
    pytest.param("1e9", "kg", id="huge"),
    pytest.param("NaN", "kg", id="nan"),
    pytest.param("600", "kg", id="lb-value-with-kg-selected"),
]


@pytest.mark.parametrize(("weight", "unit"), BAD_WEIGHTS)
def test_bad_weight_shows_a_clear_message_next_to_the_field(
    weight: str, unit: str, calculator_page: Any, built_site: BuiltSite
) -> None:
    """A bad weight gets CPython's message beside the weight field; no NaN, no result."""
    page = calculator_page("protein").page
    page.reload()
    payload = {"weight": weight, "unit": unit, "age": "70"}
    fill_form(page, "protein", payload)
    assert submit_and_wait(page, "protein") == "errors"
    answer = cpython("protein", payload, built_site)
    message = next(e["message"] for e in answer["errors"] if e["field"] == "weight")
    assert rendered_field_errors(page, "protein") == {"weight": message}
    assert page.locator("#protein-weight").get_attribute("aria-invalid") == "true"
    assert "NaN" not in page.locator("main").inner_text()
    calculator_page("protein").assert_clean()


def test_unit_toggle_relabels_the_weight_field(calculator_page: Any, built_site: BuiltSite) -> None:
    """Choosing pounds changes the weight label's unit, and the answer uses pounds."""
    page = calculator_page("protein").page
    page.reload()
    page.locator('[name="unit"][value="lb"]').check()
    assert page.locator("label[for=protein-weight] [data-unit-label]").inner_text() == "lb"
    fill_form(page, "protein", {"weight": "150", "age": "50"})
    assert submit_and_wait(page, "protein") == "result"
    answer = cpython("protein", {"weight": "150", "unit": "lb", "age": "50"}, built_site)
    low, high = answer["result"]["daily_g"]["low"], answer["result"]["daily_g"]["high"]
    assert page.locator('[data-value="daily_g"]').inner_text() == f"{low}–{high} g"
