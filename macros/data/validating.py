"""Validating a file's entries: every problem in one pass, each named by its entry and field."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from macros.data.fields import KNOWN_IDS, _Model
from macros.data.messages import _describe
from macros.data.paths import display_path

_M = TypeVar("_M", bound=_Model)


def _label(entry: Any, field: str) -> str | None:
    """The id-like value that names an entry in messages, if it has a usable one."""
    value = entry.get(field) if isinstance(entry, dict) else None
    return value if isinstance(value, str) else None


def _entry(path: Path, entries: Sequence[Any], index: int, label_field: str) -> str:
    """How a message names an entry: `data/x.yml: entry 'lunge' (index 4)`."""
    label = _label(entries[index], label_field)
    named = f"entry {label!r} (index {index})" if label else f"entry index {index}"
    return f"{display_path(path)}: {named}"


def _validate(
    path: Path,
    entries: Sequence[Any],
    model: type[_M],
    known_ids: frozenset[str] | None,
    problems: list[str],
    *,
    context_key: str = KNOWN_IDS,
) -> list[_M]:
    """Validate every entry; return the valid models and add one line per problem.

    `known_ids` are the ids a reference in the entries may name, given to the validators under
    `context_key`.
    """
    label_field = next(iter(model.model_fields))
    valid: list[_M] = []
    for index, entry in enumerate(entries):
        try:
            valid.append(model.model_validate(entry, context={context_key: known_ids}))
        except ValidationError as error:
            where = _entry(path, entries, index, label_field)
            problems.extend(f"{where}: {_describe(model, e)}" for e in _root_causes(error))
    return valid


def _root_causes(error: ValidationError) -> list[ErrorDetails]:
    """Pydantic's errors without echoes: a list is not also "too short" because an item failed.

    Pydantic checks a list's length after dropping the items that failed validation.
    """
    errors = error.errors()
    inner = [e["loc"] for e in errors]
    return [
        e
        for e in errors
        if e["type"] != "too_short"
        or not any(len(loc) > len(e["loc"]) and loc[: len(e["loc"])] == e["loc"] for loc in inner)
    ]


def _duplicate_ids(path: Path, entries: Sequence[Any]) -> list[str]:
    """Each exercise id is used once: later entries that reuse one are reported."""
    first_index: dict[str, int] = {}
    problems = []
    for index, entry in enumerate(entries):
        exercise_id = _label(entry, "id")
        if exercise_id is None:
            continue
        if exercise_id in first_index:
            where = _entry(path, entries, index, "id")
            first = first_index[exercise_id]
            problems.append(
                f"{where}: field 'id': {exercise_id!r} is already used by index {first}"
            )
        else:
            first_index[exercise_id] = index
    return problems


def _validate_identified(
    path: Path,
    entries: Sequence[Any],
    model: type[_M],
    problems: list[str],
    *,
    context_key: str = KNOWN_IDS,
) -> tuple[list[_M], frozenset[str]]:
    """Validate a list whose entries are named by unique ids, which its entries may refer to.

    Returns the valid models and the ids the list writes (references to them are checked under
    `context_key`); an id used twice is one more problem.
    """
    known = frozenset(label for entry in entries if (label := _label(entry, "id")))
    valid = _validate(path, entries, model, known, problems, context_key=context_key)
    problems.extend(_duplicate_ids(path, entries))
    return valid, known
