"""Numbers as people type them: a decimal comma, a unit after it, stray spaces (issue 22)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from helpers.calc import EXERCISES, cli
from hypothesis import given
from hypothesis import strategies as st

from calculators import api
from calculators.inputs import typed_number

PROTEIN = {"age": "70", "unit": "kg"}
SELF_CHECK = {"strength": 1, "assistance": 0, "rise": 1, "climb": 1, "falls": 0}
PLAN = {"age": "72", "ability": "tires-quickly", "strength_days": "3"}


def weight_kg(weight: str, unit: str = "kg") -> Any:
    """The weight in kg the protein calculator read from `weight` typed with `unit` ticked."""
    answer = api.run("protein", {**PROTEIN, "unit": unit, "weight": weight})
    assert answer["ok"], answer
    return answer["result"]["weight_kg"]


@pytest.mark.parametrize(
    ("typed", "kg"),
    [
        ("68,5", 68.5),
        ("68.5", 68.5),
        ("68 kg", 68),
        ("68kg", 68),
        (" 68,5  KG ", 68.5),
        ("68\u00a0kg", 68),  # a no-break space, as phones and copied text have
        ("68 kilos", 68),
        ("150 lb", 68),  # 150 lb = 68.04 kg
        ("150 lbs.", 68),
        ("150 pounds", 68),
    ],
)
def test_weight_as_typed_is_read(typed: str, kg: float) -> None:
    """A decimal comma, spaces and a unit word after the weight are what the reader meant."""
    assert weight_kg(typed) == kg


def test_a_unit_typed_after_the_weight_switches_the_unit() -> None:
    """A typed "150 lb" with kilograms ticked is 150 lb; "68 kg" with pounds ticked is 68 kg."""
    assert weight_kg("150 lb", unit="kg") == 68
    assert weight_kg("68 kg", unit="lb") == 68
    assert weight_kg("150", unit="lb") == 68


@pytest.mark.parametrize(
    ("calculator", "typed", "plain"),
    [
        ("self-check", {"chair_stand_seconds": "12,5 s"}, {"chair_stand_seconds": "12.5"}),
        ("self-check", {"chair_stand_seconds": " 14 seconds "}, {"chair_stand_seconds": "14"}),
        ("self-check", {"age": "72 years", "chair_stand_seconds": "13 sec"},
         {"age": "72", "chair_stand_seconds": "13"}),
        ("plan", {"steps_per_day": "5,000"}, {"steps_per_day": "5000"}),
        ("plan", {"steps_per_day": "12,500 steps"}, {"steps_per_day": "12500"}),
        ("plan", {"age": "72 years old"}, {"age": "72"}),
        ("protein", {"weight": "110", "height_cm": "170 cm"},
         {"weight": "110", "height_cm": "170"}),
        ("protein", {"weight": "110", "height_cm": "170,5"},
         {"weight": "110", "height_cm": "170.5"}),
        ("protein", {"weight": "70", "meals_per_day": "4 meals"},
         {"weight": "70", "meals_per_day": "4"}),
    ],
)  # fmt: skip
def test_other_fields_take_their_own_unit_and_a_decimal_comma(
    calculator: str, typed: dict[str, str], plain: dict[str, str]
) -> None:
    """Seconds, years, steps, centimetres and meals: each field's own unit word is accepted."""
    base = {"self-check": SELF_CHECK, "plan": PLAN, "protein": PROTEIN}[calculator]
    answer = api.run(calculator, {**base, **typed}, exercises=EXERCISES)
    assert answer["ok"], answer
    assert answer == api.run(calculator, {**base, **plain}, exercises=EXERCISES)


def test_measured_plan_tests_take_seconds_and_commas() -> None:
    """The plan's balance stands, walk and chair rises read "10 s" and "4,5" as the self-check."""
    tests = {
        "balance_side_by_side_seconds": "10 s",
        "balance_semi_tandem_seconds": "10,0",
        "balance_tandem_seconds": " 6,5 sec ",
        "walk_4m_seconds": "4,5",
        "chair_rise_seconds": "12 seconds",
    }
    typed = api.run("plan", {**PLAN, **tests}, exercises=EXERCISES)
    plain = api.run(
        "plan",
        {**PLAN, **{name: value.split()[0].replace(",", ".") for name, value in tests.items()}},
        exercises=EXERCISES,
    )
    assert typed["ok"], typed
    assert typed["result"]["level"]["sppb"] == plain["result"]["level"]["sppb"]


@pytest.mark.parametrize(
    ("calculator", "field", "typed", "allowed"),
    [
        ("protein", "weight", "68 st", "30–250 kg"),  # stones: not a unit we read
        ("protein", "weight", "1,000", "30–250 kg"),  # one thousand or one point zero?
        ("protein", "weight", "68,5,2", "30–250 kg"),
        ("protein", "weight", "1.068,5", "30–250 kg"),
        ("protein", "weight", "68 kg kg", "30–250 kg"),
        ("protein", "weight", "kg", "30–250 kg"),
        ("protein", "weight", "6 8", "30–250 kg"),
        ("protein", "height_cm", "5 ft", "100–230 cm"),  # the field is in centimetres
        ("protein", "age", "70 kg", "5–110 years"),
        ("self-check", "chair_stand_seconds", "12 minutes", "3–120 seconds"),
        ("self-check", "chair_stand_seconds", "12,345", "3–120 seconds"),
        ("plan", "steps_per_day", "5,5", "0–50,000 steps"),  # steps are whole
    ],
)
def test_anything_else_still_gets_its_field_message(
    calculator: str, field: str, typed: str, allowed: str
) -> None:
    """A unit for another field, a number split oddly or no number: the field's own message."""
    base = {"self-check": SELF_CHECK, "plan": PLAN, "protein": {**PROTEIN, "weight": "70"}}
    answer = api.run(calculator, {**base[calculator], field: typed}, exercises=EXERCISES)
    assert answer["ok"] is False
    [error] = answer["errors"]
    assert (error["field"], error["allowed"]) == (field, allowed)
    assert allowed.split("–", maxsplit=1)[0] in error["message"]


def test_the_command_line_reads_numbers_as_typed() -> None:
    """The CLI goes through the same reader: "68,5" and "150 lb" work there too."""
    done = cli("protein", "--weight", "150 lb", "--age", "40", "--situation", "training")
    assert done.returncode == 0, done.stderr
    assert "150 lb = 68" in done.stdout
    comma = cli("protein", "--weight", "68,5", "--age", "40", "--json")
    assert comma.returncode == 0, comma.stderr


@given(st.decimals(min_value=0, max_value=999, places=2, allow_nan=False))
def test_a_decimal_comma_reads_as_the_point(number: Decimal) -> None:
    """Any number with up to two decimals reads the same with a comma as with a point."""
    text = f"{number:f}"
    assert typed_number(text.replace(".", ","), ("kg",)) == typed_number(text, ("kg",))
    assert typed_number(f"{text} kg", ("kg",)) == (Decimal(text), "kg")
