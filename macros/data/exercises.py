"""The schema of data/exercises.yml: one entry, and the rules that hold across entries."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any, Self

from pydantic import (
    Field,
    StrictBool,
    StrictStr,
    ValidationInfo,
    field_validator,
    model_validator,
)

# The closed vocabularies (and the exercise itself) are the calculators' own, so pages and plans
# can never disagree.
from calculators.exercises import Category, Equipment, Level, Position, Support
from calculators.function import FunctionLevel
from macros.data.fields import ExerciseId, ExerciseRef, Range, Text, _Model
from macros.data.messages import _yaml_value
from macros.data.validating import _entry, _label

# One line on the printed plan (issue 16): short enough to stay one or two printed lines.
HOW_MAX_CHARS = 140
HowLine = Annotated[StrictStr, Field(min_length=1, max_length=HOW_MAX_CHARS)]


class Dose(_Model):
    """How much to do: sets of reps, or sets of holds in seconds (EVIDENCE.md E3)."""

    sets: Range
    reps: Range | None = None
    hold_seconds: Range | None = None
    per_side: StrictBool

    @model_validator(mode="after")
    def _reps_or_hold(self) -> Self:
        """Exactly one of reps and hold_seconds says what one set is."""
        if (self.reps is None) == (self.hold_seconds is None):
            message = "give either 'reps' or 'hold_seconds' (exactly one of them)"
            raise ValueError(message)
        return self


class ExerciseRow(_Model):
    """One entry of data/exercises.yml as the build checks it: every problem, with its place.

    Checking is not reading: the pages and the plan calculator read a checked row through the
    one schema of an exercise, `calculators.exercises.Exercise` (`SiteData.exercises`).
    """

    id: ExerciseId
    name: Text
    category: Category
    level: Level
    equipment: tuple[Equipment, ...] = Field(min_length=1)
    position: Position
    support: Support
    min_level: FunctionLevel
    max_level: FunctionLevel
    muscles: tuple[Text, ...] = Field(min_length=1)
    how: HowLine
    steps: tuple[Text, ...] = Field(min_length=3, max_length=5)
    easier: ExerciseRef | None
    harder: ExerciseRef | None
    safety: Text
    dose: Dose

    @field_validator("equipment")
    @classmethod
    def _equipment_is_a_set(cls, value: tuple[Equipment, ...]) -> tuple[Equipment, ...]:
        """No item twice, and `none` means nothing else is needed."""
        if len(set(value)) != len(value):
            message = "lists an item twice"
            raise ValueError(message)
        if Equipment.NONE in value and len(value) > 1:
            message = "'none' cannot be combined with other equipment"
            raise ValueError(message)
        return value

    @field_validator("support")
    @classmethod
    def _support_is_equipment(cls, value: Support, info: ValidationInfo) -> Support:
        """What the reader holds is in the equipment list: a reader who lacks it never gets it."""
        equipment = info.data.get("equipment")
        if (
            value is not Support.NONE
            and equipment is not None
            and Equipment(value.value) not in equipment
        ):
            message = f"{value.value!r} is not in 'equipment'; list it there too"
            raise ValueError(message)
        return value

    @field_validator("max_level")
    @classmethod
    def _levels_low_to_high(cls, value: FunctionLevel, info: ValidationInfo) -> FunctionLevel:
        """The lowest level that suits an exercise comes first."""
        low = info.data.get("min_level")
        if low is not None and low.rank > value.rank:
            message = f"{value.value!r} is below min_level {low.value!r}; allowed: {low.value}–D"
            raise ValueError(message)
        return value

    @field_validator("easier", "harder")
    @classmethod
    def _not_itself(cls, value: str | None, info: ValidationInfo) -> str | None:
        """A variation is another exercise."""
        if value is not None and value == info.data.get("id"):
            message = "an exercise cannot be its own variation"
            raise ValueError(message)
        return value


def _one_way_variations(
    path: Path, entries: Sequence[Any], exercises: Sequence[ExerciseRow]
) -> list[str]:
    """Variations are chains: if A names B as harder, B names A as easier, and back."""
    by_id = {exercise.id: exercise for exercise in exercises}
    index_of = {_label(entry, "id"): index for index, entry in reversed(list(enumerate(entries)))}
    problems = []
    for exercise in exercises:
        for field, back in (("harder", "easier"), ("easier", "harder")):
            other_id = getattr(exercise, field)
            other = by_id.get(other_id) if other_id else None
            if other is not None and getattr(other, back) != exercise.id:
                where = _entry(path, entries, index_of[exercise.id], "id")
                problems.append(
                    f"{where}: field {field!r}: {other_id!r} has {back}: "
                    f"{_yaml_value(getattr(other, back))}, not {exercise.id!r}; variations "
                    "must point at each other"
                )
    return problems
