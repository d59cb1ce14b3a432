"""The bench fills each calculator as a reader would, and a form it fills wrongly stops it at once.

The bench's first-result figures are only as good as its visits: when the plan form stopped
preselecting a level (no answer is chosen for the reader), the bench kept submitting the old
form and waited 90 s for an answer that the page had refused.
"""

from __future__ import annotations

import dataclasses

import pytest
from playwright.sync_api import Browser

from bench import visits

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("calculator", visits.CALCULATORS, ids=lambda c: c.name)
def test_the_bench_fills_each_calculator_to_an_answer(
    browser: Browser, site_url: str, calculator: visits.Calculator
) -> None:
    """Each bench visit ends in an answer the engine gave after it started."""
    context = visits.new_context(browser, service_workers=False)
    try:
        visit = visits.visit_calculator(context.new_page(), site_url, calculator)
    finally:
        context.close()
    assert visit.first_result_ms > 0
    assert visit.engine_ready_ms <= visit.first_result_ms


def test_a_form_the_bench_fills_wrongly_fails_at_once_with_the_pages_words(
    browser: Browser, site_url: str
) -> None:
    """A plan submitted without its required choice ends with the page's message, not a wait."""
    plan = next(c for c in visits.CALCULATORS if c.name == "plan")
    unanswered = dataclasses.replace(plan, choices={})
    context = visits.new_context(browser, service_workers=False)
    try:
        with pytest.raises(RuntimeError, match=r"plan: the page answered 'errors'"):
            visits.visit_calculator(context.new_page(), site_url, unanswered)
    finally:
        context.close()
