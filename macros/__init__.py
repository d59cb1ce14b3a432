"""Build-time macros for the Regain site (mkdocs-macros-plugin, `module_name: macros`).

This module only registers macros; rendering lives in plain functions in sibling modules so
they can be tested without MkDocs.
"""

from __future__ import annotations

from typing import Any


def define_env(env: Any) -> None:
    """Register Regain's macros and variables with mkdocs-macros."""
    del env  # macros are registered by later modules (exercise tables, weekly plan).
