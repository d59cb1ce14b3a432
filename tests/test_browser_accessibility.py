"""axe-core finds no serious or critical accessibility violation on any page, light or dark."""

from __future__ import annotations

import pytest
from helpers.browser import (
    FORM_PAGES,
    fill_form,
    open_watched_page,
    run_axe,
    site_paths,
    submit_and_wait,
)
from playwright.sync_api import Browser

from harness import BuiltSite

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_violation(
    built_site: BuiltSite, browser: Browser, site_url: str, scheme: str
) -> None:
    """Every page passes axe-core (serious + critical) in the given colour scheme."""
    # axe is injected as an inline script, which our own CSP rightly forbids: bypass it here.
    watched = open_watched_page(browser, site_url, bypass_csp=True)
    watched.page.emulate_media(color_scheme=scheme)
    found = {}
    try:
        for path in site_paths(built_site):
            watched.goto(path)
            violations = run_axe(watched.page)
            if violations:
                found[path] = violations
    finally:
        watched.context.close()
    assert found == {}


RESULT_SAMPLES = {
    "protein": {"weight": "70", "age": "70", "kidney": "ckd"},
    "plan": {"age": "70", "fall_past_year": True},
    "self-check": {"strength": 2, "assistance": 1, "rise": 1, "climb": 2, "falls": 1},
}


@pytest.mark.parametrize("calculator", list(RESULT_SAMPLES))
def test_axe_finds_no_serious_violation_with_a_result_shown(
    browser: Browser, site_url: str, calculator: str
) -> None:
    """A calculator page with its result, warnings and buttons passes axe-core, light and dark.

    One engine start per calculator: the same result is checked in both colour schemes.
    """
    watched = open_watched_page(browser, site_url, bypass_csp=True)
    found = {}
    try:
        watched.goto(FORM_PAGES[calculator])
        fill_form(watched.page, calculator, RESULT_SAMPLES[calculator])
        assert submit_and_wait(watched.page, calculator) == "result"
        # Closed boxes opened (the plan's calendar time and reminder), so axe sees inside them.
        for box in watched.page.locator("details.rg-action-options summary").all():
            box.click()
        found["light"] = run_axe(watched.page)
        # Dark as a reader gets it without a reload: Material's own palette toggle.
        watched.page.emulate_media(color_scheme="dark")
        watched.page.locator('label[title="Switch to dark mode"]').first.click()
        watched.page.locator('body[data-md-color-scheme="slate"]').wait_for()
        # The toggle keeps focus and shows its tooltip; the page is checked as it is read.
        watched.page.evaluate("() => document.activeElement.blur()")
        watched.page.mouse.move(0, 0)
        watched.page.locator(".md-tooltip--active").wait_for(state="detached")
        found["dark"] = run_axe(watched.page)
    finally:
        watched.context.close()
    assert found == {"light": [], "dark": []}
