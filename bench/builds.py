"""Build time: strict builds of Regain and of a plain one-page MkDocs site, interleaved."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.figures import Figure, progress, ratio
from harness import build_site

PLAIN_CONFIG = """site_name: Plain
theme:
  name: mkdocs
"""


def write_plain_project(folder: Path) -> Path:
    """A one-page MkDocs project with the built-in theme: the build-time baseline."""
    (folder / "docs").mkdir(parents=True, exist_ok=True)
    (folder / "docs" / "index.md").write_text("# Plain\n\nOne page.\n", encoding="utf-8")
    config = folder / "mkdocs.yml"
    config.write_text(PLAIN_CONFIG, encoding="utf-8")
    return config


def time_builds(count: int) -> tuple[list[float], list[float]]:
    """Wall times of `count` strict builds of Regain and of the plain site, interleaved."""
    regain: list[float] = []
    plain: list[float] = []
    with tempfile.TemporaryDirectory(prefix="regain-bench-plain-") as plain_dir:
        plain_config = write_plain_project(Path(plain_dir))
        for _ in range(count):
            for config, seconds in ((None, regain), (plain_config, plain)):
                with tempfile.TemporaryDirectory(prefix="regain-bench-build-") as site_dir:
                    started = time.perf_counter()
                    result = build_site(Path(site_dir), config)
                    seconds.append(time.perf_counter() - started)
                if result.returncode != 0:
                    msg = f"mkdocs build --strict failed:\n{result.stdout}{result.stderr}"
                    raise RuntimeError(msg)
    return regain, plain


def measure_builds(builds: int) -> tuple[list[Figure], dict[str, Any]]:
    """Strict builds of Regain and of a plain one-page site, interleaved: times and their ratio."""
    progress(f"{builds} strict build(s) of Regain and of a plain one-page site, interleaved")
    regain_builds, plain_builds = time_builds(builds)
    figures = [
        Figure(
            "build_s.median",
            f"mkdocs build --strict, Regain (median of {builds})",
            statistics.median(regain_builds),
            "s",
        ),
        Figure(
            "build_s.plain_median",
            f"mkdocs build --strict, plain one-page site (median of {builds})",
            statistics.median(plain_builds),
            "s",
        ),
        Figure(
            "build_ratio",
            "build time, Regain ÷ plain one-page site",
            ratio(statistics.median(regain_builds), statistics.median(plain_builds)),
            "ratio",
            "build_ratio",
        ),
    ]
    return figures, {"build_s": regain_builds, "plain_build_s": plain_builds}
