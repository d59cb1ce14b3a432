"""A jointed person posed by joint angles; forward kinematics gives the points to draw.

One model, two views: the joints are placed in three dimensions (forward, up, the figure's
left) and projected onto the page, from the figure's right side (it faces right) or from the
front. Segment lengths are fixed fractions of standing height, so every drawing has the
proportions of a real adult and no pose can stretch a limb.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import StrEnum

Point = tuple[float, float]
Vector = tuple[float, float, float]  # forward, up, the figure's left

# Standing height in frame units: every length below is a fraction of it.
HEIGHT = 100.0
# How far the head's centre is forward of the neck's line, as a share of its radius.
HEAD_FORWARD = 0.7


class View(StrEnum):
    """Where the reader stands: at the figure's right side (it faces right) or in front."""

    SIDE = "side"
    FRONT = "front"


class Limb(StrEnum):
    """The four limbs; in side view the right ones are nearer the reader."""

    LEFT_ARM = "left_arm"
    RIGHT_ARM = "right_arm"
    LEFT_LEG = "left_leg"
    RIGHT_LEG = "right_leg"

    @property
    def is_arm(self) -> bool:
        """Whether this is an arm."""
        return self in {Limb.LEFT_ARM, Limb.RIGHT_ARM}

    @property
    def side(self) -> int:
        """+1 for a left limb, -1 for a right one (the figure's left is +lateral)."""
        return 1 if self in {Limb.LEFT_ARM, Limb.LEFT_LEG} else -1


class BodyPart(StrEnum):
    """What can be emphasised as moving."""

    HEAD = "head"
    TRUNK = "trunk"
    LEFT_ARM = "left_arm"
    RIGHT_ARM = "right_arm"
    LEFT_LEG = "left_leg"
    RIGHT_LEG = "right_leg"


@dataclass(frozen=True)
class Segments:
    """Segment lengths as fractions of standing height.

    After Drillis, Contini and Bluestein (1964), the ratios drawn in Winter, *Biomechanics and
    Motor Control of Human Movement* (fig. 4.1): shoulder at 0.818 H, hip 0.530, knee 0.285,
    ankle 0.039, chin 0.870; upper arm 0.186, forearm 0.146, hand 0.108, foot 0.152; shoulder
    width 0.259 and hip width 0.191 (joint centres drawn a little inside those).
    """

    head_diameter: float = 0.130
    neck: float = 0.052
    trunk: float = 0.288
    upper_arm: float = 0.186
    forearm: float = 0.146
    hand: float = 0.108
    thigh: float = 0.245
    shin: float = 0.246
    ankle_height: float = 0.039
    foot: float = 0.152
    heel_behind_ankle: float = 0.035
    shoulder_half_width: float = 0.100
    hip_half_width: float = 0.055
    # Where the spine bends, as a share of the trunk from the hips up (lumbar below, thoracic
    # above).
    spine_bend_at: float = 0.45

    def length(self, name: str) -> float:
        """A segment's length in frame units."""
        value: float = getattr(self, name)
        return value * HEIGHT


ADULT = Segments()


class Joint(StrEnum):
    """Every angle a pose sets, in degrees; names say the positive direction."""

    TRUNK = "trunk"  # whole-body pitch: forward lean from upright (side view)
    SIDE_LEAN = "side_lean"  # whole-body roll towards the figure's left (front view)
    SPINE = "spine"  # flexion of the upper trunk on the lower
    TWIST = "twist"  # the upper body turned towards the figure's left about the upright axis
    NECK = "neck"  # flexion of the head on the trunk
    SHOULDER = "shoulder"  # flexion: the arm forward and up
    SHOULDER_ABDUCTION = "shoulder_abduction"  # the arm out to the side
    SHOULDER_ROTATION = "shoulder_rotation"  # external: a bent elbow's forearm turns up and out
    ELBOW = "elbow"  # flexion
    WRIST = "wrist"  # extension: the back of the hand towards the forearm, as on a wall
    HIP = "hip"  # flexion: the thigh forward and up
    HIP_ABDUCTION = "hip_abduction"  # the leg out to the side
    KNEE = "knee"  # flexion
    ANKLE = "ankle"  # dorsiflexion: toes up (plantarflexion negative)


@dataclass(frozen=True)
class Range:
    """An allowed span of a joint angle, in degrees."""

    low: float
    high: float

    def __contains__(self, value: object) -> bool:
        return isinstance(value, int | float) and self.low <= value <= self.high


# Human ranges of motion, rounded outwards from the AAOS normal values (Greene and Heckman,
# 1994) so that no ordinary exercise is refused. The trunk's pitch is the whole body's
# orientation, not a joint (lying on the back is -90; a bridge lifts the hips past it).
HUMAN_RANGE: dict[Joint, Range] = {
    Joint.TRUNK: Range(-135, 135),
    Joint.SIDE_LEAN: Range(-40, 40),
    Joint.SPINE: Range(-30, 80),
    Joint.TWIST: Range(-45, 45),
    Joint.NECK: Range(-60, 60),
    Joint.SHOULDER: Range(-60, 180),
    Joint.SHOULDER_ABDUCTION: Range(-10, 180),
    Joint.SHOULDER_ROTATION: Range(-70, 90),
    Joint.ELBOW: Range(0, 150),
    # Extension past AAOS's 70: a palm flat on a wall or the floor bears about 90.
    Joint.WRIST: Range(-80, 95),
    Joint.HIP: Range(-30, 125),
    Joint.HIP_ABDUCTION: Range(-20, 45),
    Joint.KNEE: Range(0, 140),
    Joint.ANKLE: Range(-50, 30),
}


@dataclass(frozen=True)
class ArmAngles:
    """One arm's joint angles (degrees)."""

    shoulder: float = 0.0
    elbow: float = 0.0
    wrist: float = 0.0
    abduction: float = 0.0
    rotation: float = 0.0  # 0 keeps the elbow bending in the arm's own plane (see pose_skeleton)

    def by_joint(self) -> dict[Joint, float]:
        """The angles keyed by joint, for the range checks."""
        return {
            Joint.SHOULDER: self.shoulder,
            Joint.ELBOW: self.elbow,
            Joint.WRIST: self.wrist,
            Joint.SHOULDER_ABDUCTION: self.abduction,
            Joint.SHOULDER_ROTATION: self.rotation,
        }


@dataclass(frozen=True)
class LegAngles:
    """One leg's joint angles (degrees)."""

    hip: float = 0.0
    knee: float = 0.0
    ankle: float = 0.0
    abduction: float = 0.0

    def by_joint(self) -> dict[Joint, float]:
        """The angles keyed by joint, for the range checks."""
        return {
            Joint.HIP: self.hip,
            Joint.KNEE: self.knee,
            Joint.ANKLE: self.ankle,
            Joint.HIP_ABDUCTION: self.abduction,
        }


@dataclass(frozen=True)
class Angles:
    """A whole posture: the body's orientation and every joint's angle."""

    trunk: float = 0.0
    side_lean: float = 0.0
    spine: float = 0.0
    neck: float = 0.0
    twist: float = 0.0
    left_arm: ArmAngles = field(default_factory=ArmAngles)
    right_arm: ArmAngles = field(default_factory=ArmAngles)
    left_leg: LegAngles = field(default_factory=LegAngles)
    right_leg: LegAngles = field(default_factory=LegAngles)

    def limb(self, limb: Limb) -> ArmAngles | LegAngles:
        """One limb's angles."""
        value: ArmAngles | LegAngles = getattr(self, limb.value)
        return value

    def all_angles(self) -> list[tuple[str, Joint, float]]:
        """Every angle as (where, joint, degrees); `where` is the limb or 'body'."""
        body = [
            ("body", Joint.TRUNK, self.trunk),
            ("body", Joint.SIDE_LEAN, self.side_lean),
            ("body", Joint.SPINE, self.spine),
            ("body", Joint.TWIST, self.twist),
            ("body", Joint.NECK, self.neck),
        ]
        limbs = [
            (limb.value, joint, value)
            for limb in Limb
            for joint, value in self.limb(limb).by_joint().items()
        ]
        return body + limbs


@dataclass(frozen=True)
class Skeleton:
    """The posed figure's points on the page (y downwards), before it is placed in the frame."""

    head_centre: Point
    head_radius: float
    chin: Point
    shoulders: dict[Limb, Point]  # the arm limbs' shoulder joints
    spine_bend: Point
    hips: dict[Limb, Point]  # the leg limbs' hip joints
    pelvis: Point  # midway between the hip joints: the pose's reference point
    neck_base: Point  # midway between the shoulders
    limbs: dict[Limb, tuple[Point, ...]]  # arm: shoulder, elbow, wrist, fingertips;
    # leg: hip, knee, ankle, heel, toe
    lengths: dict[str, float] = field(default_factory=dict)  # each segment, measured in 3-D

    def moved(self, dx: float, dy: float) -> Skeleton:
        """The same skeleton shifted on the page."""

        def move(point: Point) -> Point:
            return (point[0] + dx, point[1] + dy)

        return Skeleton(
            head_centre=move(self.head_centre),
            head_radius=self.head_radius,
            chin=move(self.chin),
            shoulders={k: move(p) for k, p in self.shoulders.items()},
            spine_bend=move(self.spine_bend),
            hips={k: move(p) for k, p in self.hips.items()},
            pelvis=move(self.pelvis),
            neck_base=move(self.neck_base),
            limbs={k: tuple(move(p) for p in ps) for k, ps in self.limbs.items()},
            lengths=self.lengths,
        )

    def all_points(self) -> list[Point]:
        """Every drawn point, the head's extremes included."""
        x, y = self.head_centre
        r = self.head_radius
        head = [(x - r, y), (x + r, y), (x, y - r), (x, y + r)]
        return [*head, self.chin, self.spine_bend, self.pelvis, self.neck_base] + [
            point for points in self.limbs.values() for point in points
        ]


# ---------------------------------------------------------------- vector helpers


def _add(a: Vector, b: Vector) -> Vector:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def _scale(v: Vector, k: float) -> Vector:
    return (v[0] * k, v[1] * k, v[2] * k)


def _pitch(v: Vector, degrees: float, about: Vector = (0.0, 0.0, 0.0)) -> Vector:
    """Rotate forward (the top towards +forward) about the lateral axis through `about`."""
    a = math.radians(degrees)
    f, u = v[0] - about[0], v[1] - about[1]
    return (
        about[0] + f * math.cos(a) + u * math.sin(a),
        about[1] - f * math.sin(a) + u * math.cos(a),
        v[2],
    )


def _roll(v: Vector, degrees: float) -> Vector:
    """Rotate the top towards the figure's left about the forward axis through the origin."""
    a = math.radians(degrees)
    u, lat = v[1], v[2]
    return (v[0], u * math.cos(a) - lat * math.sin(a), u * math.sin(a) + lat * math.cos(a))


def _limb_direction(sagittal: float, abduction: float, side: int) -> Vector:
    """A segment's direction in the trunk's frame.

    The limb is first turned out to the side by `abduction`, then swung forward by `sagittal`
    (its angle from straight down) about the side-to-side axis: so a flexed limb keeps its
    abduction (a seated reader's knees apart, arms raised forward and opened).
    """
    s, a = math.radians(sagittal), math.radians(abduction)
    return (math.cos(a) * math.sin(s), -math.cos(a) * math.cos(s), side * math.sin(a))


def _arm_chain(arm: ArmAngles, side: int, root: Vector, body: Segments) -> list[Vector]:
    """Shoulder, elbow, wrist and fingertips of an arm in the upright trunk's frame."""
    upper_angle = arm.shoulder
    fore = upper_angle + arm.elbow
    hand = fore + arm.wrist
    upper_dir = _limb_direction(upper_angle, arm.abduction, side)
    if arm.rotation:
        fore_dir = _bent(upper_dir, arm.elbow, arm.rotation * side)
        hand_dir = _bent(upper_dir, arm.elbow + arm.wrist, arm.rotation * side)
    else:
        fore_dir = _limb_direction(fore, arm.abduction, side)
        hand_dir = _limb_direction(hand, arm.abduction, side)
    return _chain(
        root,
        [
            (body.length("upper_arm"), upper_dir),
            (body.length("forearm"), fore_dir),
            (body.length("hand"), hand_dir),
        ],
    )


def _twist(v: Vector, degrees: float) -> Vector:
    """Turn about the upright axis through the pelvis, forward towards the figure's left."""
    a = math.radians(degrees)
    f, lat = v[0], v[2]
    return (f * math.cos(a) - lat * math.sin(a), v[1], f * math.sin(a) + lat * math.cos(a))


def _bent(upper: Vector, flexion: float, rotation: float) -> Vector:
    """A segment bent `flexion` degrees from the upper arm, in a plane turned by `rotation`.

    With no rotation the bend is towards the front (the forearm comes forward); turned by 90°
    (external rotation) a bent forearm stands up, as on a wall in a chest stretch.
    """
    ahead = (1.0, 0.0, 0.0)
    along = sum(a * b for a, b in zip(ahead, upper, strict=True))
    bend = _add(ahead, _scale(upper, -along))
    norm = math.sqrt(sum(c * c for c in bend)) or 1.0
    bend = _scale(bend, 1 / norm)
    r = math.radians(rotation)
    cross = (
        upper[1] * bend[2] - upper[2] * bend[1],
        upper[2] * bend[0] - upper[0] * bend[2],
        upper[0] * bend[1] - upper[1] * bend[0],
    )
    turned = _add(_scale(bend, math.cos(r)), _scale(cross, math.sin(r)))
    f = math.radians(flexion)
    return _add(_scale(upper, math.cos(f)), _scale(turned, math.sin(f)))


def _chain(start: Vector, steps: list[tuple[float, Vector]]) -> list[Vector]:
    points = [start]
    for length, direction in steps:
        points.append(_add(points[-1], _scale(direction, length)))
    return points


def pose_skeleton(angles: Angles, view: View, body: Segments = ADULT) -> Skeleton:
    """Forward kinematics: the posed figure's points on the page, pelvis at (0, 0).

    Built upright in the trunk's frame, then the upper body is bent at the spine, the whole
    body pitched and rolled about the pelvis, and the result projected for the view.
    """
    trunk = body.length("trunk")
    bend_height = trunk * body.spine_bend_at
    bend: Vector = (0.0, bend_height, 0.0)
    neck_base: Vector = (0.0, trunk, 0.0)

    def upper(v: Vector) -> Vector:  # the upper body turns on the pelvis, bends at the spine
        return _pitch(_twist(v, angles.twist), angles.spine, about=bend)

    head_radius = body.length("head_diameter") / 2
    neck_dir = _limb_direction(180 - angles.neck, 0, 1)  # flexion tips the head forward
    chin = _add(neck_base, _scale(neck_dir, body.length("neck")))
    # The skull sits forward of the neck's line: the back of the head is nearly in line with
    # the upper back, which is what rests on a wall or a mat.
    face_dir = _limb_direction(90 - angles.neck, 0, 1)
    head_centre = _add(
        _add(chin, _scale(neck_dir, head_radius)), _scale(face_dir, head_radius * HEAD_FORWARD)
    )

    points3: dict[str, Vector] = {
        "chin": upper(chin),
        "head": upper(head_centre),
        "bend": bend,
        "neck_base": upper(neck_base),
    }
    limbs3: dict[Limb, list[Vector]] = {}
    for limb in Limb:
        side = limb.side
        if limb.is_arm:
            arm = angles.left_arm if limb is Limb.LEFT_ARM else angles.right_arm
            root = (0.0, trunk, side * body.length("shoulder_half_width"))
            chain = _arm_chain(arm, side, root, body)
            limbs3[limb] = [upper(p) for p in chain]
        else:
            leg = angles.left_leg if limb is Limb.LEFT_LEG else angles.right_leg
            root = (0.0, 0.0, side * body.length("hip_half_width"))
            thigh = leg.hip
            shin = thigh - leg.knee
            chain = _chain(
                root,
                [
                    (body.length("thigh"), _limb_direction(thigh, leg.abduction, side)),
                    (body.length("shin"), _limb_direction(shin, leg.abduction, side)),
                ],
            )
            ankle = chain[-1]
            sole_down = _limb_direction(shin, leg.abduction, side)
            foot_forward = _limb_direction(shin + 90 + leg.ankle, leg.abduction, side)
            sole = _add(ankle, _scale(sole_down, body.length("ankle_height")))
            heel = _add(sole, _scale(foot_forward, -body.length("heel_behind_ankle")))
            toe = _add(heel, _scale(foot_forward, body.length("foot")))
            limbs3[limb] = [*chain, heel, toe]

    lengths = {"trunk": math.dist(bend, points3["neck_base"]) + math.dist((0.0, 0.0, 0.0), bend)}
    lengths["neck"] = math.dist(points3["neck_base"], points3["chin"])
    for limb, chain3 in limbs3.items():
        names = ("upper_arm", "forearm", "hand") if limb.is_arm else ("thigh", "shin")
        for name, a, b in zip(names, chain3, chain3[1:], strict=False):
            lengths[f"{limb.value}.{name}"] = math.dist(a, b)
        if not limb.is_arm:
            lengths[f"{limb.value}.foot"] = math.dist(chain3[3], chain3[4])

    def place(v: Vector) -> Point:
        turned = _roll(_pitch(v, angles.trunk), angles.side_lean)
        if view is View.SIDE:
            return (turned[0], -turned[1])
        return (turned[2], -turned[1])

    limbs = {limb: tuple(place(p) for p in points) for limb, points in limbs3.items()}
    shoulders = {limb: limbs[limb][0] for limb in (Limb.LEFT_ARM, Limb.RIGHT_ARM)}
    hips = {limb: limbs[limb][0] for limb in (Limb.LEFT_LEG, Limb.RIGHT_LEG)}
    return Skeleton(
        head_centre=place(points3["head"]),
        head_radius=head_radius,
        chin=place(points3["chin"]),
        shoulders=shoulders,
        spine_bend=place(points3["bend"]),
        hips=hips,
        pelvis=place((0.0, 0.0, 0.0)),
        neck_base=place(points3["neck_base"]),
        limbs=limbs,
        lengths=lengths,
    )
