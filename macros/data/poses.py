"""The schema of data/poses.yml: how each exercise is drawn, every angle in its human range.

The drawing program itself (and the checks that need it) is `calculators.figure`; this schema
only keeps what a file may say to shapes and ranges it can name in a message.
"""

from __future__ import annotations

import enum
from typing import Annotated, Self

from pydantic import AfterValidator, Field, StrictBool, StrictInt, StrictStr, model_validator

from calculators.figure.model import HUMAN_RANGE, BodyPart, Joint, View
from calculators.figure.pose import BODY_PARTS
from calculators.figure.props import PropKind
from macros.data.fields import _Model

Number = Annotated[float, Field(strict=True)]


def _joint_range(joint: Joint) -> AfterValidator:
    """A validator keeping an angle inside the joint's human range (calculators/figure)."""
    allowed = HUMAN_RANGE[joint]

    def check(value: float) -> float:
        if value not in allowed:
            message = (
                f"{value:g}° is outside the human range of the {joint.value.replace('_', ' ')}; "
                f"allowed: {allowed.low:g} to {allowed.high:g}"
            )
            raise ValueError(message)
        return value

    return AfterValidator(check)


TrunkAngle = Annotated[Number, _joint_range(Joint.TRUNK)]
SideLeanAngle = Annotated[Number, _joint_range(Joint.SIDE_LEAN)]
SpineAngle = Annotated[Number, _joint_range(Joint.SPINE)]
TwistAngle = Annotated[Number, _joint_range(Joint.TWIST)]
ShoulderRotationAngle = Annotated[Number, _joint_range(Joint.SHOULDER_ROTATION)]
NeckAngle = Annotated[Number, _joint_range(Joint.NECK)]
ShoulderAngle = Annotated[Number, _joint_range(Joint.SHOULDER)]
ShoulderAbductionAngle = Annotated[Number, _joint_range(Joint.SHOULDER_ABDUCTION)]
ElbowAngle = Annotated[Number, _joint_range(Joint.ELBOW)]
WristAngle = Annotated[Number, _joint_range(Joint.WRIST)]
HipAngle = Annotated[Number, _joint_range(Joint.HIP)]
HipAbductionAngle = Annotated[Number, _joint_range(Joint.HIP_ABDUCTION)]
KneeAngle = Annotated[Number, _joint_range(Joint.KNEE)]
AnkleAngle = Annotated[Number, _joint_range(Joint.ANKLE)]


# Where a surface name is checked against the drawing's props happens in the figure checks; here
# it must at least look like one ("floor" or "prop.surface").
SurfaceName = Annotated[StrictStr, Field(pattern=r"^(floor|[a-z]+\.[a-z]+)$")]


def _known_part(value: str) -> str:
    """A body part that can rest on or touch a surface."""
    if value not in BODY_PARTS:
        message = f"{value!r} is not a body part; allowed: {', '.join(BODY_PARTS)}"
        raise ValueError(message)
    return value


BodyPartName = Annotated[StrictStr, AfterValidator(_known_part)]
Attach = Annotated[StrictStr, Field(pattern=r"^(hands|knees|hips|(left|right)_(hand|foot|knee))$")]


class Foot(enum.StrEnum):
    """A foot an exercise lifts."""

    LEFT = "left_foot"
    RIGHT = "right_foot"


class Facing(enum.StrEnum):
    """Which way a prop faces."""

    LEFT = "left"
    RIGHT = "right"


class PoseProp(_Model):
    """A prop of a drawing and where it stands (calculators/figure/props.py)."""

    kind: PropKind
    x: Number = 0.0
    facing: Facing = Facing.RIGHT
    arms: StrictBool = False
    beside: StrictBool = False
    width: Annotated[Number, Field(gt=0)] | None = None
    attach: tuple[Attach, ...] = ()
    pad: tuple[Number, Number] | None = None
    rise: Number = 0.0
    count: Annotated[StrictInt, Field(ge=1, le=4)] = 1


class ArmPose(_Model):
    """One arm: its angles, or the surface its hand reaches (the angles are then solved)."""

    shoulder: ShoulderAngle = 0.0
    elbow: ElbowAngle = 0.0
    wrist: WristAngle = 0.0
    abduction: ShoulderAbductionAngle = 0.0
    rotation: ShoulderRotationAngle = 0.0
    reach: SurfaceName | None = None

    @model_validator(mode="after")
    def _reach_or_angles(self) -> Self:
        """A reaching arm is solved: it takes no angles."""
        if self.reach is not None and self.model_fields_set - {"reach"}:
            message = "give either 'reach' or the arm's angles, not both"
            raise ValueError(message)
        return self


class LegPose(_Model):
    """One leg's angles."""

    hip: HipAngle = 0.0
    knee: KneeAngle = 0.0
    ankle: AnkleAngle = 0.0
    abduction: HipAbductionAngle = 0.0


class PosePosition(_Model):
    """The start or end position of a drawing."""

    x: Number | None = None
    x_at: BodyPartName = "hips"
    rest: dict[BodyPartName, SurfaceName] = Field(min_length=1)
    trunk: TrunkAngle = 0.0
    side_lean: SideLeanAngle = 0.0
    spine: SpineAngle = 0.0
    neck: NeckAngle = 0.0
    twist: TwistAngle = 0.0
    arms: ArmPose | None = None
    left_arm: ArmPose | None = None
    right_arm: ArmPose | None = None
    legs: LegPose | None = None
    left_leg: LegPose | None = None
    right_leg: LegPose | None = None
    touch: dict[BodyPartName, SurfaceName] = Field(default_factory=dict)


class ExercisePoses(_Model):
    """One entry of data/poses.yml: how an exercise is drawn."""

    view: View
    props: tuple[PoseProp, ...] = ()
    moving: tuple[BodyPart, ...] = Field(min_length=1)
    lifted: tuple[Foot, ...] = ()
    start: PosePosition
    end: PosePosition
