"""data/references.yml is the one source of the References page and the calculators' titles."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from calculators import evidence
from macros import references
from macros.data import REFERENCES_FILE, DataError, References, data_dir, load_site_data

# A change to the parsed file: edits the mapping in place.
Edit = Callable[[dict[str, Any]], None]


def _references() -> References:
    return load_site_data(data_dir()).references


def _problems(tmp_path: Path, edit: Edit) -> tuple[str, ...]:
    """The problems loading a copy of data/ reports after one edit of references.yml."""
    directory = tmp_path / "data"
    shutil.copytree(data_dir(), directory)
    path = directory / REFERENCES_FILE
    content = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(content)
    path.write_text(yaml.safe_dump(content, sort_keys=False, allow_unicode=True), "utf-8")
    with pytest.raises(DataError) as caught:
        load_site_data(directory)
    return caught.value.problems


def test_calculators_titles_module_is_written_from_the_data() -> None:
    """calculators/source_titles.py is exactly what `make references` writes from the data."""
    assert references.stale_titles(_references()) is None


def test_stale_titles_module_is_reported(tmp_path: Path) -> None:
    """A titles module that disagrees with the data is named, with the command that fixes it."""
    module = tmp_path / "source_titles.py"
    module.write_text("TITLES = {}\n", encoding="utf-8")
    assert "run `make references`" in str(references.stale_titles(_references(), module))


def test_every_answer_title_comes_from_its_row() -> None:
    """Each id an answer can cite is written out with its row's `cite` title and year."""
    rows = {source.id: source for source in _references().sources}
    for source in evidence.Source:
        cite = rows[source.value].cite
        assert cite is not None
        assert evidence.CITATIONS[source] == evidence.Citation(cite.title, cite.year)


def test_every_citation_supports_a_row() -> None:
    """Each full citation names the rows it supports, all of them rows of the table."""
    ids = {source.id for source in _references().sources}
    for group in _references().groups:
        for citation in group.citations:
            assert set(citation.supports) <= ids


def test_citation_is_rendered_in_the_page_style() -> None:
    """Authors, title, journal, year;volume, DOI link and the check mark, in that order."""
    bull = next(
        citation
        for group in _references().groups
        for citation in group.citations
        if citation.authors and citation.authors.startswith("Bull FC")
    )
    assert references.citation_text(bull) == (
        "Bull FC, Al-Ansari SS, Biddle S, et al. World Health Organization 2020 guidelines on "
        "physical activity and sedentary behaviour. *British Journal of Sports Medicine*. "
        "2020;54(24):1451–1462. [doi:10.1136/bjsports-2020-102955]"
        "(https://doi.org/10.1136/bjsports-2020-102955) **Verified.**"
    )


def test_table_row_carries_its_anchor() -> None:
    """Each table row starts with its id as an anchor the citations link to."""
    table = references.evidence_table(_references())
    assert '| <span id="nice-ng42">NICE NG42</span> | Warning signs' in table
    assert table.count("\n| <span id=") == len(_references().sources)


def _set_source(index: int, field: str, value: object) -> Edit:
    return lambda content: content["sources"][index].__setitem__(field, value)


def _set_citation(group: int, index: int, field: str, value: object) -> Edit:
    return lambda content: content["citations"][group]["citations"][index].__setitem__(field, value)


@pytest.mark.parametrize(
    ("edit", "line"),
    [
        (
            _set_source(2, "status", "Secondary"),
            "data/references.yml: entry 'P1' (index 2): status must begin with 'Checked' for "
            "checked: checked",
        ),
        (
            _set_source(2, "number", "a | b"),
            "data/references.yml: entry 'P1' (index 2): field 'number': holds '|' or a line "
            "break, which would break the table; write it on one line",
        ),
        (
            _set_source(2, "id", "p1"),
            "data/references.yml: entry 'p1' (index 2): field 'id': 'p1' is not a source id; "
            "write e.g. 'E3', 'NICE-NG42' or 'Article'",
        ),
        (
            _set_citation(1, 0, "doi", "doi:10.1039/c5fo01530h"),
            "data/references.yml: entry 'Protein and nutrition' (index 1): field "
            "'citations[0].doi': 'doi:10.1039/c5fo01530h' is not a DOI; write it as "
            "10.xxxx/suffix, without 'doi:' or a link",
        ),
        (
            _set_citation(1, 0, "verified", False),
            "data/references.yml: entry 'Protein and nutrition' (index 1): field "
            "'citations[0]': a DOI is linked only on a verified citation; check it or remove "
            "the DOI",
        ),
        (
            _set_citation(1, 0, "supports", ["P99"]),
            "data/references.yml: entry 'Protein and nutrition' (index 1): field "
            "'citations[0].supports[0]': unknown source id 'P99'; did you mean 'P9'? (ids are "
            "the 'sources' of this file)",
        ),
        (
            lambda content: content["citations"][1]["citations"][0].pop("doi"),
            "data/references.yml: entry 'Protein and nutrition' (index 1): field "
            "'citations[0].doi': missing; it is required",
        ),
    ],
)
def test_broken_entry_is_reported_on_one_exact_line(tmp_path: Path, edit: Edit, line: str) -> None:
    """A broken source or citation names the file, the entry, the field and what is allowed."""
    problems = _problems(tmp_path, edit)
    shown = [problem.replace(str(tmp_path / "data"), "data") for problem in problems]
    assert line in shown


def test_source_an_answer_cites_must_have_a_title(tmp_path: Path) -> None:
    """Dropping the answer title of a cited id stops the build, naming the entry."""
    problems = _problems(tmp_path, lambda content: content["sources"][2].pop("cite"))
    assert [p.replace(str(tmp_path / "data"), "data") for p in problems] == [
        "data/references.yml: entry 'P1' (index 2): field 'cite': the calculators cite P1, so "
        "it needs the title an answer shows"
    ]
