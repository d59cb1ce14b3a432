"""The schema of data/references.yml: the References table's rows and the full citations."""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated, Self

from pydantic import (
    AfterValidator,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
    model_validator,
)

from macros.data.fields import KNOWN_SOURCES, Text, _Model, _reference


class Checked(enum.StrEnum):
    """How far a source's numbers were checked (EVIDENCE.md's V, S and U, and uncited advice)."""

    CHECKED = "checked"
    SECONDARY = "secondary"
    NOT_CHECKED = "not-checked"
    UNCITED = "uncited"


# How the Status column opens for each level, as the page's key words them.
STATUS_OPENINGS: Mapping[Checked, tuple[str, ...]] = {
    Checked.CHECKED: ("Checked",),
    Checked.SECONDARY: ("Secondary",),
    Checked.NOT_CHECKED: ("**Not yet checked**", "Not checked"),
    Checked.UNCITED: ("",),
}


def _source_id(value: str) -> str:
    """A row id: an evidence id (P1, M7, NICE-NG42) or a word (Article, NIH)."""
    if not re.fullmatch(r"[A-Z]{1,2}\d{1,2}|NICE-NG\d{2,3}|[A-Z][A-Za-z]+", value):
        message = f"{value!r} is not a source id; write e.g. 'E3', 'NICE-NG42' or 'Article'"
        raise ValueError(message)
    return value


def _cell(value: str) -> str:
    """Text of one table cell: one line, no '|' (it would split the cell)."""
    if "|" in value or "\n" in value:
        message = "holds '|' or a line break, which would break the table; write it on one line"
        raise ValueError(message)
    return value


def _doi(value: str) -> str:
    """A DOI as Crossref writes modern ones: 10.<registrant>/<suffix>, without doi.org."""
    if not re.fullmatch(r"10\.\d{4,9}/[-._;()/:A-Za-z0-9]+", value):
        message = f"{value!r} is not a DOI; write it as 10.xxxx/suffix, without 'doi:' or a link"
        raise ValueError(message)
    return value


def _https(value: str) -> str:
    """A link outside the site is https."""
    if not re.fullmatch(r"https://[^\s]+", value):
        message = f"{value!r} is not an https:// link"
        raise ValueError(message)
    return value


SourceId = Annotated[StrictStr, AfterValidator(_source_id)]
# A citation supports rows of the table: each id it names must be one of its rows.
SourceRef = Annotated[
    SourceId, _reference(KNOWN_SOURCES, "source", "ids are the 'sources' of this file")
]
CellText = Annotated[Text, AfterValidator(_cell)]
Doi = Annotated[StrictStr, AfterValidator(_doi)]
HttpsUrl = Annotated[StrictStr, AfterValidator(_https)]
Year = Annotated[StrictInt, Field(gt=1900)]


class ReaderCitation(_Model):
    """How an answer names a source to a reader: a short title and its year(s), if any."""

    title: Text
    year: StrictStr = ""


class EvidenceSource(_Model):
    """One row of the References table: a source id, its numbers and how far it was checked."""

    id: SourceId
    label: CellText | None = None
    number: CellText
    applies_to: CellText
    source: CellText
    checked: Checked
    status: CellText
    cite: ReaderCitation | None = None

    @model_validator(mode="after")
    def _status_says_its_level(self) -> Self:
        """The Status column opens with the words of its level, so the two cannot disagree."""
        openings = STATUS_OPENINGS[self.checked]
        if not self.status.startswith(openings):
            allowed = " or ".join(repr(opening) for opening in openings)
            message = f"status must begin with {allowed} for checked: {self.checked.value}"
            raise ValueError(message)
        return self

    @property
    def anchor(self) -> str:
        """The row's id on the References page ("NICE-NG42" -> "nice-ng42")."""
        return self.id.lower()

    @property
    def shown(self) -> str:
        """The id as the table shows it."""
        return self.label or self.id


class TitleStyle(enum.StrEnum):
    """How a citation's title is set: plain (articles), italic (books, reports), quoted (web)."""

    PLAIN = "plain"
    ITALIC = "italic"
    QUOTED = "quoted"


class FullCitation(_Model):
    """One full citation: who, what, where, its DOI or link, and whether we checked it."""

    authors: Text | None = None
    title: Text
    title_style: TitleStyle = TitleStyle.PLAIN
    series: Text | None = None
    journal: Text | None = None
    publisher: Text | None = None
    year: Year | None = None
    volume: Text | None = None
    doi: Doi | None  # required: `null` says the evidence file lists none (never make one up)
    url: HttpsUrl | None = None
    url_text: Text | None = None
    detail: Text | None = None
    verified: StrictBool
    note: Text | None = None
    supports: tuple[SourceRef, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        """A DOI only on a checked citation; an unchecked one says why; one link at most."""
        if self.doi is not None and not self.verified:
            message = "a DOI is linked only on a verified citation; check it or remove the DOI"
            raise ValueError(message)
        if not self.verified and self.note is None:
            message = "a citation that is not verified needs a 'note' saying why"
            raise ValueError(message)
        if self.doi is not None and self.url is not None:
            message = "give a 'doi' or a 'url', not both"
            raise ValueError(message)
        if self.url_text is not None and self.url is None:
            message = "'url_text' needs a 'url'"
            raise ValueError(message)
        if self.volume is not None and self.year is None:
            message = "'volume' needs a 'year'"
            raise ValueError(message)
        return self


class CitationGroup(_Model):
    """A heading of the full citations and the citations under it."""

    group: Text
    citations: tuple[FullCitation, ...] = Field(min_length=1)


@dataclass(frozen=True)
class References:
    """data/references.yml: the table's rows and the full citations, grouped."""

    sources: tuple[EvidenceSource, ...]
    groups: tuple[CitationGroup, ...]
