"""The weekly walking goal: a few more steps (A), minutes (B), a step count (C, D)."""

from __future__ import annotations

from calculators import evidence
from calculators.evidence import Source
from calculators.function import FunctionLevel
from calculators.plan.result import WalkGoal, Walking
from calculators.steps import StepPlan


def walk_goal(level: FunctionLevel, steps: StepPlan | None, week: int) -> WalkGoal:
    """The week's walking goal: a few more steps (A), minutes (B), a step count (C, D)."""
    if level is FunctionLevel.A:
        first = "first count the steps you take in a day (or ask your helper to); then " * (
            week == 1
        )
        text = f"Walking: {first}each day walk a few more steps than now, with the help you need."
        return WalkGoal(Walking.MORE_STEPS, None, None, text)
    if steps is None:
        minutes = min(
            evidence.WALK_MINUTES_START + evidence.WALK_MINUTES_WEEKLY_INCREASE * (week - 1),
            evidence.WALK_MINUTES_MAX,
        )
        first = "count your steps on 3 ordinary days first; then walk" if week == 1 else "walk"
        text = (
            f"Walking: {first} {minutes} minutes a day in all, in short walks if you like, "
            "with your stick or frame (common practice)."
        )
        return WalkGoal(Walking.MINUTES, None, minutes, text)
    weekly = steps.weekly
    target = weekly[min(week, len(weekly)) - 1]
    return WalkGoal(Walking.STEPS, target, None, f"Walking: about {target:,} steps a day.")


def walking_notes(level: FunctionLevel, steps: StepPlan | None, sources: list[Source]) -> list[str]:
    """How the walking goal was set."""
    if steps is None:
        if level is FunctionLevel.B:
            return [
                "Walking time starts at 5 minutes a day and rises 1 minute a week to 15 "
                "(common practice): count your steps first, so you can see your progress."
            ]
        return [
            "Walking: a few more steps each day than now, counted first, with the help you "
            "need. A step number is not set while you need help to walk."
        ]
    notes = []
    if not steps.baseline_known:
        sources.append(Source.E6)
        notes.append(
            f"You did not give your steps, so the plan starts from {steps.baseline:,} a day, "
            "the low end of what older adults walk (E6). Count your steps for a few days with "
            "a phone or pedometer and enter them for a better start."
        )
    notes.append(
        f"Steps: the benefit levels off at {steps.target_low:,}–{steps.target_high:,} a day "
        "for your age (E5); add about 500 a day each week (E7)."
    )
    sources += [Source.E5, Source.E7]
    return notes
