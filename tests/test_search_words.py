"""Words readers search with find the right pages in the site's search index (issue 22).

Material's search (lunr) splits text on spaces and hyphens, trims punctuation, lower-cases and
drops stop words; it does not stem, so "immobilised" and "immobilized" are two words and each
must be on the page. A query finds a page here when one section of it holds every word.
"""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup

from harness import BuiltSite

AFTER_INJURY = "guide/can-it-be-reversed/"
CAUSES = "guide/causes-and-risk-factors/"
QUERIES = {
    "immobilised": (AFTER_INJURY, CAUSES),
    "immobilized": (AFTER_INJURY, CAUSES),
    "cast": (AFTER_INJURY, CAUSES),
    "brace": (AFTER_INJURY, CAUSES),
    "crutches": (AFTER_INJURY, CAUSES),
    "knee surgery": (AFTER_INJURY,),
    "hip or knee replacement": (AFTER_INJURY,),
}
STOP_WORDS = frozenset({"or", "and", "a", "an", "the"})  # in lunr's stop-word list


def terms(text: str, separator: str) -> set[str]:
    """The words lunr indexes for `text`: split, trimmed of punctuation, lower case."""
    plain = BeautifulSoup(text, "html.parser").get_text(" ")
    words = (re.sub(r"^\W+|\W+$", "", word).lower() for word in re.split(separator, plain))
    return {word for word in words if word}


@pytest.fixture(scope="module")
def sections(built_site: BuiltSite) -> list[tuple[str, set[str]]]:
    """Each indexed section's location and words, from the built site's search index."""
    index = json.loads((built_site.path / "search" / "search_index.json").read_text("utf-8"))
    separator = index["config"]["separator"]
    return [
        (doc["location"], terms(f"{doc['title']} {doc['text']}", separator))
        for doc in index["docs"]
    ]


@pytest.mark.parametrize(("query", "pages"), QUERIES.items())
def test_a_readers_words_find_the_right_pages(
    query: str, pages: tuple[str, ...], sections: list[tuple[str, set[str]]]
) -> None:
    """Each page expected for the query has a section holding every word of it."""
    wanted = {word for word in query.lower().split() if word not in STOP_WORDS}
    found = {location.split("#")[0] for location, words in sections if wanted <= words}
    assert set(pages) <= found, f"{query!r} finds {sorted(found)}"


def test_the_after_injury_section_is_its_own_search_result(
    sections: list[tuple[str, set[str]]],
) -> None:
    """The section "After an injury, a cast or an operation" is a search result of its own."""
    anchor = f"{AFTER_INJURY}#after-an-injury-a-cast-or-an-operation"
    words = dict(sections)[anchor]
    assert {"cast", "brace", "crutches", "knee", "surgery", "replacement"} <= words
