"""Label every table cell with its column's heading, so a narrow screen can show rows as cards.

On a phone, or with large text, a table with several columns does not fit across the screen.
The stylesheet then shows each row as a card and writes the heading before each value from the
cell's `data-label` (extra.css, "tables on narrow screens"). Tables the presentation layer
renders (calculators/present/html.py) carry their labels already; this step labels the rest
(Markdown and macro tables) in every built page.
"""

from __future__ import annotations

import re
from html import escape, unescape
from pathlib import Path

_TABLE = re.compile(r"<table\b.*?</table>", re.DOTALL)
_HEAD_ROW = re.compile(r"<tr\b[^>]*>(?:(?!</tr>).)*</tr>", re.DOTALL)
_HEAD_CELL = re.compile(r"<th\b[^>]*>(.*?)</th>", re.DOTALL)
_BODY_ROW = _HEAD_ROW
_CELL_START = re.compile(r"<(td|th)\b([^>]*)>")
_TAG = re.compile(r"<[^>]+>")


def _text(cell_html: str) -> str:
    """The words of a heading cell, without its tags, on one line."""
    return " ".join(unescape(_TAG.sub(" ", cell_html)).split())


def _label_row(row: str, labels: list[str]) -> str:
    """Give each cell of a body row the heading of its column (cells already labelled keep it)."""
    column = iter(labels)

    def label(match: re.Match[str]) -> str:
        heading = next(column, "")
        if "data-label" in match.group(2) or not heading:
            return match.group(0)
        return f'<{match.group(1)}{match.group(2)} data-label="{escape(heading)}">'

    return _CELL_START.sub(label, row)


def label_table(table: str) -> str:
    """One table with every body cell labelled by its column heading.

    >>> labelled = label_table("<table><thead><tr><th>Age</th><th>Grams</th></tr></thead>"
    ...                        "<tbody><tr><td>65</td><td>80</td></tr></tbody></table>")
    >>> labelled.partition("<tbody>")[2]
    '<tr><td data-label="Age">65</td><td data-label="Grams">80</td></tr></tbody></table>'
    """
    head, found, body = table.partition("</thead>")
    rows = _HEAD_ROW.findall(head) if found else []
    if not rows:
        return table
    labels = [_text(cell) for cell in _HEAD_CELL.findall(rows[-1])]
    return head + found + _BODY_ROW.sub(lambda row: _label_row(row.group(0), labels), body)


def label_tables(html: str) -> str:
    """Every table in a page, labelled (see `label_table`)."""
    return _TABLE.sub(lambda table: label_table(table.group(0)), html)


def label_site_tables(site_dir: Path) -> None:
    """Label the tables of every HTML page of the built site (a page without one is untouched)."""
    for path in sorted(site_dir.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        labelled = label_tables(html)
        if labelled != html:
            path.write_text(labelled, encoding="utf-8")
