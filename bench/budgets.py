"""Reading `bench/budgets.toml`: exactly the known budgets, each a number >= 0.

How each budget gates (deterministic, confirmed median, hang guard) is bench/gates.py.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from bench.gates import ENGINE_FILES_TABLE, GATES

# How each budget gates (deterministic, confirmed median, hang guard): bench/gates.py.
BUDGET_KEYS = tuple(GATES)


class BudgetError(ValueError):
    """The budgets file is missing a budget, has an unknown one, or a value is not a number."""


def _budget_number(path: Path, key: str, value: object) -> float:
    """A budget's value, checked: a number >= 0."""
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        msg = f"{path}: {key} must be a number >= 0, not {value!r}"
        raise BudgetError(msg)
    return float(value)


def load_budgets(path: Path) -> dict[str, float]:
    """Read and check `budgets.toml`: exactly the known keys, each a number >= 0.

    The `[engine_files]` table budgets each engine file, `"path" = { raw = …, gzip = … }`; its
    budgets come back as `engine_files:<path>:raw` and `engine_files:<path>:gzip`.
    """
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    files = data.pop(ENGINE_FILES_TABLE, None)
    missing = [key for key in BUDGET_KEYS if key not in data]
    unknown = sorted(set(data) - set(BUDGET_KEYS))
    if missing or unknown or not isinstance(files, dict):
        msg = f"{path}: missing budgets {missing}, unknown budgets {unknown}"
        if not isinstance(files, dict):
            msg += f", no [{ENGINE_FILES_TABLE}] table"
        raise BudgetError(msg)
    budgets = {key: _budget_number(path, key, data[key]) for key in BUDGET_KEYS}
    for name, sizes in files.items():
        if not isinstance(sizes, dict) or set(sizes) != {"raw", "gzip"}:
            msg = f"{path}: [{ENGINE_FILES_TABLE}] {name!r} must be {{ raw = …, gzip = … }}"
            raise BudgetError(msg)
        for how, value in sizes.items():
            key = file_budget(name, how)
            budgets[key] = _budget_number(path, key, value)
    return budgets


def file_budget(name: str, how: str) -> str:
    """The budget key of one engine file's raw or gzip bytes."""
    return f"{ENGINE_FILES_TABLE}:{name}:{how}"
