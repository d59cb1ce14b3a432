"""Every page carries a Content-Security-Policy that allows only our own origin."""

from __future__ import annotations

from bs4 import BeautifulSoup

from harness import BuiltSite
from postbuild import csp


def policy_of(html: str) -> str:
    """The content of the page's CSP meta tag."""
    meta = BeautifulSoup(html, "html.parser").find(
        "meta", attrs={"http-equiv": "Content-Security-Policy"}
    )
    assert meta is not None
    return str(meta["content"])


def test_every_page_has_the_policy_before_any_script(built_site: BuiltSite) -> None:
    """The CSP meta tag is present and comes before the first <script> of every page."""
    for page in built_site.html_pages():
        html = page.read_text(encoding="utf-8")
        assert html.index(csp.CSP_MARKER) < html.index("<script"), page


def test_policy_allows_only_own_origin_and_wasm(built_site: BuiltSite) -> None:
    """Scripts: self, wasm compilation and hashed inline scripts; no eval, no other host."""
    policy = policy_of(built_site.page("").read_text(encoding="utf-8"))
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["connect-src"] == "'self'"
    scripts = directives["script-src"].split()
    assert scripts[:2] == ["'self'", "'wasm-unsafe-eval'"]
    assert all(s.startswith("'sha256-") for s in scripts[2:])
    assert "'unsafe-eval'" not in policy
    assert "http" not in policy


def test_every_inline_script_is_hashed(built_site: BuiltSite) -> None:
    """Each page's inline scripts have their hash in that page's policy."""
    for page in built_site.html_pages():
        html = page.read_text(encoding="utf-8")
        sources = set(policy_of(html).replace(";", " ").split())
        assert csp.inline_script_hashes(html) <= sources, page


def test_script_hashes_ignore_json_and_external_scripts() -> None:
    """Only executable inline scripts are hashed (not JSON data blocks or src= scripts)."""
    html = (
        '<script>a()</script><script type="application/json">{}</script>'
        '<script src="x.js"></script>'
    )
    # Known vector: printf "a()" | openssl dgst -sha256 -binary | base64
    expected = "'sha256-qVpDBgj7bpq5hMAcGp3AOc79J3Y1Z4HvySTwKrWDoy4='"
    assert csp.inline_script_hashes(html) == {expected}
