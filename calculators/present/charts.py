"""Small accessible SVG charts, drawn here so the site needs no JavaScript chart library.

Every chart is one `<svg role="img">` named by its `<title>` and `<desc>` (`aria-labelledby`);
the description is a full text alternative that states every number drawn. Ids start with a
caller's prefix, so several charts can share a page. The viewBox scales the chart to its
container (the `rg-chart` class caps the width). Everything is painted in `currentColor`, the
text colour around the chart, so it reads in light and dark mode and prints black; the target
band is hatched and edged with dashed lines, so nothing is told apart by colour alone. Every
text is escaped. Pure functions: numbers in, SVG text out.

Here: the answers' charts, the bar chart they share and the drawing kit (`Plot`, `svg`,
`text_at`, `hatched`, `coordinate`); the chart a page shows whatever the reader enters (muscle
loss with age) is drawn with the same kit in `present.page_charts`, at build time only.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from calculators.present import numbers
from calculators.present.escape import escape

WIDTH = 400
HEIGHT = 270
_LEFT, _RIGHT, PLOT_TOP, _BOTTOM = 52, 12, 64, 48
_HATCH_SPACING = 6
# 14 units of text in a 400-unit chart: on a 360 px phone, where the chart is about 320 px
# wide, labels are still drawn at about 11 px; wider screens draw them up to body size.
_FONT_SIZE = 14
_CHAR_WIDTH = 7.7  # average width of a 14-unit character, to tell whether a label fits
LINE_HEIGHT = 18
_SWATCH = 12
_MAX_TICKS = 5
# An id prefix: a letter, then letters, digits, "-" or "_" (safe in ids and in url(#…)).
_PREFIX = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,40}")


@dataclass(frozen=True)
class Bar:
    """One bar: solid from 0 to `value`, optionally an outlined top up to `high`."""

    label: str
    value: float
    value_text: str
    high: float | None = None


@dataclass(frozen=True)
class Band:
    """A horizontal target band from `low` to `high`, named in the legend by `label`."""

    low: float
    high: float
    label: str


# ---------------------------------------------------------------- the charts Regain shows


def protein_per_meal_chart(
    *,
    meals: int,
    daily_g: tuple[int, int],
    per_meal_g: tuple[int, int],
    protein_meals: int | None = None,
    occasions: int | None = None,
    prefix: str = "rg-protein-per-meal",
) -> str:
    """The advised split: one bar per meal (and per added snack), as the answer's words say.

    Each bar is the per-meal amount the answer gives (solid to its low end, outlined to its
    high end), so the chart and the words agree to the gram. Meals that carry no target
    (`protein_meals` below `meals`) are drawn empty and labelled "as usual"; snacks the answer
    adds (`occasions` above `meals`) get their own bars.

    Args:
        meals: the meals the reader eats a day.
        daily_g: the daily range in grams (low, high).
        per_meal_g: the amount at each meal that carries protein (low, high).
        protein_meals: how many meals carry the per-meal amount (default: every meal).
        occasions: meals plus the protein-rich snacks the answer adds (default: `meals`).
        prefix: the start of every id in the chart.

    """
    protein_meals = meals if protein_meals is None else protein_meals
    occasions = meals if occasions is None else max(meals, occasions)
    amount = numbers.grams(*per_meal_g)
    day = numbers.grams(*daily_g)
    low, high = per_meal_g
    bars = [
        Bar(f"Meal {n}" if meals > 1 else "Meal", low, amount, high)
        for n in range(1, protein_meals + 1)
    ]
    bars += [Bar(f"Meal {n}", 0, "as usual") for n in range(protein_meals + 1, meals + 1)]
    snacks = occasions - meals
    bars += [
        Bar(f"Snack {n}" if snacks > 1 else "Snack", low, amount, high)
        for n in range(1, snacks + 1)
    ]
    carrying = protein_meals + snacks
    if meals == 1:
        spread = "your meal"
    elif protein_meals == meals:
        spread = f"each of your {meals} meals"
    else:
        spread = f"{protein_meals} of your {meals} meals"
    if snacks:
        spread += f" and {'at each of ' if snacks > 1 else 'at '}"
        spread += numbers.plural(snacks, "added snack")
    usual = meals - protein_meals
    usual_text = (
        f" The other {numbers.plural(usual, 'meal')}: eat as usual (an empty bar)." if usual else ""
    )
    return bar_chart(
        prefix=prefix,
        title=f"Protein per meal: {amount} at {spread}",
        description=(
            f"Bar chart with {len(bars)} bars. The protein to aim for: {amount} at "
            f"{spread} ({carrying} in all), which together make about your {day} a day. The "
            f"solid part of a bar is the low end, the outlined top the high end.{usual_text}"
        ),
        bars=bars,
        band=None,
        legend=f"Bars: aim for {amount} at {spread}; together about your {day} a day",
        axis_label="grams of protein",
    )


def steps_chart(
    *, weekly: Sequence[int], target: tuple[int, int], prefix: str = "rg-plan-steps"
) -> str:
    """Daily steps week by week, one bar per week, against the target band.

    Args:
        weekly: steps a day for week 1, 2, … (a plan's `steps.weekly`).
        target: the daily target (low, high), drawn as the band.
        prefix: the start of every id in the chart.

    """
    weeks = len(weekly)
    week_word = "week" if weeks == 1 else "weeks"
    per_week = "; ".join(f"week {week}: {steps:,}" for week, steps in enumerate(weekly, 1))
    band_text = f"{target[0]:,}–{target[1]:,}"
    reached = next((w for w, steps in enumerate(weekly, 1) if steps >= target[0]), None)
    reached_text = "" if reached is None else f" The target's low end is reached in week {reached}."
    return bar_chart(
        prefix=prefix,
        title=f"Steps a day, week by week, over {weeks} {week_word}",
        description=(
            f"Bar chart with {weeks} bars, one per week. Steps a day: {per_week}. The hatched "
            f"band is the target: {band_text} steps a day.{reached_text}"
        ),
        bars=[Bar(str(week), steps, f"{steps:,}") for week, steps in enumerate(weekly, 1)],
        band=Band(target[0], target[1], f"Target: {band_text} steps a day"),
        legend="Bars: your steps a day in each week",
        axis_label="steps a day",
        x_label="Week",
    )


# ---------------------------------------------------------------- a bar chart with a band


def bar_chart(
    *,
    prefix: str,
    title: str,
    description: str,
    bars: Sequence[Bar],
    band: Band | None,
    legend: str,
    axis_label: str,
    x_label: str = "",
) -> str:
    """A bar chart with a hatched target band; every text given is escaped.

    Args:
        prefix: the start of every id in the chart (a letter, then letters, digits, - or _).
        title: the chart's accessible name.
        description: the full text alternative (state every number the bars show).
        bars: the bars, left to right.
        band: the target band and its legend text, or None for bars alone.
        legend: the legend text for the bars.
        axis_label: what the vertical axis counts, shown above it.
        x_label: a name for the bar labels (e.g. "Week"), shown under them.

    """
    if not bars:
        message = "a bar chart needs at least one bar"
        raise ValueError(message)
    band_values = [] if band is None else [band.low, band.high]
    values = [*band_values, *(b.value for b in bars), *(b.high or 0 for b in bars)]
    if any(not math.isfinite(v) or v < 0 for v in values):
        message = "chart values must be finite and not negative"
        raise ValueError(message)
    step, top = _nice_axis(max(values))
    key: list[tuple[str, str]] = [("bar", legend)]
    if band is not None:
        key.append(("band", band.label))
    legend_parts, legend_bottom = _legend(prefix, key)
    plot_top = legend_bottom + LINE_HEIGHT + 6
    plot = Plot(x_min=0, x_max=len(bars), y_min=0, y_max=top, top=plot_top)
    slot = (WIDTH - _LEFT - _RIGHT) / len(bars)
    bar_width = min(slot * 0.6, 48)
    labels_fit = max(len(b.value_text) for b in bars) * _CHAR_WIDTH <= slot
    parts = [*plot.y_grid(_ticks(step, top), _number_text)]
    if band is not None:
        band_box = (plot.x_at(0), plot.y_at(band.high), plot.x_at(len(bars)), plot.y_at(band.low))
        parts += [
            *hatched(f"{prefix}-band", _rect(*band_box), band_box),
            *(
                f'<line class="rg-chart-band-edge" x1="{plot.x(0)}" y1="{plot.y(edge)}" '
                f'x2="{plot.x(len(bars))}" y2="{plot.y(edge)}" stroke="currentColor" '
                f'stroke-dasharray="6 4" stroke-width="1.5"/>'
                for edge in (band.low, band.high)
            ),
        ]
    for index, bar in enumerate(bars):
        left = plot.x_at(index + 0.5) - bar_width / 2
        x = coordinate(left)
        width = coordinate(bar_width)
        parts.append(
            f'<rect class="rg-chart-bar" x="{x}" y="{plot.y(bar.value)}" width="{width}" '
            f'height="{coordinate(plot.height * bar.value / top)}" fill="currentColor" '
            f'fill-opacity="0.55"/>'
        )
        tip = bar.value
        if bar.high is not None and bar.high > bar.value:
            tip = bar.high
            height = coordinate(plot.height * (bar.high - bar.value) / top)
            parts.append(
                f'<rect class="rg-chart-bar-range" x="{x}" y="{plot.y(bar.high)}" '
                f'width="{width}" height="{height}" fill="none" stroke="currentColor" '
                f'stroke-width="1.5"/>'
            )
        if labels_fit or index in {0, len(bars) - 1}:
            label_y = plot.y_at(tip) - 4
            if band is not None:
                label_y = _label_above(plot.y_at(tip), plot.y_at(band.high), plot.y_at(band.low))
            parts.append(text_at(plot.x_at(index + 0.5), label_y, bar.value_text))
    parts += plot.x_ticks(
        [(index + 0.5, bar.label) for index, bar in enumerate(bars)], x_label, marks=False
    )
    parts += [*legend_parts, text_at(4, plot_top - 10, axis_label, anchor="start")]
    return svg(prefix, title, description, parts, height=plot.bottom + _BOTTOM)


def _wrap(text: str, characters: int) -> list[str]:
    """Words joined into lines of at most `characters` (a longer word gets its own line).

    textwrap would do, but it is one more module for the reader's browser to fetch.

    >>> _wrap("aim for 14–16 g at each of your 3 meals", 16)
    ['aim for 14–16 g', 'at each of your', '3 meals']
    """
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= characters:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _legend(prefix: str, key: Sequence[tuple[str, str]]) -> tuple[list[str], float]:
    """A legend across the chart's top, each entry's text wrapped to the chart's width.

    Returns the drawn parts and the y of the legend's bottom edge.
    """
    text_x = 4 + _SWATCH + 6
    characters = max(12, int((WIDTH - text_x - _RIGHT) / _CHAR_WIDTH))
    parts: list[str] = []
    y = 6.0
    for kind, text in key:
        box = (4.0, y, 4.0 + _SWATCH, y + _SWATCH)
        if kind == "band":
            parts += hatched(f"{prefix}-key", _rect(*box), box)
            parts.append(_rect(*box, 'fill="none" stroke="currentColor" stroke-dasharray="3 2"'))
        else:
            parts.append(_rect(*box, 'fill="currentColor" fill-opacity="0.55"'))
        lines = _wrap(text, characters)
        for number, line in enumerate(lines):
            parts.append(text_at(text_x, y + 11 + number * LINE_HEIGHT, line, anchor="start"))
        y += len(lines) * LINE_HEIGHT + 4
    return parts, y


# ---------------------------------------------------------------- drawing helpers


@dataclass(frozen=True)
class Plot:
    """Maps data values onto the plot area of the viewBox."""

    x_min: float
    x_max: float
    y_min: float
    y_max: float
    top: float = PLOT_TOP

    @property
    def width(self) -> float:
        """The plot area's width."""
        return float(WIDTH - _LEFT - _RIGHT)

    @property
    def height(self) -> float:
        """The plot area's height."""
        return float(HEIGHT - PLOT_TOP - _BOTTOM)

    @property
    def bottom(self) -> float:
        """The y of the plot's bottom edge (its x axis)."""
        return self.top + self.height

    def x(self, value: float) -> str:
        """The x coordinate of a data value, as SVG text."""
        return coordinate(self.x_at(value))

    def y(self, value: float) -> str:
        """The y coordinate of a data value, as SVG text (up is more)."""
        return coordinate(self.y_at(value))

    def x_at(self, value: float) -> float:
        """The x coordinate of a data value."""
        return _LEFT + (value - self.x_min) / (self.x_max - self.x_min) * self.width

    def y_at(self, value: float) -> float:
        """The y coordinate of a data value (up is more)."""
        return self.top + (1 - (value - self.y_min) / (self.y_max - self.y_min)) * self.height

    def y_grid(self, ticks: Sequence[float], label: Callable[[float], str]) -> list[str]:
        """Light grid lines with their labels left of the plot, and the axis line."""
        lines = []
        for tick in ticks:
            y = self.y(tick)
            lines.append(
                f'<line class="rg-chart-grid" x1="{_LEFT}" y1="{y}" x2="{WIDTH - _RIGHT}" '
                f'y2="{y}" stroke="currentColor" stroke-opacity="0.2" stroke-width="1"/>'
            )
            lines.append(text_at(_LEFT - 6, self.y_at(tick) + 4, label(tick), anchor="end"))
        lines.append(
            f'<line class="rg-chart-axis" x1="{_LEFT}" y1="{self.y(self.y_min)}" '
            f'x2="{WIDTH - _RIGHT}" y2="{self.y(self.y_min)}" stroke="currentColor" '
            f'stroke-width="1"/>'
        )
        return lines

    def x_ticks(
        self, ticks: Sequence[tuple[float, str]], name: str, *, marks: bool = True
    ) -> list[str]:
        """Labels under the plot, and the axis name.

        A label too wide for its slot goes one word a line ("Meal" over "8") when its words fit;
        otherwise only every other label (or fewer) is shown, so labels never overlap.
        """
        base = self.y_at(self.y_min)
        slot = self.width / max(len(ticks), 1)
        widest = max((len(label) for _, label in ticks), default=0) * _CHAR_WIDTH
        longest_word = max((len(word) for _, label in ticks for word in label.split()), default=0)
        stacked = widest + 4 > slot and longest_word * _CHAR_WIDTH + 2 <= slot
        every = 1 if stacked else max(1, math.ceil((widest + 4) / slot))
        parts = []
        for index, (value, label) in enumerate(ticks):
            if marks:
                parts.append(
                    f'<line x1="{self.x(value)}" y1="{coordinate(base)}" x2="{self.x(value)}" '
                    f'y2="{coordinate(base + 4)}" stroke="currentColor" stroke-width="1"/>'
                )
            if index % every:
                continue
            lines = label.split() if stacked else [label]
            for number, line in enumerate(lines):
                parts.append(text_at(self.x_at(value), base + (number + 1) * LINE_HEIGHT, line))
        if name:
            parts.append(text_at(_LEFT + self.width / 2, self.bottom + _BOTTOM - 6, name))
        return parts


def svg(
    prefix: str, title: str, description: str, parts: Sequence[str], height: float = HEIGHT
) -> str:
    """The `<svg>` element around drawn parts, named by its title and description."""
    if not _PREFIX.fullmatch(prefix):
        message = f"chart id prefix {prefix!r} must be a letter then letters, digits, - or _"
        raise ValueError(message)
    body = "\n".join(parts)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="rg-chart-svg" role="img" '
        f'width="100%" viewBox="0 0 {WIDTH} {coordinate(height)}" '
        f'aria-labelledby="{prefix}-title {prefix}-desc" font-size="{_FONT_SIZE}" '
        f'fill="currentColor">\n'
        f'<title id="{prefix}-title">{escape(title)}</title>\n'
        f'<desc id="{prefix}-desc">{escape(description)}</desc>\n'
        f"{body}\n</svg>"
    )


def text_at(x: float, y: float, text: str, *, anchor: str = "middle", bold: bool = False) -> str:
    """A text label (escaped), centred on x unless `anchor` says otherwise."""
    weight = ' font-weight="bold"' if bold else ""
    return (
        f'<text x="{coordinate(x)}" y="{coordinate(y)}" text-anchor="{escape(anchor)}"{weight}>'
        f"{escape(text)}</text>"
    )


def _rect(left: float, top: float, right: float, bottom: float, paint: str = "") -> str:
    """A rectangle from its edges; `paint` is already-safe attribute text."""
    return (
        f'<rect x="{coordinate(left)}" y="{coordinate(top)}" width="{coordinate(right - left)}"'
        f' height="{coordinate(bottom - top)}"{" " if paint else ""}{paint}/>'
    )


def hatched(clip_id: str, shape: str, box: tuple[float, float, float, float]) -> list[str]:
    """A shape filled faintly and hatched with diagonal lines, all in `currentColor`.

    The hatch lines are drawn in the chart itself and clipped to the shape, not kept in an SVG
    `<pattern>`: browsers paint a pattern's `currentColor` black, which vanishes in dark mode.

    Args:
        clip_id: the clip path's id (unique on the page).
        shape: the shape as an SVG element without paint (`<rect …/>` or `<path …/>`).
        box: the shape's bounding box (left, top, right, bottom), to place the lines.

    """
    left, top, right, bottom = box
    height = bottom - top
    count = math.ceil((right - left + height) / _HATCH_SPACING) + 1
    lines = " ".join(
        f"M{coordinate(x)} {coordinate(bottom)}L{coordinate(x + height)} {coordinate(top)}"
        for x in (left - height + index * _HATCH_SPACING for index in range(count))
    )
    return [
        f'<clipPath id="{clip_id}">{shape}</clipPath>',
        f'<g class="rg-chart-band" fill="currentColor" fill-opacity="0.08">{shape}</g>',
        f'<path class="rg-chart-hatch" d="{lines}" clip-path="url(#{clip_id})" fill="none" '
        f'stroke="currentColor" stroke-opacity="0.45" stroke-width="1.5"/>',
    ]


def _label_above(tip_y: float, band_top_y: float, band_bottom_y: float) -> float:
    """Where a bar's label sits: above the bar, or above the band rather than on its hatching."""
    baseline = tip_y - 4
    if baseline > band_top_y and baseline - _FONT_SIZE < band_bottom_y:
        return band_top_y - 4
    return baseline


def _nice_axis(largest: float) -> tuple[float, float]:
    """A round tick step and the axis top (a multiple of it) above `largest` with some room.

    >>> _nice_axis(109), _nice_axis(8000)
    ((50.0, 150.0), (2000.0, 10000.0))
    """
    room = max(largest * 1.15, 1.0)
    magnitude = 10 ** math.floor(math.log10(room / _MAX_TICKS))
    for factor in (1, 2, 2.5, 5, 10):
        step = float(factor * magnitude)
        if room / step <= _MAX_TICKS:
            return step, step * math.ceil(room / step)
    return float(10 * magnitude), float(10 * magnitude * _MAX_TICKS)  # pragma: no cover


def _ticks(step: float, top: float) -> list[float]:
    """0, step, 2 × step, … up to `top`."""
    return [step * index for index in range(round(top / step) + 1)]


def _number_text(value: float) -> str:
    """A tick value as people write it: 2,000 or 2.5."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.1f}"


def coordinate(value: float) -> str:
    """A coordinate with at most one decimal ("12", "12.5"); NaN and infinity never reach SVG."""
    if not math.isfinite(value):
        message = f"chart coordinate {value!r} is not a finite number"
        raise ValueError(message)
    text = f"{value:.1f}"
    text = text.removesuffix(".0")
    return "0" if text == "-0" else text
