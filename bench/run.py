"""Measure Regain as a reader gets it: first result, main-thread tasks, bytes, build time.

Serves the built site on 127.0.0.1 with a gzip-capable static server (like GitHub Pages), drives
Debian's Chromium with Playwright, prints each figure next to its budget from `bench/budgets.toml`
and writes `bench/results.json`. Exit code 1 when a figure exceeds its budget × (1 + tolerance).

    .venv/bin/python bench/run.py            # full: 5 cold + 5 warm visits, throttled run
    .venv/bin/python bench/run.py --quick --tolerance 0.5   # CI
"""

from __future__ import annotations

import argparse
import datetime as dt
import email.utils
import enum
import gzip
import hashlib
import http.server
import importlib.util
import io
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import tomllib
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent


def _test_setup() -> ModuleType:
    """The test suite's conftest, loaded by path: a site-packages `tests` package shadows ours."""
    spec = importlib.util.spec_from_file_location("regain_conftest", ROOT / "tests" / "conftest.py")
    if spec is None or spec.loader is None:
        msg = f"cannot load {ROOT / 'tests' / 'conftest.py'}"
        raise ImportError(msg)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


# One way to launch the browser and to build the site, shared with the test suite.
_conftest = _test_setup()
CHROMIUM: Path = _conftest.CHROMIUM
CHROMIUM_ARGS: list[str] = _conftest.CHROMIUM_ARGS
build_site: Callable[[Path], subprocess.CompletedProcess[str]] = _conftest.build_site

# ------------------------------------------------------------------------------- static server

MIME_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".map": "application/json",
    ".webmanifest": "application/manifest+json",
    ".svg": "image/svg+xml",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".ics": "text/calendar",
    ".wasm": "application/wasm",
    ".zip": "application/zip",
    ".gz": "application/gzip",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".webp": "image/webp",
    ".ico": "image/x-icon",
    ".woff2": "font/woff2",
}
# GitHub Pages (Fastly) gzips by content type: text, scripts, JSON, SVG and XML. We also gzip
# WebAssembly, as reports of GitHub Pages responses show (not checkable from this offline
# machine). Archives, images and fonts are already compressed and go out as they are.
COMPRESSED_TYPES = (
    "text/",
    "application/json",
    "application/manifest+json",
    "application/xml",
    "image/svg+xml",
    "application/wasm",
)
# GitHub Pages' own header: a repeat visit within 10 minutes uses the HTTP cache untouched.
CACHE_CONTROL = "max-age=600"
CHUNK_BYTES = 16 * 1024


def content_type(path: Path) -> str:
    """The Content-Type a static host sends for `path`."""
    return MIME_TYPES.get(path.suffix.lower(), "application/octet-stream")


def is_compressible(mime: str) -> bool:
    """Whether a static host gzips responses of this content type."""
    return mime.startswith(COMPRESSED_TYPES)


def accepts_gzip(header: str | None) -> bool:
    """Whether an Accept-Encoding header allows gzip (and does not refuse it with q=0)."""
    for part in (header or "").split(","):
        coding, _, params = part.strip().partition(";")
        if coding.strip().lower() in {"gzip", "*"}:
            return params.replace(" ", "") not in {"q=0", "q=0.0", "q=0.00", "q=0.000"}
    return False


@dataclass(frozen=True)
class Sent:
    """One response the server sent: what was asked for and how many body bytes went out."""

    path: str
    mime: str
    raw_bytes: int
    sent_bytes: int


class Link:
    """A shared bottleneck (one reader's connection): a download rate and a per-request latency.

    Every response of every connection queues for the same link, so six parallel requests share
    the rate as they would on a real phone connection.
    """

    def __init__(self, down_mbit_s: float, latency_ms: float) -> None:
        self.bytes_per_s = down_mbit_s * 1_000_000 / 8
        self.latency_s = latency_ms / 1000
        self._free_at = 0.0
        self._lock = threading.Lock()

    def wait_latency(self) -> None:
        """The request's round trip before the first byte."""
        time.sleep(self.latency_s)

    def send(self, out: io.BufferedIOBase, data: bytes) -> None:
        """Write `data` no faster than the link allows."""
        for start in range(0, len(data), CHUNK_BYTES):
            chunk = data[start : start + CHUNK_BYTES]
            with self._lock:
                begin = max(time.monotonic(), self._free_at)
                self._free_at = begin + len(chunk) / self.bytes_per_s
                done_at = self._free_at
            time.sleep(max(0.0, done_at - time.monotonic()))
            out.write(chunk)


class StaticServer(http.server.ThreadingHTTPServer):
    """The built site on 127.0.0.1, served like a static host, recording every response."""

    daemon_threads = True

    def __init__(self, root: Path, port: int = 0) -> None:
        self.root = root.resolve()
        self.link: Link | None = None
        self._log: list[Sent] = []
        self._gzipped: dict[Path, bytes] = {}
        self._lock = threading.Lock()
        super().__init__(("127.0.0.1", port), StaticHandler)

    @property
    def url(self) -> str:
        """Base URL of the site, ending with a slash."""
        return f"http://127.0.0.1:{self.server_address[1]}/"

    def record(self, sent: Sent) -> None:
        """Remember one response (thread-safe)."""
        with self._lock:
            self._log.append(sent)

    def take_log(self) -> list[Sent]:
        """Every response since the last call, oldest first."""
        with self._lock:
            log, self._log = self._log, []
        return log

    def gzipped(self, file: Path) -> bytes:
        """The gzip body of `file`, compressed once (a real host keeps compressed copies too)."""
        with self._lock:
            cached = self._gzipped.get(file)
        if cached is None:
            cached = gzip.compress(file.read_bytes(), compresslevel=6, mtime=0)
            with self._lock:
                self._gzipped[file] = cached
        return cached

    def prime(self) -> None:
        """Compress every compressible file now, so no timed request waits for compression."""
        for file in self.root.rglob("*"):
            if file.is_file() and is_compressible(content_type(file)):
                self.gzipped(file)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Ignore clients hanging up (the browser cancels requests); report anything else."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class StaticHandler(http.server.BaseHTTPRequestHandler):
    """GET and HEAD for files under the server's root, with gzip, ETag and Cache-Control."""

    server: StaticServer
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        """Send a file (or the site's 404 page)."""
        self._respond(with_body=True)

    def do_HEAD(self) -> None:
        """Send a file's headers only."""
        self._respond(with_body=False)

    def log_message(self, format: str, *args: Any) -> None:
        """Keep the bench's output to its table."""

    def _resolve(self, url_path: str) -> Path | None:
        relative = urllib.parse.unquote(url_path).lstrip("/")
        target = (self.server.root / relative).resolve()
        if not target.is_relative_to(self.server.root):
            return None
        if target.is_dir():
            target = target / "index.html"
        return target if target.is_file() else None

    def _respond(self, *, with_body: bool) -> None:
        url_path = urllib.parse.urlsplit(self.path).path
        root_dir = self.server.root / urllib.parse.unquote(url_path).lstrip("/")
        if not url_path.endswith("/") and root_dir.is_dir():
            self.send_response(301)
            self.send_header("Location", url_path + "/")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        file = self._resolve(url_path)
        status = 200
        if file is None:
            status, file = 404, self.server.root / "404.html"
            if not file.is_file():
                self.send_error(404)
                return
        mime = content_type(file)
        stat = file.stat()
        etag = '"' + hashlib.sha1(f"{stat.st_mtime_ns}-{stat.st_size}".encode()).hexdigest()[:16]
        etag += '"'
        if self.server.link:
            self.server.link.wait_latency()
        if status == 200 and self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Cache-Control", CACHE_CONTROL)
            self.end_headers()
            self.server.record(Sent(url_path, mime, stat.st_size, 0))
            return
        gzipped = is_compressible(mime) and accepts_gzip(self.headers.get("Accept-Encoding"))
        body = self.server.gzipped(file) if gzipped else file.read_bytes()
        self.send_response(status)
        self.send_header("Content-Type", mime)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", CACHE_CONTROL)
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", email.utils.formatdate(stat.st_mtime, usegmt=True))
        if is_compressible(mime):
            self.send_header("Vary", "Accept-Encoding")
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        if with_body:
            if self.server.link:
                self.server.link.send(self.wfile, body)
            else:
                self.wfile.write(body)
        self.server.record(Sent(url_path, mime, stat.st_size, len(body) if with_body else 0))


@contextmanager
def serving(root: Path) -> Iterator[StaticServer]:
    """Serve `root` on a free port of 127.0.0.1 for the duration of the block."""
    server = StaticServer(root)
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


# ------------------------------------------------------------------------- bytes by category


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


# ----------------------------------------------------------------------------------- budgets


class Verdict(enum.StrEnum):
    """A figure against its budget."""

    PASS = "PASS"
    # Over the budget but within the tolerance a noisy machine is allowed (CI quick mode).
    TOLERATED = "OVER (tolerated)"
    OVER = "OVER"
    INFO = "-"


def verdict(value: float, budget: float | None, tolerance: float) -> Verdict:
    """PASS within the budget; OVER beyond budget × (1 + tolerance); TOLERATED in between."""
    if budget is None:
        return Verdict.INFO
    if value <= budget:
        return Verdict.PASS
    if value <= budget * (1 + tolerance):
        return Verdict.TOLERATED
    return Verdict.OVER


BUDGET_KEYS = (
    "guide_engine_bytes",
    "warm_first_result_ms",
    "cold_first_result_ms",
    "throttled_cold_first_result_ms",
    "engine_longest_task_ms",
    "build_s",
)


class BudgetError(ValueError):
    """The budgets file is missing a budget, has an unknown one, or a value is not a number."""


def load_budgets(path: Path) -> dict[str, float]:
    """Read and check `budgets.toml`: exactly the known keys, each a number >= 0."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    missing = [key for key in BUDGET_KEYS if key not in data]
    unknown = sorted(set(data) - set(BUDGET_KEYS))
    if missing or unknown:
        msg = f"{path}: missing budgets {missing}, unknown budgets {unknown}"
        raise BudgetError(msg)
    budgets: dict[str, float] = {}
    for key in BUDGET_KEYS:
        value = data[key]
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            msg = f"{path}: {key} must be a number >= 0, not {value!r}"
            raise BudgetError(msg)
        budgets[key] = float(value)
    return budgets


@dataclass(frozen=True)
class Figure:
    """One measured number, with the budget it answers to (None: shown for information)."""

    key: str
    label: str
    value: float
    unit: str
    budget: str | None = None
    # Bytes per kind go to their own, denser table (see `bytes_table`).
    listed: bool = True


# ------------------------------------------------------------------------------ page visits


@dataclass(frozen=True)
class Calculator:
    """A calculator page and how a reader fills it in."""

    name: str
    path: str
    result: str
    fields: dict[str, str]


CALCULATORS = (
    Calculator(
        "protein",
        "tools/protein/",
        "#protein-result",
        {"#protein-weight": "68", "#protein-age": "70"},
    ),
    Calculator("plan", "tools/plan/", "#plan-result", {"#plan-age": "70"}),
)
READING_PAGES = {"home": "", "guide": "guide/early-signs/"}

# Before any page script: record long tasks, and long animation frames with the scripts that ran
# in them (which say whose code a long task was), on window; buffered, so none is missed.
LONG_TASK_OBSERVER = """
window.__benchLongTasks = [];
window.__benchFrames = [];
try {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.__benchLongTasks.push({ start: entry.startTime, duration: entry.duration });
    }
  }).observe({ type: "longtask", buffered: true });
} catch (error) { window.__benchLongTasks = null; }
try {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.__benchFrames.push({
        start: entry.startTime,
        duration: entry.duration,
        scripts: entry.scripts.map((s) => ({ source: s.sourceURL, duration: s.duration })),
      });
    }
  }).observe({ type: "long-animation-frame", buffered: true });
} catch (error) { window.__benchFrames = null; }
"""

# After the result: the marks the page client sets, the worker's request (engine start) and the
# long tasks, after a pause that lets the observer deliver its last entries.
READ_TIMINGS = """
async () => {
  await new Promise((resolve) => setTimeout(resolve, 200));
  const mark = (name) => {
    const entry = performance.getEntriesByName(name)[0];
    return entry ? entry.startTime : null;
  };
  const worker = performance.getEntriesByType("resource")
    .find((entry) => entry.name.endsWith("/calc-worker.mjs"));
  return {
    result: mark("regain:result"),
    ready: mark("regain:engine-ready"),
    engineStart: worker ? worker.startTime : null,
    longTasks: window.__benchLongTasks,
    frames: window.__benchFrames,
  };
}
"""

# Wait until the service worker is active and Cache Storage has stopped changing (the offline
# precache, the engine files and the engine's memory snapshot are written after the first result):
# a repeat visit comes later than a benchmark could otherwise wait.
SETTLE = """
async (timeoutMs) => {
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const deadline = performance.now() + timeoutMs;
  if ("serviceWorker" in navigator && window.isSecureContext) {
    await Promise.race([navigator.serviceWorker.ready, sleep(timeoutMs / 2)]);
  }
  if (typeof caches === "undefined") return "";
  const state = async () => {
    const parts = [];
    for (const name of (await caches.keys()).sort()) {
      parts.push(`${name}:${(await (await caches.open(name)).keys()).length}`);
    }
    return parts.join(",");
  };
  let last = await state();
  let stable = 0;
  while (performance.now() < deadline && stable < 3) {
    await sleep(500);
    const now = await state();
    // The engine's snapshot cache exists (empty) from the start and gets its one entry late.
    const snapshotPending = /snapshot[^,]*:0(,|$)/.test(now);
    stable = now === last && !snapshotPending ? stable + 1 : 0;
    last = now;
  }
  return last;
}
"""

LONG_TASK_MS = 50  # the Long Tasks API threshold: a task that long delays a tap or a key press
RESULT_TIMEOUT_MS = 90_000
SETTLE_TIMEOUT_MS = 20_000


@dataclass(frozen=True)
class Visit:
    """One visit to a calculator page; times in ms from navigation start."""

    first_result_ms: float
    engine_ready_ms: float
    engine_start_ms: float
    # Main-thread time the engine's own scripts took within one long frame (LoAF attribution):
    # while the engine loads, and afterwards (answering and drawing the result).
    engine_task_ms: float
    result_task_ms: float
    # Long tasks of any cause: the longest, and how many overlapped the engine's loading.
    longest_task_ms: float
    long_tasks_while_loading: int


# Main-thread scripts that belong to the engine: its files, the worker and the page client.
ENGINE_SOURCES = ("/engine/", "/calc-worker.mjs", "/calc-client.mjs")


def engine_task_ms(frames: list[dict[str, Any]], start: float = 0.0, end: float = 1e12) -> float:
    """The longest time the engine's scripts took within one long frame overlapping [start, end]."""
    return max(
        (
            sum(
                s["duration"]
                for s in frame["scripts"]
                if any(e in s["source"] for e in ENGINE_SOURCES)
            )
            for frame in frames
            if frame["start"] < end and frame["start"] + frame["duration"] > start
        ),
        default=0.0,
    )


def overlapping(tasks: list[dict[str, float]], start: float, end: float) -> int:
    """How many long tasks overlap the window [start, end]."""
    return sum(1 for t in tasks if t["start"] < end and t["start"] + t["duration"] > start)


def visit_calculator(page: Page, base_url: str, calculator: Calculator) -> Visit:
    """Open the page, fill it in at once, submit, and wait for the first result."""
    page.goto(base_url + calculator.path, wait_until="domcontentloaded")
    page.wait_for_selector(f"form[data-calculator='{calculator.name}'][data-rg-ready]")
    for selector, value in calculator.fields.items():
        page.fill(selector, value)
    page.click(f"form[data-calculator='{calculator.name}'] [type=submit]")
    page.wait_for_selector(f"{calculator.result}[data-state=result]", timeout=RESULT_TIMEOUT_MS)
    timings: dict[str, Any] = page.evaluate(READ_TIMINGS)
    if timings["longTasks"] is None or timings["frames"] is None:
        msg = "this Chromium reports no long tasks or long animation frames (needs >= 123)"
        raise RuntimeError(msg)
    tasks: list[dict[str, float]] = timings["longTasks"]
    start = timings["engineStart"] or 0.0
    ready = timings["ready"] or timings["result"]
    return Visit(
        first_result_ms=timings["result"],
        engine_ready_ms=ready,
        engine_start_ms=start,
        engine_task_ms=engine_task_ms(timings["frames"], start, ready),
        result_task_ms=engine_task_ms(timings["frames"], ready),
        longest_task_ms=max((t["duration"] for t in tasks), default=0.0),
        long_tasks_while_loading=overlapping(tasks, start, ready),
    )


def new_context(browser: Browser, *, service_workers: bool = True) -> BrowserContext:
    """A fresh context (empty HTTP cache, no service worker) that records long tasks."""
    context = browser.new_context(service_workers="allow" if service_workers else "block")
    context.add_init_script(LONG_TASK_OBSERVER)
    return context


def settle(page: Page) -> None:
    """Let the service worker and the engine finish writing their caches."""
    started = time.monotonic()
    caches: str = page.evaluate(SETTLE, SETTLE_TIMEOUT_MS)
    progress(f"  caches settled in {time.monotonic() - started:.1f} s: {caches or 'none'}")


@dataclass
class CalculatorRuns:
    """Every visit to one calculator page."""

    cold: list[Visit] = field(default_factory=list)
    warm: list[Visit] = field(default_factory=list)
    throttled: list[Visit] = field(default_factory=list)


def time_calculator(
    browser: Browser, server: StaticServer, calculator: Calculator, runs: int, throttled: int
) -> CalculatorRuns:
    """Cold then warm visits (one context each), then throttled cold visits."""
    measured = CalculatorRuns()
    for _ in range(runs):
        context = new_context(browser)
        page = context.new_page()
        measured.cold.append(visit_calculator(page, server.url, calculator))
        settle(page)
        measured.warm.append(visit_calculator(page, server.url, calculator))
        context.close()
    server.link = THROTTLE
    try:
        for _ in range(throttled):
            context = new_context(browser)
            measured.throttled.append(visit_calculator(context.new_page(), server.url, calculator))
            context.close()
    finally:
        server.link = None
    server.take_log()
    return measured


THROTTLE_DOWN_MBIT_S = 20.0
THROTTLE_LATENCY_MS = 40.0
THROTTLE = Link(THROTTLE_DOWN_MBIT_S, THROTTLE_LATENCY_MS)


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


# ------------------------------------------------------------------------------------ build


def time_builds(count: int) -> list[float]:
    """Wall time in seconds of `count` strict builds, each into a new empty directory."""
    seconds: list[float] = []
    for _ in range(count):
        with tempfile.TemporaryDirectory(prefix="regain-bench-build-") as site_dir:
            started = time.perf_counter()
            result = build_site(Path(site_dir))
            seconds.append(time.perf_counter() - started)
        if result.returncode != 0:
            msg = f"mkdocs build --strict failed:\n{result.stdout}{result.stderr}"
            raise RuntimeError(msg)
    return seconds


# ---------------------------------------------------------------------------------- figures


def spread(
    key: str, label: str, values: list[float], unit: str, budget: str | None
) -> list[Figure]:
    """Median (held to the budget), min and max of repeated measurements."""
    return [
        Figure(
            f"{key}.median",
            f"{label} (median of {len(values)})",
            statistics.median(values),
            unit,
            budget,
        ),
        Figure(f"{key}.min", f"{label} (min)", min(values), unit),
        Figure(f"{key}.max", f"{label} (max)", max(values), unit),
    ]


def calculator_figures(name: str, runs: CalculatorRuns) -> list[Figure]:
    """First result, engine ready and main-thread tasks for one calculator page."""
    figures: list[Figure] = []
    for kind, visits, budget in (
        ("cold", runs.cold, "cold_first_result_ms"),
        ("warm", runs.warm, "warm_first_result_ms"),
        ("throttled", runs.throttled, "throttled_cold_first_result_ms"),
    ):
        if not visits:
            continue
        label = f"{name}: {kind} first result"
        results = [v.first_result_ms for v in visits]
        if kind == "throttled" and len(visits) == 1:
            figures.append(
                Figure(f"{name}.{kind}.first_result_ms", label, results[0], "ms", budget)
            )
        else:
            figures += spread(f"{name}.{kind}.first_result_ms", label, results, "ms", budget)
        figures.append(
            Figure(
                f"{name}.{kind}.engine_ready_ms.median",
                f"{name}: {kind} engine ready (median)",
                statistics.median(v.engine_ready_ms for v in visits),
                "ms",
            )
        )
    visits = runs.cold + runs.warm + runs.throttled
    figures += [
        Figure(
            f"{name}.engine_task_ms",
            f"{name}: longest main-thread task caused by the engine while it loads",
            max(v.engine_task_ms for v in visits),
            "ms",
            "engine_longest_task_ms",
        ),
        Figure(
            f"{name}.result_task_ms",
            f"{name}: longest main-thread task of ours after it (answer, drawing)",
            max(v.result_task_ms for v in visits),
            "ms",
        ),
        Figure(
            f"{name}.longest_task_ms",
            f"{name}: longest main-thread task, any cause",
            max(v.longest_task_ms for v in visits),
            "ms",
        ),
        Figure(
            f"{name}.long_tasks_while_loading",
            f"{name}: tasks > {LONG_TASK_MS} ms while the engine loads, any cause",
            sum(v.long_tasks_while_loading for v in visits),
            "tasks",
        ),
    ]
    return figures


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
    if not any(c.path == path for c in CALCULATORS):
        figures += [
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


# ------------------------------------------------------------------------------ the report


def judge(
    figures: list[Figure], budgets: dict[str, float], tolerance: float
) -> list[dict[str, Any]]:
    """Each figure as a JSON row with its budget's value and its verdict."""
    rows: list[dict[str, Any]] = []
    for figure in figures:
        limit = budgets[figure.budget] if figure.budget else None
        rows.append(
            asdict(figure) | {"limit": limit, "verdict": verdict(figure.value, limit, tolerance)}
        )
    return rows


def format_value(value: float, unit: str) -> str:
    """A figure as a person reads it: 2.31 s, 412.3 kB, 48 ms."""
    if unit == "ms":
        return f"{value / 1000:.2f} s" if value >= 1000 else f"{value:.0f} ms"
    if unit == "bytes":
        return f"{value / 1000:,.1f} kB" if value >= 1000 else f"{value:.0f} B"
    if unit == "s":
        return f"{value:.2f} s"
    return f"{value:g} {unit}"


def budget_unit(key: str) -> str:
    """The unit a budget's name ends with."""
    return {"bytes": "bytes", "ms": "ms", "s": "s"}[key.rsplit("_", 1)[1]]


def table(rows: list[dict[str, Any]]) -> str:
    """The listed figures as a table: figure | value | budget | verdict."""
    lines = [["figure", "value", "budget", "verdict"]]
    for row in rows:
        if not row["listed"]:
            continue
        limit = row["limit"]
        budget = "" if limit is None else format_value(limit, budget_unit(row["budget"]))
        lines.append(
            [row["label"], format_value(row["value"], row["unit"]), budget, row["verdict"]]
        )
    return render_table(lines)


def bytes_table(rows: list[dict[str, Any]]) -> str:
    """Bytes per page and kind, gzip / raw in kB, from the unlisted byte figures."""
    values = {row["key"]: row["value"] for row in rows}
    pages = list(dict.fromkeys(row["key"].split(".")[0] for row in rows if ".bytes." in row["key"]))
    columns = [*(kind.value for kind in Kind), "total"]
    lines = [["kB gzip / raw", *columns, "total incl. offline precache"]]
    for page in pages:
        cells = [page]
        for scope, kinds in (("bytes", columns), ("bytes_with_offline", ["total"])):
            for kind in kinds:
                gz, raw = (
                    values[f"{page}.{scope}.{kind}.{how}"] / 1000 for how in ("compressed", "raw")
                )
                cells.append(f"{gz:,.1f} / {raw:,.1f}")
        lines.append(cells)
    return render_table(lines)


def render_table(lines: list[list[str]]) -> str:
    """Fixed-width columns separated by bars, with a rule under the header line."""
    widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]))]
    out = []
    for number, line in enumerate(lines):
        out.append(" | ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)))
        if number == 0:
            out.append("-+-".join("-" * width for width in widths))
    return "\n".join(line.rstrip() for line in out)


def machine_info(browser_version: str) -> dict[str, Any]:
    """Where the numbers were measured."""
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    return {
        "nproc": os.cpu_count(),
        "chromium": browser_version,
        "pyodide": package["dependencies"]["pyodide"],
        "python": platform.python_version(),
        "platform": platform.platform(),
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        # Other work on the machine skews every time: the 1-minute load average at the end.
        "loadavg_1min": os.getloadavg()[0],
    }


def results_document(
    rows: list[dict[str, Any]],
    *,
    machine: dict[str, Any],
    settings: dict[str, Any],
    samples: dict[str, Any],
) -> dict[str, Any]:
    """The results.json document: settings, machine, judged figures, raw samples, verdict."""
    return {
        "schema": 1,
        "machine": machine,
        "settings": settings,
        "figures": rows,
        "samples": samples,
        "passed": all(row["verdict"] != Verdict.OVER.value for row in rows),
    }


# -------------------------------------------------------------------------------------- main


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line (see the module docstring)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick",
        action="store_true",
        help="2 cold + 2 warm visits, one build, no throttled run (CI)",
    )
    parser.add_argument("--runs", type=int, default=5, help="cold/warm visits per calculator")
    parser.add_argument(
        "--throttled",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="a cold visit at 20 Mbit/s, 40 ms (default: on, off with --quick)",
    )
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results.json")
    parser.add_argument("--budgets", type=Path, default=ROOT / "bench" / "budgets.toml")
    parser.add_argument(
        "--tolerance",
        type=float,
        default=0.0,
        help="fail only above budget × (1 + tolerance); CI passes 0.5",
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.runs = min(args.runs, 2)
    if args.throttled is None:
        args.throttled = not args.quick
    if args.runs < 1 or args.tolerance < 0:
        parser.error("--runs must be >= 1 and --tolerance >= 0")
    return args


_STARTED = time.monotonic()


def progress(message: str) -> None:
    """A line on stderr, so a long run shows where it is."""
    print(f"bench: {time.monotonic() - _STARTED:6.1f} s  {message}", file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    """Measure everything, print the table, write the results; 1 when a budget is exceeded."""
    site = args.site.resolve()
    if not (site / "index.html").is_file() or not (site / "engine").is_dir():
        print(
            f"bench: no built site at {site}: run `make build` first (or pass --site DIR).",
            file=sys.stderr,
        )
        return 2
    if not CHROMIUM.is_file():
        print(
            f"bench: needs Debian's Chromium at {CHROMIUM} (apt-get install chromium).",
            file=sys.stderr,
        )
        return 2
    budgets = load_budgets(args.budgets)
    builds = 1 if args.quick else 3
    progress(f"{builds} strict build(s)")
    build_seconds = time_builds(builds)
    figures = [
        Figure(
            "build_s.median",
            f"mkdocs build --strict (median of {builds})",
            statistics.median(build_seconds),
            "s",
            "build_s",
        )
    ]
    samples: dict[str, Any] = {"build_s": build_seconds}
    with serving(site) as server, sync_playwright() as playwright:
        server.prime()
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            pages = {**READING_PAGES, **{c.name: c.path for c in CALCULATORS}}
            for name, path in pages.items():
                progress(f"bytes of {name} ({path or '/'})")
                measured = measure_bytes(browser, server, path)
                figures += bytes_figures(name, path, measured)
                samples[f"{name}.bytes"] = {
                    "page": {k: asdict(v) for k, v in measured.page.items()},
                    "with_offline": {k: asdict(v) for k, v in measured.with_offline.items()},
                }
            for calculator in CALCULATORS:
                progress(
                    f"{calculator.name}: {args.runs} cold + warm visits"
                    + (", 1 throttled" if args.throttled else "")
                )
                runs = time_calculator(
                    browser, server, calculator, args.runs, 1 if args.throttled else 0
                )
                figures += calculator_figures(calculator.name, runs)
                samples[f"{calculator.name}.visits"] = {
                    kind: [asdict(v) for v in getattr(runs, kind)]
                    for kind in ("cold", "warm", "throttled")
                }
            machine = machine_info(browser.version)
        finally:
            browser.close()
    rows = judge(figures, budgets, args.tolerance)
    settings = {
        "mode": "quick" if args.quick else "full",
        "runs": args.runs,
        "builds": builds,
        "tolerance": args.tolerance,
        "throttle": {
            "enabled": bool(args.throttled),
            "down_mbit_s": THROTTLE_DOWN_MBIT_S,
            "latency_ms": THROTTLE_LATENCY_MS,
            "method": "static server (shared link rate + per-request latency)",
        },
        "site": str(site),
        "gzip_types": list(COMPRESSED_TYPES),
    }
    document = results_document(rows, machine=machine, settings=settings, samples=samples)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")
    print(table(rows))
    print()
    print(bytes_table(rows))
    over = [row["label"] for row in rows if row["verdict"] == Verdict.OVER.value]
    print(
        f"\n{len(over)} figure(s) over budget (tolerance {args.tolerance:.0%}); "
        f"results in {args.out}"
    )
    return 1 if over else 0


def main(argv: list[str] | None = None) -> int:
    """Entry point for `python bench/run.py`."""
    return run(parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
