"""How a data problem is worded: the project's error, and pydantic's errors in our files' words.

As pydantic-core keeps an error's type and context apart from its message, the validators and
checks decide what is wrong and this module words it, once, for every file.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Sequence
from typing import get_args

from pydantic import BaseModel
from pydantic_core import ErrorDetails


class DataError(ValueError):
    """A data file is broken: the message has one line per problem (file, entry, field, why).

    >>> print(DataError(["data/a.yml: the file is empty", "data/b.yml: the file is empty"]))
    data/a.yml: the file is empty
    data/b.yml: the file is empty
    """

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(self.problems))

    def report(self) -> str:
        """What a failed build prints: how many problems, then one line each."""
        return f"Regain data files are invalid ({len(self.problems)} problems):\n{self}"


# What a wrong-type message says was expected, by pydantic error type.
_EXPECTED = {
    "string_type": "text",
    "int_type": "a whole number",
    "bool_type": "true or false",
    "tuple_type": "a list",
    "list_type": "a list",
    "model_type": "a mapping of fields",
    "model_attributes_type": "a mapping of fields",
    "dict_type": "a mapping",
}


def _yaml_type(value: object) -> str:
    """What a YAML value is, in words."""
    kinds = [
        (bool, "true/false"),
        (int, "a whole number"),
        (float, "a decimal number"),
        (str, "text"),
        (list, "a list"),
        (dict, "a mapping"),
    ]
    if value is None:
        return "nothing (null)"
    return next((kind for cls, kind in kinds if isinstance(value, cls)), type(value).__name__)


def _yaml_value(value: object) -> str:
    """A value as a message quotes it: YAML's null for None, else Python's repr."""
    return "null" if value is None else repr(value)


def _field_path(loc: Iterable[int | str]) -> str:
    """`('dose', 'sets', 1)` as `dose.sets[1]`."""
    path = ""
    for part in loc:
        if part == "[key]":  # pydantic's marker for a mapping's key: the key itself is named
            continue
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else part)
    return path


def _model_at(model: type[BaseModel], loc: Sequence[int | str]) -> type[BaseModel]:
    """The (nested) model that holds the field at `loc`."""
    for part in loc:
        if isinstance(part, int) or part not in model.model_fields:
            continue
        annotation = model.model_fields[part].annotation
        nested = [t for t in (annotation, *get_args(annotation)) if _is_model(t)]
        if nested:
            model = nested[0]
    return model


def _is_model(candidate: object) -> bool:
    """Whether a type annotation is one of our models."""
    return isinstance(candidate, type) and issubclass(candidate, BaseModel)


def _describe(model: type[BaseModel], error: ErrorDetails) -> str:
    """One pydantic error as `field 'x': what is wrong; what is allowed`."""
    loc = error["loc"]
    field = _field_path(loc)
    prefix = f"field {field!r}: " if field else ""
    return prefix + _what_is_wrong(model, error)


def _what_is_wrong(model: type[BaseModel], error: ErrorDetails) -> str:
    """What a pydantic error means, in the words of our data files."""
    kind, value, context = error["type"], error["input"], error.get("ctx", {})
    if kind in _EXPECTED:
        return f"wrong type: expected {_EXPECTED[kind]}, got {_yaml_type(value)} {value!r}"
    messages: dict[str, Callable[[], str]] = {
        "missing": lambda: "missing; it is required",
        "extra_forbidden": lambda: (
            f"unknown field; allowed: {', '.join(_model_at(model, error['loc'][:-1]).model_fields)}"
        ),
        "enum": lambda: (
            f"{value!r} is not allowed; allowed: "
            + ", ".join(re.findall(r"'([^']*)'", str(context["expected"])))
        ),
        "string_pattern_mismatch": lambda: (
            f"{value!r} is not an id; use lower-case letters and digits joined by single "
            "hyphens, e.g. 'sit-to-stand'"
        ),
        "string_too_short": lambda: "is empty; write some text",
        "too_short": lambda: (
            f"has {plural(context['actual_length'], 'item')}; allowed: at least "
            f"{context['min_length']}"
        ),
        "too_long": lambda: (
            f"has {plural(context['actual_length'], 'item')}; allowed: at most "
            f"{context['max_length']}"
        ),
        "greater_than": lambda: f"{value!r} is too small; allowed: more than {context['gt']}",
        "value_error": lambda: str(context["error"]),
    }
    default = f"{error['msg']} (got {value!r})"
    return messages[kind]() if kind in messages else default


def plural(number: int, noun: str) -> str:
    """`1 item`, `2 items` (nouns with a plain -s plural)."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _did_you_mean(value: str, known: Iterable[str]) -> str:
    """The hint after an unknown id (`; did you mean 'lunge'?`), or nothing when none is close."""
    close = difflib.get_close_matches(value, sorted(known), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""
