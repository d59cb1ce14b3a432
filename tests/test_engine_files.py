"""The build ships only the engine files a pure-Python engine needs, and our own calculators."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, BuiltSite
from mkdocs.exceptions import PluginError

from hooks import engine


def test_engine_directory_holds_exactly_the_needed_files(built_site: BuiltSite) -> None:
    """site/engine/ has the four Pyodide files, our archive and a version file; nothing else."""
    shipped = sorted(p.name for p in (built_site.path / "engine").iterdir())
    assert shipped == sorted([*engine.ENGINE_FILES, "calculators.zip", "version.json"])


def test_engine_files_are_the_pinned_npm_package(built_site: BuiltSite) -> None:
    """Each shipped engine file is byte-identical to node_modules/pyodide at the pinned version."""
    source = ROOT / "node_modules" / "pyodide"
    pinned = json.loads((ROOT / "package.json").read_text())["dependencies"]["pyodide"]
    assert json.loads((source / "package.json").read_text())["version"] == pinned
    for name in engine.ENGINE_FILES:
        assert (built_site.path / "engine" / name).read_bytes() == (source / name).read_bytes()


def test_inline_lock_lists_no_packages(built_site: BuiltSite) -> None:
    """The lock shipped inline in version.json keeps Pyodide's info block and no package."""
    lock = json.loads((built_site.path / "engine" / "version.json").read_text())["lock"]
    assert lock["packages"] == {}
    assert lock["info"]["python"].startswith("3.")


def test_calculators_archive_is_the_tested_source(built_site: BuiltSite) -> None:
    """calculators.zip holds every calculators/*.py file, byte for byte, and nothing else."""
    data = (built_site.path / "engine" / "calculators.zip").read_bytes()
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
    with pytest.raises(PluginError, match="npm ci"):
        engine.pyodide_source(tmp_path)


def test_engine_version_range_is_refused(tmp_path: Path) -> None:
    """A version range for pyodide in package.json is refused: the engine must be pinned."""
    (tmp_path / "package.json").write_text(json.dumps({"dependencies": {"pyodide": "^314.0.7"}}))
    with pytest.raises(PluginError, match="exact version"):
        engine.pinned_pyodide_version(tmp_path)


def test_guide_pages_reference_no_engine_file(built_site: BuiltSite) -> None:
    """Guide pages mention no engine file: the engine starts only where a calculator is."""
    for page in (built_site.path / "guide").rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        assert "pyodide" not in html
        assert "calc-worker" not in html
