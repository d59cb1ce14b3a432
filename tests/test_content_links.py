"""Every internal link and anchor in the built site resolves, and every number can be traced."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from helpers.content import NAV_PAGES

from harness import BuiltSite

# A made-up origin so that urljoin can resolve relative links the way a browser would.
_ORIGIN = "http://regain.test/"

# Every id in ../shared/EVIDENCE.md cited on the site (P, E, S, D, F and N tables; M4 falls, M7
# emergencies), plus the article's NIH source, the red-flag guidelines, and the source article
# itself: the anchors of the References table.
EVIDENCE_IDS = [
    *(f"p{n}" for n in range(1, 15)),
    *(f"e{n}" for n in range(1, 9)),
    *(f"s{n}" for n in range(1, 4)),
    *(f"d{n}" for n in range(1, 8)),
    *(f"f{n}" for n in range(1, 4)),
    *(f"m{n}" for n in (1, 3, 4, 5, 6, 7)),
    "n1",
    "n2",
    "nih",
    "nice-ng42",
    "nice-ng127",
    "article",
]

# Pages that state numbers (the guide's prose pages and the FAQ): each cites References.
PAGES_WITH_NUMBERS = [
    page
    for page in NAV_PAGES
    if (page.startswith("guide/") and page != "guide/exercises/") or page == "faq/"
]


@cache
def _soup(path: Path) -> BeautifulSoup:
    """A parsed built page (each page is parsed once per session)."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@cache
def _ids(path: Path) -> frozenset[str]:
    """Every id (and legacy name) of elements in a built page (collected once per session)."""
    soup = _soup(path)
    return frozenset(str(el["id"]) for el in soup.find_all(id=True)) | {
        str(el["name"]) for el in soup.find_all("a", attrs={"name": True})
    }


def _target(built_site: BuiltSite, page: Path, href: str) -> tuple[Path, str] | None:
    """The file and fragment an internal link points to, or None for an external link."""
    page_url = urljoin(_ORIGIN, page.relative_to(built_site.path).as_posix())
    parts = urlsplit(urljoin(page_url, href))
    if f"{parts.scheme}://{parts.netloc}/" != _ORIGIN:
        return None
    file = built_site.path / unquote(parts.path).lstrip("/")
    if parts.path.endswith("/"):
        file = file / "index.html"
    return file, unquote(parts.fragment)


def _internal_links(built_site: BuiltSite) -> list[tuple[str, str, Path, str]]:
    """(page, href, target file, fragment) for every internal <a href> in the site."""
    links = []
    for page in built_site.html_pages():
        for anchor in _soup(page).find_all("a", href=True):
            href = str(anchor["href"])
            target = _target(built_site, page, href)
            if target is not None:
                links.append((page.relative_to(built_site.path).as_posix(), href, *target))
    return links


def test_every_internal_link_reaches_a_file(built_site: BuiltSite) -> None:
    """Every internal link points to a file that exists in the built site."""
    links = _internal_links(built_site)
    broken = [(page, href) for page, href, file, _ in links if not file.is_file()]
    assert broken == []


def test_every_internal_anchor_exists(built_site: BuiltSite) -> None:
    """Every internal link with a #fragment lands on an element with that id."""
    broken = [
        (page, href)
        for page, href, file, fragment in _internal_links(built_site)
        if fragment and file.suffix == ".html" and file.is_file() and fragment not in _ids(file)
    ]
    assert broken == []


@pytest.mark.parametrize("evidence_id", EVIDENCE_IDS)
def test_references_page_has_anchor_for_evidence_id(
    built_site: BuiltSite, evidence_id: str
) -> None:
    """Each evidence id has its own anchor in the References table."""
    assert evidence_id in _ids(built_site.page("references/"))


@pytest.mark.parametrize("url_path", PAGES_WITH_NUMBERS)
def test_page_with_numbers_cites_references(built_site: BuiltSite, url_path: str) -> None:
    """A page that states numbers links to at least one row of the References table."""
    page = built_site.page(url_path)
    cited = {
        fragment
        for anchor in _soup(page).select("article a[href]")
        if (target := _target(built_site, page, str(anchor["href"])))
        and target[0] == built_site.page("references/")
        for fragment in [target[1]]
        if fragment
    }
    assert cited


def test_every_citation_names_a_known_evidence_id(built_site: BuiltSite) -> None:
    """Every link into the References page points at an evidence id, not some other anchor."""
    references = built_site.page("references/")
    unknown = [
        (page, href)
        for page, href, file, fragment in _internal_links(built_site)
        if file == references
        and fragment
        and fragment not in EVIDENCE_IDS
        and not page.startswith("references/")
    ]
    assert unknown == []
