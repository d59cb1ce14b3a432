"""The reader's saved self-checks as measurements over time (issue 24).

The progress and appointment pages show these; no words here: `present/` words them.

Every figure is recomputed from the saved answers by the same functions the self-check uses
(`self_check.self_check`, `function.sppb`), so a saved result always says what the answer said.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from calculators import self_check
from calculators.function import FunctionLevel, FunctionTests, Sppb, sppb
from calculators.record import SavedCheck
from calculators.triage import Finding


@dataclass(frozen=True)
class Measured:
    """One saved self-check as numbers: the SARC-F score, each test and the at-home SPPB.

    A test not done is None. `chair_unable` means five rises could not be finished (0 points).
    `sppb` is None when no test was measured at all; its `low`/`high` are a range when some
    were not done. `level` is the saved check's level (`SavedCheck.level`: the low end of the
    tests the plan would take, as the hand-off uses it, never above them), None without one.
    """

    day: date
    sarc_f: int
    chair_seconds: Decimal | None
    chair_unable: bool
    walk_seconds: Decimal | None
    sppb: Sppb | None
    level: FunctionLevel | None
    findings: tuple[Finding, ...]  # the triage findings that check gave, most urgent first
    result: self_check.SelfCheckResult  # the whole answer, for the words of what it advised
    balance_tried: bool = False  # at least one balance stand was timed

    @property
    def chair_points(self) -> int | None:
        """SPPB chair points (0 when not finished), None when not timed."""
        return None if self.sppb is None else self.sppb.chair

    @property
    def balance_points(self) -> int | None:
        """Balance points, None when no stand was tried."""
        return None if self.sppb is None or not self.balance_tried else self.sppb.balance

    @property
    def walk_points(self) -> int | None:
        """SPPB walk points, None without a walk time."""
        return None if self.sppb is None else self.sppb.walk

    @property
    def walk_speed(self) -> Decimal | None:
        """Metres a second over the 4 m walk (2 decimals), None without a walk time."""
        return None if self.sppb is None else self.sppb.gait_speed


def measured(check: SavedCheck) -> Measured:
    """A saved self-check's measurements, recomputed from its answers."""
    answers = self_check.SelfCheckInput.from_mapping(dict(check.answers))
    result = self_check.self_check(answers)
    holds = answers.balance_seconds
    no_stand = all(hold is None for hold in holds)
    tried = not no_stand or answers.walk_4m_seconds is not None
    tried = tried or answers.chair_stand_seconds is not None or answers.chair_stand_unable
    score = (
        sppb(
            FunctionTests(
                holds[0],
                holds[1],
                holds[2],
                answers.walk_4m_seconds,
                answers.chair_stand_seconds,
                chair_rise_unable=answers.chair_stand_unable,
            )
        )
        if tried
        else None
    )
    level = FunctionLevel(check.level) if check.level else None
    return Measured(
        day=check.day,
        sarc_f=result.score,
        chair_seconds=None if answers.chair_stand_unable else answers.chair_stand_seconds,
        chair_unable=answers.chair_stand_unable,
        walk_seconds=answers.walk_4m_seconds,
        sppb=score,
        level=level,
        findings=result.findings,
        result=result,
        balance_tried=not no_stand,
    )


__all__ = ["Measured", "measured"]
