"""Ship the self-hosted Python engine into site/engine/: pinned npm Pyodide plus our calculators.

Only the files a pure-Python engine needs are copied (no CDN, no package wheels), and the
`calculators` package is zipped from the very source the CPython tests cover, so the browser and
the tests can never run different code. The standard library is trimmed to the modules Pyodide's
start-up and our calculators import (engine/engine_stdlib.toml), about a third of Pyodide's, and
those are compiled to bytecode by Pyodide itself (without docstrings or column positions), so a
cold start does not compile them in the browser; a small margin of lazily imported modules stays
source, which is smaller to download.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import subprocess
import tempfile
import tomllib
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from postbuild.errors import BuildStepError

# The build step's own files (stdlib list, Node scripts, shared constants) live in engine/ at the
# top level.
ENGINE_SOURCE = Path(__file__).resolve().parent.parent / "engine"
STDLIB_LISTS = ENGINE_SOURCE / "engine_stdlib.toml"
COMPILER = ENGINE_SOURCE / "compile_stdlib.mjs"
# The facts the engine's JavaScript shares with this step: docs/javascripts/constants.mjs is made
# from the same file (tests/test_engine_constants.py).
SHARED_CONSTANTS = ENGINE_SOURCE / "constants.toml"


def shared_constants(path: Path = SHARED_CONSTANTS) -> dict[str, dict[str, Any]]:
    """engine/constants.toml, table by table."""
    return tomllib.loads(path.read_text(encoding="utf-8"))


_FILES = shared_constants()["files"]
# The engine files Pyodide loads at start-up for a stdlib-only program.
ENGINE_FILES: tuple[str, ...] = tuple(_FILES["runtime_files"])
# Shipped trimmed (only the modules listed in STDLIB_LISTS), not copied.
STDLIB_ARCHIVE: str = _FILES["stdlib_archive"]
ENGINE_DIR: str = _FILES["engine_dir"]
# Pyodide 314 restores a memory snapshot into the heap its WebAssembly module declares, 30 MiB,
# whatever the snapshot's size: a larger heap fails with "RangeError: offset is out of bounds"
# (pyodide issue #6254). A snapshot is a small header and then the heap.
SNAPSHOT_HEAP_LIMIT = 30 * 1024 * 1024
# The downloads the page shows progress against (calc-worker.mjs counts the same files).
DOWNLOAD_FILES: tuple[str, ...] = tuple(_FILES["download_files"])
CALCULATORS_ARCHIVE: str = _FILES["calculators_archive"]
ENGINE_MANIFEST: str = _FILES["engine_manifest"]
# A fixed timestamp keeps the archive byte-identical between builds of the same source.
_ZIP_EPOCH = (2020, 1, 1, 0, 0, 0)


def pinned_pyodide_version(root: Path) -> str:
    """The exact pyodide version package.json pins (a range would make builds drift)."""
    manifest = json.loads((root / "package.json").read_text(encoding="utf-8"))
    spec = manifest["dependencies"]["pyodide"]
    if not spec[:1].isdigit():
        msg = f"package.json: dependency 'pyodide' must be an exact version, not {spec!r}"
        raise BuildStepError(msg)
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
        raise BuildStepError(msg)
    found = json.loads((src / "package.json").read_text(encoding="utf-8"))["version"]
    if found != wanted:
        msg = f"node_modules has pyodide {found}, package.json pins {wanted}: run `npm ci`."
        raise BuildStepError(msg)
    missing = [name for name in ENGINE_FILES if not (src / name).is_file()]
    if missing:
        msg = f"pyodide {found} in {src} lacks {', '.join(missing)}: run `npm ci`."
        raise BuildStepError(msg)
    return src


def trimmed_lock(src: Path) -> dict[str, Any]:
    """Pyodide's lock file with its info block only: we load no packages, only the stdlib."""
    lock = json.loads((src / "pyodide-lock.json").read_text(encoding="utf-8"))
    return {"info": lock["info"], "packages": {}}


def calculators_archive(package_dir: Path) -> bytes:
    """A deterministic zip of the calculators package's Python files.

    Written in memory: two builds at once (the test workers) once raced on a shared temp file.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(package_dir.rglob("*.py")):
            if "__pycache__" in path.parts:
                continue
            info = zipfile.ZipInfo(path.relative_to(package_dir.parent).as_posix(), _ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return buffer.getvalue()


@dataclass(frozen=True)
class StdlibLists:
    """engine/engine_stdlib.toml: which standard-library modules the engine ships, and why."""

    calculators: frozenset[str]
    forbidden: tuple[str, ...]
    pyodide_version: str
    startup: frozenset[str]
    worker: frozenset[str]
    margin_packages: tuple[str, ...]
    margin_modules: frozenset[str]
    left_out: frozenset[str]

    def is_forbidden(self, module: str) -> bool:
        """A forbidden module or one of its submodules."""
        return any(module == name or module.startswith(f"{name}.") for name in self.forbidden)

    def shipped_modules(self) -> frozenset[str]:
        """Every module shipped by name (the margin's whole packages come on top)."""
        return self.calculators | self.startup | self.worker | self.margin_modules

    def compiled_modules(self) -> frozenset[str]:
        """The modules shipped as bytecode: those a start-up or an answer imports.

        The margin stays source: deflated source is about a third smaller than its bytecode,
        and it is compiled only on the rare path that imports it.
        """
        return self.calculators | self.startup | self.worker


def stdlib_lists(path: Path = STDLIB_LISTS) -> StdlibLists:
    """Read the lists (a malformed file fails the build with its own error)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return StdlibLists(
        calculators=frozenset(data["calculators"]),
        forbidden=tuple(data["forbidden"]),
        pyodide_version=str(data["pyodide"]["version"]),
        startup=frozenset(data["pyodide"]["startup"]),
        worker=frozenset(data["pyodide"]["worker"]),
        margin_packages=tuple(data["margin"]["packages"]),
        margin_modules=frozenset(data["margin"]["modules"]),
        left_out=frozenset(data["margin"]["left_out"]),
    )


def module_name(member: str) -> str | None:
    """The module a stdlib zip member holds ("json/decoder.py" -> "json.decoder"), if any.

    >>> module_name("json/__init__.py"), module_name("json/decoder.pyc"), module_name("json/")
    ('json', 'json.decoder', None)
    """
    for suffix in (".py", ".pyc"):
        if member.endswith(suffix):
            return member.removesuffix(suffix).removesuffix("/__init__").replace("/", ".")
    return None


def trimmed_stdlib(full: bytes, lists: StdlibLists) -> bytes:
    """Pyodide's python_stdlib.zip with only the listed modules, byte-identical between builds."""
    wanted = lists.shipped_modules()
    packages = tuple(f"{name.replace('.', '/')}/" for name in lists.margin_packages)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(full)) as source,
        zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive,
    ):
        for member in source.namelist():
            name = module_name(member)
            if name is None or not (name in wanted or member.startswith(packages)):
                continue
            if name in lists.left_out:
                continue
            info = zipfile.ZipInfo(member, _ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, source.read(member))
    return out.getvalue()


def engine_stdlib(full: bytes, lists: StdlibLists, root: Path) -> bytes:
    """Pyodide's stdlib trimmed to the lists and compiled to bytecode by Pyodide in Node.

    Compiling takes a Pyodide start (seconds) and trimming recompresses ~200 files, so the result
    is kept in node_modules/.cache, keyed by everything it is made from: only the first build pays.
    """
    inputs = (full, STDLIB_LISTS.read_bytes(), COMPILER.read_bytes(), Path(__file__).read_bytes())
    key = hashlib.sha256(b"".join(inputs)).hexdigest()[:16]
    cache = root / "node_modules" / ".cache" / "regain-engine" / f"python_stdlib-{key}.zip"
    if not cache.is_file():
        cache.parent.mkdir(parents=True, exist_ok=True)
        # Written aside and renamed: a build running in parallel never reads half a file.
        partial = cache.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(compiled_stdlib(trimmed_stdlib(full, lists), lists.compiled_modules()))
        partial.replace(cache)
    return cache.read_bytes()


def compiled_stdlib(trimmed: bytes, modules: frozenset[str]) -> bytes:
    """A stdlib zip with `modules` as bytecode (engine/compile_stdlib.mjs: Pyodide compiles)."""
    with tempfile.TemporaryDirectory(prefix="regain-stdlib-") as work:
        source, target = Path(work) / "source.zip", Path(work) / "compiled.zip"
        listed = Path(work) / "modules.json"
        source.write_bytes(trimmed)
        listed.write_text(json.dumps(sorted(modules)), encoding="utf-8")
        done = subprocess.run(
            ["node", str(COMPILER), str(source), str(target), str(listed)],
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
        )
        if done.returncode != 0 or not target.is_file():
            msg = f"Compiling the engine's standard library failed:\n{done.stderr[-2000:]}"
            raise BuildStepError(msg)
        return target.read_bytes()


def _copy_if_changed(src: Path, dest: Path) -> None:
    fresh = (
        dest.is_file()
        and dest.stat().st_size == src.stat().st_size
        and dest.stat().st_mtime >= src.stat().st_mtime
    )
    if not fresh:
        shutil.copy2(src, dest)


def ship_engine(site_dir: Path, root: Path) -> None:
    """Copy the engine and the calculators archive of the project at `root` into site/engine/."""
    src = pyodide_source(root)
    dest = site_dir / ENGINE_DIR
    dest.mkdir(parents=True, exist_ok=True)
    for name in ENGINE_FILES:
        if name != STDLIB_ARCHIVE:
            _copy_if_changed(src / name, dest / name)
    lists = stdlib_lists()
    if lists.pyodide_version != pinned_pyodide_version(root):
        msg = (
            f"{STDLIB_LISTS.name} was measured with pyodide {lists.pyodide_version}, package.json "
            f"pins {pinned_pyodide_version(root)}: measure its start-up list again with "
            "engine/pyodide_modules.mjs and update the file."
        )
        raise BuildStepError(msg)
    stdlib = engine_stdlib((src / STDLIB_ARCHIVE).read_bytes(), lists, root)
    (dest / STDLIB_ARCHIVE).write_bytes(stdlib)
    archive = calculators_archive(root / "calculators")
    (dest / CALCULATORS_ARCHIVE).write_bytes(archive)
    # The snapshot key (calc-worker.mjs) is built from this digest: a memory snapshot holds
    # zipimport's index of the standard library, so it must never meet another stdlib zip.
    digest = hashlib.sha256(archive + stdlib).hexdigest()[:16]
    (dest / ENGINE_MANIFEST).write_text(
        json.dumps(
            {
                "pyodide": pinned_pyodide_version(root),
                "calculators": digest,
                # Passed to loadPyodide as lockFileContents: one request fewer at start-up.
                "lock": trimmed_lock(src),
                # The worker stores no memory snapshot whose heap is larger than this.
                "snapshotHeapLimit": SNAPSHOT_HEAP_LIMIT,
                # The engine download the page shows progress against (calc-worker.mjs counts
                # the same files as they arrive): the served sizes, after any trimming.
                "bytes": sum((dest / name).stat().st_size for name in DOWNLOAD_FILES),
            }
        ),
        encoding="utf-8",
    )
