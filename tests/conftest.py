"""Shared fixtures: one strict build of the real site per test session, served on 127.0.0.1."""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")


@dataclass(frozen=True)
class BuiltSite:
    """A site built by `mkdocs build --strict` with everything it printed."""

    path: Path
    log: str

    def page(self, url_path: str) -> Path:
        """Return the HTML file for a site-relative URL such as `guide/early-signs/`."""
        target = self.path / url_path.strip("/")
        return target / "index.html" if not target.suffix else target

    def html_pages(self) -> list[Path]:
        """Every reader-facing HTML page (not the 404 page)."""
        return sorted(p for p in self.path.rglob("*.html") if p.name != "404.html")


def build_site(site_dir: Path, config: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run a strict MkDocs build of the project (or of `config`) into `site_dir`."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--config-file",
            str(config or ROOT / "mkdocs.yml"),
            "--site-dir",
            str(site_dir),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The project's site, built once per session with `--strict`."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build_site(site_dir)
    log = result.stdout + result.stderr
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{log}"
    return BuiltSite(site_dir, log)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static file handler that keeps test output clean and knows the types we ship."""

    extensions_map = {  # noqa: RUF012 - extends the class attribute on purpose
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
        ".ics": "text/calendar",
        ".webmanifest": "application/manifest+json",
    }

    def log_message(self, format: str, *args: object) -> None:
        """Silence per-request logging."""


class QuietServer(http.server.ThreadingHTTPServer):
    """A threaded static server that ignores clients hanging up (the browser cancels requests)."""

    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """Drop disconnects silently; anything else is printed as usual."""
        error = sys.exc_info()[1]
        if not isinstance(error, ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def site_url(built_site: BuiltSite) -> Iterator[str]:
    """Base URL of the built site served on 127.0.0.1 (a free port)."""
    handler = functools.partial(QuietHandler, directory=str(built_site.path))
    server = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


# ---------------------------------------------------------------- browser (Playwright + Chromium)

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # This machine's network is closed: background services would only add refused connections.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Headless Debian Chromium driven by Playwright (never a downloaded browser)."""
    if not CHROMIUM.is_file():
        pytest.fail(
            f"The browser tests need Debian's Chromium at {CHROMIUM}: run "
            "`apt-get install chromium` (.ci/run does this). Never `playwright install`."
        )
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class WatchedPage:
    """A page in a fresh context that records foreign requests and console errors."""

    page: Page
    context: BrowserContext
    base_url: str
    foreign_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def goto(self, path: str) -> None:
        """Open a site-relative path and wait until it has loaded."""
        self.page.goto(self.base_url + path.lstrip("/"))

    def assert_clean(self) -> None:
        """No request left the site's origin and nothing was logged as an error."""
        assert self.foreign_requests == []
        assert self.console_errors == []


def open_watched_page(
    browser: Browser, base_url: str, *, bypass_csp: bool = False, offline_worker: bool = False
) -> WatchedPage:
    """A new context whose requests to any other origin are blocked and recorded.

    The site's service worker is blocked unless `offline_worker` is set: requests it would answer
    from its cache never reach Playwright's router, and most tests must see every request.
    """
    context = browser.new_context(
        bypass_csp=bypass_csp, service_workers="allow" if offline_worker else "block"
    )
    page = context.new_page()
    watched = WatchedPage(page, context, base_url)
    origin = base_url.rstrip("/")

    def guard(route: Route) -> None:
        url = route.request.url
        if url.startswith((origin + "/", "data:", "blob:")):
            route.continue_()
        else:
            watched.foreign_requests.append(url)
            route.abort()

    context.route("**/*", guard)
    context.on(
        "request",
        lambda request: (
            None
            if request.url.startswith((origin + "/", "data:", "blob:"))
            or request.url in watched.foreign_requests
            else watched.foreign_requests.append(request.url)
        ),
    )
    page.on(
        "console",
        lambda message: (
            watched.console_errors.append(message.text) if message.type == "error" else None
        ),
    )
    page.on("pageerror", lambda error: watched.console_errors.append(str(error)))
    return watched


@pytest.fixture
def watched_page(browser: Browser, site_url: str) -> Iterator[WatchedPage]:
    """A fresh, guarded browser context on the served site, closed after the test."""
    watched = open_watched_page(browser, site_url)
    yield watched
    watched.context.close()


def run_axe(page: Page) -> list[dict[str, object]]:
    """Serious and critical axe-core violations on the current page (axe from node_modules)."""
    if not AXE_SCRIPT.is_file():
        pytest.fail(f"axe-core is missing at {AXE_SCRIPT}: run `npm ci` (make test does).")
    page.add_script_tag(path=str(AXE_SCRIPT))
    violations: list[dict[str, object]] = page.evaluate(
        """async () => {
            const results = await axe.run(document, {resultTypes: ["violations"]});
            return results.violations
                .filter((v) => v.impact === "serious" || v.impact === "critical")
                .map((v) => ({id: v.id, impact: v.impact, help: v.help,
                              targets: v.nodes.map((n) => n.target.join(" ")).slice(0, 5)}));
        }"""
    )
    return violations
