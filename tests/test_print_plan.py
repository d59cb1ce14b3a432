"""The plan on paper (issue 16): a compact printout, its title, how-to lines and safety signs.

The page count is measured in the browser (tests/test_browser_readers.py); here, in CPython,
what the printout holds and that it is for paper only.
"""

from __future__ import annotations

from typing import Any

import pytest
from bs4 import BeautifulSoup
from helpers.calc import EXERCISES, cases

from calculators import api, evidence
from calculators.present import form_specs, forms, text, triage
from calculators.triage import Box, Level, rules_in

PLAN = {"age": "78", "strength_days": "3", "ability": "tires-quickly"}


def plan_html(payload: dict[str, Any]) -> BeautifulSoup:
    """The plan answer's HTML, parsed."""
    envelope = api.run("plan", payload, exercises=EXERCISES, root="../../")
    assert envelope["ok"] is True, envelope
    return BeautifulSoup(envelope["html"], "html.parser")


def test_the_printout_is_for_paper_and_the_programme_for_the_screen() -> None:
    """The compact printout is print-only; the week-by-week blocks are screen-only."""
    page = plan_html(PLAN)
    assert page.select(".rg-print-only.rg-printout table.rg-print-plan")
    assert page.select(".rg-screen-only details.rg-plan")
    assert not page.select(".rg-print-only details.rg-plan")


def test_the_print_title_is_the_plan_and_names_the_reader_only_when_given() -> None:
    """The title is "Your 12-week exercise plan", or "… plan for Ann" with a name (escaped)."""
    plain = plan_html(PLAN).select_one(".rg-print-title")
    named = plan_html({**PLAN, "print_name": "  Ann <b>Lee</b> "}).select_one(".rg-print-title")
    assert plain is not None
    assert named is not None
    assert plain.get_text() == "Your 12-week exercise plan"
    assert named.get_text() == "12-week exercise plan for Ann <b>Lee</b>"
    assert named.select("b") == []


def test_a_name_that_looks_like_a_source_id_stays_literal() -> None:
    """A name is the reader's text: "Ann (E3)" is printed as typed, never made a citation."""
    title = plan_html({**PLAN, "print_name": "Ann (E3)"}).select_one(".rg-print-title")
    assert title is not None
    assert title.get_text() == "12-week exercise plan for Ann (E3)"
    assert title.select("a") == []


@pytest.mark.parametrize(
    "name",
    [
        "Ann\u00a0Lee",  # a no-break space
        "Zoë Ångström-Núñez",  # accents
        "Nana 👩\u200d👩\u200d👧",  # an emoji sequence held together by zero-width joiners
        "李小龙",  # Chinese
        "أحمد",  # Arabic
    ],
)
def test_a_name_in_any_script_is_printed_as_typed(name: str) -> None:
    """Any printable Unicode is a name: no-break spaces, accents, joiners, any script."""
    title = plan_html({**PLAN, "print_name": name}).select_one(".rg-print-title")
    assert title is not None
    assert title.get_text() == f"12-week exercise plan for {name}"


@pytest.mark.parametrize(
    "name",
    [
        "x" * (evidence.PRINT_NAME_MAX_CHARS + 1),
        "Ann\nLee",  # C0: a line break
        "Ann\tLee",
        "Ann\x00",
        "Ann\x7f",  # DEL
        "Ann\x85Lee",  # C1: next line
        "Ann\ud800",  # a lone surrogate: no UTF-8 file can hold it
    ],
)
def test_a_name_too_long_or_with_control_characters_is_a_field_error(name: str) -> None:
    """The name field takes one line of up to 60 characters; anything else names the field."""
    envelope = api.run("plan", {**PLAN, "print_name": name}, exercises=EXERCISES)
    assert envelope["ok"] is False
    assert envelope["errors"] == [
        {
            "field": "print_name",
            "message": "Write the name for the printout in up to 60 letters, or leave it empty.",
            "allowed": "up to 60 characters",
        }
    ]


def test_the_name_stays_out_of_the_wire_result_and_the_command_line() -> None:
    """The name is printed on paper only: not in the result data, not in the text answer."""
    envelope = api.run("plan", {**PLAN, "print_name": "Ann Lee"}, exercises=EXERCISES)
    assert "Ann Lee" not in str(envelope["result"])
    _, shown = api.answer("plan", {**PLAN, "print_name": "Ann Lee"}, exercises=EXERCISES)
    assert "Ann Lee" not in text.render(shown)


def test_the_name_field_is_private_to_the_page() -> None:
    """The form marks the name field so the page leaves it out of share links."""
    form = BeautifulSoup(forms.form_html(form_specs.PLAN), "html.parser")
    field = form.select_one('input[name="print_name"]')
    assert field is not None
    assert field.has_attr("data-private")
    assert field["maxlength"] == str(evidence.PRINT_NAME_MAX_CHARS)


# The golden plans that give a programme (not field errors, not a referral).
PROGRAMMES = [
    case for case in cases("plan") if case.values[0].get("expected", {}).get("status") == "ok"
]


@pytest.mark.parametrize("case", PROGRAMMES)
def test_every_printout_row_says_how_to_do_its_exercise(case: dict[str, Any]) -> None:
    """Each exercise row of the printout has the exercise's how-to line (or "as above")."""
    how = {row["name"]: row["how"] for row in EXERCISES}
    links = plan_html(case["input"]).select(".rg-print-plan td > p > a")
    assert links
    for link in links:
        rest = str(link.next_sibling)
        name = link.get_text().removesuffix(", each side")
        assert rest.startswith((f": {how[name]}", ": as above."))


def test_every_printout_keeps_the_signs_to_stop_and_the_falls_rule() -> None:
    """The printout's stop box lists every emergency sign and the falls-assessment rule."""
    box = plan_html(PLAN).select_one(".rg-printout [data-severity=stop]")
    assert box is not None
    text = box.get_text(" ")
    for box_name in (Box.EMERGENCY, Box.FALLS):
        for rule in rules_in(box_name):
            if rule.level not in {Level.AMBULANCE, Level.DOCTOR_TODAY}:
                continue  # on paper, the reader's own referrals are the plan's warnings
            key = triage.sign(rule).key.removeprefix("After a fall: ").rstrip(".:,")
            assert key[1:] in text, rule.id
    assert triage.call_numbers() in text
