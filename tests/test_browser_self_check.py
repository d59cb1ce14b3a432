"""The self-check page: keyboard-only answers, the timer, and the hand-off to the plan builder."""

from __future__ import annotations

import pytest
from helpers.browser import (
    RESULT_TIMEOUT_MS,
    WatchedPage,
    fill_form,
    run_axe,
    submit_and_wait,
)
from playwright.sync_api import Page

from calculators import api

pytestmark = pytest.mark.browser

QUESTIONS = ["strength", "assistance", "rise", "climb", "falls"]


def focused_name(page: Page) -> str | None:
    """The name of the focused form control, if any."""
    name: str | None = page.evaluate("() => document.activeElement?.name || null")
    return name


def test_questionnaire_can_be_answered_by_keyboard_alone(watched_page: WatchedPage) -> None:
    """Tab into each question, arrow to an answer, submit with Enter; the score is CPython's."""
    page = watched_page.page
    watched_page.goto("tools/self-check/")
    answers = {"strength": 1, "assistance": 0, "rise": 2, "climb": 1, "falls": 0}
    page.locator("form[data-calculator=self-check]").evaluate("f => f.scrollIntoView()")
    for question in QUESTIONS:
        for _ in range(60):
            page.keyboard.press("Tab")
            if focused_name(page) == question:
                break
        assert focused_name(page) == question
        page.keyboard.press("Space")  # the first answer ("0")
        for _ in range(answers[question]):
            page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.locator("#self-check-result[data-state=result]").wait_for(timeout=RESULT_TIMEOUT_MS)
    expected = api.run("self-check", answers)["result"]
    assert isinstance(expected, dict)
    score = page.locator('#self-check-result [data-value="score"]').inner_text()
    assert score == f"{expected['score']} out of 10"
    watched_page.assert_clean()


def test_result_page_has_no_serious_accessibility_violation(watched_page: WatchedPage) -> None:
    """With a result on screen (warnings, sources, actions), axe finds nothing serious."""
    watched_page.goto("tools/self-check/")
    fill_form(
        watched_page.page,
        "self-check",
        {"strength": 2, "assistance": 2, "rise": 2, "climb": 2, "falls": 2},
    )
    assert submit_and_wait(watched_page.page, "self-check") == "result"
    assert run_axe(watched_page.page) == []
    watched_page.assert_clean()


def test_timer_fills_the_chair_stand_seconds(watched_page: WatchedPage) -> None:
    """Start, wait, stop: the timer writes the elapsed seconds into the chair-stand field."""
    page = watched_page.page
    watched_page.goto("tools/self-check/")
    # The optional tests are folded: the reader taps the chair stand's heading first.
    page.locator("details:has([data-timer-for=chair_stand_seconds]) > summary").click()
    button = page.locator("[data-timer-for=chair_stand_seconds] button")
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    page.wait_for_timeout(1200)
    button.click()
    seconds = float(page.locator("[name=chair_stand_seconds]").input_value())
    assert 1.0 <= seconds < 10.0
    assert button.get_attribute("aria-pressed") == "false"


def test_four_or_more_falls_lead_with_a_falls_assessment_and_travel_to_the_plan(
    watched_page: WatchedPage,
) -> None:
    """Four or more falls: the falls assessment leads, and the plan link carries the falls."""
    page = watched_page.page
    watched_page.goto("tools/self-check/")
    many_falls = {"strength": 0, "assistance": 0, "rise": 0, "climb": 0, "falls": 2}
    fill_form(page, "self-check", many_falls)
    assert submit_and_wait(page, "self-check") == "result"
    first = page.locator("#self-check-result [data-severity]").first.inner_text()
    assert "falls assessment" in first
    href = page.locator('[data-action="build-plan"]').get_attribute("href") or ""
    assert "two_or_more_falls=true" in href


def test_build_a_plan_from_the_result_prefills_the_plan_form(watched_page: WatchedPage) -> None:
    """The "build a plan" link opens the plan builder filled from the answers, and answers."""
    page = watched_page.page
    watched_page.goto("tools/self-check/")
    answers = {"strength": 2, "assistance": 2, "rise": 2, "climb": 1, "falls": 1, "age": "78"}
    fill_form(page, "self-check", answers)
    assert submit_and_wait(page, "self-check") == "result"
    prefill = api.run("self-check", answers)["result"]["plan_prefill"]  # type: ignore[index]
    page.locator('[data-action="build-plan"]').click()
    page.wait_for_url(lambda url: "/tools/plan/#answers?" in url)
    page.locator("#plan-result[data-state=result]").wait_for(timeout=RESULT_TIMEOUT_MS)
    assert page.locator(f'[name=ability][value="{prefill["ability"]}"]').is_checked()
    assert page.locator("[name=fall_past_year]").is_checked() == prefill["fall_past_year"]
    assert page.locator("[name=focus]").input_value() == prefill["focus"]
    assert page.locator("[name=age]").input_value() == str(prefill["age"])
    assert page.locator("[data-link-notice]").count() == 0
    watched_page.assert_clean()


def test_hand_off_carries_the_measured_tests_and_the_plan_scores_them(
    watched_page: WatchedPage,
) -> None:
    """Stands, walk and chair stand reach the plan form, which scores them (level D, 12 weeks)."""
    page = watched_page.page
    watched_page.goto("tools/self-check/")
    answers = {
        "strength": 0,
        "assistance": 0,
        "rise": 1,
        "climb": 1,
        "falls": 0,
        "age": "72",
        "balance_side_by_side_seconds": "10",
        "balance_semi_tandem_seconds": "10",
        "balance_tandem_seconds": "6.5",
        "walk_4m_seconds": "4.5",
        "chair_stand_seconds": "12",
    }
    fill_form(page, "self-check", answers)
    assert submit_and_wait(page, "self-check") == "result"
    prefill = api.run("self-check", answers)["result"]["plan_prefill"]  # type: ignore[index]
    page.locator('[data-action="build-plan"]').click()
    page.wait_for_url(lambda url: "/tools/plan/#answers?" in url)
    page.locator("#plan-result[data-state=result]").wait_for(timeout=RESULT_TIMEOUT_MS)
    for name in ("balance_tandem_seconds", "walk_4m_seconds", "chair_rise_seconds"):
        shown = page.locator(f"[name={name}]").input_value()
        assert float(shown) == float(prefill[name]), name  # type: ignore[arg-type]
    # 10 of 12, but some difficulty rising and climbing caps the hand-off at C (issue 21.5).
    assert page.locator('#plan-result [data-value="level"]').inner_text() == "Level C"
    assert page.locator("#plan-result li[data-week]").count() == 12
    assert page.locator("[data-link-notice]").count() == 0
    watched_page.assert_clean()


def test_could_not_finish_is_low_strength_and_reaches_the_plan(watched_page: WatchedPage) -> None:
    """Not finishing on a low score: weak legs in the headline, ticked in the plan form."""
    page = watched_page.page
    watched_page.goto("tools/self-check/")
    answers = {
        **dict.fromkeys(QUESTIONS, 0),
        "rise": 1,
        "age": "80",
        "chair_stand_unable": True,
        "balance_side_by_side_seconds": "10",
        "balance_semi_tandem_seconds": "3",
    }
    fill_form(page, "self-check", answers)
    assert submit_and_wait(page, "self-check") == "result"
    headline = page.locator("#self-check-result p.rg-headline").inner_text()
    assert "1 out of 10" in headline
    assert "low leg strength" in headline
    shown = page.locator('#self-check-result [data-value="chair_stand"]').inner_text()
    assert shown == "not finished"
    page.locator('[data-action="build-plan"]').click()
    page.wait_for_url(lambda url: "/tools/plan/#answers?" in url)
    page.locator("#plan-result[data-state=result]").wait_for(timeout=RESULT_TIMEOUT_MS)
    assert page.locator("[name=chair_rise_unable]").is_checked()
    assert page.locator("[name=chair_rise_seconds]").input_value() == ""
    assert page.locator("[data-link-notice]").count() == 0
    watched_page.assert_clean()
