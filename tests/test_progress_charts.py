"""The progress charts (issue 24): golden SVG, gaps, "could not finish", bands, finite, by date."""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from helpers.saved import saved_check
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import evidence
from calculators.function import level_for_score
from calculators.present import html, progress_charts
from calculators.present import text as text_view
from calculators.present.charts import _CHAR_WIDTH, WIDTH
from calculators.present.view import Chart, View
from calculators.progress import Measured, measured

GOLDEN = Path(__file__).parent / "golden" / "progress"
SVG = "{http://www.w3.org/2000/svg}"
NAMES = ("chair", "balance", "walk", "sppb")


def check(day: str, **changes: object) -> Measured:
    """A saved self-check as measured; a change to None leaves that answer out (not done)."""
    return measured(saved_check(day, **changes))


ONE = (check("2026-12-01"),)
THREE = (
    check("2026-09-01"),
    check("2026-10-13", chair_stand_seconds=None, chair_stand_unable=True, walk_4m_seconds=None),
    check(
        "2026-12-01", chair_stand_seconds="12.8", walk_4m_seconds="4.4", balance_tandem_seconds="10"
    ),
)


def drawn(points: tuple[Measured, ...]) -> dict[str, str]:
    """Each chart's SVG by its name ("chair", "walk", …)."""
    return {
        block.name.removeprefix("progress-"): block.svg
        for block in progress_charts.charts(points)
        if isinstance(block, Chart)
    }


def parse(svg: str) -> ET.Element:
    """The chart's root element (fails on malformed XML)."""
    return ET.fromstring(svg)


def marks(svg: str, css_class: str) -> list[ET.Element]:
    """Elements carrying `css_class` among their classes."""
    return [e for e in parse(svg).iter() if css_class in e.get("class", "").split()]


def value_at(svg: str, y: float) -> float:
    """The data value at the viewBox's `y`, read off the chart's own grid and tick labels."""
    root = parse(svg)
    ticks = {
        float(t.get("y", 0)) - 4: float(t.text or "")
        for t in root.iter(f"{SVG}text")
        if t.get("text-anchor") == "end" and float(t.get("x", 0)) < 52
    }
    (y0, v0), (y1, v1) = max(ticks.items()), min(ticks.items())
    return v0 + (y - y0) * (v1 - v0) / (y1 - y0)


@pytest.mark.parametrize(("case", "points"), [("one", ONE), ("three", THREE)])
@pytest.mark.parametrize("name", NAMES)
def test_chart_matches_its_golden_file(case: str, points: tuple[Measured, ...], name: str) -> None:
    """Each chart's markup is byte for byte the reviewed one (regenerate on purpose only)."""
    expected = (GOLDEN / f"{case}-{name}.svg").read_text(encoding="utf-8")
    assert drawn(points)[name] + "\n" == expected


def test_each_chart_is_captioned_by_what_it_shows() -> None:
    """Four charts, in order, each captioned with what it shows and which way is better."""
    blocks = progress_charts.charts(THREE)
    assert all(isinstance(block, Chart) for block in blocks)
    assert [block.name for block in blocks if isinstance(block, Chart)] == [
        f"progress-{name}" for name in NAMES
    ]
    assert all("better" in block.caption for block in blocks if isinstance(block, Chart))


def test_the_caption_is_the_figures_html_caption_and_not_in_the_text() -> None:
    """HTML: a <figcaption> before the SVG, escaped; the command line leaves charts out."""
    (first, *_) = progress_charts.charts(ONE)
    assert isinstance(first, Chart)
    assert html.block(first).startswith(
        '<figure class="rg-chart" data-chart="progress-chair"><figcaption>Five chair rises: '
        "seconds (lower is better)</figcaption><svg "
    )
    assert text_view.render(View(progress_charts.charts(THREE))) == ""


def test_output_is_deterministic_and_in_date_order() -> None:
    """The same checks in any order draw the same charts."""
    assert progress_charts.charts(THREE) == progress_charts.charts(tuple(reversed(THREE)))


def test_a_chart_no_check_has_is_left_out() -> None:
    """Without any walk time there is no walk chart; the others are drawn."""
    points = (check("2026-11-01", walk_4m_seconds=None), check("2026-12-01", walk_4m_seconds=None))
    assert list(drawn(points)) == ["chair", "balance", "sppb"]


def test_no_test_at_all_draws_nothing_but_nothing_fails() -> None:
    """Questions only: no chart at all."""
    points = (
        check(
            "2026-12-01",
            chair_stand_seconds=None,
            balance_side_by_side_seconds=None,
            balance_semi_tandem_seconds=None,
            balance_tandem_seconds=None,
            walk_4m_seconds=None,
        ),
    )
    assert progress_charts.charts(points) == ()


def test_a_test_not_done_is_a_gap_not_a_zero() -> None:
    """The walk not done: no dot and a broken line, a tick on its date, "not done" in the desc."""
    points = (check("2026-10-01"), check("2026-11-01", walk_4m_seconds=None), check("2026-12-01"))
    svg = drawn(points)["walk"]
    assert len(marks(svg, "rg-chart-point")) == 2
    assert marks(svg, "rg-chart-line") == []  # two dots, not joined across the gap
    assert "1 Nov 2026: not done" in (parse(svg).findtext(f"{SVG}desc") or "")
    ticks = [e for e in parse(svg).iter(f"{SVG}line") if e.get("y2") != e.get("y1")]
    assert len(ticks) == 3


def test_could_not_finish_is_a_labelled_cross_at_the_top_never_a_number() -> None:
    """Five rises not finished: a cross on the row above the numbers, labelled, no dot."""
    svg = drawn(THREE)["chair"]
    root = parse(svg)
    (cross,) = marks(svg, "rg-chart-unable")
    top_grid = min(float(e.get("y1", 0)) for e in marks(svg, "rg-chart-grid"))
    cross_y = float((cross.get("d") or "").split()[1].split("L")[0]) + 5
    assert cross_y < top_grid  # above the highest number
    assert len(marks(svg, "rg-chart-point")) == 2
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    assert progress_charts.NOT_FINISHED in texts
    assert "13 Oct 2026: could not finish, 0 points" in (root.findtext(f"{SVG}desc") or "")


def test_only_could_not_finish_still_draws_the_chair_chart() -> None:
    """One check, five rises not finished: the chart shows its cross and no dot."""
    svg = drawn((check("2026-12-01", chair_stand_seconds=None, chair_stand_unable=True),))["chair"]
    assert len(marks(svg, "rg-chart-unable")) == 1
    assert marks(svg, "rg-chart-point") == []
    assert "latest could not finish, 0 points" in (parse(svg).findtext(f"{SVG}title") or "")


def test_chair_bands_sit_at_the_sppb_cut_offs_and_the_line_at_15_seconds() -> None:
    """The shaded bands' edges are the SPPB chair cut-offs (M1); the dashed line is S3's 15 s."""
    svg = drawn(THREE)["chair"]
    edges = set()
    for band in marks(svg, "rg-chart-band"):
        top = float(band.get("y", 0))
        edges |= {
            round(value_at(svg, top), 1),
            round(value_at(svg, top + float(band.get("height", 0))), 1),
        }
    cut_offs = [float(limit) for limit, _ in evidence.SPPB_CHAIR_BANDS[:3]]
    assert edges == {0.0, *(round(cut, 1) for cut in cut_offs)}
    (rule,) = marks(svg, "rg-chart-rule")
    assert round(value_at(svg, float(rule.get("y1", 0))), 1) == float(
        evidence.CHAIR_STAND_LOW_ABOVE_SECONDS
    )
    texts = ["".join(t.itertext()) for t in parse(svg).iter(f"{SVG}text")]
    assert [t for t in texts if t.endswith(("point", "points"))] == [
        "4 points",
        "3 points",
        "2 points",
        "1 point",
    ]


def test_walk_chart_draws_the_slow_line_at_0_8() -> None:
    """The dashed line is M3/M4's 0.8 m/s, named in its key."""
    svg = drawn(THREE)["walk"]
    (rule,) = marks(svg, "rg-chart-rule")
    assert round(value_at(svg, float(rule.get("y1", 0))), 2) == float(
        evidence.FALLS_GAIT_SPEED_BELOW
    )
    assert "under 0.8 m/s: slow" in ["".join(t.itertext()) for t in parse(svg).iter(f"{SVG}text")]


@pytest.mark.parametrize("total", range(13))
def test_each_sppb_total_lies_in_its_level_band(total: int) -> None:
    """Every total 0–12 falls inside the band named by its level (M3), not on an edge."""
    svg = drawn(THREE)["sppb"]
    labels = {
        "".join(t.itertext()): float(t.get("y", 0))
        for t in parse(svg).iter(f"{SVG}text")
        if "".join(t.itertext()).startswith("Level ")
    }
    # Each level's name sits just above its band's lower edge: the band is the one whose lower
    # edge is the nearest below the total.
    edges = sorted((round(value_at(svg, y + 5), 3), name) for name, y in labels.items())
    below = [name for edge, name in edges if edge <= total]
    assert below[-1] == f"Level {level_for_score(total).value}"
    # Half a point from the nearest total (coordinates are drawn to a tenth of a unit).
    assert all(
        abs(abs(edge - total) - 0.5) < 0.05
        for edge, _ in edges
        if edge > 0 and abs(edge - total) < 1
    )


def test_an_incomplete_total_is_a_range_bar_from_low_to_high() -> None:
    """The chair rises not done: a bar from the low end to the best the total could be."""
    point = check("2026-12-01", chair_stand_seconds=None)
    assert point.sppb is not None
    svg = drawn((point,))["sppb"]
    (bar,) = marks(svg, "rg-chart-range")
    _, bottom, top = (
        float(n) for n in (bar.get("d") or "").replace("M", " ").replace("V", " ").split()[:3]
    )
    assert round(value_at(svg, bottom)) == point.sppb.low
    assert round(value_at(svg, top)) == point.sppb.high
    assert f"{point.sppb.low}–{point.sppb.high}" in "".join(parse(svg).itertext())


@pytest.mark.parametrize("name", NAMES)
def test_title_says_what_and_the_latest_value(name: str) -> None:
    """The accessible name: what the chart shows, and the latest check's value and date."""
    root = parse(drawn(THREE)[name])
    assert root.get("role") == "img"
    title = root.findtext(f"{SVG}title") or ""
    assert "latest" in title
    assert title.endswith("(1 Dec 2026)")
    assert root.get("aria-labelledby") == f"rg-progress-{name}-title rg-progress-{name}-desc"


def test_dates_are_spaced_by_date() -> None:
    """Checks on 1, 3 and 30 December: the gaps between dots are as 2 days to 27."""
    points = (check("2026-12-01"), check("2026-12-03"), check("2026-12-30"))
    xs = [float(e.get("cx", 0)) for e in marks(drawn(points)["balance"], "rg-chart-point")]
    assert (xs[1] - xs[0]) * 27 == pytest.approx((xs[2] - xs[1]) * 2, abs=1.5)


def test_one_check_is_one_dot_in_the_middle_of_the_dates() -> None:
    """A single check: one dot, no line."""
    svg = drawn(ONE)["balance"]
    (dot,) = marks(svg, "rg-chart-point")
    assert marks(svg, "rg-chart-line") == []
    assert 100 < float(dot.get("cx", 0)) < WIDTH - 100


def date_labels(svg: str) -> list[ET.Element]:
    """The date labels under the plot (a number and a month)."""
    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    return [t for t in parse(svg).iter(f"{SVG}text") if (t.text or "").endswith(months)]


def test_dates_far_apart_and_close_together_never_overlap() -> None:
    """Two days apart beside years apart: labels that would overlap are left out; years shown."""
    points = (check("2020-01-01"), check("2020-01-02"), check("2026-12-01"), check("2026-12-02"))
    svg = drawn(points)["balance"]
    labels = date_labels(svg)
    spans = sorted(
        (float(t.get("x", 0)) - len(t.text or "") * _CHAR_WIDTH / 2, float(t.get("x", 0)))
        for t in labels
    )
    assert all(a[1] + len("30 Dec") * _CHAR_WIDTH / 2 <= b[0] for a, b in itertools.pairwise(spans))
    assert next(t.text for t in labels) == "1 Jan"
    texts = ["".join(t.itertext()) for t in parse(svg).iter(f"{SVG}text")]
    assert "2020" in texts
    assert "2026" in texts
    assert len(marks(svg, "rg-chart-point")) == 4


def test_checks_in_one_month_show_the_year_once() -> None:
    """Three checks in December 2026: three date labels, the year under the first only."""
    points = (check("2026-12-01"), check("2026-12-10"), check("2026-12-20"))
    svg = drawn(points)["balance"]
    assert [t.text for t in date_labels(svg)] == ["1 Dec", "10 Dec", "20 Dec"]
    assert ["".join(t.itertext()) for t in parse(svg).iter(f"{SVG}text")].count("2026") == 1


@pytest.mark.parametrize("name", NAMES)
def test_chart_text_stays_inside_the_view_box(name: str) -> None:
    """Every text's estimated extent lies inside the viewBox."""
    for points in (ONE, THREE):
        root = parse(drawn(points)[name])
        _, _, width, height = (float(n) for n in root.get("viewBox", "").split())
        for text in root.iter(f"{SVG}text"):
            x, y, words = float(text.get("x", 0)), float(text.get("y", 0)), text.text or ""
            extent = len(words) * _CHAR_WIDTH
            anchor = text.get("text-anchor")
            left = x - extent / 2 if anchor == "middle" else x - extent if anchor == "end" else x
            assert left >= 0
            assert left + extent <= width
            assert 0 < y <= height


@pytest.mark.parametrize("name", NAMES)
def test_chart_paints_only_in_current_color(name: str) -> None:
    """Fill and stroke are currentColor or none: light, dark and print alike."""
    for element in parse(drawn(THREE)[name]).iter():
        for attribute in ("fill", "stroke"):
            assert element.get(attribute) in {None, "currentColor", "none"}


seconds = st.decimals(min_value=3, max_value=120, places=1)


@settings(max_examples=25, deadline=None)
@given(
    days=st.lists(st.integers(min_value=0, max_value=4000), min_size=1, max_size=8, unique=True),
    chair=st.lists(st.one_of(st.none(), st.just("unable"), seconds), min_size=8, max_size=8),
    walk=st.lists(
        st.one_of(st.none(), st.decimals(min_value=2, max_value=120, places=2)),
        min_size=8,
        max_size=8,
    ),
    tandem=st.lists(
        st.one_of(st.none(), st.decimals(min_value=0, max_value=10, places=1)),
        min_size=8,
        max_size=8,
    ),
)
def test_charts_are_finite_well_formed_svg_for_any_checks(
    days: list[int], chair: list[object], walk: list[Decimal | None], tandem: list[Decimal | None]
) -> None:
    """Any saved checks draw well-formed SVG with finite numbers only."""
    start = date(2020, 1, 1)
    points = tuple(
        check(
            (start + timedelta(days=day)).isoformat(),
            chair_stand_seconds=None if chair[i] in {None, "unable"} else str(chair[i]),
            chair_stand_unable=True if chair[i] == "unable" else None,
            walk_4m_seconds=None if walk[i] is None else str(walk[i]),
            balance_tandem_seconds=None if tandem[i] is None else str(tandem[i]),
        )
        for i, day in enumerate(days)
    )
    for svg in drawn(points).values():
        for element in parse(svg).iter():
            assert not any(
                re.search(r"nan|inf", value.lower()) for value in element.attrib.values()
            )
