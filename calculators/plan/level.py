"""The level the plan uses (M3): from the sentence the reader picks or their measured tests."""

from __future__ import annotations

from dataclasses import dataclass

from calculators.function import (
    FALLS_TRIGGER_RULE,
    FallsTrigger,
    FunctionLevel,
    Sppb,
    falls_triggers,
    level_from,
    sppb,
)
from calculators.plan.answers import PlanInput
from calculators.present import triage as words

# What each level means, in the reader's words (the sentences of the form), and what it changes.
LEVEL_SENTENCE = {
    FunctionLevel.A: "I spend most of the day sitting: I cannot stand or walk without another "
    "person's help.",
    FunctionLevel.B: "I need a stick, a frame or furniture to stand up or walk.",
    FunctionLevel.C: "I walk on my own, but I tire quickly or feel unsteady.",
    FunctionLevel.D: "I am active, but out of practice.",
}
LEVEL_PLAN = {
    FunctionLevel.A: "Every exercise is done sitting in a sturdy chair; 1 set to start.",
    FunctionLevel.B: "Exercises sitting, or standing while you hold a counter with a chair "
    "behind you; 1 set to start; a daily walking time.",
    FunctionLevel.C: "Standing exercises too, balance by a counter with a chair behind you; "
    "up to 2 sets; a daily step goal.",
    FunctionLevel.D: "The harder versions too; up to 4 strength days and 3 sets; a daily step "
    "goal.",
}
BETTER_SCORE = {
    FunctionLevel.A: "A tests score of 4 or more (level B) would add exercises standing at a "
    "counter and a daily walking time.",
    FunctionLevel.B: "A tests score of 7 or more (level C) would add standing exercises without "
    "holding on, up to 2 sets and a daily step goal.",
    FunctionLevel.C: "A tests score of 10 or more (level D) would allow up to 4 strength days, 3 "
    "sets and the hardest versions.",
    FunctionLevel.D: "You are at the top level: a faster time means the harder versions are due.",
}


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
            "sentence": LEVEL_SENTENCE[self.level],
            "what_changes": LEVEL_PLAN[self.level],
            "chosen": None if self.chosen is None else self.chosen.value,
            "sppb": None if self.score is None else self.score.to_wire(),
            "falls_risk": self.falls_risk,
            "falls_risk_reasons": [
                words.sign(FALLS_TRIGGER_RULE[trigger]).text() for trigger in self.falls
            ],
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
