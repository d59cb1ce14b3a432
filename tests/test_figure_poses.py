"""Every drawing in data/poses.yml: it names an exercise, passes every check and stays small."""

from __future__ import annotations

import gzip

import pytest

from calculators.figure.checks import ExerciseFacts, check_exercise
from calculators.figure.svg import symbol
from macros.data import ROOT, SiteData, load_site_data

# Issue 25: "each drawing small (say <= 3 kB gzip)": the start and end symbols together.
PAIR_BUDGET_BYTES = 3_000

SITE = load_site_data(ROOT / "data")
IDS = list(SITE.poses)


def _facts(site: SiteData, exercise_id: str) -> ExerciseFacts:
    exercise = site.exercises_by_id[exercise_id]
    return ExerciseFacts(exercise.position, exercise.support, frozenset(exercise.equipment))


def test_the_book_has_drawings() -> None:
    """data/poses.yml is read by the build and holds drawings."""
    assert IDS


@pytest.mark.parametrize("exercise_id", IDS)
def test_drawing_names_an_exercise(exercise_id: str) -> None:
    """Every drawing belongs to an exercise of data/exercises.yml."""
    assert exercise_id in SITE.exercises_by_id


@pytest.mark.parametrize("exercise_id", IDS)
def test_drawing_passes_every_check(exercise_id: str) -> None:
    """Start and end pass every program check against what exercises.yml says."""
    assert check_exercise(SITE.poses[exercise_id], _facts(SITE, exercise_id)) == []


@pytest.mark.parametrize("exercise_id", IDS)
def test_drawing_pair_is_small(exercise_id: str) -> None:
    """The start and end symbols together stay within the byte budget, gzipped."""
    exercise = SITE.poses[exercise_id]
    markup = symbol(exercise, "start") + symbol(exercise, "end")
    assert len(gzip.compress(markup.encode(), mtime=0)) <= PAIR_BUDGET_BYTES


@pytest.mark.parametrize("exercise_id", IDS)
def test_moving_part_is_drawn_heavier(exercise_id: str) -> None:
    """Each drawing emphasises what moves, in both positions."""
    exercise = SITE.poses[exercise_id]
    for which in ("start", "end"):
        assert 'class="rg-fig-move"' in symbol(exercise, which)
