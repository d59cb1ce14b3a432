"""The exercise library fills every day for every reader (issue 12's data coverage test).

Walks every level × extra equipment (all 32 sets of step, band, dumbbells, gym machine, mat,
with the home's chair, wall and counter) × focus × week layout (3 and 4 strength days: the
lower, upper and whole-body days), each as a plain reader of 70 (balance on 3 days, walking
days) and as the most restricted one (falls risk and a hospital stay: balance every day,
held; no hardest versions). A short day fails with the combination that leaves it short.
"""

from __future__ import annotations

from itertools import chain, combinations
from pathlib import Path

import pytest
import yaml

from calculators.exercises import Category, Equipment, exercise_library
from calculators.plan import Ability, DayKind, Focus, Muscles, PlanInput, weekly_plan
from calculators.present.weeks import day_title

ROOT = Path(__file__).resolve().parent.parent
ROWS = yaml.safe_load((ROOT / "data" / "exercises.yml").read_text(encoding="utf-8"))
EXTRAS = (Equipment.STEP, Equipment.BAND, Equipment.DUMBBELLS, Equipment.GYM_MACHINE, Equipment.MAT)
EQUIPMENT_SETS = [
    frozenset(items)
    for items in chain.from_iterable(combinations(EXTRAS, n) for n in range(len(EXTRAS) + 1))
]


def short_days(answers: PlanInput, rows: list[dict[str, object]] = ROWS) -> list[str]:
    """Every day of every week that lacks what its kind needs, described."""
    problems = []
    for week in weekly_plan(answers, rows).weeks:
        for day in week.days:
            categories = [planned.exercise.category for planned in day.exercises]
            needs = []
            if day.muscles in {Muscles.LOWER, Muscles.FULL}:
                needs.append((Category.LOWER_BODY, 1))
            if day.muscles in {Muscles.UPPER, Muscles.FULL}:
                needs.append((Category.UPPER_BODY, 1))
            if day.balance_core:
                needs.append((Category.BALANCE, 2))
            if day.kind is DayKind.MOVEMENT:
                needs.append((Category.MOBILITY, 2))
            problems += [
                f"week {week.week} {day_title(day)}: {categories.count(category)} {category.value} "
                f"(needs {count})"
                for category, count in needs
                if categories.count(category) < count
            ]
    return problems


@pytest.mark.parametrize("ability", list(Ability))
def test_every_equipment_and_focus_fills_every_day(ability: Ability) -> None:
    """No combination of level × equipment × focus × layout leaves a day short."""
    assert exercise_library(ROWS)
    failures = []
    for equipment in EQUIPMENT_SETS:
        for focus in Focus:
            for days in (3, 4):
                for restricted in (False, True):
                    answers = PlanInput(
                        age=70,
                        ability=ability,
                        strength_days=days,
                        equipment=equipment,
                        focus=focus,
                        floor_ok=not restricted,
                        recent_hospital_stay=restricted,
                        fall_with_injury=restricted,
                    )
                    problems = short_days(answers)
                    if problems:
                        extras = ", ".join(sorted(equipment)) or "nothing extra"
                        who = "falls risk + hospital" if restricted else "plain"
                        failures.append(
                            f"level {ability.level.value} ({ability.value}), {extras}, focus "
                            f"{focus.value}, {days} days, {who}: {problems[0]}"
                        )
    assert failures == [], "\n".join(failures[:20])


def test_the_coverage_check_names_a_short_day() -> None:
    """With the seated balance moves removed, level A's balance days are short, and said so."""
    rows = [row for row in ROWS if not (row["category"] == "balance" and row["min_level"] == "A")]
    answers = PlanInput(age=70, ability=Ability.MOSTLY_SEATED, strength_days=3)
    assert short_days(answers, rows)[0] == "week 1 Balance: 0 balance (needs 2)"
