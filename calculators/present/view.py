"""The building blocks of a result view: what a reader sees, before it becomes HTML or text.

A view is a tuple of blocks (paragraphs, lists, tables, warnings, charts, sources, buttons). The
views (`present.protein`, `present.plan`, `present.self_check`) choose the words; the serialisers
(`present.html`, `present.text`) only lay them out, so a phrase has one home whatever the output.

`Value` marks a figure the tests and the print view can find (`data-value` in HTML). `Link`
paths are relative to the site root ("guide/exercises/#squat"); the HTML serialiser prefixes
the page's way back to the root, so the same view links right from any page.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from calculators.evidence import Citation
from calculators.results import Alert, Severity
from calculators.source_titles import TITLES

Data = tuple[tuple[str, str], ...]  # data-* attributes, in order: (("day", "1"), ...)


@dataclass(frozen=True)
class Value:
    """A figure the reader looks for (`name` is the wire field it comes from)."""

    name: str
    text: str


@dataclass(frozen=True)
class Typed:
    """Reader text (a name they typed): shown as typed, escaped, never read for citations."""

    text: str


@dataclass(frozen=True)
class Link:
    """A link to a page of the site; `path` is relative to the site root."""

    text: str
    path: str


@dataclass(frozen=True)
class Cite:
    """A citation in the reader's text: written "(source)", linked to the References page.

    Never the bare id ("(E3)"): the link's name says which source it is (issue 16).
    """

    ids: tuple[str, ...]

    @property
    def word(self) -> str:
        """The link's word: "source", or "sources" for several."""
        return "source" if len(self.ids) == 1 else "sources"

    @property
    def names(self) -> str:
        """The sources written out: "ACSM position stand on strength training, 2009"."""
        return "; ".join(source_name(ident) for ident in self.ids)


Inline = str | Value | Typed | Link | Cite
Line = tuple[Inline, ...]


@dataclass(frozen=True)
class Paragraph:
    """A paragraph; `kind` is its role ("headline", "suggestion" or "")."""

    line: Line
    kind: str = ""
    data: Data = ()


@dataclass(frozen=True)
class Heading:
    """A heading inside a result (level 3 under the page's own headings)."""

    text: str


@dataclass(frozen=True)
class Move:
    """An exercise's start → end drawing (`present.figure`), named by its one-line how-to."""

    exercise: str
    alt: str


@dataclass(frozen=True)
class Item:
    """One list item: a line, and the drawing of the exercise it first describes, if any."""

    line: Line
    data: Data = ()
    drawing: Move | None = None


@dataclass(frozen=True)
class Items:
    """A list; `kind` names it ("notes", "steps", "exercises"), `ordered` numbers it."""

    items: tuple[Item, ...]
    kind: str = "notes"
    ordered: bool = False


@dataclass(frozen=True)
class Warning:
    """A warning box: its severity, its message, and a title (by severity unless given)."""

    severity: Severity
    message: str
    heading: str = ""
    items: tuple[Item, ...] = ()

    @property
    def title(self) -> str:
        """The box's title: the one given, else the severity's."""
        return self.heading or SEVERITY_TITLES[self.severity]


SEVERITY_TITLES: Mapping[Severity, str] = {
    Severity.STOP: "Stop and ask first",
    Severity.CAUTION: "Take care",
    Severity.INFO: "Good to know",
}


@dataclass(frozen=True)
class Cell:
    """A table cell: blocks (a title paragraph, a list of exercises, notes)."""

    blocks: tuple[Block, ...]
    print_only: bool = False


@dataclass(frozen=True)
class Row:
    """A table row: a header cell (the row's name; none when "") and the other cells."""

    header: str
    cells: tuple[Cell, ...]
    data: Data = ()


@dataclass(frozen=True)
class Column:
    """A column heading; a print-only column shows on paper (tick boxes), not on screen."""

    text: str
    print_only: bool = False


@dataclass(frozen=True)
class Table:
    """A table with a caption, column headings and rows."""

    caption: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    kind: str = ""
    data: Data = ()


@dataclass(frozen=True)
class Chart:
    """An SVG chart drawn by `present.charts` (already safe markup), with its name.

    `caption` is shown above the chart as its heading (the progress charts' "Five chair rises:
    seconds (lower is better)"); like the chart, it is left out of the command line's text.
    """

    name: str
    svg: str
    caption: str = ""


@dataclass(frozen=True)
class Sources:
    """The evidence ids behind a result, each linked to the References page."""

    ids: tuple[str, ...]


@dataclass(frozen=True)
class Button:
    """A button or link the page's client brings to life by its `action`.

    `href` makes it a link (relative to the site root); `data` carries the words the client
    shows after the action (`done`, `failed`, `fallback`), so no wording lives in JavaScript.
    `options` is markup `present.forms` already rendered (escaped, like a chart's SVG): a
    summary and the boxes the client reads when the button is pressed (the calendar's time and
    reminder), shown in a closed box under the buttons.
    """

    action: str
    text: str
    href: str = ""
    data: Data = ()
    primary: bool = False
    options: str = ""


@dataclass(frozen=True)
class Actions:
    """The reader's tools under a result: share, print, calendar, hand-off."""

    buttons: tuple[Button, ...]


@dataclass(frozen=True)
class Section:
    """Blocks for one medium only: `media` "print" (paper, hidden on screen) or "screen".

    A long answer can have a compact version for paper (the printed plan, issue 16) without
    a screen reader or the command line meeting it twice.
    """

    blocks: tuple[Block, ...]
    media: str
    kind: str = ""


@dataclass(frozen=True)
class Group:
    """Blocks under a small heading of their own: one day of the plan ("Monday", then its list).

    On a phone a list reads where a table's columns would be two letters wide (issue 22).
    """

    heading: str
    blocks: tuple[Block, ...]
    kind: str = ""
    data: Data = ()


@dataclass(frozen=True)
class Fold:
    """Blocks a tap away under a one-line summary; folds sharing a `name` open one at a time.

    The plan's runs of weeks: the current one open, the others a tap away, so a phone shows one
    block of weeks, not all twelve (issue 22).
    """

    summary: str
    blocks: tuple[Block, ...]
    name: str
    open: bool = False
    kind: str = ""
    data: Data = ()


Block = (
    Paragraph
    | Heading
    | Items
    | Warning
    | Table
    | Chart
    | Move
    | Sources
    | Actions
    | Section
    | Group
    | Fold
)


@dataclass(frozen=True)
class View:
    """A whole result, block by block; `state` is "result" or "errors"."""

    blocks: tuple[Block, ...]
    state: str = "result"
    data: Data = field(default=())


REFERENCES_PAGE = "references/"

# A source id as the evidence table writes it in a sentence: "(E3)", "(E5, E7)", "(NICE NG42,
# NG127)".
_ID = r"(?:NICE[ -]NG\d{2,3}|NG\d{2,3}|[PEDSFMN]\d{1,2})"
CITATION = re.compile(rf"\((?P<ids>{_ID}(?:,\s*{_ID})*)\)")


def source_id(code: str) -> str:
    """An id as written in a sentence, as the evidence table's id ("NG127" → "NICE-NG127").

    >>> source_id("NICE NG42"), source_id("NG127"), source_id("E3")
    ('NICE-NG42', 'NICE-NG127', 'E3')
    """
    code = code.removeprefix("NICE").strip(" -")
    return f"NICE-{code}" if code.startswith("NG") else code


def source_name(ident: str) -> str:
    """A source written out ("title, year"), as data/references.yml names its row.

    An id without a row stays as it is.
    """
    title = TITLES.get(ident)
    return Citation(*title).words() if title else ident


def distinct_sources(ids: tuple[str, ...]) -> tuple[str, ...]:
    """The ids whose written-out sources differ (S3 and F2 are both EWGSOP2: listed once)."""
    seen: dict[str, str] = {}
    for ident in ids:
        seen.setdefault(source_name(ident), ident)
    return tuple(seen.values())


def source_path(ident: str) -> str:
    """The source's row on the References page, from the site root."""
    return f"{REFERENCES_PAGE}#{ident.lower()}"


def cited(text: str) -> tuple[str | Cite, ...]:
    """Text with its source ids in brackets turned into citations.

    >>> cited("Rest 1–3 minutes between sets (E3).")
    ('Rest 1–3 minutes between sets ', Cite(ids=('E3',)), '.')
    """
    parts: list[str | Cite] = []
    start = 0
    for match in CITATION.finditer(text):
        parts.append(text[start : match.start()])
        codes = re.split(r",\s*", match["ids"])
        parts.append(Cite(tuple(source_id(code) for code in codes)))
        start = match.end()
    parts.append(text[start:])
    return tuple(part for part in parts if part != "")


def warnings(alerts: tuple[Alert, ...]) -> tuple[Warning, ...]:
    """A result's alerts as warning boxes, in their order."""
    return tuple(Warning(alert.severity, alert.message) for alert in alerts)


def notes(lines: tuple[str, ...], kind: str = "notes") -> tuple[Items, ...]:
    """Notes as a list (nothing when there are none)."""
    if not lines:
        return ()
    return (Items(tuple(Item((line,)) for line in lines), kind),)


def common(
    alerts: tuple[Alert, ...], lines: tuple[str, ...], sources: tuple[str, ...]
) -> tuple[Block, ...]:
    """What closes every result: warnings, notes, sources."""
    return (*warnings(alerts), *notes(lines), Sources(sources))
