"""Calculator pages in a real browser give exactly what the Python package gives in CPython."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import pytest
from helpers.browser import (
    FORM_PAGES,
    WatchedPage,
    cpython,
    cpython_wire,
    fill_form,
    form_payload,
    golden_cases,
    open_watched_page,
    site_exercises,
    submit_and_wait,
)
from playwright.sync_api import Browser, Page

from calculators import api
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
    """Every golden case, run by Pyodide in the page's worker, equals what CPython would send."""
    watched = calculator_page(calculator)
    cases = golden_cases(calculator)
    assert len(cases) >= 15
    mismatches = []
    for case in cases:
        in_browser = engine_answer(watched.page, calculator, case["input"])
        if in_browser != cpython_wire(calculator, case["input"], built_site):
            mismatches.append(case["name"])
    assert mismatches == []
    watched.assert_clean()


def reset_form(page: Page, calculator: str) -> None:
    """Back to the form's own defaults, without reloading the page."""
    page.evaluate(
        """(calculator) => {
            const form = document.querySelector(`form[data-calculator="${calculator}"]`);
            form.reset();
            const unit = form.querySelector('[name="unit"]:checked');
            if (unit) unit.dispatchEvent(new Event("change", { bubbles: true }));
        }""",
        calculator,
    )


# Elements that never have content or an end tag (the HTML standard's void elements).
VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
# Attributes that hold a list of words: the same words however they are spaced.
WORD_LISTS = frozenset({"class", "rel", "headers", "accesskey"})


class _Elements(HTMLParser):
    """Every element of a fragment in document order: tag, sorted attributes and own text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, tuple[tuple[str, str], ...], list[str]]] = []
        self.open: list[tuple[str, list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        own: list[str] = []
        words = {
            name: " ".join((value or "").split()) if name in WORD_LISTS else value or ""
            for name, value in attrs
        }
        self.found.append((tag, tuple(sorted(words.items())), own))
        if tag not in VOID:
            self.open.append((tag, own))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.open.pop()

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.open) - 1, -1, -1):
            if self.open[depth][0] == tag:
                del self.open[depth:]
                return

    def handle_data(self, data: str) -> None:
        if self.open:
            self.open[-1][1].append(data)


def canonical(markup: str) -> list[tuple[str, tuple[tuple[str, str], ...], str]]:
    """Markup as (tag, attributes, own text) per element, however the browser serialises it.

    Attribute quoting, entities and SVG tag case differ between serialisers, not between DOMs.
    (The standard library's parser: BeautifulSoup's tree took 0.4 s per plan answer.)
    """
    parser = _Elements()
    parser.feed(markup)
    parser.close()
    return [(tag, attrs, "".join(own).strip()) for tag, attrs, own in parser.found]


def shown_html(page: Page, calculator: str) -> str:
    """The result area's markup as the page holds it now (less the focus target's tabindex)."""
    markup: str = page.locator(f"#{calculator}-result").evaluate(
        "e => { const c = e.cloneNode(true);"
        " c.querySelectorAll('[tabindex=\"-1\"]').forEach((n) => n.removeAttribute('tabindex'));"
        " return c.innerHTML; }"
    )
    return markup


def cpython_page_answer(
    calculator: str, payload: dict[str, Any], site: BuiltSite, root: str
) -> dict[str, Any]:
    """CPython's whole answer (its HTML too) for a page `root` away from the site root."""
    exercises = site_exercises(site) if calculator == "plan" else []
    return api.run(calculator, payload, exercises=exercises, root=root)


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


# The plan's walk through its golden cases is the suite's longest test (each answer is a drawn
# 12-week plan): a group of its own, so it runs on another pytest-xdist worker beside this file's
# other tests (the Makefile's --dist loadgroup) instead of lengthening this file's worker.
@pytest.mark.parametrize(
    "calculator",
    [
        pytest.param(c, marks=pytest.mark.xdist_group("form-parity-plan")) if c == "plan" else c
        for c in CALCULATORS
    ],
)
def test_form_shows_cpython_answers_for_every_golden_case(
    calculator: str, calculator_page: Any, built_site: BuiltSite
) -> None:
    """Each golden input shows the very answer CPython renders for what the page sent.

    One page session per calculator: reset, fill, submit, read, next case (no reloads).
    Errors sit next to their fields.
    """
    watched = calculator_page(calculator)
    page = watched.page
    root = page.locator(f'form[data-calculator="{calculator}"]').get_attribute("data-site-root")
    checked = 0
    for case in golden_cases(calculator):
        if not form_can_express(page, calculator, case["input"]):
            continue
        reset_form(page, calculator)
        fill_form(page, calculator, case["input"])
        sent = form_payload(page, calculator)
        # Fields the case leaves out keep the form's defaults: compare with CPython on what the
        # page really sends.
        state = submit_and_wait(page, calculator)
        answer = cpython_page_answer(calculator, sent, built_site, root or "")
        if answer["ok"]:
            assert state == "result", case["name"]
            expected = str(answer["html"])
            assert canonical(shown_html(page, calculator)) == canonical(expected), case["name"]
        else:
            assert state == "errors", case["name"]
            errors = {e["field"]: e["message"] for e in answer["errors"]}
            assert rendered_field_errors(page, calculator) == errors, case["name"]
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
    reset_form(page, "protein")
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
    reset_form(page, "protein")
    page.locator('[name="unit"][value="lb"]').check()
    assert page.locator("label[for=protein-weight] [data-unit-label]").inner_text() == "lb"
    fill_form(page, "protein", {"weight": "150", "age": "50"})
    assert submit_and_wait(page, "protein") == "result"
    answer = cpython("protein", {"weight": "150", "unit": "lb", "age": "50"}, built_site)
    low, high = answer["result"]["daily_g"]["low"], answer["result"]["daily_g"]["high"]
    assert page.locator('[data-value="daily_g"]').inner_text() == f"{low}–{high} g"
