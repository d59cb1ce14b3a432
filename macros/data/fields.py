"""The field types and base model every data file's schema shares.

An id, a line of text, a [low, high] range and a reference to an exercise are written the same
way in every file, so they are declared once here.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictInt,
    StrictStr,
    ValidationInfo,
)

from macros.data.messages import _did_you_mean
from macros.data.paths import EXERCISES_FILE

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
ExerciseId = Annotated[StrictStr, Field(pattern=ID_PATTERN)]
Text = Annotated[StrictStr, Field(min_length=1)]
Count = Annotated[StrictInt, Field(gt=0)]


def _low_to_high(pair: tuple[int, int]) -> tuple[int, int]:
    """A range is written [low, high] with low <= high."""
    low, high = pair
    if low > high:
        message = f"[{low}, {high}] runs backwards; write [low, high] with low <= high"
        raise ValueError(message)
    return pair


Range = Annotated[tuple[Count, Count], AfterValidator(_low_to_high)]

# Validation context key: the exercise ids a reference may name (None: do not check).
KNOWN_IDS = "known_exercise_ids"
# Validation context key: the source ids a citation may support (None: do not check).
KNOWN_SOURCES = "known_source_ids"


def _reference(context_key: str, noun: str, home: str) -> AfterValidator:
    """A validator: a reference must name one of the ids given under `context_key`.

    Args:
        context_key: the validation context key of the ids it may name (None: do not check).
        noun: what the ids name, as the message says it ("exercise").
        home: where those ids are written, as the message says it.

    """

    def check(value: str, info: ValidationInfo) -> str:
        known = (info.context or {}).get(context_key)
        if known is None or value in known:
            return value
        hint = _did_you_mean(value, known)
        message = f"unknown {noun} id {value!r}{hint} ({home})"
        raise ValueError(message)

    return AfterValidator(check)


ExerciseRef = Annotated[
    ExerciseId, _reference(KNOWN_IDS, "exercise", f"ids are defined in data/{EXERCISES_FILE}")
]


class _Model(BaseModel):
    """Immutable, and every field in the file must be one the schema knows."""

    model_config = ConfigDict(extra="forbid", frozen=True)
