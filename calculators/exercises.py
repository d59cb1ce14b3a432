"""The exercise library as typed values, read defensively from data/exercises.yml rows.

This is the one schema of an exercise: the plan calculator (in the browser, from the JSON copy)
and the site's pages (the macros, from the validated YAML) read the rows through
`exercise_library`. The plan calculator takes the rows as an argument (it does no I/O); a row
it cannot use is an `InvalidInput` naming the entry and the field. The build's own checks of
the file (every problem at once, with its place: macros/data/exercises.py) run before this reader.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from calculators.errors import FieldProblem, InvalidInput, Problem
from calculators.function import FunctionLevel


class LibraryProblem(StrEnum):
    """Why an entry of the exercise library is unusable."""

    NOT_A_MAPPING = "not-a-mapping"
    NO_ID = "no-id"
    REPEATED_ID = "repeated-id"
    TEXT = "text"
    ID_OR_NULL = "id-or-null"
    TEXTS = "texts"
    FLAG = "flag"
    CHOICE = "choice"
    EQUIPMENT = "equipment"
    DOSE = "dose"
    DOSE_AMOUNTS = "dose-amounts"
    PER_SIDE = "per-side"


class Category(StrEnum):
    """Body area of an exercise (data/README.md)."""

    LOWER_BODY = "lower-body"
    UPPER_BODY = "upper-body"
    FULL_BODY = "full-body"
    CORE = "core"
    BALANCE = "balance"
    MOBILITY = "mobility"


class Level(StrEnum):
    """How demanding an exercise is, gentlest first."""

    START = "start"
    BUILD = "build"
    STRONG = "strong"


class Equipment(StrEnum):
    """What an exercise needs; `none` is always at hand."""

    NONE = "none"
    CHAIR = "chair"
    WALL = "wall"
    COUNTER = "counter"
    STEP = "step"
    BAND = "band"
    DUMBBELLS = "dumbbells"
    GYM_MACHINE = "gym-machine"
    MAT = "mat"


class Position(StrEnum):
    """How the body is held during an exercise: what decides who may do it safely."""

    SEATED = "seated"
    STANDING_SUPPORTED = "standing-supported"
    STANDING_UNSUPPORTED = "standing-unsupported"
    FLOOR = "floor"


class Support(StrEnum):
    """What the reader holds or leans on; anything but `none` is also in the equipment."""

    NONE = "none"
    CHAIR = "chair"
    COUNTER = "counter"
    WALL = "wall"


Span = tuple[int, int]
E = TypeVar("E", bound=StrEnum)


@dataclass(frozen=True)
class Dose:
    """Sets and either reps or seconds held (ACSM 2009, E3), per side or not."""

    sets: Span
    reps: Span | None
    hold_seconds: Span | None
    per_side: bool


@dataclass(frozen=True)
class Exercise:
    """One exercise of the library, as the plan calculator needs it."""

    id: str
    name: str
    category: Category
    level: Level
    equipment: frozenset[Equipment]  # what it needs, for the plan's "do you have it" checks
    position: Position
    support: Support
    min_level: FunctionLevel
    max_level: FunctionLevel
    easier: str | None
    harder: str | None
    safety: str
    dose: Dose
    how: str = ""  # the steps in one line, for the printed plan; "" if the row has none
    # The equipment in the file's order, main item first ("Resistance band, chair"), for pages.
    equipment_listed: tuple[Equipment, ...] = ()
    muscles: tuple[str, ...] = ()  # the muscles worked, for the exercise card
    steps: tuple[str, ...] = ()  # how to do it, step by step, for the exercise card
    # Whether the site's sprite draws it (data/poses.yml; the build adds `drawing` to the JSON
    # rows): a page never points at a drawing that is not there.
    drawing: bool = False

    def suits(self, level: FunctionLevel) -> bool:
        """Whether the exercise is meant for readers at this functional level."""
        return self.min_level.rank <= level.rank <= self.max_level.rank

    @classmethod
    def from_mapping(cls, row: object, index: int) -> Exercise:
        """Read one row of data/exercises.yml (or its JSON copy); raises `InvalidInput`."""
        if not isinstance(row, Mapping):
            raise _broken(index, None, LibraryProblem.NOT_A_MAPPING)
        ident = row.get("id")
        if not isinstance(ident, str) or not ident:
            raise _broken(index, None, LibraryProblem.NO_ID)
        return cls(
            id=ident,
            name=_text(row, "name", index, ident),
            category=_enum(row, "category", Category, index, ident),
            level=_enum(row, "level", Level, index, ident),
            equipment=_equipment(row, index, ident),
            position=_enum(row, "position", Position, index, ident),
            support=_enum(row, "support", Support, index, ident),
            min_level=_enum(row, "min_level", FunctionLevel, index, ident),
            max_level=_enum(row, "max_level", FunctionLevel, index, ident),
            easier=_optional_text(row, "easier", index, ident),
            harder=_optional_text(row, "harder", index, ident),
            safety=_text(row, "safety", index, ident),
            dose=_dose(row.get("dose"), index, ident),
            how=_optional_text(row, "how", index, ident) or "",
            drawing=_flag(row, "drawing", index, ident),
            equipment_listed=tuple(Equipment(item) for item in row["equipment"]),
            muscles=_texts(row, "muscles", index, ident),
            steps=_texts(row, "steps", index, ident),
        )


def exercise_library(rows: object) -> tuple[Exercise, ...]:
    """Every row as an `Exercise`, in data order; raises `InvalidInput` for unusable data."""
    if isinstance(rows, str | bytes) or not isinstance(rows, Sequence) or not rows:
        raise InvalidInput([FieldProblem("", Problem.LIBRARY_MISSING)])
    if all(isinstance(row, Exercise) for row in rows):
        return tuple(rows)  # already read and checked (the browser worker keeps it)
    library = tuple(Exercise.from_mapping(row, index) for index, row in enumerate(rows))
    seen: set[str] = set()
    for index, exercise in enumerate(library):
        if exercise.id in seen:
            raise _broken(index, exercise.id, LibraryProblem.REPEATED_ID)
        seen.add(exercise.id)
    return library


def _broken(
    index: int, ident: str | None, problem: LibraryProblem, **blanks: object
) -> InvalidInput:
    """The error for an unusable row (not a reader's field, so `field` is empty)."""
    where = {"index": index, "ident": ident, "problem": problem, **blanks}
    return InvalidInput([FieldProblem("", Problem.LIBRARY_DAMAGED, blanks=tuple(where.items()))])


def _text(row: Mapping[str, object], key: str, index: int, ident: str) -> str:
    value = row.get(key)
    if not isinstance(value, str) or not value.strip():
        raise _broken(index, ident, LibraryProblem.TEXT, key=key)
    return value


def _optional_text(row: Mapping[str, object], key: str, index: int, ident: str) -> str | None:
    value = row.get(key)
    if value is not None and not isinstance(value, str):
        raise _broken(index, ident, LibraryProblem.ID_OR_NULL, key=key)
    return value or None


def _texts(row: Mapping[str, object], key: str, index: int, ident: str) -> tuple[str, ...]:
    value = row.get(key, [])
    if not isinstance(value, list | tuple) or not all(isinstance(item, str) for item in value):
        raise _broken(index, ident, LibraryProblem.TEXTS, key=key)
    return tuple(value)


def _flag(row: Mapping[str, object], key: str, index: int, ident: str) -> bool:
    value = row.get(key, False)
    if not isinstance(value, bool):
        raise _broken(index, ident, LibraryProblem.FLAG, key=key)
    return value


def _enum(row: Mapping[str, object], key: str, kind: type[E], index: int, ident: str) -> E:
    value = row.get(key)
    allowed = [member.value for member in kind]
    if not isinstance(value, str) or value not in allowed:
        raise _broken(index, ident, LibraryProblem.CHOICE, key=key, allowed=", ".join(allowed))
    return kind(value)


def _equipment(row: Mapping[str, object], index: int, ident: str) -> frozenset[Equipment]:
    value = row.get("equipment")
    allowed = {member.value for member in Equipment}
    if (
        not isinstance(value, list | tuple)
        or not value
        or not all(isinstance(item, str) and item in allowed for item in value)
    ):
        raise _broken(index, ident, LibraryProblem.EQUIPMENT)
    return frozenset(Equipment(item) for item in value)


def _span(value: object) -> Span | None:
    """A [low, high] pair of whole numbers with 0 < low <= high, else None."""
    if not isinstance(value, list | tuple) or len(value) != 2:
        return None
    low, high = value
    if isinstance(low, bool) or isinstance(high, bool):
        return None
    if not isinstance(low, int) or not isinstance(high, int) or not 0 < low <= high:
        return None
    return (low, high)


def _dose(value: object, index: int, ident: str) -> Dose:
    if not isinstance(value, Mapping):
        raise _broken(index, ident, LibraryProblem.DOSE)
    sets = _span(value.get("sets"))
    reps = _span(value.get("reps")) if value.get("reps") is not None else None
    hold = _span(value.get("hold_seconds")) if value.get("hold_seconds") is not None else None
    per_side = value.get("per_side", False)
    given = [key for key in ("reps", "hold_seconds") if value.get(key) is not None]
    if sets is None or len(given) != 1 or (reps is None and hold is None):
        raise _broken(index, ident, LibraryProblem.DOSE_AMOUNTS)
    if not isinstance(per_side, bool):
        raise _broken(index, ident, LibraryProblem.PER_SIDE)
    return Dose(sets, reps, hold, per_side)
