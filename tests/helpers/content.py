"""Content-test helpers: the pages of the nav and a page's article text, normalised."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import yaml
from bs4 import BeautifulSoup

from harness import ROOT, BuiltSite


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml, taking `!ENV [NAME, default]` as its default."""


_Loader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


def mkdocs_config() -> dict[str, Any]:
    """mkdocs.yml as data, each `!ENV` setting at its default."""
    config: dict[str, Any] = yaml.load(
        (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader
    )
    return config


# The reader-facing pages named in the nav (site-relative URLs).
def _nav_pages() -> list[str]:
    """Site-relative URLs of every page in mkdocs.yml's nav, in nav order."""
    config = mkdocs_config()

    def walk(items: list[object]) -> list[str]:
        pages: list[str] = []
        for item in items:
            target = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(target, list):
                pages += walk(target)
            else:
                pages.append(str(target).removesuffix("index.md").removesuffix(".md") + "/")
        return pages

    return [page.removeprefix("/") for page in walk(config["nav"])]


# Every page of the nav, read from mkdocs.yml so a new page is checked without editing tests.
NAV_PAGES = _nav_pages()


# Dashes and the spaces typographers put inside numbers, mapped to what a test can type.
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2212"), "-")
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2009\u202f\u2007"), " ")


def normalise(text: str) -> str:
    """Lower-case text with plain hyphens and single ordinary spaces."""
    text = text.translate(_DASHES).translate(_SPACES)
    return re.sub(r"\s+", " ", text).lower()


def page_text(built_site: BuiltSite, url_path: str) -> str:
    """The normalised text of a page's article, without the shared disclaimer."""
    return _article_text(built_site.page(url_path), url_path)


@functools.cache
def _article_text(file: Path, url_path: str) -> str:
    """A page's article text, parsed once per page and worker.

    The parametrized content tests ask for the same page dozens of times, and parsing a page is
    most of what they cost (issue 20: cache what is computed per test). A string, so no test can
    change what another reads.
    """
    soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
    article = soup.find("article")
    assert article is not None, f"{url_path} has no <article>"
    for aside in article.select("aside.rg-disclaimer"):
        aside.decompose()
    return normalise(article.get_text(" "))
