"""The weekly walking goal: a few more steps (A), minutes (B), a step count (C, D).

The goal and its notes are reasons with their numbers; `calculators.present.plan_notes` words
them (issue 23).
"""

from __future__ import annotations

from calculators import evidence
from calculators.evidence import Source
from calculators.function import FunctionLevel
from calculators.plan.notes import Note, StepsNote, StepsReason
from calculators.plan.result import PlanNote, WalkGoal, Walking
from calculators.steps import StepPlan


def walk_goal(level: FunctionLevel, steps: StepPlan | None, week: int) -> WalkGoal:
    """The week's walking goal: a few more steps (A), minutes (B), a step count (C, D)."""
    if level is FunctionLevel.A:
        return WalkGoal(Walking.MORE_STEPS, None, None, week)
    if steps is None:
        minutes = min(
            evidence.WALK_MINUTES_START + evidence.WALK_MINUTES_WEEKLY_INCREASE * (week - 1),
            evidence.WALK_MINUTES_MAX,
        )
        return WalkGoal(Walking.MINUTES, None, minutes, week)
    weekly = steps.weekly
    target = weekly[min(week, len(weekly)) - 1]
    return WalkGoal(Walking.STEPS, target, None, week)


def walking_notes(
    level: FunctionLevel, steps: StepPlan | None, sources: list[Source]
) -> list[PlanNote]:
    """How the walking goal was set."""
    if steps is None:
        return [Note.WALK_MINUTES if level is FunctionLevel.B else Note.WALK_MORE_STEPS]
    notes: list[PlanNote] = []
    if not steps.baseline_known:
        sources.append(Source.E6)
        notes.append(StepsNote(StepsReason.BASELINE_ASSUMED, steps))
    notes.append(StepsNote(StepsReason.TARGET, steps))
    sources += [Source.E5, Source.E7]
    return notes
