"""Browser helpers: a guarded page, axe, and filling a calculator form as a reader does.

Every wait here is on a state of the page (an attribute, a message), never on a clock: the
timeouts only stop a hung test, they are not how long things are expected to take.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route, ViewportSize

from calculators import api
from harness import CHROMIUM, CHROMIUM_ARGS, ROOT, BuiltSite
from postbuild.data import EXERCISE_LIBRARY
from postbuild.engine import shared_constants

AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# Generous: a fresh engine start on a busy 2-core machine (CPU hog on both cores) takes ~20 s.
RESULT_TIMEOUT_MS = 120_000
# The calculators the worker hands the exercise library (engine/constants.toml).
EXERCISE_CALCULATORS = frozenset(shared_constants()["worker"]["exercise_calculators"])
FORM_PAGES = {
    "protein": "tools/protein/",
    "plan": "tools/plan/",
    "self-check": "tools/self-check/",
}
CLIENT_MODULE = "/javascripts/calc-client.mjs"
PHONE: ViewportSize = {"width": 360, "height": 740}
LARGE_DEFAULT_FONT_PX = 32  # Chrome's Settings > Appearance > Font size, at its largest steps

# Words (runs of letters and digits) whose boxes sit on two lines: a word broken inside itself.
# Written-out addresses (DOI links, a.rg-url) may wrap anywhere: they are not read as words.
# Closed folds and hidden parts have no boxes, so they are not counted (open them first).
BROKEN_WORDS_JS = r"""(root) => {
    const skip = 'svg, script, style, .md-search, a[href*="doi.org/"], .rg-url';
    const broken = [];
    const range = document.createRange();
    for (const scope of document.querySelectorAll(root)) {
        const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const parent = node.parentElement;
            if (!parent || parent.closest(skip)) continue;
            for (const match of node.data.matchAll(/[\p{L}\p{N}]+/gu)) {
                if (match[0].length < 2) continue;
                range.setStart(node, match.index);
                range.setEnd(node, match.index + match[0].length);
                const boxes = [...range.getClientRects()].filter((r) => r.width && r.height);
                if (boxes.length < 2) continue;
                const tops = boxes.map((r) => r.top);
                if (Math.max(...tops) - Math.min(...tops) > boxes[0].height / 2) {
                    broken.push(match[0]);
                }
            }
        }
    }
    return broken;
}"""
# How far the page scrolls sideways, and which of its boxes (outside clipped table headings
# and charts' own drawing) stick out past the screen's right edge or scroll sideways inside.
SIDEWAYS_JS = r"""() => {
    const width = document.documentElement.clientWidth;
    const wide = [];
    for (const element of document.querySelectorAll('.md-main *')) {
        if (element.closest('thead, svg, .md-search, .md-sidebar')) continue;
        const box = element.getBoundingClientRect();
        const style = getComputedStyle(element);
        const scrolls = ['auto', 'scroll'].includes(style.overflowX)
            && element.scrollWidth > element.clientWidth + 1;
        if ((box.width && box.right > width + 1) || scrolls) {
            wide.push(`${element.tagName.toLowerCase()}.${element.className}: ` +
                `${(element.textContent || '').trim().slice(0, 40)}`);
        }
    }
    return {page: document.documentElement.scrollWidth - width, wide: wide.slice(0, 5)};
}"""
# Every fold open at once, as a reader opens them one by one (names dropped: a named group
# keeps only one open), and nothing skipped from drawing, so every word has its boxes.
OPEN_EVERYTHING_JS = """() => {
    for (const fold of document.querySelectorAll('details')) {
        fold.removeAttribute('name');
        fold.open = true;
    }
    const style = document.createElement('style');
    style.textContent = '* { content-visibility: visible !important; }';
    document.head.append(style);
}"""


@dataclass
class WatchedPage:
    """A page in a fresh context that records foreign requests and console errors."""

    page: Page
    context: BrowserContext
    base_url: str
    foreign_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def goto(self, path: str) -> None:
        """Open a site-relative path and wait until it has loaded."""
        self.page.goto(self.base_url + path.lstrip("/"))

    def assert_clean(self) -> None:
        """No request left the site's origin and nothing was logged as an error."""
        assert self.foreign_requests == []
        assert self.console_errors == []


def open_watched_page(
    browser: Browser, base_url: str, *, offline_worker: bool = False
) -> WatchedPage:
    """A new context whose requests to any other origin are blocked and recorded.

    The site's service worker is blocked unless `offline_worker` is set: requests it would answer
    from its cache never reach Playwright's router, and most tests must see every request.
    """
    context = browser.new_context(service_workers="allow" if offline_worker else "block")
    context.set_default_timeout(RESULT_TIMEOUT_MS)
    watched = WatchedPage(context.new_page(), context, base_url)
    origin = base_url.rstrip("/")

    def guard(route: Route) -> None:
        url = route.request.url
        if url.startswith((origin + "/", "data:", "blob:")):
            route.continue_()
        else:
            watched.foreign_requests.append(url)
            route.abort()

    # Only a request that leaves the origin is routed here (the pattern is matched by
    # Playwright's driver): a same-origin one never waits on a round trip to this process.
    context.route(re.compile("^(?!" + re.escape(origin + "/") + "|data:|blob:)"), guard)
    context.on(
        "request",
        lambda request: (
            None
            if request.url.startswith((origin + "/", "data:", "blob:"))
            or request.url in watched.foreign_requests
            else watched.foreign_requests.append(request.url)
        ),
    )
    _record_console_errors(watched)
    return watched


def next_watched_page(watched: WatchedPage) -> WatchedPage:
    """A new page in `watched`'s context, with the records started afresh.

    The context's Cache Storage is kept, so an engine started before left its memory snapshot:
    this page's engine restores it (a repeat visit) instead of starting fresh.
    """
    watched.foreign_requests.clear()  # the context's guard records into this very list
    page = watched.context.new_page()
    fresh = WatchedPage(page, watched.context, watched.base_url, watched.foreign_requests)
    _record_console_errors(fresh)
    return fresh


def _record_console_errors(watched: WatchedPage) -> None:
    """Record what the page logs as an error, and any uncaught error."""
    watched.page.on(
        "console",
        lambda message: (
            watched.console_errors.append(message.text) if message.type == "error" else None
        ),
    )
    watched.page.on("pageerror", lambda error: watched.console_errors.append(str(error)))


def open_large_font_context(
    browser: Browser, profile: Path, viewport: ViewportSize | None = None
) -> BrowserContext:
    """A Chromium profile whose default font size is 32 px, set as the reader sets it.

    The setting lives in the profile's Preferences (webkit.webprefs.default_font_size), which is
    what Chrome's font-size setting writes; a CSS override on <html> would not be the same test,
    because rem-based media queries and the browser's own defaults would not follow it.
    """
    (profile / "Default").mkdir(parents=True, exist_ok=True)
    preferences = {"webkit": {"webprefs": {"default_font_size": LARGE_DEFAULT_FONT_PX}}}
    (profile / "Default" / "Preferences").write_text(json.dumps(preferences))
    context = browser.browser_type.launch_persistent_context(
        str(profile),
        executable_path=str(CHROMIUM),
        args=CHROMIUM_ARGS,
        service_workers="block",
        viewport=viewport,
    )
    context.set_default_timeout(RESULT_TIMEOUT_MS)
    return context


def show_answer(page: Page, calculator: str, html: str) -> None:
    """Put an answer's HTML in the page's result box as the client does (no engine needed)."""
    page.evaluate(
        """([calculator, html]) => {
            const output = document.getElementById(`${calculator}-result`);
            output.innerHTML = html;
            output.dataset.state = 'result';
        }""",
        [calculator, html],
    )


@functools.cache
def _axe_source() -> str:
    """axe-core's script, read once a worker."""
    if not AXE_SCRIPT.is_file():
        pytest.fail(f"axe-core is missing at {AXE_SCRIPT}: run `npm ci` (make test does).")
    return AXE_SCRIPT.read_text(encoding="utf-8")


def run_axe(page: Page) -> list[dict[str, object]]:
    """Serious and critical axe-core violations on the current page (axe from node_modules).

    axe is evaluated through the DevTools protocol, which the page's Content-Security-Policy
    does not govern (an injected <script> would be refused): the page is checked under the CSP
    it really has, and in any test's guarded context. Once a document: a page checked twice
    (light, then dark) keeps the axe it was given.
    """
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.evaluate(_axe_source())
    # Answer tables skip drawing while off screen (`content-visibility: auto`, extra.css); axe's
    # colour check reads what is drawn, so a skipped row has no background to measure against.
    # A reader scrolls to it and sees it drawn: check it drawn.
    page.add_style_tag(content="* { content-visibility: visible !important; }")
    violations: list[dict[str, object]] = page.evaluate(
        """async () => {
            const results = await axe.run(document, {resultTypes: ["violations"]});
            return results.violations
                .filter((v) => v.impact === "serious" || v.impact === "critical")
                .map((v) => ({id: v.id, impact: v.impact, help: v.help,
                              targets: v.nodes.map((n) => n.target.join(" ")).slice(0, 5)}));
        }"""
    )
    return violations


def switch_to_dark(page: Page) -> None:
    """Dark as a reader gets it without a reload: Material's own palette toggle.

    The toggle keeps focus and shows its tooltip; the page is then checked as it is read, with
    the tooltip gone (it fades out over 0.25 s, and axe would measure the half-faded text).
    """
    page.emulate_media(color_scheme="dark")
    page.locator('label[title="Switch to dark mode"]').first.click()
    page.locator('body[data-md-color-scheme="slate"]').wait_for()
    page.evaluate("() => document.activeElement.blur()")
    page.mouse.move(0, 0)
    page.locator(".md-tooltip--active").wait_for(state="detached")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.md-tooltip')]"
        ".every((tip) => getComputedStyle(tip).opacity === '0')"
    )


def site_paths(site: BuiltSite) -> list[str]:
    """Site-relative URL paths of every reader-facing page."""
    return [
        page.parent.relative_to(site.path).as_posix().removeprefix(".") + "/"
        for page in site.html_pages()
    ]


def fill_form(page: Page, calculator: str, payload: dict[str, Any]) -> None:
    """Set every form control named in the payload, the way a reader would."""
    form = page.locator(f'form[data-calculator="{calculator}"]')
    for name, value in payload.items():
        controls = form.locator(f'[name="{name}"]')
        # A folded optional test is opened first, as a reader taps its heading.
        controls.first.evaluate(
            "(c) => { const fold = c.closest('details'); if (fold) fold.open = true; }"
        )
        kind = controls.first.get_attribute("type") or controls.first.evaluate(
            "e => e.tagName.toLowerCase()"
        )
        if kind == "radio":
            form.locator(f'[name="{name}"][value="{value}"]').check()
        elif kind == "checkbox" and controls.count() > 1:
            wanted = set(value or [])
            for index in range(controls.count()):
                box = controls.nth(index)
                box.set_checked(box.get_attribute("value") in wanted)
        elif kind == "checkbox":
            controls.set_checked(value in (True, "true", "on"))
        elif kind == "select":
            controls.select_option(str(value))
        else:
            controls.fill("" if value is None else str(value))


def submit_and_wait(page: Page, calculator: str) -> str:
    """Submit the form and wait for the answer; returns the result container's state."""
    output = page.locator(f"#{calculator}-result")
    output.evaluate("e => e.removeAttribute('data-state')")
    page.locator(f'form[data-calculator="{calculator}"] [type="submit"]').click()
    page.locator(f"#{calculator}-result[data-state]").wait_for(timeout=RESULT_TIMEOUT_MS)
    return str(output.get_attribute("data-state"))


def form_payload(page: Page, calculator: str) -> dict[str, Any]:
    """The payload the page's client sends for the form as it stands (defaults included)."""
    payload: dict[str, Any] = page.evaluate(
        f"""async (calculator) => {{
            const client = await import(new URL("{CLIENT_MODULE}", location.href));
            return client.formPayload(
                document.querySelector(`form[data-calculator="${{calculator}}"]`));
        }}""",
        calculator,
    )
    return payload


def engine_info(page: Page) -> dict[str, object]:
    """The page client's view of its engine (state, restarts, fresh/snapshot start, snapshot)."""
    info: dict[str, object] = page.evaluate(
        f"""async () => (await import(new URL("{CLIENT_MODULE}", location.href))).engineInfo()"""
    )
    return info


def shorten_engine_timers(page: Page, **timers: int) -> None:
    """Shorten the engine's clocks (stallMs, startWorkMs, answerMs) on every page load of `page`.

    The engine only ever shortens a clock with this (engine.mjs); the site never sets it.
    """
    page.add_init_script(f"globalThis.REGAIN_ENGINE_TEST_TIMERS = {json.dumps(timers)};")


def golden_cases(calculator: str) -> list[dict[str, Any]]:
    """The golden input/expected cases shared with the CPython tests."""
    cases: list[dict[str, Any]] = json.loads(
        (ROOT / "tests" / "golden" / f"{calculator.replace('-', '_')}.json").read_text(
            encoding="utf-8"
        )
    )
    return cases


def site_exercises(site: BuiltSite) -> list[dict[str, Any]]:
    """The exercise list exactly as the browser engine reads it from the built site."""
    data: list[dict[str, Any]] = json.loads(
        (site.path / EXERCISE_LIBRARY).read_text(encoding="utf-8")
    )
    return data


def cpython(calculator: str, payload: dict[str, Any], site: BuiltSite) -> dict[str, Any]:
    """The wire answer CPython gives, normalised through JSON like the browser's."""
    exercises = site_exercises(site) if calculator in EXERCISE_CALCULATORS else []
    answer = api.run(calculator, payload, exercises=exercises)
    normalised: dict[str, Any] = json.loads(json.dumps(answer))
    return normalised


def cpython_wire(calculator: str, payload: dict[str, Any], site: BuiltSite) -> dict[str, Any]:
    """What CPython would send the page (`api.page_json`): compared with what the worker sent."""
    exercises = site_exercises(site) if calculator in EXERCISE_CALCULATORS else []
    sent: dict[str, Any] = json.loads(
        api.page_json(calculator, json.dumps(payload), json.dumps(exercises))
    )
    return sent
