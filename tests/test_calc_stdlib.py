"""The calculators package imports only the standard library, so Pyodide loads it as is."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "calculators"
# The CLI reads data/exercises.yml with PyYAML, imported inside a function (never at import).
ALLOWED_LAZY = {("cli.py", "yaml")}


def imported_modules(tree: ast.Module) -> list[tuple[str, bool]]:
    """(top-level module name, imported at module level?) for every import in a module."""
    top_level = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name.split(".")[0], id(node) in top_level) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.module.split(".")[0], id(node) in top_level))
    return found


def test_calculators_import_only_the_standard_library() -> None:
    """Every import in calculators/ and its subpackages is stdlib or ours (lazy yaml in the CLI)."""
    outside = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for module, at_top in imported_modules(tree):
            if module in sys.stdlib_module_names or module in {"calculators", "__future__"}:
                continue
            if (path.name, module) in ALLOWED_LAZY and not at_top:
                continue
            outside.append(f"{path.name}: {module}")
    assert outside == []
