"""Reader sentences live in `calculators/present/` (issue 23 point 1): a ratchet until they all do.

A "sentence" here is what the issue counted: a string of four words or more outside docstrings
(an f-string counts once, its literal parts joined). Markup (`<`, `="`) is not a sentence; the
drawing model's build-time checks (`calculators/figure/`) speak to the people editing poses, not
to readers; `source_titles.py` is data, written from data/references.yml. Each calculator module
outside `present/` that still holds sentences is listed in `NOT_YET_CLEAN` with its count today:
the count may only fall, and the list is kept exact, so a module that moves its words out must
leave the list (the test says so), and no other module may gain a sentence.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "calculators"
EXEMPT = ("present", "figure", "source_titles.py")

# Module (relative to calculators/) -> sentences it still holds. Only ever lower these.
NOT_YET_CLEAN: dict[str, int] = {
    "api.py": 4,
    "cli.py": 7,
    "exercises.py": 14,
    "function.py": 2,
    "inputs.py": 2,
    "schedule.py": 1,
}


def _docstring_nodes(tree: ast.Module) -> set[int]:
    """Ids of docstrings (module, class, function) and bare string statements (attribute docs)."""
    return {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    }


def _is_sentence(text: str) -> bool:
    return len(text.split()) >= 4 and "<" not in text and '="' not in text


def sentences(source: str) -> list[tuple[int, str]]:
    r"""(line, text) of each string of four words or more outside docstrings.

    >>> sentences('X = "Ask your doctor first."\n"Not this one: a bare string is a doc."\n')
    [(1, 'Ask your doctor first.')]
    >>> sentences('def f(n):\n    return f"Have {n} g at each meal."\n')
    [(2, 'Have {} g at each meal.')]
    """
    tree = ast.parse(source)
    docs = _docstring_nodes(tree)
    parts_of_fstrings: set[int] = set()
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            text = "".join(
                part.value if isinstance(part, ast.Constant) else "{}" for part in node.values
            )
            parts_of_fstrings.update(id(part) for part in node.values)
            if _is_sentence(text):
                found.append((node.lineno, text))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docs
            and id(node) not in parts_of_fstrings
            and _is_sentence(node.value)
        ):
            found.append((node.lineno, node.value))
    return sorted(found)


def _modules() -> dict[str, list[tuple[int, str]]]:
    return {
        path.relative_to(PACKAGE).as_posix(): sentences(path.read_text(encoding="utf-8"))
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.relative_to(PACKAGE).parts[0] not in EXEMPT
    }


def test_no_new_module_outside_present_holds_a_reader_sentence() -> None:
    """A module that is clean today (triage.py, results.py, steps.py, …) stays clean."""
    offenders = {
        name: found[:3] for name, found in _modules().items() if found and name not in NOT_YET_CLEAN
    }
    assert not offenders, f"reader sentences belong in calculators/present/ (issue 23): {offenders}"


@pytest.mark.parametrize("name", sorted(NOT_YET_CLEAN))
def test_a_module_not_yet_clean_never_gains_a_sentence(name: str) -> None:
    """The count only falls, and the list says exactly what is left to move."""
    held = len(_modules().get(name, []))
    listed = NOT_YET_CLEAN[name]
    assert held <= listed, f"calculators/{name} gained sentences: {held} > {listed}"
    assert held == listed, (
        f"calculators/{name} holds {held} sentences now, fewer than {listed}: lower its count in "
        "NOT_YET_CLEAN (or remove it at 0), so the ratchet holds"
    )
