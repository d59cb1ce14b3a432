"""Charts a page shows whatever the reader enters, drawn once by the build: muscle loss with age.

The same drawing kit as the answers' charts (`present.charts`: one `<svg role="img">` named by
its title and a description that states every number, in `currentColor`, every text escaped).
Only the build reads this module (the `muscle_loss_chart` macro calls `muscle_loss_figure`): the
engine draws no such chart.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from calculators import evidence
from calculators.present import html
from calculators.present.charts import (
    LINE_HEIGHT,
    PLOT_TOP,
    WIDTH,
    Plot,
    coordinate,
    hatched,
    svg,
    text_at,
)
from calculators.present.view import Cite, source_name
from calculators.results import round_half_up


def muscle_remaining_percent(age: float, loss_per_decade_percent: int) -> float:
    """Muscle mass left at `age`, in % of that at 30: an illustrative population average.

    From 30, `loss_per_decade_percent` a decade (S1); from 60, about 1% a year (S2), which is
    faster than either end of S1's range, so both edges of the band follow it. Losses compound.

    >>> round(muscle_remaining_percent(60, 8), 1), round(muscle_remaining_percent(90, 3), 1)
    (77.9, 67.5)
    """
    start, faster = evidence.MUSCLE_LOSS_FROM_AGE, evidence.MUSCLE_LOSS_FASTER_FROM_AGE
    decades = (min(max(age, start), faster) - start) / 10
    years_after = max(age - faster, 0)
    kept_per_decade = 1 - loss_per_decade_percent / 100
    kept_per_year = 1 - evidence.MUSCLE_LOSS_PER_YEAR_AFTER_60_PERCENT / 100
    return float(100 * kept_per_decade**decades * kept_per_year**years_after)


def muscle_loss_chart(*, prefix: str = "rg-muscle-loss") -> str:
    """Typical muscle loss from 30 to 90 (S1, S2): a band, labelled as a population average."""
    start, faster = evidence.MUSCLE_LOSS_FROM_AGE, evidence.MUSCLE_LOSS_FASTER_FROM_AGE
    end = evidence.MUSCLE_LOSS_CHART_END_AGE
    slow, fast = evidence.MUSCLE_LOSS_PER_DECADE_PERCENT
    per_year = evidence.MUSCLE_LOSS_PER_YEAR_AFTER_60_PERCENT
    ages = list(range(start, end + 1, 10))
    curve_ages = list(range(start, end + 1))
    slower = [(age, muscle_remaining_percent(age, slow)) for age in curve_ages]
    quicker = [(age, muscle_remaining_percent(age, fast)) for age in curve_ages]
    warning = "Population average, not a prediction for you"
    listed = "; ".join(
        f"age {age}: {_percent(muscle_remaining_percent(age, slow))}–"
        f"{_percent(muscle_remaining_percent(age, fast))}"
        for age in ages[1:]
    )
    description = (
        f"{warning}. An illustration of typical muscle loss with age, in % of the muscle mass "
        f"at {start}. Adults lose about {slow}–{fast}% a decade from {start} "
        f"(source: {source_name('S1')}); after {faster} the loss speeds up to about "
        f"{per_year}% a year (source: {source_name('S2')}). The "
        f"hatched band runs between the slower loss (solid line) and the faster loss (dashed "
        f"line). Muscle left, slower to faster loss: {listed}. People differ a lot."
    )
    plot = Plot(x_min=start, x_max=end, y_min=50, y_max=100)
    band = [*slower, *reversed(quicker)]
    band_path = "M" + " L".join(f"{plot.x(a)} {plot.y(p)}" for a, p in band) + " Z"
    parts = [
        *plot.y_grid(range(50, 101, 10), lambda tick: f"{tick}%"),
        *plot.x_ticks([(age, str(age)) for age in ages], "Age (years)"),
        *hatched(
            f"{prefix}-band",
            f'<path d="{band_path}"/>',
            (plot.x_at(start), plot.y_at(100), plot.x_at(end), plot.y_at(50)),
        ),
        _polyline(plot, slower, "rg-chart-line", dashed=False),
        _polyline(plot, quicker, "rg-chart-line rg-chart-line-faster", dashed=True),
        *(
            f'<circle class="rg-chart-point" cx="{plot.x(age)}" '
            f'cy="{plot.y(muscle_remaining_percent(age, rate))}" r="3"/>'
            for rate in (slow, fast)
            for age in ages
        ),
        text_at(WIDTH / 2, 18, warning, anchor="middle", bold=True),
        text_at(4, PLOT_TOP - 12, f"% of the muscle you had at {start}", anchor="start"),
        _legend_line(
            plot.x_at(start) + 8, plot.y_at(62), f"slower loss: {slow}% a decade", dashed=False
        ),
        _legend_line(
            plot.x_at(start) + 8, plot.y_at(56), f"faster loss: {fast}% a decade", dashed=True
        ),
        text_at(plot.x_at(faster) + 4, plot.y_at(100) + 14, f"from {faster}:", anchor="start"),
        text_at(
            plot.x_at(faster) + 4,
            plot.y_at(100) + 14 + LINE_HEIGHT,
            f"about {per_year}% a year",
            anchor="start",
        ),
        (
            f'<line x1="{plot.x(faster)}" y1="{plot.y(100)}" x2="{plot.x(faster)}" '
            f'y2="{plot.y(50)}" stroke="currentColor" stroke-dasharray="2 3" stroke-width="1"/>'
        ),
    ]
    return svg(
        prefix,
        f"Typical muscle loss with age, {start} to {end}: {warning.lower()}",
        description,
        parts,
    )


def muscle_loss_figure(root: str) -> str:
    """The muscle-loss chart in a figure whose caption says what it is and cites S1 and S2.

    Args:
        root: the way from the page being rendered back to the site root.

    """
    sources = ", ".join(html.cite(Cite((ident,)), root) for ident in ("S1", "S2"))
    return (
        '<figure class="rg-chart" data-chart="muscle-loss">\n'
        f"{muscle_loss_chart()}\n"
        "<figcaption>Typical muscle loss with age: a population average, not a prediction "
        f"for you. Sources: {sources}.</figcaption>\n"
        "</figure>"
    )


def _legend_line(x: float, y: float, text: str, *, dashed: bool) -> str:
    """A short line sample and its label, for a line chart's legend."""
    dash = ' stroke-dasharray="6 4"' if dashed else ""
    return (
        f'<line x1="{coordinate(x)}" y1="{coordinate(y)}" x2="{coordinate(x + 24)}" '
        f'y2="{coordinate(y)}" stroke="currentColor" stroke-width="2"{dash}/>\n'
        + text_at(x + 30, y + 4, text, anchor="start")
    )


def _polyline(plot: Plot, points: Sequence[tuple[float, float]], kind: str, dashed: bool) -> str:
    """A line through the points (`kind`: its CSS classes)."""
    dash = ' stroke-dasharray="6 4"' if dashed else ""
    coordinates = " ".join(f"{plot.x(x)},{plot.y(y)}" for x, y in points)
    return (
        f'<polyline class="{kind}" points="{coordinates}" fill="none" stroke="currentColor" '
        f'stroke-width="2"{dash}/>'
    )


def _percent(value: float) -> str:
    """A percentage rounded half up to a whole number."""
    return f"{round_half_up(Decimal(repr(value)))}%"
