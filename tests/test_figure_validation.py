"""A broken data/poses.yml fails the build with one line naming the file, exercise and field."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from macros.data import POSES_FILE, ROOT, DataError, load_site_data

Edit = Callable[[dict[str, Any]], None]


def _data(tmp_path: Path, edit: Edit) -> Path:
    """A copy of data/ with poses.yml edited."""
    directory = tmp_path / "data"
    shutil.copytree(ROOT / "data", directory)
    path = directory / POSES_FILE
    poses = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(poses)
    path.write_text(yaml.safe_dump(poses, sort_keys=False), encoding="utf-8")
    return directory


def _problems(directory: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_site_data(directory)
    prefix = f"{directory / POSES_FILE}: "
    return [problem.removeprefix(prefix) for problem in caught.value.problems]


def _rename(old: str, new: str) -> Edit:
    return lambda poses: poses.__setitem__(new, poses.pop(old))


CASES = [
    pytest.param(
        _rename("sit-to-stand", "sit-to-stnd"),
        "entry 'sit-to-stnd' (index {i}): unknown exercise id 'sit-to-stnd'; did you mean "
        "'sit-to-stand'? (ids are defined in data/exercises.yml)",
        id="unknown-exercise",
    ),
    pytest.param(
        lambda poses: poses["sit-to-stand"]["start"]["legs"].__setitem__("knee", 160),
        "entry 'sit-to-stand' (index 0): field 'start.legs.knee': 160° is outside the human "
        "range of the knee; allowed: 0 to 140",
        id="angle-outside-human-range",
    ),
    pytest.param(
        lambda poses: poses["sit-to-stand"]["start"].__setitem__("elbow", 20),
        "entry 'sit-to-stand' (index 0): field 'start.elbow': unknown field; allowed: x, x_at, "
        "rest, trunk, side_lean, spine, neck, twist, arms, left_arm, right_arm, legs, left_leg, "
        "right_leg, touch",
        id="unknown-field",
    ),
    pytest.param(
        lambda poses: poses["sit-to-stand"].__setitem__("view", "top"),
        "entry 'sit-to-stand' (index 0): field 'view': 'top' is not allowed; allowed: side, front",
        id="unknown-view",
    ),
    pytest.param(
        lambda poses: poses["sit-to-stand"]["start"]["arms"].__setitem__("reach", "chair.seat"),
        "entry 'sit-to-stand' (index 0): field 'start.arms': give either 'reach' or the arm's "
        "angles, not both",
        id="reach-and-angles",
    ),
    pytest.param(
        lambda poses: poses["sit-to-stand"]["start"]["touch"].__setitem__("nose", "floor"),
        "entry 'sit-to-stand' (index 0): field 'start.touch.nose': 'nose' is not a body "
        "part; allowed: hips, back, head, left_hand",
        id="unknown-body-part",
    ),
    pytest.param(
        lambda poses: poses["sit-to-stand"]["start"].__setitem__("x", 80),
        "entry 'sit-to-stand' (index 0): field 'start.hips': is ",
        id="hips-not-on-the-seat",
    ),
]


@pytest.mark.parametrize(("edit", "expected"), CASES)
def test_broken_pose_is_named(tmp_path: Path, edit: Edit, expected: str) -> None:
    """The build stops with a line naming the exercise and the field."""
    directory = _data(tmp_path, edit)
    index = list(yaml.safe_load((directory / POSES_FILE).read_text())).index
    problems = _problems(directory)
    wanted = expected.format(i=index("sit-to-stnd") if "{i}" in expected else 0)
    assert any(problem.startswith(wanted) for problem in problems), problems


def test_top_level_must_be_a_mapping(tmp_path: Path) -> None:
    """A list at the top of poses.yml is refused with what was expected."""
    directory = tmp_path / "data"
    shutil.copytree(ROOT / "data", directory)
    (directory / POSES_FILE).write_text("- sit-to-stand\n", encoding="utf-8")
    assert _problems(directory) == [
        "expected a mapping of exercise ids to drawings, got a list",
    ]


def test_the_real_book_loads() -> None:
    """data/poses.yml as committed passes the schema and every check."""
    assert load_site_data(ROOT / "data").poses


def test_every_exercise_has_a_drawing() -> None:
    """data/poses.yml draws every exercise of data/exercises.yml, all 54."""
    site = load_site_data(ROOT / "data")
    assert sorted(site.poses) == sorted(site.exercises_by_id)


def test_a_missing_drawing_fails_the_build(tmp_path: Path) -> None:
    """An exercise without a drawing stops the build, naming it."""
    directory = _data(tmp_path, lambda poses: poses.pop("squat"))
    assert _problems(directory) == ["exercise 'squat' has no drawing; add an entry for it"]


def test_a_missing_poses_file_fails_the_build(tmp_path: Path) -> None:
    """Without data/poses.yml the build stops and says so."""
    directory = tmp_path / "data"
    shutil.copytree(ROOT / "data", directory)
    (directory / POSES_FILE).unlink()
    assert _problems(directory) == ["the file is missing"]
