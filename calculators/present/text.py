"""A view as plain text for the command line: the same words as the page, laid out in lines."""

from __future__ import annotations

from calculators.present.view import (
    Actions,
    Block,
    Chart,
    Cite,
    Fold,
    Group,
    Heading,
    Items,
    Line,
    Link,
    Move,
    Paragraph,
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
)

INDENT = "  "


def render(view: View) -> str:
    """The whole view as lines of text (charts and buttons are left out)."""
    lines: list[str] = []
    for part in view.blocks:
        lines += block(part)
    return "\n".join(lines)


def block(part: Block, depth: int = 0) -> list[str]:  # noqa: PLR0911 - one branch a block type
    """One block as lines, indented by `depth`."""
    pad = INDENT * depth
    if isinstance(part, Paragraph):
        return [pad + line(part.line)]
    if isinstance(part, Heading):
        return [f"{pad}{part.text}:"]
    if isinstance(part, Items):
        return [
            f"{pad}{INDENT}{f'{number}.' if part.ordered else '-'} {line(item.line)}"
            for number, item in enumerate(part.items, 1)
        ]
    if isinstance(part, Warning):
        return [f"{pad}{part.title}: {line(cited(part.message))}".rstrip(": ")] + [
            f"{pad}{INDENT}- {line(item.line)}" for item in part.items
        ]
    if isinstance(part, Table):
        return _table(part, depth)
    if isinstance(part, Fold):
        return [f"{pad}{part.summary}:"] + [t for piece in part.blocks for t in block(piece, depth)]
    if isinstance(part, Group):
        lines = [text for piece in part.blocks for text in block(piece, depth + 2)]
        head = f"{pad}{INDENT}{part.heading}"
        return [f"{head}: {lines[0].strip()}", *lines[1:]] if lines else [head]
    if isinstance(part, Sources):
        names = [f"{pad}{INDENT}- {source_name(ident)}" for ident in distinct_sources(part.ids)]
        return [f"{pad}Sources (on the References page):", *names] if part.ids else []
    if isinstance(part, Section):
        # The command line is a screen: the compact version for paper is left out.
        inner = [] if part.media == "print" else part.blocks
        return [text for piece in inner for text in block(piece, depth)]
    if isinstance(part, Chart | Move | Actions):
        return []
    return []  # pragma: no cover - every block type is handled above


def line(parts: Line) -> str:
    """Inline pieces as text (a link is its text; a citation names its sources)."""
    return "".join(_inline(part) for part in parts)


def _inline(part: Value | Typed | Link | Cite | str) -> str:
    if isinstance(part, Value | Typed | Link):
        return part.text
    if isinstance(part, Cite):
        return f"({part.word}: {part.names})"
    return "".join(_inline(piece) if isinstance(piece, Cite) else piece for piece in cited(part))


def _table(table: Table, depth: int) -> list[str]:
    pad = INDENT * depth
    lines = [f"{pad}{table.caption}:"]
    for row in table.rows:
        inner: list[str] = []
        for cell in row.cells:
            if cell.print_only:
                continue
            for part in cell.blocks:
                inner += block(part, depth + 2)
        head = f"{pad}{INDENT}{row.header}"
        if inner:
            lines.append(f"{head}: {inner[0].strip()}")
            lines += inner[1:]
        else:
            lines.append(head)
    return lines


# The command line's own words (its help and the exercise file's problems), beside its layout.
CLI_DESCRIPTION = "Regain's calculators: a protein target, a weekly plan and a self-check."
CLI_EXERCISES_HELP = "exercise library, YAML or JSON (default: data/exercises.yml)"
CLI_JSON_HELP = "print the wire envelope"


def cli_file_problem(path: object, problem: str, detail: object = "") -> str:
    """What the command line says when the exercise file cannot be used."""
    words = {
        "unreadable": f"cannot read the exercise file {path}: {detail}",
        "json": f"{path} is not valid JSON: {detail}",
        "yaml": f"{path} is not valid YAML: {detail}",
        "not-a-list": f"{path} must hold a list of exercises",
    }
    return words[problem]
