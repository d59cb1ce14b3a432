"""After one visit the site works offline, and a new build replaces the old offline copy."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from helpers.browser import RESULT_TIMEOUT_MS, fill_form, open_watched_page, submit_and_wait
from playwright.sync_api import Browser, Page

from harness import BuiltSite, StaticServer, build_site, copy_project

pytestmark = pytest.mark.browser

SW_TIMEOUT_MS = 120_000  # hang guards only: every wait is for a state
ENGINE_CACHED = """async () => {
    const names = (await caches.keys()).filter((name) => name.startsWith("regain-site-"));
    if (names.length !== 1) return false;
    const cache = await caches.open(names[0]);
    const wasm = new URL("/engine/pyodide.asm.wasm", location.href).href;
    return Boolean(await cache.match(wasm));
}"""


def wait_until_offline_ready(page: Page) -> None:
    """Wait for the service worker to control the page and show the offline indicator."""
    # A function, not an expression string: our CSP (rightly) forbids eval.
    page.wait_for_function(
        "() => navigator.serviceWorker.controller !== null", timeout=SW_TIMEOUT_MS
    )
    page.locator("[data-offline-status]").wait_for(state="visible", timeout=SW_TIMEOUT_MS)


def test_site_and_calculator_work_offline_after_one_visit(browser: Browser, site_url: str) -> None:
    """Visit a calculator once, go offline: guide and calculator pages load and compute."""
    watched = open_watched_page(browser, site_url, offline_worker=True)
    page = watched.page
    try:
        watched.goto("tools/protein/")
        fill_form(page, "protein", {"weight": "70", "age": "70"})
        assert submit_and_wait(page, "protein") == "result"
        wait_until_offline_ready(page)
        # The service worker says when every engine file is stored; then the cache is checked.
        page.locator("html[data-engine-offline=cached]").wait_for(
            state="attached", timeout=SW_TIMEOUT_MS
        )
        assert page.evaluate(ENGINE_CACHED) is True

        watched.context.set_offline(True)
        watched.goto("guide/early-signs/")
        assert page.title().startswith("Early signs")
        watched.goto("tools/protein/")
        fill_form(page, "protein", {"weight": "80", "age": "70"})
        assert submit_and_wait(page, "protein") == "result"
        assert page.locator('[data-value="daily_g"]').inner_text().endswith(" g")
        assert watched.foreign_requests == []
    finally:
        watched.context.close()


class _SwappableSite:
    """The GitHub-Pages-like server whose files can be replaced between visits (a new deploy)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.server = StaticServer(root)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = self.server.url

    def deploy(self, site: Path) -> None:
        """Replace everything served with the files of `site`."""
        for child in self.root.iterdir():
            shutil.rmtree(child) if child.is_dir() else child.unlink()
        shutil.copytree(site, self.root, dirs_exist_ok=True)

    def close(self) -> None:
        """Stop serving."""
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def changed_build(tmp_path: Path) -> Path:
    """A second build of the project whose early-signs page has new content."""
    project = tmp_path / "project"
    config = copy_project(project)
    page = project / "docs" / "guide" / "early-signs.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\n\nThis sentence is new in the second build.\n",
        encoding="utf-8",
    )
    result = build_site(tmp_path / "site-b", config)
    assert result.returncode == 0, result.stdout + result.stderr
    return tmp_path / "site-b"


def test_new_build_replaces_the_offline_copy(
    browser: Browser, built_site: BuiltSite, changed_build: Path, tmp_path: Path
) -> None:
    """After a deploy the reader is told to reload, and then sees the new page, not a stale one."""
    host = _SwappableSite(tmp_path / "served")
    host.deploy(built_site.path)
    watched = open_watched_page(browser, host.url, offline_worker=True)
    page = watched.page
    try:
        watched.goto("guide/early-signs/")
        wait_until_offline_ready(page)
        old_caches = page.evaluate("() => caches.keys()")
        assert "new in the second build" not in page.content()

        host.deploy(changed_build)
        watched.goto("guide/early-signs/")  # served from the old cache; the new worker installs
        page.locator("[data-update-notice]").wait_for(timeout=SW_TIMEOUT_MS)
        page.locator("[data-update-notice] button").click()
        page.wait_for_load_state()
        page.locator("text=This sentence is new in the second build.").wait_for(
            timeout=RESULT_TIMEOUT_MS
        )
        new_caches = page.evaluate("() => caches.keys()")
        regain = [
            name for name in new_caches if name.startswith("regain-") and "snapshot" not in name
        ]
        assert len(regain) == 1
        assert regain[0] not in old_caches
        assert watched.foreign_requests == []
    finally:
        watched.context.close()
        host.close()
