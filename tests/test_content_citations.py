"""Every page cites as the answers do: "(source)", linked to its row, never a bare id like "E3"."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup

from calculators.present.view import source_name
from harness import BuiltSite
from macros.data import data_dir, load_site_data
from postbuild.citations import SEARCH_INDEX, cite_ids, cite_search_text

# An evidence id as a reader would see it bare: "[M7]", "(E3)", "(M7, NICE NG42)".
BARE_ID = re.compile(r"[\[(](?:[PEDSFMN]\d{1,2}|NICE[ -]NG\d{2,3})(?:[,;] [^)\]]*)?[\])]")
ID_TEXT = re.compile(r"[PEDSFMN]\d{1,2}|NICE[ -]NG\d{2,3}")


def test_no_page_shows_a_bare_source_id(built_site: BuiltSite) -> None:
    """No built page shows an id in brackets, or a link to the References with an id as text."""
    found = []
    for path in sorted(built_site.path.rglob("*.html")):
        page = path.relative_to(built_site.path).as_posix()
        soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        for script in soup.find_all(["script", "style"]):
            script.decompose()
        text = " ".join(soup.get_text(" ").split())
        found += [(page, match) for match in BARE_ID.findall(text.replace("( ", "("))]
        found += [
            (page, link.get_text(" ", strip=True))
            for link in soup.select('a[href*="references/#"]')
            if ID_TEXT.fullmatch(" ".join(link.get_text(" ").split()))
        ]
    assert found == []


def test_a_run_of_ids_becomes_one_citation_naming_each() -> None:
    """A run of ids, "(M7, NICE NG42)", is one "(sources)" link to the first row, naming both."""
    html = (
        '(<a href="../references/#m7">M7</a>, '
        '<a href="../references/#nice-ng42"><abbr title="x">NICE</abbr> NG42</a>)'
    )
    soup = BeautifulSoup(cite_ids(html), "html.parser")
    (link,) = soup.find_all("a")
    assert (link["class"], link["href"], link.get_text()) == (
        ["rg-cite"],
        "../references/#m7",
        "sources",
    )
    assert link["aria-label"] == f"sources: {source_name('M7')}; {source_name('NICE-NG42')}"


@pytest.mark.parametrize(
    "html",
    [
        'Eat <a href="../references/#p4">1.2–1.5 g</a> a day.',  # words: already says what
        '(<a href="../references/#p4">1.2 g</a>, <a href="../references/#e3">E3</a>)',
        '<a href="../guide/#e3">E3</a>',  # not a References row
    ],
)
def test_links_that_are_not_id_citations_are_left_alone(html: str) -> None:
    """Only links whose text is their row's id, alone or in a run of such links, are rewritten."""
    assert cite_ids(html) == html


def test_every_row_has_a_name_for_its_citations() -> None:
    """A citation's accessible name never falls back to the bare id: every row has a title."""
    rows = load_site_data(data_dir()).references.sources
    assert [row.id for row in rows if source_name(row.id) == row.id] == []


def test_search_results_show_no_bare_source_id(built_site: BuiltSite) -> None:
    """The search index, written before the pages' citations are, shows none in brackets either."""
    docs = json.loads((built_site.path / SEARCH_INDEX).read_text("utf-8"))["docs"]
    found = [
        (doc["location"], match)
        for doc in docs
        for field in ("title", "text")
        for match in BARE_ID.findall(doc[field])
    ]
    assert found == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Stop (M7).", "Stop (source)."),
        ("Stop (M7, NICE NG127, NICE NG42).", "Stop (sources)."),
        ("Signs (NICE-NG42, NICE-NG127) here.", "Signs (sources) here."),
        ("Health (NIH) says so.", "Health (NIH) says so."),  # an abbreviation, also a row
        ("Rest (then walk) (E3, 2 sets).", "Rest (then walk) (E3, 2 sets)."),  # not only ids
    ],
)
def test_search_text_cites_only_runs_of_ids(text: str, expected: str) -> None:
    """In the search index, a bracketed run of ids becomes its word; other brackets stay."""
    assert cite_search_text(text) == expected
