"""axe-core finds no serious or critical violation on a calculator page with its answer shown.

Every page as it loads is checked in tests/test_browser_every_page.py (one walk, light and dark).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from helpers.browser import (
    FORM_PAGES,
    WatchedPage,
    fill_form,
    next_watched_page,
    run_axe,
    submit_and_wait,
    switch_to_dark,
)

pytestmark = pytest.mark.browser


@pytest.fixture
def axe_page(file_context: WatchedPage) -> Iterator[WatchedPage]:
    """A new page in the file's guarded context, closed after the test.

    Each page load starts with no stored palette (a test switches to dark with Material's
    toggle, which remembers it), as a fresh context would.
    """
    watched = next_watched_page(file_context)
    watched.page.add_init_script("try { localStorage.clear(); } catch {}")
    yield watched
    watched.page.close()


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
    switch_to_dark(watched.page)
    found["dark"] = run_axe(watched.page)
    assert found == {"light": [], "dark": []}
