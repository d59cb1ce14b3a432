"""The reader's saved self-checks over time as four line charts (issue 24, the My progress page).

Five chair rises (seconds, with the SPPB points bands and the 15 s line), balance (points),
walking speed (with the 0.8 m/s line) and the SPPB total (with the levels A–D). Each chart is
drawn with `present.charts`' kit: one `<svg role="img">` named by its title (what it shows and
the latest value) and a description stating every point, in `currentColor`, every text escaped.

x is the date of each check, spaced by date (one check: one dot in the middle). A test not done
is a gap (a tick on the date axis, no dot, the line broken), never a zero; five rises not
finished is a cross on a row above the numbers, labelled, never a number. A chart is drawn only
when at least one check has its figure. Every cut-off comes from `calculators.evidence`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from calculators import evidence
from calculators.present import numbers
from calculators.present.calendar import MONTH_NAMES
from calculators.present.charts import _CHAR_WIDTH as CHAR_WIDTH
from calculators.present.charts import (
    LINE_HEIGHT,
    WIDTH,
    Plot,
    coordinate,
    svg,
    text_at,
)
from calculators.present.charts import _nice_axis as nice_axis
from calculators.present.escape import escape
from calculators.present.view import Block, Chart
from calculators.progress import Measured

PLOT_HEIGHT = 158.0  # as the kit's other charts (`charts.Plot`)
_CHAIR_PLOT_HEIGHT = 210.0  # the SPPB chair bands are 2.5-3 s thin: taller, so each is named
_HEADROOM = 22  # between the axis' name and the plot: a value label above a top dot
_DASH = "6 4"
_NAMES_COLUMN = len("0 points") * CHAR_WIDTH + 8  # the widest band name, and a gap
_X_MARGIN = 0.12  # of the plot's width, left and right of the first and last check
_POINT_R = 4
_CROSS = 5  # half the size of the "could not finish" cross
_LABEL_GAP = 6  # the least space between two labels side by side
_BAND_LABEL_SPACING = LINE_HEIGHT - 2  # between two band labels stacked in thin bands


@dataclass(frozen=True)
class Mark:
    """One check on one chart: its value (None: not done), a range's top, or not finished."""

    day: date
    value: float | None
    text: str = ""  # the value as the description says it
    label: str = ""  # the value beside its dot ("12.8", "5–9")
    high: float | None = None  # an incomplete SPPB total: the best it could be
    unable: bool = False  # five rises not finished: drawn on the row above the numbers


@dataclass(frozen=True)
class Band:
    """A shaded stretch of the y axis named at its right end ("3 points", "Level C")."""

    low: float
    high: float
    label: str
    shaded: bool


@dataclass(frozen=True)
class Rule:
    """A reference line across the plot (15 s, 0.8 m/s), its label above or below it."""

    value: float
    label: str
    below: bool = False


@dataclass(frozen=True)
class Axis:
    """The y axis: its ticks, their text, its top and what it counts."""

    ticks: tuple[float, ...]
    top: float
    name: str
    tick_text: Callable[[float], str]


# ---------------------------------------------------------------- the four charts


def charts(points: Sequence[Measured]) -> tuple[Block, ...]:
    """The progress charts for the saved checks, each captioned above by what it shows.

    A chart is left out when no check has its figure. The captions are HTML, so they grow with
    the reader's text size where the chart's own labels scale with the chart.
    """
    checks = sorted(points, key=lambda point: point.day)
    drawn: list[Block] = []
    for heading, name, draw in (
        (CHAIR_HEADING, "chair", chair_chart),
        (BALANCE_HEADING, "balance", balance_chart),
        (WALK_HEADING, "walk", walk_chart),
        (SPPB_HEADING, "sppb", sppb_chart),
    ):
        chart = draw(checks)
        if chart:
            drawn.append(Chart(f"progress-{name}", chart, heading))
    return tuple(drawn)


CHAIR_HEADING = "Five chair rises: seconds (lower is better)"
BALANCE_HEADING = "Balance stands: points out of 4 (higher is better)"
WALK_HEADING = "Walking speed over 4 metres (higher is better)"
SPPB_HEADING = "Tests score (SPPB): out of 12 (higher is better)"
# SPPB in one line, for a reader or a clinician who meets the name here first.
SPPB_MEANS = "the balance, walk and chair-rise tests' points added up, 0 to 12"
NOT_FINISHED = "could not finish"


def chair_chart(checks: Sequence[Measured]) -> str:
    """Five chair rises in seconds with the SPPB points bands (M1) and the 15 s line (S3)."""
    marks = [_chair_mark(check) for check in checks]
    if all(mark.value is None and not mark.unable for mark in marks):
        return ""
    times = [mark.value for mark in marks if mark.value is not None]
    step, top = nice_axis(max([*times, 20.0]))
    ticks = _ticks(step, top)
    unable = any(mark.unable for mark in marks)
    axis = Axis(ticks, top + step / 2 if unable else top, "seconds (lower is better)", _plain)
    edges = [Decimal(0), *(limit for limit, _ in evidence.SPPB_CHAIR_BANDS)]
    bands = [
        Band(float(low), min(float(high), top), numbers.plural(points, "point"), index % 2 == 0)
        for index, (low, (high, points)) in enumerate(
            zip(edges[:-1], evidence.SPPB_CHAIR_BANDS, strict=True)
        )
        if float(low) < top
    ]
    if top > float(edges[-1]):
        bands.append(Band(float(edges[-1]), top, "0 points", len(bands) % 2 == 0))
    low_above = evidence.CHAIR_STAND_LOW_ABOVE_SECONDS
    rule = Rule(float(low_above), f"{_decimal(low_above)} s: slower is low strength")
    band_words = "; ".join(
        f"up to {_decimal(high)} seconds: {numbers.plural(points, 'point')}"
        for high, points in evidence.SPPB_CHAIR_BANDS
    )
    description = (
        f"{_listed(marks)} Shaded bands give the SPPB points: {band_words}; slower, or not "
        f"finished: 0 points. The dashed line at {_decimal(low_above)} seconds: slower is a "
        "sign of low leg strength. Not finished is drawn as a cross at the top, not as a time."
    )
    return _line_chart(
        "rg-progress-chair",
        f"Five chair rises in seconds, lower is better: {_latest(marks)}",
        description,
        marks,
        axis,
        bands=bands,
        rules=[rule],
        plot_height=_CHAIR_PLOT_HEIGHT,
    )


def balance_chart(checks: Sequence[Measured]) -> str:
    """Balance stands: SPPB points 0–4 (M1)."""
    marks = [
        Mark(
            check.day,
            None if check.balance_points is None else float(check.balance_points),
            "" if check.balance_points is None else _points(check.balance_points),
            "" if check.balance_points is None else str(check.balance_points),
        )
        for check in checks
    ]
    if all(mark.value is None for mark in marks):
        return ""
    most = evidence.SPPB_PART_MAX
    axis = Axis(tuple(float(point) for point in range(most + 1)), most, "points", _plain)
    return _line_chart(
        "rg-progress-balance",
        f"Balance stands in points out of {most}, higher is better: {_latest(marks)}",
        f"{_listed(marks)} The three stands (feet together, half tandem, tandem) score up to "
        f"{most} points.",
        marks,
        axis,
    )


def walk_chart(checks: Sequence[Measured]) -> str:
    """Walking speed over 4 m in metres a second, with the 0.8 m/s line (M3, M4)."""
    marks = [_walk_mark(check) for check in checks]
    speeds = [mark.value for mark in marks if mark.value is not None]
    if not speeds:
        return ""
    slow = evidence.FALLS_GAIT_SPEED_BELOW
    step, top = nice_axis(max([*speeds, 1.0]))
    axis = Axis(_ticks(step, top), top, "metres a second (higher is better)", _speed_tick)
    rule = Rule(float(slow), f"under {_decimal(slow)} m/s: slow", below=True)
    return _line_chart(
        "rg-progress-walk",
        f"Walking speed in metres a second, higher is better: {_latest(marks)}",
        f"{_listed(marks)} The dashed line at {_decimal(slow)} metres a second: slower is a "
        "sign for a physiotherapist (strength and balance exercise helps).",
        marks,
        axis,
        rules=[rule],
    )


def sppb_chart(checks: Sequence[Measured]) -> str:
    """The SPPB total 0–12 (its low end; a range bar when a test was not done), levels A–D (M3)."""
    marks = [_sppb_mark(check) for check in checks]
    if all(mark.value is None for mark in marks):
        return ""
    tops = evidence.VIVIFRAIL_LEVEL_TOPS
    most = tops[-1]
    bottoms = [0, *(top + 1 for top in tops[:-1])]
    # A level's band runs half a point past its scores, so the edge sits between two totals.
    bands = [
        Band(max(bottom - 0.5, 0), min(top + 0.5, most), f"Level {level}", index % 2 == 0)
        for index, (bottom, top, level) in enumerate(zip(bottoms, tops, "ABCD", strict=True))
    ]
    level_words = "; ".join(
        f"{numbers.span(bottom, top)}: level {level}"
        for bottom, top, level in zip(bottoms, tops, "ABCD", strict=True)
    )
    axis = Axis(tuple(float(tick) for tick in range(0, most + 1, 3)), most, "out of 12", _plain)
    ranged = any(mark.high is not None for mark in marks)
    return _line_chart(
        "rg-progress-sppb",
        f"Tests score (SPPB) out of {most}, higher is better: {_latest(marks)}",
        f"SPPB: {SPPB_MEANS}. {_listed(marks)} Shaded bands give the levels: {level_words}."
        + (
            " A bar shows where the total could be when a test was not done; the dot is its "
            "low end, counting the test not done as 0."
            if ranged
            else ""
        ),
        marks,
        axis,
        bands=bands,
    )


def _chair_mark(check: Measured) -> Mark:
    points = "" if check.chair_points is None else f", {_points(check.chair_points)}"
    if check.chair_unable:
        return Mark(check.day, None, f"{NOT_FINISHED}{points}", unable=True)
    if check.chair_seconds is None:
        return Mark(check.day, None)
    seconds = numbers.number(check.chair_seconds, evidence.CHAIR_STAND_DECIMAL_PLACES)
    return Mark(check.day, float(check.chair_seconds), f"{seconds} seconds{points}", seconds)


def _walk_mark(check: Measured) -> Mark:
    speed, took = check.walk_speed, check.walk_seconds
    if speed is None or took is None:
        return Mark(check.day, None)
    text = f"{numbers.number(speed, 2)} m/s ({numbers.number(took, 1)} seconds for 4 m)"
    return Mark(check.day, float(speed), text, numbers.number(speed, 2))


def _sppb_mark(check: Measured) -> Mark:
    score = check.sppb
    if score is None:
        return Mark(check.day, None)
    level = "" if check.level is None else f", level {check.level.value}"
    if score.complete:
        return Mark(check.day, float(score.low), f"{score.low} out of 12{level}", str(score.low))
    scores = numbers.span(score.low, score.high)
    text = f"{scores} out of 12 (a test not done){level}"
    return Mark(check.day, float(score.low), text, scores, high=float(score.high))


# ---------------------------------------------------------------- words


def day_text(day: date) -> str:
    """A check's date, short and the same in every browser: "7 Dec 2026"."""
    return f"{day.day} {MONTH_NAMES[day.month - 1][:3]} {day.year}"


def _listed(marks: Sequence[Mark]) -> str:
    """Every check's value by date; a test not done is said."""
    count = numbers.plural(len(marks), "check")
    values = "; ".join(f"{day_text(mark.day)}: {mark.text or 'not done'}" for mark in marks)
    return f"Line chart of {count}, by date. {values}."


def _latest(marks: Sequence[Mark]) -> str:
    """The latest value shown: "latest 12.8 seconds, 3 points (7 Dec 2026)"."""
    mark = [each for each in marks if each.text][-1]
    return f"latest {mark.text} ({day_text(mark.day)})"


def _points(points: int) -> str:
    return numbers.plural(points, "point")


def _decimal(value: Decimal) -> str:
    """A cut-off as the evidence writes it: "11.19", "60", "0.8"."""
    exponent = value.normalize().as_tuple().exponent
    return numbers.number(value, max(0, -exponent) if isinstance(exponent, int) else 0)


def _plain(value: float) -> str:
    return numbers.number(Decimal(repr(value)))


def _speed_tick(value: float) -> str:
    return numbers.number(Decimal(repr(value)), 2).rstrip("0").rstrip(".") or "0"


def _ticks(step: float, top: float) -> tuple[float, ...]:
    return tuple(step * index for index in range(round(top / step) + 1))


# ---------------------------------------------------------------- drawing


def _line_chart(
    prefix: str,
    title: str,
    description: str,
    marks: Sequence[Mark],
    axis: Axis,
    *,
    bands: Sequence[Band] = (),
    rules: Sequence[Rule] = (),
    plot_height: float = PLOT_HEIGHT,
) -> str:
    """Values by date over bands and reference lines; every text given is escaped.

    At the top, a key line per reference line, then the axis' name; under the plot, the dates.
    """
    parts: list[str] = []
    y = 0.0
    for rule in rules:
        y += LINE_HEIGHT
        parts += _rule_sample(4, y - 5, rule.label)
    y += LINE_HEIGHT
    parts.append(text_at(4, y, axis.name, anchor="start"))
    plot = _Plot(x_min=0, x_max=1, y_min=0, y_max=axis.top, top=y + _HEADROOM, tall=plot_height)
    right = plot.x_at(1)
    # The bands' names take a column at the right, where no check is drawn (on every chart, so
    # a date is at the same place on all four).
    data_right = right - _NAMES_COLUMN
    for band in bands:
        if band.shaded:
            parts.append(
                f'<rect class="rg-chart-band" x="{plot.x(0)}" y="{plot.y(band.high)}" '
                f'width="{coordinate(plot.width)}" '
                f'height="{coordinate(plot.y_at(band.low) - plot.y_at(band.high))}" '
                f'fill="currentColor" fill-opacity="0.1"/>'
            )
    parts += plot.y_grid(axis.ticks, axis.tick_text)
    parts += _band_labels(plot, bands, right - 4)
    parts += [
        f'<line class="rg-chart-rule" x1="{plot.x(0)}" y1="{plot.y(rule.value)}" '
        f'x2="{coordinate(data_right)}" y2="{plot.y(rule.value)}" stroke="currentColor" '
        f'stroke-dasharray="{_DASH}" stroke-width="2"/>'
        for rule in rules
    ]
    xs = _positions([mark.day for mark in marks], (data_right - plot.x_at(0)) / plot.width)
    parts += _lines(plot, marks, xs)
    parts += _points_drawn(plot, marks, xs)
    parts += _value_labels(plot, marks, xs, [plot.y_at(rule.value) for rule in rules])
    parts += _date_labels(plot, marks, xs)
    height = plot.bottom + 2 * LINE_HEIGHT + 10
    return svg(prefix, title, description, parts, height=height)


@dataclass(frozen=True)
class _Plot(Plot):
    """The kit's plot area with a height of its own (the chair's thin bands need more)."""

    tall: float = PLOT_HEIGHT

    @property
    def height(self) -> float:
        """The plot area's height."""
        return self.tall


def _rule_sample(x: float, y: float, label: str) -> list[str]:
    """A reference line's key: a dashed sample and its label."""
    return [
        f'<line x1="{coordinate(x)}" y1="{coordinate(y)}" x2="{coordinate(x + 28)}" '
        f'y2="{coordinate(y)}" stroke="currentColor" stroke-dasharray="{_DASH}" '
        f'stroke-width="2"/>',
        text_at(x + 34, y + 5, label, anchor="start"),
    ]


def _positions(days: Sequence[date], room: float = 1.0) -> list[float]:
    """Each date as a fraction of the plot's width, spaced by date (one date: the middle).

    Dates take the first `room` of the width, less a margin each side for their labels.
    """
    first, last = days[0].toordinal(), days[-1].toordinal()
    if first == last:
        return [room / 2 for _ in days]
    inner = room - 2 * _X_MARGIN
    return [_X_MARGIN + inner * (day.toordinal() - first) / (last - first) for day in days]


def _lines(plot: Plot, marks: Sequence[Mark], xs: Sequence[float]) -> list[str]:
    """The line through the measured values, broken where a test was not done or finished."""
    runs: list[list[str]] = [[]]
    for mark, x in zip(marks, xs, strict=True):
        if mark.value is None:
            runs.append([])
        else:
            runs[-1].append(f"{plot.x(x)},{plot.y(mark.value)}")
    return [
        f'<polyline class="rg-chart-line" points="{" ".join(run)}" fill="none" '
        f'stroke="currentColor" stroke-width="2"/>'
        for run in runs
        if len(run) > 1
    ]


def _points_drawn(plot: Plot, marks: Sequence[Mark], xs: Sequence[float]) -> list[str]:
    """A dot per value, a bar for a range, a labelled cross for "could not finish"."""
    parts: list[str] = []
    labelled_until = -1.0
    for mark, fraction in zip(marks, xs, strict=True):
        x = plot.x_at(fraction)
        if mark.unable:
            y = plot.y_at(plot.y_max)
            d = (
                f"M{coordinate(x - _CROSS)} {coordinate(y - _CROSS)}"
                f"L{coordinate(x + _CROSS)} {coordinate(y + _CROSS)}"
                f"M{coordinate(x - _CROSS)} {coordinate(y + _CROSS)}"
                f"L{coordinate(x + _CROSS)} {coordinate(y - _CROSS)}"
            )
            parts.append(
                f'<path class="rg-chart-unable" d="{d}" fill="none" stroke="currentColor" '
                f'stroke-width="2.5"/>'
            )
            width = len(NOT_FINISHED) * CHAR_WIDTH
            start = x + _CROSS + 4
            if start + width > WIDTH - 4:
                start = x - _CROSS - 4 - width
            if start > labelled_until:
                parts.append(text_at(start, y + 5, NOT_FINISHED, anchor="start"))
                labelled_until = start + width + _LABEL_GAP
            continue
        if mark.value is None:
            continue
        if mark.high is not None:
            top, bottom = plot.y(mark.high), plot.y(mark.value)
            left, right = coordinate(x - _POINT_R), coordinate(x + _POINT_R)
            parts.append(
                f'<path class="rg-chart-range" d="M{plot.x(fraction)} {bottom}V{top}'
                f'M{left} {top}H{right}" fill="none" stroke="currentColor" stroke-width="2"/>'
            )
        parts.append(
            f'<circle class="rg-chart-point" cx="{plot.x(fraction)}" cy="{plot.y(mark.value)}" '
            f'r="{_POINT_R}"/>'
        )
    return parts


def _value_labels(
    plot: Plot, marks: Sequence[Mark], xs: Sequence[float], rules_y: Sequence[float]
) -> list[str]:
    """The values above their dots, the latest first, leaving out any that would overlap.

    A label goes under its dot when there is no room above or a reference line runs there.
    """
    parts: list[str] = []
    taken: list[tuple[float, float]] = []
    measured = [(m, x) for m, x in zip(marks, xs, strict=True) if m.value is not None]
    for mark, fraction in reversed(measured):
        text = mark.label
        width = len(text) * CHAR_WIDTH
        x = min(max(plot.x_at(fraction), 4 + width / 2), WIDTH - 4 - width / 2)
        left, right = x - width / 2, x + width / 2
        if any(left < other_right and other_left < right for other_left, other_right in taken):
            continue
        taken.append((left - _LABEL_GAP, right + _LABEL_GAP))
        value = 0.0 if mark.value is None else mark.value
        y = plot.y_at(value if mark.high is None else mark.high) - 9
        crossed = any(y - 12 <= rule_y <= y + 3 for rule_y in rules_y)
        if crossed or y - 12 < plot.top - _HEADROOM:
            y = plot.y_at(value) + _POINT_R + 15
        parts.append(
            f'<text class="rg-chart-value" x="{coordinate(x)}" y="{coordinate(y)}" '
            f'text-anchor="middle" font-weight="bold">{escape(text)}</text>'
        )
    return parts


def _date_labels(plot: Plot, marks: Sequence[Mark], xs: Sequence[float]) -> list[str]:
    """A tick at every check's date; its date under it where it fits (the year when it changes).

    The latest and the first dates are labelled first, then the others left to right where they
    leave room, so labels never overlap.
    """
    base = plot.y_at(plot.y_min)
    parts = [
        f'<line x1="{plot.x(x)}" y1="{coordinate(base)}" x2="{plot.x(x)}" '
        f'y2="{coordinate(base + 5)}" stroke="currentColor" stroke-width="1.5"/>'
        for x in xs
    ]
    order = sorted(range(len(marks)), key=lambda i: (i not in {len(marks) - 1, 0}, i))
    taken: list[tuple[float, float]] = []
    shown: list[int] = []
    for index in order:
        text = f"{marks[index].day.day} {MONTH_NAMES[marks[index].day.month - 1][:3]}"
        width = max(len(text), 4) * CHAR_WIDTH
        x = plot.x_at(xs[index])
        left, right = x - width / 2, x + width / 2
        if any(left < other_right and other_left < right for other_left, other_right in taken):
            continue
        taken.append((left - _LABEL_GAP, right + _LABEL_GAP))
        shown.append(index)
    year = None
    for index in sorted(shown):
        day = marks[index].day
        x = plot.x_at(xs[index])
        parts.append(text_at(x, base + LINE_HEIGHT, f"{day.day} {MONTH_NAMES[day.month - 1][:3]}"))
        if day.year != year:
            parts.append(text_at(x, base + 2 * LINE_HEIGHT, str(day.year)))
            year = day.year
    return parts


def _band_labels(plot: Plot, bands: Sequence[Band], right: float) -> list[str]:
    """Each band's name at the plot's right, in its band; stacked apart where bands are thin."""
    # A baseline just above the band's lower edge (its middle may carry a reference line).
    wanted = [plot.y_at(band.low) - 5 for band in bands]
    # From the top down, each at least one label's height below the one above it.
    order = sorted(range(len(bands)), key=lambda index: wanted[index])
    placed: dict[int, float] = {}
    floor = plot.top + LINE_HEIGHT - 4
    for index in order:
        y = max(wanted[index], floor)
        placed[index] = y
        floor = y + _BAND_LABEL_SPACING
    # Then from the bottom up, so the lowest stays inside the plot.
    ceiling = plot.bottom - 4
    for index in reversed(order):
        placed[index] = min(placed[index], ceiling)
        ceiling = placed[index] - _BAND_LABEL_SPACING
    return [
        text_at(right, placed[index], band.label, anchor="end") for index, band in enumerate(bands)
    ]


__all__ = [
    "BALANCE_HEADING",
    "CHAIR_HEADING",
    "SPPB_HEADING",
    "SPPB_MEANS",
    "WALK_HEADING",
    "balance_chart",
    "chair_chart",
    "charts",
    "day_text",
    "sppb_chart",
    "walk_chart",
]
