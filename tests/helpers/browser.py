"""Browser helpers: a guarded page, axe, and filling a calculator form as a reader does.

Every wait here is on a state of the page (an attribute, a message), never on a clock: the
timeouts only stop a hung test, they are not how long things are expected to take.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route

from calculators import api
from harness import ROOT, BuiltSite

AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# Generous: a fresh engine start on a busy 2-core machine (CPU hog on both cores) takes ~20 s.
RESULT_TIMEOUT_MS = 120_000
FORM_PAGES = {
    "protein": "tools/protein/",
    "plan": "tools/plan/",
    "self-check": "tools/self-check/",
}
CLIENT_MODULE = "/javascripts/calc-client.mjs"


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
    browser: Browser, base_url: str, *, bypass_csp: bool = False, offline_worker: bool = False
) -> WatchedPage:
    """A new context whose requests to any other origin are blocked and recorded.

    The site's service worker is blocked unless `offline_worker` is set: requests it would answer
    from its cache never reach Playwright's router, and most tests must see every request.
    """
    context = browser.new_context(
        bypass_csp=bypass_csp, service_workers="allow" if offline_worker else "block"
    )
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

    context.route("**/*", guard)
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


def run_axe(page: Page) -> list[dict[str, object]]:
    """Serious and critical axe-core violations on the current page (axe from node_modules)."""
    if not AXE_SCRIPT.is_file():
        pytest.fail(f"axe-core is missing at {AXE_SCRIPT}: run `npm ci` (make test does).")
    page.add_script_tag(path=str(AXE_SCRIPT))
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
        (site.path / "data" / "exercises.json").read_text(encoding="utf-8")
    )
    return data


def cpython(calculator: str, payload: dict[str, Any], site: BuiltSite) -> dict[str, Any]:
    """The wire answer CPython gives, normalised through JSON like the browser's."""
    exercises = site_exercises(site) if calculator in {"plan", "plan-calendar"} else []
    answer = api.run(calculator, payload, exercises=exercises)
    normalised: dict[str, Any] = json.loads(json.dumps(answer))
    return normalised
