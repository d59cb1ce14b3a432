"""The reader's saved self-checks as measurements over time, and the plan's days as dates.

The progress and appointment pages show these (issue 24); no words here: `present/` words them.

Every figure is recomputed from the saved answers by the same functions the self-check uses
(`self_check.self_check`, `function.sppb`), so a saved result always says what the answer said.

- `measured`: a saved check as numbers. `compared`, `trend`, `crossing`: what changed between
  two checks, test by test, and whether a line was crossed (the 4 m walk's 0.8 m/s, M3/M4; the
  questions score's cut-off of 4, F1). `level_of`: the level a check's tests allow, never above
  them (a test not done counts 0, M1/M3). `plan_fit`: that level against the saved plan's.
- `Schedule`: the saved plan's session days as dates (week n starts n-1 weeks after the plan's
  first day, as the calendar file has it), the sessions done each week, this week's days.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum

from calculators import evidence, self_check
from calculators.function import FunctionLevel, Sppb, level_for_score, sppb
from calculators.plan import DayKind, PlanInput, PlanResult, weekly_plan
from calculators.plan import answers as plan_answers
from calculators.record import SavedCheck, SavedPlan
from calculators.triage import Finding, Level


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
    score = sppb(self_check.function_tests(answers)) if tried else None
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


class Measure(StrEnum):
    """What a saved check measured, in the order the progress page compares them."""

    CHAIR = "chair"  # five chair rises (M1)
    BALANCE = "balance"  # the three balance stands (M1)
    WALK = "walk"  # the 4 m walk (M1)
    QUESTIONS = "questions"  # the SARC-F questions score (F1)


class Trend(StrEnum):
    """Which way a number went between two checks.

    What it means is the test's: fewer SARC-F points is better, and so are fewer seconds.
    """

    UP = "up"
    SAME = "same"
    DOWN = "down"


class Crossing(StrEnum):
    """Whether a check crossed a test's line: the walk's 0.8 m/s (M3, M4), SARC-F's 4 (F1).

    `FLAGGED`: now on the line's worrying side (a slow walk; a positive screen), and not before;
    `CLEARED`: the other way.
    """

    NONE = "none"
    FLAGGED = "flagged"
    CLEARED = "cleared"


class PlanFit(StrEnum):
    """The latest tests' level against the saved plan's (M3)."""

    ABOVE = "above"  # a new plan from these results could do more
    SAME = "same"
    BELOW = "below"  # ask a doctor or physiotherapist before going on
    # Below only because tests were not done (each counts 0): do them, rather than worry.
    UNKNOWN = "unknown"


def compared(before: Measured, after: Measured) -> tuple[Measure, ...]:
    """The tests measured in both checks (the questions score always is), in page order."""
    return tuple(test for test in Measure if _done(test, before) and _done(test, after))


def _done(test: Measure, seen: Measured) -> bool:
    """Whether the check measured `test` (the questions are always answered)."""
    if test is Measure.CHAIR:
        return seen.chair_points is not None
    if test is Measure.BALANCE:
        return seen.balance_points is not None
    return seen.walk_seconds is not None if test is Measure.WALK else True


def trend(before: int | Decimal, after: int | Decimal) -> Trend:
    """Which way a number went.

    >>> trend(2, 3), trend(Decimal("12.8"), Decimal("12.8")), trend(5, 3)
    (<Trend.UP: 'up'>, <Trend.SAME: 'same'>, <Trend.DOWN: 'down'>)
    """
    return Trend.UP if after > before else Trend.DOWN if after < before else Trend.SAME


def slow_walk(seen: Measured) -> bool | None:
    """Whether the 4 m walk was under 0.8 m/s (M3, M4), as the triage table judges it.

    None when the walk was not timed.
    """
    if seen.walk_seconds is None:
        return None
    return evidence.SPPB_WALK_METRES / seen.walk_seconds < evidence.FALLS_GAIT_SPEED_BELOW


def low_strength(seen: Measured) -> bool | None:
    """Whether the chair stand showed low leg strength (over 15 s or not finished, S3).

    None when it was not done.
    """
    test = seen.result.chair_stand
    return None if test is None else test.low_strength


def positive_screen(seen: Measured) -> bool:
    """Whether the questions score is at or above SARC-F's cut-off of 4 (F1)."""
    return seen.sarc_f >= evidence.SARC_F_POSITIVE_SCORE


def crossing(before: bool | None, after: bool | None) -> Crossing:
    """Whether a line was crossed, from "on its worrying side" before and after."""
    if before is None or after is None or before == after:
        return Crossing.NONE
    return Crossing.FLAGGED if after else Crossing.CLEARED


def level_of(seen: Measured) -> FunctionLevel | None:
    """The level the check's tests allow (M3), never above them: a test not done counts 0.

    The saved level when the check has one (the hand-off's, the same low end); else the low end
    of whatever was measured; None when nothing was.
    """
    if seen.level is not None:
        return seen.level
    return None if seen.sppb is None else level_for_score(seen.sppb.low)


def plan_level(plan: SavedPlan) -> tuple[FunctionLevel, bool]:
    """The saved plan's level and whether it has the "+" (falls risk, M3)."""
    return FunctionLevel(plan.level[:1]), plan.level.endswith("+")


def plan_fit(level: FunctionLevel, plan: SavedPlan, *, complete: bool = True) -> PlanFit:
    """The tests' level against the plan's (the "+" aside: falls risk is not a level).

    From an incomplete set of tests (`complete` False) the level is a low end: above or at the
    plan's it still holds, but below it says only that tests are missing (`UNKNOWN`).
    """
    planned = plan_level(plan)[0]
    if level.rank > planned.rank:
        return PlanFit.ABOVE
    if level.rank == planned.rank:
        return PlanFit.SAME
    return PlanFit.BELOW if complete else PlanFit.UNKNOWN


def check_fit(seen: Measured, plan: SavedPlan) -> PlanFit | None:
    """The check's level against the saved plan's (None when the check has no level)."""
    level = level_of(seen)
    if level is None or seen.sppb is None:
        return None
    return plan_fit(level, plan, complete=seen.sppb.complete)


def falls_risk_since(seen: Measured, plan: SavedPlan) -> bool:
    """Whether the check shows a falls risk (M3's "+") the saved plan was not built with.

    The self-check knows two of the "+" reasons: 4 or more falls, and a walk under 0.8 m/s.
    """
    if plan_level(plan)[1]:
        return False
    return bool(seen.result.plan_prefill.two_or_more_falls or slow_walk(seen))


def plus_handed_off(seen: Measured) -> bool:
    """Whether a new plan from the check's hand-off would have the "+" (M3).

    The hand-off passes 4 or more falls on, and the walk only with a full set of tests
    (`self_check.measured_tests`): a slow walk alone may not reach the plan.
    """
    prefill = seen.result.plan_prefill
    walked = plan_answers.WALK.name in prefill.tests
    return prefill.two_or_more_falls or (walked and bool(slow_walk(seen)))


# The triage levels that lead the progress page, as they lead the self-check's headline: every
# referral (all but "good to know").
LEADING_LEVELS = frozenset(level for level in Level if level is not Level.GOOD_TO_KNOW)


def leading_findings(seen: Measured) -> tuple[Finding, ...]:
    """The check's findings that need a referral, most urgent first (the triage order)."""
    return tuple(finding for finding in seen.findings if finding.level in LEADING_LEVELS)


# ---------------------------------------------------------------- the plan's days as dates


@dataclass(frozen=True)
class WeekTally:
    """One week of the plan: its number, first day, sessions done and days planned."""

    week: int
    first_day: date
    done: int
    planned: int


@dataclass(frozen=True)
class PlanDate:
    """A planned session's date this week; `later` when it is after today (no tick yet)."""

    day: date
    done: bool
    later: bool


@dataclass(frozen=True)
class Schedule:
    """The saved plan's sessions as dates: week n starts n-1 weeks after `first_day`.

    `weekdays` are the days with a session (0 = Monday; the rest day has none), the same each
    week (later weeks change only the doses); each falls once in each 7-day week, as in the
    calendar file (`present.calendar.first_on_or_after`).
    """

    first_day: date
    weeks: int
    weekdays: tuple[int, ...]

    @property
    def last_day(self) -> date:
        """The plan's last day (the end of its last week)."""
        return self.first_day + timedelta(weeks=self.weeks, days=-1)

    def week_start(self, week: int) -> date:
        """The first day of week `week` (from 1)."""
        return self.first_day + timedelta(weeks=week - 1)

    def week_of(self, day: date) -> int | None:
        """The plan's week holding `day`, or None before the plan or after its last week."""
        if day < self.first_day or day > self.last_day:
            return None
        return (day - self.first_day).days // 7 + 1

    def dates(self, week: int) -> tuple[date, ...]:
        """The days of week `week` with a session, in date order."""
        start = self.week_start(week)
        return tuple(
            sorted(start + timedelta(days=(day - start.weekday()) % 7) for day in self.weekdays)
        )

    def tallies(self, sessions: Iterable[date], today: date) -> tuple[WeekTally, ...]:
        """Sessions done and planned for each week from the first up to today's (or the last)."""
        if today < self.first_day:
            return ()
        upto = self.week_of(today) or self.weeks
        done = set(sessions)
        return tuple(
            WeekTally(
                week,
                self.week_start(week),
                sum(self.week_start(week) <= day < self.week_start(week + 1) for day in done),
                len(self.weekdays),
            )
            for week in range(1, upto + 1)
        )

    def this_week(self, sessions: Iterable[date], today: date) -> tuple[PlanDate, ...]:
        """The current week's session days: done or not, and whether still to come.

        Before the plan starts, its first week (every day later); after it ends, none.
        """
        week = 1 if today < self.first_day else self.week_of(today)
        if week is None:
            return ()
        done = set(sessions)
        return tuple(PlanDate(day, day in done, day > today) for day in self.dates(week))

    def next_retest(self, today: date) -> tuple[int, date] | None:
        """The re-test week holding today, or the next one; None after the last."""
        week = 1 if today < self.first_day else self.week_of(today)
        if week is None:
            return None
        return next(((n, start) for n, start in self.retests() if n >= week), None)

    def retests(self) -> tuple[tuple[int, date], ...]:
        """The re-test weeks (`evidence.RETEST_WEEKS`) within the plan, with their first day."""
        return tuple(
            (week, self.week_start(week)) for week in evidence.RETEST_WEEKS if week <= self.weeks
        )


def saved_plan(plan: SavedPlan, exercises: Sequence[object]) -> PlanResult:
    """The saved plan made again from its answers and the library, as the plan page made it."""
    return weekly_plan(PlanInput.from_mapping(dict(plan.answers)), exercises)


def schedule(plan: SavedPlan, exercises: Sequence[object]) -> Schedule:
    """The saved plan's days, from its answers and the exercise library (as the plan page)."""
    result = saved_plan(plan, exercises)
    weekdays = tuple(day.day - 1 for day in result.days if day.kind is not DayKind.REST)
    return Schedule(plan.day, len(result.weeks), weekdays)


__all__ = [
    "LEADING_LEVELS",
    "Crossing",
    "Measure",
    "Measured",
    "PlanDate",
    "PlanFit",
    "Schedule",
    "Trend",
    "WeekTally",
    "check_fit",
    "compared",
    "crossing",
    "falls_risk_since",
    "leading_findings",
    "level_of",
    "low_strength",
    "measured",
    "plan_fit",
    "plan_level",
    "plus_handed_off",
    "positive_screen",
    "saved_plan",
    "schedule",
    "slow_walk",
    "trend",
]
