"""Every page cites as the answers do: "(source)", linked to its References row and named.

Pages are written in Markdown with links to the References rows ("([E3](../references.md#e3))"),
which MkDocs checks, and the macros' callouts and tables cite the same way. This step turns
each such link whose text is the row's own id, or a bracketed run of them ("(M7, NICE NG42)"),
into the presentation layer's one citation (`calculators.present.html.cite`), so no reader meets
a bare id like "E3" (issue 23) and a screen reader hears which source it is. A link whose text
is words ("[1.2–1.5 g](../references.md#p4)") already says what it points at and is left alone.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

from calculators.present.html import cite
from calculators.present.view import Cite
from calculators.source_titles import TITLES

_TAG = re.compile(r"<[^>]+>")
# A link to a References row as Python-Markdown writes it: the way back to the site root, the
# row's anchor and the link's inner HTML (an id may hold an <abbr>, "NICE NG42").
_ROW_LINK = r'<a href="[^"]*?references/#[a-z0-9-]+">(?:(?!</a>).)*?</a>'
_LINK = re.compile(
    r'<a href="(?P<root>[^"]*?)references/#(?P<anchor>[a-z0-9-]+)">(?P<text>(?:(?!</a>).)*?)</a>'
)
# A bracketed run of row links ("(E1, E3)"), or one on its own.
_CITATION = re.compile(rf"\({_ROW_LINK}(?:, {_ROW_LINK})*\)|{_ROW_LINK}")


def _is_id(link: re.Match[str]) -> bool:
    """Whether a link's text is its row's id ("NICE NG42" for #nice-ng42), not words."""
    text = " ".join(unescape(_TAG.sub("", link["text"])).split())
    return text.replace(" ", "-").lower() == link["anchor"]


def cite_ids(html: str) -> str:
    """The page with every citation by id written as "(source)"; other links as they were.

    >>> cite_ids('Rest (<a href="../references/#e3">E3</a>).')
    'Rest (<a class="rg-cite" href="../references/#e3" aria-label="source: ACSM position stand on strength training, 2009">source</a>).'
    """  # noqa: E501 - the doctest's output is one line

    def replace(match: re.Match[str]) -> str:
        links = list(_LINK.finditer(match.group(0)))
        if not all(_is_id(link) for link in links):
            return match.group(0)
        ids = tuple(dict.fromkeys(link["anchor"].upper() for link in links))
        return cite(Cite(ids), links[0]["root"])

    return _CITATION.sub(replace, html)


def cite_site_ids(site_dir: Path) -> None:
    """Rewrite the citations of every HTML page of the built site (see `cite_ids`)."""
    for path in sorted(site_dir.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        cited = cite_ids(html)
        if cited != html:
            path.write_text(cited, encoding="utf-8")


# MkDocs' search index holds each page's text as rendered, before `cite_site_ids`, with links
# stripped: a citation there is only its bracketed run of ids, "(M7, NICE NG42)", which search
# results would show. An id is read as a link's text is ("NICE NG42" or "NICE-NG42"); only
# ids with a number: "(NIH)" and "(article)" are also words ("US National Institutes of Health
# (NIH)"), which the index cannot tell from a citation once the link is gone.
SEARCH_INDEX = Path("search") / "search_index.json"
_IDS_BY_TEXT = {
    ident.replace("-", " ").lower(): ident
    for ident in TITLES
    if any(char.isdigit() for char in ident)
}
_BRACKETED = re.compile(r"\((?P<run>[^()\"\\]{1,80})\)")


def cite_search_text(text: str) -> str:
    """`text` with each bracketed run of source ids written as the pages cite: the run's word.

    >>> cite_search_text("Stop at once (M7, NICE NG127). Sit down (then rest). See E3.")
    'Stop at once (sources). Sit down (then rest). See E3.'
    """

    def replace(match: re.Match[str]) -> str:
        pieces = [
            " ".join(piece.replace("-", " ").split()).lower() for piece in match["run"].split(",")
        ]
        if not all(piece in _IDS_BY_TEXT for piece in pieces):
            return match.group(0)
        ids = tuple(dict.fromkeys(_IDS_BY_TEXT[piece] for piece in pieces))
        return f"({Cite(ids).word})"

    return _BRACKETED.sub(replace, text)


def cite_search_index(site_dir: Path) -> None:
    """Rewrite the search index's citations as `cite_site_ids` did the pages' (if it has one)."""
    path = site_dir / SEARCH_INDEX
    if not path.is_file():
        return
    # On the JSON text itself: an id holds no character JSON escapes, and no other byte moves.
    index = path.read_text(encoding="utf-8")
    cited = cite_search_text(index)
    if cited != index:
        path.write_text(cited, encoding="utf-8")
