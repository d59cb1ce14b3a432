"""Daily steps, week by week, from the reader's baseline up to the plateau for their age.

Target: 6,000–8,000 steps a day from 60, 8,000–10,000 below (Paluch 2022, E5; the plateau is
about mortality and observational). Pace: about 500 more a day each week (E7, practice tools).
Unknown baseline: start from 2,000, the low end of older adults' average (E6), and count.
"""

from __future__ import annotations

from dataclasses import dataclass

from calculators import evidence


@dataclass(frozen=True)
class StepPlan:
    """A week-by-week step progression; `weekly[0]` is week 1's steps per day."""

    baseline: int
    baseline_known: bool
    target_low: int
    target_high: int
    weekly_increase: int
    weekly: tuple[int, ...]

    @property
    def weeks_to_target(self) -> int:
        """Weeks until the daily steps reach the target's low end (0: already there)."""
        return 0 if self.baseline >= self.target_low else len(self.weekly)

    def to_wire(self) -> dict[str, object]:
        """The plan as the wire's `steps` mapping."""
        return {
            "baseline": self.baseline,
            "baseline_known": self.baseline_known,
            "target_low": self.target_low,
            "target_high": self.target_high,
            "weekly_increase": self.weekly_increase,
            "weeks_to_target": self.weeks_to_target,
            "weekly": [
                {"week": week, "steps_per_day": steps}
                for week, steps in enumerate(self.weekly, start=1)
            ],
        }


def step_target(age: int) -> tuple[int, int]:
    """The daily steps where the benefit levels off for this age (E5)."""
    older = age >= evidence.STEPS_OLDER_AGE
    return evidence.STEP_TARGET_OLDER if older else evidence.STEP_TARGET_YOUNGER


def step_progression(age: int, steps_per_day: int | None) -> StepPlan:
    """From the baseline, +500 a day each week until the target's low end (one week if there).

    >>> step_progression(70, 4_800).weekly
    (5300, 5800, 6000)
    """
    low, high = step_target(age)
    known = steps_per_day is not None
    baseline = evidence.UNKNOWN_STEPS_BASELINE if steps_per_day is None else steps_per_day
    increase = evidence.STEP_WEEKLY_INCREASE
    if baseline >= low:
        weekly: tuple[int, ...] = (baseline,)
    else:
        weeks = -(-(low - baseline) // increase)  # ceiling division
        weekly = tuple(min(baseline + increase * week, low) for week in range(1, weeks + 1))
    return StepPlan(baseline, known, low, high, increase, weekly)
