"""A broken data file stops the real `mkdocs build --strict`, printing its problem lines."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from harness import ROOT, build_site
from macros.data import DATA_DIR_VARIABLE, EXERCISES_FILE


def test_broken_data_fails_the_real_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The project's own build stops and prints the exact file, entry and field at fault."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    exercises = data / EXERCISES_FILE
    text = exercises.read_text(encoding="utf-8")
    broken = text.replace(
        "  category: lower-body\n  level: strong\n", "  category: legs\n  level: strong\n", 1
    )
    assert broken != text
    exercises.write_text(broken, encoding="utf-8")
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(data))

    result = build_site(tmp_path / "site")

    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert (
        f"{exercises}: entry 'goblet-squat' (index 2): field 'category': 'legs' is not allowed; "
        "allowed: lower-body, upper-body, full-body, core, balance, mobility"
    ) in log.splitlines()
