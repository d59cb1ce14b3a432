"""The calculators install as a whole package: pyproject's package rule takes every subpackage.

`packages = ["calculators"]` shipped only the top folder, so an install other than the editable
one lacked calculators.plan, .present and .figure. Checked on the declaration (setuptools'
`packages.find` include patterns, which it matches with fnmatch) rather than by building a wheel,
which needs a newer setuptools than the venv's and so the network.
"""

from __future__ import annotations

import tomllib
from fnmatch import fnmatchcase
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_calculators_subpackage_is_in_pyprojects_package_rule() -> None:
    """A new subpackage ships without anyone remembering to list it."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    setuptools = config["tool"]["setuptools"]
    rule = "list the packages with [tool.setuptools.packages.find], so new subpackages ship"
    assert "packages" in setuptools, rule
    assert "find" in setuptools["packages"], rule
    include = setuptools["packages"]["find"]["include"]
    packages = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "calculators").rglob("__init__.py")
    }
    left_out = {name for name in packages if not any(fnmatchcase(name, p) for p in include)}
    assert {"calculators", "calculators.plan", "calculators.present"} <= packages
    assert left_out == set()
