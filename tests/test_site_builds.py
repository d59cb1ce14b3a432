"""The site builds with `mkdocs build --strict` and prints no warning."""

from __future__ import annotations

import re

from harness import BuiltSite

# MkDocs's log lines look like "WARNING -  message". Material 9.8's end-of-life notice is
# printed as a banner, not a log warning, and is documented in the README.
LOG_WARNING = re.compile(r"^\s*WARNING\s+-")


def test_strict_build_prints_no_warning(built_site: BuiltSite) -> None:
    """A strict build succeeds and its log has no WARNING line."""
    warnings = [line for line in built_site.log.splitlines() if LOG_WARNING.match(line)]
    assert warnings == []


def test_every_nav_page_is_built(built_site: BuiltSite) -> None:
    """The home page and the References page exist in the built site."""
    assert built_site.page("").is_file()
    assert built_site.page("references/").is_file()
