"""Each calculator's fields are declared once (`calculators.fields`, issue 23 point 2).

The form shows exactly the fields its calculator reads, with the calculator's own declarations;
a message names the bound in force; reading a field as the wrong enum is a bug, not an answer.
"""

from __future__ import annotations

import pytest

from calculators import fields, protein, schedule, self_check
from calculators.evidence import Bound
from calculators.fields import Field, Kind
from calculators.inputs import PayloadReader
from calculators.plan import answers as plan
from calculators.present import field_words, form_specs, forms

DECLARED = {"protein": protein.FIELDS, "plan": plan.FIELDS, "self-check": self_check.FIELDS}


@pytest.mark.parametrize("name", list(DECLARED))
def test_each_form_shows_exactly_the_fields_its_calculator_reads(name: str) -> None:
    """Every declared field is on the form, as that very declaration, and nothing else is."""
    shown = {field.name: field.spec for field in form_specs.FORMS[name].fields}
    declared = {field.name: field for field in DECLARED[name]}
    assert shown.keys() == declared.keys()
    assert all(shown[key] is declared[key] for key in declared)


def test_the_calendar_boxes_are_the_calendars_fields() -> None:
    """The time and reminder beside the calendar button are the calendar reader's declarations."""
    assert tuple(field.spec for field in forms.CALENDAR_FIELDS) == schedule.FIELDS


def test_a_required_field_takes_no_default_when_missing() -> None:
    """The days box starts at 3, but a payload without days is an error, not 3 days."""
    reader = PayloadReader({})
    reader.read_whole(plan.STRENGTH_DAYS)
    assert reader.has_error("strength_days")
    assert PayloadReader({}).read_whole(protein.MEALS) == 3


def test_a_message_names_the_bound_in_force() -> None:
    """{low}, {high} and {unit} are the bound the value was checked against (pounds or kg)."""
    field = Field("weight", Kind.NUMBER, "protein.weight", bound=Bound(30, 250, "kg"))
    assert field_words.field_error(field).endswith("between 30 and 250 kg.")
    assert field_words.field_error(field, Bound(67, 551, "lb")).endswith("between 67 and 551 lb.")


def test_every_declared_field_has_its_words_and_every_word_a_field() -> None:
    """Each declaration's key is in present.field_words' catalogue, and no key is left unused."""
    declared = (*(spec for specs in DECLARED.values() for spec in specs), *schedule.FIELDS)
    keys = {spec.words for spec in declared if spec.kind is not Kind.FLAG}
    assert all(keys), "a field other than a tick box names no words"
    assert keys <= field_words.FIELD_WORDS.keys()
    # Two keys no declaration names: the plan's "a level or tests" rule (across two fields) and
    # the calendar's start date (read by schedule.read_start_date, not a form field).
    assert field_words.FIELD_WORDS.keys() - keys == {"plan.ability-or-tests", "calendar.start_date"}


def test_a_choice_declares_its_enums_values_in_order() -> None:
    """A choice field's values are its enum's, and its default is a value."""
    assert protein.KIDNEY.choices == tuple(status.value for status in protein.KidneyStatus)
    assert protein.KIDNEY.default == "none"
    assert fields.flag("liver_disease").kind is Kind.FLAG


def test_reading_a_field_as_another_enum_is_a_bug() -> None:
    """The reader refuses to read a declared choice as an enum it does not hold."""
    with pytest.raises(TypeError, match="unit"):
        PayloadReader({}).read_choice(protein.UNIT, protein.Situation)
