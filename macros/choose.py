"""Which exercises a macro shows, and where a page is: build-time choices, testable without MkDocs.

The macros choose here and hand the exercises to the views of `calculators.present.library`,
which write the HTML. A filter value or id the data does not have, or a choice that matches
nothing, stops the build with a `RenderError` that names the allowed values.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping, Sequence
from enum import StrEnum
from typing import TypeVar

from calculators.exercises import Category, Equipment, Exercise, Level


class RenderError(ValueError):
    """A macro was called with a value the data does not have (a bad filter or id)."""


def page_url(source: str, *, directory_urls: bool) -> str:
    """The site-relative URL of the page built from `source` (MkDocs' rule, without MkDocs).

    >>> page_url("guide/exercises.md", directory_urls=True)
    'guide/exercises/'
    >>> page_url("index.md", directory_urls=True)
    './'
    >>> page_url("guide/exercises.md", directory_urls=False)
    'guide/exercises.html'
    """
    parent, name = posixpath.split(source.removesuffix(".md"))
    if not directory_urls:
        return posixpath.join(parent, f"{name}.html")
    folder = parent if name in {"index", "README"} else posixpath.join(parent, name)
    return f"{folder}/" if folder else "./"


# ---------------------------------------------------------------- choosing exercises


_Choice = TypeVar("_Choice", bound=StrEnum)


def _choice(kind: type[_Choice], value: str, what: str) -> _Choice:
    """A filter value as its enum member, or a RenderError that lists the allowed ones."""
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(member.value for member in kind)
        message = f"{what} {value!r} is not allowed; allowed: {allowed}"
        raise RenderError(message) from None


def select_exercises(
    exercises: Iterable[Exercise],
    *,
    category: str | None = None,
    level: str | None = None,
    equipment: str | None = None,
) -> list[Exercise]:
    """Exercises matching every filter given, in category order, then in data order.

    `equipment` keeps the exercises that use that item (`none`: those needing nothing).
    """
    wanted_category = _choice(Category, category, "category") if category else None
    wanted_level = _choice(Level, level, "level") if level else None
    wanted_item = _choice(Equipment, equipment, "equipment") if equipment else None
    chosen = [
        exercise
        for exercise in exercises
        if wanted_category in {None, exercise.category}
        and wanted_level in {None, exercise.level}
        and (wanted_item is None or wanted_item in exercise.equipment)
    ]
    order = list(Category)
    return sorted(chosen, key=lambda exercise: order.index(exercise.category))


def pick_exercises(library: Mapping[str, Exercise], ids: Sequence[str]) -> list[Exercise]:
    """The exercises with these ids, in the order given."""
    unknown = [exercise_id for exercise_id in ids if exercise_id not in library]
    if unknown:
        message = f"unknown exercise ids: {', '.join(map(repr, unknown))}"
        raise RenderError(message)
    return [library[exercise_id] for exercise_id in ids]


def some(exercises: list[Exercise], what: str) -> list[Exercise]:
    """The exercises, or a RenderError when none matches: an empty `what` would say nothing."""
    if not exercises:
        message = f"no exercise matches; an empty {what} would say nothing"
        raise RenderError(message)
    return exercises


def by_category(exercises: Iterable[Exercise]) -> list[tuple[Category, list[Exercise]]]:
    """The exercises of each body area, in category order (an area may be empty)."""
    chosen = list(exercises)
    return [(category, select_exercises(chosen, category=category)) for category in Category]


def by_level_or_equipment(
    exercises: Iterable[Exercise], by: str
) -> list[tuple[Level | Equipment, list[Exercise]]]:
    """The exercises of each level (`by="level"`) or item of equipment (`by="equipment"`)."""
    chosen = list(exercises)
    if by == "level":
        return [(level, select_exercises(chosen, level=level)) for level in Level]
    if by == "equipment":
        return [(item, select_exercises(chosen, equipment=item)) for item in Equipment]
    message = f"exercise_index: by={by!r} is not allowed; allowed: level, equipment"
    raise RenderError(message)
