"""The reader's own record in the browser (issue 24): kept on the device only.

Saved, shown, exported and imported, printed for an appointment; storage that refuses, a bad
file, an old record.

Every wait is for a state (the answer's data-state, a status line's words, a file chooser):
no sleeps. The watched page records any request that leaves the site: saving and exporting
must send nothing anywhere.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from helpers.browser import (
    BROKEN_WORDS_JS,
    OPEN_EVERYTHING_JS,
    PHONE,
    RESULT_TIMEOUT_MS,
    SIDEWAYS_JS,
    WatchedPage,
    fill_form,
    open_large_font_context,
    open_watched_page,
    run_axe,
    site_exercises,
    submit_and_wait,
    switch_to_dark,
)
from playwright.sync_api import Browser, Page

from calculators import api
from calculators.present.calendar import long_date
from calculators.present.progress_charts import day_text
from calculators.record import Record, SavedCheck, Section, saved_entry, to_csv
from harness import BuiltSite

pytestmark = pytest.mark.browser

KEY = "regain-record"
PROGRESS = "#progress-result"
# Each page of a Chromium PDF is one "/Type /Page" object (the page tree is "/Type /Pages").
PDF_PAGE = re.compile(rb"/Type\s*/Page(?!s)")
CHECK = {
    "strength": 1,
    "assistance": 0,
    "rise": 1,
    "climb": 1,
    "falls": 0,
    "chair_stand_seconds": "16.2",
    "age": "74",
}
# Storage that refuses, as a private window or "block site data" does: reading it throws.
BLOCKED_STORAGE = """
Object.defineProperty(window, "localStorage", {
  configurable: true,
  get() { throw new DOMException("The operation is insecure.", "SecurityError"); },
});
"""


def a_check(day: date, chair: str, **answers: Any) -> SavedCheck:
    """A saved self-check as the page saves it (checked by the same Python)."""
    entry = saved_entry(
        Section.CHECKS, day.isoformat(), {**CHECK, "chair_stand_seconds": chair, **answers}
    )
    assert isinstance(entry, SavedCheck)
    return entry


def a_record(checks: int, *, plan: bool = True) -> Record:
    """A record with `checks` self-checks four weeks apart, a plan, and some sessions."""
    today = date.today()
    record = Record()
    for number in range(checks):
        day = today - timedelta(weeks=4 * (checks - 1 - number))
        chair = f"{16.4 - 0.7 * number:.1f}"
        record = record.with_entry(
            a_check(
                day,
                chair,
                balance_side_by_side_seconds="10",
                balance_semi_tandem_seconds="10",
                balance_tandem_seconds=str(4 + number),
                walk_4m_seconds=f"{5.6 - 0.2 * number:.1f}",
            )
        )
    if plan:
        first = today - timedelta(weeks=4 * (checks - 1))
        plan_entry = saved_entry(
            Section.PLAN,
            first.isoformat(),
            {"age": "74", "ability": "tires-quickly", "strength_days": "3", "focus": "general"},
        )
        record = record.with_entry(plan_entry)
    return record


def store(watched: WatchedPage, record: Record | str | None) -> None:
    """Put a record (or any text) in the site's storage, as an earlier visit would have."""
    watched.goto("about/")
    text = record if isinstance(record, str) or record is None else json.dumps(record.to_mapping())
    watched.page.evaluate(
        "([key, text]) => text === null"
        " ? localStorage.removeItem(key) : localStorage.setItem(key, text)",
        [KEY, text],
    )


def stored(page: Page) -> Any:
    """The record in the site's storage, parsed (None when nothing is saved)."""
    text = page.evaluate("(key) => localStorage.getItem(key)", KEY)
    return None if text is None else json.loads(text)


def open_progress(watched: WatchedPage) -> Page:
    """Open My progress and wait for it to show what is saved."""
    watched.goto("tools/progress/")
    watched.page.locator(f"{PROGRESS}[data-state]").wait_for(timeout=RESULT_TIMEOUT_MS)
    return watched.page


def redrawn(page: Page, action: str) -> None:
    """Press a My progress button whose change redraws the page, and wait for the redraw."""
    page.locator(PROGRESS).evaluate("e => e.removeAttribute('data-state')")
    page.locator(f'{PROGRESS} [data-action="{action}"]').first.click()
    page.locator(f"{PROGRESS}[data-state=result]").wait_for(timeout=RESULT_TIMEOUT_MS)


def status_near(page: Page, action: str) -> str:
    """The status line under the row of buttons holding `action`."""
    text: str = page.locator(f'{PROGRESS} [data-action="{action}"]').first.evaluate(
        "b => b.closest('.rg-result-actions').nextElementSibling.textContent"
    )
    return text


def save_a_self_check(watched: WatchedPage, answers: dict[str, Any]) -> str:
    """Do the self-check, press "save" under its answer; what its status line then says."""
    page = watched.page
    watched.goto("tools/self-check/")
    fill_form(page, "self-check", answers)
    assert submit_and_wait(page, "self-check") == "result"
    page.locator('#self-check-result [data-action="save"]').click()
    status = page.locator("#self-check-result .rg-action-status")
    status.filter(has_text=re.compile(".")).wait_for()
    return status.inner_text()


@pytest.fixture
def fresh(browser: Browser, site_url: str) -> Iterator[WatchedPage]:
    """A fresh browser profile: nothing saved yet (storage is per context)."""
    watched = open_watched_page(browser, site_url)
    try:
        yield watched
    finally:
        watched.context.close()


def test_a_saved_self_check_is_still_there_after_a_reload(fresh: WatchedPage) -> None:
    """Save under the self-check's answer, open My progress, reload: the result is shown."""
    page = fresh.page
    fresh.goto("tools/self-check/")
    fill_form(page, "self-check", CHECK)
    assert submit_and_wait(page, "self-check") == "result"
    page.locator('#self-check-result [data-action="save"]').click()
    page.locator("#self-check-result[data-saved=self-check]").wait_for()
    assert (
        "is saved on this device"
        in page.locator("#self-check-result .rg-action-status").inner_text()
    )
    saved = stored(page)
    assert saved["format"] == "regain-record"
    assert [check["date"] for check in saved["checks"]] == [date.today().isoformat()]
    assert saved["checks"][0]["answers"]["chair_stand_seconds"] == "16.2"
    for _ in range(2):  # open, then reload
        page = open_progress(fresh)
        assert page.locator(PROGRESS).get_attribute("data-state") == "result"
        assert "16.2" in page.locator(PROGRESS).inner_text()
    fresh.assert_clean()


def test_a_saved_plan_is_kept_and_shows_on_the_progress_page(fresh: WatchedPage) -> None:
    """Save a plan under its answer: it is in the record and My progress shows it."""
    page = fresh.page
    fresh.goto("tools/plan/")
    fill_form(page, "plan", {"age": "70", "ability": "tires-quickly", "strength_days": "3"})
    assert submit_and_wait(page, "plan") == "result"
    page.locator('#plan-result [data-action="save"]').click()
    page.locator("#plan-result[data-saved=plan]").wait_for()
    assert stored(page)["plan"]["date"] == date.today().isoformat()
    page = open_progress(fresh)
    assert f"from {long_date(date.today())}" in page.locator(PROGRESS).inner_text()
    fresh.assert_clean()


def test_a_session_ticks_and_unticks_by_keyboard_and_keeps_the_focus(fresh: WatchedPage) -> None:
    """Enter on a day's tick marks it done; the redrawn page keeps the focus on that day."""
    plan = saved_entry(
        Section.PLAN,
        (date.today() - timedelta(days=6)).isoformat(),
        {"age": "74", "ability": "tires-quickly", "strength_days": "3", "focus": "general"},
    )
    store(fresh, Record().with_entry(plan))
    page = open_progress(fresh)
    tick = page.locator(f'{PROGRESS} [data-action="session"][data-done="0"]').first
    day = tick.get_attribute("data-date")
    assert day is not None  # six days into the plan, five or more planned days are behind
    for done in ("1", "0"):  # tick, then untick
        page.locator(PROGRESS).evaluate("e => e.removeAttribute('data-state')")
        page.locator(f'{PROGRESS} [data-action="session"][data-date="{day}"]').focus()
        page.keyboard.press("Enter")
        page.locator(f"{PROGRESS}[data-state=result]").wait_for()
        focused = page.evaluate(
            "() => [document.activeElement.dataset.date, document.activeElement.dataset.done]"
        )
        assert focused == [day, done]
        assert (day in stored(page)["sessions"]) is (done == "1")
        assert "done" in status_near(page, "session")
    fresh.assert_clean()


def test_the_record_shows_offline(browser: Browser, site_url: str) -> None:
    """After one visit, with the network gone, My progress still shows the saved record."""
    watched = open_watched_page(browser, site_url, offline_worker=True)
    try:
        store(watched, a_record(2))
        page = open_progress(watched)
        page.wait_for_function("() => navigator.serviceWorker.controller !== null")
        page.locator("html[data-engine-offline=cached]").wait_for(state="attached")
        watched.context.set_offline(True)
        page = open_progress(watched)
        assert page.locator(PROGRESS).get_attribute("data-state") == "result"
        assert long_date(date.today()) in page.locator(PROGRESS).inner_text()
        assert watched.foreign_requests == []
    finally:
        watched.context.close()


def test_export_delete_import_gives_back_the_same_record(
    fresh: WatchedPage, tmp_path: Path
) -> None:
    """Export to a file, delete everything, import the file: the record is identical."""
    record = a_record(3)
    store(fresh, record)
    page = open_progress(fresh)
    before = stored(page)
    with page.expect_download() as download_info:
        page.locator(f'{PROGRESS} [data-action="export"]').click()
    exported = tmp_path / download_info.value.suggested_filename
    download_info.value.save_as(exported)
    assert exported.name == f"regain-record-{date.today().isoformat()}.csv"
    assert exported.read_text(encoding="utf-8-sig").startswith("format,regain-record,version,")

    page.once("dialog", lambda dialog: dialog.accept())
    redrawn(page, "delete")
    assert stored(page) is None
    assert page.locator(f'{PROGRESS} [data-action="export"]').count() == 0

    page.locator(PROGRESS).evaluate("e => e.removeAttribute('data-state')")
    import_file(page, exported)
    page.locator(f"{PROGRESS}[data-state=result]").wait_for()
    assert stored(page) == before
    assert "Imported 3 self-check results" in status_near(page, "import")
    fresh.assert_clean()


@pytest.mark.parametrize(
    ("content", "said"),
    [
        pytest.param(
            "name,email\nAnn,ann@example.org\n", "not a record saved by this site", id="foreign"
        ),
        pytest.param(
            "format,regain-record,version,2\ntype,date,score\nself-check,2026-13-45,3\n",
            "Row 3",
            id="corrupted",
        ),
        pytest.param("\x00\x01\x02PK", "not a record saved by this site", id="binary"),
    ],
)
def test_a_bad_file_is_refused_with_its_problem_and_nothing_is_lost(
    content: str, said: str, fresh: WatchedPage, tmp_path: Path
) -> None:
    """A foreign or damaged file: a message naming the problem; the saved record is unchanged."""
    store(fresh, a_record(2))
    page = open_progress(fresh)
    before = stored(page)
    bad = tmp_path / "bad.csv"
    bad.write_text(content, encoding="utf-8")
    import_file(page, bad)
    status = page.locator(f'{PROGRESS} [data-action="import"]').locator(
        "xpath=ancestor::div[contains(@class,'rg-result-actions')]/following-sibling::p[1]"
    )
    status.filter(has_text=re.compile(".")).wait_for()
    assert said in status.inner_text()
    assert "Traceback" not in status.inner_text()
    assert stored(page) == before
    fresh.assert_clean()


def test_a_damaged_saved_record_is_named_and_never_overwritten(fresh: WatchedPage) -> None:
    """A stored record that is not one: the page says so, and a new save leaves it alone."""
    store(fresh, '{"format": "regain-record", "version": 1, "checks": "oops"')
    page = open_progress(fresh)
    assert page.locator(PROGRESS).get_attribute("data-state") == "errors"
    assert "not a record saved by this site" in save_a_self_check(fresh, CHECK)
    text = page.evaluate("(key) => localStorage.getItem(key)", KEY)
    assert text == '{"format": "regain-record", "version": 1, "checks": "oops"'
    fresh.assert_clean()


def test_blocked_storage_is_explained_and_saving_says_nothing_was_saved(fresh: WatchedPage) -> None:
    """Site data blocked: My progress explains it; the save button says nothing was saved."""
    fresh.context.add_init_script(BLOCKED_STORAGE)
    page = open_progress(fresh)
    assert "Nothing can be saved in this browser" in page.locator(PROGRESS).inner_text()
    assert "nothing was saved" in save_a_self_check(fresh, CHECK)
    assert fresh.foreign_requests == []
    # Material's own scripts (its colour scheme and tab memory) read the storage too, and their
    # errors are the browser's refusal itself: nothing else may be logged.
    assert set(fresh.console_errors) <= {"The operation is insecure."}


def test_a_full_storage_keeps_what_was_saved(fresh: WatchedPage) -> None:
    """The storage refuses a write (full): the page says so and the old record stays."""
    store(fresh, a_record(1))
    fresh.context.add_init_script(
        "Storage.prototype.setItem = function () {"
        ' throw new DOMException("full", "QuotaExceededError"); };'
    )
    page = fresh.page
    before = stored(page)
    said = save_a_self_check(fresh, {**CHECK, "chair_stand_seconds": "12.5"})
    assert "storage for the site is full" in said
    assert stored(page) == before


def test_no_request_leaves_the_page_while_saving_exporting_or_printing(fresh: WatchedPage) -> None:
    """The record's every tool works on the device alone: not one request leaves the site."""
    store(fresh, a_record(2))
    page = open_progress(fresh)
    page.evaluate(
        "() => { window.print = () => { window.__printed = (window.__printed ?? 0) + 1; }; }"
    )
    page.locator(f'{PROGRESS} [data-action="appointment"]').click()
    # The engine answers in order: once the export's file arrives, the printout's answer (asked
    # before it) has been handled too.
    with page.expect_download():
        page.locator(f'{PROGRESS} [data-action="export"]').click()
    page.locator(".rg-appointment-sheet[data-state=ready]").wait_for(state="attached")
    assert page.evaluate("window.__printed") == 1  # one handler a button: printed once
    fresh.assert_clean()


@pytest.mark.parametrize("checks", [1, 3, 6])
def test_the_appointment_page_prints_on_one_a4_page(checks: int, fresh: WatchedPage) -> None:
    """The printout for an appointment fits one A4 page for 1, 3 and 6 saved results."""
    store(fresh, a_record(checks))
    page = open_progress(fresh)
    page.evaluate("() => { window.print = () => { window.__printed = true; }; }")
    page.locator(f'{PROGRESS} [data-action="appointment"]').click()
    sheet = page.locator(".rg-appointment-sheet[data-state=ready]")
    sheet.wait_for(state="attached")
    page.emulate_media(media="print")
    try:
        assert sheet.is_visible()
        assert page.locator(".md-header").is_hidden()
        assert page.locator(PROGRESS).is_hidden()
        pages = len(PDF_PAGE.findall(page.pdf(format="A4")))
    finally:
        page.emulate_media(media="screen")
    assert pages == 1
    text = sheet.inner_text()
    assert all(day_text(check.day) in text for check in a_record(checks).checks)
    assert sheet.locator(".rg-disclaimer .rg-reviewed").count() == 1  # the page's review date


def test_right_after_a_self_check_the_appointment_page_prints_without_saving(
    fresh: WatchedPage,
) -> None:
    """The self-check's answer offers the appointment page; nothing is saved by it."""
    page = fresh.page
    fresh.goto("tools/self-check/")
    page.evaluate("() => { window.print = () => { window.__printed = true; }; }")
    fill_form(page, "self-check", CHECK)
    assert submit_and_wait(page, "self-check") == "result"
    page.locator('#self-check-result [data-action="appointment"]').click()
    sheet = page.locator(".rg-appointment-sheet[data-state=ready]")
    sheet.wait_for(state="attached")
    assert "16.2" in sheet.inner_text()
    assert stored(page) is None
    fresh.assert_clean()


def test_an_old_version_1_record_migrates_and_is_kept(fresh: WatchedPage) -> None:
    """A record saved by an earlier version of the page (version 1) shows and is carried on."""
    version_1: dict[str, Any] = a_record(2).to_mapping()
    version_1["version"] = 1
    del version_1["questions"]
    store(fresh, json.dumps(version_1))
    page = open_progress(fresh)
    assert page.locator(PROGRESS).get_attribute("data-state") == "result"
    for check in version_1["checks"]:
        assert page.locator(f'{PROGRESS} tr[data-date="{check["date"]}"]').count() == 1
    page.locator(f'{PROGRESS} [data-action="questions"]').click()  # opens the box
    page.locator("#rg-questions").fill("Can I do the exercises with my knee?\n=1+1")
    redrawn(page, "questions")
    saved = stored(page)
    assert (saved["version"], saved["questions"]) == (
        2,
        "Can I do the exercises with my knee?\n=1+1",
    )
    assert saved["checks"] == version_1["checks"]
    assert page.locator("#rg-questions").input_value() == saved["questions"]
    fresh.assert_clean()


def test_my_progress_with_results_has_no_serious_axe_violation_light_or_dark(
    fresh: WatchedPage,
) -> None:
    """Charts, table, ticks, questions and tools on screen: axe clean in both colour schemes."""
    store(fresh, a_record(3))
    page = open_progress(fresh)
    assert page.locator(f"{PROGRESS} figure.rg-chart").count() >= 3
    page.locator(f'{PROGRESS} [data-action="questions"]').click()  # its box open too
    assert run_axe(page) == []
    switch_to_dark(page)
    assert run_axe(page) == []
    fresh.assert_clean()


@pytest.mark.parametrize("checks", [1, 6])
def test_my_progress_reads_at_200_percent_text_on_a_phone(
    checks: int, browser: Browser, site_url: str, built_site: BuiltSite, tmp_path: Path
) -> None:
    """A 360 px phone at 32 px text: no sideways scroll, no word broken inside itself."""
    context = open_large_font_context(browser, tmp_path / "profile", PHONE)
    try:
        page = context.new_page()
        page.goto(site_url + "tools/progress/")
        page.locator(f"{PROGRESS}[data-state]").wait_for()  # the empty record's answer first
        html = api.run(
            "progress",
            {"record": a_record(checks).to_mapping(), "date": date.today().isoformat()},
            exercises=site_exercises(built_site),
            root="../../",
        )["html"]
        page.locator(PROGRESS).evaluate("(output, html) => { output.innerHTML = html; }", html)
        page.evaluate(OPEN_EVERYTHING_JS)
        assert page.evaluate(BROKEN_WORDS_JS, ".md-main") == []
        sideways = page.evaluate(SIDEWAYS_JS)
        assert sideways["page"] <= 0
        assert not sideways["wide"]
    finally:
        context.close()


def import_file(page: Page, path: Path) -> None:
    """Press "Import a record file" and choose `path`, as a reader does."""
    with page.expect_file_chooser() as chooser:
        page.locator(f'{PROGRESS} [data-action="import"]').click()
    chooser.value.set_files(str(path))


def test_an_import_that_differs_on_a_day_asks_then_keeps_the_readers_choice(
    fresh: WatchedPage, tmp_path: Path
) -> None:
    """Same day, different results: nothing changes until the reader picks; then their pick."""
    mine = a_record(2, plan=False)
    theirs = Record().with_entry(a_check(mine.checks[-1].day, "13.1"))
    path = tmp_path / "other-phone.csv"
    path.write_text(to_csv(theirs), encoding="utf-8")
    store(fresh, mine)
    page = open_progress(fresh)
    before = stored(page)
    import_file(page, path)
    page.locator(f"{PROGRESS}[data-import-question=asked]").wait_for()
    assert "Which do you want to keep?" in page.locator(".rg-import-question").inner_text()
    assert stored(page) == before  # asked, nothing changed
    page.locator(PROGRESS).evaluate("e => e.removeAttribute('data-state')")
    page.locator('.rg-import-question [data-action="import-keep"][data-keep="file"]').click()
    page.locator(f"{PROGRESS}[data-state=result]").wait_for()
    latest = stored(page)["checks"][-1]
    assert latest["answers"]["chair_stand_seconds"] == "13.1"
    assert len(stored(page)["checks"]) == 2
    fresh.assert_clean()


def test_a_huge_file_is_refused_without_being_read_whole(
    fresh: WatchedPage, tmp_path: Path
) -> None:
    """A file far bigger than any record: one message; the page never reads it all."""
    store(fresh, a_record(1))
    page = open_progress(fresh)
    before = stored(page)
    huge = tmp_path / "huge.csv"
    huge.write_bytes(b"format,regain-record,version,2\n" + b"x" * 30_000_000)
    import_file(page, huge)
    status = page.locator(f'{PROGRESS} [data-action="import"]').locator(
        "xpath=ancestor::div[contains(@class,'rg-result-actions')]/following-sibling::p[1]"
    )
    status.filter(has_text=re.compile(".")).wait_for()
    assert "far bigger than any record" in status.inner_text()
    assert stored(page) == before
    fresh.assert_clean()
