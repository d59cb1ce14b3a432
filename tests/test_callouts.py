"""The safety boxes are built once (present.callouts): the pages and the printed plan read them."""

from __future__ import annotations

import pytest

from calculators.present import callouts
from calculators.present import triage as words
from calculators.present.callouts import safety_blocks
from calculators.present.view import Warning
from calculators.triage import Box, Level, rules_in
from macros import safety


@pytest.mark.parametrize("box", list(Box))
def test_a_box_holds_each_of_its_rules_once_in_the_triage_order(box: Box) -> None:
    """The sections, read in order, are exactly the triage table's rules for the box."""
    rules = [rule for section in callouts.sections(box) for rule in section.rules]
    assert rules == list(rules_in(box))


@pytest.mark.parametrize("box", list(Box))
def test_the_page_box_lays_out_its_callout(box: Box) -> None:
    """The admonition has the callout's title, each section's heading and lead, and each sign."""
    box_callout = callouts.callout(box)
    text = safety.admonition(box_callout, "references.md")
    assert text.startswith(f'!!! {box_callout.kind} "{box_callout.title}"')
    for section in box_callout.sections:
        assert f"    **{section.heading}** {section.lead}".rstrip() in text.splitlines()
        assert all(f"    {safety.item(rule)}" in text.splitlines() for rule in section.rules)


def test_the_printed_plan_box_lists_the_page_boxes_emergencies() -> None:
    """Paper has one line per emergency sign of the page boxes, then after a fall, then today."""
    (box,) = safety_blocks()
    assert isinstance(box, Warning)
    ambulance = {
        rule
        for page_box in (Box.EMERGENCY, Box.FALLS)
        for section in callouts.sections(page_box)
        if section.level is Level.AMBULANCE
        for rule in section.rules
    }
    after_fall = {rule for rule in ambulance if words.sign(rule).key.startswith("After a fall")}
    assert len(box.items) == len(ambulance) - len(after_fall) + 2
