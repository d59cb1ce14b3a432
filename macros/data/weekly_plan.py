"""The schema of data/weekly_plan.yml: the article's sample week, and its rules as a week."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import Field, StrictBool

from macros.data.fields import ExerciseRef, Text, _Model
from macros.data.paths import display_path
from macros.data.validating import _label


class Weekday(enum.StrEnum):
    """Days of the sample week, Monday first."""

    MONDAY = "monday"
    TUESDAY = "tuesday"
    WEDNESDAY = "wednesday"
    THURSDAY = "thursday"
    FRIDAY = "friday"
    SATURDAY = "saturday"
    SUNDAY = "sunday"


class ActivityKind(enum.StrEnum):
    """The parts of the article's sample week."""

    STRENGTH = "strength"
    WALKING = "walking"
    MOBILITY = "mobility"
    BALANCE_CORE = "balance-core"


class Activity(_Model):
    """One part of a day: what kind, a short title, the exercises by id, and a note."""

    kind: ActivityKind
    title: Text
    exercises: tuple[ExerciseRef, ...] = ()
    note: Text | None = None


class PlanDay(_Model):
    """One day of data/weekly_plan.yml."""

    day: Weekday
    title: Text
    rest_day: StrictBool
    activities: tuple[Activity, ...] = Field(min_length=1)


def _week_problems(path: Path, entries: Sequence[Any]) -> list[str]:
    """The plan lists the seven days Monday first, once each, with at least one rest day."""
    where = display_path(path)
    problems = []
    days = [_label(entry, "day") for entry in entries]
    expected = [day.value for day in Weekday]
    # A day outside the enum is reported on its entry; the order is checked once all are days.
    if set(days) <= set(expected) and days != expected:
        got = ", ".join(str(day) for day in days)
        problems.append(
            f"{where}: expected the days {', '.join(expected)} in that order; got {got}"
        )
    if not any(isinstance(e, dict) and e.get("rest_day") is True for e in entries):
        problems.append(f"{where}: no day has 'rest_day: true'; the week needs a full rest day")
    return problems
