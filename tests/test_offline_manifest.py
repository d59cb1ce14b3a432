"""The service worker's manifest: what a browser keeps offline, and what guide readers never get."""

from __future__ import annotations

import json
from pathlib import Path

from harness import BuiltSite
from postbuild import offline


def manifest(site: BuiltSite) -> dict[str, object]:
    """The build manifest that sw.js imports."""
    text = (site.path / offline.MANIFEST).read_text(encoding="utf-8")
    prefix, suffix = "self.REGAIN_BUILD = ", ";\n"
    assert text.startswith(prefix)
    assert text.endswith(suffix)
    data: dict[str, object] = json.loads(text.removeprefix(prefix).removesuffix(suffix))
    return data


def test_precache_holds_no_engine_file(built_site: BuiltSite) -> None:
    """Guide readers never download the engine or its worker: both are cached only on use."""
    precache = manifest(built_site)["precache"]
    assert isinstance(precache, list)
    assert not [path for path in precache if "engine/" in path or "calc-worker" in path]


def test_engine_list_has_the_worker_and_every_engine_file(built_site: BuiltSite) -> None:
    """The cache-on-use list names the worker and every file under engine/."""
    engine = manifest(built_site)["engine"]
    assert isinstance(engine, list)
    on_disk = {
        p.relative_to(built_site.path).as_posix() for p in (built_site.path / "engine").iterdir()
    }
    assert set(engine) == on_disk | {"javascripts/calc-worker.mjs"}


def test_precache_lists_every_page_and_existing_files_only(built_site: BuiltSite) -> None:
    """Every reader page is precached, and every precached path exists in the build."""
    precache = manifest(built_site)["precache"]
    assert isinstance(precache, list)
    for page in built_site.html_pages():
        relative = page.relative_to(built_site.path).as_posix().removesuffix("index.html")
        assert (relative or "./") in precache
    for path in precache:
        target = built_site.path / path
        assert target.is_file() or (target / "index.html").is_file(), path


def test_manifest_version_is_the_hash_of_the_cached_files(built_site: BuiltSite) -> None:
    """The manifest's version is the build version of exactly the files it lists."""
    precache, engine = offline.offline_files(built_site.path)
    assert manifest(built_site)["version"] == offline.build_version(
        built_site.path, precache + engine
    )


def test_version_changes_when_one_byte_changes(tmp_path: Path) -> None:
    """Changing one byte of one cached file gives a new build version (so caches are replaced)."""
    (tmp_path / "page").mkdir()
    (tmp_path / "page" / "index.html").write_text("<p>a</p>", encoding="utf-8")
    (tmp_path / "style.css").write_text("p{}", encoding="utf-8")
    paths = ["page/", "style.css"]
    before = offline.build_version(tmp_path, paths)
    (tmp_path / "page" / "index.html").write_text("<p>b</p>", encoding="utf-8")
    assert offline.build_version(tmp_path, paths) != before
