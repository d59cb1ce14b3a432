"""The facts the engine's JavaScript and Python share have one home: engine/constants.toml.

docs/javascripts/constants.mjs is made from it; `REGAIN_WRITE_CONSTANTS=1 pytest
tests/test_engine_constants.py` writes it again after the TOML changed.
"""

from __future__ import annotations

import ast
import json
import os
import re
from functools import cache
from pathlib import Path, PurePosixPath
from typing import Any

import pytest

from postbuild import engine

ROOT = Path(__file__).resolve().parent.parent
MODULE = ROOT / "docs" / "javascripts" / "constants.mjs"
WORKER = ROOT / "docs" / "javascripts" / "calc-worker.mjs"
# The bench's Node probe: boots the engine as the worker does to count its modules.
PROBE = ROOT / "bench" / "engine_probe.mjs"
HEADER = (
    "// The facts the engine's JavaScript shares with its Python build, made from\n"
    "// engine/constants.toml (read it for what each is and why; edit it, never this file):\n"
    "// REGAIN_WRITE_CONSTANTS=1 pytest tests/test_engine_constants.py writes this file again.\n"
)
# Every JavaScript file of ours: the page's and the worker's, the Node scripts of the build and
# the bench.
JAVASCRIPT = sorted(
    [
        *(ROOT / "docs" / "javascripts").rglob("*.mjs"),
        *(ROOT / "engine").glob("*.mjs"),
        *(ROOT / "bench").glob("*.mjs"),
    ]
)


def javascript_value(value: Any) -> str:
    """A TOML value as JavaScript: lists frozen, the rest as JSON writes it."""
    if isinstance(value, list):
        return f"Object.freeze({json.dumps(value)})"
    return json.dumps(value)


def javascript_module(shared: dict[str, dict[str, Any]]) -> str:
    """constants.mjs: one `export const KEY = value;` per key, table by table."""
    lines = [HEADER]
    for table, values in shared.items():
        lines.append(f"\n// [{table}]\n")
        lines += [
            f"export const {key.upper()} = {javascript_value(value)};\n"
            for key, value in values.items()
        ]
    return "".join(lines)


def test_keys_are_unique_across_tables() -> None:
    """Each key names one fact: JavaScript sees them all in one namespace."""
    keys = [key for values in engine.shared_constants().values() for key in values]
    assert len(keys) == len(set(keys))


def test_javascript_constants_are_made_from_the_toml() -> None:
    """docs/javascripts/constants.mjs says exactly what engine/constants.toml says."""
    made = javascript_module(engine.shared_constants())
    if os.environ.get("REGAIN_WRITE_CONSTANTS") == "1":
        MODULE.write_text(made, encoding="utf-8")
    assert MODULE.read_text(encoding="utf-8") == made


def quoted(value: Any) -> list[str]:
    """How a JavaScript file would restate a constant: its string in quotes, or its number."""
    if isinstance(value, list):
        return [form for item in value for form in quoted(item)]
    if isinstance(value, str):
        return [f'"{value}"', f"'{value}'", f"`{value}`"]
    return [str(value), f"{value:_}"]


# The values that are a fact's signature (a generic word such as "engine" or "protein" is not).
SIGNATURES = (
    "stall_ms",
    "start_work_ms",
    "answer_timeout_ms",
    "stdlib_archive",
    "calculators_archive",
    "engine_manifest",
    "package_dir",
    "self_test_input",
    "exercise_library",
    "snapshot_cache",
)
STATED = [
    (key, form)
    for values in engine.shared_constants().values()
    for key, value in values.items()
    if key in SIGNATURES
    for form in quoted(value)
]


@pytest.mark.parametrize(("key", "form"), STATED)
def test_no_javascript_restates_a_shared_constant(key: str, form: str) -> None:
    """No JavaScript file of ours writes a shared constant's value: it imports constants.mjs."""
    holders = [
        path.relative_to(ROOT).as_posix()
        for path in JAVASCRIPT
        if path != MODULE
        and re.search(rf"(?<![\w.-]){re.escape(form)}(?![\w])", path.read_text("utf-8"))
    ]
    assert holders == [], key


# Every Python file of ours: the build, the calculators, the bench, the harness, the tests.
PYTHON = sorted(
    path
    for folder in ROOT.iterdir()
    if folder.is_dir()
    and not folder.name.startswith(".")
    and folder.name not in {"node_modules", "site"}
    for path in folder.rglob("*.py")
)
# The bench's own tests feed its measuring code a made-up site and made-up URLs: a file name there
# is an example input (as in bench/budgets.toml's keys), not the engine's file.
MADE_UP_INPUTS = {"tests/test_bench_gates.py", "tests/test_bench_run.py"}


@cache
def python_strings(path: Path) -> tuple[str, ...]:
    """A Python file's string literals (f-strings' literal parts too), docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    return tuple(
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    )


def python_forms(value: str) -> list[str]:
    """How Python would restate a shared name: whole, or a file path's last part (`/` joins)."""
    path = PurePosixPath(value)
    return [value, path.name] if "/" in value and path.suffix else [value]


# The names only: a Python test's own hang guard may equal one of the clocks by chance
# (bench/latency.py waits 30 s for an answer), which is no restatement.
PYTHON_STATED = [
    (key, form)
    for values in engine.shared_constants().values()
    for key, value in values.items()
    if key in SIGNATURES and isinstance(value, str)
    for form in python_forms(value)
]


@pytest.mark.parametrize(("key", "form"), PYTHON_STATED)
def test_no_python_restates_a_shared_name(key: str, form: str) -> None:
    """No Python file of ours writes a shared file name or value: it reads engine/constants.toml.

    Through `postbuild.engine` (ENGINE_DIR, CALCULATORS_ARCHIVE, ENGINE_MANIFEST,
    `shared_constants()`) or `postbuild.data.EXERCISE_LIBRARY`. Docstrings and comments may name
    a file; a string the code uses may not.
    """
    pattern = re.compile(rf"(?<![\w.-]){re.escape(form)}(?![\w-])")
    holders = [
        name
        for path in PYTHON
        if (name := path.relative_to(ROOT).as_posix()) not in MADE_UP_INPUTS
        and any(pattern.search(text) for text in python_strings(path))
    ]
    assert holders == [], key


def test_the_worker_imports_pyodide_from_the_engine_folder() -> None:
    """The worker's one static import of Pyodide names the engine folder and its first file."""
    shared = engine.shared_constants()["files"]
    worker = WORKER.read_text(encoding="utf-8")
    wanted = f'from "../{shared["engine_dir"]}/{shared["runtime_files"][0]}";'
    assert wanted in worker


# What the worker reads that the probe has no use for: the download progress and the memory
# snapshot (a browser's; the probe counts a fresh start).
WORKER_ONLY = {"DOWNLOAD_FILES", "SNAPSHOT_CACHE", "SNAPSHOT_HEAP_OFFSET_AT"}
# What the probe reads that the worker writes in its static import of Pyodide (checked above).
PROBE_ONLY = {"RUNTIME_FILES"}


def imported_constants(path: Path) -> set[str]:
    """The names a JavaScript file imports from constants.mjs."""
    found = re.search(
        r'import\s*\{(?P<names>[^}]*)\}\s*from\s*"[./]*(?:docs/javascripts/)?constants\.mjs"',
        path.read_text(encoding="utf-8"),
    )
    assert found is not None, path
    return {name.strip() for name in found["names"].split(",") if name.strip()}


def test_the_probe_starts_the_engine_with_the_workers_constants() -> None:
    """bench/engine_probe.mjs reads every constant of the worker's fresh start from constants.mjs.

    When the worker starts reading another shared fact, the probe (which counts the modules of
    that start) must read it too, not write its own copy.
    """
    worker, probe = imported_constants(WORKER), imported_constants(PROBE)
    assert worker - WORKER_ONLY == probe - PROBE_ONLY


def test_the_build_uses_the_shared_file_names() -> None:
    """postbuild/engine.py ships the files the TOML names, under the folder it names."""
    shared = engine.shared_constants()["files"]
    assert tuple(shared["runtime_files"]) == engine.ENGINE_FILES
    assert tuple(shared["download_files"]) == engine.DOWNLOAD_FILES
    assert set(engine.DOWNLOAD_FILES) <= set(engine.ENGINE_FILES)
    assert shared["engine_dir"] == engine.ENGINE_DIR
