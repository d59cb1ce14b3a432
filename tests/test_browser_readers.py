"""Readers on phones, with large text, slow connections or scripts off (issue 16).

Sizes are read with getComputedStyle (and, for SVG text, scaled by the chart's on-screen
transform), never guessed from the CSS. Every wait is on a state of the page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from helpers.browser import (
    FORM_PAGES,
    LARGE_DEFAULT_FONT_PX,
    RESULT_TIMEOUT_MS,
    WatchedPage,
    fill_form,
    open_large_font_context,
    open_watched_page,
    shorten_engine_timers,
    submit_and_wait,
)
from playwright.sync_api import Browser, BrowserContext, Page, Route

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}

BODY_SIZE_JS = """() => parseFloat(
    getComputedStyle(document.querySelector('.md-typeset p')).fontSize)"""
SIZES_JS = """(selector) => [...document.querySelectorAll(selector)].map(
    (element) => parseFloat(getComputedStyle(element).fontSize))"""
# The size SVG text is drawn at on screen: its font size in user units times the chart's scale.
CHART_TEXT_JS = """() => [...document.querySelectorAll('.rg-chart svg text')].map((text) =>
    parseFloat(getComputedStyle(text).fontSize) * text.ownerSVGElement.getScreenCTM().a)"""


@pytest.fixture(scope="module")
def large_font_context(
    tmp_path_factory: pytest.TempPathFactory, browser: Browser
) -> Iterator[BrowserContext]:
    """A Chromium profile whose default font size is 32 px (`open_large_font_context`).

    One profile for the file (each test opens its own page in it): a browser starts once.
    """
    context = open_large_font_context(browser, tmp_path_factory.mktemp("large-font") / "profile")
    yield context
    context.close()


@pytest.fixture
def large_font_page(large_font_context: BrowserContext) -> Iterator[Page]:
    """A new page in the 32 px profile, closed after the test."""
    page = large_font_context.new_page()
    yield page
    page.close()


def _safety_text_sizes(page: Page) -> dict[str, list[float]]:
    """Font sizes of warnings, FAQ answers and tables on the current page."""
    return {
        "admonition": page.evaluate(SIZES_JS, ".md-typeset .admonition"),
        "details": page.evaluate(SIZES_JS, ".md-typeset details"),
        "table": page.evaluate(SIZES_JS, ".md-typeset table"),
    }


@pytest.mark.parametrize("path", ["faq/", FORM_PAGES["protein"], "guide/exercises/"])
def test_warnings_tables_and_faq_answers_are_at_body_size(
    watched_page: WatchedPage, path: str
) -> None:
    """Every admonition, details block and table on the page is as large as the body text."""
    watched_page.goto(path)
    body = watched_page.page.evaluate(BODY_SIZE_JS)
    sizes = _safety_text_sizes(watched_page.page)
    assert any(sizes.values()), f"{path} has none of the elements this test checks"
    smaller = {kind: [s for s in found if s < body] for kind, found in sizes.items()}
    assert smaller == {"admonition": [], "details": [], "table": []}, f"body is {body}px"


# Each chart's box, its SVG's drawn width and the figure's scroll width, in CSS px.
CHART_BOXES_JS = """() => [...document.querySelectorAll('.rg-chart')].map((figure) => ({
    box: figure.clientWidth, scroll: figure.scrollWidth,
    svg: figure.querySelector('svg').getBoundingClientRect().width}))"""
# On a 360 px phone the chart shrinks with its box: its 14-unit text is drawn at least this big.
PHONE_CHART_TEXT_MIN_PX = 10


def _assert_charts_fit(page: Page) -> None:
    """Every chart is drawn inside its box (no scroll box); the page does not scroll sideways."""
    boxes = page.evaluate(CHART_BOXES_JS)
    assert boxes, "the page has no chart"
    for chart in boxes:
        assert chart["svg"] <= chart["box"] + 0.5, chart
        assert chart["scroll"] <= chart["box"], chart
    viewport = page.evaluate("() => document.documentElement.clientWidth")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= viewport


def test_charts_scale_to_their_box_on_a_phone(browser: Browser, site_url: str) -> None:
    """On a 360 px screen a chart shrinks to its box (no scroll box, issue 22); text is legible."""
    watched = open_watched_page(browser, site_url)
    try:
        watched.page.set_viewport_size(PHONE)
        watched.goto("guide/why-it-matters/")
        _assert_charts_fit(watched.page)
        assert min(watched.page.evaluate(CHART_TEXT_JS)) >= PHONE_CHART_TEXT_MIN_PX
    finally:
        watched.context.close()


def test_protein_chart_on_a_phone_draws_the_advised_split(browser: Browser, site_url: str) -> None:
    """A small eater's answer at 360 px: every bar in view, labelled with the answer's own grams."""
    watched = open_watched_page(browser, site_url)
    try:
        page = watched.page
        page.set_viewport_size(PHONE)
        watched.goto(FORM_PAGES["protein"])
        fill_form(page, "protein", {"weight": "40", "age": "78"})
        assert submit_and_wait(page, "protein") == "result"
        _assert_charts_fit(page)
        per_meal = page.locator('#protein-result [data-value="per_meal_g"]').inner_text()
        labels = page.locator('#protein-result figure[data-chart="per_meal"] svg text')
        texts = labels.evaluate_all("texts => texts.map((text) => text.textContent)")
        assert texts.count(per_meal) == 3  # one bar label per meal, to the gram
        assert per_meal == "14–16 g"
    finally:
        watched.context.close()


def test_safety_and_chart_text_follow_a_32px_default_font(
    large_font_page: Page, site_url: str
) -> None:
    """With the browser's default font at 32 px, body, warnings, tables and charts all grow."""
    page = large_font_page
    page.goto(site_url + "guide/why-it-matters/")
    body = page.evaluate(BODY_SIZE_JS)
    assert body == pytest.approx(LARGE_DEFAULT_FONT_PX * 1.25 * 0.9, rel=0.02)
    drawn = page.evaluate(CHART_TEXT_JS)
    assert drawn
    # The chart grows with the text up to the width of its box, and never past it.
    boxes = page.evaluate(CHART_BOXES_JS)
    fills_box = all(chart["svg"] >= chart["box"] - 0.5 for chart in boxes)
    assert min(drawn) == pytest.approx(body, rel=0.02) or fills_box
    _assert_charts_fit(page)
    page.goto(site_url + "faq/")
    sizes = _safety_text_sizes(page)
    assert min(sizes["details"] + sizes["admonition"]) >= body


def test_home_leads_to_the_after_hospital_guide(watched_page: WatchedPage) -> None:
    """From the home page a phone reader reaches the hospital guide, with its cited numbers."""
    page = watched_page.page
    page.set_viewport_size(PHONE)
    watched_page.goto("")
    page.locator('.md-content__inner a[href$="guide/after-hospital/"]').click()
    page.locator("h1", has_text="Just home from hospital").wait_for()  # instant navigation
    assert page.url.endswith("/guide/after-hospital/")
    assert page.locator("article h1").count() == 1
    cited = page.eval_on_selector_all(
        'article a[href*="references/#d"]', "links => links.map((a) => a.hash)"
    )
    assert {"#d1", "#d2", "#d3", "#d4", "#d5"} <= set(cited)
    assert page.locator("article .admonition.danger").is_visible()  # the emergency signs
    watched_page.assert_clean()


@pytest.mark.parametrize("word", ["hospital", "pneumonia"])
def test_search_finds_the_after_hospital_guide(watched_page: WatchedPage, word: str) -> None:
    """The site's search index has the hospital guide under the words a reader would type."""
    index = watched_page.page.request.get(watched_page.base_url + "search/search_index.json")
    pages = [doc for doc in index.json()["docs"] if doc["location"] == "guide/after-hospital/"]
    assert pages
    assert word in pages[0]["text"].lower()


# The plan page's sample programmes are lists, not tables (issue 22): its width is
# tests/test_browser_large_text.py's, with every page's.
TABLE_PAGES = [
    "references/",
    "professionals/",
    FORM_PAGES["protein"],
    FORM_PAGES["self-check"],
    "guide/weekly-plan/",
    "guide/regain-strength/",
]
# Tables wider than the page, or scrolling sideways inside their box, on the current page.
OVERFLOW_JS = """() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('article table')].filter((table) => {
        const box = table.getBoundingClientRect();
        const scroller = table.closest('.md-typeset__scrollwrap, .md-typeset__table');
        return box.right > width + 0.5 || box.left < -0.5
            || table.scrollWidth > table.clientWidth + 1
            || (scroller && scroller.scrollWidth > scroller.clientWidth + 1);
    });
    return {tables: document.querySelectorAll('article table').length,
            wide: wide.map((table) => table.querySelector('th').textContent.trim()),
            page: document.documentElement.scrollWidth - width};
}"""


def _open_every_table(page: Page) -> None:
    """Open the collapsed blocks that hold tables, so their tables are laid out too."""
    page.evaluate("() => document.querySelectorAll('details').forEach((d) => { d.open = true; })")


def _table_overflow(page: Page, base_url: str) -> dict[str, object]:
    """Each table page's overflowing tables (none expected), and the table count as a check."""
    found = {}
    for path in TABLE_PAGES:
        page.goto(base_url + path)
        _open_every_table(page)
        found[path] = page.evaluate(OVERFLOW_JS)
    return found


def test_no_table_overflows_a_360px_phone(watched_page: WatchedPage) -> None:
    """At 360 px every table fits the screen: no sideways scrolling of the page or the table."""
    watched_page.page.set_viewport_size(PHONE)
    found = _table_overflow(watched_page.page, watched_page.base_url)
    assert all(result["tables"] for result in found.values()), found
    assert {path: (r["wide"], r["page"]) for path, r in found.items()} == {
        path: ([], 0) for path in TABLE_PAGES
    }


@pytest.mark.parametrize(
    "viewport", [PHONE, {"width": 1280, "height": 800}], ids=["phone", "desktop"]
)
def test_no_table_overflows_at_200_percent_text(
    large_font_page: Page, site_url: str, viewport: dict[str, int]
) -> None:
    """With the browser's text at 200% (32 px), every table still fits, on a phone and a desktop."""
    page = large_font_page
    page.set_viewport_size(viewport)
    found = _table_overflow(page, site_url)
    assert all(result["tables"] for result in found.values()), found
    assert {path: (r["wide"], r["page"]) for path, r in found.items()} == {
        path: ([], 0) for path in TABLE_PAGES
    }


@pytest.mark.parametrize("calculator", sorted(FORM_PAGES))
def test_without_javascript_the_notice_comes_first_and_the_form_is_hidden(
    browser: Browser, site_url: str, calculator: str
) -> None:
    """Scripts off: the notice comes before the hidden form; the ready-made table stays."""
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    try:
        page = context.new_page()
        page.goto(site_url + FORM_PAGES[calculator])
        notice = page.locator(".rg-noscript")
        form = page.locator(f'form[data-calculator="{calculator}"]')
        assert notice.is_visible()
        assert form.is_hidden()
        notice_before_form = notice.evaluate(
            "(n, f) => !!(n.compareDocumentPosition(f) & Node.DOCUMENT_POSITION_FOLLOWING)",
            form.element_handle(),
        )
        assert notice_before_form
        # The ready-made table is on show, or one click away in a collapsed block.
        # (The plan page's ready-made programmes are folded lists of days, not tables.)
        table = page.locator("article table, article [data-answers] details.rg-plan").first
        # Folds may nest (a folded week block inside a folded sample): the outermost closed
        # fold's own summary is what a reader taps.
        shown = table.evaluate(
            """(t) => {
                if (t.checkVisibility()) return true;
                let fold = t.closest('details:not([open])'), outer = null;
                while (fold) {
                    outer = fold;
                    fold = fold.parentElement?.closest('details:not([open])');
                }
                return !!outer?.querySelector(':scope > summary')?.checkVisibility();
            }"""
        )
        assert shown
    finally:
        context.close()


def test_with_javascript_the_form_shows_and_the_notice_does_not(watched_page: WatchedPage) -> None:
    """Scripts on: the form is there to fill in and the no-script notice is not shown."""
    watched_page.goto(FORM_PAGES["protein"])
    assert watched_page.page.locator('form[data-calculator="protein"]').is_visible()
    assert watched_page.page.locator(".rg-noscript").count() == 0  # inside <noscript>: not parsed


# Where the focused element sits: inside the answer? on screen, below the sticky header?
FOCUS_JS = """(id) => {
    const focused = document.activeElement;
    const box = focused.getBoundingClientRect();
    const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
    return {inAnswer: focused.closest('#' + id) !== null, text: focused.textContent.trim(),
            onScreen: box.top >= header - 1 && box.top < innerHeight};
}"""
LIVE_REGIONS_JS = """(calculator) => {
    const form = document.querySelector(`form[data-calculator="${calculator}"]`);
    const output = document.getElementById(form.dataset.output);
    const live = (e) => e.matches(
        '[aria-live]:not([aria-live="off"]), [role=status], [role=alert]');
    return {form: [...form.querySelectorAll('*')].filter(live).length, output: live(output)};
}"""


LARGE_TEXT_ANSWERS = {
    # calculator: (answers, how its first line starts). The self-check's three buttons above
    # its answer fill a 360 px screen at this text size on their own.
    "protein": ({"weight": "68", "age": "74"}, "Aim for"),
    "self-check": (
        {"strength": 1, "assistance": 0, "rise": 1, "climb": 1, "falls": 0},
        "Your questions score",
    ),
}


@pytest.mark.parametrize("calculator", list(LARGE_TEXT_ANSWERS))
def test_answer_takes_focus_and_comes_into_view_at_large_text(
    large_font_page: Page, site_url: str, calculator: str
) -> None:
    """On a phone at 200% text, the answer's first line gets the focus, below the header."""
    answers, first_words = LARGE_TEXT_ANSWERS[calculator]
    page = large_font_page
    page.set_viewport_size(PHONE)
    page.goto(site_url + FORM_PAGES[calculator])
    fill_form(page, calculator, answers)
    assert submit_and_wait(page, calculator) == "result"
    focus = page.evaluate(FOCUS_JS, f"{calculator}-result")
    assert focus["inAnswer"], focus
    assert focus["text"].startswith(first_words), focus
    assert focus["onScreen"], focus
    assert page.evaluate(LIVE_REGIONS_JS, calculator) == {"form": 1, "output": False}


def test_a_share_link_opens_with_the_answer_in_view(watched_page: WatchedPage) -> None:
    """A shared plan link answers at once, and the answer's first line is focused and in view."""
    page = watched_page.page
    page.set_viewport_size(PHONE)
    watched_page.goto(FORM_PAGES["plan"] + "?age=74&days=3&ability=tires-quickly")
    page.locator("#plan-result[data-state]").wait_for(timeout=RESULT_TIMEOUT_MS)
    assert page.locator("#plan-result").get_attribute("data-state") == "result"
    focus = page.evaluate(FOCUS_JS, "plan-result")
    assert focus["inAnswer"], focus
    assert focus["onScreen"], focus
    # The answer's buttons (copy link, print, calendar) sit above it, on screen too when they
    # and the first line fit under the header; on a phone, where the stacked full-width
    # buttons and the plan's headline do not fit together, the first line goes to the top.
    buttons = page.evaluate(
        "() => { const a = document.querySelector('#plan-result .rg-result-actions')"
        ".getBoundingClientRect();"
        " const first = document.activeElement.getBoundingClientRect();"
        " const header = document.querySelector('.md-header').getBoundingClientRect().bottom;"
        " return {above: a.top < first.top,"
        " placed: (a.top >= header - 1 && a.top < innerHeight)"
        " || Math.abs(first.top - header) < 40}; }"
    )
    assert buttons == {"above": True, "placed": True}
    watched_page.assert_clean()


# Chromium's network emulation (DevTools protocol): bytes per second down and up, latency in ms.
SLOW_NETWORK = {
    "offline": False,
    "latency": 150,
    "downloadThroughput": 1_000_000,
    "uploadThroughput": 100_000,
}
ENGINE_STATE_JS = """() => {
    const form = document.querySelector('form[data-calculator="protein"]');
    const bar = form.querySelector('progress');
    return {engine: form.dataset.engine, button: form.querySelector('[type=submit]').textContent,
            status: form.querySelector('[data-engine-status]').textContent,
            bar: bar.hidden ? null : [bar.value, bar.max],
            failed: document.querySelector('#protein-result [data-engine-failed]') !== null};
}"""


def test_a_slow_download_shows_its_size_and_progress_then_answers(
    watched_page: WatchedPage,
) -> None:
    """On a throttled connection the page says the size, the bar fills, and the answer comes."""
    page = watched_page.page
    cdp = watched_page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_NETWORK)
    watched_page.goto(FORM_PAGES["protein"])
    page.wait_for_function(
        "() => { const b = document.querySelector('form[data-calculator=protein] progress');"
        " return !b.hidden && b.value > 0 && b.value < b.max; }",
        timeout=RESULT_TIMEOUT_MS,
    )
    during = page.evaluate(ENGINE_STATE_JS)
    assert during["engine"] == "loading"
    assert "up to" in during["status"]
    assert " MB" in during["status"]
    assert during["button"] == "Calculator loading…"
    assert not during["failed"]
    fill_form(page, "protein", {"weight": "68", "age": "74"})
    assert submit_and_wait(page, "protein") == "result"
    after = page.evaluate(ENGINE_STATE_JS)
    assert after["engine"] == "ready"
    assert after["bar"] is None
    assert not after["failed"]
    watched_page.assert_clean()


# Long enough for the worker to ask for the engine file on a busy machine, so the stall is the
# stalled download's; short enough that the test does not wait the reader's 30 s.
SHORT_STALL_MS = 5000


def test_a_stalled_download_fails_once_clearly_and_try_again_restarts(
    browser: Browser, site_url: str
) -> None:
    """A stall gives one failed state blaming the connection; "Try again" then answers.

    The stall clock is shortened for this page only (a reader's is 30 s: test_browser_engine);
    "Try again" runs on the reader's clocks. Its own context: the stalling route is the
    context's, where the worker's requests are routed.
    """
    watched = open_watched_page(browser, site_url)
    page = watched.page
    stalled: list[Route] = []

    def stall(route: Route) -> None:
        stalled.append(route)  # never answered: no byte ever arrives

    try:
        watched.context.route("**/engine/pyodide.asm.wasm", stall)
        shorten_engine_timers(page, stallMs=SHORT_STALL_MS)
        watched.goto(FORM_PAGES["protein"])
        fill_form(page, "protein", {"weight": "68", "age": "74"})
        page.locator('form[data-calculator="protein"] [type=submit]').click()
        page.locator("#protein-result [data-engine-failed]").wait_for(timeout=RESULT_TIMEOUT_MS)
        failed = page.evaluate(ENGINE_STATE_JS)
        assert failed["engine"] == "failed"
        assert failed["button"] == "Work out my protein target"
        assert failed["bar"] is None
        message = page.locator("#protein-result [data-engine-failed]").inner_text()
        assert "connection" in message
        assert "browser" not in message
        assert page.evaluate(FOCUS_JS, "protein-result")["inAnswer"]  # the reader had pressed
        assert stalled
        watched.context.unroute("**/engine/pyodide.asm.wasm", stall)
        page.evaluate("() => { delete globalThis.REGAIN_ENGINE_TEST_TIMERS; }")
        page.locator('#protein-result [data-action="retry"]').click()
        page.locator("#protein-result[data-state=result]").wait_for(timeout=RESULT_TIMEOUT_MS)
        assert page.evaluate(ENGINE_STATE_JS)["engine"] == "ready"
    finally:
        watched.context.close()


def test_abbreviations_are_explained_as_tooltips(watched_page: WatchedPage) -> None:
    """SARC-F on the self-check page carries its plain meaning, shown as a tooltip on hover."""
    page = watched_page.page
    watched_page.goto(FORM_PAGES["self-check"])
    abbreviation = page.locator("article abbr", has_text="SARC-F").first
    assert "five-question check" in str(abbreviation.get_attribute("title"))
    abbreviation.hover()
    page.locator(".md-tooltip2--active, .md-tooltip--active").first.wait_for()
    watched_page.assert_clean()


# Each page of a Chromium PDF is one "/Type /Page" object (the page tree is "/Type /Pages").
PDF_PAGE = re.compile(rb"/Type\s*/Page(?!s)")


PLAN_RESULT = "#plan-result[data-state=result]"


def printed_pages(page: Page) -> int:
    """How many A4 pages the page prints on (Chromium's PDF, print media)."""
    page.emulate_media(media="print")
    try:
        return len(PDF_PAGE.findall(page.pdf(format="A4")))
    finally:
        page.emulate_media(media="screen")


def test_a_three_day_plan_prints_on_at_most_five_a4_pages(watched_page: WatchedPage) -> None:
    """A carer's print of the default 3-day plan is its printout on at most 5 A4 pages at 12 pt.

    On paper: the plan's own title (not the page's), one table for the 12 weeks, and the signs
    to stop and get help; the long on-screen programme is left off. On screen, the reverse.
    """
    page = watched_page.page
    watched_page.goto(FORM_PAGES["plan"] + "?age=78&strength_days=3&ability=tires-quickly")
    page.locator(PLAN_RESULT).wait_for(timeout=RESULT_TIMEOUT_MS)
    result = page.locator("#plan-result")
    assert result.locator(".rg-printout").is_hidden()
    assert result.locator("details.rg-plan").first.is_visible()
    # 2 at about 9 pt (issue 16); 4 at 12 pt (issue 22); 5 with a drawing of each exercise
    # beside its first how-to line (issue 25): the how-to lines wrap narrower.
    assert 1 <= printed_pages(page) <= 5
    page.emulate_media(media="print")
    assert result.locator(".rg-print-title").inner_text() == "Your 12-week exercise plan"
    assert page.locator("article h1").is_hidden()
    assert result.locator(".rg-printout table.rg-print-plan").is_visible()
    assert result.locator(".rg-printout [data-severity=stop]").is_visible()
    assert result.locator("details.rg-plan").first.is_hidden()
    watched_page.assert_clean()


# Printed pages by level today. Issue 16 asked for 2 at about 9 pt; issue 22 sets the paper's
# text at 12 pt for reading on the fridge and adds a week × day tick grid, and issue 21 writes
# each emergency sign on its own line in the stop box, so: levels A and C print on four A4
# pages; D (3 or 4 strength days), level B (a counter and a chair named on every standing move)
# and C+ on five; B+ (balance work on every day but the rest day, the most notes) on six.
# Issue 25 draws each exercise beside its first how-to line (a float about 2.6 cm wide, so those
# lines wrap narrower): measured with every exercise drawn, A 4 → 5, B 5 → 6, C+ 5 → 6, D and
# B+ unchanged. Guards against growth.
# Level D needs measured tests scoring 10 or more (issue 21.5): these score 12 of 12.
MEASURED_D = (
    "&balance_side_by_side_seconds=10&balance_semi_tandem_seconds=10&balance_tandem_seconds=10"
    "&walk_4m_seconds=3.5&chair_rise_seconds=10"
)
PRINTED_PAGES_BY_LEVEL = {
    "A": ("age=78&strength_days=3&ability=mostly-seated", 5),
    "B": ("age=78&strength_days=3&ability=needs-support", 6),
    "D": ("age=70&strength_days=3&ability=out-of-practice" + MEASURED_D, 5),
    "D, 4 strength days": ("age=70&strength_days=4&ability=out-of-practice" + MEASURED_D, 5),
    "C+": ("age=78&strength_days=3&ability=tires-quickly&fall_with_injury=true", 6),
    "B+": ("age=80&strength_days=3&ability=needs-support&two_or_more_falls=true", 6),
}


def test_every_level_prints_on_few_a4_pages(watched_page: WatchedPage) -> None:
    """The printout of each level's 3- or 4-day plan stays within its page count above."""
    page = watched_page.page
    counts = {}
    for level, (query, _) in PRINTED_PAGES_BY_LEVEL.items():
        watched_page.goto(FORM_PAGES["plan"] + "?" + query)
        page.locator(PLAN_RESULT).wait_for(timeout=RESULT_TIMEOUT_MS)
        counts[level] = printed_pages(page)
    assert counts == {
        level: min(counts[level], most) for level, (_, most) in PRINTED_PAGES_BY_LEVEL.items()
    }


def test_the_name_to_print_is_on_paper_and_never_in_a_share_link(
    watched_page: WatchedPage,
) -> None:
    """A carer's name for the printout titles the print, and the copied link leaves it out.

    While printing, the document's title (shown in the browser's print header) is the plan's.
    """
    page = watched_page.page
    watched_page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    watched_page.goto(FORM_PAGES["plan"])
    fill_form(page, "plan", {"age": "78", "ability": "tires-quickly", "print_name": "Ann Lee"})
    assert submit_and_wait(page, "plan") == "result"
    page.locator('[data-action="copy-link"]').click()
    page.locator(".rg-action-status", has_text="Link copied").wait_for()
    link = str(page.evaluate("navigator.clipboard.readText()"))
    assert "age=78" in link
    assert "print_name" not in link
    assert "Ann" not in link
    assert "print_name" not in page.url
    page.emulate_media(media="print")
    title = page.locator("#plan-result .rg-print-title")
    assert title.inner_text() == "12-week exercise plan for Ann Lee"
    page_title = page.title()
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.title() == "12-week exercise plan for Ann Lee"  # the browser's print header
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.title() == page_title
    watched_page.assert_clean()


# A name in several scripts, with a no-break space, an emoji held together by zero-width
# joiners and what looks like a source id: all of it the reader's, none of it markup.
TYPED_NAME = "Zoë\u00a0(E3) 李小龙 👩\u200d👩\u200d👧 <b>"


def test_a_typed_name_is_printed_as_typed(watched_page: WatchedPage) -> None:
    """The print title shows the name exactly as typed: no link, no markup, every character."""
    page = watched_page.page
    watched_page.goto(FORM_PAGES["plan"])
    fill_form(page, "plan", {"age": "78", "ability": "tires-quickly", "print_name": TYPED_NAME})
    assert submit_and_wait(page, "plan") == "result"
    title = page.locator("#plan-result .rg-print-title")
    assert title.text_content() == f"12-week exercise plan for {TYPED_NAME}"
    assert title.locator("a, b").count() == 0
    watched_page.assert_clean()
