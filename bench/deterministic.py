"""Figures that are the same on every run, measured from the built site without a browser.

Engine file bytes, the drawings' sprite, and (in Node) the modules imported at engine start and the
largest answer on the wire: gated absolutely (bench/gates.py, "Deterministic").
"""

from __future__ import annotations

import gzip
import json
import re
import subprocess
from dataclasses import asdict
from pathlib import Path
from typing import Any

from bench.budgets import file_budget
from bench.figures import Figure, progress
from bench.latency import ANSWER_PAGES
from bench.page_bytes import (
    ENGINE_FILES,
    Bytes,
)
from harness import (
    ROOT,
    content_type,
    is_compressible,
)
from harness.golden import GOLDEN


def engine_files(site: Path) -> dict[str, Bytes]:
    """Each engine file of the built site (what `classify` calls engine): raw and as sent.

    As sent is the gzip body the static server sends (gzip level 6 for the types a static host
    compresses, harness/server.py), or the file itself for the rest (the zip archives).
    """
    files = sorted(p for p in (site / "engine").rglob("*") if p.is_file())
    files += sorted(p for p in site.rglob("*") if p.is_file() and p.name in ENGINE_FILES)
    sizes: dict[str, Bytes] = {}
    for file in files:
        data = file.read_bytes()
        sent = gzip.compress(data, 6, mtime=0) if is_compressible(content_type(file)) else data
        sizes[file.relative_to(site).as_posix()] = Bytes(compressed=len(sent), raw=len(data))
    return sizes


def engine_file_figures(sizes: dict[str, Bytes]) -> list[Figure]:
    """Raw and gzip bytes per engine file, each against its own budget in [engine_files]."""
    return [
        Figure(
            f"engine_file.{name}.{how}",
            f"engine file {name} ({how})",
            sent.raw if how == "raw" else sent.compressed,
            "bytes",
            file_budget(name, how),
        )
        for name, sent in sizes.items()
        for how in ("raw", "gzip")
    ]


# The exercise drawings: one sprite every page points at (calculators/present/figure.py).
SPRITE = "assets/figures.svg"


_SYMBOL = re.compile(r'<symbol id="fig-(?P<exercise>.+?)-(?:start|end)".*?</symbol>', re.DOTALL)


def sprite_sizes(sprite: str) -> tuple[int, dict[str, int]]:
    """The sprite as sent (gzip level 6, like the server), and each exercise's two poses gzipped.

    One exercise's start and end alone is what issue 25 calls a drawing (at most 3 kB gzip).
    """
    pairs: dict[str, list[str]] = {}
    for match in _SYMBOL.finditer(sprite):
        pairs.setdefault(match["exercise"], []).append(match[0])
    whole = len(gzip.compress(sprite.encode(), 6, mtime=0))
    each = {
        exercise: len(gzip.compress("".join(symbols).encode(), 6, mtime=0))
        for exercise, symbols in pairs.items()
    }
    return whole, each


def figure_figures(site: Path) -> list[Figure]:
    """The drawings' sprite as sent, and the largest exercise's drawing (gzip)."""
    whole, each = sprite_sizes((site / SPRITE).read_text(encoding="utf-8"))
    largest = max(each, key=lambda exercise: each[exercise], default="")
    return [
        Figure(
            "figures.sprite_gzip_bytes",
            f"exercise drawings' sprite {SPRITE}, {len(each)} exercises (gzip)",
            whole,
            "bytes",
            "figure_sprite_gzip_bytes",
        ),
        Figure(
            "figures.largest_gzip_bytes",
            f"largest drawing, start and end ({largest or 'none'}; gzip)",
            each.get(largest, 0),
            "bytes",
            "figure_largest_gzip_bytes",
        ),
    ]


ENGINE_PROBE = ROOT / "bench" / "engine_probe.mjs"


def probe_engine(site: Path) -> dict[str, Any]:
    """Run bench/engine_probe.mjs: modules imported at engine start, the largest answers."""
    goldens = [f"{GOLDEN / target.golden}:{target.name}" for target in ANSWER_PAGES]
    result = subprocess.run(
        ["node", str(ENGINE_PROBE), str(site), *goldens],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    if result.returncode != 0:
        msg = f"bench/engine_probe.mjs failed:\n{result.stdout}{result.stderr}"
        raise RuntimeError(msg)
    probed: dict[str, Any] = json.loads(result.stdout)
    return probed


def engine_figures(probed: dict[str, Any]) -> list[Figure]:
    """The module count at engine start and the largest answer on the wire (bytes)."""
    largest: dict[str, int] = probed["largestAnswerBytes"]
    return [
        Figure(
            "engine.start_modules",
            "Python modules imported at engine start (sys.modules, Node probe)",
            probed["startModules"],
            "modules",
            "engine_start_modules",
        ),
        *(
            Figure(
                f"{name}.answer.largest_bytes",
                f"{name}: largest answer of the golden cases, worker to page (JSON, UTF-8)",
                size,
                "bytes",
            )
            for name, size in largest.items()
        ),
        Figure(
            "answer.largest_wire_bytes",
            "largest answer on the wire, any calculator (JSON, UTF-8)",
            max(largest.values()),
            "bytes",
            "answer_wire_bytes",
        ),
    ]


def deterministic_figures(site: Path, samples: dict[str, Any]) -> list[Figure]:
    """Engine file bytes and the Node probe's figures, recorded in `samples` too."""
    progress("engine files' bytes, and the engine's modules and answers in Node")
    sizes = engine_files(site)
    probed = probe_engine(site)
    samples["engine_files"] = {name: asdict(sent) for name, sent in sizes.items()}
    samples["engine_probe"] = probed
    return engine_file_figures(sizes) + engine_figures(probed) + figure_figures(site)
