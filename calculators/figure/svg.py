"""SVG markup of a placed pose: one line style in currentColor, the moving limbs heavier.

Bytes matter (every page that shows a drawing loads the sprite): coordinates have at most one
decimal, shared attributes sit once on a group, and props are plain paths.
"""

from __future__ import annotations

from calculators.figure.model import BodyPart, Limb, Point, Skeleton, View
from calculators.figure.pose import ExercisePose, Placed, part_points, place
from calculators.figure.props import CARRIED, FLOOR_Y, FRAME, Prop, PropKind, number, outline

BODY_STROKE = 3
MOVE_STROKE = 4.5
PROP_STROKE = 1.2
DUMBBELL_RADIUS = 2.6
STYLE = (
    'fill="none" stroke="currentColor" stroke-linecap="round" stroke-linejoin="round" '
    f'stroke-width="{BODY_STROKE}"'
)
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
        # The group carries the one line style; the arrow's thinner stroke is its path's own (an
        # attribute written twice on one element is an XML error: the browser then drops the
        # rest of the sprite).
        f'<symbol id="fig-arrow" viewBox="{ARROW_VIEWBOX}"><g {STYLE}><path stroke-width="2" '
        'd="M2 6h18M15 2l5 4-5 4"/></g></symbol>'
    )


def drawing(exercise: ExercisePose, placed: Placed) -> str:
    """The props and the figure of one placed pose (the inside of a symbol)."""
    room = "".join(outline(prop, exercise.view) for prop in exercise.props)
    floor = f"M{number(FRAME[0] + 4)} {number(FLOOR_Y)}H{number(FRAME[0] + FRAME[2] - 4)}"
    props = f'<path class="rg-fig-prop" stroke-width="{PROP_STROKE}" d="{floor}{room}"/>'
    return (
        props
        + figure(placed.skeleton, exercise.view, exercise.moving)
        + carried(exercise.props, placed.skeleton)
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
                f'<rect class="rg-fig-prop" x="{number(x - 4)}" y="{number(y - 3)}" width="8" '
                'height="6" rx="2.5" stroke-width="1.5"/>'
                for x, y in points
            ]
    return "".join(drawn)


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
