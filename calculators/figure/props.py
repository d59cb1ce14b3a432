"""Props drawn to scale in the figure's units, and the surfaces a body part may touch.

Sizes are ordinary household ones for a person of 170 cm (100 frame units, so 1 unit is 1.7
cm): a dining chair's seat 45 cm high and 42 cm deep, a kitchen counter 90 cm, a stair 18 cm
rise and 28 cm going, an exercise mat 1.5 cm thick.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from calculators.figure.frame import FLOOR_Y, FRAME
from calculators.figure.model import HEIGHT, Point, View

__all__ = ["FLOOR_Y", "FRAME"]  # re-exported: the model's modules take them from here
CM = HEIGHT / 170  # frame units per centimetre for a reader 170 cm tall

CHAIR_SEAT_HEIGHT = 45 * CM
CHAIR_SEAT_DEPTH = 42 * CM
CHAIR_BACK_HEIGHT = 85 * CM
CHAIR_ARM_HEIGHT = 65 * CM
COUNTER_HEIGHT = 90 * CM
COUNTER_DEPTH = 60 * CM
STEP_RISE = 18 * CM
STEP_GOING = 28 * CM
MAT_THICKNESS = 1.5 * CM
MAT_LENGTH = 180 * CM
RAIL_HEIGHT = 90 * CM
MACHINE_PLATE = 30 * CM


class PropKind(StrEnum):
    """What can be drawn beside the figure (the equipment of data/exercises.yml, by name)."""

    CHAIR = "chair"
    WALL = "wall"
    COUNTER = "counter"
    STEP = "step"
    MAT = "mat"
    BAND = "band"
    DUMBBELLS = "dumbbells"
    PILLOW = "pillow"
    GYM_MACHINE = "gym-machine"


# Props that hang on the figure (drawn at body points) rather than standing in the room.
CARRIED = frozenset({PropKind.BAND, PropKind.DUMBBELLS, PropKind.PILLOW})


@dataclass(frozen=True)
class Segment:
    """A straight surface from `start` to `end`; a flat hand lies along it, start to end."""

    start: Point
    end: Point
    open_side: int = 0  # an upright surface: +1 if the free space is to its right, -1 left

    @property
    def horizontal(self) -> bool:
        """Whether the surface is level (something can rest on it)."""
        return abs(self.end[1] - self.start[1]) < abs(self.end[0] - self.start[0])


@dataclass(frozen=True)
class Prop:
    """One prop and where it stands.

    Attributes:
        kind: what it is.
        x: where it stands: a chair's or machine seat's front edge, a counter's or step's near
            edge, a wall's face, a mat's left end.
        facing: +1 if it faces right (a chair's seat opens to the right, a wall's face looks
            right), -1 if left.
        arms: a chair with armrests.
        beside: a counter or wall beside the figure rather than in front of or behind it
            (drawn behind the figure: a counter's top, a wall's handrail).
        width: a counter's, mat's or handrail's length along the floor, if not the usual.
        attach: body points a band, dumbbell or pillow is drawn at ("hands": one dumbbell held
            in both hands).
        pad: a machine's foot plate or handle, as (right of, above) the seat's front edge.
        rise: how much a handrail climbs per unit across (a stair's rail follows its pitch).
        count: how many stairs are drawn (the first is the step used; more show a stair).

    """

    kind: PropKind
    x: float = 0.0
    facing: int = 1
    arms: bool = False
    beside: bool = False
    width: float | None = None
    attach: tuple[str, ...] = ()
    pad: tuple[float, float] | None = None
    rise: float = 0.0
    count: int = 1


def surfaces(prop: Prop, view: View) -> dict[str, Segment]:
    """The surfaces of a prop a body part may touch, by name (`chair.seat`, `wall.face`...)."""
    found = _SURFACES.get(prop.kind)
    return found(prop, view) if found else {}


def _chair_surfaces(prop: Prop, view: View) -> dict[str, Segment]:
    x, f = prop.x, prop.facing
    seat = FLOOR_Y - CHAIR_SEAT_HEIGHT
    top = FLOOR_Y - CHAIR_BACK_HEIGHT
    if view is View.SIDE:
        back_x = x - f * CHAIR_SEAT_DEPTH
        found = {
            "chair.seat": Segment((back_x, seat), (x, seat)),
            "chair.back": Segment((back_x, seat), (back_x - f * 2, top), f),
            "chair.top": Segment((back_x - f * 4, top), (back_x + f * 2, top)),
        }
    else:
        # Seen from the front, `x` is the middle of the seat and the back is behind the figure.
        half = CHAIR_SEAT_DEPTH * 0.55
        found = {
            "chair.seat": Segment((x - half, seat), (x + half, seat)),
            "chair.back": Segment((x - half + 2, seat), (x - half + 2, top)),
            "chair.top": Segment((x - half + 2, top), (x + half - 2, top)),
        }
    if prop.arms:
        arm = FLOOR_Y - CHAIR_ARM_HEIGHT
        back_x = found["chair.back"].start[0]
        found["chair.arm"] = Segment((back_x + f, arm), (x - f * 3, arm))
    return found


def _counter_surfaces(prop: Prop, view: View) -> dict[str, Segment]:
    del view
    x, f = prop.x, prop.facing
    top = FLOOR_Y - COUNTER_HEIGHT
    return {
        "counter.top": Segment((x, top), (x + f * (prop.width or COUNTER_DEPTH), top)),
        "counter.front": Segment((x, FLOOR_Y), (x, top), -f),
    }


def _wall_surfaces(prop: Prop, view: View) -> dict[str, Segment]:
    del view
    if prop.beside:
        rail = FLOOR_Y - RAIL_HEIGHT
        width = prop.width or 40.0
        return {"wall.rail": Segment((prop.x, rail), (prop.x + width, rail - prop.rise * width))}
    return {"wall.face": Segment((prop.x, FLOOR_Y), (prop.x, FRAME[1]), prop.facing)}


def _step_surfaces(prop: Prop, view: View) -> dict[str, Segment]:
    del view
    top = FLOOR_Y - STEP_RISE
    return {
        "step.top": Segment((prop.x, top), (prop.x + prop.facing * STEP_GOING, top)),
        "step.front": Segment((prop.x, FLOOR_Y), (prop.x, top), -prop.facing),
    }


def _mat_surfaces(prop: Prop, view: View) -> dict[str, Segment]:
    del view
    top = FLOOR_Y - MAT_THICKNESS
    return {"mat.top": Segment((prop.x, top), (prop.x + (prop.width or MAT_LENGTH), top))}


def _machine_surfaces(prop: Prop, view: View) -> dict[str, Segment]:
    del view
    x, f = prop.x, prop.facing
    seat = FLOOR_Y - CHAIR_SEAT_HEIGHT
    back = x - f * CHAIR_SEAT_DEPTH
    found = {
        "machine.seat": Segment((back, seat), (x, seat)),
        "machine.back": Segment((back, seat), (back - f * 8, seat - 32), f),
    }
    if prop.pad is not None:
        px, py = x + f * prop.pad[0], seat - prop.pad[1]
        half = MACHINE_PLATE / 2
        found["machine.pad"] = Segment((px, py + half), (px, py - half))
    return found


_SURFACES = {
    PropKind.CHAIR: _chair_surfaces,
    PropKind.COUNTER: _counter_surfaces,
    PropKind.WALL: _wall_surfaces,
    PropKind.STEP: _step_surfaces,
    PropKind.MAT: _mat_surfaces,
    PropKind.GYM_MACHINE: _machine_surfaces,
}


FLOOR = Segment((FRAME[0], FLOOR_Y), (FRAME[0] + FRAME[2], FLOOR_Y))


def all_surfaces(props: tuple[Prop, ...], view: View) -> dict[str, Segment]:
    """Every surface of the scene, the floor included."""
    found = {"floor": FLOOR}
    for prop in props:
        found.update(surfaces(prop, view))
    return found


def support_surfaces(kind: str) -> frozenset[str]:
    """The surfaces that count as holding or leaning on a support of `kind` (chair, wall...)."""
    return frozenset(
        {
            "chair": {"chair.seat", "chair.back", "chair.top", "chair.arm"},
            "counter": {"counter.top", "counter.front"},
            "wall": {"wall.face", "wall.rail"},
        }.get(kind, set())
    )


def outline(prop: Prop, view: View) -> str:
    """The prop as SVG path data (room props only; carried ones are drawn at the body)."""
    found = surfaces(prop, view)
    draw = _OUTLINES.get(prop.kind)
    return draw(prop, view, found) if draw else ""


def _chair(prop: Prop, view: View, found: dict[str, Segment]) -> str:
    seat, back, top = found["chair.seat"], found["chair.back"], found["chair.top"]
    (x0, y), (x1, _) = seat.start, seat.end
    if view is View.FRONT:
        return (
            _line(seat.start, seat.end)
            + _line((x0 + 1, y), (x0 + 1, FLOOR_Y))
            + _line((x1 - 1, y), (x1 - 1, FLOOR_Y))
            + _line((x0 + 2, y), (x0 + 2, top.end[1]))
            + _line((x0 + 2, top.end[1]), (x1 - 2, top.end[1]))
            + _line((x1 - 2, y), (x1 - 2, top.end[1]))
        )
    f = prop.facing
    parts = [
        _line(seat.start, seat.end),
        _line((x1 - f, y), (x1 - f, FLOOR_Y)),
        _line((x0 + f, y), (x0 + f, FLOOR_Y)),
        _line(back.start, back.end),
    ]
    if "chair.arm" in found:
        arm = found["chair.arm"]
        parts += [_line(arm.start, arm.end), _line(arm.end, (arm.end[0], y))]
    return "".join(parts)


def _counter(prop: Prop, view: View, found: dict[str, Segment]) -> str:
    del view
    top = found["counter.top"]
    # The near face comes down to the floor; a counter beside the figure shows its far end too.
    far = _line(top.end, (top.end[0], FLOOR_Y)) if prop.beside else ""
    return _line(top.end, top.start) + _line(top.start, (top.start[0], FLOOR_Y)) + far


def _wall(prop: Prop, view: View, found: dict[str, Segment]) -> str:
    del view
    if prop.beside:
        rail = found["wall.rail"]
        (x0, y), (x1, _) = rail.start, rail.end
        y1 = rail.end[1]
        brackets = _line((x0 + 3, y), (x0 + 3, y + 4)) + _line((x1 - 3, y1), (x1 - 3, y1 + 4))
        return _line(rail.start, rail.end) + brackets
    face = found["wall.face"]
    return _line(face.start, (face.end[0], face.end[1] + 6))


def _step(prop: Prop, view: View, found: dict[str, Segment]) -> str:
    del view
    top = found["step.top"]
    going = top.end[0] - top.start[0]
    corners = [(top.start[0], FLOOR_Y)]
    for stair in range(prop.count):
        x, y = top.start[0] + stair * going, top.start[1] - stair * STEP_RISE
        corners += [(x, y), (x + going, y)]
    corners.append((corners[-1][0], FLOOR_Y))
    return "M" + "L".join(f"{number(x)} {number(y)}" for x, y in corners)


def _mat(prop: Prop, view: View, found: dict[str, Segment]) -> str:
    del prop, view
    top = found["mat.top"]
    return _line(top.start, top.end)


def _machine(prop: Prop, view: View, found: dict[str, Segment]) -> str:
    del view
    f = prop.facing
    seat, back = found["machine.seat"], found["machine.back"]
    middle = (seat.start[0] + seat.end[0]) / 2
    parts = [
        _line(seat.start, seat.end),
        _line(back.start, back.end),
        _line((middle, seat.end[1]), (middle, FLOOR_Y)),
        _line((middle - f * 8, FLOOR_Y), (middle + f * 8, FLOOR_Y)),
    ]
    if "machine.pad" in found:
        pad = found["machine.pad"]
        parts.append(_line(pad.start, pad.end))
    return "".join(parts)


_OUTLINES = {
    PropKind.CHAIR: _chair,
    PropKind.COUNTER: _counter,
    PropKind.WALL: _wall,
    PropKind.STEP: _step,
    PropKind.MAT: _mat,
    PropKind.GYM_MACHINE: _machine,
}


def number(value: float) -> str:
    """A coordinate with at most one decimal, no trailing zero."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _line(a: Point, b: Point) -> str:
    """A straight line as path data."""
    return f"M{number(a[0])} {number(a[1])}L{number(b[0])} {number(b[1])}"
