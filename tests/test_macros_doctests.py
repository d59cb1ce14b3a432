"""The examples in the macros' docstrings are true."""

from __future__ import annotations

import doctest
from types import ModuleType

import pytest

from macros import data, render, safety


@pytest.mark.parametrize("module", [data, render, safety], ids=lambda m: m.__name__)
def test_docstring_examples_hold(module: ModuleType) -> None:
    """Every `>>>` example in the module gives the output written under it."""
    result = doctest.testmod(module)
    assert result.attempted > 0
    assert result.failed == 0
