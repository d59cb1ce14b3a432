"""Drawings of the exercises, made from pose data: a jointed figure, props, checks and SVG.

Standard library only, so the same code could run in the browser's Pyodide engine. The names
below load on first use (PEP 562): importing `calculators.figure.frame` in the engine, for a
drawing's frame, must not compile the whole model.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from calculators.figure.book import load_poses
    from calculators.figure.frame import FRAME
    from calculators.figure.pose import ExercisePose, Pose, PoseBook, PoseError
    from calculators.figure.svg import sprite

__all__ = ["FRAME", "ExercisePose", "Pose", "PoseBook", "PoseError", "load_poses", "sprite"]

_HOMES = {
    "FRAME": "frame",
    "ExercisePose": "pose",
    "Pose": "pose",
    "PoseBook": "pose",
    "PoseError": "pose",
    "load_poses": "book",
    "sprite": "svg",
}


def __getattr__(name: str) -> Any:
    """Load a public name's module when the name is first asked for."""
    if name not in _HOMES:
        msg = f"module 'calculators.figure' has no attribute {name!r}"
        raise AttributeError(msg)
    return getattr(importlib.import_module(f"calculators.figure.{_HOMES[name]}"), name)
