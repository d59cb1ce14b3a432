"""Write the service worker's manifest: the build's version and the files to keep offline.

`docs/sw.js` is static; it imports `sw-manifest.js`, so every build with different content gets a
new manifest, the browser sees a changed worker, and the old cache is replaced.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from postbuild.engine import ENGINE_DIR

MANIFEST = "sw-manifest.js"
# Never precached: the worker itself, source maps, compressed duplicates, and the engine, which is
# cached only once a calculator page has used it (guide readers never download it).
_SKIPPED_SUFFIXES = (".map", ".gz", ".br")
_SKIPPED_NAMES = {"sw.js", MANIFEST, "sitemap.xml"}
# Search stemmers for other languages and CJK segmenters: an English site never loads them.
_SKIPPED_PREFIXES = ("assets/javascripts/lunr/",)
ENGINE_PREFIX = f"{ENGINE_DIR}/"  # the folder engine/constants.toml names
# The worker that runs the engine is engine too: only calculator pages ever load it.
ENGINE_FILES_ELSEWHERE = frozenset({"javascripts/calc-worker.mjs"})


def offline_files(site_dir: Path) -> tuple[list[str], list[str]]:
    """Site-relative paths to precache and the engine paths to cache on use."""
    precache: list[str] = []
    engine: list[str] = []
    for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        relative = path.relative_to(site_dir).as_posix()
        if (
            path.name in _SKIPPED_NAMES
            or relative.endswith(_SKIPPED_SUFFIXES)
            or relative.startswith(_SKIPPED_PREFIXES)
        ):
            continue
        if relative.startswith(ENGINE_PREFIX) or relative in ENGINE_FILES_ELSEWHERE:
            engine.append(relative)
            continue
        # Pages are requested by their directory URL (use_directory_urls).
        precache.append(relative.removesuffix("index.html") or "./")
    return precache, engine


def build_version(site_dir: Path, paths: list[str]) -> str:
    """A short hash of every cached file's path and content: changes whenever the site does."""
    digest = hashlib.sha256()
    for relative in sorted(paths):
        file = site_dir / relative
        if relative.endswith("/") or relative == "./":
            file = site_dir / relative / "index.html"
        digest.update(relative.encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


def write_manifest(site_dir: Path) -> None:
    """Write `<site>/sw-manifest.js` for `sw.js`: the build's version and what to keep offline."""
    precache, engine = offline_files(site_dir)
    manifest = {
        "version": build_version(site_dir, precache + engine),
        "precache": precache,
        "engine": engine,
    }
    (site_dir / MANIFEST).write_text(
        f"self.REGAIN_BUILD = {json.dumps(manifest, indent=1)};\n", encoding="utf-8"
    )


def write_null_manifest(site_dir: Path) -> None:
    """A manifest with no build (`mkdocs serve`: live reload and an offline cache do not mix)."""
    (site_dir / MANIFEST).write_text("self.REGAIN_BUILD = null;\n", encoding="utf-8")
