"""`import calculators.api` pulls in only listed standard-library modules, never a network stack.

Every module the calculators import is downloaded and compiled in the reader's browser before the
first answer: one careless import (xml.sax.saxutils pulled in urllib.request, http.client and
email) cost 0.35-0.6 s of every cold start. The lists live in engine/engine_stdlib.toml, which the
build also uses to trim the standard library it ships.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass

import pytest

from harness import ROOT
from postbuild import engine

# Run in a fresh interpreter: isolated (-I: no user site, no PYTHON* variables), without `site`
# (-S: nothing imported before us, so the whole closure shows), the project root as sys.path.
# The probe imports nothing before calculators.api (sys is built in), so nothing hides. It also
# imports what the engine loads later, on a first request about the reader's record (issue 24),
# since the shipped standard library must hold that too.
LATER = (
    "calculators.record_api",
    "calculators.present.progress",
    "calculators.present.appointment",
)
PROBE = f"""
import sys
sys.path[:] = [{str(ROOT)!r}, *[p for p in sys.path if "site-packages" not in p]]
before = set(sys.modules)
import calculators.api
for later in {LATER!r}:
    __import__(later)
print("\\n".join(sorted(set(sys.modules) - before)))
"""


@dataclass(frozen=True)
class Closure:
    """The stdlib modules `import calculators.api` imported, and the -X importtime log."""

    modules: frozenset[str]
    importtime: str


@pytest.fixture(scope="module")
def closure() -> Closure:
    """Import calculators.api once in a fresh CPython and record what came in with it."""
    done = subprocess.run(
        [sys.executable, "-I", "-S", "-X", "importtime", "-c", PROBE],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    imported = done.stdout.split()
    stdlib = frozenset(name for name in imported if name.split(".")[0] != "calculators")
    return Closure(stdlib, done.stderr)


def import_chain(importtime: str, module: str) -> list[str]:
    """Who imported `module`, outermost first, read from `python -X importtime` output.

    The log lists a module after everything it imported, indented one step deeper than its
    importer, so the importer is the next line below with a shallower indent.

    >>> log = '''import time: self [us] | cumulative | imported package
    ... import time:   1 |   1 |     b
    ... import time:   1 |   2 |   a
    ... import time:   1 |   3 | top'''
    >>> import_chain(log, "b")
    ['top', 'a', 'b']
    """
    rows = []
    for line in importtime.splitlines():
        if line.startswith("import time:") and line.count("|") == 2:
            name = line.rsplit("|", 1)[1]
            rows.append((len(name) - len(name.lstrip()), name.strip()))
    found = [i for i, (_, name) in enumerate(rows) if name == module]
    if not found:
        return [module]
    index = found[0]
    chain = [module]
    depth = rows[index][0]
    for indent, name in rows[index + 1 :]:
        if indent < depth:
            chain.insert(0, name)
            depth = indent
    return chain


def explain(closure: Closure, modules: set[str]) -> str:
    """One line per module: the import chain that brought it in."""
    return "\n".join(
        " -> ".join(import_chain(closure.importtime, name)) for name in sorted(modules)
    )


def test_calculators_import_only_listed_stdlib_modules(closure: Closure) -> None:
    """Every stdlib module calculators.api imports is in engine_stdlib.toml's `calculators` list."""
    unlisted = set(closure.modules - engine.stdlib_lists().calculators)
    assert not unlisted, (
        "calculators.api imports stdlib modules not in engine/engine_stdlib.toml (each one is "
        f"downloaded before a reader's first answer):\n{explain(closure, unlisted)}"
    )


def test_calculators_import_no_forbidden_module(closure: Closure) -> None:
    """No network stack or other heavy subsystem (http, email, xml, ssl, asyncio...) comes in."""
    lists = engine.stdlib_lists()
    forbidden = {name for name in closure.modules if lists.is_forbidden(name)}
    assert not forbidden, (
        f"calculators.api imports forbidden modules:\n{explain(closure, forbidden)}"
    )


def test_no_listed_module_is_forbidden() -> None:
    """The allow-list cannot smuggle in what the forbidden list rules out."""
    lists = engine.stdlib_lists()
    assert sorted(name for name in lists.calculators if lists.is_forbidden(name)) == []


def test_import_chain_names_the_importers(closure: Closure) -> None:
    """The failure message can say which of our modules pulled a stdlib module in."""
    chain = import_chain(closure.importtime, "json.decoder")
    assert chain[-2:] == ["json", "json.decoder"]
    assert chain[0].startswith("calculators")
