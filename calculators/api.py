"""The wire: one versioned JSON-in, JSON-out entry point for the browser, the CLI and tests.

Success: {"version": 1, "calculator": "protein", "ok": true, "result": {...}}
Invalid: {"version": 1, "calculator": "protein", "ok": false,
          "errors": [{"field": "weight", "message": "...", "allowed": "30–250 kg"}]}

`run` never raises and never returns NaN or infinity: bad input becomes field errors, and any
unexpected failure becomes one generic error (no traceback text reaches the page).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence

from calculators.calendar import plan_calendar
from calculators.errors import FieldError, InvalidInput
from calculators.plan import PlanInput, weekly_plan
from calculators.protein import ProteinInput, protein_target
from calculators.self_check import SelfCheckInput, self_check

WIRE_VERSION = 1
_GENERIC_ERROR = FieldError(
    "", "Something went wrong while working this out. Please check your answers and try again."
)


def _protein(payload: Mapping[str, object], exercises: Sequence[object]) -> dict[str, object]:
    del exercises  # the protein calculator needs no exercise library
    return protein_target(ProteinInput.from_mapping(payload)).to_wire()


def _plan(payload: Mapping[str, object], exercises: Sequence[object]) -> dict[str, object]:
    return weekly_plan(PlanInput.from_mapping(payload), exercises).to_wire()


def _self_check(payload: Mapping[str, object], exercises: Sequence[object]) -> dict[str, object]:
    del exercises  # the self-check needs no exercise library
    return self_check(SelfCheckInput.from_mapping(payload)).to_wire()


CALCULATORS: Mapping[str, Callable[[Mapping[str, object], Sequence[object]], dict[str, object]]] = {
    "protein": _protein,
    "plan": _plan,
    "self-check": _self_check,
    "plan-calendar": plan_calendar,  # the plan as an .ics file (calculators.calendar)
}


def run(
    calculator: str,
    payload: Mapping[str, object],
    *,
    exercises: Sequence[Mapping[str, object]] = (),
) -> dict[str, object]:
    """Run one calculator on a wire payload and wrap the answer in the versioned envelope.

    Args:
        calculator: "protein", "plan" or "self-check".
        payload: form values keyed by field name (numbers as JSON numbers or text).
        exercises: the rows of data/exercises.yml (the plan calculator's library).

    >>> run("protein", {"weight": "68", "age": "40", "situation": "training"})["result"]["daily_g"]
    {'low': 82, 'high': 109}
    >>> run("protein", {"weight": "", "age": "40"})["errors"][0]["field"]
    'weight'

    """
    name = calculator if isinstance(calculator, str) else str(calculator)
    try:
        compute = CALCULATORS.get(name)
        if compute is None:
            raise InvalidInput(
                [FieldError("", f"There is no calculator called {name!r}.", ", ".join(CALCULATORS))]
            )
        if not isinstance(payload, Mapping):
            raise InvalidInput([FieldError("", "The answers must be a JSON object.")])
        result = compute(payload, exercises)
        json.dumps(result, allow_nan=False)  # proves the answer is finite, plain JSON
    except InvalidInput as error:
        return _failure(name, error.errors)
    except Exception:  # the wire promises an answer, never a traceback
        return _failure(name, (_GENERIC_ERROR,))
    return {"version": WIRE_VERSION, "calculator": name, "ok": True, "result": result}


def run_json(calculator: str, payload_json: str, exercises_json: str = "[]") -> str:
    """`run` for the browser worker: JSON text in, JSON text out (never raises)."""
    try:
        payload = json.loads(payload_json, parse_constant=_constant_as_text)
        exercises = json.loads(exercises_json, parse_constant=_constant_as_text)
    except (ValueError, TypeError, RecursionError):
        answer = _failure(str(calculator), (FieldError("", "The answers are not valid JSON."),))
    else:
        rows = exercises if isinstance(exercises, list) else ()
        answer = run(str(calculator), payload, exercises=rows)
    return json.dumps(answer, allow_nan=False)


def _constant_as_text(name: str) -> str:
    """JSON's NaN and Infinity extensions stay text, so they fail like any other non-number."""
    return name


def _failure(name: str, errors: Sequence[FieldError]) -> dict[str, object]:
    return {
        "version": WIRE_VERSION,
        "calculator": name,
        "ok": False,
        "errors": [error.to_wire() for error in errors],
    }
