"""Answers without JavaScript: the calculators run at build time and their answers become HTML.

A reader with scripts off, an old phone or a failed engine still gets the answers; the form
enhances them. Every number comes from `calculators.api.run`, the very entry point the browser
calls, so the tables cannot drift from the calculators. Every value is escaped. Pure functions:
tested without MkDocs (tests/test_static_answers.py).

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
from html import escape
from typing import Any

from calculators import api, charts
from macros.render import Links, RenderError

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
# The plan form's answers to "How do you manage today?", in its words.
ABILITIES = {
    "mostly-seated": "I spend most of the day sitting and need a person's help to stand or walk",
    "needs-support": "I need support (a hand, a frame or furniture) to stand up",
    "tires-quickly": "I can walk, but I tire quickly",
    "out-of-practice": "I am active, but out of practice with exercise",
}
SAMPLE_PLAN_PAYLOAD: Mapping[str, object] = {
    "age": 70,
    "strength_days": 3,
    "equipment": ["chair", "wall", "counter"],
    "focus": "general",
}


def _answer(calculator: str, payload: Mapping[str, object], **kwargs: Any) -> dict[str, Any]:
    """The calculator's result, or a RenderError (a static answer must be a real answer)."""
    answer = api.run(calculator, payload, **kwargs)
    result = answer.get("result")
    if not isinstance(result, dict) or result.get("status") != "ok":
        message = f"{calculator} gave no answer for {dict(payload)!r}: {answer!r}"
        raise RenderError(message)
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
    """One table: a row per weight, a column per situation, grams a day as "low–high"."""
    head = '<th scope="col">Weight</th>' + "".join(
        f'<th scope="col" data-situation="{escape(s.value)}">{escape(s.heading)}</th>'
        for s in situations
    )
    rows = []
    for weight in PROTEIN_WEIGHTS[unit]:
        cells = []
        for situation in situations:
            daily = _answer("protein", protein_payload(weight, unit, situation))["daily_g"]
            cells.append(
                f'<td data-situation="{escape(situation.value)}">'
                f"{escape(str(daily['low']))}–{escape(str(daily['high']))}</td>"
            )
        rows.append(
            f'<tr data-weight="{weight}"><th scope="row">{weight} {escape(unit)}</th>'
            f"{''.join(cells)}</tr>"
        )
    body = "\n".join(rows)
    return (
        f'<table data-answers="protein-{escape(unit)}">\n'
        f"<caption>{escape(title)}: protein a day in grams, by weight in {escape(unit)}</caption>\n"
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"
    )


def sample_plan(ability: str, exercise_rows: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The plan calculator's week for an ability level with the form's default answers."""
    if ability not in ABILITIES:
        message = f"sample_plan_table: ability={ability!r} is not allowed; allowed: " + ", ".join(
            ABILITIES
        )
        raise RenderError(message)
    return _answer("plan", {**SAMPLE_PLAN_PAYLOAD, "ability": ability}, exercises=exercise_rows)


def sample_plan_table(
    ability: str, exercise_rows: Sequence[Mapping[str, Any]], links: Links
) -> str:
    """One sample programme, collapsible: week 1's days, then what changes week by week."""
    plan = sample_plan(ability, exercise_rows)
    rows = []
    for day in plan["weeks"][0]["days"]:
        items = "\n".join(
            f'<li data-exercise="{escape(e["id"])}"><a href="{escape(links.exercise(e["id"]))}">'
            f"{escape(e['name'])}</a>: {escape(e['dose'])}</li>"
            for e in day["exercises"]
        )
        listing = f"\n<ul>\n{items}\n</ul>" if items else ""
        rows.append(
            f'<tr data-day="{escape(day["name"].lower())}" data-kind="{escape(day["kind"])}">'
            f'<th scope="row">{escape(day["name"])}</th>'
            f"<td><p><strong>{escape(day['title'])}</strong></p>{listing}</td></tr>"
        )
    weeks = "\n".join(
        f'<li data-week="{week["week"]}"><strong>{escape(week["title"])}</strong>: '
        f"{escape(_sets_phrase(week['sets']))}. {escape(week['walking']['text'])}"
        + "".join(f" {escape(note)}" for note in week["notes"])
        + "</li>"
        for week in plan["weeks"]
    )
    body = "\n".join(rows)
    return (
        f'<details class="note" data-answers="plan-{escape(ability)}">\n'
        f"<summary>Sample programme: {escape(ABILITIES[ability])} "
        f"({escape(plan['level']['label'])})</summary>\n"
        f"<p>Week 1:</p>\n"
        f'<table>\n<thead><tr><th scope="col">Day</th><th scope="col">What to do</th></tr>'
        f"</thead>\n<tbody>\n{body}\n</tbody>\n</table>\n"
        f"<p>Week by week:</p>\n<ol>\n{weeks}\n</ol>\n</details>"
    )


def _sets_phrase(sets: int) -> str:
    """The week's sets in words."""
    return f"{sets} set of each exercise" if sets == 1 else f"{sets} sets of each exercise"


def muscle_loss_figure(references_url: str) -> str:
    """The muscle-loss chart in a figure whose caption says what it is and cites S1 and S2.

    Args:
        references_url: the References page as linked from the page being rendered.

    """
    s1 = escape(f"{references_url}#s1")
    s2 = escape(f"{references_url}#s2")
    return (
        f'<figure class="rg-chart" data-chart="muscle-loss">\n{charts.muscle_loss_chart()}\n'
        "<figcaption>Typical muscle loss with age: a population average, not a prediction "
        f'for you. Sources: <a href="{s1}">S1</a>, <a href="{s2}">S2</a>.</figcaption>\n'
        "</figure>"
    )
