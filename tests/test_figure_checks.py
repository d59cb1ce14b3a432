"""Every program check of a drawing passes on a good pose and fails, naming where, on a bad one."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest

from calculators.exercises import Equipment, Position, Support
from calculators.figure import load_poses
from calculators.figure.checks import (
    CHECKS,
    ExerciseFacts,
    Problem,
    Scene,
    check_exercise,
    claimed_contacts,
    feet_down,
    holds_support,
    inside_frame,
    joint_ranges,
    no_collisions,
    position_agrees,
    props_match_equipment,
    seated_on_seat,
    segment_lengths,
    start_differs_from_end,
)
from calculators.figure.pose import place

# A seated march: the reader sits near the front of a chair holding the seat, one knee lifts.
SEATED: dict[str, Any] = {
    "view": "side",
    "props": [{"kind": "chair", "x": 60}],
    "moving": ["right_leg"],
    "start": {
        "x": 46,
        "rest": {"hips": "chair.seat"},
        "legs": {"hip": 90, "knee": 90},
        "arms": {"reach": "chair.seat"},
        "touch": {"left_foot": "floor", "right_foot": "floor"},
    },
    "end": {
        "x": 46,
        "rest": {"hips": "chair.seat"},
        "legs": {"hip": 90, "knee": 90},
        "right_leg": {"hip": 110, "knee": 95},
        "arms": {"reach": "chair.seat"},
        "touch": {"left_foot": "floor"},
    },
}
SEATED_FACTS = ExerciseFacts(Position.SEATED, Support.CHAIR, frozenset({Equipment.CHAIR}))

Mutation = Callable[[dict[str, Any]], None]


def _scene(entry: dict[str, Any]) -> Scene:
    exercise = load_poses({"probe": entry})["probe"]
    placed = {
        which: place(getattr(exercise, which), exercise.view, exercise.props)
        for which in ("start", "end")
    }
    return Scene(exercise, placed)


def _mutated(mutation: Mutation) -> dict[str, Any]:
    entry = copy.deepcopy(SEATED)
    mutation(entry)
    return entry


def _standing(entry: dict[str, Any]) -> None:
    """Both positions standing beside the chair, holding nothing."""
    for which in ("start", "end"):
        entry[which] = {"x": 90, "rest": {"right_foot": "floor"}, "touch": {"left_foot": "floor"}}
    entry["end"]["arms"] = {"shoulder": 90}
    entry["moving"] = ["left_arm", "right_arm"]


def test_the_good_pose_passes_every_check() -> None:
    """The seated march as drawn passes all the checks."""
    assert check_exercise(load_poses({"probe": SEATED})["probe"], SEATED_FACTS) == []


def test_every_check_is_tested_below() -> None:
    """Each check in the table has a failing case in this file."""
    tested = {case.values[0] for case in BAD_CASES}  # type: ignore[attr-defined]
    assert tested == set(CHECKS)


def _set(which: str, key: str, value: object) -> Mutation:
    return lambda entry: entry[which].__setitem__(key, value)


BAD_CASES = [
    pytest.param(
        joint_ranges,
        _set("start", "right_leg", {"hip": 90, "knee": 160}),
        SEATED_FACTS,
        ("start", "right_leg.knee", "160° is outside the human range; allowed: 0° to 140°"),
        id="knee-bent-past-its-range",
    ),
    pytest.param(
        inside_frame,
        _set("end", "x", 135),
        None,
        ("end", "x", "the figure leaves the frame"),
        id="figure-outside-the-frame",
    ),
    pytest.param(
        no_collisions,
        lambda entry: entry["props"].append({"kind": "wall", "x": 50}),
        None,
        ("start", "", "the figure goes through the wall"),
        id="figure-through-a-wall",
    ),
    pytest.param(
        no_collisions,
        lambda entry: entry["start"].update(x=34, trunk=-20),
        None,
        ("start", "", "the figure goes through the chair back"),
        id="leaning-through-the-backrest",
    ),
    pytest.param(
        no_collisions,
        _set("start", "legs", {"hip": 75, "knee": 75}),
        None,
        ("start", "", "the figure goes through the floor"),
        id="feet-through-the-floor",
    ),
    pytest.param(
        claimed_contacts,
        _set("end", "touch", {"left_foot": "floor", "right_hand": "chair.top"}),
        None,
        ("end", "right_hand", "units from chair.top; it must touch it"),
        id="hand-said-to-hold-the-chair-back-does-not",
    ),
    pytest.param(
        feet_down,
        _set("end", "left_leg", {"hip": 110, "knee": 95}),
        None,
        ("end", "left_foot", "is off the floor, step and mat"),
        id="foot-in-the-air-without-moving",
    ),
    pytest.param(
        seated_on_seat,
        _standing,
        SEATED_FACTS,
        ("start", "hips", "a seated exercise starts with the hips on a seat"),
        id="seated-exercise-drawn-standing",
    ),
    pytest.param(
        holds_support,
        _standing,
        ExerciseFacts(Position.STANDING_SUPPORTED, Support.CHAIR, frozenset({Equipment.CHAIR})),
        ("start", "touch", "the exercise's support is the chair"),
        id="supported-exercise-holding-nothing",
    ),
    pytest.param(
        holds_support,
        lambda entry: (
            _standing(entry),
            entry["props"].append({"kind": "wall", "x": 5, "beside": True, "width": 20}),
        ),
        ExerciseFacts(
            Position.STANDING_UNSUPPORTED,
            Support.WALL,
            frozenset({Equipment.CHAIR, Equipment.WALL}),
        ),
        ("start", "touch", "the exercise keeps the wall within reach, but no hand is within"),
        id="unsupported-walk-with-the-wall-out-of-reach",
    ),
    pytest.param(
        position_agrees,
        lambda entry: None,
        ExerciseFacts(Position.STANDING_UNSUPPORTED, Support.NONE, frozenset({Equipment.CHAIR})),
        ("start", "touch", "a hand holds on, but the exercise is unsupported"),
        id="unsupported-exercise-holding-on",
    ),
    pytest.param(
        position_agrees,
        lambda entry: None,
        ExerciseFacts(Position.FLOOR, Support.NONE, frozenset({Equipment.CHAIR})),
        ("start", "rest", "a floor exercise has the body on the floor or mat"),
        id="floor-exercise-drawn-seated",
    ),
    pytest.param(
        props_match_equipment,
        lambda entry: None,
        ExerciseFacts(
            Position.SEATED, Support.CHAIR, frozenset({Equipment.CHAIR, Equipment.DUMBBELLS})
        ),
        ("", "props", "the exercise needs a dumbbells; draw it"),
        id="equipment-not-drawn",
    ),
    pytest.param(
        props_match_equipment,
        lambda entry: entry["props"].append({"kind": "step", "x": 100}),
        SEATED_FACTS,
        ("", "props", "a step is drawn but is not in the exercise's equipment"),
        id="prop-not-in-the-equipment",
    ),
    pytest.param(
        start_differs_from_end,
        lambda entry: entry.__setitem__("end", copy.deepcopy(entry["start"])),
        None,
        ("end", "", "is the same as the start"),
        id="end-same-as-start",
    ),
    pytest.param(
        segment_lengths,
        None,  # a segment cannot be stretched through the data: the skeleton is tampered with
        None,
        ("start", "right_leg.thigh", "units long; the figure's right_leg.thigh is 24.5"),
        id="stretched-thigh",
    ),
]


@pytest.mark.parametrize(("check", "mutation", "facts", "expected"), BAD_CASES)
def test_check_fails_on_a_bad_pose(
    check: Callable[[Scene, ExerciseFacts | None], list[Problem]],
    mutation: Mutation | None,
    facts: ExerciseFacts | None,
    expected: tuple[str, str, str],
) -> None:
    """The check finds the mistake and names the exercise, the pose and the field."""
    assert check(_scene(SEATED), SEATED_FACTS) == []
    if mutation is None:
        scene = _scene(SEATED)
        start = scene.placed["start"]
        lengths = {**start.skeleton.lengths, "right_leg.thigh": 30.0}
        stretched = replace(start, skeleton=replace(start.skeleton, lengths=lengths))
        scene = Scene(scene.exercise, {**scene.placed, "start": stretched})
    else:
        scene = _scene(_mutated(mutation))
    problems = check(scene, facts)
    assert problems, "the check passed a bad pose"
    pose, field, words = expected
    first = problems[0]
    assert (first.exercise, first.pose, first.field) == ("probe", pose, field)
    assert words in first.message


def test_a_surface_the_drawing_lacks_is_a_problem_not_a_crash() -> None:
    """Naming a prop surface that is not drawn is reported on the pose."""
    entry = _mutated(_set("start", "touch", {"left_hand": "counter.top"}))
    problems = check_exercise(load_poses({"probe": entry})["probe"], None)
    assert [str(p) for p in problems] == [
        "probe: start: left_hand on 'counter.top': no such surface in this drawing; it has "
        "chair.back, chair.seat, chair.top, floor"
    ]


def test_a_problem_reads_exercise_pose_field() -> None:
    """A problem prints as `exercise: pose.field: message`."""
    assert str(Problem("lunge", "end", "left_toe", "is 3 units from floor")) == (
        "lunge: end.left_toe: is 3 units from floor"
    )
