"""Lighthouse mobile performance of the built site, served gzip as on GitHub Pages.

The issue asks for a Lighthouse mobile performance score of at least 95 on the home page, a guide
page and a calculator page. This serves `site/` with the harness's static server (the one the
tests and `make bench` use: GitHub-Pages-like MIME types, gzip, ETag, Cache-Control), runs the
npm `lighthouse` pinned in package.json (12.2.3: 13.x needs Node 22) on Debian's Chromium, prints
each page's score and key metrics and the audits that cost it points, and exits 1 when a page
scores below `--min-score`. Lighthouse's default mobile profile: a simulated slow 4G link and a
4x slower CPU, applied to the page load it observed. Timing-based, so not part of `make test`.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from harness import CHROMIUM, ROOT, BrowserMissingError, serving
from harness.browser import CHROMIUM_ARGS

LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
PAGES = {"home": "", "guide": "guide/early-signs/", "calculator": "tools/protein/"}
# The audits shown beside a score: Lighthouse's weighted metrics, in its order.
METRICS = (
    ("first-contentful-paint", "FCP"),
    ("largest-contentful-paint", "LCP"),
    ("total-blocking-time", "TBT"),
    ("cumulative-layout-shift", "CLS"),
    ("speed-index", "SI"),
)
# The harness's own Chromium flags (closed network, no sandbox as root), headless.
CHROME_FLAGS = " ".join(["--headless=new", *CHROMIUM_ARGS])


@dataclass(frozen=True)
class Report:
    """One Lighthouse run of one page: its performance score (0-100) and what it measured."""

    page: str
    score: int
    metrics: dict[str, str]
    losses: list[str]


def read_report(page: str, data: dict[str, Any]) -> Report:
    """The score, the metrics and the audits that lost points, from Lighthouse's JSON."""
    audits = data["audits"]
    metrics = {short: audits[key].get("displayValue", "?") for key, short in METRICS}
    losses = [
        f"{audit['title']} ({audit.get('displayValue', '')})".replace(" ()", "")
        for audit in audits.values()
        if audit.get("scoreDisplayMode") in {"metricSavings", "numeric", "binary"}
        and audit.get("score") is not None
        and audit["score"] < 0.9
        and audit["id"] not in {key for key, _ in METRICS}
    ]
    score = round(100 * (data["categories"]["performance"]["score"] or 0))
    return Report(page, score, metrics, sorted(losses))


def run_lighthouse(url: str, out: Path) -> dict[str, Any]:
    """One Lighthouse run (mobile, performance only) of `url`; its JSON report."""
    if not CHROMIUM.is_file():
        msg = f"make lighthouse needs Debian's Chromium at {CHROMIUM}: apt-get install chromium"
        raise BrowserMissingError(msg)
    if not LIGHTHOUSE.is_file():
        msg = f"{LIGHTHOUSE} is missing: run `npm ci` (make lighthouse does it for you)"
        raise FileNotFoundError(msg)
    subprocess.run(
        [
            "node",
            str(LIGHTHOUSE),
            url,
            "--only-categories=performance",
            "--output=json",
            f"--output-path={out}",
            f"--chrome-flags={CHROME_FLAGS}",
            "--quiet",
        ],
        env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
        check=True,
        timeout=300,
    )
    result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return result


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line (see the module docstring)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site")
    parser.add_argument("--runs", type=int, default=1, help="runs per page (median score)")
    parser.add_argument("--min-score", type=int, default=95, help="exit 1 below this score")
    parser.add_argument("--out", type=Path, help="keep the JSON reports in this folder")
    parser.add_argument(
        "--page", action="append", choices=sorted(PAGES), help="only these pages (repeatable)"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Serve the site, run Lighthouse on each page, print the table; 1 if a page is too slow."""
    args = parse_args(argv)
    pages = {name: PAGES[name] for name in args.page or PAGES}
    medians: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="regain-lighthouse-") as scratch:
        out = args.out or Path(scratch)
        out.mkdir(parents=True, exist_ok=True)
        with serving(args.site) as server:
            server.prime()
            for name, path in pages.items():
                reports = []
                for run in range(1, args.runs + 1):
                    data = run_lighthouse(server.url + path, out / f"{name}-{run}.json")
                    reports.append(read_report(name, data))
                for report in reports:
                    metrics = "  ".join(f"{k} {v}" for k, v in report.metrics.items())
                    print(f"{name:<11} /{path:<20} score {report.score:>3}  {metrics}")
                    for loss in report.losses:
                        print(f"{'':<11}   lost: {loss}")
                medians[name] = round(statistics.median(r.score for r in reports))
    below = {name: score for name, score in medians.items() if score < args.min_score}
    summary = ", ".join(f"{name} {score}" for name, score in medians.items())
    print(f"Lighthouse mobile performance (median of {args.runs}): {summary}")
    if below:
        print(f"Below {args.min_score}: {', '.join(below)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
