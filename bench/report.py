"""The report: each figure judged against its budget, the printed tables, results.json."""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
from dataclasses import asdict
from typing import Any

from bench.figures import Figure
from bench.gates import ENGINE_FILES_TABLE, Verdict, gate_of, gate_verdict
from bench.latency import ANSWER_PAGES
from bench.page_bytes import Kind
from bench.visits import CALCULATORS
from harness import ROOT


def judge(
    figures: list[Figure], budgets: dict[str, float], tolerance: float
) -> list[dict[str, Any]]:
    """Each figure as a JSON row with its budget's value, its gate and its verdict.

    A figure whose budget is missing from budgets.toml (an engine file nobody budgeted) is OVER:
    a new file cannot slip in unbudgeted.
    """
    rows: list[dict[str, Any]] = []
    for figure in figures:
        limit = budgets.get(figure.budget) if figure.budget else None
        gate = gate_of(figure.budget).value if figure.budget else None
        if figure.budget is None:
            judged = Verdict.INFO
        elif limit is None:
            judged = Verdict.OVER
        else:
            judged = gate_verdict(gate_of(figure.budget), figure.value, limit, tolerance)
        rows.append(
            asdict(figure)
            | {"limit": limit, "gate": gate, "rounds": [figure.value], "verdict": judged}
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
    if unit == "ratio":
        return f"{value:.2f}×"
    return f"{value:g} {unit}"


def budget_unit(key: str) -> str:
    """The unit a budget's name ends with (an engine file's budget is in bytes)."""
    if key.startswith(ENGINE_FILES_TABLE + ":"):
        return "bytes"
    units = {"bytes": "bytes", "ms": "ms", "s": "s", "ratio": "ratio", "modules": "modules"}
    return units[key.rsplit("_", 1)[1]]


def table(rows: list[dict[str, Any]]) -> str:
    """The listed figures as a table: figure | value | budget | verdict."""
    lines = [["figure", "value", "budget", "verdict"]]
    for row in rows:
        if not row["listed"]:
            continue
        limit = row["limit"]
        budget = (
            ""
            if row["budget"] is None
            else "none (new file?)"
            if limit is None
            else format_value(limit, budget_unit(row["budget"]))
        )
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


def comparison_table(rows: list[dict[str, Any]]) -> str:
    """Per calculator and visit kind: Regain ms, peer ms, the ratio, its budget and verdict."""
    by_key = {row["key"]: row for row in rows}
    lines = [
        ["calculator", "visit", "Regain", "peer", "Regain ÷ peer", "budget", "gate", "verdict"]
    ]
    for calculator in CALCULATORS:
        for kind in ("cold", "repeat", "throttled"):
            key = f"{calculator.name}.{kind}"
            if f"{key}.first_result_ratio" not in by_key:
                continue
            judged = by_key[f"{key}.first_result_ratio"]
            lines.append(
                [
                    calculator.name,
                    f"{kind} first result",
                    format_value(by_key[f"{key}.first_result_ms"]["value"], "ms"),
                    format_value(by_key[f"{key}.peer_first_result_ms"]["value"], "ms"),
                    format_value(judged["value"], "ratio"),
                    format_value(judged["limit"], "ratio"),
                    gate_cell(judged),
                    judged["verdict"],
                ]
            )
        if f"{calculator.name}.main_thread_block_ratio" not in by_key:
            continue
        block = by_key[f"{calculator.name}.main_thread_block_ratio"]
        lines.append(
            [
                calculator.name,
                "main-thread block",
                format_value(by_key[f"{calculator.name}.main_thread_block_ms"]["value"], "ms"),
                format_value(by_key[f"{calculator.name}.peer_main_thread_block_ms"]["value"], "ms"),
                format_value(block["value"], "ratio"),
                format_value(block["limit"], "ratio"),
                gate_cell(block),
                block["verdict"],
            ]
        )
    for target in ANSWER_PAGES:
        key = f"{target.name}.answer"
        if f"{key}.p95_ratio" not in by_key:
            continue
        for what, ours_key, peer_key, ratio_key in (
            ("answer p50", "p50_ms", "peer_p50_ms", "p50_ratio"),
            ("answer p95", "p95_ms", "peer_p95_ms", "p95_ratio"),
            ("answer main-thread", "main_thread_ms", "peer_main_thread_ms", "main_thread_ratio"),
        ):
            row = by_key[f"{key}.{ratio_key}"]
            lines.append(
                [
                    target.name,
                    what,
                    format_value(by_key[f"{key}.{ours_key}"]["value"], "ms"),
                    format_value(by_key[f"{key}.{peer_key}"]["value"], "ms"),
                    format_value(row["value"], "ratio"),
                    format_value(row["limit"], "ratio"),
                    gate_cell(row),
                    row["verdict"],
                ]
            )
    return render_table(lines)


def gate_cell(row: dict[str, Any]) -> str:
    """The row's gate, with each round's value when a median was measured again."""
    rounds: list[float] = row["rounds"]
    if len(rounds) < 2:  # one round: nothing was measured again
        return row["gate"] or ""
    return f"{row['gate']}, rounds " + " / ".join(f"{value:.2f}×" for value in rounds)
