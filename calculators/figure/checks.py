"""The checks a program can make on a drawing (issue 25, point 5).

Each check takes one exercise's placed poses and what data/exercises.yml says about it, and
returns problems naming the exercise, the pose and what is wrong. The build refuses a drawing
with any problem; the tests run every check over every exercise.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass

from calculators.exercises import Equipment, Position, Support
from calculators.figure.model import ADULT, HUMAN_RANGE, BodyPart, Point, Skeleton, View
from calculators.figure.pose import ExercisePose, Placed, PoseError, gap, place
from calculators.figure.props import FLOOR_Y, FRAME, PropKind, support_surfaces

# How near a part must be to a surface to touch it: 2 units is 3.4 cm for a reader of 170 cm.
TOUCH_TOLERANCE = 2.0
# A support an unsupported exercise keeps "within reach" (a wall beside a walk): a hand within
# 15 units (26 cm, a forearm's length) of it, without holding it.
WITHIN_REACH = 15.0
# Surfaces a foot may stand on.
FOOTING = frozenset({"floor", "step.top", "mat.top", "machine.pad"})
SEATS = frozenset({"chair.seat", "machine.seat"})
BACKRESTS = frozenset({"chair.back", "machine.back"})
# Parts that lie on the floor or a mat in a floor exercise (feet alone do not make it one).
FLOOR_PARTS = frozenset(
    {"hips", "back", "head"}
    | {f"{side}_{part}" for side in ("left", "right") for part in ("hand", "knee", "forearm")}
)
# Least change between start and end that counts as a movement, in degrees or frame units.
LEAST_CHANGE = 5.0
POSES = ("start", "end")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a drawing: where (exercise, pose, field) and what."""

    exercise: str
    pose: str
    field: str
    message: str

    def __str__(self) -> str:
        where = ".".join(part for part in (self.pose, self.field) if part)
        return f"{self.exercise}: {where}: {self.message}"


@dataclass(frozen=True)
class ExerciseFacts:
    """What data/exercises.yml says that the drawing must agree with."""

    position: Position
    support: Support
    equipment: frozenset[Equipment]


@dataclass(frozen=True)
class Scene:
    """An exercise with both poses placed, ready to check."""

    exercise: ExercisePose
    placed: dict[str, Placed]


Check = Callable[[Scene, ExerciseFacts | None], list[Problem]]


def check_exercise(exercise: ExercisePose, facts: ExerciseFacts | None) -> list[Problem]:
    """Every problem of one exercise's drawing (facts None: only the drawing's own checks)."""
    placed: dict[str, Placed] = {}
    problems = []
    for which in POSES:
        try:
            placed[which] = place(getattr(exercise, which), exercise.view, exercise.props)
        except PoseError as error:
            problems.append(Problem(exercise.exercise_id, which, "", str(error)))
    if problems:
        return problems
    scene = Scene(exercise, placed)
    return [problem for check in CHECKS for problem in check(scene, facts)]


def check_book(
    book: Mapping[str, ExercisePose], facts: Mapping[str, ExerciseFacts]
) -> list[Problem]:
    """Every problem of every drawing in the book."""
    return [
        problem
        for exercise_id, exercise in book.items()
        for problem in check_exercise(exercise, facts.get(exercise_id))
    ]


# ---------------------------------------------------------------- the checks


def segment_lengths(scene: Scene, facts: ExerciseFacts | None) -> list[Problem]:
    """Every segment keeps the adult's length in both poses (no limb stretches)."""
    del facts
    problems = []
    for which, placed in scene.placed.items():
        for name, length in placed.skeleton.lengths.items():
            expected = ADULT.length(name.rpartition(".")[2])
            if abs(length - expected) > 0.05:
                problems.append(
                    _problem(
                        scene,
                        which,
                        name,
                        f"is {length:.1f} units long; the figure's {name} is {expected:.1f}",
                    )
                )
    return problems


def joint_ranges(scene: Scene, facts: ExerciseFacts | None) -> list[Problem]:
    """Every joint angle, the solved reaching arms' included, is within a human range."""
    del facts
    problems = []
    for which, placed in scene.placed.items():
        for where, joint, degrees in placed.angles.all_angles():
            allowed = HUMAN_RANGE[joint]
            if degrees not in allowed:
                field = joint.value if where == "body" else f"{where}.{joint.value}"
                problems.append(
                    _problem(
                        scene,
                        which,
                        field,
                        f"{degrees:.0f}° is outside the human range; allowed: "
                        f"{allowed.low:g}° to {allowed.high:g}°",
                    )
                )
    return problems


def inside_frame(scene: Scene, facts: ExerciseFacts | None) -> list[Problem]:
    """The whole figure is inside the shared frame."""
    del facts
    x0, y0, width, height = FRAME
    problems = []
    for which, placed in scene.placed.items():
        outside = [
            p
            for p in placed.skeleton.all_points()
            if not (x0 + 1 <= p[0] <= x0 + width - 1 and y0 + 1 <= p[1] <= y0 + height - 1)
        ]
        if outside:
            x, y = outside[0]
            problems.append(
                _problem(scene, which, "x", f"the figure leaves the frame at ({x:.0f}, {y:.0f})")
            )
    return problems


def no_collisions(scene: Scene, facts: ExerciseFacts | None) -> list[Problem]:
    """Nothing of the figure goes through the floor, a wall, a step, a counter or a seat.

    A backrest is checked against the head and trunk only: arms and legs are beside it, and a
    side view cannot tell an elbow behind an armchair's back from one beside it.
    """
    del facts
    problems = []
    for which, placed in scene.placed.items():
        points = placed.skeleton.all_points()
        midline = _midline(placed.skeleton)
        for name, box in _solids(scene, placed).items():
            tested = midline if name.endswith(" back") else points
            inside = [p for p in tested if _strictly_inside(p, box)]
            if inside:
                x, y = inside[0]
                where = f"the figure goes through the {name} at ({x:.0f}, {y:.0f})"
                problems.append(_problem(scene, which, "", where))
    return problems


def claimed_contacts(scene: Scene, facts: ExerciseFacts | None) -> list[Problem]:
    """Every part the pose says rests on, reaches or touches a surface really touches it."""
    del facts
    problems = []
    for which, placed in scene.placed.items():
        pose = getattr(scene.exercise, which)
        for part, surface in pose.contacts():
            distance = gap(placed.skeleton, part, placed.surfaces[surface])
            if distance > TOUCH_TOLERANCE:
                problems.append(
                    _problem(
                        scene,
                        which,
                        part,
                        f"is {distance:.1f} units from {surface}; it must touch it "
                        f"(within {TOUCH_TOLERANCE:g})",
                    )
                )
    return problems


def feet_down(scene: Scene, facts: ExerciseFacts | None) -> list[Problem]:
    """Each foot is on the floor, a step, a mat or a foot plate, unless its leg is moving."""
    del facts
    problems = []
    for which, placed in scene.placed.items():
        for side in ("left", "right"):
            leg = BodyPart(f"{side}_leg")
            if leg in scene.exercise.moving or f"{side}_foot" in scene.exercise.lifted:
                continue
            if not any(
                gap(placed.skeleton, f"{side}_{end}", placed.surfaces[name]) <= TOUCH_TOLERANCE
                for name in FOOTING & placed.surfaces.keys()
                for end in ("foot", "heel", "toe")
            ):
                problems.append(
                    _problem(
                        scene,
                        which,
                        f"{side}_foot",
                        "is off the floor, step and mat, but the leg is not in 'moving' and "
                        "the foot not in 'lifted'",
                    )
                )
    return problems


def seated_on_seat(scene: Scene, facts: ExerciseFacts | None) -> list[Problem]:
    """A seated exercise starts with the hips on a seat."""
    if facts is None or facts.position is not Position.SEATED:
        return []
    if _touches(scene, "start", {"hips"}, SEATS):
        return []
    return [_problem(scene, "start", "hips", "a seated exercise starts with the hips on a seat")]


def holds_support(scene: Scene, facts: ExerciseFacts | None) -> list[Problem]:
    """An exercise done holding a counter, wall or chair touches it in both positions.

    A seated exercise's support is the chair it sits in: its end may be standing up from it
    (sit-to-stand), so only its start must touch the chair. A standing-unsupported exercise
    only keeps its support within reach (a hallway wall beside a walk): a hand near it, not on it
    (position_agrees refuses a hand holding on).
    """
    if facts is None or facts.support is Support.NONE:
        return []
    wanted = support_surfaces(facts.support.value)
    if facts.position is Position.STANDING_UNSUPPORTED:
        return _support_in_reach(scene, facts, wanted)
    poses = ("start",) if facts.position is Position.SEATED else POSES
    parts = {"back", "hips"} | {f"{s}_{p}" for s in ("left", "right") for p in ("hand", "forearm")}
    return [
        _problem(
            scene,
            which,
            "touch",
            f"the exercise's support is the {facts.support.value}, but no hand, forearm, back "
            f"or hips touch it (surfaces: {', '.join(sorted(wanted))})",
        )
        for which in poses
        if not _touches(scene, which, parts, wanted)
    ]


def _support_in_reach(scene: Scene, facts: ExerciseFacts, wanted: frozenset[str]) -> list[Problem]:
    """An unsupported exercise's support (a wall you can touch) is within a hand's reach."""
    hands = {f"{side}_hand" for side in ("left", "right")}
    return [
        _problem(
            scene,
            which,
            "touch",
            f"the exercise keeps the {facts.support.value} within reach, but no hand is within "
            f"{WITHIN_REACH:g} units of it (surfaces: {', '.join(sorted(wanted))})",
        )
        for which in POSES
        if not _touches(scene, which, hands, wanted, within=WITHIN_REACH)
    ]


def position_agrees(scene: Scene, facts: ExerciseFacts | None) -> list[Problem]:
    """The drawing shows the exercise's position: seated, held, free standing or on the floor."""
    if facts is None:
        return []
    held = support_surfaces("chair") | support_surfaces("counter") | support_surfaces("wall")
    hands = {f"{s}_{p}" for s in ("left", "right") for p in ("hand", "forearm")}
    problems = []
    for which in POSES:
        if facts.position is Position.STANDING_UNSUPPORTED and _touches(scene, which, hands, held):
            problems.append(
                _problem(scene, which, "touch", "a hand holds on, but the exercise is unsupported")
            )
        if facts.position is Position.FLOOR and not _touches(
            scene, which, FLOOR_PARTS, {"floor", "mat.top"}
        ):
            problems.append(
                _problem(scene, which, "rest", "a floor exercise has the body on the floor or mat")
            )
    return problems


def props_match_equipment(scene: Scene, facts: ExerciseFacts | None) -> list[Problem]:
    """Every piece of equipment is drawn, and nothing the exercise does not use."""
    if facts is None:
        return []
    drawn = {prop.kind.value for prop in scene.exercise.props}
    needed = {item.value for item in facts.equipment} - {Equipment.NONE.value}
    problems = [
        _problem(scene, "", "props", f"the exercise needs a {item}; draw it")
        for item in sorted(needed - drawn)
    ]
    extra = drawn - needed - {PropKind.PILLOW.value}
    problems += [
        _problem(scene, "", "props", f"a {item} is drawn but is not in the exercise's equipment")
        for item in sorted(extra)
    ]
    return problems


def start_differs_from_end(scene: Scene, facts: ExerciseFacts | None) -> list[Problem]:
    """The two positions differ: some joint turns or the body moves."""
    del facts
    start, end = scene.placed["start"], scene.placed["end"]
    turned = max(
        abs(a[2] - b[2])
        for a, b in zip(start.angles.all_angles(), end.angles.all_angles(), strict=True)
    )
    moved = max(
        math.dist(a, b)
        for a, b in zip(start.skeleton.all_points(), end.skeleton.all_points(), strict=True)
    )
    if turned < LEAST_CHANGE and moved < LEAST_CHANGE:
        return [_problem(scene, "end", "", "is the same as the start; draw the movement")]
    return []


CHECKS: tuple[Check, ...] = (
    segment_lengths,
    joint_ranges,
    inside_frame,
    no_collisions,
    claimed_contacts,
    feet_down,
    seated_on_seat,
    holds_support,
    position_agrees,
    props_match_equipment,
    start_differs_from_end,
)


# ---------------------------------------------------------------- helpers


def _problem(scene: Scene, which: str, field: str, message: str) -> Problem:
    return Problem(scene.exercise.exercise_id, which, field, message)


def _touches(
    scene: Scene,
    which: str,
    parts: Collection[str],
    surfaces: Collection[str],
    within: float = TOUCH_TOLERANCE,
) -> bool:
    """Whether any of the parts touches (or comes `within` of) any of the surfaces in one pose."""
    placed = scene.placed[which]
    names = [name for name in placed.surfaces if name in surfaces]
    return any(
        gap(placed.skeleton, part, placed.surfaces[name]) <= within
        for part in parts
        for name in names
    )


Box = tuple[float, float, float, float]  # left, top, right, bottom


def _solids(scene: Scene, placed: Placed) -> dict[str, Box]:
    """The solid parts of the scene as boxes (open space under chairs and counters aside)."""
    x0, _, width, height = FRAME
    solids: dict[str, Box] = {"floor": (x0 - 50, FLOOR_Y + 0.6, x0 + width + 50, height + 50)}
    for name, segment in placed.surfaces.items():
        (ax, ay), (bx, by) = segment.start, segment.end
        left, right = min(ax, bx), max(ax, bx)
        if name == "wall.face":
            open_right = (
                segment.open_side > 0 if segment.open_side else placed.skeleton.pelvis[0] > ax
            )
            solids["wall"] = (
                (ax - 50, -50, ax - 0.6, 500) if open_right else (ax + 0.6, -50, ax + 50, 500)
            )
        elif name == "step.top":
            solids["step"] = (left + 0.6, ay + 0.6, right - 0.6, FLOOR_Y)
        elif name == "counter.top" and not _beside(scene, PropKind.COUNTER):
            solids["counter"] = (left + 0.6, ay + 0.6, right - 0.6, FLOOR_Y)
        elif name in BACKRESTS and scene.exercise.view is View.SIDE:
            # The backrest is a slab behind its front face (the side a seated back leans on).
            behind = -segment.open_side
            near, far = ax + behind * 0.6, ax + behind * 3
            solids[name.replace(".", " ")] = (
                min(near, far),
                min(ay, by),
                max(near, far),
                max(ay, by),
            )
        elif name in SEATS and scene.exercise.view is View.SIDE:
            # Seen from the front the thighs come towards the reader, in front of the seat.
            solids[name.replace(".", " ")] = (left + 0.6, ay + 0.6, right - 0.6, ay + 3)
    return solids


def _midline(skeleton: Skeleton) -> list[Point]:
    """The head's outline and the trunk's points: what a backrest could be pushed through."""
    x, y = skeleton.head_centre
    r = skeleton.head_radius
    head = [(x - r, y), (x + r, y), (x, y - r), (x, y + r)]
    return [*head, skeleton.chin, skeleton.neck_base, skeleton.spine_bend, skeleton.pelvis]


def _beside(scene: Scene, kind: PropKind) -> bool:
    return any(prop.kind is kind and prop.beside for prop in scene.exercise.props)


def _strictly_inside(point: tuple[float, float], box: Box) -> bool:
    left, top, right, bottom = box
    return left < point[0] < right and top < point[1] < bottom
