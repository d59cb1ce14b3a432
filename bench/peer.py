"""The same-run baseline: a page that starts Pyodide the way the Pyodide-in-docs projects do.

markdown-exec and Pyodide-MkDocs-Theme call `loadPyodide()` on the main thread with the default
lock and the full standard library, then run Python with `runPython`. The peer page does exactly
that with the stock npm `pyodide` package (mounted at /peer/pyodide/ by the bench's server) and
Regain's own calculators archive, so both pages run the same calculator source on the same
engine, from the same server, in the same browser. Every Regain timing is judged as a ratio to
this page's timing from the same run: a slower machine slows both alike.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit

from postbuild.data import EXERCISE_LIBRARY
from postbuild.engine import CALCULATORS_ARCHIVE, ENGINE_DIR

PEER_PREFIX = "/peer/"
PEER_ENGINE = "/peer/pyodide/"

_PAGE = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Peer: plain loadPyodide ({calculator})</title>
{stylesheets}</head>
<body>
<article class="md-content__inner md-typeset">
<h1>Peer page ({calculator})</h1>
<output id="peer-result">Loading Pyodide…</output>
<form id="peer-form" hidden><textarea name="payload" aria-label="answers (JSON)"></textarea>
<button type="submit">Answer</button></form>
<div id="peer-answer" class="rg-result"></div>
</article>
<script type="module">
import {{ loadPyodide }} from "{engine}pyodide.mjs";
const out = document.getElementById("peer-result");
try {{
  // The answers the Regain page sent in this run, passed in the URL's fragment by the bench.
  const payload = decodeURIComponent(location.hash.slice(1)) || "{{}}";
  const pyodide = await loadPyodide({{ indexURL: "{engine}" }});
  performance.mark("regain:engine-ready");
  const fetched = await fetch("/{archive}");
  pyodide.unpackArchive(await fetched.arrayBuffer(), "zip", {{ extractDir: "/home/pyodide/peer" }});
  const library = await fetch("/{library}");
  pyodide.globals.set("payload", payload);
  pyodide.globals.set("exercises", library.ok ? await library.text() : "[]");
  const answer = pyodide.runPython(`
import sys
sys.path.insert(0, "/home/pyodide/peer")
from calculators import api
api.page_json({calculator_literal}, payload, exercises)
`);
  out.textContent = answer;
  performance.mark("regain:result");
  out.dataset.state = JSON.parse(answer).ok ? "result" : "error";
  // Answering again, as a reader changing the form would: the same calculator on the main
  // thread (the library read once, as Regain's worker does), its HTML drawn with Regain's CSS.
  const api = pyodide.pyimport("calculators.api");
  const rows = api.read_exercises(pyodide.globals.get("exercises"));
  const form = document.getElementById("peer-form");
  const drawn = document.getElementById("peer-answer");
  form.addEventListener("submit", (event) => {{
    event.preventDefault();
    const text = api.page_json({calculator_literal}, form.elements.payload.value, rows);
    const reply = JSON.parse(text);
    performance.mark("regain:answer-received");
    drawn.innerHTML = reply.html;
    drawn.dataset.state = reply.ok ? "result" : "errors";
    drawn.dispatchEvent(new CustomEvent("regain:answer", {{ bubbles: true }}));
  }});
  form.hidden = false;
}} catch (error) {{
  out.textContent = String(error);
  out.dataset.state = "error";
}}
</script>
</body>
</html>
"""


def peer_page(calculator: str, stylesheets: Sequence[str] = ()) -> str:
    """The peer page's HTML for one calculator (its answers come in the URL fragment).

    `stylesheets` are the calculator page's own (site-absolute paths), so an answer the peer
    draws costs the same style and layout work as Regain's.

    >>> "loadPyodide" in peer_page("protein")
    True
    """
    links = "".join(f'<link rel="stylesheet" href="{html.escape(href)}">\n' for href in stylesheets)
    return _PAGE.format(
        calculator=calculator,
        engine=PEER_ENGINE,
        archive=f"{ENGINE_DIR}/{CALCULATORS_ARCHIVE}",
        library=EXERCISE_LIBRARY,
        calculator_literal=json.dumps(calculator),
        stylesheets=links,
    )


def peer_url(base_url: str, calculator: str, payload: dict[str, object]) -> str:
    """Where the bench opens the peer page for `calculator` with the answers `payload`.

    >>> peer_url("http://127.0.0.1:1/", "protein", {"weight": "68"})
    'http://127.0.0.1:1/peer/protein.html#%7B%22weight%22%3A%20%2268%22%7D'
    """
    return f"{base_url.rstrip('/')}{PEER_PREFIX}{calculator}.html#{quote(json.dumps(payload))}"


def write_peer_site(folder: Path, calculators: list[str], stylesheets: Sequence[str] = ()) -> None:
    """Write one peer page per calculator into `folder` as `<name>.html`."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in calculators:
        (folder / f"{name}.html").write_text(peer_page(name, stylesheets), encoding="utf-8")


def page_stylesheets(site: Path, page: str) -> list[str]:
    """The stylesheets a built page links, as site-absolute paths (for the peer page)."""
    text = (site / page / "index.html").read_text(encoding="utf-8")
    base = f"http://site/{page}"
    return [
        urlsplit(urljoin(base, html.unescape(href))).path
        for href in re.findall(r'<link rel="stylesheet" href="([^"]+)"', text)
    ]
