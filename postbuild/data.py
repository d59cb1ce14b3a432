"""The validated data the browser reads: data/exercises.json and the drawings' sprite."""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath

from calculators.figure import sprite
from calculators.present.figure import SPRITE
from macros.data import DataError, SiteData, data_dir, load_site_data
from postbuild.engine import shared_constants
from postbuild.errors import BuildStepError

# The exercise library where the worker fetches it (engine/constants.toml); the validated data's
# JSON files are written in its folder of the built site.
EXERCISE_LIBRARY = PurePosixPath(shared_constants()["worker"]["exercise_library"])
JSON_DIR = EXERCISE_LIBRARY.parent.as_posix()


def write_data(site_dir: Path) -> None:
    """Validate data/ (or `$REGAIN_DATA_DIR`) and write its JSON and the sprite into the site."""
    try:
        site_data = load_site_data(data_dir())
    except DataError as error:
        raise BuildStepError(error.report()) from error
    write_json(site_data, site_dir / JSON_DIR)
    write_sprite(site_data, site_dir)


def write_sprite(site_data: SiteData, site_dir: Path) -> None:
    """Every exercise's start and end pose as symbols of one SVG (assets/figures.svg).

    Pages point at its symbols (`calculators.present.figure`); nothing else draws a figure.
    """
    path = site_dir / SPRITE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(sprite(site_data.poses), encoding="utf-8")


def write_json(site_data: SiteData, directory: Path) -> None:
    """The validated data as JSON files, in the shape of the YAML files (lists of mappings)."""
    directory.mkdir(parents=True, exist_ok=True)
    for name, content in ((EXERCISE_LIBRARY.name, site_data.exercises_json()),):
        text = json.dumps(content, ensure_ascii=False, sort_keys=False)
        (directory / name).write_text(text + "\n", encoding="utf-8")
