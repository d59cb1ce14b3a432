"""Placing a pose: resting on a surface, a hand solved onto a prop, a part held at x."""

from __future__ import annotations

import pytest

from calculators.figure import load_poses
from calculators.figure.checks import TOUCH_TOLERANCE
from calculators.figure.model import Limb
from calculators.figure.pose import ExercisePose, gap, place
from calculators.figure.props import FLOOR_Y


def _exercise(props: list[dict[str, object]], start: dict[str, object]) -> ExercisePose:
    entry = {"view": "side", "props": props, "moving": ["trunk"], "start": start, "end": start}
    return load_poses({"probe": entry})["probe"]


def test_rest_lowers_the_hips_onto_the_seat() -> None:
    """A seated pose rests its hips on the seat, whatever height FK left them at."""
    exercise = _exercise(
        [{"kind": "chair", "x": 60}],
        {"x": 46, "rest": {"hips": "chair.seat"}, "legs": {"hip": 90, "knee": 90}},
    )
    placed = place(exercise.start, exercise.view, exercise.props)
    assert gap(placed.skeleton, "hips", placed.surfaces["chair.seat"]) == pytest.approx(0)
    assert placed.skeleton.pelvis[0] == pytest.approx(46)


def test_x_at_holds_a_heel_in_place() -> None:
    """With x_at, the named part (not the pelvis) is put at x."""
    exercise = _exercise(
        [],
        {"x": 62, "x_at": "right_heel", "rest": {"right_foot": "floor"}, "trunk": 35,
         "legs": {"hip": 95, "knee": 85, "ankle": 25}},
    )  # fmt: skip
    placed = place(exercise.start, exercise.view, exercise.props)
    heel = placed.skeleton.limbs[Limb.RIGHT_LEG][3]
    assert heel[0] == pytest.approx(62)
    assert heel[1] == pytest.approx(FLOOR_Y - 1)
    assert placed.skeleton.pelvis[0] < 62  # a squat sits back behind the heels


@pytest.mark.parametrize(
    ("prop", "surface", "x"),
    [
        ({"kind": "counter", "x": 82}, "counter.top", 70),
        ({"kind": "wall", "x": 86, "facing": "left"}, "wall.face", 55),
        ({"kind": "chair", "x": 90, "facing": "right"}, "chair.top", 55),
    ],
)
def test_a_reaching_hand_lies_on_its_surface(
    prop: dict[str, object], surface: str, x: float
) -> None:
    """The solved arm puts the palm on the prop with the elbow bending the human way."""
    exercise = _exercise(
        [prop], {"x": x, "rest": {"right_foot": "floor"}, "arms": {"reach": surface}}
    )
    placed = place(exercise.start, exercise.view, exercise.props)
    assert gap(placed.skeleton, "right_hand", placed.surfaces[surface]) <= TOUCH_TOLERANCE / 4
    assert 0 <= placed.angles.right_arm.elbow <= 150


def test_an_arm_too_short_to_reach_is_left_short() -> None:
    """A prop out of reach is not reached by stretching: the arm points at it, short of it."""
    exercise = _exercise(
        [{"kind": "counter", "x": 120}],
        {"x": 40, "rest": {"right_foot": "floor"}, "arms": {"reach": "counter.top"}},
    )
    placed = place(exercise.start, exercise.view, exercise.props)
    assert gap(placed.skeleton, "right_hand", placed.surfaces["counter.top"]) > TOUCH_TOLERANCE
    assert placed.angles.right_arm.elbow == pytest.approx(0, abs=0.1)


def test_resting_on_a_wall_keeps_the_figure_on_its_open_side() -> None:
    """A back resting on a wall that faces right puts the figure to the right of it."""
    exercise = _exercise(
        [{"kind": "wall", "x": 30}],
        {"rest": {"right_foot": "floor", "back": "wall.face"}, "trunk": -12, "neck": 12,
         "legs": {"ankle": -12}},
    )  # fmt: skip
    placed = place(exercise.start, exercise.view, exercise.props)
    assert min(x for x, _ in placed.skeleton.all_points()) >= 30 - 0.5
    assert gap(placed.skeleton, "back", placed.surfaces["wall.face"]) == pytest.approx(0, abs=0.1)
