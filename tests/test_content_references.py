"""The References page: every DOI is well-formed and every citation says whether it was checked."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup, Tag

from harness import BuiltSite
from macros.data import data_dir, load_site_data

# A DOI: "10." then a registrant code of 4-9 digits, "/", then a suffix without spaces
# (Crossref's recommended pattern for modern DOIs).
DOI = re.compile(r"^10\.\d{4,9}/[-._;()/:A-Za-z0-9]+$")

# The DOIs issue 13 lists as verified: each must be on the page, linked.
VERIFIED_DOIS = [
    "10.1016/j.sleh.2014.12.010",
    "10.1152/japplphysiol.00363.2020",
    "10.1016/j.arr.2010.03.004",
    "10.1249/MSS.0b013e3181eb6265",
    "10.1007/s40279-015-0385-9",
    "10.1016/j.jamda.2013.05.018",
    "10.1002/jcsm.12048",
    "10.2147/CIA.S250508",
    "10.1186/s12966-020-01041-3",
    "10.1016/j.jamda.2018.04.001",
]


def _citations(built_site: BuiltSite) -> list[Tag]:
    """The list items (and paragraphs) under "Full citations", one per reference."""
    soup = BeautifulSoup(built_site.page("references/").read_text("utf-8"), "html.parser")
    heading = soup.find("h2", id="full-citations")
    assert isinstance(heading, Tag)
    items: list[Tag] = []
    for sibling in heading.find_next_siblings():
        if sibling.find_previous_sibling("h3") is None:
            continue  # the key above the first group, not a citation
        if sibling.name == "ul":
            items += sibling.find_all("li", recursive=False)
        elif sibling.name == "p":
            items.append(sibling)
    return items


def _doi_links(built_site: BuiltSite) -> list[Tag]:
    """Every link on the References page that goes to doi.org."""
    soup = BeautifulSoup(built_site.page("references/").read_text("utf-8"), "html.parser")
    return [a for a in soup.find_all("a", href=True) if "doi.org/" in str(a["href"])]


def test_references_page_has_doi_links(built_site: BuiltSite) -> None:
    """The page links DOIs at all (so the checks below are not vacuous)."""
    assert len(_doi_links(built_site)) >= len(VERIFIED_DOIS)


def test_every_doi_is_well_formed(built_site: BuiltSite) -> None:
    """Each doi.org link holds a well-formed DOI, and its text shows the same DOI."""
    bad = []
    for link in _doi_links(built_site):
        doi = str(link["href"]).removeprefix("https://doi.org/")
        if not str(link["href"]).startswith("https://doi.org/") or not DOI.match(doi):
            bad.append(str(link["href"]))
        elif link.get_text(strip=True) != f"doi:{doi}":
            bad.append(f"{link['href']} shown as {link.get_text(strip=True)!r}")
    assert bad == []


@pytest.mark.parametrize("doi", VERIFIED_DOIS)
def test_verified_doi_is_linked(built_site: BuiltSite, doi: str) -> None:
    """Each DOI verified for issue 13 is linked on the References page."""
    assert f"https://doi.org/{doi}" in {str(link["href"]) for link in _doi_links(built_site)}


def test_every_citation_says_whether_it_was_verified(built_site: BuiltSite) -> None:
    """Each citation is marked, in bold, either "Verified" or "Not verified" - once."""
    citations = _citations(built_site)
    assert len(citations) > 30
    unmarked = []
    for citation in citations:
        marks = [
            strong.get_text(strip=True).rstrip(".")
            for strong in citation.find_all("strong")
            if strong.get_text(strip=True).rstrip(".") in {"Verified", "Not verified"}
        ]
        if len(marks) != 1:
            unmarked.append(citation.get_text(" ", strip=True)[:60])
    assert unmarked == []


def test_every_doi_belongs_to_a_verified_citation(built_site: BuiltSite) -> None:
    """A DOI link is only shown on a citation marked verified (we never link an unchecked DOI)."""
    unchecked = [
        citation.get_text(" ", strip=True)[:60]
        for citation in _citations(built_site)
        if citation.find("a", href=re.compile("doi.org"))
        and "Not verified" in citation.get_text(" ", strip=True)
    ]
    assert unchecked == []


@pytest.mark.parametrize(
    ("author", "title_words"),
    [
        ("Vigelsø", "aerobic retraining after two weeks' immobilization"),
        ("Nguyen TN", "Reliability and validity of SARC-F questionnaire"),
        ("Krzymińska-Siemaszko", "Comparison of diagnostic performance of SARC-F"),
        ("Sherrington C", "Evidence on physical activity and falls prevention"),
    ],
)
def test_named_citations_have_full_titles(
    built_site: BuiltSite, author: str, title_words: str
) -> None:
    """The citations issue 13 found incomplete now carry their titles."""
    texts = [" ".join(c.get_text(" ").split()) for c in _citations(built_site)]
    assert any(author in text and title_words in text for text in texts)


def test_every_row_and_citation_of_the_data_file_is_on_the_page(built_site: BuiltSite) -> None:
    """The page is rendered from data/references.yml: each row's anchor and each title is there."""
    data = load_site_data(data_dir()).references
    soup = BeautifulSoup(built_site.page("references/").read_text("utf-8"), "html.parser")
    anchors = {str(tag["id"]) for tag in soup.find_all(id=True)}
    assert {source.anchor for source in data.sources} <= anchors
    texts = [" ".join(c.get_text().split()) for c in _citations(built_site)]
    titles = [citation.title for group in data.groups for citation in group.citations]
    assert [title for title in titles if not any(title in text for text in texts)] == []
    assert len(texts) == len(titles)
