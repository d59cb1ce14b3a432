"""The exit path: ProperDocs renders the site, `python -m postbuild` finishes it, a tool answers.

ProperDocs (a maintained continuation of MkDocs 1.x) builds our mkdocs.yml, Material theme and
macros unchanged. The `hooks:` section is left out of the build, so the review line comes from the
macros alone and everything after the rendering (engine, data, review-date check, CSP, offline
manifest) from the plain step alone, as under a generator that runs no MkDocs hooks.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.browser import fill_form, open_watched_page, submit_and_wait
from playwright.sync_api import Browser

from calculators import api
from harness import copy_project, serving

pytestmark = pytest.mark.browser

# mkdocs.yml's whole `hooks:` section: the post-build hook is the only one.
HOOKS = "hooks:\n  - hooks/post_build.py\n"


def _run(command: list[str], cwd: Path) -> None:
    """Run a build command in the project copy; fail with everything it printed."""
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"{command} failed:\n{done.stdout}{done.stderr}"


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project rendered by ProperDocs without any hook, then finished by the step."""
    folder = tmp_path_factory.mktemp("properdocs")
    project = folder / "project"
    config = copy_project(project)
    text = config.read_text(encoding="utf-8")
    assert HOOKS in text
    config.write_text(text.replace(HOOKS, ""), encoding="utf-8")
    site = folder / "site"
    properdocs = [sys.executable, "-m", "properdocs", "build", "--strict"]
    _run([*properdocs, "--config-file", str(config), "--site-dir", str(site)], project)
    assert not (site / "engine").exists()  # nothing after the rendering came from a hook
    _run([sys.executable, "-m", "postbuild", str(site), "--project", str(project)], project)
    return site


@pytest.fixture(scope="module")
def properdocs_url(properdocs_site: Path) -> Iterator[str]:
    """The ProperDocs site, served like GitHub Pages."""
    with serving(properdocs_site) as server:
        yield server.url


def test_properdocs_rendered_the_pages(properdocs_site: Path) -> None:
    """The pages carry ProperDocs' generator tag (this is not the MkDocs build)."""
    html = (properdocs_site / "tools" / "protein" / "index.html").read_text(encoding="utf-8")
    assert 'content="mkdocs-ProperDocs ' in html


def test_calculator_answers_on_the_properdocs_site(browser: Browser, properdocs_url: str) -> None:
    """The protein calculator answers in Chromium, under the CSP, with no foreign request."""
    watched = open_watched_page(browser, properdocs_url)
    try:
        watched.goto("tools/protein/")
        fill_form(watched.page, "protein", {"weight": "68", "age": "70"})
        assert submit_and_wait(watched.page, "protein") == "result"
        answer = api.run("protein", {"weight": "68", "age": "70"})
        assert isinstance(answer["result"], dict)
        daily = answer["result"]["daily_g"]
        shown = watched.page.locator('#protein-result [data-value="daily_g"]').inner_text()
        assert shown == f"{daily['low']}–{daily['high']} g"
        watched.assert_clean()
    finally:
        watched.context.close()
