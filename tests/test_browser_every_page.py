"""Every page, walked once: our origin only, no error, no cookie, and axe-clean light and dark.

One walk serves all three checks, since each page load costs the same whichever check reads it:
each page loads under its real Content-Security-Policy (axe is evaluated through the DevTools
protocol, which the CSP does not govern) and waits until its network is idle, so a late request
(the calculators' engine) is seen too.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from helpers.browser import WatchedPage, next_watched_page, run_axe, site_paths, switch_to_dark

from harness import BuiltSite

pytestmark = pytest.mark.browser


@dataclass
class Walk:
    """What one visit to every page recorded."""

    watched: WatchedPage
    axe: dict[str, dict[str, list[dict[str, object]]]] = field(default_factory=dict)


@pytest.fixture(scope="module")
def every_page_walk(built_site: BuiltSite, file_context: WatchedPage) -> Walk:
    """One page that has loaded every page of the site, each until its network was idle.

    Each page loads light, with no stored palette (Material's toggle remembers the last one),
    is checked by axe, turned dark with Material's toggle as a reader does, and checked again.
    Both schemes set the same attributes on <body> whichever way they are reached (the palette's
    media query at load, or the toggle), so one load serves both checks.
    """
    paths = site_paths(built_site)
    assert len(paths) >= 10
    walk = Walk(next_watched_page(file_context))
    page = walk.watched.page
    page.add_init_script("try { localStorage.clear(); } catch {}")
    for path in paths:
        page.emulate_media(color_scheme="light")
        walk.watched.goto(path)
        page.wait_for_load_state("networkidle")
        light = run_axe(page)
        switch_to_dark(page)
        walk.axe[path] = {"light": light, "dark": run_axe(page)}
    return walk


def test_no_page_requests_another_origin_or_logs_an_error(every_page_walk: Walk) -> None:
    """Each page, loaded under its Content-Security-Policy, stays on our origin with no errors."""
    every_page_walk.watched.assert_clean()


def test_no_page_sets_a_cookie(every_page_walk: Walk) -> None:
    """After visiting every page the browser holds no cookie from us."""
    assert every_page_walk.watched.context.cookies() == []


def test_axe_finds_no_serious_violation_light_or_dark(every_page_walk: Walk) -> None:
    """Every page passes axe-core (serious + critical) in light, then in dark."""
    walked = every_page_walk.axe
    found = {path: schemes for path, schemes in walked.items() if any(schemes.values())}
    assert found == {}
