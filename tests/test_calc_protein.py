"""The protein answer agrees with itself: per meal × meals reaches the day; units agree."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import api, evidence
from calculators.evidence import KG_PER_LB
from calculators.present import html, text
from harness import ROOT

FAST = settings(max_examples=300, deadline=None)

# Adults who get a personal number, with or without a height.
numbers_payloads = st.fixed_dictionaries(
    {
        "weight": st.decimals(min_value=30, max_value=250, places=1).map(str),
        "age": st.integers(min_value=18, max_value=110),
        "situation": st.sampled_from(["general", "older", "training", "recovering"]),
        "kidney": st.sampled_from(["none", "at-risk"]),
        "meals_per_day": st.integers(min_value=1, max_value=8),
        "height_cm": st.none() | st.integers(min_value=100, max_value=230),
    }
)
# A meal plan may overshoot the day's top end by at most this many grams: the rounding of a few
# meals, or one floor-sized meal where fewer meals would fall below the per-meal ceiling.
OVERSHOOT_G = 10


def result(payload: dict[str, Any]) -> dict[str, Any]:
    """The protein result for a valid payload."""
    answer = api.run("protein", payload)
    assert answer["ok"] is True, answer
    found: dict[str, Any] = answer["result"]
    return found


def floor_for(age: int) -> int:
    """The per-meal floor for the age: 25 g from 65 (P10), 20 g younger (P8)."""
    if age >= evidence.OLDER_ADULT_AGE:
        return evidence.PER_MEAL_FLOOR_OLDER_G
    return evidence.PER_MEAL_FLOOR_ADULT_G


@FAST
@given(numbers_payloads)
def test_per_meal_times_meals_is_within_reach_of_the_daily_range(payload: dict[str, Any]) -> None:
    """Per meal × the meals (or eating occasions) that carry it reaches the day, near its top."""
    found = result(payload)
    daily, per_meal = found["daily_g"], found["per_meal_g"]
    carriers = found["protein_meals"] if found["meals_reach_daily_low"] else found["occasions"]
    assert carriers * per_meal["low"] >= daily["low"]
    assert carriers * per_meal["low"] <= daily["high"] + OVERSHOOT_G
    assert carriers * per_meal["high"] <= max(daily["high"], carriers * per_meal["low"])
    if not found["meals_reach_daily_low"]:
        meals = found["meals_per_day"]
        assert meals == 1 or meals * evidence.PER_MEAL_CEILING_G < daily["low"]
        assert found["occasions"] > meals
        assert found["suggestion"]


@FAST
@given(numbers_payloads)
def test_no_meal_is_asked_to_carry_the_whole_day(payload: dict[str, Any]) -> None:
    """Even one meal a day is never given the day's low end: snacks carry a share."""
    found = result(payload)
    assert found["per_meal_g"]["high"] < found["daily_g"]["low"]
    assert found["per_meal_g"]["high"] <= evidence.PER_MEAL_CEILING_G


@FAST
@given(numbers_payloads)
def test_per_meal_amount_is_below_the_floor_only_for_a_small_eater(
    payload: dict[str, Any],
) -> None:
    """Below 25 g from 65 (P10) or 20 g younger (P8) only when 3 × the floor overshoots the day.

    Then the day is spread at about 0.4 g/kg a meal (common practice, P9 cited with it).
    """
    found = result(payload)
    floor = floor_for(payload["age"])
    assert found["per_meal_g"]["low"] <= found["per_meal_g"]["high"]
    if found["per_meal_g"]["low"] < floor:
        assert 3 * floor > found["daily_g"]["high"]  # 3 x 25 g is above the day's range
        assert "P9" in found["sources"]
        assert any("0.4 g per kg" in note for note in found["notes"])


@FAST
@given(numbers_payloads)
def test_per_meal_amount_is_the_day_split_over_the_meals(payload: dict[str, Any]) -> None:
    """When every meal carries protein, the amount is the day split evenly (as the chart shows)."""
    found = result(payload)
    meals = found["meals_per_day"]
    if found["meals_reach_daily_low"] and found["protein_meals"] == meals:
        split_low = -(-found["daily_g"]["low"] // meals)
        floor = 0 if "P9" in found["sources"] else floor_for(payload["age"])
        assert found["per_meal_g"]["low"] == max(split_low, floor)
    assert found["protein_meals"] <= meals


# A range written with equal ends ("25–25 g", "0.8–0.8"): the one formatter never writes one.
EQUAL_ENDS = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)–\1(?![\d.])")


@FAST
@given(
    numbers_payloads
    | st.fixed_dictionaries(
        {
            "weight": st.decimals(min_value=30, max_value=250, places=1).map(str),
            "age": st.integers(min_value=5, max_value=110),
            "kidney": st.sampled_from(["ckd", "dialysis", "transplant", "none"]),
            "meals_per_day": st.integers(min_value=1, max_value=8),
        }
    )
)
def test_no_protein_output_shows_a_range_with_equal_ends(payload: dict[str, Any]) -> None:
    """Neither the answer's page markup nor its plain text holds "X–X" (one number instead)."""
    envelope, view = api.answer("protein", payload)
    assert view is not None
    shown = [json.dumps(envelope, ensure_ascii=False), html.render(view, ""), text.render(view)]
    assert not [match.group(0) for part in shown for match in EQUAL_ENDS.finditer(part)]


@FAST
@given(st.decimals(min_value=50, max_value=600, places=2))
def test_a_weight_in_pounds_is_accepted_only_within_the_kg_bounds(pounds: Decimal) -> None:
    """Any weight accepted in pounds is 30-250 kg, so the two units' bounds agree."""
    answer = api.run("protein", {"weight": str(pounds), "unit": "lb", "age": 70})
    if answer["ok"]:
        assert evidence.WEIGHT_KG.low <= pounds * KG_PER_LB <= evidence.WEIGHT_KG.high
    else:
        assert [error["field"] for error in answer["errors"]] == ["weight"]


@pytest.mark.parametrize(
    ("weight", "unit", "accepted"),
    [
        ("66", "lb", False),
        ("67", "lb", True),
        ("551", "lb", True),
        ("552", "lb", False),
        ("29.9", "kg", False),
        ("30", "kg", True),
        ("250", "kg", True),
        ("250.1", "kg", False),
    ],
)
def test_weight_bounds_at_the_edges(weight: str, unit: str, accepted: bool) -> None:
    """66 lb (29.9 kg) is refused like 29.9 kg; 67 lb (30.4 kg) is accepted like 30 kg."""
    assert api.run("protein", {"weight": weight, "unit": unit, "age": 70})["ok"] is accepted


@FAST
@given(numbers_payloads.filter(lambda p: p["height_cm"] is not None))
def test_an_adjusted_weight_is_used_exactly_from_a_bmi_of_30(payload: dict[str, Any]) -> None:
    """With a height, BMI 30 or more uses a lighter adjusted weight (P14); below 30, none."""
    found = result(payload)
    metres = Decimal(payload["height_cm"]) / 100
    bmi = Decimal(payload["weight"]) / (metres * metres)
    if bmi >= evidence.OBESITY_BMI:
        assert found["adjusted_weight_kg"] is not None
        assert found["adjusted_weight_kg"] <= Decimal(payload["weight"])
        assert "P14" in found["sources"]
    else:
        assert found["adjusted_weight_kg"] is None


def test_recovering_reader_is_told_to_check_with_the_care_team() -> None:
    """Recovering: a caution to check with the care team, and that severe illness may need more."""
    found = result({"weight": 80, "age": 72, "situation": "recovering"})
    text = " ".join(warning["message"] for warning in found["warnings"])
    assert "check this amount with your care team" in text
    assert "Severe illness or injury may need more" in text
    assert "dietitian" in text


@pytest.mark.parametrize("situation", ["training", "recovering"])
def test_kidneys_at_risk_get_no_raised_target(situation: str) -> None:
    """Kidneys at risk: the general range for the age, never the raised one, and an eGFR caution."""
    found = result({"weight": 70, "age": 70, "situation": situation, "kidney": "at-risk"})
    assert found["g_per_kg"] == {"low": 1, "high": 1.2}
    assert "kidney blood test (eGFR)" in found["warnings"][0]["message"]


# Each abbreviation a protein answer may use, and the words that must go with it (tooltips do
# not reach answers, issue 21).
ABBREVIATION_WORDS = {
    "BMI": "body mass index",
    "eGFR": "kidney blood test",
    "ESPEN": "European",
    "ASPEN": "American",
    "SCCM": "American",
    "KDIGO": "Kidney Disease: Improving Global Outcomes",
    "KDOQI": "National Kidney Foundation",
    "PROT-AGE": "expert group",
    "ISSN": "International Society of Sports Nutrition",
}


def listed_abbreviations() -> list[str]:
    """The abbreviations the site explains in tooltips (includes/abbreviations.md)."""
    listed = (ROOT / "includes" / "abbreviations.md").read_text(encoding="utf-8")
    return re.findall(r"^\*\[([^\]]+)\]:", listed, flags=re.MULTILINE)


@FAST
@given(
    numbers_payloads
    | st.fixed_dictionaries(
        {
            "weight": st.decimals(min_value=30, max_value=250, places=1).map(str),
            "age": st.integers(min_value=5, max_value=110),
            "kidney": st.sampled_from(["ckd", "dialysis", "transplant", "at-risk"]),
            "height_cm": st.none() | st.integers(min_value=100, max_value=230),
        }
    )
)
def test_no_abbreviation_in_a_protein_answer_without_its_words(payload: dict[str, Any]) -> None:
    """Every listed abbreviation in the answer's text comes with its words in the same answer."""
    _, view = api.answer("protein", payload)
    assert view is not None
    shown = text.render(view)
    for abbreviation in {*listed_abbreviations(), *ABBREVIATION_WORDS}:
        if re.search(rf"(?<![\w-]){re.escape(abbreviation)}(?![\w-])", shown):
            assert abbreviation in ABBREVIATION_WORDS, f"{abbreviation} has no words to go with it"
            assert ABBREVIATION_WORDS[abbreviation] in shown, abbreviation
