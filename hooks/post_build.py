"""MkDocs hook: run the post-build steps (the `postbuild` package) over the built site."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

# MkDocs loads a hook by its file path with only hooks/ on sys.path: the project root goes
# first, so the steps import as the package they are (as tests and `python -m postbuild` do).
_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

from mkdocs.exceptions import PluginError  # noqa: E402

from postbuild import BuildStepError, run_steps  # noqa: E402

_state = {"serving": False}


def on_startup(command: str, dirty: bool) -> None:
    """Remember whether this is `mkdocs serve` (no policy, no offline cache: see run_steps)."""
    del dirty
    _state["serving"] = command == "serve"


def on_post_build(config: Any) -> None:
    """Finish the site MkDocs has just rendered; a failing step stops the build with its reason."""
    try:
        run_steps(
            Path(config.site_dir),
            project_root=Path(config.config_file_path).resolve().parent,
            serving=_state["serving"],
        )
    except BuildStepError as error:
        raise PluginError(str(error)) from error
