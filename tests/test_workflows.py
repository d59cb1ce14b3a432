"""The GitHub workflows pass a security review: zizmor finds nothing, every action is pinned."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from harness import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}$")


def zizmor() -> str:
    """The zizmor command installed with the dev dependencies (next to this Python)."""
    found = Path(sys.executable).with_name("zizmor")
    if found.is_file():
        return str(found)
    on_path = shutil.which("zizmor")
    if on_path is None:
        pytest.fail("zizmor is missing: it is a dev dependency (`make test` installs it).")
    return on_path


def test_zizmor_pedantic_finds_nothing_in_the_workflows() -> None:
    """`zizmor --pedantic --offline` on .github/ (workflows, dependabot) reports zero findings."""
    done = subprocess.run(
        [zizmor(), "--pedantic", "--offline", "--no-progress", str(WORKFLOWS.parent)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No findings to report" in done.stdout + done.stderr


def uses_lines(workflow: Path) -> list[str]:
    """Every `uses:` reference of a workflow file."""
    data = yaml.safe_load(workflow.read_text(encoding="utf-8"))
    return [
        step["uses"]
        for job in data["jobs"].values()
        for step in job.get("steps", [])
        if "uses" in step
    ]


def test_every_action_is_pinned_to_a_commit_with_its_version_named() -> None:
    """Each action is pinned to a full commit SHA, and a comment names the version."""
    workflows = sorted(WORKFLOWS.glob("*.yml"))
    assert {w.name for w in workflows} >= {"pages.yml", "test.yml"}
    for workflow in workflows:
        text = workflow.read_text(encoding="utf-8")
        for ref in uses_lines(workflow):
            assert PINNED.match(ref), f"{workflow.name}: {ref} is not pinned to a commit SHA"
            assert re.search(re.escape(ref) + r" # v\d+\.\d+\.\d+", text), ref


# The newest release of each action we use and the Node runtime it declares (its action.yml
# `runs.using`), read from the actions' repositories on 2026-12-05. Node 20 is past end of life.
NODE24_RELEASES = {
    "actions/checkout": "v7.0.1",
    "actions/setup-python": "v7.0.0",
    "actions/setup-node": "v7.0.0",
    "actions/deploy-pages": "v5.0.0",
    "actions/upload-pages-artifact": "v5.0.0",  # composite: upload-artifact v7 (Node 24)
}


def test_every_action_is_a_known_node24_release() -> None:
    """Each action used is one whose release runs on Node 24 (no Node 20 action left)."""
    for workflow in sorted(WORKFLOWS.glob("*.yml")):
        text = workflow.read_text(encoding="utf-8")
        for ref in uses_lines(workflow):
            name = ref.split("@")[0]
            assert name in NODE24_RELEASES, f"{workflow.name}: {name} is not a known Node 24 action"
            assert f"{ref} # {NODE24_RELEASES[name]}" in text, f"{workflow.name}: {ref}"


def test_workflows_set_up_node_22_lts_and_pin_the_container_by_digest() -> None:
    """Node is the 22 LTS line wherever a workflow sets it up; the test container has a digest."""
    for workflow in sorted(WORKFLOWS.glob("*.yml")):
        data = yaml.safe_load(workflow.read_text(encoding="utf-8"))
        for job in data["jobs"].values():
            for step in job.get("steps", []):
                if step.get("uses", "").startswith("actions/setup-node@"):
                    assert step["with"]["node-version"] == "22", workflow.name
            if "container" in job:
                assert re.fullmatch(r"debian:bookworm@sha256:[0-9a-f]{64}", job["container"])


def test_the_test_workflow_runs_ci_on_pushes_and_pull_requests() -> None:
    """The test workflow runs `bash .ci/run` for every push and pull request, read-only."""
    data = yaml.safe_load((WORKFLOWS / "test.yml").read_text(encoding="utf-8"))
    triggers = data[True]  # YAML 1.1 reads the key `on` as True
    assert {"push", "pull_request"} <= set(triggers)
    assert data["permissions"] == {}
    (job,) = data["jobs"].values()
    assert job["permissions"] == {"contents": "read"}
    assert any(step.get("run") == "bash .ci/run" for step in job["steps"])
