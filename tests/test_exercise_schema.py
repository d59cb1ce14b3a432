"""An exercise has one schema: the pages and the plan calculator read the same typed value."""

from __future__ import annotations

import dataclasses
import json

from calculators.api import read_exercises
from calculators.exercises import Exercise
from macros.data import ExerciseRow, data_dir, load_site_data


def test_pages_render_the_calculators_exercises() -> None:
    """The macros' exercises are the calculators' `Exercise`, as the browser reads the JSON copy."""
    site_data = load_site_data(data_dir())
    assert all(type(exercise) is Exercise for exercise in site_data.exercises)
    browser = read_exercises(json.dumps(site_data.exercises_json()))
    assert site_data.exercises == browser


def test_every_field_the_build_checks_is_read_into_the_exercise() -> None:
    """A column of exercises.yml is checked by the build and read by the one reader, or neither."""
    read = {field.name for field in dataclasses.fields(Exercise)}
    derived = {"equipment_listed", "drawing"}  # the file's order of `equipment`; the sprite's
    assert set(ExerciseRow.model_fields) == read - derived


def test_card_fields_reach_the_exercise() -> None:
    """The card's muscles, steps and equipment order come through the calculators' reader."""
    row = load_site_data(data_dir()).exercises_by_id["band-row"]
    assert row.equipment_listed[0].value == "band"
    assert row.muscles
    assert 3 <= len(row.steps) <= 5
