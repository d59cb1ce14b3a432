"""The calculators' one exception: invalid input, carrying one message per form field."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class FieldError:
    """One problem with one input field, worded for the reader.

    Attributes:
        field: the payload key the problem is about ("" when it is about no single field).
        message: a sentence the reader understands, naming what to enter.
        allowed: the allowed values or range in short form, e.g. "30–250 kg".

    """

    field: str
    message: str
    allowed: str = ""

    def to_wire(self) -> dict[str, object]:
        """The error as the wire format's plain mapping."""
        return {"field": self.field, "message": self.message, "allowed": self.allowed}


class InvalidInput(ValueError):  # noqa: N818 - the name the project's interfaces use
    """Input the calculators cannot use; `errors` holds one `FieldError` per problem.

    >>> error = InvalidInput([FieldError("weight", "Enter your weight.", "30–250 kg")])
    >>> [e.field for e in error.errors]
    ['weight']
    >>> str(error)
    'weight: Enter your weight.'
    """

    def __init__(self, errors: Iterable[FieldError]) -> None:
        self.errors: tuple[FieldError, ...] = tuple(errors)
        super().__init__("; ".join(f"{e.field or 'input'}: {e.message}" for e in self.errors))
