"""Build the project's site (or another config) with a strict MkDocs build."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class BuiltSite:
    """A site built by `mkdocs build --strict` with everything it printed."""

    path: Path
    log: str

    def page(self, url_path: str) -> Path:
        """Return the HTML file for a site-relative URL such as `guide/early-signs/`."""
        target = self.path / url_path.strip("/")
        return target / "index.html" if not target.suffix else target

    def html_pages(self) -> list[Path]:
        """Every reader-facing HTML page (not the 404 page)."""
        return sorted(p for p in self.path.rglob("*.html") if p.name != "404.html")


def build_site(site_dir: Path, config: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run a strict MkDocs build of the project (or of `config`) into `site_dir`."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--config-file",
            str(config or ROOT / "mkdocs.yml"),
            "--site-dir",
            str(site_dir),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
