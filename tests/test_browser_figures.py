"""Exercise drawings in Chromium (issue 25): drawn, in the text colour, still if asked, on paper.

Every wait is on a state of the page (each drawing's `<use>` has a box once the sprite is in);
timeouts only stop a hung test.
"""

from __future__ import annotations

import re

import pytest
from helpers.browser import (
    FORM_PAGES,
    PHONE,
    RESULT_TIMEOUT_MS,
    WatchedPage,
    run_axe,
)
from playwright.sync_api import Page

from calculators.present.figure import SPRITE

pytestmark = pytest.mark.browser

LIBRARY = "guide/exercises/"
SHEET = "guide/exercise-drawings/"
PLAN = FORM_PAGES["plan"] + "?age=78&strength_days=3&ability=tires-quickly"
SYMBOL_ID = re.compile(r'<symbol id="([^"]+)"')

# Each pose's `<use>`: the symbol it names and the box it draws (0 × 0 until the sprite is in).
USES_JS = """() => [...document.querySelectorAll('svg[data-exercise] use')].map((use) => {
    const box = use.getBBox();
    return {exercise: use.parentElement.dataset.exercise, pose: use.parentElement.dataset.pose,
            symbol: use.href.baseVal.split('#')[1], width: box.width,
            height: box.height};
})"""
# True once every drawing on the page (visible or folded away: getBBox needs no layout box of
# its own, only the sprite) draws something.
ALL_DRAWN_JS = """() => {
    const uses = [...document.querySelectorAll('svg[data-exercise] use')];
    return uses.length > 0 && uses.every((use) => {
        const box = use.getBBox();
        return box.width > 0 && box.height > 0;
    });
}"""
PRINTED_DRAWN_JS = """() => {
    const uses = [...document.querySelectorAll('.rg-printout svg[data-exercise] use')];
    return uses.length > 0 && uses.every((use) => {
        const box = use.getBoundingClientRect();
        return box.width > 0 && box.height > 0;
    });
}"""
RUNNING_ANIMATIONS_JS = """() => document.getAnimations()
    .filter((animation) => animation.playState === 'running').length"""


def sprite_symbols(watched: WatchedPage) -> set[str]:
    """The symbol ids of the served sprite."""
    response = watched.page.request.get(watched.base_url + SPRITE)
    assert response.ok
    return set(SYMBOL_ID.findall(response.text()))


def wait_until_drawn(page: Page) -> None:
    """Wait until every drawing's `<use>` draws a box (the sprite has loaded)."""
    page.wait_for_function(ALL_DRAWN_JS, timeout=RESULT_TIMEOUT_MS)


def test_every_drawing_in_the_library_is_a_symbol_of_the_sprite_with_a_box(
    watched_page: WatchedPage,
) -> None:
    """Each svg[data-exercise] on the library page draws its sprite symbol (no broken `<use>`).

    Also: every one of the 54 exercise cards has its drawing.
    """
    watched_page.goto(LIBRARY)
    page = watched_page.page
    wait_until_drawn(page)
    symbols = sprite_symbols(watched_page)
    uses = page.evaluate(USES_JS)
    assert uses
    for use in uses:
        assert use["symbol"] == f"fig-{use['exercise']}-{use['pose']}"
        assert use["symbol"] in symbols
        assert use["width"] > 0
        assert use["height"] > 0
    drawn = {name.rsplit("-", 1)[0].removeprefix("fig-") for name in symbols} - {"arrow"}
    cards = page.eval_on_selector_all(
        ".rg-exercise",
        "(cards) => cards.map((c) => [c.querySelector('h3').id, "
        "!!c.querySelector('figure.rg-move')])",
    )
    assert {ident for ident, has in cards if has} == drawn & {ident for ident, _ in cards}
    assert all(has for _, has in cards), [ident for ident, has in cards if not has]
    assert len(cards) == 54
    watched_page.assert_clean()  # the sprite comes from the site itself


def test_in_dark_mode_the_drawings_are_in_the_text_colour(watched_page: WatchedPage) -> None:
    """The lines are currentColor: the figure's colour is the card text's, light on dark."""
    page = watched_page.page
    # Material keeps the palette of an earlier page of this context: start from none, as a
    # reader whose system is dark does.
    page.add_init_script("try { localStorage.clear(); } catch {}")
    page.emulate_media(color_scheme="dark")
    watched_page.goto(LIBRARY)
    wait_until_drawn(page)
    colours = page.evaluate(
        """() => {
            const figure = document.querySelector('.rg-exercise figure.rg-move');
            const use = figure.querySelector('svg[data-pose] use');
            const text = figure.closest('.rg-exercise').querySelector('p');
            return {use: getComputedStyle(use).color, text: getComputedStyle(text).color,
                    background: getComputedStyle(document.body).backgroundColor};
        }"""
    )
    assert colours["use"] == colours["text"]
    channels = [int(n) for n in re.findall(r"\d+", colours["use"])[:3]]
    assert sum(channels) > 3 * 150, colours  # light lines on Material's dark slate
    watched_page.assert_clean()


def test_the_library_with_its_drawings_passes_axe(watched_page: WatchedPage) -> None:
    """Figures named by their how-to line, their SVGs hidden: no serious axe finding."""
    # Light, as a fresh visit: no palette kept from an earlier page of this file's context.
    watched_page.page.add_init_script("try { localStorage.clear(); } catch {}")
    watched_page.goto(LIBRARY)
    wait_until_drawn(watched_page.page)
    assert run_axe(watched_page.page) == []
    watched_page.goto(SHEET)
    wait_until_drawn(watched_page.page)
    assert run_axe(watched_page.page) == []
    watched_page.assert_clean()


def test_the_loop_runs_only_for_readers_who_allow_motion(watched_page: WatchedPage) -> None:
    """The gentle start/end loop is CSS only, and stops under prefers-reduced-motion."""
    page = watched_page.page
    page.set_viewport_size(PHONE)
    page.emulate_media(reduced_motion="no-preference")
    watched_page.goto(LIBRARY)
    wait_until_drawn(page)
    assert page.evaluate(RUNNING_ANIMATIONS_JS) > 0
    page.emulate_media(reduced_motion="reduce")
    page.wait_for_function(f"() => ({RUNNING_ANIMATIONS_JS})() === 0", timeout=RESULT_TIMEOUT_MS)
    page.reload()
    wait_until_drawn(page)
    assert page.evaluate(RUNNING_ANIMATIONS_JS) == 0


def test_the_printed_plan_shows_each_exercise_drawing_once(watched_page: WatchedPage) -> None:
    """On paper the plan draws each exercise beside its first how-to, still (no loop)."""
    page = watched_page.page
    page.emulate_media(reduced_motion="no-preference")
    watched_page.goto(PLAN)
    page.locator("#plan-result[data-state=result]").wait_for(timeout=RESULT_TIMEOUT_MS)
    page.emulate_media(media="print")
    page.wait_for_function(PRINTED_DRAWN_JS, timeout=RESULT_TIMEOUT_MS)
    starts = page.eval_on_selector_all(
        ".rg-printout svg[data-pose=start]", "(svgs) => svgs.map((s) => s.dataset.exercise)"
    )
    assert starts
    assert len(starts) == len(set(starts))
    looping = page.eval_on_selector_all(
        ".rg-printout svg[data-pose]",
        "(svgs) => svgs.filter((s) => getComputedStyle(s).animationName !== 'none').length",
    )
    assert looping == 0
    page.emulate_media(media="screen")
    watched_page.assert_clean()


def test_drawings_fit_a_phone(watched_page: WatchedPage) -> None:
    """On a 360 px phone each drawing fits its card: start, arrow and end on one line."""
    page = watched_page.page
    page.set_viewport_size(PHONE)
    watched_page.goto(LIBRARY)
    wait_until_drawn(page)
    boxes = page.eval_on_selector_all(
        "figure.rg-move",
        """(figures) => figures.map((f) => {
            const [start, , end] = [...f.querySelectorAll('svg')].map((s) =>
                s.getBoundingClientRect());
            const box = f.getBoundingClientRect();
            return {right: end.right, boxRight: box.right, sameLine: start.top === end.top,
                    width: start.width};
        })""",
    )
    for box in boxes:
        assert box["right"] <= box["boxRight"] + 0.5
        assert box["sameLine"]
        assert box["width"] >= 60  # a drawing a reader can see: at least 60 CSS px wide
    viewport = page.evaluate("() => document.documentElement.clientWidth")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= viewport
