"""Shared fixtures: one strict build of the real site per test session, served like GitHub Pages."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from helpers.browser import WatchedPage, open_watched_page
from playwright.sync_api import Browser, sync_playwright

from harness import (
    BrowserMissingError,
    BuiltSite,
    StaticServer,
    build_site,
    launch_chromium,
    serving,
)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The project's site, built once per session with `--strict`."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build_site(site_dir)
    log = result.stdout + result.stderr
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{log}"
    return BuiltSite(site_dir, log)


@pytest.fixture(scope="session")
def site_server(built_site: BuiltSite) -> Iterator[StaticServer]:
    """The built site, served on 127.0.0.1 as GitHub Pages serves it (gzip, ETag)."""
    with serving(built_site.path) as server:
        yield server


@pytest.fixture(scope="session")
def site_url(site_server: StaticServer) -> str:
    """Base URL of the served site."""
    return site_server.url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Headless Debian Chromium driven by Playwright (never a downloaded browser)."""
    with sync_playwright() as playwright:
        try:
            chromium = launch_chromium(playwright)
        except BrowserMissingError as error:
            pytest.fail(str(error))
        yield chromium
        chromium.close()


@pytest.fixture
def watched_page(browser: Browser, site_url: str) -> Iterator[WatchedPage]:
    """A fresh, guarded browser context on the served site, closed after the test."""
    watched = open_watched_page(browser, site_url)
    yield watched
    watched.context.close()
