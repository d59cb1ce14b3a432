"""Every triage rule reads the same in every place that shows it (issue 21.1).

The table (`calculators.triage`) gives each rule one level and one words key; the page boxes
and the tools must show exactly those words under exactly that level. Each test names the
place that differs.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from helpers.calc import EXERCISES
from helpers.content import normalise, page_text

from calculators import api
from calculators.present import triage as words
from calculators.triage import (
    RULE,
    RULES,
    Box,
    Level,
    Observations,
    RuleId,
    evaluate,
    most_urgent,
    rules_in,
)
from harness import BuiltSite
from macros import safety

# The pages that show each box (the macro is on the page).
BOX_PAGES = {
    Box.EMERGENCY: [
        "guide/early-signs/",
        "guide/exercises/",
        "guide/weekly-plan/",
        "guide/after-hospital/",
        "tools/plan/",
        "tools/self-check/",
        "about/",
    ],
    Box.FALLS: [
        "guide/early-signs/",
        "guide/weekly-plan/",
        "guide/after-hospital/",
        "tools/plan/",
        "tools/self-check/",
    ],
    Box.WARNING_SIGNS: ["guide/early-signs/"],
    Box.NOT_WITHOUT_ADVICE: ["tools/plan/"],
}
PAGE_CASES = [
    (box, page, rule)
    for box, pages in BOX_PAGES.items()
    for page in pages
    for rule in rules_in(box)
]


def _level_before(text: str, at: int) -> Level | None:
    """The level whose heading comes last before position `at` in a box's text."""
    found = [
        (text.rfind(normalise(heading), 0, at), level) for level, heading in words.HEADING.items()
    ]
    best = max(found, key=lambda pair: pair[0])
    return best[1] if best[0] >= 0 else None


@pytest.mark.parametrize(
    ("box", "url_path", "rule"),
    PAGE_CASES,
    ids=[f"{page}{rule.id.value}" for _, page, rule in PAGE_CASES],
)
def test_page_box_words_and_levels_each_rule_as_the_table(
    built_site: BuiltSite, box: Box, url_path: str, rule: Any
) -> None:
    """Each rule of a box is on the page in the catalogue's words, under its level's heading."""
    text = page_text(built_site, url_path)
    sign = normalise(words.sign(rule).text())
    at = text.find(sign)
    assert at >= 0, f"{url_path}: the {box.value} box lacks {rule.id.value!r} as worded"
    assert _level_before(text, at) is rule.level, (
        f"{url_path}: {rule.id.value} is levelled differently"
    )


@pytest.mark.parametrize("box", list(Box))
def test_every_box_lists_its_rules_in_the_catalogue_words(box: Box) -> None:
    """The Markdown box has one line per rule, bold key first (no page built)."""
    render = {
        Box.EMERGENCY: safety.emergency_signs,
        Box.FALLS: safety.falls_rule,
        Box.WARNING_SIGNS: safety.warning_signs,
        Box.NOT_WITHOUT_ADVICE: safety.not_without_advice,
    }[box]
    text = render("references.md")
    for rule in rules_in(box):
        assert f"    {safety.item(rule)}" in text.splitlines()


def test_every_rule_has_words_and_every_word_a_rule() -> None:
    """The catalogue and the table have the same keys."""
    assert {rule.words for rule in RULES} == set(words.SIGNS)


# One golden case per rule a tool can fire: (tool, payload, rule).
PLAN = {"age": 70, "ability": "tires-quickly", "strength_days": 3}
CHECK = {"strength": 0, "assistance": 0, "rise": 0, "climb": 0, "falls": 0, "age": 70}
PROTEIN = {"weight": 60, "unit": "kg", "age": 70, "situation": "general"}
TOOL_CASES: list[tuple[str, dict[str, Any], RuleId]] = [
    ("plan", {**PLAN, "chest_pain_or_fainting": True}, RuleId.EXERTION_SYMPTOMS),
    ("plan", {**PLAN, "age": 16}, RuleId.UNDER_18),
    ("plan", {**PLAN, "blackouts": True}, RuleId.BLACKOUTS),
    ("plan", {**PLAN, "chronic_condition": True}, RuleId.CHRONIC_CONDITION),
    ("plan", {**PLAN, "recent_hospital_stay": True}, RuleId.RECENT_HOSPITAL_STAY),
    ("plan", {**PLAN, "fall_with_injury": True}, RuleId.FALL_WITH_INJURY),
    ("plan", {**PLAN, "two_or_more_falls": True}, RuleId.TWO_OR_MORE_FALLS),
    ("plan", {**PLAN, "cannot_get_up": True}, RuleId.CANNOT_GET_UP),
    ("plan", {**PLAN, "ability": "needs-support"}, RuleId.NEEDS_HELP_TO_WALK),
    ("plan", {**PLAN, "fall_past_year": True}, RuleId.ONE_FALL),
    (
        "plan",
        {
            **PLAN,
            "chair_rise_seconds": 12,
            "balance_side_by_side_seconds": 10,
            "balance_semi_tandem_seconds": 10,
            "balance_tandem_seconds": 10,
            "walk_4m_seconds": 6,
        },
        RuleId.SLOW_WALK,
    ),
    (
        "plan",
        {**PLAN, "chair_rise_seconds": 12, "balance_side_by_side_seconds": 4},
        RuleId.BALANCE_NOT_HELD,
    ),
    ("self-check", {**CHECK, "falls": 2}, RuleId.TWO_OR_MORE_FALLS),
    ("self-check", {**CHECK, "falls": 1}, RuleId.ONE_FALL),
    ("self-check", {**CHECK, "assistance": 2}, RuleId.NEEDS_HELP_TO_WALK),
    ("self-check", {**CHECK, "walk_4m_seconds": 6}, RuleId.SLOW_WALK),
    ("self-check", {**CHECK, "balance_side_by_side_seconds": 4}, RuleId.BALANCE_NOT_HELD),
    ("self-check", {**CHECK, "age": 16}, RuleId.UNDER_18),
    ("protein", {**PROTEIN, "weight": 38}, RuleId.LOW_WEIGHT),
    ("protein", {**PROTEIN, "weight": 55, "height_cm": 175}, RuleId.LOW_WEIGHT),
]


def _run(tool: str, payload: dict[str, Any]) -> dict[str, Any]:
    """A tool's result through the wire."""
    extra = {"exercises": EXERCISES} if tool == "plan" else {}
    answer = api.run(tool, payload, **extra)
    assert answer["ok"], answer
    result: dict[str, Any] = answer["result"]
    return result


@pytest.mark.parametrize(
    ("tool", "payload", "rule"), TOOL_CASES, ids=[f"{t}-{r.value}" for t, _, r in TOOL_CASES]
)
def test_tool_words_and_levels_each_rule_as_the_table(
    tool: str, payload: dict[str, Any], rule: RuleId
) -> None:
    """The tool's answer carries the rule's sentence, at its level's severity."""
    warnings = _run(tool, payload)["warnings"]
    sentence = words.sentence(rule)
    matching = [w for w in warnings if sentence in w["message"]]
    assert matching, f"{tool}: {rule.value} is missing or worded differently"
    severity = words.SEVERITY[RULE[rule].level].value
    assert all(w["severity"] == severity for w in matching), (
        f"{tool}: {rule.value} levelled differently"
    )


@pytest.mark.parametrize("tool", ["plan", "self-check"])
def test_the_most_urgent_finding_leads(tool: str) -> None:
    """With several findings, the first warning is the most urgent one's."""
    payload = (
        {**PLAN, "fall_past_year": True, "blackouts": True, "chronic_condition": True}
        if tool == "plan"
        else {**CHECK, "falls": 2, "walk_4m_seconds": 6}
    )
    first = _run(tool, payload)["warnings"][0]["message"]
    seen = (
        Observations(age=70, fall_past_year=True, blackouts=True, chronic_condition=True)
        if tool == "plan"
        else Observations(
            age=70, fall_past_year=True, two_or_more_falls=True, walk_4m_seconds=Decimal(6)
        )
    )
    top = most_urgent(evaluate(seen))
    assert top is not None
    assert words.sentence(top.rule) in first


def test_slow_walk_is_never_credited_as_a_falls_assessment_trigger() -> None:
    """M4: a slow walk alone asks for a physiotherapist, not a falls assessment."""
    assert RULE[RuleId.SLOW_WALK].level is Level.PHYSIOTHERAPIST
    assert "falls assessment" not in words.sentence(RuleId.SLOW_WALK)
