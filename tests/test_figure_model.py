"""The figure model: adult proportions, forward kinematics and the human ranges."""

from __future__ import annotations

import math

import pytest

from calculators.figure.model import (
    ADULT,
    HEIGHT,
    HUMAN_RANGE,
    Angles,
    ArmAngles,
    Joint,
    LegAngles,
    Limb,
    View,
    pose_skeleton,
)


def test_standing_figure_is_its_height() -> None:
    """Upright, the head's top is one standing height above the soles."""
    skeleton = pose_skeleton(Angles(), View.SIDE)
    top = skeleton.head_centre[1] - skeleton.head_radius
    sole = skeleton.limbs[Limb.RIGHT_LEG][3][1]
    assert sole - top == pytest.approx(HEIGHT, abs=0.5)


@pytest.mark.parametrize(
    ("fraction", "where"),
    [(0.530, "hip"), (0.285, "knee"), (0.818, "shoulder")],
)
def test_joint_heights_follow_anthropometry(fraction: float, where: str) -> None:
    """Hip, knee and shoulder stand at Drillis and Contini's fractions of height."""
    skeleton = pose_skeleton(Angles(), View.SIDE)
    sole = skeleton.limbs[Limb.RIGHT_LEG][3][1]
    point = {
        "hip": skeleton.pelvis,
        "knee": skeleton.limbs[Limb.RIGHT_LEG][1],
        "shoulder": skeleton.shoulders[Limb.RIGHT_ARM],
    }[where]
    assert sole - point[1] == pytest.approx(fraction * HEIGHT, abs=0.5)


def test_hip_flexion_brings_the_thigh_forward() -> None:
    """Hip flexion of 90 degrees puts the thigh level, pointing the way the figure faces."""
    angles = Angles(right_leg=LegAngles(hip=90))
    skeleton = pose_skeleton(angles, View.SIDE)
    hip, knee = skeleton.limbs[Limb.RIGHT_LEG][:2]
    assert knee[0] - hip[0] == pytest.approx(ADULT.length("thigh"))
    assert knee[1] == pytest.approx(hip[1])


def test_lying_on_the_back_puts_the_head_behind() -> None:
    """A trunk pitched back 90 degrees lies level, head to the left of the pelvis."""
    skeleton = pose_skeleton(Angles(trunk=-90), View.SIDE)
    assert skeleton.head_centre[0] < skeleton.pelvis[0]
    assert skeleton.neck_base[1] == pytest.approx(skeleton.pelvis[1])


def test_front_view_puts_the_left_side_on_the_right() -> None:
    """Facing the reader, the figure's left hand is on the right of the picture."""
    skeleton = pose_skeleton(Angles(), View.FRONT)
    assert skeleton.limbs[Limb.LEFT_ARM][2][0] > skeleton.limbs[Limb.RIGHT_ARM][2][0]


def test_segment_lengths_never_change() -> None:
    """However the figure is posed, every segment keeps its length in three dimensions."""
    angles = Angles(
        trunk=30,
        side_lean=10,
        spine=40,
        neck=20,
        twist=-30,
        left_arm=ArmAngles(shoulder=120, elbow=90, wrist=30, abduction=40),
        right_arm=ArmAngles(abduction=90, elbow=90, rotation=60),
        right_leg=LegAngles(hip=80, knee=100, ankle=-20, abduction=20),
    )
    for view in View:
        for name, length in pose_skeleton(angles, view).lengths.items():
            assert length == pytest.approx(ADULT.length(name.rpartition(".")[2])), name


@pytest.mark.parametrize("limb", [Limb.LEFT_ARM, Limb.RIGHT_ARM])
def test_external_rotation_stands_a_bent_forearm_up(limb: Limb) -> None:
    """Arm out to the side, elbow bent and turned out 90 degrees: the forearm points up."""
    arm = ArmAngles(abduction=90, elbow=90, rotation=90)
    angles = Angles(**{limb.value: arm})
    shoulder, elbow, wrist, _ = pose_skeleton(angles, View.FRONT).limbs[limb]
    assert elbow[1] == pytest.approx(shoulder[1])
    assert wrist[0] == pytest.approx(elbow[0])
    assert elbow[1] - wrist[1] == pytest.approx(ADULT.length("forearm"))


def test_twist_turns_the_shoulders_not_the_hips() -> None:
    """Turning the upper body narrows the shoulders seen from the front; the hips stay."""
    square = pose_skeleton(Angles(), View.FRONT)
    turned = pose_skeleton(Angles(twist=-35), View.FRONT)

    def width(skeleton: object, joints: str) -> float:
        left, right = getattr(skeleton, joints).values()
        return abs(left[0] - right[0])

    assert width(turned, "shoulders") < width(square, "shoulders")
    assert width(turned, "hips") == pytest.approx(width(square, "hips"))


def test_every_joint_has_a_human_range() -> None:
    """The range table covers every joint, each range low to high and including zero."""
    assert set(HUMAN_RANGE) == set(Joint)
    for allowed in HUMAN_RANGE.values():
        assert allowed.low < 0 or allowed.low == 0
        assert 0 in allowed
        assert math.isfinite(allowed.high)
