"""MkDocs hook: check each page's review dates and give them to the theme (postbuild.review_dates).

This one stays a page hook: the theme (overrides/main.html) writes the review line while it
renders the page, from `page.meta["review"]`, so the dates must be there before the page is
built; the post-build step checks the built lines again (`check_review_lines`).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

# MkDocs loads a hook by its file path with only hooks/ on sys.path: the project root goes
# first, so the steps import as the package they are (as tests and `python -m postbuild` do).
_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

from mkdocs.exceptions import PluginError  # noqa: E402

from postbuild.review_dates import build_date, review_problems, theme_dates  # noqa: E402


def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    """Check the page's review dates (stopping the build if wrong) and keep them for the theme."""
    problems = review_problems(page.meta, build_date())
    if problems:
        where = page.file.src_uri
        raise PluginError(f"Review dates of {where}: " + "; ".join(problems) + ".")
    page.meta["review"] = theme_dates(page.meta)
    return markdown
