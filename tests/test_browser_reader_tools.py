"""What a reader does next with a result: share it by link, print it, tamper with a link safely."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import icalendar
import pytest
from helpers.browser import (
    RESULT_TIMEOUT_MS,
    WatchedPage,
    cpython,
    fill_form,
    form_payload,
    open_watched_page,
    submit_and_wait,
)
from playwright.sync_api import Browser, Page

from harness import BuiltSite

pytestmark = pytest.mark.browser

SHARE_CASES = {
    "protein": (
        "tools/protein/",
        {
            "weight": "150",
            "unit": "lb",
            "age": "72",
            "situation": "recovering",
            "meals_per_day": "4",
        },
    ),
    "plan": (
        "tools/plan/",
        {
            "age": "68",
            "ability": "needs-support",
            "strength_days": "2",
            "equipment": ["chair", "band"],
            "fall_past_year": True,
        },
    ),
    "self-check": (
        "tools/self-check/",
        {
            "strength": 1,
            "assistance": 0,
            "rise": 2,
            "climb": 1,
            "falls": 1,
            "chair_stand_seconds": "16.4",
            "age": "81",
        },
    ),
}


def result_text(page: Page, calculator: str) -> str:
    """The visible text of a calculator's result, without its action buttons."""
    text: str = page.evaluate(
        """(calculator) => {
            const copy = document.getElementById(`${calculator}-result`).cloneNode(true);
            copy.querySelectorAll(".rg-result-actions, .rg-action-status")
                .forEach((e) => e.remove());
            return copy.innerText;
        }""",
        calculator,
    )
    return text


def copied_link(page: Page) -> str:
    """Click "copy link" and return what landed on the clipboard."""
    page.locator('[data-action="copy-link"]').click()
    page.locator(".rg-action-status", has_text="Link copied").wait_for()
    link: str = page.evaluate("navigator.clipboard.readText()")
    return link


@pytest.mark.parametrize("calculator", list(SHARE_CASES))
def test_share_link_reopens_the_same_result(
    calculator: str, watched_page: WatchedPage, browser: Browser, site_url: str
) -> None:
    """A copied link, opened in a fresh browser, fills the form and shows the same result."""
    path, answers = SHARE_CASES[calculator]
    first = watched_page
    second = open_watched_page(browser, site_url)
    try:
        first.context.grant_permissions(["clipboard-read", "clipboard-write"])
        first.goto(path)
        fill_form(first.page, calculator, answers)
        assert submit_and_wait(first.page, calculator) == "result"
        link = copied_link(first.page)
        assert link.startswith(site_url + path + "#answers?")
        second.page.goto(link)
        second.page.locator(f"#{calculator}-result[data-state=result]").wait_for(
            timeout=RESULT_TIMEOUT_MS
        )
        assert result_text(second.page, calculator) == result_text(first.page, calculator)
        assert second.page.locator("[data-link-notice]").count() == 0
        first.assert_clean()
        second.assert_clean()
    finally:
        second.context.close()


TAMPERED = [
    pytest.param("unit=stone&weight=70&age=50", ["unit"], "result", id="unknown-choice"),
    pytest.param("weight=70&age=50&colour=red", ["colour"], "result", id="unknown-field"),
    pytest.param(
        "weight=70&age=50&liver_disease=maybe", ["liver_disease"], "result", id="not-bool"
    ),
    pytest.param(
        "weight=70&age=50&situation=%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E",
        ["situation"],
        "result",
        id="markup",
    ),
    pytest.param("weight=" + "9" * 50 + "&age=50", ["weight"], "errors", id="too-long"),
    pytest.param("weight=abc&age=50", [], "errors", id="bad-number-checked-by-python"),
    pytest.param("weight=70&age=50&h=protein", [], "result", id="search-highlight-is-not-ours"),
]


@pytest.mark.parametrize(("query", "ignored", "state"), TAMPERED)
def test_tampered_link_is_ignored_field_by_field_with_a_notice(
    query: str, ignored: list[str], state: str, watched_page: WatchedPage
) -> None:
    """Bad values in a link are listed and left out; the page still answers, nothing crashes."""
    watched_page.goto(f"tools/protein/?{query}")
    page = watched_page.page
    page.locator(f"#protein-result[data-state={state}]").wait_for(timeout=RESULT_TIMEOUT_MS)
    notice = page.locator("[data-link-notice]")
    if ignored:
        listed = notice.locator("li").all_inner_texts()
        assert [item.split(" ", 1)[0] for item in listed] == ignored
    else:
        assert notice.count() == 0
    assert page.evaluate("window.__pwned === undefined")
    assert "<img" not in page.locator("main").inner_text()
    watched_page.assert_clean()


def test_printing_a_plan_shows_only_the_plan(watched_page: WatchedPage) -> None:
    """On paper: no navigation, form, buttons or on-screen programme; the printout and date."""
    page = watched_page.page
    watched_page.goto("tools/plan/")
    fill_form(page, "plan", {"age": "70", "ability": "tires-quickly"})
    assert submit_and_wait(page, "plan") == "result"
    page.emulate_media(media="print")
    hidden = [
        ".md-header",
        ".md-sidebar--primary",
        "form[data-calculator=plan]",
        '[data-action="print"]',
        ".md-footer",
        "#plan-result details.rg-plan",  # the on-screen programme gives way to the printout
    ]
    for selector in hidden:
        assert page.locator(selector).first.is_hidden(), selector
    table = page.locator("#plan-result table.rg-print-plan")  # the 12 weeks in one table
    assert table.is_visible()
    assert table.locator("thead th").count() >= 3  # the exercises, then 2 or more runs of weeks
    assert page.locator(".rg-disclaimer .rg-reviewed").is_visible()
    page.emulate_media(media="screen")
    assert table.is_hidden()


PRINT_SPY = "() => { window.print = () => { window.__printed = (window.__printed ?? 0) + 1; }; }"


def test_print_button_opens_the_print_dialog(watched_page: WatchedPage) -> None:
    """The print button calls the browser's print once (observed by replacing window.print)."""
    page = watched_page.page
    watched_page.goto("tools/plan/")
    # A function (not an assignment expression): Playwright would call a function value it gets.
    page.evaluate(PRINT_SPY)
    fill_form(page, "plan", {"age": "70", "ability": "tires-quickly"})
    assert submit_and_wait(page, "plan") == "result"
    page.locator('[data-action="print"]').click()
    printed: Any = page.evaluate("window.__printed")
    assert printed == 1


def test_calendar_download_is_a_valid_ics_with_every_session(
    watched_page: WatchedPage, built_site: BuiltSite, tmp_path: Path
) -> None:
    """The calendar button saves an .ics that parses, with one weekly event per session."""
    page = watched_page.page
    watched_page.goto("tools/plan/")
    answers = {"age": "70", "ability": "tires-quickly", "strength_days": "3"}
    fill_form(page, "plan", answers)
    assert submit_and_wait(page, "plan") == "result"
    with page.expect_download() as download_info:
        page.locator('[data-action="calendar"]').click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    calendar = icalendar.Calendar.from_ical(saved.read_bytes())
    events = list(calendar.walk("VEVENT"))
    sent = form_payload(page, "plan")
    today = page.evaluate("() => new Date().toLocaleDateString('en-CA')")
    expected = cpython("plan-calendar", {**sent, "start_date": today}, built_site)
    assert expected["ok"]
    assert len(events) == expected["result"]["events"] > 0
    for event in events:
        assert event.get("RRULE")["FREQ"] == ["WEEKLY"]
        assert str(event.get("SUMMARY"))
        assert str(event.get("UID")).endswith("@regain")
    status = page.locator(".rg-action-status").inner_text()
    assert f"{expected['result']['sessions']} sessions" in status
    assert "It covers 12 weeks" in status
    watched_page.assert_clean()


def test_calendar_carries_the_chosen_time_and_reminder(
    watched_page: WatchedPage, tmp_path: Path
) -> None:
    """A time and a reminder picked next to the button reach every event of the saved file."""
    page = watched_page.page
    watched_page.goto("tools/plan/")
    fill_form(page, "plan", {"age": "70", "ability": "tires-quickly", "strength_days": "3"})
    assert submit_and_wait(page, "plan") == "result"
    page.locator('[data-options-for="calendar"] summary').click()  # the box starts closed
    page.locator("#plan-calendar-session-time").fill("17:30")
    page.locator("#plan-calendar-reminder").select_option("15-minutes")
    with page.expect_download() as download_info:
        page.locator('[data-action="calendar"]').click()
    saved = tmp_path / "plan.ics"
    download_info.value.save_as(saved)
    events = list(icalendar.Calendar.from_ical(saved.read_bytes()).walk("VEVENT"))
    assert events
    for event in events:
        start = event["DTSTART"].dt
        assert (start.hour, start.minute, start.tzinfo) == (17, 30, None)
        alarms = list(event.walk("VALARM"))
        assert [str(alarm["ACTION"]) for alarm in alarms] == ["DISPLAY"]
        assert alarms[0]["TRIGGER"].dt.total_seconds() == -15 * 60
    status = page.locator(".rg-action-status")
    assert "at 17:30, with a reminder 15 minutes before each" in status.inner_text()
    watched_page.assert_clean()


def test_bad_calendar_time_shows_its_message_next_to_the_box(watched_page: WatchedPage) -> None:
    """An emptied time box gets Python's message next to it, marked invalid, and no file."""
    page = watched_page.page
    watched_page.goto("tools/plan/")
    fill_form(page, "plan", {"age": "70", "ability": "tires-quickly"})
    assert submit_and_wait(page, "plan") == "result"
    page.locator('[data-options-for="calendar"] summary').click()
    box = page.locator("#plan-calendar-session-time")
    box.fill("")
    page.locator('[data-action="calendar"]').click()
    message = page.locator("#plan-calendar-session-time-error")
    message.wait_for(state="visible")
    assert "between 05:00 (5 in the morning) and 22:00 (10 at night)" in message.inner_text()
    assert box.get_attribute("aria-invalid") == "true"
    watched_page.assert_clean()


@pytest.mark.parametrize(
    ("calculator", "answers", "chart"),
    [
        ("protein", {"weight": "70", "age": "70"}, "per_meal"),
        ("plan", {"age": "70", "ability": "tires-quickly"}, "steps"),
    ],
)
def test_result_shows_its_accessible_chart(
    calculator: str, answers: dict[str, Any], chart: str, watched_page: WatchedPage
) -> None:
    """The result carries the SVG chart our Python drew: role=img, a title and a description."""
    page = watched_page.page
    watched_page.goto(SHARE_CASES[calculator][0])
    fill_form(page, calculator, answers)
    assert submit_and_wait(page, calculator) == "result"
    svg = page.locator(f'#{calculator}-result figure[data-chart="{chart}"] svg')
    assert svg.get_attribute("role") == "img"
    assert (svg.locator("title").text_content() or "").strip()
    assert svg.locator("desc").count() == 1
    assert svg.is_visible()
    watched_page.assert_clean()
