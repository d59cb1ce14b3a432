"""Shared fixtures: one strict build of the real site per test session, served like GitHub Pages."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator

import pytest
from filelock import FileLock
from helpers.browser import WatchedPage, next_watched_page, open_watched_page
from playwright.sync_api import Browser, sync_playwright

from harness import (
    BrowserMissingError,
    BuiltSite,
    StaticServer,
    build_site,
    launch_chromium,
    serving,
)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_collection_modifyitems(
    config: pytest.Config, items: list[pytest.Item]
) -> Iterator[None]:
    """Keep each test file on one pytest-xdist worker (`--dist loadgroup`), and prove it.

    So a file's module-scoped fixtures (a shared browser context, a parsed page) start once.
    A long test may name a group of its own (`xdist_group`) to run beside its file's others.
    The marks go on before pytest-xdist reads them (this wrapper is outermost). Afterwards a
    worker's ids must end in "@group": without that tag the scheduler sends each test alone and
    every file's shared context starts once per test, minutes longer with nothing red (pytest
    9.2 with pytest-xdist 3.8 did exactly that), so the run stops with the reason instead.
    """
    for item in items:
        if item.get_closest_marker("xdist_group") is None:
            item.add_marker(pytest.mark.xdist_group(item.nodeid.split("::", 1)[0]))
    yield
    if getattr(config.option, "loadgroup", False):
        untagged = [item.nodeid for item in items if "@" not in item.nodeid]
        if untagged:
            raise pytest.UsageError(
                f"pytest-xdist did not tag {len(untagged)} test(s) with their group (first: "
                f"{untagged[0]}): pytest {pytest.__version__} and this pytest-xdist cannot keep a "
                "file on one worker; install the versions pyproject.toml pins (make setup)."
            )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The project's site, built once per run with `--strict`, shared by every xdist worker.

    The first worker to get the lock builds; the others wait on the lock (a state, not a timer)
    and read the same site and log: N workers would otherwise build N copies at once, each
    seconds of CPU on a 2-core machine before any browser test can start. No test writes into
    it (tests that change a site copy it first). A failed build fails every worker with its log.
    """
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    site_dir, record = shared / "site", shared / "site-build.json"
    with FileLock(shared / "site-build.lock"):
        if not record.exists():
            result = build_site(site_dir)
            outcome = {"returncode": result.returncode, "log": result.stdout + result.stderr}
            record.write_text(json.dumps(outcome), encoding="utf-8")
    outcome = json.loads(record.read_text(encoding="utf-8"))
    assert outcome["returncode"] == 0, f"mkdocs build --strict failed:\n{outcome['log']}"
    return BuiltSite(site_dir, outcome["log"])


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


@pytest.fixture(scope="module")
def file_context(browser: Browser, site_url: str) -> Iterator[WatchedPage]:
    """One guarded browser context per test file, closed after the file's last test.

    Its Cache Storage keeps the engine's memory snapshot, so the file's first engine start is
    a fresh one and every later page restores the snapshot, as a reader's repeat visit does.
    The fresh path and the snapshot itself are tested on their own (test_browser_snapshot).
    """
    watched = open_watched_page(browser, site_url)
    watched.page.close()
    yield watched
    watched.context.close()


@pytest.fixture
def watched_page(file_context: WatchedPage) -> Iterator[WatchedPage]:
    """A new guarded page on the served site, in the test file's context; closed after the test.

    A test that changes its context (routes, permissions, offline) opens its own with
    open_watched_page instead.
    """
    watched = next_watched_page(file_context)
    yield watched
    watched.page.close()
