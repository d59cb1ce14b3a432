r"""The wire: one versioned JSON-in, JSON-out entry point for the browser, the CLI and tests.

Success: {"version": 2, "calculator": "protein", "ok": true, "result": {...}, "html": "<p…"}
Invalid: {"version": 2, "calculator": "protein", "ok": false,
          "errors": [{"field": "weight", "message": "...", "allowed": "30–250 kg"}],
          "html": "<div class=\"admonition …"}

`html` is the answer as the page shows it, rendered by `calculators.present` (the page inserts
it as it is; the ready-made answers on the site use the same views). `root` is the way from
the page back to the site root, for the fragment's links.

The page gets `page_json`: the same envelope with only the result fields it reads (`PAGE_FIELDS`),
since it shows the HTML and never reads the rest (a plan's whole result is ~5× its HTML). The
command line (`--json`) and the tests keep the whole result through `run` and `run_json`.

`run` never raises and never returns NaN or infinity: bad input becomes field errors, and any
unexpected failure becomes one generic error (no traceback text reaches the page).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence

from calculators.errors import FieldError, InvalidInput
from calculators.exercises import Exercise, exercise_library
from calculators.plan import PlanInput, weekly_plan
from calculators.present import errors as error_view
from calculators.present import html
from calculators.present import plan as plan_view
from calculators.present import protein as protein_view
from calculators.present import self_check as self_check_view
from calculators.present.calendar import plan_calendar
from calculators.present.view import View
from calculators.protein import ProteinInput, protein_target
from calculators.schedule import CalendarRequest
from calculators.self_check import SelfCheckInput, self_check

WIRE_VERSION = 2
_GENERIC_ERROR = FieldError("", error_view.SOMETHING_WENT_WRONG)


Answer = tuple[dict[str, object], View | None]  # the wire's result and what the reader sees


def _protein(payload: Mapping[str, object], exercises: Sequence[object]) -> Answer:
    del exercises  # the protein calculator needs no exercise library
    result = protein_target(ProteinInput.from_mapping(payload))
    return protein_view.wire(result), protein_view.view(result)


def _plan(payload: Mapping[str, object], exercises: Sequence[object]) -> Answer:
    result = weekly_plan(PlanInput.from_mapping(payload), exercises)
    return plan_view.wire(result), plan_view.view(result)


def _self_check(payload: Mapping[str, object], exercises: Sequence[object]) -> Answer:
    del exercises  # the self-check needs no exercise library
    result = self_check(SelfCheckInput.from_mapping(payload))
    return self_check_view.wire(result), self_check_view.view(result)


def _plan_calendar(payload: Mapping[str, object], exercises: Sequence[object]) -> Answer:
    # The plan is computed here, once, as for the plan's answer; the calendar is made from it.
    request = CalendarRequest.from_mapping(payload)
    plan = weekly_plan(request.answers, exercises)
    return plan_calendar(plan, request.start, request.choices), None  # a file, nothing to show


def _record(job: str) -> Callable[[Mapping[str, object], Sequence[object]], Answer]:
    """A request about the reader's saved record (`calculators.record_api`).

    Imported on the first such request, not at the engine's start: most readers never save.
    """

    def handle(payload: Mapping[str, object], exercises: Sequence[object]) -> Answer:
        from calculators import record_api  # noqa: PLC0415 - see above

        handled: Answer = getattr(record_api, job)(payload, exercises)
        return handled

    return handle


CALCULATORS: Mapping[str, Callable[[Mapping[str, object], Sequence[object]], Answer]] = {
    "protein": _protein,
    "plan": _plan,
    "self-check": _self_check,
    "plan-calendar": _plan_calendar,  # the plan as an .ics file (calculators.present.calendar)
    # The reader's own record (issue 24), kept in their browser: see calculators.record_api.
    "record-save": _record("save"),
    "progress": _record("progress"),
    "appointment": _record("appointment"),
    "record-export": _record("export"),
    "record-import": _record("import_file"),
}


def answer(
    calculator: str, payload: Mapping[str, object], *, exercises: Sequence[object] = ()
) -> tuple[dict[str, object], View | None]:
    """The envelope without its HTML, and the view a reader sees (the errors' view on failure).

    The command line prints the view as text; `run` renders it as HTML. Never raises.
    """
    name = calculator if isinstance(calculator, str) else str(calculator)
    try:
        compute = CALCULATORS.get(name)
        if compute is None:
            raise InvalidInput(
                [FieldError("", error_view.no_calculator(name), ", ".join(CALCULATORS))]
            )
        if not isinstance(payload, Mapping):
            raise InvalidInput([FieldError("", error_view.NOT_AN_OBJECT)])
        result, view = compute(payload, exercises)
        json.dumps(result, allow_nan=False)  # proves the answer is finite, plain JSON
    except InvalidInput as error:
        return _failure(name, error_view.worded(error.errors))
    except Exception:  # the wire promises an answer, never a traceback
        return _failure(name, (_GENERIC_ERROR,))
    return {"version": WIRE_VERSION, "calculator": name, "ok": True, "result": result}, view


def run(
    calculator: str,
    payload: Mapping[str, object],
    *,
    exercises: Sequence[object] = (),
    root: str = "",
) -> dict[str, object]:
    """Run one calculator on a wire payload: the versioned envelope with the answer's HTML.

    Args:
        calculator: a name in `CALCULATORS` ("protein", "plan", "self-check", ...).
        payload: form values keyed by field name (numbers as JSON numbers or text).
        exercises: the rows of data/exercises.yml (the plan calculator's library).
        root: the way from the page back to the site root ("../../"), for the HTML's links.

    >>> run("protein", {"weight": "68", "age": "40", "situation": "training"})["result"]["daily_g"]
    {'low': 82, 'high': 109}
    >>> run("protein", {"weight": "", "age": "40"})["errors"][0]["field"]
    'weight'

    """
    envelope, view = answer(calculator, payload, exercises=exercises)
    envelope["html"] = "" if view is None else html.render(view, root)
    return envelope


# The result fields the page reads (docs/javascripts/forms/calendar.mjs, forms/record.mjs): a
# file to save and the line that says it was saved; the record to store after a change. Every
# other answer reaches the page as its HTML (and errors) alone.
PAGE_FIELDS: Mapping[str, tuple[str, ...]] = {
    "plan-calendar": ("filename", "content", "message"),
    "record-export": ("filename", "content", "message"),
    "record-save": ("record", "message"),  # the record for the page to store
    "record-import": ("record", "message"),
}


def run_json(
    calculator: str, payload_json: str, exercises: str | Sequence[object] = "[]", root: str = ""
) -> str:
    """`run` with JSON text in and out, the whole result included (never raises).

    `exercises` is the library as JSON text, or the rows the worker read once with
    `read_exercises` (so a plan request does not parse the library again).
    """
    return json.dumps(_run_text(calculator, payload_json, exercises, root), allow_nan=False)


def page_json(
    calculator: str, payload_json: str, exercises: str | Sequence[object] = "[]", root: str = ""
) -> str:
    """`run_json` as the browser worker sends it to the page: `for_page` of the envelope."""
    return json.dumps(
        for_page(_run_text(calculator, payload_json, exercises, root)), allow_nan=False
    )


def for_page(envelope: Mapping[str, object]) -> dict[str, object]:
    """The envelope without the result fields the page never reads (see `PAGE_FIELDS`).

    >>> sorted(for_page(run("protein", {"weight": "68", "age": "70"})))
    ['calculator', 'html', 'ok', 'version']
    """
    slim = {key: value for key, value in envelope.items() if key != "result"}
    fields = PAGE_FIELDS.get(str(envelope.get("calculator")), ())
    result = envelope.get("result")
    if fields and isinstance(result, Mapping):
        slim["result"] = {key: result[key] for key in fields if key in result}
    return slim


def _run_text(
    calculator: str, payload_json: str, exercises: str | Sequence[object], root: str
) -> dict[str, object]:
    """`run` on JSON text: text that is not JSON becomes one field error, never an exception."""
    try:
        payload = json.loads(payload_json, parse_constant=_constant_as_text)
        rows = (
            json.loads(exercises, parse_constant=_constant_as_text)
            if isinstance(exercises, str)
            else exercises
        )
    except (ValueError, TypeError, RecursionError):
        envelope, view = _failure(str(calculator), (FieldError("", error_view.NOT_JSON),))
        envelope["html"] = html.render(view, str(root))
        return envelope
    library = rows if isinstance(rows, list | tuple) else ()
    return run(str(calculator), payload, exercises=library, root=str(root))


def read_exercises(exercises_json: str) -> tuple[Exercise, ...] | tuple[()]:
    """The exercise library read and checked once, for the worker to keep between requests.

    Unusable data gives an empty library, so each plan request reports the problem as usual.
    """
    try:
        rows = json.loads(exercises_json, parse_constant=_constant_as_text)
        return exercise_library(rows)
    except (ValueError, TypeError, RecursionError):  # InvalidInput is a ValueError
        return ()


def _constant_as_text(name: str) -> str:
    """JSON's NaN and Infinity extensions stay text, so they fail like any other non-number."""
    return name


def _failure(name: str, errors: Sequence[FieldError]) -> tuple[dict[str, object], View]:
    envelope: dict[str, object] = {
        "version": WIRE_VERSION,
        "calculator": name,
        "ok": False,
        "errors": [error.to_wire() for error in errors],
    }
    return envelope, error_view.view(errors)
