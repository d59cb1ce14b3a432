"""Answers without JavaScript: the calculators run at build time and their answers become HTML.

A reader with scripts off, an old phone or a failed engine still gets the answers; the form
enhances them. Every number comes from `calculators.api.run`, the very entry point the browser
calls, so the tables cannot drift from the calculators. The HTML is written by the views in
`calculators/present/library.py`. Pure functions: tested without MkDocs
(tests/test_static_answers.py).

Protein columns run the calculator with a representative age per situation:

| column | situation | age | why |
|---|---|---|---|
| Adult under 65 | `general` | 40 | the under-65 range (0.8–1.0 g/kg) holds from 18 to 64 |
| 65 or over | `older` | 70 | the 65-and-over range (1.0–1.2 g/kg) |
| Strength training | `training` | 70 | 1.2–1.6 g/kg a day at any adult age |
| Recovering | `recovering` | 70 | 1.2–1.5 g/kg a day at any adult age |

Sample plans use the plan form's defaults: age 70, 3 strength days, chair, wall and counter,
general focus, steps not given.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from calculators.errors import InvalidInput
from calculators.plan import Ability, PlanInput, PlanResult, weekly_plan
from calculators.present import form_specs, forms, html
from calculators.present import plan as plan_view
from calculators.present import protein as protein_view
from calculators.present.library import (
    Links,
    ProteinRow,
    protein_answers_table,
    sample_programme_html,
    site_root,
)
from calculators.present.plan_notes import LEVEL_SENTENCE
from calculators.protein import ProteinInput, ProteinResult, protein_target
from calculators.results import Status
from macros.choose import RenderError

PROTEIN_WEIGHTS = {"kg": range(45, 121, 5), "lb": range(100, 261, 10)}


@dataclass(frozen=True)
class Situation:
    """A column of the protein table: the calculator's situation and the age it runs with."""

    value: str
    heading: str
    age: int


PROTEIN_SITUATIONS = (
    Situation("general", "Adult under 65", 40),
    Situation("older", "65 or over", 70),
    Situation("training", "Strength training", 70),
    Situation("recovering", "Recovering", 70),
)
# Two tables of three columns each (weight + two situations): a 360 px phone fits three.
PROTEIN_GROUPS = (
    ("Healthy adults", PROTEIN_SITUATIONS[:2]),
    ("Training or recovering", PROTEIN_SITUATIONS[2:]),
)
# The plan form's answers to "How do you manage today?", in its words (one home: the form's
# own choice labels, present/plan_notes.LEVEL_SENTENCE; this copy had drifted from them).
ABILITIES = {ability.value: LEVEL_SENTENCE[ability.level].rstrip(".") for ability in Ability}
SAMPLE_PLAN_PAYLOAD: Mapping[str, object] = {
    "age": 70,
    "strength_days": 3,
    "equipment": ["chair", "wall", "counter"],
    "focus": "general",
}


def _protein(payload: Mapping[str, object]) -> ProteinResult:
    """The protein calculator's answer, or a RenderError (a static answer must be a real one)."""
    try:
        result = protein_target(ProteinInput.from_mapping(payload))
    except InvalidInput as error:
        raise RenderError(f"protein gave no answer for {dict(payload)!r}: {error}") from None
    if result.status is not Status.OK:
        raise RenderError(f"protein gave no personal answer for {dict(payload)!r}")
    return result


def protein_payload(weight: int, unit: str, situation: Situation) -> dict[str, object]:
    """The protein form's answers behind one cell of the table."""
    return {"weight": weight, "unit": unit, "age": situation.age, "situation": situation.value}


def protein_table(unit: str = "kg") -> str:
    """Daily protein ranges in grams for each weight (kg: 45–120, lb: 100–260) and situation.

    Two tables of three columns (healthy adults; training or recovering), so each fits a
    360 px phone without scrolling sideways.
    """
    if unit not in PROTEIN_WEIGHTS:
        message = f"protein_table: unit={unit!r} is not allowed; allowed: kg, lb"
        raise RenderError(message)
    return "\n\n".join(
        _protein_group_table(unit, title, situations) for title, situations in PROTEIN_GROUPS
    )


def _protein_group_table(unit: str, title: str, situations: Sequence[Situation]) -> str:
    """One table: a row per weight, a column per situation, each cell the calculator's range."""
    rows = []
    for weight in PROTEIN_WEIGHTS[unit]:
        cells = []
        for situation in situations:
            daily = _protein(protein_payload(weight, unit, situation)).daily_g
            assert daily is not None  # an "ok" answer has a daily range
            cells.append((daily.low, daily.high))
        rows.append(ProteinRow(weight, cells))
    columns = [(s.value, s.heading) for s in situations]
    return protein_answers_table(unit, title, columns, rows)


def sample_plan(ability: str, exercise_rows: Sequence[Mapping[str, Any]]) -> PlanResult:
    """The plan calculator's week for an ability level with the form's default answers."""
    if ability not in ABILITIES:
        message = f"sample_plan_table: ability={ability!r} is not allowed; allowed: " + ", ".join(
            ABILITIES
        )
        raise RenderError(message)
    payload = {**SAMPLE_PLAN_PAYLOAD, "ability": ability}
    try:
        result = weekly_plan(PlanInput.from_mapping(payload), exercise_rows)
    except InvalidInput as error:
        raise RenderError(f"plan gave no answer for {payload!r}: {error}") from None
    if result.status is not Status.OK:
        raise RenderError(f"plan gave no week for {payload!r}")
    return result


def sample_plan_table(
    ability: str, exercise_rows: Sequence[Mapping[str, Any]], links: Links
) -> str:
    """One sample programme, collapsible: the very level, tables and week list the form shows."""
    plan = sample_plan(ability, exercise_rows)
    blocks = plan_view.sample_programme(plan)
    return sample_programme_html(ability, ABILITIES[ability], blocks, site_root(links.page_url))


def calculator_form(name: str, root: str) -> str:
    """A calculator's form from its field specs (`calculators.present.form_specs`)."""
    if name not in form_specs.FORMS:
        message = f"calculator_form: name={name!r} is not allowed; allowed: " + ", ".join(
            form_specs.FORMS
        )
        raise RenderError(message)
    return forms.form_html(form_specs.FORMS[name], root)


def progress_form(root: str) -> str:
    """The My progress page's form (`calculators.present.form_specs.PROGRESS`)."""
    return forms.form_html(form_specs.PROGRESS, root)


def protein_guideline_table(root: str) -> str:
    """The protein guideline ranges, from the evidence table the calculator uses."""
    return html.block(protein_view.guideline_table(), root)
