"""One measured number (`Figure`) and the small statistics every measurement shares.

Kept apart so the visits, the answers, the bytes and the report all speak of figures the same way.
"""

from __future__ import annotations

import math
import statistics
import sys
import time
from dataclasses import dataclass


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


def median(values: list[float]) -> float:
    """The median, or 0 for no values (a figure not measured in this mode)."""
    return statistics.median(values) if values else 0.0


def ratio(ours: float, peer: float) -> float:
    """Ours ÷ the peer's; a peer figure of 0 (nothing measured) gives 0 rather than a crash."""
    return ours / peer if peer > 0 else 0.0


def nearest_rank(values: list[float], percent: float) -> float:
    """The `percent`-th percentile by nearest rank: of 20 values, p95 is the 19th smallest.

    >>> nearest_rank([float(v) for v in range(1, 21)], 95)
    19.0
    """
    ordered = sorted(values)
    return ordered[max(0, math.ceil(percent / 100 * len(ordered)) - 1)]


_STARTED = time.monotonic()


def progress(message: str) -> None:
    """A line on stderr, so a long run shows where it is."""
    print(f"bench: {time.monotonic() - _STARTED:6.1f} s  {message}", file=sys.stderr, flush=True)
