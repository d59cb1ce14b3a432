"""axe-core finds no serious or critical accessibility violation on any page, light or dark."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from helpers.browser import (
    FORM_PAGES,
    WatchedPage,
    fill_form,
    next_watched_page,
    open_watched_page,
    run_axe,
    site_paths,
    submit_and_wait,
)
from playwright.sync_api import Browser

from harness import BuiltSite

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def axe_context(browser: Browser, site_url: str) -> Iterator[WatchedPage]:
    """The file's guarded context, its CSP bypassed.

    axe is injected as an inline script, which our own CSP rightly forbids.
    """
    watched = open_watched_page(browser, site_url, bypass_csp=True)
    watched.page.close()
    yield watched
    watched.context.close()


@pytest.fixture
def axe_page(axe_context: WatchedPage) -> Iterator[WatchedPage]:
    """A new page in the file's context, closed after the test.

    Each page load starts with no stored palette (a test switches to dark with Material's
    toggle, which remembers it), as a fresh context would.
    """
    watched = next_watched_page(axe_context)
    watched.page.add_init_script("try { localStorage.clear(); } catch {}")
    yield watched
    watched.page.close()


# Each scheme's walk through every page is a long test: each is a group of its own, so the two
# run on different pytest-xdist workers at once (the Makefile's --dist loadgroup).
@pytest.mark.parametrize(
    "scheme",
    [
        pytest.param("light", marks=pytest.mark.xdist_group("axe-every-page-light")),
        pytest.param("dark", marks=pytest.mark.xdist_group("axe-every-page-dark")),
    ],
)
def test_axe_finds_no_serious_violation(
    built_site: BuiltSite, axe_page: WatchedPage, scheme: str
) -> None:
    """Every page passes axe-core (serious + critical) in the given colour scheme."""
    axe_page.page.emulate_media(color_scheme=scheme)
    found = {}
    for path in site_paths(built_site):
        axe_page.goto(path)
        violations = run_axe(axe_page.page)
        if violations:
            found[path] = violations
    assert found == {}


RESULT_SAMPLES = {
    "protein": {"weight": "70", "age": "70", "kidney": "ckd"},
    "plan": {"age": "70", "ability": "tires-quickly", "fall_past_year": True},
    "self-check": {"strength": 2, "assistance": 1, "rise": 1, "climb": 2, "falls": 1},
}


@pytest.mark.parametrize("calculator", list(RESULT_SAMPLES))
def test_axe_finds_no_serious_violation_with_a_result_shown(
    axe_page: WatchedPage, calculator: str
) -> None:
    """A calculator page with its result, warnings and buttons passes axe-core, light and dark.

    The same result is checked in both colour schemes.
    """
    watched = axe_page
    found = {}
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
    # ...and then fades out (opacity, 0.25 s): axe would measure the half-faded text's contrast.
    watched.page.wait_for_function(
        "() => [...document.querySelectorAll('.md-tooltip')]"
        ".every((tip) => getComputedStyle(tip).opacity === '0')"
    )
    found["dark"] = run_axe(watched.page)
    assert found == {"light": [], "dark": []}
