"""The post-build steps run on their own over a built site, with no MkDocs imported."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from harness import ROOT, BuiltSite
from postbuild.__main__ import main


def _files(site: Path) -> dict[str, bytes]:
    """Every file of a site by its site-relative path."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_steps_over_a_finished_site_change_no_byte(built_site: BuiltSite, tmp_path: Path) -> None:
    """`python -m postbuild site/` after a full build leaves every file as it was."""
    site = tmp_path / "site"
    shutil.copytree(built_site.path, site)
    assert main([str(site)]) == 0
    assert _files(site) == _files(built_site.path)


def test_command_refuses_a_folder_that_is_not_there(tmp_path: Path) -> None:
    """A missing site folder is refused before any step runs."""
    with pytest.raises(SystemExit) as stopped:
        main([str(tmp_path / "site")])
    assert stopped.value.code == 2


def test_failing_step_prints_its_reason(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A project without the pinned engine fails with the step's own words and exit code 1."""
    (tmp_path / "site").mkdir()
    (tmp_path / "package.json").write_text('{"dependencies": {"pyodide": "^314"}}')
    assert main([str(tmp_path / "site"), "--project", str(tmp_path)]) == 1
    assert "must be an exact version" in capsys.readouterr().err


@pytest.mark.parametrize("package", ["macros", "postbuild"])
def test_package_imports_no_mkdocs(package: str) -> None:
    """Importing the macros or the steps loads no MkDocs module (they outlive MkDocs)."""
    check = (
        f"import sys, {package}; "
        "loaded = [m for m in sys.modules if m == 'mkdocs' or m.startswith('mkdocs.')]; "
        "print(loaded); sys.exit(1 if loaded else 0)"
    )
    done = subprocess.run(
        [sys.executable, "-c", check], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
