"""Physical function at home: an SPPB score from the reader's own tests, a level, falls risk.

Why: the plan must fit what the reader can do, not what they hope to do. The Short Physical
Performance Battery (SPPB, EVIDENCE M1) is the measure Vivifrail's levels are built on (M3):

- Balance (0–4): feet side by side held 10 s = 1; semi-tandem held 10 s = 1; tandem held 10 s
  = 2, 3–9.99 s = 1, under 3 s = 0. A stand not held ends the balance part (the next ones are
  not tried and score 0).
- 4 m walk at the usual pace (0–4): ≤ 4.81 s = 4; 4.82–6.20 = 3; 6.21–8.70 = 2; more = 1;
  unable = 0.
- Five chair rises without using the arms (0–4): ≤ 11.19 s = 4; 11.20–13.69 = 3;
  13.70–16.69 = 2; 16.70–60 = 1; more than 60 s or unable = 0.

Times are rounded half up to hundredths first (a stopwatch's precision), so the time shown is
the time judged and no time falls between two bands. The total (0–12) maps to a Vivifrail
level (M3): 0–3 A, 4–6 B, 7–9 C, 10–12 D.

Any test may be left out at home. The score is then a range: from the points measured (a test
not done counts 0) to the best the missing tests could add. The level is never guessed
upwards: the low end decides, alone or as a cap on the sentence the reader chose
(`level_from`).

Falls risk (M3's "+": extra balance work): a fall with an injury, 2 or more falls in 12 months,
lying on the floor unable to get up, blacking out, or a gait speed under 0.8 m/s (a 4 m walk
taking more than 5 s). What each means for a referral is the triage table's
(`calculators.triage`, M4's tiers): the slow walk asks for a physiotherapist, not a falls
assessment.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from calculators import evidence
from calculators.results import round_half_up, wire_number
from calculators.triage import RuleId


class FunctionLevel(StrEnum):
    """Vivifrail's functional levels (M3), most limited first."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"

    @property
    def rank(self) -> int:
        """0 for A … 3 for D, for comparisons."""
        return list(FunctionLevel).index(self)


class SppbTest(StrEnum):
    """The three parts of the at-home SPPB, in the order a reader does them."""

    BALANCE = "balance"
    WALK = "walk"
    CHAIR = "chair"


class FallsTrigger(StrEnum):
    """The reasons a reader is at high risk of falling (M4, M3)."""

    FALL_WITH_INJURY = "fall-with-injury"
    TWO_OR_MORE_FALLS = "two-or-more-falls"
    CANNOT_GET_UP = "cannot-get-up"
    BLACKOUTS = "blackouts"
    SLOW_WALK = "slow-walk"


# Each trigger's rule in the triage table (its words and level live there, M4 and M3).
FALLS_TRIGGER_RULE = {
    FallsTrigger.FALL_WITH_INJURY: RuleId.FALL_WITH_INJURY,
    FallsTrigger.TWO_OR_MORE_FALLS: RuleId.TWO_OR_MORE_FALLS,
    FallsTrigger.CANNOT_GET_UP: RuleId.CANNOT_GET_UP,
    FallsTrigger.BLACKOUTS: RuleId.BLACKOUTS,
    FallsTrigger.SLOW_WALK: RuleId.SLOW_WALK,
}

_HUNDREDTHS = 2
_HOLD = evidence.SPPB_BALANCE_HOLD_SECONDS


@dataclass(frozen=True)
class FunctionTests:
    """What the reader measured: seconds held (None = not tried), seconds taken (None = not done).

    `chair_rise_unable` means five rises without the arms could not be done.
    """

    side_by_side_seconds: Decimal | None
    semi_tandem_seconds: Decimal | None
    tandem_seconds: Decimal | None
    walk_seconds: Decimal | None
    chair_rise_seconds: Decimal | None
    chair_rise_unable: bool = False


@dataclass(frozen=True)
class Sppb:
    """An at-home SPPB: the parts' points, and the total's range (low = high when complete)."""

    balance: int
    walk: int | None
    chair: int | None
    walk_seconds: Decimal | None
    chair_seconds: Decimal | None
    # The balance points if every stand not tried had been held (= balance when all were).
    balance_high: int | None = None

    @property
    def complete(self) -> bool:
        """Whether every test was done, so the score is exact."""
        return self.low == self.high

    @property
    def missing(self) -> tuple[SppbTest, ...]:
        """The tests not done, in the order a reader does them (present/ words them)."""
        gaps = (
            (SppbTest.BALANCE, self.balance != self._balance_high),
            (SppbTest.WALK, self.walk is None),
            (SppbTest.CHAIR, self.chair is None),
        )
        return tuple(test for test, gap in gaps if gap)

    @property
    def _balance_high(self) -> int:
        return self.balance if self.balance_high is None else self.balance_high

    @property
    def low(self) -> int:
        """The score, counting a test not done as 0 points."""
        return self.balance + (self.chair or 0) + (self.walk or 0)

    @property
    def high(self) -> int:
        """The best the score could be: full points for every test not done."""
        best = evidence.SPPB_PART_MAX
        walk = best if self.walk is None else self.walk
        chair = best if self.chair is None else self.chair
        return self._balance_high + walk + chair

    @property
    def gait_speed(self) -> Decimal | None:
        """Metres a second over the 4 m walk, to 2 decimals (None without a walk time)."""
        if self.walk_seconds is None:
            return None
        return round_half_up(evidence.SPPB_WALK_METRES / self.walk_seconds, _HUNDREDTHS)

    def to_wire(self) -> dict[str, object]:
        """The score as the wire's `sppb` mapping."""
        speed = self.gait_speed
        return {
            "balance": self.balance,
            "walk": self.walk,
            "chair": self.chair,
            "score_low": self.low,
            "score_high": self.high,
            "complete": self.complete,
            "gait_speed": None if speed is None else wire_number(speed),
            "level_low": level_for_score(self.low).value,
            "level_high": level_for_score(self.high).value,
        }


def balance_points(
    side_by_side: Decimal | None, semi_tandem: Decimal | None, tandem: Decimal | None
) -> int:
    """SPPB balance points (M1); a stand not held (or not tried) ends the part.

    >>> balance_points(Decimal(10), Decimal(10), Decimal("9.99"))
    3
    >>> balance_points(Decimal("9.99"), Decimal(10), Decimal(10))
    0
    """
    if side_by_side is None or side_by_side < _HOLD:
        return 0
    if semi_tandem is None or semi_tandem < _HOLD:
        return 1
    if tandem is None or tandem < evidence.SPPB_TANDEM_PARTIAL_SECONDS:
        return 2
    return 4 if tandem >= _HOLD else 3


def walk_points(seconds: Decimal | None) -> int:
    """SPPB 4 m walk points (M1); None means the walk could not be done (0).

    >>> [walk_points(Decimal(t)) for t in ("4.81", "4.82", "6.20", "6.21", "8.70", "8.71")]
    [4, 3, 3, 2, 2, 1]
    """
    if seconds is None:
        return 0
    return _banded(seconds, evidence.SPPB_WALK_BANDS, evidence.SPPB_WALK_SLOWEST_POINTS)


def chair_points(seconds: Decimal | None) -> int:
    """SPPB five-chair-rise points (M1); None means unable (0).

    >>> [chair_points(Decimal(t)) for t in ("11.19", "11.20", "13.69", "13.70", "60", "60.01")]
    [4, 3, 3, 2, 1, 0]
    """
    if seconds is None:
        return 0
    return _banded(seconds, evidence.SPPB_CHAIR_BANDS, 0)


def _banded(seconds: Decimal, bands: tuple[tuple[Decimal, int], ...], slower: int) -> int:
    """Points for a time: the first band whose top (inclusive) holds the rounded time."""
    judged = round_half_up(seconds, _HUNDREDTHS)
    return next((points for top, points in bands if judged <= top), slower)


def sppb(tests: FunctionTests) -> Sppb:
    """Score the reader's tests (M1); any test may be missing, which makes the score a range."""
    walk_time = (
        None if tests.walk_seconds is None else round_half_up(tests.walk_seconds, _HUNDREDTHS)
    )
    chair_time = (
        None
        if tests.chair_rise_unable or tests.chair_rise_seconds is None
        else round_half_up(tests.chair_rise_seconds, _HUNDREDTHS)
    )
    stands = (tests.side_by_side_seconds, tests.semi_tandem_seconds, tests.tandem_seconds)
    held = evidence.SPPB_BALANCE_HOLD_SECONDS
    if tests.chair_rise_unable:
        chair: int | None = 0
    elif chair_time is None:
        chair = None
    else:
        chair = chair_points(chair_time)
    return Sppb(
        balance=balance_points(*stands),
        walk=None if walk_time is None else walk_points(walk_time),
        chair=chair,
        walk_seconds=walk_time,
        chair_seconds=chair_time,
        balance_high=balance_points(*(held if stand is None else stand for stand in stands)),
    )


def level_for_score(score: int) -> FunctionLevel:
    """Vivifrail's level for an SPPB total (M3): 0–3 A, 4–6 B, 7–9 C, 10–12 D.

    >>> [level_for_score(s).value for s in (0, 3, 4, 6, 7, 9, 10, 12)]
    ['A', 'A', 'B', 'B', 'C', 'C', 'D', 'D']
    """
    for top, level in zip(evidence.VIVIFRAIL_LEVEL_TOPS, FunctionLevel, strict=True):
        if score <= top:
            return level
    return FunctionLevel.D


def level_from(chosen: FunctionLevel | None, score: Sppb | None) -> FunctionLevel:
    """The level the plan uses: never above what the measured tests allow.

    Measured and chosen: the lower of the chosen level and the level of the score's low end
    (issue 21.5: a test not done never lifts the level). Measured only: the level of the
    score's low end. Chosen only: the chosen level.

    >>> level_from(FunctionLevel.D, None).value
    'D'
    """
    if score is None:
        if chosen is None:
            message = "a level needs a chosen sentence or measured tests"
            raise ValueError(message)
        return chosen
    if chosen is None:
        return level_for_score(score.low)
    best = level_for_score(score.low)
    return chosen if chosen.rank <= best.rank else best


def falls_triggers(
    *,
    fall_with_injury: bool,
    two_or_more_falls: bool,
    cannot_get_up: bool,
    blackouts: bool,
    score: Sppb | None,
) -> tuple[FallsTrigger, ...]:
    """Every reason for high falls risk (M4; gait speed under 0.8 m/s, M3)."""
    walk = None if score is None else score.walk_seconds
    # Compared exactly (4 m / time), not after rounding the speed: 5.01 s is 0.798 m/s.
    slow = walk is not None and evidence.SPPB_WALK_METRES / walk < evidence.FALLS_GAIT_SPEED_BELOW
    given = (
        (FallsTrigger.FALL_WITH_INJURY, fall_with_injury),
        (FallsTrigger.TWO_OR_MORE_FALLS, two_or_more_falls),
        (FallsTrigger.CANNOT_GET_UP, cannot_get_up),
        (FallsTrigger.BLACKOUTS, blackouts),
        (FallsTrigger.SLOW_WALK, slow),
    )
    return tuple(trigger for trigger, present in given if present)
