"""Every page loads from the site's own origin only, logs no error and sets no cookie."""

from __future__ import annotations

import pytest
from helpers.browser import WatchedPage, site_paths

from harness import BuiltSite

pytestmark = pytest.mark.browser


def test_no_page_requests_another_origin_or_logs_an_error(
    built_site: BuiltSite, watched_page: WatchedPage
) -> None:
    """Each page, loaded under its Content-Security-Policy, stays on our origin with no errors."""
    paths = site_paths(built_site)
    assert len(paths) >= 10
    for path in paths:
        watched_page.goto(path.lstrip("/"))
        watched_page.page.wait_for_load_state("networkidle")
    watched_page.assert_clean()


def test_no_page_sets_a_cookie(built_site: BuiltSite, watched_page: WatchedPage) -> None:
    """After visiting every page the browser holds no cookie and no local storage from us."""
    for path in site_paths(built_site):
        watched_page.goto(path.lstrip("/"))
    assert watched_page.context.cookies() == []
