"""A view as an HTML fragment: every text escaped, no scripts, no inline styles (strict CSP).

The page's client inserts this fragment as it is; the build inserts the same fragment into the
ready-made answers, so both are one markup by construction. `root` is the way from the page
back to the site root ("../../" on tools/plan/), prefixed to every link.
"""

from __future__ import annotations

from calculators.present.escape import escape
from calculators.present.figure import move_figure
from calculators.present.view import (
    Actions,
    Block,
    Button,
    Cell,
    Chart,
    Cite,
    Data,
    Fold,
    Group,
    Heading,
    Inline,
    Items,
    Line,
    Link,
    Move,
    Paragraph,
    Row,
    Section,
    Sources,
    Table,
    Typed,
    Value,
    View,
    Warning,
    cited,
    distinct_sources,
    source_name,
    source_path,
)

SOURCES_HEADING = "Sources"


def render(view: View, root: str = "") -> str:
    """The whole view as one fragment, a block per line, its buttons first.

    Share, print and calendar come above the answer, so a carer finds them without scrolling
    past a long result (issue 16).
    """
    first = [part for part in view.blocks if isinstance(part, Actions)]
    rest = [part for part in view.blocks if not isinstance(part, Actions)]
    return "\n".join(block(part, root) for part in (*first, *rest))


def block(part: Block, root: str = "") -> str:  # noqa: PLR0911 - one branch a block type
    """One block as HTML."""
    if isinstance(part, Paragraph):
        classes = f' class="rg-{escape(part.kind)}"' if part.kind else ""
        return f"<p{classes}{_data(part.data)}>{line(part.line, root)}</p>"
    if isinstance(part, Heading):
        return f"<h3>{escape(part.text)}</h3>"
    if isinstance(part, Items):
        tag = "ol" if part.ordered else "ul"
        items = "".join(
            f"<li{_data(i.data)}>{line(i.line, root)}{_drawing(i.drawing, root)}</li>"
            for i in part.items
        )
        return f'<{tag} class="rg-{escape(part.kind)}">{items}</{tag}>'
    if isinstance(part, Warning):
        return warning(part, root)
    if isinstance(part, Table):
        return _table(part, root)
    if isinstance(part, Chart):
        caption = f"<figcaption>{escape(part.caption)}</figcaption>" if part.caption else ""
        return (
            f'<figure class="rg-chart" data-chart="{escape(part.name)}">{caption}{part.svg}'
            "</figure>"
        )
    if isinstance(part, Move):
        return _drawing(part, root)
    if isinstance(part, Group | Fold):
        return _grouped(part, root)
    if isinstance(part, Section):
        media = "rg-print-only" if part.media == "print" else "rg-screen-only"
        kind = f" rg-{escape(part.kind)}" if part.kind else ""
        inner = "".join(block(piece, root) for piece in part.blocks)
        return f'<div class="{media}{kind}">{inner}</div>'
    if isinstance(part, Sources):
        if not part.ids:
            return ""
        links = "".join(
            f'<li><a href="{escape(root + source_path(ident))}">'
            f"{escape(source_name(ident))}</a></li>"
            for ident in distinct_sources(part.ids)
        )
        return f'<div><h3>{SOURCES_HEADING}</h3><ul class="rg-sources">{links}</ul></div>'
    return _actions(part, root)


def warning(part: Warning, root: str = "") -> str:
    """A warning box (Material's admonition look), with an optional list under the message."""
    severity = escape(part.severity.value)
    message = f"<p>{line(cited(part.message), root)}</p>" if part.message else ""
    listed = "".join(f"<li{_data(item.data)}>{line(item.line, root)}</li>" for item in part.items)
    return (
        f'<div class="admonition rg-warning rg-{severity}" data-severity="{severity}">'
        f'<p class="admonition-title">{escape(part.title)}</p>{message}'
        f"{f'<ul>{listed}</ul>' if listed else ''}</div>"
    )


def line(parts: Line, root: str = "") -> str:
    """Inline text: plain text, figures (`data-value`) and links."""
    return "".join(inline(part, root) for part in parts)


def inline(part: Inline, root: str = "") -> str:
    """One inline piece as HTML."""
    if isinstance(part, Value):
        return f'<strong data-value="{escape(part.name)}">{escape(part.text)}</strong>'
    if isinstance(part, Typed):
        return escape(part.text)
    if isinstance(part, Link):
        return f'<a href="{escape(root + part.path)}">{escape(part.text)}</a>'
    if isinstance(part, Cite):
        return cite(part, root)
    return "".join(
        cite(piece, root) if isinstance(piece, Cite) else escape(str(piece))
        for piece in cited(part)
    )


def cite(part: Cite, root: str = "") -> str:
    """A citation: "(source)" linked to the first source's References row, named by every source.

    The accessible name says which source, so a list of links is not a row of "source".
    """
    href = escape(root + source_path(part.ids[0]))
    label = escape(f"{part.word}: {part.names}")
    return f'(<a class="rg-cite" href="{href}" aria-label="{label}">{part.word}</a>)'


def _grouped(part: Group | Fold, root: str) -> str:
    """A day under its heading, or a run of weeks folded under its summary (`<details name>`)."""
    kind = f' class="rg-{escape(part.kind)}"' if part.kind else ""
    inner = "".join(block(piece, root) for piece in part.blocks)
    if isinstance(part, Group):
        return f"<div{kind}{_data(part.data)}><h4>{escape(part.heading)}</h4>{inner}</div>"
    opened = " open" if part.open else ""
    return (
        f'<details{kind} name="{escape(part.name)}"{opened}{_data(part.data)}>'
        f"<summary>{escape(part.summary)}</summary>{inner}</details>"
    )


def _table(table: Table, root: str) -> str:
    head = "".join(
        f'<th scope="col"{_print_only(column.print_only)}>{escape(column.text)}</th>'
        for column in table.columns
    )
    labels = [column.text for column in table.columns]
    rows = "".join(_row(row, labels, root) for row in table.rows)
    classes = f' class="rg-{escape(table.kind)}"' if table.kind else ""
    # In a box of its own: off screen, a box (unlike a table) can skip drawing its contents
    # (docs/stylesheets/extra.css, "drawing an answer"): a 12-week plan draws much faster.
    return (
        f'<div class="rg-table-box"><table{classes}{_data(table.data)}>'
        f"<caption>{escape(table.caption)}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>"
    )


def _row(row: Row, labels: list[str], root: str) -> str:
    # data-label: the column heading, shown before the value when rows become cards (extra.css).
    heading = [*labels, *[""] * (len(row.cells) + 1)]
    if not row.header:  # a row without a header cell (the printed plan)
        cells = "".join(_cell(cell, heading[i], root) for i, cell in enumerate(row.cells))
        return f"<tr{_data(row.data)}>{cells}</tr>"
    cells = "".join(_cell(cell, heading[i], root) for i, cell in enumerate(row.cells, 1))
    return (
        f'<tr{_data(row.data)}><th scope="row" data-label="{escape(heading[0])}">'
        f"{escape(row.header)}</th>{cells}</tr>"
    )


def _cell(cell: Cell, label: str, root: str) -> str:
    if cell.print_only:
        # A tick box on paper: decoration, hidden from screen readers.
        return '<td class="rg-print-only rg-done" aria-hidden="true">☐</td>'
    blocks = "".join(block(part, root) for part in cell.blocks)
    return f'<td data-label="{escape(label)}">{blocks}</td>'


def _actions(actions: Actions, root: str) -> str:
    buttons = "".join(_button(button, root) for button in actions.buttons)
    return (
        f'<div class="rg-result-actions">{buttons}</div>'
        '<p class="rg-action-status" role="status"></p>'
    )


def _button(button: Button, root: str) -> str:
    classes = "md-button md-button--primary" if button.primary else "md-button"
    done = _data(button.data)
    action = escape(button.action)
    if button.href:
        return (
            f'<a class="{classes}" href="{escape(root + button.href)}" data-action="{action}">'
            f"{escape(button.text)}</a>"
        )
    markup = (
        f'<button type="button" class="{classes}" data-action="{action}"{done}>'
        f"{escape(button.text)}</button>"
    )
    if button.options:
        # Under the row of buttons, closed: its summary says what the options are for.
        return (
            f'{markup}<details class="rg-action-options" data-options-for="{action}">'
            f"{button.options}</details>"
        )
    return markup


def _drawing(move: Move | None, root: str) -> str:
    """An exercise's drawing (nothing for an item without one)."""
    return "" if move is None else move_figure(move.exercise, move.alt, root)


def _print_only(flag: bool) -> str:
    return ' class="rg-print-only rg-done"' if flag else ""


def _data(data: Data) -> str:
    return "".join(f' data-{escape(name)}="{escape(value)}"' for name, value in data)


__all__ = ["Button", "Cell", "render"]
