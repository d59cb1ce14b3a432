"""A physiotherapist's limits for one side: the plan says to skip what is not cleared (issue 22)."""

from __future__ import annotations

from bs4 import BeautifulSoup
from helpers.calc import EXERCISES, cli

from calculators import api
from calculators.plan.notes import Caution
from calculators.present import form_specs, forms
from calculators.present.plan_notes import CAUTION_WORDS

ONE_SIDE_NOTE = CAUTION_WORDS[Caution.ONE_SIDE_LIMITS]

PLAN = {"age": "34", "ability": "out-of-practice", "strength_days": "3"}
SKIP = "skip anything not cleared for that side"


def warnings(payload: dict[str, object]) -> list[str]:
    """The plan answer's warning messages."""
    answer = api.run("plan", payload, exercises=EXERCISES)
    assert answer["ok"], answer
    return [alert["message"] for alert in answer["result"]["warnings"]]


def test_the_tick_adds_the_skip_line_to_the_answer() -> None:
    """Ticked, the plan's first caution tells the reader to skip what is not cleared."""
    assert any(SKIP in message for message in warnings({**PLAN, "one_side_limits": "true"}))
    answer = api.run("plan", {**PLAN, "one_side_limits": True}, exercises=EXERCISES)
    assert SKIP in str(answer["html"])


def test_without_the_tick_there_is_no_skip_line() -> None:
    """Not ticked (the default), nothing is said about one side."""
    assert not any(SKIP in message for message in warnings(PLAN))


def test_the_plan_form_has_the_tick_box() -> None:
    """The plan form asks it in the reader's words, as a tick box."""
    page = BeautifulSoup(forms.form_html(form_specs.PLAN), "html.parser")
    box = page.select_one('input[type=checkbox][name="one_side_limits"]')
    assert box is not None
    assert box.parent is not None
    assert box.parent.get_text(strip=True) == "My physiotherapist has limits for one side"


def test_the_command_line_has_the_flag() -> None:
    """`--one-side-limits` on the command line gives the same line."""
    done = cli("plan", "--age", "34", "--ability", "out-of-practice", "--one-side-limits")
    assert done.returncode == 0, done.stderr
    assert ONE_SIDE_NOTE in done.stdout
