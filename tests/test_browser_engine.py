"""The engine in the page: keyboard use, instant navigation, failures and the no-JavaScript path."""

from __future__ import annotations

import json

import pytest
from helpers.browser import (
    RESULT_TIMEOUT_MS,
    WatchedPage,
    engine_info,
    fill_form,
    open_watched_page,
    submit_and_wait,
)
from playwright.sync_api import Browser, Page, Route

from calculators import api
from postbuild.engine import CALCULATORS_ARCHIVE, ENGINE_DIR, shared_constants

pytestmark = pytest.mark.browser

FAILURE_TIMEOUT_MS = 15_000


def calc_workers(page: Page) -> list[str]:
    """URLs of the calculator workers this page has started."""
    return [worker.url for worker in page.workers if "calc-worker" in worker.url]


def test_keyboard_alone_reaches_every_field_submits_and_reads_the_result(
    watched_page: WatchedPage,
) -> None:
    """Tab reaches every protein control in order; Enter submits; the result is in a live region."""
    page = watched_page.page
    watched_page.goto("tools/protein/")
    controls = page.eval_on_selector_all(
        'form[data-calculator="protein"] input, form[data-calculator="protein"] select,'
        ' form[data-calculator="protein"] button',
        "els => [...new Set(els.map((e) => e.name || e.type))]",
    )
    reached: list[str] = []
    typed = {"weight": "68", "age": "70"}
    for _ in range(120):
        page.keyboard.press("Tab")
        name = page.evaluate(
            "() => { const e = document.activeElement;"
            " return e && e.closest('form[data-calculator]') ? (e.name || e.type) : null; }"
        )
        if name and name not in reached:
            reached.append(name)
            if name in typed:
                page.keyboard.type(typed[name])
        if name == "submit":
            break
    assert reached == controls
    page.keyboard.press("Enter")
    result = page.locator("#protein-result[data-state=result]")
    result.wait_for(timeout=RESULT_TIMEOUT_MS)
    assert page.evaluate("() => document.activeElement.closest('#protein-result') !== null")
    answer = api.run("protein", {"weight": "68", "age": "70"})
    assert isinstance(answer["result"], dict)
    low, high = answer["result"]["daily_g"]["low"], answer["result"]["daily_g"]["high"]
    assert page.locator('#protein-result [data-value="daily_g"]').inner_text() == f"{low}–{high} g"
    watched_page.assert_clean()


def test_instant_navigation_keeps_one_engine(watched_page: WatchedPage) -> None:
    """Guide -> calculator -> guide -> calculator by links: one worker, and results still work."""
    page = watched_page.page
    watched_page.goto("guide/early-signs/")
    for target in ["tools/protein/", "guide/early-signs/", "tools/protein/"]:
        page.locator(f'nav a[href$="{target.split("/", 1)[1] or target}"]').first.click()
        page.wait_for_url(f"**/{target}")
    fill_form(page, "protein", {"weight": "68", "age": "70"})
    assert submit_and_wait(page, "protein") == "result"
    assert len(calc_workers(page)) == 1
    assert engine_info(page)["restarts"] == 0
    watched_page.assert_clean()


# The product's clocks (engine/constants.toml, used by engine.mjs): a test may shorten them,
# nothing may lengthen them.
_CLOCKS = shared_constants()["clocks"]
READER_TIMERS = {
    "stallMs": _CLOCKS["stall_ms"],
    "startWorkMs": _CLOCKS["start_work_ms"],
    "answerMs": _CLOCKS["answer_timeout_ms"],
}


@pytest.mark.parametrize(
    ("override", "in_force"),
    [
        pytest.param(None, READER_TIMERS, id="reader"),
        pytest.param(
            {"stallMs": 2000, "answerMs": 1000},
            {**READER_TIMERS, "stallMs": 2000, "answerMs": 1000},
            id="shortened",
        ),
        pytest.param(
            {"stallMs": 60_000, "startWorkMs": -1, "answerMs": "soon"},
            READER_TIMERS,
            id="never-lengthened",
        ),
    ],
)
def test_engine_clocks_are_the_readers_unless_a_test_shortens_them(
    watched_page: WatchedPage, override: dict[str, object] | None, in_force: dict[str, int]
) -> None:
    """A reader's page waits 30 s for a stalled download; a test's override only shortens."""
    if override is not None:
        watched_page.page.add_init_script(
            f"globalThis.REGAIN_ENGINE_TEST_TIMERS = {json.dumps(override)};"
        )
    watched_page.goto("guide/early-signs/")  # no form: no engine is started for this
    assert engine_info(watched_page.page)["timers"] == in_force
    watched_page.assert_clean()


def test_blocked_engine_shows_the_fallback_quickly(browser: Browser, site_url: str) -> None:
    """With the WebAssembly file blocked, a plain message appears within seconds; no spinner."""
    watched = open_watched_page(browser, site_url)
    try:
        watched.context.route("**/engine/pyodide.asm.wasm", lambda route: route.abort())
        watched.goto("tools/protein/")
        failure = watched.page.locator("#protein-result [data-engine-failed]")
        failure.wait_for(timeout=FAILURE_TIMEOUT_MS)
        assert "could not run" in failure.inner_text()
        assert watched.page.locator("progress").is_hidden()
        assert watched.page.locator("h2#the-guideline-ranges").is_visible()
        assert watched.foreign_requests == []
    finally:
        watched.context.close()


def test_engine_that_fails_once_is_restarted_once(browser: Browser, site_url: str) -> None:
    """If the first engine start fails (calculators archive lost), a second start still answers."""
    watched = open_watched_page(browser, site_url)
    failures = {"left": 1}

    def fail_once(route: Route) -> None:
        if failures["left"]:
            failures["left"] -= 1
            route.abort()
        else:
            route.continue_()

    try:
        watched.context.route(f"**/{ENGINE_DIR}/{CALCULATORS_ARCHIVE}", fail_once)
        watched.goto("tools/protein/")
        fill_form(watched.page, "protein", {"weight": "68", "age": "70"})
        assert submit_and_wait(watched.page, "protein") == "result"
        assert engine_info(watched.page)["restarts"] == 1
        assert failures["left"] == 0
    finally:
        watched.context.close()


@pytest.mark.parametrize("path", ["tools/protein/", "tools/plan/", "tools/self-check/"])
def test_without_javascript_the_page_explains_and_still_gives_the_guidelines(
    browser: Browser, site_url: str, path: str
) -> None:
    """With scripts off, the page says the calculator needs JavaScript and keeps its rules."""
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + path)
        text = page.locator("main").inner_text()
        assert "needs JavaScript" in text
        assert page.locator("form[data-calculator]").is_hidden()  # it could not answer (issue 16)
        assert page.locator("main h2").count() >= 1
    finally:
        context.close()
