"""Measure Regain as a reader gets it: first result, main-thread tasks, bytes, build time.

Serves the built site on 127.0.0.1 with a gzip-capable static server (like GitHub Pages), drives
Debian's Chromium with Playwright, prints each figure next to its budget from `bench/budgets.toml`
and writes `bench/results.json`. Exit code 1 when a figure exceeds its budget × (1 + tolerance).

    .venv/bin/python bench/run.py            # full: 5 cold + 5 warm visits, throttled run
    .venv/bin/python bench/run.py --quick --tolerance 0.5   # CI
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, sync_playwright

from bench.budgets import load_budgets
from bench.builds import measure_builds
from bench.deterministic import deterministic_figures
from bench.figures import Figure, progress
from bench.gates import Verdict, confirm_rows
from bench.goals import goals_table, load_goals
from bench.latency import (
    ANSWER_PAGES,
    ANSWERS,
    answer_figures,
    time_answers,
)
from bench.page_bytes import (
    bytes_figures,
    measure_bytes,
)
from bench.peer import PEER_ENGINE, PEER_PREFIX, page_stylesheets, write_peer_site
from bench.report import (
    bytes_table,
    comparison_table,
    judge,
    machine_info,
    results_document,
    table,
)
from bench.visits import (
    CALCULATORS,
    READING_PAGES,
    THROTTLE_DOWN_MBIT_S,
    THROTTLE_LATENCY_MS,
    calculator_figures,
    time_calculator,
)
from harness import (
    CHROMIUM,
    COMPRESSED_TYPES,
    ROOT,
    StaticServer,
    launch_chromium,
    serving,
)


def measure_pages(
    browser: Browser, server: StaticServer, args: argparse.Namespace, samples: dict[str, Any]
) -> list[Figure]:
    """First results and bytes (unless --latency-only), then answer latency per calculator."""
    figures: list[Figure] = []
    if not args.latency_only:
        figures += measure_first_results(browser, server, args, samples)
    for target in ANSWER_PAGES:
        progress(f"{target.name}: {ANSWERS} answers once the engine is up, paired with the peer")
        ours, theirs = time_answers(browser, server, target)
        figures += answer_figures(target.name, ours, theirs)
        samples[f"{target.name}.answers"] = {
            "regain": [asdict(a) for a in ours],
            "peer": [asdict(a) for a in theirs],
        }
    return figures


def measure_first_results(
    browser: Browser, server: StaticServer, args: argparse.Namespace, samples: dict[str, Any]
) -> list[Figure]:
    """Bytes of every page, then each calculator's visits interleaved with its peer's."""
    figures: list[Figure] = []
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
            f"{calculator.name}: {args.runs} cold + repeat visits, each paired with the peer"
            + (", 1 throttled pair" if args.throttled else "")
        )
        runs = time_calculator(browser, server, calculator, args.runs, 1 if args.throttled else 0)
        figures += calculator_figures(calculator.name, runs)
        samples[f"{calculator.name}.visits"] = {
            kind: [asdict(v) for v in getattr(runs, kind)]
            for kind in ("cold", "warm", "throttled", "peer_cold", "peer_warm", "peer_throttled")
        }
    return figures


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
    parser.add_argument(
        "--latency-only",
        action="store_true",
        help="only the answer latency once the engine is up (no builds, bytes or first results)",
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
    builds = 0 if args.latency_only else 2 if args.quick else 3
    figures: list[Figure] = []
    samples: dict[str, Any] = {}
    if builds:
        figures, samples = measure_builds(builds)
    if not args.latency_only:
        figures += deterministic_figures(site, samples)
    with tempfile.TemporaryDirectory(prefix="regain-bench-peer-") as peer_dir:
        stylesheets = page_stylesheets(site, CALCULATORS[0].path)
        # One peer page per calculator visited: first results (CALCULATORS) and answers.
        names = list(dict.fromkeys([c.name for c in CALCULATORS] + [t.name for t in ANSWER_PAGES]))
        write_peer_site(Path(peer_dir), names, stylesheets)
        mounts = {PEER_ENGINE: ROOT / "node_modules" / "pyodide", PEER_PREFIX: Path(peer_dir)}
        with serving(site, mounts=mounts) as server, sync_playwright() as playwright:
            server.prime()
            browser = launch_chromium(playwright)
            try:
                figures += measure_pages(browser, server, args, samples)
                machine = machine_info(browser.version)
                rows = judge(figures, budgets, args.tolerance)
                # A timing median over budget is measured again before it fails (bench/gates.py).
                again = Remeasure(
                    browser,
                    server,
                    runs=args.runs,
                    throttled=args.throttled,
                    builds=builds,
                    samples=samples,
                )
                confirmations = confirm_rows(rows, args.tolerance, again)
            finally:
                browser.close()
    settings = {
        "mode": "latency only" if args.latency_only else "quick" if args.quick else "full",
        "runs": args.runs,
        "builds": builds,
        "answers": ANSWERS,
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
    print(
        "\n".join(confirmations)
        if confirmations
        else "No timing median over budget in round 1: nothing to confirm."
    )
    print()
    print(comparison_table(rows))
    print()
    print(table(rows))
    if not args.latency_only:
        print()
        print(bytes_table(rows))
    print()
    print(goals_table(rows, load_goals()))
    over = [row["label"] for row in rows if row["verdict"] == Verdict.OVER.value]
    print(
        f"\n{len(over)} figure(s) over budget (tolerance {args.tolerance:.0%}); "
        f"results in {args.out}"
    )
    return 1 if over else 0


def confirmation_group(key: str) -> str:
    """What measures a confirmed median again: the builds, a calculator's answers or visits."""
    if key == "build_ratio":
        return "build"
    name = key.split(".", 1)[0]
    return f"{name}.answers" if ".answer." in key else f"{name}.visits"


class Remeasure:
    """Round n of a timing median: the same paired measurement again, shared by its figures.

    One more round of a calculator's visits gives its cold, repeat and throttled ratios at once;
    a figure asking for a round another figure of its group already caused reads it from there.
    """

    def __init__(
        self,
        browser: Browser,
        server: StaticServer,
        *,
        runs: int,
        throttled: bool,
        builds: int,
        samples: dict[str, Any],
    ) -> None:
        self.browser, self.server, self.samples = browser, server, samples
        self.runs, self.throttled, self.builds = runs, throttled, builds
        self.rounds: dict[str, list[dict[str, float]]] = {}

    def __call__(self, key: str, round_number: int) -> float:
        """The value of figure `key` in round `round_number` (2, 3, …), measured if need be."""
        group = confirmation_group(key)
        done = self.rounds.setdefault(group, [])
        while len(done) < round_number - 1:
            progress(f"confirming {key}: {group}, round {len(done) + 2}")
            figures, sample = self.measure(group)
            done.append({figure.key: figure.value for figure in figures})
            self.samples[f"{group}.round{len(done) + 1}"] = sample
        return done[round_number - 2][key]

    def measure(self, group: str) -> tuple[list[Figure], Any]:
        """One more round of the group's paired measurement: its figures and raw samples."""
        name, _, what = group.partition(".")
        if group == "build":
            return measure_builds(self.builds)
        if what == "answers":
            target = next(t for t in ANSWER_PAGES if t.name == name)
            ours, theirs = time_answers(self.browser, self.server, target)
            sample = {"regain": [asdict(a) for a in ours], "peer": [asdict(a) for a in theirs]}
            return answer_figures(name, ours, theirs), sample
        calculator = next(c for c in CALCULATORS if c.name == name)
        runs = time_calculator(
            self.browser, self.server, calculator, self.runs, 1 if self.throttled else 0
        )
        return calculator_figures(name, runs), asdict(runs)


def main(argv: list[str] | None = None) -> int:
    """Entry point for `python bench/run.py`."""
    return run(parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
