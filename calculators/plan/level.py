"""The level the plan uses (M3): from the sentence the reader picks or their measured tests.

What each level means in words is `calculators.present.plan_notes`' (issue 23).
"""

from __future__ import annotations

from dataclasses import dataclass

from calculators.function import (
    FallsTrigger,
    FunctionLevel,
    Sppb,
    falls_triggers,
    level_from,
    sppb,
)
from calculators.plan.answers import PlanInput


@dataclass(frozen=True)
class LevelAssessment:
    """The level the plan uses, how it was found, and the falls-risk "+"."""

    level: FunctionLevel
    chosen: FunctionLevel | None
    score: Sppb | None
    falls: tuple[FallsTrigger, ...]

    @property
    def falls_risk(self) -> bool:
        """Whether any falls-risk trigger is present (M4)."""
        return bool(self.falls)

    @property
    def label(self) -> str:
        """The level's name, with a "+" for falls risk (M3): "Level B", "Level B+"."""
        return f"Level {self.level.value}{'+' if self.falls_risk else ''}"

    def to_wire(self) -> dict[str, object]:
        """The assessment as the wire's `level` mapping."""
        return {
            "level": self.level.value,
            "label": self.label,
            "chosen": None if self.chosen is None else self.chosen.value,
            "sppb": None if self.score is None else self.score.to_wire(),
            "falls_risk": self.falls_risk,
            "falls_risk_reasons": [trigger.value for trigger in self.falls],
        }


def assess(answers: PlanInput) -> LevelAssessment:
    """The reader's level (never above the tests, function.py) and falls-risk triggers."""
    chosen = None if answers.ability is None else answers.ability.level
    score = None if answers.tests is None else sppb(answers.tests)
    falls = falls_triggers(
        fall_with_injury=answers.fall_with_injury,
        two_or_more_falls=answers.two_or_more_falls,
        cannot_get_up=answers.cannot_get_up,
        blackouts=answers.blackouts,
        score=score,
    )
    # A blackout: the seated programme only until a doctor has checked it (triage: blackouts).
    level = FunctionLevel.A if answers.blackouts else level_from(chosen, score)
    return LevelAssessment(level, chosen, score, falls)
