"""The References page and the calculators' source titles, from data/references.yml.

One file holds every source; it is written out three ways: the page's table of numbers and their
sources, the page's full citations (both Markdown, rendered by the macros), and the titles an
answer shows (`calculators/source_titles.py`). The calculators run in the browser without YAML
and need the titles in every answer, so the titles are written into the package as Python
(`python -m macros.references`, or `make references`) and the build stops if that module is
out of date with the data file.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from calculators.present.library import anchored
from macros.data import (
    ROOT,
    EvidenceSource,
    FullCitation,
    References,
    TitleStyle,
    data_dir,
    display_path,
    load_site_data,
)

TITLES_MODULE = ROOT / "calculators" / "source_titles.py"
_TABLE_HEAD = (
    "| Id | Number | Who it applies to | Source | Status |",
    "|---|---|---|---|---|",
)
_LINE_LENGTH = 100  # ruff's line length (pyproject.toml): the module is written as ruff formats


def evidence_table(references: References) -> str:
    """The "Numbers and their sources" table: one row per source, its id an anchor."""
    return "\n".join((*_TABLE_HEAD, *(_row(source) for source in references.sources)))


def _row(source: EvidenceSource) -> str:
    cells = (
        anchored(source.anchor, source.shown),
        source.number,
        source.applies_to,
        source.source,
        source.status,
    )
    return f"| {' | '.join(cells)} |"


def full_citations(references: References) -> str:
    """The full citations under a level-3 heading per group, each saying whether it was checked."""
    parts = []
    for group in references.groups:
        items = "\n".join(f"- {citation_text(citation)}" for citation in group.citations)
        parts.append(f"### {group.group}\n\n{items}")
    return "\n\n".join(parts)


def citation_text(citation: FullCitation) -> str:
    """One citation in the page's style (authors. title. journal. year;volume. link status).

    >>> print(citation_text(FullCitation(
    ...     authors="Wu G", title="Dietary protein intake and human health", journal="Food",
    ...     year=2016, volume="7(3):1251–1265", doi="10.1039/c5fo01530h", verified=True,
    ...     supports=("P1",))))
    Wu G. Dietary protein intake and human health. *Food*. 2016;7(3):1251–1265. [doi:10.1039/c5fo01530h](https://doi.org/10.1039/c5fo01530h) **Verified.**
    """  # noqa: E501 - a citation is one line
    parts = [f"{citation.authors}." if citation.authors else "", _title(citation)]
    if citation.journal:
        parts.append(f"*{citation.journal}*.")
    published = "; ".join(str(part) for part in (citation.publisher, citation.year) if part)
    if published:
        volume = f";{citation.volume}" if citation.volume else ""
        parts.append(f"{published}{volume}.")
    parts += [_link(citation), citation.detail or "", _status(citation)]
    return " ".join(part for part in parts if part)


def _title(citation: FullCitation) -> str:
    title = citation.title
    if citation.title_style is TitleStyle.ITALIC:
        title = f"*{title}*"
    elif citation.title_style is TitleStyle.QUOTED:
        title = f'"{title}"'
    if citation.series:
        title += f" ({citation.series})"
    return title if title.endswith(('."', ".")) else f"{title}."


def _link(citation: FullCitation) -> str:
    if citation.doi:
        return f"[doi:{citation.doi}](https://doi.org/{citation.doi})"
    if citation.url and citation.url_text:
        return f"[{citation.url_text}]({citation.url})"
    if citation.url:
        # A bare address as its text may break anywhere on a narrow screen (.rg-url).
        shown = citation.url.removeprefix("https://").removeprefix("www.")
        return f"[{shown}]({citation.url}){{ .rg-url }}"
    return ""


def _status(citation: FullCitation) -> str:
    if citation.verified:
        return f"**Verified** ({citation.note})." if citation.note else "**Verified.**"
    return f"**Not verified**: {citation.note}."


# ---------------------------------------------------------------- the calculators' titles


def titles_module(references: References) -> str:
    """The Python module of the titles answers show, formatted as ruff formats it."""
    lines = [
        '"""How an answer or a page names each source: its title and year(s), by evidence id.',
        "",
        "Written from data/references.yml by `make references` (macros/references.py); do not",
        "edit: the build stops when this module and the data file disagree.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from typing import Final",
        "",
        "TITLES: Final[dict[str, tuple[str, str]]] = {",
    ]
    for source in references.sources:
        # A row without an answer's title is named by its Source cell ("Kortebein 2007").
        named = (
            (source.cite.title, source.cite.year) if source.cite else (_plain(source.source), "")
        )
        key, title, year = (json.dumps(text, ensure_ascii=False) for text in (source.id, *named))
        one_line = f"    {key}: ({title}, {year}),"
        if len(one_line) <= _LINE_LENGTH:
            lines.append(one_line)
        else:
            lines += [
                f"    {key}: (",
                *_string_lines(title, "        "),
                f"        {year},",
                "    ),",
            ]
    lines.append("}")
    return "\n".join(lines) + "\n"


def _plain(markdown: str) -> str:
    """A table cell's words without its Markdown: links keep their text, bold its words."""
    return re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown).replace("**", "")


def _string_lines(literal: str, indent: str) -> list[str]:
    """A JSON string literal as lines within the line length (implicit concatenation), + ","."""
    words = json.loads(literal).split(" ")
    lines: list[str] = []
    chunk = ""
    for word in words:
        candidate = f"{chunk} {word}" if chunk else word
        if chunk and len(indent) + len(json.dumps(candidate + " ", ensure_ascii=False)) > 99:
            lines.append(indent + json.dumps(chunk + " ", ensure_ascii=False))
            chunk = word
        else:
            chunk = candidate
    lines.append(indent + json.dumps(chunk, ensure_ascii=False) + ",")
    return lines


def stale_titles(references: References, module: Path = TITLES_MODULE) -> str | None:
    """Why the titles module is out of date with the data, or None when it is current."""
    try:
        current = module.read_text(encoding="utf-8")
    except FileNotFoundError:
        current = ""
    if current == titles_module(references):
        return None
    return (
        f"{display_path(module)} is out of date with the References data file: "
        "run `make references` and commit the result"
    )


def main() -> None:
    """Write calculators/source_titles.py from the data folder's references.yml."""
    references = load_site_data(data_dir()).references
    TITLES_MODULE.write_text(titles_module(references), encoding="utf-8")
    print(f"wrote {display_path(TITLES_MODULE)}", file=sys.stderr)


if __name__ == "__main__":
    main()
