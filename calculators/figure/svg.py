"""SVG markup of a placed pose: one line style in currentColor, the moving limbs heavier.

Bytes matter (every page that shows a drawing loads the sprite): coordinates have at most one
decimal, shared attributes sit once on a group, and props are plain paths.
"""

from __future__ import annotations

import math

from calculators.figure.model import BodyPart, Limb, Point, Skeleton, View
from calculators.figure.pose import ExercisePose, Placed, part_points, place
from calculators.figure.props import CARRIED, FLOOR_Y, FRAME, Prop, PropKind, number, outline

BODY_STROKE = 3
MOVE_STROKE = 4.5
PROP_STROKE = 1.2
DUMBBELL_RADIUS = 2.6
LINE_STYLE = 'fill="none" stroke="currentColor" stroke-linecap="round" stroke-linejoin="round"'
STYLE = f'{LINE_STYLE} stroke-width="{BODY_STROKE}"'
ARROW_VIEWBOX = "0 0 24 12"


def view_box() -> str:
    """The shared frame as a viewBox attribute value."""
    return " ".join(number(value) for value in FRAME)


def symbol(exercise: ExercisePose, which: str) -> str:
    """One pose of an exercise as an SVG `<symbol>` (`which` is "start" or "end")."""
    pose = exercise.start if which == "start" else exercise.end
    placed = place(pose, exercise.view, exercise.props)
    return (
        f'<symbol id="fig-{exercise.exercise_id}-{which}" viewBox="{view_box()}">'
        f"<g {STYLE}>{drawing(exercise, placed)}</g></symbol>"
    )


def arrow_symbol() -> str:
    """The arrow drawn between start and end."""
    return (
        f'<symbol id="fig-arrow" viewBox="{ARROW_VIEWBOX}">'
        f'<path {LINE_STYLE} stroke-width="2" d="M2 6h18M15 2l5 4-5 4"/></symbol>'
    )


def drawing(exercise: ExercisePose, placed: Placed) -> str:
    """The props and the figure of one placed pose (the inside of a symbol)."""
    room = "".join(outline(prop, exercise.view) for prop in exercise.props)
    floor = f"M{number(FRAME[0] + 4)} {number(FLOOR_Y)}H{number(FRAME[0] + FRAME[2] - 4)}"
    props = f'<path class="rg-fig-prop" stroke-width="{PROP_STROKE}" d="{floor}{room}"/>'
    # A pillow is behind the legs that squeeze it; what is held is in front of the hands.
    behind = tuple(prop for prop in exercise.props if prop.kind is PropKind.PILLOW)
    held = tuple(prop for prop in exercise.props if prop.kind is not PropKind.PILLOW)
    return (
        props
        + carried(behind, placed.skeleton)
        + figure(placed.skeleton, exercise.view, exercise.moving)
        + carried(held, placed.skeleton)
    )


def figure(skeleton: Skeleton, view: View, moving: frozenset[BodyPart]) -> str:
    """The person: far limbs first, then trunk and head, then near limbs; movers heavier."""
    parts: list[tuple[BodyPart, str]] = []
    for limb in (Limb.LEFT_LEG, Limb.LEFT_ARM):
        parts.append((BodyPart(limb.value), _limb_path(skeleton, limb, view)))
    parts.append((BodyPart.TRUNK, _trunk_path(skeleton, view)))
    x, y = skeleton.head_centre
    head = f'<circle cx="{number(x)}" cy="{number(y)}" r="{number(skeleton.head_radius)}"/>'
    drawn = []
    for part, path in parts:
        drawn.append(_path(path, moving=part in moving))
    drawn.append(head if BodyPart.HEAD not in moving else head.replace("<circle", _MOVE_ATTRS))
    for limb in (Limb.RIGHT_LEG, Limb.RIGHT_ARM):
        drawn.append(_path(_limb_path(skeleton, limb, view), moving=BodyPart(limb.value) in moving))
    return "".join(drawn)


_MOVE_ATTRS = f'<circle class="rg-fig-move" stroke-width="{MOVE_STROKE}"'


def _path(d: str, *, moving: bool) -> str:
    if moving:
        return f'<path class="rg-fig-move" stroke-width="{MOVE_STROKE}" d="{d}"/>'
    return f'<path d="{d}"/>'


def _points(points: tuple[Point, ...] | list[Point]) -> str:
    head, *rest = points
    return f"M{number(head[0])} {number(head[1])}" + "".join(
        f"L{number(x)} {number(y)}" for x, y in rest
    )


def _trunk_path(skeleton: Skeleton, view: View) -> str:
    spine = _points([skeleton.chin, skeleton.neck_base, skeleton.spine_bend, skeleton.pelvis])
    if view is View.SIDE:
        return spine
    shoulders = _points([skeleton.shoulders[Limb.LEFT_ARM], skeleton.shoulders[Limb.RIGHT_ARM]])
    hips = _points([skeleton.hips[Limb.LEFT_LEG], skeleton.hips[Limb.RIGHT_LEG]])
    return spine + shoulders + hips


def _limb_path(skeleton: Skeleton, limb: Limb, view: View) -> str:
    points = skeleton.limbs[limb]
    if limb.is_arm or view is View.SIDE:
        return _points(points)
    hip, knee, ankle, heel, _ = points
    # Seen from the front a foot is short: drawn pointing a little outwards.
    return _points([hip, knee, ankle, heel, (heel[0] + limb.side * 5, heel[1])])


def carried(props: tuple[Prop, ...], skeleton: Skeleton) -> str:
    """Bands, dumbbells and pillows, drawn at the body points they are attached to."""
    drawn = []
    for prop in props:
        if prop.kind is PropKind.GYM_MACHINE and prop.attach:
            drawn.append(_machine_parts(prop, skeleton))
        if prop.kind not in CARRIED:
            continue
        points = [attach_point(skeleton, name) for name in prop.attach]
        if prop.kind is PropKind.BAND:
            drawn.append(f'<path class="rg-fig-prop" stroke-width="1.5" d="{_points(points)}"/>')
        elif prop.kind is PropKind.DUMBBELLS:
            drawn += [
                f'<circle cx="{number(x)}" cy="{number(y)}" r="{DUMBBELL_RADIUS}" '
                'fill="currentColor"/>'
                for x, y in points
            ]
        else:
            drawn += [
                _pillow(skeleton, name, point)
                for name, point in zip(prop.attach, points, strict=True)
            ]
    return "".join(drawn)


def _machine_parts(prop: Prop, skeleton: Skeleton) -> str:
    """A machine's foot plate along the soles, or its handles in the hands, wherever they are."""
    lines = []
    for name in prop.attach:
        side, _, part = name.partition("_")
        if part == "foot":
            _, _, _, heel, toe = skeleton.limbs[Limb(f"{side}_leg")]
            ends = _sole_line(heel, toe, extend=4, offset=PLATE_GAP)
        else:
            _, _, wrist, tip = skeleton.limbs[Limb(f"{side}_arm")]
            ends = _across(wrist, tip, half=4)
        lines.append(_points(list(ends)))
    return f'<path class="rg-fig-prop" stroke-width="{PROP_STROKE * 1.5:g}" d="{"".join(lines)}"/>'


PLATE_GAP = 2.0


def _sole_line(heel: Point, toe: Point, extend: float, offset: float) -> tuple[Point, Point]:
    """A line under the sole (heel to toe), longer at both ends, `offset` beneath it."""
    dx, dy = toe[0] - heel[0], toe[1] - heel[1]
    length = math.hypot(dx, dy)
    ux, uy = dx / length, dy / length
    nx, ny = -uy, ux  # the sole's underside: to the right of heel-to-toe in page terms
    return (
        (heel[0] - ux * extend + nx * offset, heel[1] - uy * extend + ny * offset),
        (toe[0] + ux * extend + nx * offset, toe[1] + uy * extend + ny * offset),
    )


def _across(wrist: Point, tip: Point, half: float) -> tuple[Point, Point]:
    """A short bar across the hand at the palm: a handle held in it."""
    palm = ((wrist[0] + tip[0]) / 2, (wrist[1] + tip[1]) / 2)
    dx, dy = tip[0] - wrist[0], tip[1] - wrist[1]
    length = math.hypot(dx, dy)
    nx, ny = -dy / length, dx / length
    return (palm[0] - nx * half, palm[1] - ny * half), (palm[0] + nx * half, palm[1] + ny * half)


PILLOW = (10.0, 9.0)  # width, height: a folded cushion, in frame units


def _pillow(skeleton: Skeleton, name: str, centre: Point) -> str:
    """A cushion; between the knees it fills the gap they squeeze (seen from the front)."""
    width, height = PILLOW
    if name == "knees":
        left = skeleton.limbs[Limb.LEFT_LEG][1][0]
        right = skeleton.limbs[Limb.RIGHT_LEG][1][0]
        width = max(abs(left - right) + 1, 4.0)
    x, y = centre[0] - width / 2, centre[1] - height / 2 + 3
    return (
        f'<rect class="rg-fig-prop" x="{number(x)}" y="{number(y)}" width="{number(width)}" '
        f'height="{number(height)}" rx="2.5" stroke-width="1.5"/>'
    )


def attach_point(skeleton: Skeleton, name: str) -> Point:
    """Where a carried prop sits: a body part's point, or between both hands or knees."""
    if name in {"hands", "knees"}:
        single = name[:-1]
        left = part_points(skeleton, f"left_{single}")[0][0]
        right = part_points(skeleton, f"right_{single}")[0][0]
        return ((left[0] + right[0]) / 2, (left[1] + right[1]) / 2)
    return part_points(skeleton, name)[0][0]


def sprite(book: dict[str, ExercisePose]) -> str:
    """Every pose of the book as one hidden SVG of symbols, and the arrow."""
    symbols = "".join(
        symbol(exercise, which) for exercise in book.values() for which in ("start", "end")
    )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" style="display:none">'
        f"{symbols}{arrow_symbol()}</svg>\n"
    )
