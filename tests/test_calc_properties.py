"""Properties of both calculators over many generated inputs (Hypothesis)."""

from __future__ import annotations

import json
import math
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import api
from calculators.evidence import KG_PER_LB

ROOT = Path(__file__).resolve().parent.parent
EXERCISES = yaml.safe_load((ROOT / "data" / "exercises.yml").read_text(encoding="utf-8"))
FAST = settings(max_examples=150, deadline=None)

kg_weights = st.decimals(min_value=30, max_value=250, places=2)
ages = st.integers(min_value=5, max_value=110)
protein_payloads = st.fixed_dictionaries(
    {
        "weight": kg_weights.map(str),
        "unit": st.just("kg"),
        "age": ages,
        "situation": st.sampled_from(["general", "older", "training", "recovering"]),
        "kidney": st.sampled_from(["none", "ckd", "dialysis", "transplant", "at-risk"]),
        "meals_per_day": st.integers(min_value=1, max_value=8),
        "pregnant_or_breastfeeding": st.booleans(),
        "liver_disease": st.booleans(),
        "unintended_weight_loss": st.booleans(),
    }
)
adult_ok_payloads = protein_payloads.map(
    lambda p: {
        **p,
        "age": max(p["age"], 18),
        "kidney": "none" if p["kidney"] in {"ckd", "dialysis", "transplant"} else p["kidney"],
        "pregnant_or_breastfeeding": False,
        "liver_disease": False,
    }
)
plan_payloads = st.fixed_dictionaries(
    {
        "age": ages,
        "ability": st.sampled_from(
            ["mostly-seated", "needs-support", "tires-quickly", "out-of-practice"]
        ),
        "strength_days": st.integers(min_value=1, max_value=7),
        "steps_per_day": st.one_of(st.none(), st.just(""), st.integers(0, 50_000)),
        "equipment": st.lists(
            st.sampled_from(
                [
                    "none",
                    "chair",
                    "wall",
                    "counter",
                    "step",
                    "band",
                    "dumbbells",
                    "gym-machine",
                    "mat",
                ]
            ),
            unique=True,
        ),
        "lacks": st.lists(st.sampled_from(["chair", "wall", "counter"]), unique=True),
        "focus": st.sampled_from(["general", "legs", "balance"]),
        "floor_ok": st.booleans(),
        "fall_with_injury": st.booleans(),
        "chronic_condition": st.booleans(),
        "recent_hospital_stay": st.booleans(),
        "fall_past_year": st.booleans(),
        "chest_pain_or_fainting": st.booleans(),
    }
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(), children),
    max_leaves=6,
)


def numbers_in(value: Any) -> list[float]:
    """Every number anywhere in a JSON-like value."""
    if isinstance(value, dict):
        return [n for item in value.values() for n in numbers_in(item)]
    if isinstance(value, list):
        return [n for item in value for n in numbers_in(item)]
    if isinstance(value, int | float) and not isinstance(value, bool):
        return [float(value)]
    return []


def assert_finite_json(result: dict[str, Any]) -> None:
    """The result is strict JSON and every number in it is finite."""
    json.dumps(result, allow_nan=False)
    assert all(math.isfinite(number) for number in numbers_in(result))


def result_of(calculator: str, payload: dict[str, Any]) -> dict[str, Any]:
    """A calculator's result for a payload (asserting it succeeded)."""
    answer = api.run(calculator, payload, exercises=EXERCISES)
    assert answer["ok"], answer
    result: dict[str, Any] = answer["result"]
    return result


def protein(payload: dict[str, Any]) -> dict[str, Any]:
    """The protein result."""
    return result_of("protein", payload)


def plan(payload: dict[str, Any]) -> dict[str, Any]:
    """The plan result."""
    return result_of("plan", payload)


@FAST
@given(protein_payloads)
def test_protein_outputs_are_finite_plain_json(payload: dict[str, Any]) -> None:
    """Every protein answer is JSON without NaN or infinity."""
    assert_finite_json(protein(payload))


@FAST
@given(protein_payloads)
def test_protein_ranges_have_low_at_most_high(payload: dict[str, Any]) -> None:
    """g/kg, daily and per-meal ranges never run backwards, and stay within 0.8–2.0 g/kg."""
    result = protein(payload)
    for key in ("g_per_kg", "daily_g", "per_meal_g"):
        if result[key] is not None:
            assert result[key]["low"] <= result[key]["high"]
    if result["g_per_kg"] is not None:
        assert 0.8 <= result["g_per_kg"]["low"] <= result["g_per_kg"]["high"] <= 2.0


@FAST
@given(adult_ok_payloads, kg_weights, kg_weights)
def test_daily_protein_grows_with_weight(
    payload: dict[str, Any], first: Decimal, second: Decimal
) -> None:
    """A heavier reader, all else equal, never gets fewer daily grams."""
    lighter, heavier = sorted((first, second))
    low = protein({**payload, "weight": str(lighter)})["daily_g"]
    high = protein({**payload, "weight": str(heavier)})["daily_g"]
    assert low["low"] <= high["low"]
    assert low["high"] <= high["high"]


@FAST
@given(protein_payloads, st.decimals(min_value=67, max_value=550, places=1))
def test_kg_and_lb_give_the_same_result_for_the_same_mass(
    payload: dict[str, Any], pounds: Decimal
) -> None:
    """The same mass in pounds or in kilograms gives the same answer, apart from the notes."""
    in_lb = protein({**payload, "weight": str(pounds), "unit": "lb"})
    in_kg = protein({**payload, "weight": str(pounds * KG_PER_LB), "unit": "kg"})
    del in_lb["notes"], in_kg["notes"]  # the arithmetic note names the unit given
    assert in_lb == in_kg


@FAST
@given(protein_payloads)
def test_every_protein_result_cites_a_source(payload: dict[str, Any]) -> None:
    """Every protein answer, a number or a referral, cites at least one evidence id."""
    assert protein(payload)["sources"]


@FAST
@given(
    protein_payloads,
    st.one_of(
        st.floats(allow_nan=True, allow_infinity=True).filter(lambda x: not (30 <= x <= 250)),
        st.sampled_from(["", "nan", "NaN", "inf", "-inf", "1e9", "-3", "abc", "1,5", "0x20"]),
        st.booleans(),
        st.none(),
        st.lists(st.integers(), max_size=2),
    ),
)
def test_invalid_or_non_finite_weight_is_a_field_error(
    payload: dict[str, Any], weight: Any
) -> None:
    """Weights outside 30–250 kg or not numbers give an error on `weight`, never an exception."""
    answer = api.run("protein", {**payload, "weight": weight})
    assert answer["ok"] is False
    assert [error["field"] for error in answer["errors"]] == ["weight"]


@FAST
@given(
    st.sampled_from(["protein", "plan", "other", ""]),
    st.dictionaries(st.text(max_size=25), json_values),
)
def test_any_payload_gives_an_envelope_never_an_exception(
    calculator: str, payload: dict[str, Any]
) -> None:
    """Arbitrary JSON payloads give a well-formed, finite envelope."""
    answer = api.run(calculator, payload, exercises=EXERCISES)
    json.dumps(answer, allow_nan=False)
    assert answer["version"] == api.WIRE_VERSION
    assert answer["calculator"] == calculator
    if not answer["ok"]:
        assert all(set(error) == {"field", "message", "allowed"} for error in answer["errors"])


@FAST
@given(plan_payloads)
def test_plan_outputs_are_finite_plain_json_with_sources(payload: dict[str, Any]) -> None:
    """Every plan answer is JSON without NaN or infinity and cites at least one source."""
    result = plan(payload)
    assert_finite_json(result)
    assert result["sources"]


@FAST
@given(st.sampled_from(["protein", "plan"]), plan_payloads, protein_payloads)
def test_same_input_gives_the_same_output(
    calculator: str, plan_payload: dict[str, Any], protein_payload: dict[str, Any]
) -> None:
    """Both calculators are deterministic, and run_json agrees with run."""
    payload = plan_payload if calculator == "plan" else protein_payload
    first = api.run(calculator, payload, exercises=EXERCISES)
    assert api.run(calculator, payload, exercises=EXERCISES) == first
    text = api.run_json(calculator, json.dumps(payload), json.dumps(EXERCISES))
    assert json.loads(text) == json.loads(json.dumps(first))
