"""The pose book: data/poses.yml's parsed mapping as typed poses.

The build validates the file first (macros/data/poses.py, with messages naming exercise and field);
this reader only converts, and raises `PoseError` naming the field if handed something else.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from calculators.figure.model import Angles, ArmAngles, BodyPart, LegAngles, Limb, View
from calculators.figure.pose import ExercisePose, Pose, PoseBook, PoseError
from calculators.figure.props import Prop, PropKind

ARM_KEYS = {
    "shoulder": "shoulder",
    "elbow": "elbow",
    "wrist": "wrist",
    "abduction": "abduction",
    "rotation": "rotation",
}
LEG_KEYS = {"hip": "hip", "knee": "knee", "ankle": "ankle", "abduction": "abduction"}
BODY_KEYS = ("trunk", "side_lean", "spine", "neck", "twist")


def load_poses(raw: Mapping[str, Any]) -> PoseBook:
    """Typed poses keyed by exercise id, in the file's order."""
    return {exercise_id: _exercise(exercise_id, entry) for exercise_id, entry in raw.items()}


def _exercise(exercise_id: str, entry: Mapping[str, Any]) -> ExercisePose:
    try:
        return ExercisePose(
            exercise_id=exercise_id,
            view=View(entry["view"]),
            props=tuple(_prop(p) for p in entry.get("props", ())),
            moving=frozenset(BodyPart(part) for part in entry.get("moving", ())),
            start=_pose(entry["start"]),
            end=_pose(entry["end"]),
            lifted=frozenset(str(foot) for foot in entry.get("lifted", ())),
        )
    except (KeyError, ValueError, TypeError) as error:
        message = f"{exercise_id}: {error}"
        raise PoseError(message) from error


def _prop(raw: Mapping[str, Any]) -> Prop:
    pad = raw.get("pad")
    return Prop(
        kind=PropKind(raw["kind"]),
        x=float(raw.get("x", 0)),
        facing=-1 if raw.get("facing") == "left" else 1,
        arms=bool(raw.get("arms", False)),
        beside=bool(raw.get("beside", False)),
        width=None if raw.get("width") is None else float(raw["width"]),
        attach=tuple(raw.get("attach", ())),
        pad=None if pad is None else (float(pad[0]), float(pad[1])),
        rise=float(raw.get("rise", 0)),
        count=int(raw.get("count", 1)),
    )


def _pose(raw: Mapping[str, Any]) -> Pose:
    reach: list[tuple[Limb, str]] = []
    arms: dict[Limb, ArmAngles] = {}
    legs: dict[Limb, LegAngles] = {}
    for limb in Limb:
        spec = raw.get(limb.value) or raw.get("arms" if limb.is_arm else "legs") or {}
        if limb.is_arm and "reach" in spec:
            reach.append((limb, str(spec["reach"])))
            arms[limb] = ArmAngles()
        elif limb.is_arm:
            arms[limb] = ArmAngles(**{ARM_KEYS[k]: float(v) for k, v in spec.items()})
        else:
            legs[limb] = LegAngles(**{LEG_KEYS[k]: float(v) for k, v in spec.items()})
    angles = Angles(
        **{key: float(raw.get(key, 0)) for key in BODY_KEYS},
        left_arm=arms[Limb.LEFT_ARM],
        right_arm=arms[Limb.RIGHT_ARM],
        left_leg=legs[Limb.LEFT_LEG],
        right_leg=legs[Limb.RIGHT_LEG],
    )
    return Pose(
        angles=angles,
        x=None if raw.get("x") is None else float(raw["x"]),
        x_at=str(raw.get("x_at", "hips")),
        rest=_pairs(raw.get("rest")),
        reach=tuple(reach),
        touch=_pairs(raw.get("touch")),
    )


def _pairs(raw: Mapping[str, Any] | None) -> tuple[tuple[str, str], ...]:
    """A part-to-surface mapping as pairs."""
    return tuple((str(part), str(surface)) for part, surface in (raw or {}).items())
