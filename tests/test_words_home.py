"""Reader sentences live in `calculators/present/` (issue 23 point 1), and only there.

A "sentence" here is what the issue counted: a string of four words or more outside docstrings
(an f-string counts once, its literal parts joined). Markup (`<`, `="`) is not a sentence; the
drawing model's build-time checks (`calculators/figure/`) speak to the people editing poses, not
to readers; `source_titles.py` is data, written from data/references.yml; the message of a
`raise TypeError(...)` (or ValueError, ...) reports a bug to a programmer. Every other module of
the package holds none (it held 208 when this test was a ratchet, ~300 when the issue counted).
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "calculators"
EXEMPT = ("present", "figure", "source_titles.py")


def _docstring_nodes(tree: ast.Module) -> set[int]:
    """Ids of docstrings (module, class, function) and bare string statements (attribute docs)."""
    return {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    }


# Exceptions that report a bug to a programmer; a reader never sees their words (the wire turns
# any of them into the one "something went wrong" message of calculators/present/errors.py).
PROGRAMMER_ERRORS = {"TypeError", "ValueError", "AssertionError", "RuntimeError", "KeyError"}


def _programmer_errors(tree: ast.Module) -> set[int]:
    r"""Ids of the message strings of `raise TypeError(...)` and the like (inline or via a name).

    >>> src = 'def f(x):\n    msg = f"field {x} declares no bound"\n    raise TypeError(msg)\n'
    >>> sentences(src)
    []
    """
    raised: set[str] = set()
    found: set[int] = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Raise)
            and isinstance(node.exc, ast.Call)
            and isinstance(node.exc.func, ast.Name)
            and node.exc.func.id in PROGRAMMER_ERRORS
        ):
            for arg in node.exc.args:
                if isinstance(arg, ast.Name):
                    raised.add(arg.id)
                elif isinstance(arg, ast.Constant | ast.JoinedStr):
                    found.add(id(arg))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and node.targets[0].id in raised
            and isinstance(node.value, ast.Constant | ast.JoinedStr)
        ):
            found.add(id(node.value))
    return found


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
    docs = _docstring_nodes(tree) | _programmer_errors(tree)
    parts_of_fstrings: set[int] = set()
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            text = "".join(
                part.value if isinstance(part, ast.Constant) else "{}" for part in node.values
            )
            parts_of_fstrings.update(id(part) for part in node.values)
            if id(node) not in docs and _is_sentence(text):
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


def test_no_module_outside_present_holds_a_reader_sentence() -> None:
    """The calculators return reasons and numbers; present/ words them (one home per sentence)."""
    offenders = {name: found[:3] for name, found in _modules().items() if found}
    assert not offenders, f"reader sentences belong in calculators/present/ (issue 23): {offenders}"


# The boundaries that turn reasons into words: the wire (`api.py`) and the command line
# (`cli.py`, which prints the wire's answers). Every other module is below present/.
BOUNDARIES = ("api.py", "cli.py", "record_api.py")  # the wire, the command line, the record's wire


def present_imports(source: str) -> list[int]:
    r"""The lines of `source` that import `calculators.present` (or a module of it).

    >>> present_imports("from calculators.present import field_words\nimport json\n")
    [1]
    >>> present_imports("from calculators import present\nimport calculators.present.html\n")
    [1, 2]
    >>> present_imports("from calculators.plan import PlanResult\n")
    []
    """
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module is not None:
            module = node.module
            names = {alias.name for alias in node.names}
            if module.startswith("calculators.present") or (
                module == "calculators" and "present" in names
            ):
                found.append(node.lineno)
        elif isinstance(node, ast.Import) and any(
            alias.name.startswith("calculators.present") for alias in node.names
        ):
            found.append(node.lineno)
    return sorted(found)


def test_no_domain_module_imports_present() -> None:
    """Calculators raise and return reasons; only present/ and the boundaries import present/."""
    offenders = {
        path.relative_to(PACKAGE).as_posix(): lines
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.relative_to(PACKAGE).parts[0] != "present"
        and path.relative_to(PACKAGE).as_posix() not in BOUNDARIES
        and (lines := present_imports(path.read_text(encoding="utf-8")))
    }
    assert not offenders, f"a calculator module imports present/ (a backwards import): {offenders}"
