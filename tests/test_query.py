"""Our URL query and HTML escaping match urllib.parse and html (which the engine skips)."""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qsl
from urllib.parse import urlencode as stdlib_urlencode

from hypothesis import given
from hypothesis import strategies as st

from calculators import api
from calculators.present.escape import escape
from calculators.present.query import urlencode

PAIRS = st.lists(st.tuples(st.text(), st.text()), max_size=6)


@given(PAIRS)
def test_query_matches_the_standard_library(pairs: list[tuple[str, str]]) -> None:
    """Any names and values, any characters: the same bytes as urllib.parse.urlencode."""
    assert urlencode(pairs) == stdlib_urlencode(pairs)


@given(PAIRS)
def test_query_reads_back_as_the_same_pairs(pairs: list[tuple[str, str]]) -> None:
    """What the plan page parses from the query is what was put in."""
    assert parse_qsl(urlencode(pairs), keep_blank_values=True) == pairs


def test_self_check_hand_off_link_carries_the_answers_in_the_fragment() -> None:
    """The self-check's "Build a plan" link carries its answers after "#answers?" (never sent)."""
    answers = {"strength": 0, "assistance": 0, "rise": 1, "climb": 1, "falls": 0, "age": 72}
    answer = api.run("self-check", answers)
    assert answer["ok"], answer
    assert re.search(r'href="tools/plan/#answers\?[^"]*&amp;age=72"', answer["html"])


@given(st.text(), st.booleans())
def test_escape_matches_the_standard_library(text: str, quote: bool) -> None:
    """Any text, attribute or not: the same output as html.escape."""
    assert escape(text, quote=quote) == html.escape(text, quote=quote)
