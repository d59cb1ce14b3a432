"""The building blocks of a result view: what a reader sees, before it becomes HTML or text.

A view is a tuple of blocks (paragraphs, lists, tables, warnings, charts, sources, buttons). The
views (`present.protein`, `present.plan`, `present.self_check`) choose the words; the serialisers
(`present.html`, `present.text`) only lay them out, so a phrase has one home whatever the output.

`Value` marks a figure the tests and the print view can find (`data-value` in HTML). `Link`
paths are relative to the site root ("guide/exercises/#squat"); the HTML serialiser prefixes
the page's way back to the root, so the same view links right from any page.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from calculators.results import Alert, Severity

Data = tuple[tuple[str, str], ...]  # data-* attributes, in order: (("day", "1"), ...)


@dataclass(frozen=True)
class Value:
    """A figure the reader looks for (`name` is the wire field it comes from)."""

    name: str
    text: str


@dataclass(frozen=True)
class Link:
    """A link to a page of the site; `path` is relative to the site root."""

    text: str
    path: str


Inline = str | Value | Link
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
class Item:
    """One list item: a line, then optional blocks under it (a day's exercises)."""

    line: Line
    data: Data = ()


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
    """A table row: a header cell (the row's name) and the other cells."""

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
    """An SVG chart drawn by `present.charts` (already safe markup), with its name."""

    name: str
    svg: str


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


Block = Paragraph | Heading | Items | Warning | Table | Chart | Sources | Actions


@dataclass(frozen=True)
class View:
    """A whole result, block by block; `state` is "result" or "errors"."""

    blocks: tuple[Block, ...]
    state: str = "result"
    data: Data = field(default=())


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
