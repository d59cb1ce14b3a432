"""The site builds with `mkdocs build --strict` and prints no warning."""

from __future__ import annotations

from conftest import BuiltSite


def test_strict_build_prints_no_warning(built_site: BuiltSite) -> None:
    """A strict build succeeds and its log has no WARNING line."""
    warnings = [line for line in built_site.log.splitlines() if "WARNING" in line]
    assert warnings == []


def test_every_nav_page_is_built(built_site: BuiltSite) -> None:
    """The home page and the References page exist in the built site."""
    assert built_site.page("").is_file()
    assert built_site.page("references/").is_file()
