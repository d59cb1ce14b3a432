"""Ship the self-hosted Python engine: Pyodide from the pinned npm package plus our calculators.

Only the files a pure-Python engine needs are copied (no CDN, no package wheels), and the
`calculators` package is zipped from the very source the CPython tests cover, so the browser and
the tests can never run different code.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import zipfile
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

# The engine files Pyodide loads at start-up for a stdlib-only program.
ENGINE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
ENGINE_DIR = "engine"
DOWNLOAD_FILES = ("pyodide.asm.wasm", "python_stdlib.zip")  # calc-worker.mjs WATCHED_DOWNLOADS
CALCULATORS_ARCHIVE = "calculators.zip"
# A fixed timestamp keeps the archive byte-identical between builds of the same source.
_ZIP_EPOCH = (2020, 1, 1, 0, 0, 0)


def _project_root(config: Any) -> Path:
    return Path(config.config_file_path).resolve().parent


def pinned_pyodide_version(root: Path) -> str:
    """The exact pyodide version package.json pins (a range would make builds drift)."""
    manifest = json.loads((root / "package.json").read_text(encoding="utf-8"))
    spec = manifest["dependencies"]["pyodide"]
    if not spec[:1].isdigit():
        msg = f"package.json: dependency 'pyodide' must be an exact version, not {spec!r}"
        raise PluginError(msg)
    return str(spec)


def pyodide_source(root: Path) -> Path:
    """The installed npm pyodide package, checked against the pinned version."""
    src = root / "node_modules" / "pyodide"
    wanted = pinned_pyodide_version(root)
    if not (src / "package.json").is_file():
        msg = (
            f"The Pyodide engine is not installed ({src} is missing). "
            "Run `npm ci` (or `make build`, which does it for you)."
        )
        raise PluginError(msg)
    found = json.loads((src / "package.json").read_text(encoding="utf-8"))["version"]
    if found != wanted:
        msg = f"node_modules has pyodide {found}, package.json pins {wanted}: run `npm ci`."
        raise PluginError(msg)
    missing = [name for name in ENGINE_FILES if not (src / name).is_file()]
    if missing:
        msg = f"pyodide {found} in {src} lacks {', '.join(missing)}: run `npm ci`."
        raise PluginError(msg)
    return src


def trimmed_lock(src: Path) -> dict[str, Any]:
    """Pyodide's lock file with its info block only: we load no packages, only the stdlib."""
    lock = json.loads((src / "pyodide-lock.json").read_text(encoding="utf-8"))
    return {"info": lock["info"], "packages": {}}


def calculators_archive(package_dir: Path) -> bytes:
    """A deterministic zip of the calculators package's Python files."""
    target = package_dir.parent / ".calculators.zip.tmp"
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(package_dir.rglob("*.py")):
            if "__pycache__" in path.parts:
                continue
            info = zipfile.ZipInfo(path.relative_to(package_dir.parent).as_posix(), _ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    data = target.read_bytes()
    target.unlink()
    return data


def _copy_if_changed(src: Path, dest: Path) -> None:
    fresh = (
        dest.is_file()
        and dest.stat().st_size == src.stat().st_size
        and dest.stat().st_mtime >= src.stat().st_mtime
    )
    if not fresh:
        shutil.copy2(src, dest)


def on_post_build(config: Any) -> None:
    """Copy the engine and the calculators archive into `<site>/engine/`."""
    root = _project_root(config)
    src = pyodide_source(root)
    dest = Path(config.site_dir) / ENGINE_DIR
    dest.mkdir(parents=True, exist_ok=True)
    for name in ENGINE_FILES:
        _copy_if_changed(src / name, dest / name)
    archive = calculators_archive(root / "calculators")
    (dest / CALCULATORS_ARCHIVE).write_bytes(archive)
    digest = hashlib.sha256(archive).hexdigest()[:16]
    (dest / "version.json").write_text(
        json.dumps(
            {
                "pyodide": pinned_pyodide_version(root),
                "calculators": digest,
                # Passed to loadPyodide as lockFileContents: one request fewer at start-up.
                "lock": trimmed_lock(src),
                # The engine download the page shows progress against (calc-worker.mjs counts
                # the same files as they arrive): the served sizes, after any trimming.
                "bytes": sum((dest / name).stat().st_size for name in DOWNLOAD_FILES),
            }
        ),
        encoding="utf-8",
    )
