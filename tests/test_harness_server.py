"""The harness's static server behaves like GitHub Pages: types, gzip, ETag/304, mounts."""

from __future__ import annotations

import gzip
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from harness import accepts_gzip, content_type, serving


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    """A tiny site served by the bench's static server."""
    (tmp_path / "index.html").write_text("<p>hello</p>" * 200, encoding="utf-8")
    (tmp_path / "engine").mkdir()
    (tmp_path / "engine" / "core.wasm").write_bytes(b"\0asm" + bytes(4000))
    (tmp_path / "engine" / "lib.zip").write_bytes(bytes(4000))
    peer = tmp_path.parent / f"{tmp_path.name}-peer"
    peer.mkdir()
    (peer / "index.html").write_text("<p>peer</p>", encoding="utf-8")
    with serving(tmp_path, mounts={"/peer/": peer}) as server:
        yield server.url


def fetch(url: str, *, gzip_ok: bool) -> tuple[dict[str, str], bytes]:
    """Headers and raw body of a GET, with or without Accept-Encoding: gzip."""
    headers = {"Accept-Encoding": "gzip"} if gzip_ok else {}
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as response:
        return dict(response.headers), response.read()


def test_server_gzips_html_for_a_client_that_accepts_it(served: str) -> None:
    """HTML goes out gzip-compressed, with a matching Content-Length."""
    headers, body = fetch(served, gzip_ok=True)
    assert headers["Content-Encoding"] == "gzip"
    assert headers["Content-Length"] == str(len(body))
    assert gzip.decompress(body) == b"<p>hello</p>" * 200


def test_server_sends_plain_html_without_accept_encoding(served: str) -> None:
    """A client that does not ask for gzip gets the file as it is."""
    headers, body = fetch(served, gzip_ok=False)
    assert "Content-Encoding" not in headers
    assert body == b"<p>hello</p>" * 200


def test_server_gzips_wasm_with_its_mime_type(served: str) -> None:
    """WebAssembly is compressed and typed application/wasm (streaming compile needs it)."""
    headers, _ = fetch(served + "engine/core.wasm", gzip_ok=True)
    assert headers["Content-Type"] == "application/wasm"
    assert headers["Content-Encoding"] == "gzip"


def test_server_sends_archives_uncompressed(served: str) -> None:
    """Zip archives are already compressed: a static host sends them as they are."""
    headers, body = fetch(served + "engine/lib.zip", gzip_ok=True)
    assert "Content-Encoding" not in headers
    assert len(body) == 4000


def test_server_lets_a_repeat_visit_use_the_http_cache(served: str) -> None:
    """Responses carry GitHub Pages' max-age=600 and an ETag."""
    headers, _ = fetch(served, gzip_ok=True)
    assert headers["Cache-Control"] == "max-age=600"
    assert headers["ETag"].startswith('"')


@pytest.mark.parametrize(
    ("suffix", "mime"),
    [
        (".mjs", "text/javascript; charset=utf-8"),
        (".js", "text/javascript; charset=utf-8"),
        (".wasm", "application/wasm"),
        (".json", "application/json"),
    ],
)
def test_content_type_of_engine_and_script_files(suffix: str, mime: str) -> None:
    """Module scripts, WebAssembly and JSON get the types browsers insist on."""
    assert content_type(Path("file" + suffix)) == mime


@pytest.mark.parametrize(
    ("header", "accepted"),
    [("gzip, deflate, br", True), ("br", False), (None, False), ("gzip;q=0", False), ("*", True)],
)
def test_accepts_gzip_reads_accept_encoding(header: str | None, accepted: bool) -> None:
    """The server compresses only for a client that allows gzip."""
    assert accepts_gzip(header) is accepted


def test_server_answers_a_matching_etag_with_304(served: str) -> None:
    """A revalidation with the ETag it was given gets 304 Not Modified and no body."""
    headers, _ = fetch(served, gzip_ok=True)
    request = urllib.request.Request(served, headers={"If-None-Match": headers["ETag"]})
    with pytest.raises(urllib.error.HTTPError) as answer:
        urllib.request.urlopen(request)
    answer.value.close()
    assert answer.value.code == 304


def test_server_serves_a_mounted_folder_under_its_prefix(served: str) -> None:
    """A mounted folder (the bench's peer page) is served under its URL prefix."""
    _, body = fetch(served + "peer/", gzip_ok=False)
    assert body == b"<p>peer</p>"


def test_server_never_serves_outside_its_folders(served: str) -> None:
    """A path climbing out of the site answers 404, not a file from elsewhere."""
    with pytest.raises(urllib.error.HTTPError) as answer:
        urllib.request.urlopen(served + "peer/../../../etc/passwd")
    answer.value.close()
    assert answer.value.code == 404


def test_server_sends_the_new_file_after_a_redeploy(tmp_path: Path) -> None:
    """A file replaced on disk (a new deploy) is served new, gzip and ETag alike, never stale."""
    page = tmp_path / "sw-manifest.js"
    page.write_text("self.BUILD = 'one';" * 50, encoding="utf-8")
    with serving(tmp_path) as server:
        first_headers, first = fetch(server.url + "sw-manifest.js", gzip_ok=True)
        page.write_text("self.BUILD = 'two';" * 50, encoding="utf-8")
        second_headers, second = fetch(server.url + "sw-manifest.js", gzip_ok=True)
    assert gzip.decompress(first) == b"self.BUILD = 'one';" * 50
    assert gzip.decompress(second) == b"self.BUILD = 'two';" * 50
    assert first_headers["ETag"] != second_headers["ETag"]
