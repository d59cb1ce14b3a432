"""Add a Content-Security-Policy to every built page.

Only the site's own origin may serve scripts, styles, images, workers and data; the engine gets
`'wasm-unsafe-eval'` to compile WebAssembly. Material's few inline scripts are allowed by their
SHA-256 hashes, collected over the whole site because instant navigation runs one page's scripts
under another page's policy.
"""

from __future__ import annotations

import base64
import hashlib
from html.parser import HTMLParser
from pathlib import Path

CSP_MARKER = '<meta http-equiv="Content-Security-Policy"'


class _InlineScripts(HTMLParser):
    """Collects the text of every inline <script> that a browser would execute."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._inside = False
        self._buffer: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "script":
            return
        attributes = dict(attrs)
        kind = (attributes.get("type") or "text/javascript").lower()
        executes = kind in {"text/javascript", "module", "application/javascript"}
        self._inside = executes and "src" not in attributes
        self._buffer = []

    def handle_data(self, data: str) -> None:
        if self._inside:
            self._buffer.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._inside:
            self.scripts.append("".join(self._buffer))
            self._inside = False


def inline_script_hashes(html: str) -> set[str]:
    """CSP source expressions ('sha256-…') for the inline scripts of one page."""
    parser = _InlineScripts()
    parser.feed(html)
    return {
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
        for s in parser.scripts
    }


def policy(script_hashes: set[str]) -> str:
    """The site's policy: own origin only, plus the hashed inline scripts and wasm compilation."""
    scripts = " ".join(["'self'", "'wasm-unsafe-eval'", *sorted(script_hashes)])
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "worker-src 'self'",
            "manifest-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def add_policy(site_dir: Path) -> None:
    """Insert the same policy meta tag, right after <meta charset>, into every HTML page."""
    pages = sorted(site_dir.rglob("*.html"))
    texts = {path: path.read_text(encoding="utf-8") for path in pages}
    hashes: set[str] = set()
    for html in texts.values():
        hashes |= inline_script_hashes(html)
    tag = f'{CSP_MARKER} content="{policy(hashes)}">'
    for path, html in texts.items():
        if CSP_MARKER in html:
            continue
        head_end = html.find(">", html.find("<meta charset")) + 1
        if head_end <= 0:
            continue
        path.write_text(html[:head_end] + tag + html[head_end:], encoding="utf-8")
