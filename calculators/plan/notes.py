"""The plan's notes and cautions as reasons: effort, balance, the tests score, what to expect.

The words are `calculators.present.plan_notes`' (issue 23): this module says which notes and
cautions apply and with which numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from calculators.function import FunctionLevel, level_for_score
from calculators.plan.answers import HomeSupport, PlanInput
from calculators.plan.level import LevelAssessment
from calculators.steps import StepPlan
from calculators.triage import Finding


class Note(StrEnum):
    """A note that reads the same for every reader who gets it."""

    EFFORT = "effort"  # E3
    PROGRESSION = "progression"  # E3
    SEATED_BALANCE = "seated-balance"
    BALANCE = "balance"  # M5
    WITH_SOMEONE = "with-someone"
    # Isometric holds wait after a hospital stay, with blackouts or falls risk (common practice).
    HOLDS_LEFT_OUT = "holds-left-out"
    GENTLE_SETS = "gentle-sets"  # M6: levels A–B and after a hospital stay
    SLEEP_OLDER = "sleep-older"  # E8: 65 or over
    SLEEP = "sleep"  # E8
    LEARN_WEEK = "learn-week"  # weeks 1–2
    WALK_MINUTES = "walk-minutes"  # level B: minutes a day, rising (common practice)
    WALK_MORE_STEPS = "walk-more-steps"  # level A: no step number while help is needed
    REST_DAY = "rest-day"  # the week's one full rest day
    REST_BETWEEN_SETS = "rest-between-sets"  # E3
    WHO_TWO_DAYS = "who-two-days"  # E1: fewer strength days than the WHO's 2
    FALLS_BALANCE = "falls-balance"  # M3: falls risk, balance on every day but the rest day
    AFTER_HOSPITAL = "after-hospital"  # M6: sets from 1, the hardest versions left out
    NO_DOCTOR_NEEDED = "no-doctor-needed"  # E4: level D, 65 or over, nothing in the answers
    NO_PLAN_NOTHING_SAFE = "no-plan-nothing-safe"  # no exercise fits: no empty plan
    NO_PLAN_ASK_FIRST = "no-plan-ask-first"  # a referral rule stops the plan


@dataclass(frozen=True)
class StrengthCapNote:
    """The reader asked for more strength days than the level's cap (M6, E3)."""

    level: FunctionLevel
    cap: int

    def to_wire(self) -> dict[str, object]:
        """The note as the wire's mapping: its reason and numbers."""
        return {"reason": "strength-days-capped", "level": self.level.value, "cap": self.cap}


class StepsReason(StrEnum):
    """What a step goal note says (E5–E7)."""

    BASELINE_ASSUMED = "steps-baseline-assumed"  # E6: no steps given, the low end assumed
    TARGET = "steps-target"  # E5, E7: where the benefit levels off, +500 a week


@dataclass(frozen=True)
class StepsNote:
    """A note about the step goal: its reason and the step plan whose numbers it reads."""

    reason: StepsReason
    steps: StepPlan

    def to_wire(self) -> dict[str, object]:
        """The note as the wire's mapping: its reason and numbers."""
        return {
            "reason": self.reason.value,
            "baseline": self.steps.baseline,
            "target_low": self.steps.target_low,
            "target_high": self.steps.target_high,
        }


@dataclass(frozen=True)
class RetestNote:
    """A re-test week's note: who stays beside the reader and what a better score adds, by level."""

    level: FunctionLevel

    def to_wire(self) -> dict[str, object]:
        """The note as the wire's mapping: its reason and the level."""
        return {"reason": "retest-week", "level": self.level.value}


class ScoreReason(StrEnum):
    """What the tests score note says (M1)."""

    BLACKOUTS = "blackouts"  # seated until a doctor has checked (triage: blackouts)
    MEASURED = "measured"  # the score, exact or a range when tests are missing
    ALLOWS_MORE = "allows-more"  # the tests allow a higher level than the sentence chosen


@dataclass(frozen=True)
class ScoreNote:
    """A note about the tests score: its reason and the assessment whose numbers it reads."""

    reason: ScoreReason
    assessment: LevelAssessment
    allowed: FunctionLevel | None = None  # ALLOWS_MORE: the level the tests allow

    def to_wire(self) -> dict[str, object]:
        """The note as the wire's mapping: its reason and numbers."""
        score = self.assessment.score
        return {
            "reason": self.reason.value,
            "level": self.assessment.level.value,
            "chosen": None if self.assessment.chosen is None else self.assessment.chosen.value,
            "score_low": None if score is None else score.low,
            "score_high": None if score is None else score.high,
            "allowed": None if self.allowed is None else self.allowed.value,
        }


class Caution(StrEnum):
    """A warning of the plan's own, beside the triage table's findings (issue 22)."""

    PHYSIO_CHECK = "physio-check"  # level A/B, falls risk, a hospital stay or a condition
    ONE_SIDE_LIMITS = "one-side-limits"  # a physiotherapist's limits for one side


class KitReason(StrEnum):
    """Why the equipment the reader lacks matters: some days fall short, or nothing is safe."""

    SHORT_DAYS = "short-days"  # some days have fewer exercises than their kind needs
    NOTHING_SAFE = "nothing-safe"  # no exercise at all fits: no plan (M3, M5)


@dataclass(frozen=True)
class KitCaution:
    """Exercises the reader cannot do without what they lack at home (a chair, a wall, …)."""

    reason: KitReason
    lacks: tuple[HomeSupport, ...]  # in `HomeSupport` order; empty if none was named

    @classmethod
    def for_answers(cls, reason: KitReason, answers: PlanInput) -> KitCaution:
        """The caution for what these answers say the reader lacks."""
        return cls(reason, tuple(item for item in HomeSupport if item in answers.lacks))

    def to_wire(self) -> dict[str, object]:
        """The caution as the wire's mapping: its reason and what is lacking."""
        return {"reason": self.reason.value, "lacks": [item.value for item in self.lacks]}


# A warning: a triage finding (the table words it), or one of the plan's own cautions.
PlanWarning = Finding | Caution | KitCaution


def warning_wire(warning: PlanWarning) -> object:
    """A warning's reason: the triage rule's id, the caution's code, or a mapping with numbers."""
    if isinstance(warning, Finding):
        return warning.rule.id.value
    return warning.to_wire() if isinstance(warning, KitCaution) else warning.value


class Milestone(StrEnum):
    """One line of what to expect (D6, D7, E5, E7); its numbers are the result's steps, level."""

    LEARN = "learn"
    WALKING_ALREADY = "walking-already"  # E5
    WALKING_TARGET = "walking-target"  # E5, E7
    RETEST = "retest"
    STRENGTH = "strength"
    KEEP_GOING = "keep-going"  # D6, D7


def score_notes(assessment: LevelAssessment, answers: PlanInput) -> list[ScoreNote]:
    """How the tests score was found, whether it is complete, and that the level agrees.

    The level itself leads the answer (`present.plan_notes.level_blocks`).
    """
    score = assessment.score
    if answers.blackouts:
        return [ScoreNote(ScoreReason.BLACKOUTS, assessment)]
    if score is None:
        return []
    notes = [ScoreNote(ScoreReason.MEASURED, assessment)]
    allowed = level_for_score(score.low)
    chosen = assessment.chosen
    if chosen is not None and allowed.rank > chosen.rank:
        notes.append(ScoreNote(ScoreReason.ALLOWS_MORE, assessment, allowed))
    return notes


def timeline(steps: StepPlan | None) -> tuple[Milestone, ...]:
    """What to expect, without promising what the evidence does not."""
    walking: tuple[Milestone, ...] = ()
    if steps is not None and steps.weeks_to_target == 0:
        walking = (Milestone.WALKING_ALREADY,)
    elif steps is not None:
        walking = (Milestone.WALKING_TARGET,)
    return (Milestone.LEARN, *walking, Milestone.RETEST, Milestone.STRENGTH, Milestone.KEEP_GOING)
