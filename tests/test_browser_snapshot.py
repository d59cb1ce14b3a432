"""The engine's memory snapshot: repeat visits restore it, and a bad one is never trusted."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from helpers.browser import (
    WatchedPage,
    engine_info,
    fill_form,
    open_watched_page,
    submit_and_wait,
)
from playwright.sync_api import Browser, Page

from calculators import api
from postbuild.engine import ENGINE_DIR, ENGINE_MANIFEST, shared_constants

pytestmark = pytest.mark.browser

# The Cache Storage the worker keeps its snapshot in (engine/constants.toml).
SNAPSHOT_CACHE = shared_constants()["snapshot"]["snapshot_cache"]


def in_snapshot_cache(script: str) -> str:
    """A page script with the snapshot cache's name where it says SNAPSHOT_CACHE."""
    return script.replace("SNAPSHOT_CACHE", json.dumps(SNAPSHOT_CACHE))


SNAPSHOT_TIMEOUT_MS = 180_000  # a hang guard only: the wait is for the worker's message
ANSWERS = {"weight": "68", "age": "40", "situation": "training"}
SNAPSHOT_SIZE = in_snapshot_cache("""async () => {
    const cache = await caches.open(SNAPSHOT_CACHE);
    const keys = await cache.keys();
    if (keys.length !== 1) return 0;
    return (await (await cache.match(keys[0])).arrayBuffer()).byteLength;
}""")


@pytest.fixture
def context_page(browser: Browser, site_url: str) -> Iterator[WatchedPage]:
    """A guarded browser context that keeps its Cache Storage between pages."""
    watched = open_watched_page(browser, site_url)
    yield watched
    watched.context.close()


def protein_answer(page: Page) -> str:
    """Compute the sample protein answer through the form and return the daily range shown."""
    fill_form(page, "protein", ANSWERS)
    assert submit_and_wait(page, "protein") == "result"
    return page.locator('#protein-result [data-value="daily_g"]').inner_text()


def expected_range() -> str:
    """CPython's daily range for the sample answers."""
    result = api.run("protein", ANSWERS)["result"]
    assert isinstance(result, dict)
    return f"{result['daily_g']['low']}–{result['daily_g']['high']} g"


def wait_for_snapshot(page: Page) -> int:
    """Wait until the worker says the snapshot is completely stored; return its size in bytes.

    Waits on the worker's "snapshot saved" message (a state), then reads the cache once: the
    entry is complete by then, so there is no race between a check and a cache write.
    """
    marker = page.locator("html[data-engine-snapshot]")
    marker.wait_for(state="attached", timeout=SNAPSHOT_TIMEOUT_MS)
    state = marker.get_attribute("data-engine-snapshot")
    assert state == "saved"
    size: int = page.evaluate(SNAPSHOT_SIZE)
    return size


def stored_snapshot(watched: WatchedPage) -> int:
    """Open the protein page until it answers, with a snapshot stored; return the snapshot's size.

    The tests that damage a snapshot run in the file's shared context (`watched_page`): each
    ends with a good snapshot stored again (the fresh start it proves stores one), so the next
    one's first page restores it instead of paying for another fresh start. When there is none
    (the first of them, or one run alone), this page's fresh start stores one, waited for.
    """
    watched.goto("tools/protein/")
    assert protein_answer(watched.page) == expected_range()
    if engine_info(watched.page)["from"] == "fresh":
        return wait_for_snapshot(watched.page)
    size: int = watched.page.evaluate(SNAPSHOT_SIZE)
    assert size > 1_000_000
    return size


def test_repeat_visit_restores_the_snapshot_and_answers_like_cpython(
    context_page: WatchedPage,
) -> None:
    """First visit starts fresh and stores a snapshot; the next visit starts from it."""
    first = context_page.page
    context_page.goto("tools/protein/")
    assert protein_answer(first) == expected_range()
    assert engine_info(first)["from"] == "fresh"
    assert wait_for_snapshot(first) > 1_000_000

    second = context_page.context.new_page()
    second.goto(context_page.base_url + "tools/protein/")
    assert protein_answer(second) == expected_range()
    assert engine_info(second)["from"] == "snapshot"
    context_page.assert_clean()


def test_corrupt_snapshot_is_dropped_for_a_fresh_start(watched_page: WatchedPage) -> None:
    """A damaged snapshot is not used: the engine starts fresh, answers right, stores a new one."""
    first = watched_page.page
    stored_snapshot(watched_page)
    first.evaluate(
        in_snapshot_cache(
            """async () => {
            const cache = await caches.open(SNAPSHOT_CACHE);
            const [key] = await cache.keys();
            await cache.put(key, new Response(new Uint8Array(4096).fill(7)));
        }"""
        )
    )
    assert first.evaluate(SNAPSHOT_SIZE) == 4096

    second = watched_page.context.new_page()
    second.goto(watched_page.base_url + "tools/protein/")
    assert protein_answer(second) == expected_range()
    assert engine_info(second)["from"] == "fresh"
    assert wait_for_snapshot(second) > 1_000_000
    second.close()


def test_oversized_snapshot_is_dropped_for_a_fresh_start(watched_page: WatchedPage) -> None:
    """A snapshot whose heap outgrew what Pyodide restores (pyodide#6254) still gives the answer.

    The stored snapshot gets 64 KiB more heap (one WebAssembly page, as if the engine had grown):
    restoring it fails, so the engine starts fresh, answers right and stores a restorable one.
    """
    first = watched_page.page
    size = stored_snapshot(watched_page)
    first.evaluate(
        in_snapshot_cache(
            """async () => {
            const cache = await caches.open(SNAPSHOT_CACHE);
            const [key] = await cache.keys();
            const stored = new Uint8Array(await (await cache.match(key)).arrayBuffer());
            const grown = new Uint8Array(stored.byteLength + 65536);
            grown.set(stored);
            await cache.put(key, new Response(grown));
        }"""
        )
    )
    assert first.evaluate(SNAPSHOT_SIZE) == size + 65536

    second = watched_page.context.new_page()
    second.goto(watched_page.base_url + "tools/protein/")
    assert protein_answer(second) == expected_range()
    assert engine_info(second)["from"] == "fresh"
    assert 1_000_000 < wait_for_snapshot(second) < size + 65536
    second.close()


# What the engine before this one (Pyodide 314.0.7) stored its snapshot under: the same scheme,
# its own version. Another calculators hash stands for an older build of our calculators.
OLDER_ENGINE = "314.0.7"
SNAPSHOT_NAMES = in_snapshot_cache("""async () => {
    const cache = await caches.open(SNAPSHOT_CACHE);
    return (await cache.keys()).map((request) => new URL(request.url).pathname).sort();
}""")
# The engine's manifest (engine/constants.toml), from the site's root.
MANIFEST_PATH = f"/{ENGINE_DIR}/{ENGINE_MANIFEST}"
MANIFEST = f"""async () => (await fetch(new URL("{MANIFEST_PATH}", location.href))).json()"""
MOVE_SNAPSHOT = in_snapshot_cache("""async ([from, to]) => {
    const cache = await caches.open(SNAPSHOT_CACHE);
    const stored = await (await cache.match(new URL(from, location.href))).arrayBuffer();
    for (const name of to) await cache.put(new URL(name, location.href), new Response(stored));
    await cache.delete(new URL(from, location.href));
}""")


def test_snapshot_from_an_older_engine_or_calculators_is_never_restored(
    watched_page: WatchedPage,
) -> None:
    """A snapshot stored by an older engine or older calculators is not restored, and is deleted.

    The stored snapshots are good ones, put under the names the older versions gave them: only
    the versions in those names keep them from being restored.
    """
    first = watched_page.page
    stored_snapshot(watched_page)
    manifest = first.evaluate(MANIFEST)
    engine_version, calculators = manifest["pyodide"], manifest["calculators"]
    current = f"/engine/snapshot/{engine_version}-{calculators}.bin"
    assert first.evaluate(SNAPSHOT_NAMES) == [current]  # named by engine version and calculators
    assert engine_version != OLDER_ENGINE
    stale = sorted(
        [
            f"/engine/snapshot/{OLDER_ENGINE}-{calculators}.bin",
            f"/engine/snapshot/{engine_version}-{calculators[::-1]}.bin",
        ]
    )
    assert current not in stale
    first.evaluate(MOVE_SNAPSHOT, [current, stale])
    assert first.evaluate(SNAPSHOT_NAMES) == stale

    second = watched_page.context.new_page()
    second.goto(watched_page.base_url + "tools/protein/")
    assert protein_answer(second) == expected_range()
    assert engine_info(second)["from"] == "fresh"
    marker = second.locator("html[data-engine-snapshot]")
    marker.wait_for(state="attached", timeout=SNAPSHOT_TIMEOUT_MS)
    assert marker.get_attribute("data-engine-snapshot") == "saved"
    assert second.evaluate(SNAPSHOT_NAMES) == [current]  # the stale ones are gone
    watched_page.assert_clean()
    second.close()
