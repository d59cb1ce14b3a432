"""Drawings of the exercises, made from pose data: a jointed figure, props, checks and SVG.

Standard library only, so the same code could run in the browser's Pyodide engine.
"""

from __future__ import annotations

from calculators.figure.book import load_poses
from calculators.figure.pose import ExercisePose, Pose, PoseBook, PoseError
from calculators.figure.props import FRAME
from calculators.figure.svg import sprite

__all__ = ["FRAME", "ExercisePose", "Pose", "PoseBook", "PoseError", "load_poses", "sprite"]
