"""A static server that behaves like GitHub Pages: MIME types, gzip, ETag/304, Cache-Control.

Tests and the benchmark both use it, so tests see what production serves.

Extra folders can be mounted under a URL prefix (the benchmark's peer page and stock Pyodide).
"""

from __future__ import annotations

import email.utils
import gzip
import hashlib
import http.server
import io
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

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

    def __init__(
        self, root: Path, port: int = 0, *, mounts: Mapping[str, Path] | None = None
    ) -> None:
        self.root = root.resolve()
        # URL prefix ("/peer/") -> folder served under it, checked before the root.
        self.mounts = {prefix: path.resolve() for prefix, path in (mounts or {}).items()}
        self.link: Link | None = None
        self._log: list[Sent] = []
        self._requested: list[str] = []
        self._gzipped: dict[tuple[Path, int, int], bytes] = {}
        self._etags: dict[tuple[Path, int, int], str] = {}
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

    def note_request(self, target: str) -> None:
        """Remember what a request asked for, path and query as sent (thread-safe)."""
        with self._lock:
            self._requested.append(target)

    def take_requests(self) -> list[str]:
        """Every request's path and query since the last call, oldest first.

        What a host's access log holds: the privacy tests check no answer reached it.
        """
        with self._lock:
            requested, self._requested = self._requested, []
        return requested

    def take_log(self) -> list[Sent]:
        """Every response since the last call, oldest first."""
        with self._lock:
            log, self._log = self._log, []
        return log

    def gzipped(self, file: Path) -> bytes:
        """The gzip body of `file`, compressed once per version (a redeploy gets a new copy)."""
        return self._per_version(self._gzipped, file, lambda data: gzip.compress(data, 6, mtime=0))

    def etag(self, file: Path) -> str:
        """A strong ETag from the file's content, as GitHub Pages sends (cached per version)."""
        return self._per_version(
            self._etags, file, lambda data: '"' + hashlib.sha1(data).hexdigest()[:16] + '"'
        )

    def _per_version(
        self, cache: dict[tuple[Path, int, int], T], file: Path, make: Callable[[bytes], T]
    ) -> T:
        """`make(content)` computed once per version of `file` on disk."""
        key = _version_key(file)
        with self._lock:
            if key in cache:
                return cache[key]
        value = make(file.read_bytes())
        with self._lock:
            cache[key] = value
        return value

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

    def _base(self, url_path: str) -> tuple[Path, str]:
        """The folder a URL path is served from and the path relative to it."""
        for prefix, folder in sorted(self.server.mounts.items(), key=lambda m: -len(m[0])):
            if url_path.startswith(prefix):
                return folder, url_path[len(prefix) :]
        return self.server.root, url_path

    def _resolve(self, url_path: str) -> Path | None:
        base, inner = self._base(url_path)
        relative = urllib.parse.unquote(inner).lstrip("/")
        target = (base / relative).resolve()
        if not target.is_relative_to(base):
            return None
        if target.is_dir():
            target = target / "index.html"
        return target if target.is_file() else None

    def _respond(self, *, with_body: bool) -> None:
        self.server.note_request(self.path)
        url_path = urllib.parse.urlsplit(self.path).path
        base, inner = self._base(url_path)
        root_dir = base / urllib.parse.unquote(inner).lstrip("/")
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
        etag = self.server.etag(file)
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


def _version_key(file: Path) -> tuple[Path, int, int]:
    """A file's identity for caches: its path and the version on disk (mtime, size)."""
    stat = file.stat()
    return (file, stat.st_mtime_ns, stat.st_size)


@contextmanager
def serving(root: Path, *, mounts: Mapping[str, Path] | None = None) -> Iterator[StaticServer]:
    """Serve `root` (and `mounts`) on a free port of 127.0.0.1 for the duration of the block."""
    server = StaticServer(root, mounts=mounts)
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
