"""The same-run baseline: a page that starts Pyodide the way the Pyodide-in-docs projects do.

markdown-exec and Pyodide-MkDocs-Theme call `loadPyodide()` on the main thread with the default
lock and the full standard library, then run Python with `runPython`. The peer page does exactly
that with the stock npm `pyodide` package (mounted at /peer/pyodide/ by the bench's server) and
Regain's own calculators archive, so both pages run the same calculator source on the same
engine, from the same server, in the same browser. Every Regain timing is judged as a ratio to
this page's timing from the same run: a slower machine slows both alike.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

PEER_PREFIX = "/peer/"
PEER_ENGINE = "/peer/pyodide/"

_PAGE = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Peer: plain loadPyodide ({calculator})</title></head>
<body>
<h1>Peer page ({calculator})</h1>
<output id="peer-result">Loading Pyodide…</output>
<script type="module">
import {{ loadPyodide }} from "{engine}pyodide.mjs";
const out = document.getElementById("peer-result");
try {{
  // The answers the Regain page sent in this run, passed in the URL's fragment by the bench.
  const payload = decodeURIComponent(location.hash.slice(1)) || "{{}}";
  const pyodide = await loadPyodide({{ indexURL: "{engine}" }});
  performance.mark("regain:engine-ready");
  const fetched = await fetch("/engine/calculators.zip");
  pyodide.unpackArchive(await fetched.arrayBuffer(), "zip", {{ extractDir: "/home/pyodide/peer" }});
  const library = await fetch("/data/exercises.json");
  pyodide.globals.set("payload", payload);
  pyodide.globals.set("exercises", library.ok ? await library.text() : "[]");
  const answer = pyodide.runPython(`
import sys
sys.path.insert(0, "/home/pyodide/peer")
from calculators import api
api.run_json({calculator_literal}, payload, exercises)
`);
  out.textContent = answer;
  performance.mark("regain:result");
  out.dataset.state = JSON.parse(answer).ok ? "result" : "error";
}} catch (error) {{
  out.textContent = String(error);
  out.dataset.state = "error";
}}
</script>
</body>
</html>
"""


def peer_page(calculator: str) -> str:
    """The peer page's HTML for one calculator (its answers come in the URL fragment).

    >>> "loadPyodide" in peer_page("protein")
    True
    """
    return _PAGE.format(
        calculator=calculator, engine=PEER_ENGINE, calculator_literal=json.dumps(calculator)
    )


def peer_url(base_url: str, calculator: str, payload: dict[str, object]) -> str:
    """Where the bench opens the peer page for `calculator` with the answers `payload`.

    >>> peer_url("http://127.0.0.1:1/", "protein", {"weight": "68"})
    'http://127.0.0.1:1/peer/protein.html#%7B%22weight%22%3A%20%2268%22%7D'
    """
    return f"{base_url.rstrip('/')}{PEER_PREFIX}{calculator}.html#{quote(json.dumps(payload))}"


def write_peer_site(folder: Path, calculators: list[str]) -> None:
    """Write one peer page per calculator into `folder` as `<name>.html`."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in calculators:
        (folder / f"{name}.html").write_text(peer_page(name), encoding="utf-8")
