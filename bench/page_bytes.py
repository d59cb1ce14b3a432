"""Bytes of a cold visit per page, by kind (HTML, CSS, JS, engine, other), as the server sent them.

Each page is visited without and with the service worker, so the offline precache shows apart.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from playwright.sync_api import Browser

from bench.figures import Figure
from bench.visits import (
    CALCULATORS,
    RESULT_TIMEOUT_MS,
    new_context,
    settle,
)
from harness import (
    Sent,
    StaticServer,
)


class Kind(enum.StrEnum):
    """What a downloaded byte was for."""

    HTML = "html"
    CSS = "css"
    JS = "js"
    ENGINE = "engine"
    OTHER = "other"


ENGINE_PATHS = ("/engine/",)


ENGINE_FILES = ("calc-worker.mjs",)  # the worker is only ever loaded to run the engine


def classify(path: str, mime: str) -> Kind:
    """Sort a response into HTML / CSS / JS / engine / other by its path and content type."""
    if any(part in path for part in ENGINE_PATHS) or path.endswith(ENGINE_FILES):
        return Kind.ENGINE
    if mime.startswith("text/html"):
        return Kind.HTML
    if mime.startswith("text/css"):
        return Kind.CSS
    if mime.startswith("text/javascript"):
        return Kind.JS
    return Kind.OTHER


@dataclass
class Bytes:
    """Bytes of one kind: as sent over the wire (gzip where it applies) and as on disk."""

    compressed: int = 0
    raw: int = 0


def bytes_by_kind(log: list[Sent]) -> dict[str, Bytes]:
    """Total bytes per kind (and `total`) for the responses in `log`; 304s count no body."""
    totals = {kind.value: Bytes() for kind in Kind} | {"total": Bytes()}
    for sent in log:
        raw = sent.raw_bytes if sent.sent_bytes else 0
        for key in (classify(sent.path, sent.mime).value, "total"):
            totals[key].compressed += sent.sent_bytes
            totals[key].raw += raw
    return totals


@dataclass(frozen=True)
class PageBytes:
    """What a cold visit to one page downloads: the page alone, and with the offline precache."""

    page: dict[str, Bytes]
    with_offline: dict[str, Bytes]
    longest_task_ms: float


def measure_bytes(browser: Browser, server: StaticServer, path: str) -> PageBytes:
    """Bytes of a cold visit: once without the service worker, once with it (and its precache).

    Calculator pages start their engine on load, so the visit waits for it to be ready.
    """
    loads_engine = any(c.path == path for c in CALCULATORS)
    logs: list[list[Sent]] = []
    longest = 0.0
    for service_workers in (False, True):
        server.take_log()
        context = new_context(browser, service_workers=service_workers)
        page = context.new_page()
        page.goto(server.url + path, wait_until="load")
        if loads_engine:
            page.wait_for_selector("form[data-engine=ready]", timeout=RESULT_TIMEOUT_MS)
        if service_workers:
            settle(page)
        else:
            page.wait_for_load_state("networkidle")
            tasks: list[dict[str, float]] = page.evaluate("window.__benchLongTasks || []")
            longest = max((t["duration"] for t in tasks), default=0.0)
        context.close()
        logs.append(server.take_log())
    return PageBytes(bytes_by_kind(logs[0]), bytes_by_kind(logs[1]), longest)


def bytes_figures(name: str, path: str, measured: PageBytes) -> list[Figure]:
    """Bytes per kind for one page; pages without a calculator answer to the zero-engine budget."""
    figures: list[Figure] = []
    for scope, totals in (("bytes", measured.page), ("bytes_with_offline", measured.with_offline)):
        for kind, sent in totals.items():
            for how in ("compressed", "raw"):
                figures.append(
                    Figure(
                        f"{name}.{scope}.{kind}.{how}",
                        f"{name}: {kind} {scope.replace('_', ' ')} ({how})",
                        getattr(sent, how),
                        "bytes",
                        listed=False,
                    )
                )
    total = measured.page["total"].compressed
    if any(c.path == path for c in CALCULATORS):
        figures += [
            Figure(
                f"{name}.engine_bytes_gzip",
                f"{name}: engine bytes of a first visit (gzip)",
                measured.page[Kind.ENGINE].compressed,
                "bytes",
                "calculator_engine_gzip_bytes",
            ),
            Figure(
                f"{name}.page_bytes_gzip",
                f"{name}: page bytes of a first visit besides the engine (as sent)",
                total - measured.page[Kind.ENGINE].compressed,
                "bytes",
                "calculator_page_gzip_bytes",
            ),
        ]
    else:
        figures += [
            Figure(
                f"{name}.page_bytes_gzip",
                f"{name}: page bytes of a first visit (as sent)",
                total,
                "bytes",
                "reading_page_gzip_bytes",
            ),
            Figure(
                f"{name}.engine_bytes",
                f"{name}: engine bytes",
                measured.page[Kind.ENGINE].raw,
                "bytes",
                "guide_engine_bytes",
            ),
            Figure(
                f"{name}.engine_bytes_with_offline",
                f"{name}: engine bytes incl. service worker precache",
                measured.with_offline[Kind.ENGINE].raw,
                "bytes",
                "guide_engine_bytes",
            ),
            Figure(
                f"{name}.longest_task_ms",
                f"{name}: longest main-thread task (no engine on this page)",
                measured.longest_task_ms,
                "ms",
            ),
        ]
    return figures
