"""Where the data files are, and how an error message names one.

The file names live here, below every other module of the package, because the schema's own
messages name them too ("ids are defined in data/exercises.yml").
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
# Points the build at another data folder (absolute, or relative to the project root); the
# tests use it to build the real site from broken copies of the data.
DATA_DIR_VARIABLE = "REGAIN_DATA_DIR"
EXERCISES_FILE = "exercises.yml"
WEEKLY_PLAN_FILE = "weekly_plan.yml"
POSES_FILE = "poses.yml"
REFERENCES_FILE = "references.yml"


def data_dir() -> Path:
    """The data folder: `$REGAIN_DATA_DIR` if set (relative to the project root), else data/."""
    configured = os.environ.get(DATA_DIR_VARIABLE)
    return ROOT / configured if configured else ROOT / "data"


def display_path(path: Path) -> str:
    """A file's path as error messages show it: relative to the project when inside it."""
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)
