"""Loading the data folder: each file read and checked, then all of them as one SiteData.

The files are checked together because they refer to each other (the plan and the drawings name
exercises), and every problem in every file is reported in one DataError.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from calculators.errors import InvalidInput
from calculators.evidence import Source
from calculators.exercises import Exercise, exercise_library
from calculators.figure import PoseBook, load_poses
from calculators.figure.checks import ExerciseFacts, check_book
from calculators.present import errors as error_words
from macros.data.exercises import ExerciseRow, _one_way_variations
from macros.data.fields import KNOWN_SOURCES
from macros.data.messages import DataError, _describe, _did_you_mean, _yaml_type
from macros.data.paths import (
    EXERCISES_FILE,
    POSES_FILE,
    REFERENCES_FILE,
    WEEKLY_PLAN_FILE,
    display_path,
)
from macros.data.poses import ExercisePoses
from macros.data.reading import _parse, _read_list
from macros.data.references import CitationGroup, EvidenceSource, References
from macros.data.validating import (
    _entry,
    _label,
    _root_causes,
    _validate,
    _validate_identified,
)
from macros.data.weekly_plan import PlanDay, _week_problems


@dataclass(frozen=True)
class SiteData:
    """Everything the macros render, validated together."""

    exercise_rows: tuple[ExerciseRow, ...]
    weekly_plan: tuple[PlanDay, ...]
    poses: PoseBook = dataclasses.field(
        default_factory=dict
    )  # drawings by exercise id (data/poses.yml)
    references: References = dataclasses.field(
        default_factory=lambda: References((), ())
    )  # data/references.yml

    @functools.cached_property
    def exercises(self) -> tuple[Exercise, ...]:
        """The exercises as the calculators read them (one schema), from the checked rows."""
        return exercise_library(self.exercises_json())

    @property
    def exercises_by_id(self) -> Mapping[str, Exercise]:
        """The exercises keyed by id."""
        return {exercise.id: exercise for exercise in self.exercises}

    @property
    def drawn_ids(self) -> frozenset[str]:
        """The exercises the drawings' sprite has (data/poses.yml)."""
        return frozenset(self.poses)

    def exercises_json(self) -> list[dict[str, Any]]:
        """The exercises as JSON-ready mappings, in the shape of exercises.yml.

        Plus `drawing: true` for each exercise the sprite draws, so the plan answer (built in
        the browser) never points at a drawing that is not there.
        """
        # exclude_unset keeps the YAML shape: a dose has reps or hold_seconds, never a null twin.
        drawn = self.drawn_ids
        return [
            exercise.model_dump(mode="json", exclude_unset=True)
            | ({"drawing": True} if exercise.id in drawn else {})
            for exercise in self.exercise_rows
        ]

    def weekly_plan_json(self) -> list[dict[str, Any]]:
        """The plan as JSON-ready mappings, in the shape of weekly_plan.yml."""
        return [day.model_dump(mode="json") for day in self.weekly_plan]


def load_site_data(directory: Path) -> SiteData:
    """Read and validate the data files; raise one DataError listing every problem in them."""
    exercises_path = directory / EXERCISES_FILE
    exercise_entries, problems = _read_list(exercises_path, "exercises")
    exercises, written_ids = _validate_identified(
        exercises_path, exercise_entries or [], ExerciseRow, problems
    )
    # If the file did not parse, every reference would look unknown: do not check them then.
    known_ids = None if exercise_entries is None else written_ids
    problems += _one_way_variations(exercises_path, exercise_entries or [], exercises)

    plan_path = directory / WEEKLY_PLAN_FILE
    day_entries, plan_problems = _read_list(plan_path, "days")
    problems += plan_problems
    plan = _validate(plan_path, day_entries or [], PlanDay, known_ids, problems)
    if day_entries:
        problems += _week_problems(plan_path, day_entries)
    poses = _load_poses(directory / POSES_FILE, exercises, known_ids, problems)
    references = _load_references(directory / REFERENCES_FILE, problems)
    if problems:
        raise DataError(problems)
    site_data = SiteData(tuple(exercises), tuple(plan), poses, references)
    try:  # read once here, so a row the calculators' reader refuses stops the build
        site_data.exercises  # noqa: B018
    except InvalidInput as error:
        raise DataError(
            [
                f"{display_path(exercises_path)}: {e.message}"
                for e in error_words.worded(error.errors)
            ]
        ) from error
    return site_data


def _load_references(path: Path, problems: list[str]) -> References:
    """Read and check data/references.yml: its two lists, each entry, and the cited ids."""
    content, problem = _parse(path)
    where = display_path(path)
    if problem is None and not (
        isinstance(content, dict) and set(content) == {"sources", "citations"}
    ):
        problem = "expected a mapping with exactly two lists, 'sources' and 'citations'"
    if problem is not None:
        problems.append(f"{where}: {problem}")
        return References((), ())
    rows, groups = content["sources"], content["citations"]
    for key, entries in (("sources", rows), ("citations", groups)):
        if not isinstance(entries, list) or not entries:
            problems.append(f"{where}: '{key}' must be a list with at least one entry")
            return References((), ())
    sources, known = _validate_identified(
        path, rows, EvidenceSource, problems, context_key=KNOWN_SOURCES
    )
    cited = _validate(path, groups, CitationGroup, known, problems, context_key=KNOWN_SOURCES)
    # Every id an answer can cite has a row and a reader's title (calculators.evidence.Source).
    by_id = {source.id: source for source in sources}
    for ident in Source:
        if ident.value not in known:
            problems.append(f"{where}: the calculators cite {ident.value!r}; add it to 'sources'")
        elif ident.value in by_id and by_id[ident.value].cite is None:
            index = next(i for i, entry in enumerate(rows) if _label(entry, "id") == ident.value)
            problems.append(
                f"{_entry(path, rows, index, 'id')}: field 'cite': the calculators cite "
                f"{ident.value}, so it needs the title an answer shows"
            )
    return References(tuple(sources), tuple(cited))


def _load_poses(
    path: Path,
    exercises: Sequence[ExerciseRow],
    known_ids: frozenset[str] | None,
    problems: list[str],
) -> PoseBook:
    """Read and check data/poses.yml: the schema, then every drawing's program checks."""
    content, problem = _parse(path)
    where = display_path(path)
    if problem is None and not isinstance(content, dict):
        problem = f"expected a mapping of exercise ids to drawings, got {_yaml_type(content)}"
    if problem is not None:
        problems.append(f"{where}: {problem}")
        return {}
    valid: dict[str, ExercisePoses] = {}
    for index, (exercise_id, entry) in enumerate(content.items()):
        named = f"{where}: entry {exercise_id!r} (index {index})"
        if known_ids is not None and exercise_id not in known_ids:
            hint = _did_you_mean(str(exercise_id), known_ids)
            problems.append(
                f"{named}: unknown exercise id {exercise_id!r}{hint} "
                f"(ids are defined in data/{EXERCISES_FILE})"
            )
            continue
        try:
            valid[exercise_id] = ExercisePoses.model_validate(entry)
        except ValidationError as error:
            problems.extend(f"{named}: {_describe(ExercisePoses, e)}" for e in _root_causes(error))
    # Only valid exercises need a drawing: a broken one is reported on its own entry.
    problems.extend(
        f"{where}: exercise {exercise.id!r} has no drawing; add an entry for it"
        for exercise in sorted(exercises, key=lambda exercise: exercise.id)
        if exercise.id not in content
    )
    # The valid drawings are checked even when others are broken: every problem in one pass.
    book = load_poses({key: value.model_dump(exclude_none=True) for key, value in valid.items()})
    facts = {
        exercise.id: ExerciseFacts(
            exercise.position, exercise.support, frozenset(exercise.equipment)
        )
        for exercise in exercises
    }
    index_of = {exercise_id: index for index, exercise_id in enumerate(content)}
    for found in check_book(book, facts):
        named = f"{where}: entry {found.exercise!r} (index {index_of[found.exercise]})"
        field_name = ".".join(part for part in (found.pose, found.field) if part)
        prefix = f"field {field_name!r}: " if field_name else ""
        problems.append(f"{named}: {prefix}{found.message}")
    return book
