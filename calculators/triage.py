"""The one triage table: every safety rule the pages and the calculators show.

Why one table: a rule decided in three places drifts (the falls box, the self-check and the
plan each once decided referrals on their own and disagreed). Each `Rule` is data: an id, the
condition on the reader's typed answers (`Observations`; `None` for a sign only a page box
lists, such as a stroke, which no tool asks about), a `Level` ordered by urgency, its words'
key (the catalogue is `calculators.present.triage`) and its EVIDENCE.md ids. Page boxes read
`rules_in(box)`; tools call `evaluate(observations)` and lead with `most_urgent(findings)`.

Levels (M7 for the first three, M4 for the falls tiers):

| level | meaning |
|---|---|
| `ambulance` | call an ambulance now (each M7 sign on its own, never joined with "with") |
| `doctor-today` | see a doctor the same day |
| `doctor-soon` | see a doctor soon (weeks): the slow red flags (NICE NG42, NG127) |
| `ask-first` | not for you without advice: ask your doctor or physiotherapist first |
| `falls-assessment` | M4's high tier: a fall with injury, 2+ falls, lying unable to get up, a
  blackout, frailty (needs help to walk) |
| `physiotherapist` | M4's intermediate tier: a slow walk (< 0.8 m/s), a balance stand not held,
  feeling unsteady: strength-and-balance work, or a physiotherapist |
| `good-to-know` | no referral: what to tell your doctor at the next visit |
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Final

from calculators import evidence
from calculators.evidence import Source


class Level(StrEnum):
    """How urgent a finding is, most urgent first (the order is the ranking)."""

    AMBULANCE = "ambulance"
    DOCTOR_TODAY = "doctor-today"
    DOCTOR_SOON = "doctor-soon"
    ASK_FIRST = "ask-first"
    FALLS_ASSESSMENT = "falls-assessment"
    PHYSIOTHERAPIST = "physiotherapist"
    GOOD_TO_KNOW = "good-to-know"

    @property
    def urgency(self) -> int:
        """0 for the most urgent level; a smaller number is more urgent."""
        return list(Level).index(self)


class Box(StrEnum):
    """The page boxes that list rules (macros.safety renders each from `rules_in`)."""

    EMERGENCY = "emergency"
    FALLS = "falls"
    WARNING_SIGNS = "warning-signs"
    NOT_WITHOUT_ADVICE = "not-without-advice"


class RuleId(StrEnum):
    """Every safety rule; the value is also the key of its words in the catalogue."""

    # M7: call an ambulance now, each sign on its own.
    CHEST_PAIN = "chest-pain"
    FAINT_DURING_EXERCISE = "faint-during-exercise"
    LUNG_CLOT = "lung-clot"
    STROKE = "stroke"
    SPREADING_WEAKNESS = "spreading-weakness"
    # M7: after a fall, call an ambulance.
    FALL_HEAD_INJURY_BLOOD_THINNERS = "fall-head-injury-blood-thinners"
    FALL_CANNOT_STAND = "fall-cannot-stand"
    FALL_NEW_HIP_OR_BACK_PAIN = "fall-new-hip-or-back-pain"
    FALL_LONG_LIE = "fall-long-lie"
    # M7: see a doctor the same day.
    CALF_CLOT = "calf-clot"
    DIZZY_WITH_EXERCISE = "dizzy-with-exercise"
    EXERTION_SYMPTOMS = "exertion-symptoms"
    # Red flags developing over weeks or months (NICE NG42, NG127): see a doctor soon.
    FAST_LOSS = "fast-loss"
    ONE_SIDE = "one-side"
    NUMBNESS_OR_PAIN = "numbness-or-pain"
    LOSS_OF_CONTROL = "loss-of-control"
    WORSENING_WEAKNESS = "worsening-weakness"
    TWITCHING = "twitching"
    SPEECH_OR_SWALLOWING = "speech-or-swallowing"
    BREATHLESS = "breathless"
    MORNING_HEADACHES = "morning-headaches"
    WEIGHT_LOSS = "weight-loss"
    BLACKOUTS = "blackouts"
    LOW_WEIGHT = "low-weight"
    # Not for you without advice (E4): ask first.
    UNDER_18 = "under-18"
    PREGNANCY = "pregnancy"
    RECENT_HEART_ATTACK = "recent-heart-attack"
    HIGH_BLOOD_PRESSURE = "high-blood-pressure"
    JOINT_OR_SPINE = "joint-or-spine"
    CHRONIC_CONDITION = "chronic-condition"
    RECENT_HOSPITAL_STAY = "recent-hospital-stay"
    # M4, high tier: a falls assessment.
    FALL_WITH_INJURY = "fall-with-injury"
    TWO_OR_MORE_FALLS = "two-or-more-falls"
    CANNOT_GET_UP = "cannot-get-up"
    NEEDS_HELP_TO_WALK = "needs-help-to-walk"
    # M4, intermediate tier: strength and balance work, or a physiotherapist.
    SLOW_WALK = "slow-walk"
    BALANCE_NOT_HELD = "balance-not-held"
    UNSTEADY = "unsteady"
    # M4, low tier.
    ONE_FALL = "one-fall"


@dataclass(frozen=True)
class Observations:
    """What a tool knows about the reader; anything not asked stays at its default.

    `falls_some` is the self-check's "1 to 3 falls" (it cannot tell one fall from three);
    `gait_seconds_4m` the 4 m walk; `side_by_side_seconds` the feet-together stand.
    """

    age: int | None = None
    fall_past_year: bool = False
    fall_with_injury: bool = False
    two_or_more_falls: bool = False
    cannot_get_up: bool = False
    blackouts: bool = False
    needs_help_to_walk: bool = False
    walk_4m_seconds: Decimal | None = None
    side_by_side_seconds: Decimal | None = None
    exertion_symptoms: bool = False
    chronic_condition: bool = False
    recent_hospital_stay: bool = False
    weight_kg: Decimal | None = None
    height_cm: Decimal | None = None

    @property
    def gait_speed(self) -> Decimal | None:
        """Metres a second over the 4 m walk (exact, not rounded), or None without a time."""
        if self.walk_4m_seconds is None:
            return None
        return evidence.SPPB_WALK_METRES / self.walk_4m_seconds

    @property
    def bmi(self) -> Decimal | None:
        """Body mass index (kg/m²), or None without both weight and height."""
        if self.weight_kg is None or self.height_cm is None:
            return None
        metres = self.height_cm / 100
        return self.weight_kg / (metres * metres)


Condition = Callable[[Observations], bool]


@dataclass(frozen=True)
class Rule:
    """One safety rule: when it fires, how urgent it is, its words' key and its sources."""

    id: RuleId
    level: Level
    sources: tuple[Source, ...]
    boxes: tuple[Box, ...] = ()
    when: Condition | None = None

    @property
    def words(self) -> str:
        """The key of this rule's words in `calculators.present.triage`."""
        return self.id.value


@dataclass(frozen=True)
class Finding:
    """A rule that fired for this reader."""

    rule: Rule

    @property
    def level(self) -> Level:
        """The rule's level."""
        return self.rule.level


def _slow_walk(seen: Observations) -> bool:
    """Gait speed under 0.8 m/s (M4 intermediate tier, M3's "+"; S3/M2: severe)."""
    speed = seen.gait_speed
    return speed is not None and speed < evidence.FALLS_GAIT_SPEED_BELOW


def _balance_not_held(seen: Observations) -> bool:
    """The feet-together stand not held for 10 s (M1): a balance problem (M4 intermediate)."""
    held = seen.side_by_side_seconds
    return held is not None and held < evidence.SPPB_BALANCE_HOLD_SECONDS


def low_weight(seen: Observations) -> bool:
    """N1: a low weight for the height (BMI), or under 40 kg without a height.

    BMI under 18.5, or under GLIM's 20 (under 70) / 22 (from 70).

    >>> low_weight(Observations(age=75, weight_kg=Decimal(60), height_cm=Decimal(170)))
    True
    >>> low_weight(Observations(age=40, weight_kg=Decimal(39)))
    True
    """
    if seen.weight_kg is None:
        return False
    bmi = seen.bmi
    if bmi is None:
        return seen.weight_kg < evidence.LOW_WEIGHT_KG
    older = seen.age is not None and seen.age >= evidence.GLIM_OLDER_AGE
    limit = evidence.GLIM_LOW_BMI_OLDER if older else evidence.GLIM_LOW_BMI
    return bmi < max(limit, evidence.UNDERWEIGHT_BMI)


_M7 = (Source.M7,)
_RED_FLAGS = (Source.NICE_NG42, Source.NICE_NG127)
_E, _F, _W, _A = Box.EMERGENCY, Box.FALLS, Box.WARNING_SIGNS, Box.NOT_WITHOUT_ADVICE
_AMB, _TODAY, _SOON = Level.AMBULANCE, Level.DOCTOR_TODAY, Level.DOCTOR_SOON

# The table. Order within a level is the order the boxes list them in.
RULES: Final[tuple[Rule, ...]] = (
    Rule(RuleId.CHEST_PAIN, _AMB, _M7, (_E,)),
    Rule(RuleId.FAINT_DURING_EXERCISE, _AMB, _M7, (_E,)),
    Rule(RuleId.LUNG_CLOT, _AMB, _M7, (_E,)),
    Rule(RuleId.STROKE, _AMB, (Source.M7, Source.NICE_NG127), (_E, _W)),
    Rule(RuleId.SPREADING_WEAKNESS, _AMB, (Source.M7, Source.NICE_NG42), (_E,)),
    Rule(RuleId.FALL_HEAD_INJURY_BLOOD_THINNERS, _AMB, _M7, (_F,)),
    Rule(RuleId.FALL_CANNOT_STAND, _AMB, _M7, (_F,)),
    Rule(RuleId.FALL_NEW_HIP_OR_BACK_PAIN, _AMB, _M7, (_F,)),
    Rule(RuleId.FALL_LONG_LIE, _AMB, _M7, (_F,)),
    Rule(RuleId.CALF_CLOT, _TODAY, _M7, (_E,)),
    Rule(RuleId.DIZZY_WITH_EXERCISE, _TODAY, _M7, (_E,)),
    # The plan's "chest pain or feeling faint when I exert myself" (a history, not now): see a
    # doctor before exercising again (M7's same-day row; E4); no plan until then.
    Rule(
        RuleId.EXERTION_SYMPTOMS, _TODAY, (Source.M7, Source.E4), (), lambda s: s.exertion_symptoms
    ),
    Rule(RuleId.FAST_LOSS, _SOON, _RED_FLAGS, (_W,)),
    Rule(RuleId.ONE_SIDE, _SOON, _RED_FLAGS, (_W,)),
    Rule(RuleId.NUMBNESS_OR_PAIN, _SOON, _RED_FLAGS, (_W,)),
    Rule(RuleId.LOSS_OF_CONTROL, _SOON, _RED_FLAGS, (_W,)),
    Rule(RuleId.WORSENING_WEAKNESS, _SOON, _RED_FLAGS, (_W,)),
    Rule(RuleId.TWITCHING, _SOON, _RED_FLAGS, (_W,)),
    Rule(RuleId.SPEECH_OR_SWALLOWING, _SOON, _RED_FLAGS, (_W,)),
    Rule(RuleId.BREATHLESS, _SOON, _RED_FLAGS, (_W,)),
    Rule(RuleId.MORNING_HEADACHES, _SOON, _RED_FLAGS, (_W,)),
    Rule(RuleId.WEIGHT_LOSS, _SOON, _RED_FLAGS, (_W,)),
    # A blackout: a doctor first (M7, CG109) and M4's high tier; seated exercise only until then.
    Rule(RuleId.BLACKOUTS, _SOON, (Source.M7, Source.M4), (_F,), lambda s: s.blackouts),
    Rule(RuleId.LOW_WEIGHT, _SOON, (Source.N1,), (), low_weight),
    Rule(
        RuleId.UNDER_18,
        Level.ASK_FIRST,
        (Source.E1,),
        (),
        lambda s: s.age is not None and s.age < evidence.ADULT_AGE,
    ),
    Rule(RuleId.PREGNANCY, Level.ASK_FIRST, (Source.E4,), (_A,)),
    Rule(RuleId.RECENT_HEART_ATTACK, Level.ASK_FIRST, (Source.E4,), (_A,)),
    Rule(RuleId.HIGH_BLOOD_PRESSURE, Level.ASK_FIRST, (Source.E4,), (_A,)),
    Rule(RuleId.JOINT_OR_SPINE, Level.ASK_FIRST, (Source.E4,), (_A,)),
    Rule(
        RuleId.CHRONIC_CONDITION,
        Level.ASK_FIRST,
        (Source.E4,),
        (),
        lambda s: s.chronic_condition,
    ),
    Rule(
        RuleId.RECENT_HOSPITAL_STAY,
        Level.ASK_FIRST,
        (Source.E4, Source.M6),
        (),
        lambda s: s.recent_hospital_stay,
    ),
    Rule(
        RuleId.FALL_WITH_INJURY,
        Level.FALLS_ASSESSMENT,
        (Source.M4,),
        (_F,),
        lambda s: s.fall_with_injury,
    ),
    Rule(
        RuleId.TWO_OR_MORE_FALLS,
        Level.FALLS_ASSESSMENT,
        (Source.M4,),
        (_F,),
        lambda s: s.two_or_more_falls,
    ),
    Rule(
        RuleId.CANNOT_GET_UP, Level.FALLS_ASSESSMENT, (Source.M4,), (_F,), lambda s: s.cannot_get_up
    ),
    Rule(
        RuleId.NEEDS_HELP_TO_WALK,
        Level.FALLS_ASSESSMENT,
        (Source.M4,),
        (_F,),
        lambda s: s.needs_help_to_walk,
    ),
    Rule(
        RuleId.SLOW_WALK,
        Level.PHYSIOTHERAPIST,
        (Source.M4, Source.M3, Source.S3),
        (_F,),
        _slow_walk,
    ),
    Rule(
        RuleId.BALANCE_NOT_HELD,
        Level.PHYSIOTHERAPIST,
        (Source.M4, Source.M1),
        (_F,),
        _balance_not_held,
    ),
    Rule(RuleId.UNSTEADY, Level.PHYSIOTHERAPIST, (Source.M4,), (_F,)),
    Rule(
        RuleId.ONE_FALL,
        Level.GOOD_TO_KNOW,
        (Source.M4, Source.E2),
        (),
        lambda s: s.fall_past_year,
    ),
)

RULE: Final = {rule.id: rule for rule in RULES}

# A falls assessment also covers these: with any of them, the lower-tier falls findings add
# nothing the assessment does not (the headline and the answer name the assessment).
FALLS_HIGH_TIER: Final = frozenset(
    rule.id for rule in RULES if rule.level is Level.FALLS_ASSESSMENT
) | {RuleId.BLACKOUTS}


def evaluate(seen: Observations) -> tuple[Finding, ...]:
    """Every rule whose condition holds, most urgent first (table order within a level).

    A single fall is not listed beside a rule of the falls tiers: those already say what to do.

    >>> [f.rule.id.value for f in evaluate(Observations(fall_past_year=True, cannot_get_up=True))]
    ['cannot-get-up']
    """
    fired = [rule for rule in RULES if rule.when is not None and rule.when(seen)]
    ids = {rule.id for rule in fired}
    falls_tier = ids & (FALLS_HIGH_TIER | {RuleId.SLOW_WALK, RuleId.BALANCE_NOT_HELD})
    if falls_tier:
        fired = [rule for rule in fired if rule.id is not RuleId.ONE_FALL]
    return tuple(Finding(rule) for rule in sorted(fired, key=lambda rule: rule.level.urgency))


def most_urgent(findings: Iterable[Finding]) -> Finding | None:
    """The finding that leads the headline: the most urgent (the first in table order).

    >>> most_urgent(()) is None
    True
    """
    return min(findings, key=lambda finding: finding.level.urgency, default=None)


def rules_in(box: Box) -> tuple[Rule, ...]:
    """The rules a page box lists, in table order (most urgent level first).

    >>> [rule.level.value for rule in rules_in(Box.EMERGENCY)][-1]
    'doctor-today'
    """
    return tuple(
        sorted((rule for rule in RULES if box in rule.boxes), key=lambda r: r.level.urgency)
    )


def fired(findings: Iterable[Finding], rule: RuleId) -> bool:
    """Whether `rule` is among the findings."""
    return any(finding.rule.id is rule for finding in findings)


__all__ = [
    "RULE",
    "RULES",
    "Box",
    "Finding",
    "Level",
    "Observations",
    "Rule",
    "RuleId",
    "evaluate",
    "fired",
    "low_weight",
    "most_urgent",
    "rules_in",
]
