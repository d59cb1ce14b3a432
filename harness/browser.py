"""Launch Debian's Chromium with Playwright: never a downloaded browser."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, Playwright

CHROMIUM = Path("/usr/bin/chromium")
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


class BrowserMissingError(RuntimeError):
    """Debian's Chromium is not installed: say exactly what to install."""


def launch_chromium(playwright: Playwright) -> Browser:
    """Headless Debian Chromium, or a clear error naming the package to install."""
    if not CHROMIUM.is_file():
        msg = (
            f"Regain's browser tests and benchmark need Debian's Chromium at {CHROMIUM}: run "
            "`apt-get install chromium` (.ci/run does this). Never `playwright install`."
        )
        raise BrowserMissingError(msg)
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
