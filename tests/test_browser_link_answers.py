"""Answers never reach a server: share links and the hand-off carry them in the fragment (#…).

The server keeps what a host's access log would (each request's path and query); after a
shared link is opened, or the self-check's hand-off followed, no entry holds an answer.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Iterable

import pytest
from helpers.browser import (
    FORM_PAGES,
    RESULT_TIMEOUT_MS,
    WatchedPage,
    fill_form,
    open_watched_page,
    submit_and_wait,
)
from playwright.sync_api import Browser, Page

from calculators import api
from harness import StaticServer

pytestmark = pytest.mark.browser

FRAGMENT = "#answers?"
# Answers with values no file name holds ("73,5"): one found in a request was sent. Short
# numbers are looked for as "=67", so an asset hash with "67" in it is no false alarm.
PROTEIN = {
    "weight": "73,5 kg",
    "age": "67",
    "situation": "recovering",
    "unintended_weight_loss": True,
}
SELF_CHECK = {"strength": 1, "assistance": 0, "rise": 2, "climb": 1, "falls": 1, "age": "83"}


def leaked(requests: list[str], names: Iterable[str], values: Iterable[str]) -> list[str]:
    """The requests whose query has an answer's name as a key, or whose path or query a value."""
    spelled = {form for value in values for form in (value, urllib.parse.quote_plus(value))}
    keys = set(names)
    found = []
    for target in requests:
        asked = set(urllib.parse.parse_qs(urllib.parse.urlsplit(target).query))
        if asked & keys or any(value in target for value in spelled):
            found.append(target)
    return found


def wait_for_result(page: Page, calculator: str) -> None:
    """Wait until the calculator shows an answer."""
    page.locator(f"#{calculator}-result[data-state=result]").wait_for(timeout=RESULT_TIMEOUT_MS)


def test_a_shared_link_holds_the_answers_after_the_hash_and_sends_none(
    browser: Browser, site_url: str, site_server: StaticServer
) -> None:
    """A copied link is "…#answers?…"; opening it elsewhere answers alike, asking for no answer.

    The weight is typed as people do, "73,5 kg" (a decimal comma and a unit): Python reads it.
    """
    path = FORM_PAGES["protein"]
    first = open_watched_page(browser, site_url)
    second = open_watched_page(browser, site_url)
    try:
        first.context.grant_permissions(["clipboard-read", "clipboard-write"])
        first.goto(path)
        fill_form(first.page, "protein", PROTEIN)
        assert submit_and_wait(first.page, "protein") == "result"
        shown = first.page.locator('#protein-result [data-value="daily_g"]').inner_text()
        assert shown == "88–110 g"  # 73.5 kg × 1.2–1.5 (P4)
        first.page.locator('[data-action="copy-link"]').click()
        first.page.locator(".rg-action-status", has_text="Link copied").wait_for()
        link = str(first.page.evaluate("navigator.clipboard.readText()"))
        assert link.startswith(site_url + path + FRAGMENT)
        assert "?" not in link.split("#", maxsplit=1)[0]
        site_server.take_requests()
        second.page.goto(link)
        wait_for_result(second.page, "protein")
        assert second.page.locator('#protein-result [data-value="daily_g"]').inner_text() == shown
        requests = site_server.take_requests()
        assert any(target.startswith("/" + path) for target in requests)
        assert leaked(requests, PROTEIN, ["73,5", "=67"]) == []
        first.assert_clean()
        second.assert_clean()
    finally:
        first.context.close()
        second.context.close()


def test_the_hand_off_to_the_plan_sends_no_answer(
    watched_page: WatchedPage, site_server: StaticServer
) -> None:
    """The hand-off button opens the plan form filled from the fragment; no request has it."""
    page = watched_page.page
    watched_page.goto(FORM_PAGES["self-check"])
    fill_form(page, "self-check", SELF_CHECK)
    assert submit_and_wait(page, "self-check") == "result"
    href = str(page.locator('[data-action="build-plan"]').get_attribute("href"))
    assert FRAGMENT in href
    assert "?" not in href.split("#", maxsplit=1)[0]
    site_server.take_requests()
    page.locator('[data-action="build-plan"]').click()
    page.wait_for_url(lambda url: FRAGMENT in url and "/tools/plan/" in url)
    wait_for_result(page, "plan")
    assert page.locator("[name=age]").input_value() == "83"
    assert page.locator("[name=fall_past_year]").is_checked()
    assert page.locator("[data-link-notice]").count() == 0
    handed = api.run("self-check", SELF_CHECK)["result"]["plan_prefill"]  # type: ignore[index]
    requests = site_server.take_requests()
    assert leaked(requests, [*SELF_CHECK, *handed], ["=83", str(handed["ability"])]) == []
    watched_page.assert_clean()


def test_an_old_query_link_still_opens_and_moves_its_answers_to_the_fragment(
    watched_page: WatchedPage, site_server: StaticServer
) -> None:
    """An old "?weight=…" link answers, and the address then holds the answers after "#" only.

    Opening that address again sends nothing entered (Material's search words stay).
    """
    page = watched_page.page
    site_server.take_requests()
    watched_page.goto(FORM_PAGES["protein"] + "?weight=71&age=58&h=protein")
    # Read as soon as the form moved the answers: Material's navigation tracking may later put
    # the heading in view after the "#".
    page.wait_for_url(lambda url: FRAGMENT in url)
    moved = page.url
    address = urllib.parse.urlsplit(moved)
    assert (address.query, address.fragment) == ("h=protein", "answers?weight=71&age=58")
    wait_for_result(page, "protein")
    # The old link itself reached the server (why links moved): the log does catch a leak.
    assert leaked(site_server.take_requests(), ["weight", "age"], ["=71", "=58"])
    again = watched_page.context.new_page()
    again.goto(moved)
    wait_for_result(again, "protein")
    assert again.locator("[name=weight]").input_value() == "71"
    assert leaked(site_server.take_requests(), ["weight", "age"], ["=71", "=58"]) == []
    watched_page.assert_clean()
