"""Every page loads from the site's own origin only, logs no error and sets no cookie."""

from __future__ import annotations

import pytest
from helpers.browser import WatchedPage, next_watched_page, site_paths

from harness import BuiltSite

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def every_page_visited(built_site: BuiltSite, file_context: WatchedPage) -> WatchedPage:
    """One page that has loaded every page of the site, each until its network was idle.

    Both tests read what this one visit recorded: the pages are loaded once, not once a test.
    """
    paths = site_paths(built_site)
    assert len(paths) >= 10
    watched = next_watched_page(file_context)
    for path in paths:
        watched.goto(path.lstrip("/"))
        watched.page.wait_for_load_state("networkidle")
    return watched


def test_no_page_requests_another_origin_or_logs_an_error(every_page_visited: WatchedPage) -> None:
    """Each page, loaded under its Content-Security-Policy, stays on our origin with no errors."""
    every_page_visited.assert_clean()


def test_no_page_sets_a_cookie(every_page_visited: WatchedPage) -> None:
    """After visiting every page the browser holds no cookie from us."""
    assert every_page_visited.context.cookies() == []
