"""The build ships only the engine files a pure-Python engine needs, and our own calculators."""

from __future__ import annotations

import io
import json
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from helpers.browser import cpython, golden_cases

from harness import ROOT, BuiltSite
from postbuild import engine
from postbuild.data import EXERCISE_LIBRARY
from postbuild.errors import BuildStepError


def test_engine_directory_holds_exactly_the_needed_files(built_site: BuiltSite) -> None:
    """site/engine/ has the four Pyodide files, our archive and a version file; nothing else."""
    shipped = sorted(p.name for p in (built_site.path / engine.ENGINE_DIR).iterdir())
    assert shipped == sorted(
        [*engine.ENGINE_FILES, engine.CALCULATORS_ARCHIVE, engine.ENGINE_MANIFEST]
    )


def test_engine_files_are_the_pinned_npm_package(built_site: BuiltSite) -> None:
    """Each shipped engine file but the trimmed stdlib is node_modules/pyodide's, byte for byte."""
    source = ROOT / "node_modules" / "pyodide"
    pinned = json.loads((ROOT / "package.json").read_text())["dependencies"]["pyodide"]
    assert json.loads((source / "package.json").read_text())["version"] == pinned
    shipped = built_site.path / engine.ENGINE_DIR
    for name in engine.ENGINE_FILES:
        if name != engine.STDLIB_ARCHIVE:
            assert (shipped / name).read_bytes() == (source / name).read_bytes()


def shipped_stdlib(site: BuiltSite) -> zipfile.ZipFile:
    """The standard library the site ships."""
    return zipfile.ZipFile(site.path / engine.ENGINE_DIR / engine.STDLIB_ARCHIVE)


def test_stdlib_is_trimmed(built_site: BuiltSite) -> None:
    """The shipped stdlib is smaller than Pyodide's (2.5 MB) with under half its 614 modules."""
    full = ROOT / "node_modules" / "pyodide" / engine.STDLIB_ARCHIVE
    shipped = built_site.path / engine.ENGINE_DIR / engine.STDLIB_ARCHIVE
    assert shipped.stat().st_size < full.stat().st_size
    modules = [engine.module_name(name) for name in shipped_stdlib(built_site).namelist()]
    assert len(modules) < len(zipfile.ZipFile(full).namelist()) / 2


def test_stdlib_start_up_and_answers_are_bytecode(built_site: BuiltSite) -> None:
    """Every module a start-up or an answer imports is bytecode of one Python (Pyodide's)."""
    archive = shipped_stdlib(built_site)
    compiled = engine.stdlib_lists().compiled_modules()
    kinds = {engine.module_name(name): name.rsplit(".", 1)[1] for name in archive.namelist()}
    assert sorted(name for name in compiled & kinds.keys() if kinds[name] != "pyc") == []
    magic = {archive.read(name)[:4] for name in archive.namelist() if name.endswith(".pyc")}
    assert len(magic) == 1


def test_stdlib_margin_is_source(built_site: BuiltSite) -> None:
    """The margin nothing imports on the way to an answer ships as (smaller) source."""
    archive = shipped_stdlib(built_site)
    compiled = engine.stdlib_lists().compiled_modules()
    margin = [name for name in archive.namelist() if engine.module_name(name) not in compiled]
    assert "pickle.py" in margin
    assert all(name.endswith(".py") for name in margin)


def test_stdlib_bytecode_has_no_docstrings_or_column_positions(built_site: BuiltSite) -> None:
    """The bytecode is compiled with optimize=2 and without debug ranges (a smaller download)."""
    data = shipped_stdlib(built_site).read("typing.pyc")
    assert b"Special form" not in data  # a phrase of typing's docstrings
    # Pyodide 314.0.7's typing.pyc: 169,276 bytes plain, 132,491 with optimize=2, 124,666 also
    # without column positions (this CPython cannot unmarshal 3.14 code to look inside); 314.0.8
    # ships the same 124,666.
    assert len(data) < 128_000


def test_stdlib_holds_every_module_of_the_closure(built_site: BuiltSite) -> None:
    """Every listed module that Pyodide's zip has (start-up, calculators, margin) is shipped."""
    lists = engine.stdlib_lists()
    full = zipfile.ZipFile(ROOT / "node_modules" / "pyodide" / engine.STDLIB_ARCHIVE)
    in_pyodide = {engine.module_name(member) for member in full.namelist()} - {None}
    shipped = {engine.module_name(member) for member in shipped_stdlib(built_site).namelist()}
    assert sorted((lists.shipped_modules() & in_pyodide) - shipped) == []
    assert {"_pyodide", "pyodide", "json", "decimal", "dataclasses"} <= shipped


def test_stdlib_leaves_out_the_network_stack(built_site: BuiltSite) -> None:
    """Modules nothing imports stay out: e.g. http, email, xml, unittest."""
    shipped = {engine.module_name(member) for member in shipped_stdlib(built_site).namelist()}
    left_out = {"http.client", "email", "xml.sax", "unittest", "urllib.parse", "html"}
    assert left_out.isdisjoint(shipped)


def test_stdlib_archive_is_reproducible() -> None:
    """Two trimmings of the same zip are byte-identical (stable caching between builds)."""
    full = (ROOT / "node_modules" / "pyodide" / engine.STDLIB_ARCHIVE).read_bytes()
    lists = engine.stdlib_lists()
    assert engine.trimmed_stdlib(full, lists) == engine.trimmed_stdlib(full, lists)


def test_stdlib_lists_match_the_pinned_pyodide() -> None:
    """engine_stdlib.toml was measured with the pyodide version package.json pins."""
    assert engine.stdlib_lists().pyodide_version == engine.pinned_pyodide_version(ROOT)


@pytest.fixture(scope="module")
def engine_in_node(built_site: BuiltSite, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """Pyodide in Node on the shipped stdlib: its start-up modules and every golden answer."""
    cases = [
        [calculator, case["input"]]
        for calculator in ("protein", "self-check", "plan", "plan-calendar")
        for case in golden_cases("plan" if calculator == "plan-calendar" else calculator)
    ]
    cases_file = tmp_path_factory.mktemp("node") / "cases.json"
    cases_file.write_text(json.dumps(cases), encoding="utf-8")
    engine_dir = built_site.path / engine.ENGINE_DIR
    done = subprocess.run(
        [
            "node",
            str(engine.ENGINE_SOURCE / "pyodide_modules.mjs"),
            str(engine_dir / engine.STDLIB_ARCHIVE),
            str(engine_dir / engine.CALCULATORS_ARCHIVE),
            str(built_site.path / EXERCISE_LIBRARY),
            str(cases_file),
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return {"cases": cases, **json.loads(done.stdout)}


def test_pyodide_starts_on_the_trimmed_stdlib_as_listed(engine_in_node: Any) -> None:
    """Pyodide's start-up on the shipped stdlib imports exactly the modules the list records."""
    assert sorted(engine_in_node["startup"]) == sorted(engine.stdlib_lists().startup)


def test_every_calculator_answers_on_the_trimmed_stdlib(
    engine_in_node: Any, built_site: BuiltSite
) -> None:
    """Every golden case (and the plan's calendar) answers in Pyodide exactly as in CPython."""
    expected = [
        cpython(calculator, payload, built_site) for calculator, payload in engine_in_node["cases"]
    ]
    assert engine_in_node["answers"] == expected


def test_inline_lock_lists_no_packages(built_site: BuiltSite) -> None:
    """The lock shipped inline in version.json keeps Pyodide's info block and no package."""
    shipped = built_site.path / engine.ENGINE_DIR / engine.ENGINE_MANIFEST
    lock = json.loads(shipped.read_text())["lock"]
    assert lock["packages"] == {}
    assert lock["info"]["python"].startswith("3.")


def test_calculators_archive_is_the_tested_source(built_site: BuiltSite) -> None:
    """calculators.zip holds every calculators/*.py file, byte for byte, and nothing else."""
    data = (built_site.path / engine.ENGINE_DIR / engine.CALCULATORS_ARCHIVE).read_bytes()
    archive = zipfile.ZipFile(io.BytesIO(data))
    expected = {
        path.relative_to(ROOT).as_posix(): path.read_bytes()
        for path in (ROOT / "calculators").rglob("*.py")
        if "__pycache__" not in path.parts
    }
    assert {name: archive.read(name) for name in archive.namelist()} == expected


def test_calculators_archive_is_reproducible() -> None:
    """Two archives of the same source are byte-identical (stable caching between builds)."""
    package = ROOT / "calculators"
    assert engine.calculators_archive(package) == engine.calculators_archive(package)


def test_missing_engine_names_the_fix(tmp_path: Path) -> None:
    """Without node_modules the build stops with a message that says to run npm ci."""
    (tmp_path / "package.json").write_text(json.dumps({"dependencies": {"pyodide": "314.0.7"}}))
    with pytest.raises(BuildStepError, match="npm ci"):
        engine.pyodide_source(tmp_path)


def test_engine_version_range_is_refused(tmp_path: Path) -> None:
    """A version range for pyodide in package.json is refused: the engine must be pinned."""
    (tmp_path / "package.json").write_text(json.dumps({"dependencies": {"pyodide": "^314.0.7"}}))
    with pytest.raises(BuildStepError, match="exact version"):
        engine.pinned_pyodide_version(tmp_path)


def test_guide_pages_reference_no_engine_file(built_site: BuiltSite) -> None:
    """Guide pages mention no engine file: the engine starts only where a calculator is."""
    for page in (built_site.path / "guide").rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        assert "pyodide" not in html
        assert "calc-worker" not in html


def test_engine_snapshot_fits_the_restorable_heap(engine_in_node: Any) -> None:
    """The memory snapshot after every calculator ran has a heap Pyodide 314 can restore."""
    assert engine_in_node["snapshotHeapBytes"] <= engine.SNAPSHOT_HEAP_LIMIT


def test_version_file_carries_the_snapshot_limit(built_site: BuiltSite) -> None:
    """The worker reads the restorable heap size from version.json (one source: the engine step)."""
    shipped = built_site.path / engine.ENGINE_DIR / engine.ENGINE_MANIFEST
    manifest = json.loads(shipped.read_text())
    assert manifest["snapshotHeapLimit"] == engine.SNAPSHOT_HEAP_LIMIT


def test_stdlib_errors_still_format_as_tracebacks(engine_in_node: Any) -> None:
    """The stripped bytecode keeps line tables: a traceback through json names file and line.

    (Without line tables the download would be 156 kB smaller, but traceback.format_exc, which
    Pyodide uses for every Python error, then fails with "generator raised StopIteration".)
    """
    assert 'File "json/decoder.py", line ' in engine_in_node["traceback"]
    assert (
        engine_in_node["traceback"]
        .rstrip()
        .splitlines()[-1]
        .startswith("json.decoder.JSONDecodeError: Expecting property name")
    )


def test_only_the_engine_client_knows_the_test_timer_override(built_site: BuiltSite) -> None:
    """No shipped file but engine.mjs names the tests' clock override: the site never sets it."""
    naming = sorted(
        path.relative_to(built_site.path).as_posix()
        for path in built_site.path.rglob("*")
        if path.is_file()
        and path.suffix in {".html", ".js", ".mjs", ".json"}
        and b"REGAIN_ENGINE_TEST_TIMERS" in path.read_bytes()
    )
    assert naming == ["javascripts/engine.mjs"]
