"""Broken data files fail with one exact line per problem: file, entry, field, what is allowed."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from macros.data import (
    DATA_DIR_VARIABLE,
    EXERCISES_FILE,
    ROOT,
    WEEKLY_PLAN_FILE,
    DataError,
    data_dir,
    display_path,
    load_site_data,
)

FIXTURES = Path(__file__).parent / "fixtures" / "data"

# A change to the parsed fixture: (file name, function that edits the list in place).
Edit = Callable[[list[dict[str, Any]]], None]


def _copy_fixtures(tmp_path: Path) -> Path:
    """A writable copy of the fixture data folder."""
    directory = tmp_path / "data"
    shutil.copytree(FIXTURES, directory)
    return directory


def _edit(directory: Path, file_name: str, edit: Edit) -> None:
    """Apply an edit to one YAML file of the folder."""
    path = directory / file_name
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(entries)
    path.write_text(yaml.safe_dump(entries, sort_keys=False), encoding="utf-8")


def _problems(directory: Path) -> tuple[str, ...]:
    """The problems loading the folder reports (none expected to be missing)."""
    with pytest.raises(DataError) as caught:
        load_site_data(directory)
    return caught.value.problems


def _set(index: int, field: str, value: object) -> Edit:
    """An edit that sets one field of one entry."""
    return lambda entries: entries[index].__setitem__(field, value)


def _set_dose(index: int, field: str, value: object) -> Edit:
    """An edit that sets one field of one entry's dose."""
    return lambda entries: entries[index]["dose"].__setitem__(field, value)


def _delete(index: int, field: str) -> Edit:
    """An edit that removes one field of one entry."""
    return lambda entries: entries[index].pop(field) and None


ALL_CATEGORIES = "lower-body, upper-body, full-body, core, balance, mobility"
ALL_EQUIPMENT = "none, chair, wall, counter, step, band, dumbbells, gym-machine, mat"
EXERCISE_FIELDS = (
    "id, name, category, level, equipment, position, support, min_level, max_level, muscles, "
    "how, steps, easier, harder, safety, dose"
)

# (kind of mistake, file, edit, the exact line expected after "<file>: ")
BAD_ENTRIES = [
    (
        "unknown-category",
        EXERCISES_FILE,
        _set(1, "category", "legs"),
        f"entry 'chair-stand' (index 1): field 'category': 'legs' is not allowed; "
        f"allowed: {ALL_CATEGORIES}",
    ),
    (
        "unknown-level",
        EXERCISES_FILE,
        _set(1, "level", "easy"),
        "entry 'chair-stand' (index 1): field 'level': 'easy' is not allowed; "
        "allowed: start, build, strong",
    ),
    (
        "unknown-equipment",
        EXERCISES_FILE,
        _set(1, "equipment", ["chair", "sofa"]),
        f"entry 'chair-stand' (index 1): field 'equipment[1]': 'sofa' is not allowed; "
        f"allowed: {ALL_EQUIPMENT}",
    ),
    (
        "none-with-equipment",
        EXERCISES_FILE,
        _set(1, "equipment", ["none", "chair"]),
        "entry 'chair-stand' (index 1): field 'equipment': "
        "'none' cannot be combined with other equipment",
    ),
    (
        "unknown-variation-id",
        EXERCISES_FILE,
        _set(1, "harder", "deep-sqat"),
        "entry 'chair-stand' (index 1): field 'harder': unknown exercise id 'deep-sqat'; "
        "did you mean 'deep-squat'? (ids are defined in data/exercises.yml)",
    ),
    (
        "own-variation",
        EXERCISES_FILE,
        _set(4, "easier", "core-hold"),
        "entry 'core-hold' (index 4): field 'easier': an exercise cannot be its own variation",
    ),
    (
        "one-way-variation",
        EXERCISES_FILE,
        _set(3, "easier", None),
        "entry 'chair-stand' (index 1): field 'harder': 'deep-squat' has easier: null, "
        "not 'chair-stand'; variations must point at each other",
    ),
    (
        "duplicate-id",
        EXERCISES_FILE,
        lambda entries: entries.append(dict(entries[4])),
        "entry 'core-hold' (index 6): field 'id': 'core-hold' is already used by index 4",
    ),
    (
        "id-not-kebab-case",
        EXERCISES_FILE,
        lambda entries: entries.append({**entries[4], "id": "Core Hold"}),
        "entry 'Core Hold' (index 6): field 'id': 'Core Hold' is not an id; use lower-case "
        "letters and digits joined by single hyphens, e.g. 'sit-to-stand'",
    ),
    (
        "missing-field",
        EXERCISES_FILE,
        _delete(1, "safety"),
        "entry 'chair-stand' (index 1): field 'safety': missing; it is required",
    ),
    (
        "missing-position-tag",
        EXERCISES_FILE,
        _delete(1, "position"),
        "entry 'chair-stand' (index 1): field 'position': missing; it is required",
    ),
    (
        "missing-min-level-tag",
        EXERCISES_FILE,
        _delete(1, "min_level"),
        "entry 'chair-stand' (index 1): field 'min_level': missing; it is required",
    ),
    (
        "unknown-position",
        EXERCISES_FILE,
        _set(1, "position", "lying"),
        "entry 'chair-stand' (index 1): field 'position': 'lying' is not allowed; "
        "allowed: seated, standing-supported, standing-unsupported, floor",
    ),
    (
        "unknown-level-letter",
        EXERCISES_FILE,
        _set(1, "max_level", "E"),
        "entry 'chair-stand' (index 1): field 'max_level': 'E' is not allowed; allowed: A, B, C, D",
    ),
    (
        "levels-backwards",
        EXERCISES_FILE,
        _set(1, "max_level", "A"),
        "entry 'chair-stand' (index 1): field 'max_level': 'A' is below min_level 'B'; "
        "allowed: B–D",
    ),
    (
        "support-not-in-equipment",
        EXERCISES_FILE,
        _set(1, "support", "counter"),
        "entry 'chair-stand' (index 1): field 'support': 'counter' is not in 'equipment'; "
        "list it there too",
    ),
    (
        "missing-dose-field",
        EXERCISES_FILE,
        lambda entries: entries[1]["dose"].pop("per_side") and None,
        "entry 'chair-stand' (index 1): field 'dose.per_side': missing; it is required",
    ),
    (
        "extra-field",
        EXERCISES_FILE,
        _set(1, "colour", "red"),
        f"entry 'chair-stand' (index 1): field 'colour': unknown field; allowed: {EXERCISE_FIELDS}",
    ),
    (
        "extra-dose-field",
        EXERCISES_FILE,
        _set_dose(1, "rest", [1, 3]),
        "entry 'chair-stand' (index 1): field 'dose.rest': unknown field; "
        "allowed: sets, reps, hold_seconds, per_side",
    ),
    (
        "wrong-type-text",
        EXERCISES_FILE,
        _set(1, "name", 42),
        "entry 'chair-stand' (index 1): field 'name': wrong type: expected text, "
        "got a whole number 42",
    ),
    (
        "wrong-type-number",
        EXERCISES_FILE,
        _set_dose(1, "reps", ["8", 12]),
        "entry 'chair-stand' (index 1): field 'dose.reps[0]': wrong type: "
        "expected a whole number, got text '8'",
    ),
    (
        "wrong-type-boolean",
        EXERCISES_FILE,
        _set_dose(1, "per_side", "no"),
        "entry 'chair-stand' (index 1): field 'dose.per_side': wrong type: "
        "expected true or false, got text 'no'",
    ),
    (
        "wrong-type-list",
        EXERCISES_FILE,
        _set(1, "equipment", "chair"),
        "entry 'chair-stand' (index 1): field 'equipment': wrong type: expected a list, "
        "got text 'chair'",
    ),
    (
        "entry-not-a-mapping",
        EXERCISES_FILE,
        lambda entries: entries.append("just text"),
        "entry index 6: wrong type: expected a mapping of fields, got text 'just text'",
    ),
    (
        "too-few-steps",
        EXERCISES_FILE,
        _set(1, "steps", ["Sit.", "Stand."]),
        "entry 'chair-stand' (index 1): field 'steps': has 2 items; allowed: at least 3",
    ),
    (
        "empty-text",
        EXERCISES_FILE,
        _set(1, "safety", ""),
        "entry 'chair-stand' (index 1): field 'safety': is empty; write some text",
    ),
    (
        "range-backwards",
        EXERCISES_FILE,
        _set_dose(1, "reps", [12, 8]),
        "entry 'chair-stand' (index 1): field 'dose.reps': [12, 8] runs backwards; "
        "write [low, high] with low <= high",
    ),
    (
        "range-zero",
        EXERCISES_FILE,
        _set_dose(1, "sets", [0, 3]),
        "entry 'chair-stand' (index 1): field 'dose.sets[0]': 0 is too small; allowed: more than 0",
    ),
    (
        "reps-and-hold",
        EXERCISES_FILE,
        _set_dose(1, "hold_seconds", [10, 20]),
        "entry 'chair-stand' (index 1): field 'dose': "
        "give either 'reps' or 'hold_seconds' (exactly one of them)",
    ),
    (
        "unknown-plan-exercise-id",
        WEEKLY_PLAN_FILE,
        lambda days: days[0]["activities"][0]["exercises"].__setitem__(1, "tricksy"),
        "entry 'monday' (index 0): field 'activities[0].exercises[1]': unknown exercise id "
        "'tricksy'; did you mean 'tricky'? (ids are defined in data/exercises.yml)",
    ),
    (
        "unknown-activity-kind",
        WEEKLY_PLAN_FILE,
        lambda days: days[1]["activities"][0].__setitem__("kind", "swimming"),
        "entry 'tuesday' (index 1): field 'activities[0].kind': 'swimming' is not allowed; "
        "allowed: strength, walking, mobility, balance-core",
    ),
    (
        "unknown-day",
        WEEKLY_PLAN_FILE,
        _set(2, "day", "wendsday"),
        "entry 'wendsday' (index 2): field 'day': 'wendsday' is not allowed; "
        "allowed: monday, tuesday, wednesday, thursday, friday, saturday, sunday",
    ),
    (
        "days-out-of-order",
        WEEKLY_PLAN_FILE,
        lambda days: days.insert(0, days.pop()),
        "expected the days monday, tuesday, wednesday, thursday, friday, saturday, sunday in "
        "that order; got sunday, monday, tuesday, wednesday, thursday, friday, saturday",
    ),
    (
        "no-rest-day",
        WEEKLY_PLAN_FILE,
        _set(6, "rest_day", False),
        "no day has 'rest_day: true'; the week needs a full rest day",
    ),
    (
        "plan-extra-field",
        WEEKLY_PLAN_FILE,
        lambda days: days[1]["activities"][0].__setitem__("minutes", 30),
        "entry 'tuesday' (index 1): field 'activities[0].minutes': unknown field; "
        "allowed: kind, title, exercises, note",
    ),
]


@pytest.mark.parametrize(
    ("file_name", "edit", "expected"),
    [pytest.param(file_name, edit, line, id=kind) for kind, file_name, edit, line in BAD_ENTRIES],
)
def test_bad_entry_is_reported_on_one_exact_line(
    tmp_path: Path, file_name: str, edit: Edit, expected: str
) -> None:
    """Each kind of mistake gives one line naming the file, the entry and the field."""
    directory = _copy_fixtures(tmp_path)
    _edit(directory, file_name, edit)
    assert _problems(directory) == (f"{directory / file_name}: {expected}",)


# (kind of mistake, text of exercises.yml, the exact line expected after "<file>: ")
BAD_FILES = [
    (
        "malformed-yaml",
        "- id: a\n  name: [unclosed\n  level: start\n",
        "line 3, column 8: malformed YAML: expected ',' or ']', but got ':'",
    ),
    (
        "bad-indentation",
        "- id: a\n   name: b\n  level: start\n",
        "line 2, column 8: malformed YAML: mapping values are not allowed here",
    ),
    (
        "duplicate-key",
        "- id: a\n  id: b\n",
        "line 2, column 3: malformed YAML: the key 'id' appears twice",
    ),
    ("empty-file", "", "the file is empty; expected a list of exercises"),
    ("only-comments", "# nothing yet\n", "the file is empty; expected a list of exercises"),
    ("empty-list", "[]\n", "the list is empty; expected at least one of the exercises"),
    (
        "not-a-list",
        "exercises: []\n",
        "expected a list of exercises at the top level, got a mapping",
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [pytest.param(text, line, id=kind) for kind, text, line in BAD_FILES]
)
def test_unreadable_file_is_reported_on_one_exact_line(
    tmp_path: Path, text: str, expected: str
) -> None:
    """A file that is not a YAML list says why, with the line number when YAML is malformed."""
    directory = _copy_fixtures(tmp_path)
    path = directory / EXERCISES_FILE
    path.write_text(text, encoding="utf-8")
    # The plan's references cannot be checked against an unreadable library: no more lines.
    assert _problems(directory) == (f"{path}: {expected}",)


def test_missing_file_is_reported(tmp_path: Path) -> None:
    """A data folder without the plan says the file is missing."""
    directory = _copy_fixtures(tmp_path)
    (directory / WEEKLY_PLAN_FILE).unlink()
    assert _problems(directory) == (f"{directory / WEEKLY_PLAN_FILE}: the file is missing",)


def test_every_problem_in_both_files_is_reported_together(tmp_path: Path) -> None:
    """Several mistakes in both files come back at once, in file order."""
    directory = _copy_fixtures(tmp_path)
    _edit(directory, EXERCISES_FILE, _set(1, "category", "legs"))
    _edit(directory, EXERCISES_FILE, _set(3, "level", "hard"))
    _edit(directory, WEEKLY_PLAN_FILE, _set(6, "rest_day", False))
    exercises, plan = directory / EXERCISES_FILE, directory / WEEKLY_PLAN_FILE
    assert [line.split(": field")[0] for line in _problems(directory)] == [
        f"{exercises}: entry 'chair-stand' (index 1)",
        f"{exercises}: entry 'deep-squat' (index 3)",
        f"{plan}: no day has 'rest_day: true'; the week needs a full rest day",
    ]


def test_error_message_has_one_line_per_problem(tmp_path: Path) -> None:
    """The exception's text is the problems, one per line."""
    directory = _copy_fixtures(tmp_path)
    _edit(directory, EXERCISES_FILE, _set(1, "category", "legs"))
    _edit(directory, EXERCISES_FILE, _set(3, "level", "hard"))
    with pytest.raises(DataError) as caught:
        load_site_data(directory)
    assert str(caught.value).splitlines() == list(caught.value.problems)


def test_paths_inside_the_project_are_shown_relative() -> None:
    """Messages name project files as `data/exercises.yml`, not by an absolute path."""
    assert display_path(ROOT / "data" / EXERCISES_FILE) == "data/exercises.yml"


def test_data_dir_defaults_to_the_project_data_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without $REGAIN_DATA_DIR the build reads data/."""
    monkeypatch.delenv(DATA_DIR_VARIABLE, raising=False)
    assert data_dir() == ROOT / "data"


def test_data_dir_follows_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """$REGAIN_DATA_DIR, relative to the project root, points the build elsewhere."""
    monkeypatch.setenv(DATA_DIR_VARIABLE, "tests/fixtures/data")
    assert data_dir() == FIXTURES


def test_fixture_data_is_valid() -> None:
    """The fixtures the other tests break are themselves valid."""
    assert len(load_site_data(FIXTURES).exercises) == 6
