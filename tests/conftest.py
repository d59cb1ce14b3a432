"""Shared fixtures: one strict build of the real site per test session, served on 127.0.0.1."""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

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


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
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


@pytest.fixture(scope="session")
def site_url(built_site: BuiltSite) -> Iterator[str]:
    """Base URL of the built site served on 127.0.0.1 (a free port)."""
    handler = functools.partial(_QuietHandler, directory=str(built_site.path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
