"""Poses of an exercise: joint angles, where the figure rests, which hand reaches which prop.

A pose is data (from data/poses.yml); `place` turns it into a figure standing in the frame:
the body is lowered onto the surface it rests on, and an arm that reaches a prop is solved
(two-segment inverse kinematics) so the palm lies flat on it — a hand that the exercise puts on
a counter is on the counter, by construction, and the checks then confirm it.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, replace

from calculators.figure.model import (
    ADULT,
    Angles,
    ArmAngles,
    BodyPart,
    Limb,
    Point,
    Skeleton,
    View,
    pose_skeleton,
)
from calculators.figure.props import Prop, Segment, all_surfaces

# How far a drawn line sits from what it touches: half a stroke plus a little flesh.
PADS = {"hips": 2.5, "back": 2.0, "head": 0.0, "hand": 1.0, "foot": 1.0, "knee": 2.0}
# Parts that can touch a surface; `left_`/`right_` parts name a limb's end.
BODY_PARTS = (
    "hips",
    "back",
    "head",
    *(
        f"{side}_{part}"
        for side in ("left", "right")
        for part in ("hand", "foot", "heel", "toe", "knee", "forearm")
    ),
)


class PoseError(ValueError):
    """A pose cannot be placed: it names a surface or part that is not there."""


@dataclass(frozen=True)
class Pose:
    """One position (start or end) of an exercise, as written in data/poses.yml.

    Attributes:
        angles: every joint angle (an arm listed in `reach` is solved instead).
        x: where the pelvis (or the part `x_at`) is across the frame (not needed when `rest`
            names an upright surface).
        x_at: the part placed at `x`, e.g. a heel that stays put while the body moves.
        rest: the part the figure rests on each surface (`hips` on `chair.seat`); one level
            surface sets the height, an upright one (a wall) may set the place across.
        reach: arms whose hand lies flat on a surface, solved to touch it.
        touch: further contacts the checks confirm (`left_foot` on `floor`).

    """

    angles: Angles
    x: float | None = None
    x_at: str = "hips"
    rest: tuple[tuple[str, str], ...] = ()
    reach: tuple[tuple[Limb, str], ...] = ()
    touch: tuple[tuple[str, str], ...] = ()

    def contacts(self) -> tuple[tuple[str, str], ...]:
        """Every part-on-surface the pose claims: rests, reaching hands and touches."""
        hands = tuple((f"{limb.value.split('_')[0]}_hand", surface) for limb, surface in self.reach)
        return self.rest + hands + self.touch


@dataclass(frozen=True)
class ExercisePose:
    """One exercise's drawing: the view, the props, what moves, start and end."""

    exercise_id: str
    view: View
    props: tuple[Prop, ...]
    moving: frozenset[BodyPart]
    start: Pose
    end: Pose
    lifted: frozenset[str] = frozenset()  # feet the exercise lifts without moving that leg


PoseBook = dict[str, ExercisePose]


@dataclass(frozen=True)
class Placed:
    """A pose solved and placed in the frame: final angles, points and the scene's surfaces."""

    angles: Angles
    skeleton: Skeleton
    surfaces: dict[str, Segment]


# ---------------------------------------------------------------- contact geometry


def part_points(skeleton: Skeleton, part: str) -> tuple[list[Point], float]:
    """The points that stand for a body part, and how far its outline sits beyond them."""
    if part == "hips":
        return [skeleton.pelvis], PADS["hips"]
    if part == "back":
        trunk = [skeleton.pelvis, skeleton.spine_bend, skeleton.neck_base]
        return _along(trunk, 6), PADS["back"]
    if part == "head":
        return [skeleton.head_centre], skeleton.head_radius
    side, _, end = part.partition("_")
    arm = Limb(f"{side}_arm")
    leg = Limb(f"{side}_leg")
    if end == "hand":
        _, _, wrist, tip = skeleton.limbs[arm]
        return [_mid(wrist, tip)], PADS["hand"]
    if end == "forearm":
        _, elbow, wrist, _ = skeleton.limbs[arm]
        return _along([elbow, wrist], 4), PADS["hand"]
    _, knee, _, heel, toe = skeleton.limbs[leg]
    found = {"foot": [heel, toe], "heel": [heel], "toe": [toe], "knee": [knee]}
    pad = PADS["knee"] if end == "knee" else PADS["foot"]
    return found[end], pad


def distance_to(point: Point, segment: Segment) -> float:
    """The shortest distance from a point to a surface."""
    return math.dist(point, nearest_on(point, segment))


def nearest_on(point: Point, segment: Segment, margin: float = 0.0) -> Point:
    """The point of a surface nearest `point`, kept `margin` in from either end."""
    (ax, ay), (bx, by) = segment.start, segment.end
    length = math.hypot(bx - ax, by - ay)
    if length == 0:
        return segment.start
    t = ((point[0] - ax) * (bx - ax) + (point[1] - ay) * (by - ay)) / length**2
    edge = min(margin / length, 0.5)
    t = min(max(t, edge), 1 - edge)
    return (ax + t * (bx - ax), ay + t * (by - ay))


def gap(skeleton: Skeleton, part: str, segment: Segment) -> float:
    """How far a part's outline is from a surface (0 when it touches, all its points count)."""
    points, pad = part_points(skeleton, part)
    # A foot touches with heel and toe; a back or forearm with its nearest point.
    if part.endswith("_foot"):
        return max(abs(distance_to(p, segment) - pad) for p in points)
    return min(abs(distance_to(p, segment) - pad) for p in points)


def _mid(a: Point, b: Point) -> Point:
    return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)


def _along(points: list[Point], steps: int) -> list[Point]:
    found = [points[0]]
    for a, b in itertools.pairwise(points):
        found += [
            (a[0] + (b[0] - a[0]) * i / steps, a[1] + (b[1] - a[1]) * i / steps)
            for i in range(1, steps + 1)
        ]
    return found


# ---------------------------------------------------------------- placing a pose


def place(pose: Pose, view: View, props: tuple[Prop, ...]) -> Placed:
    """Solve reaching arms and put the figure where the pose rests it; raises PoseError."""
    scene = all_surfaces(props, view)
    for part, surface in pose.contacts():
        if surface not in scene:
            known = ", ".join(sorted(scene))
            message = f"{part} on {surface!r}: no such surface in this drawing; it has {known}"
            raise PoseError(message)
    skeleton = _rest(pose, pose_skeleton(pose.angles, view), scene)
    if not pose.reach:
        return Placed(pose.angles, skeleton, scene)
    if view is not View.SIDE:
        message = "reach: arms are solved in side view only; give the arm's angles instead"
        raise PoseError(message)
    angles = pose.angles
    for limb, surface in pose.reach:
        arm = _reach(angles, limb, skeleton, scene[surface])
        angles = (
            replace(angles, left_arm=arm)
            if limb is Limb.LEFT_ARM
            else replace(angles, right_arm=arm)
        )
    skeleton = _rest(pose, pose_skeleton(angles, view), scene)
    return Placed(angles, skeleton, scene)


def _rest(pose: Pose, skeleton: Skeleton, scene: dict[str, Segment]) -> Skeleton:
    """Move the figure so each resting part lies on its surface, the pelvis at `x` otherwise."""
    dx = 0.0 if pose.x is None else pose.x - part_points(skeleton, pose.x_at)[0][0][0]
    dy = 0.0
    for part, name in pose.rest:
        surface = scene[name]
        points, pad = part_points(skeleton, part)
        if surface.horizontal:
            dy = surface.start[1] - max(p[1] + pad for p in points)
        else:
            # The part's outermost point towards the surface comes to rest against it.
            face_x = nearest_on(skeleton.pelvis, surface)[0]
            side = surface.open_side or (1 if skeleton.pelvis[0] >= face_x else -1)
            edge = min(p[0] for p in points) if side > 0 else max(p[0] for p in points)
            dx = face_x + side * pad - edge
    return skeleton.moved(dx, dy)


def _reach(angles: Angles, limb: Limb, skeleton: Skeleton, surface: Segment) -> ArmAngles:
    """The arm angles that put the palm flat on a surface, fingers along it (side view).

    Two-segment inverse kinematics: the wrist goes half a hand before the palm's point, the
    elbow bends the way elbows do (forearm forward of the upper arm).
    """
    shoulder = skeleton.shoulders[limb]
    hand = ADULT.length("hand")
    (ax, ay), (bx, by) = surface.start, surface.end
    length = math.hypot(bx - ax, by - ay)
    along = ((bx - ax) / length, (by - ay) / length)
    palm = nearest_on(shoulder, surface, margin=hand / 2 + 1)
    # The palm lies on the surface: lift it by the hand's pad on the side the shoulder is.
    normal = (-along[1], along[0])
    side = (
        1 if (shoulder[0] - palm[0]) * normal[0] + (shoulder[1] - palm[1]) * normal[1] > 0 else -1
    )
    palm = (palm[0] + side * normal[0] * PADS["hand"], palm[1] + side * normal[1] * PADS["hand"])
    wrist = (palm[0] - along[0] * hand / 2, palm[1] - along[1] * hand / 2)
    upper, fore = ADULT.length("upper_arm"), ADULT.length("forearm")
    reach = min(math.dist(shoulder, wrist), upper + fore - 1e-6)
    to_wrist = _page_angle(shoulder, wrist)
    bend = math.degrees(math.acos((upper**2 + reach**2 - fore**2) / (2 * upper * reach)))
    elbow_inside = math.degrees(math.acos((upper**2 + fore**2 - reach**2) / (2 * upper * fore)))
    upper_angle = to_wrist - bend
    fore_angle = upper_angle + (180 - elbow_inside)
    hand_angle = _page_angle((0.0, 0.0), along)
    # A segment's page angle minus the trunk's own down direction is the joint's angle.
    trunk_down = -(angles.trunk + angles.spine)
    return ArmAngles(
        shoulder=_wrap(upper_angle - trunk_down),
        elbow=_wrap(fore_angle - upper_angle),
        wrist=_wrap(hand_angle - fore_angle),
        abduction=0.0,
    )


def _page_angle(a: Point, b: Point) -> float:
    """The direction from a to b, in degrees from straight down towards the right."""
    return math.degrees(math.atan2(b[0] - a[0], b[1] - a[1]))


def _wrap(degrees: float) -> float:
    """An angle in (-180, 180]."""
    wrapped = (degrees + 180) % 360 - 180
    return 180.0 if wrapped == -180 else wrapped
