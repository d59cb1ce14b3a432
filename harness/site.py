"""Build the project's site (or another config) with a strict MkDocs build, or copy the project."""

from __future__ import annotations

import shutil
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


def copy_project(project: Path) -> Path:
    """A copy of the project's sources at `project` to change and build (node_modules linked).

    Not copied: git, the virtualenv, built sites and caches; the engine's npm packages are
    linked, not copied (hundreds of megabytes). Returns the copy's mkdocs.yml.
    """
    shutil.copytree(
        ROOT,
        project,
        ignore=shutil.ignore_patterns(".git", ".venv", "node_modules", "site", "*cache*"),
    )
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    return project / "mkdocs.yml"
