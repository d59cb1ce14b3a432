"""The typed plan result: weeks, days, exercises with their doses, walking goals."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from calculators import evidence
from calculators.evidence import Source
from calculators.exercises import Exercise, Span
from calculators.plan.level import LevelAssessment
from calculators.plan.notes import (
    Milestone,
    Note,
    PlanWarning,
    RetestNote,
    ScoreNote,
    StepsNote,
    StrengthCapNote,
    warning_wire,
)
from calculators.results import Status
from calculators.steps import StepPlan


class DayKind(StrEnum):
    """A day's main job; balance can also join a strength day (`balance_core`)."""

    STRENGTH = "strength"
    BALANCE = "balance"
    MOVEMENT = "movement"
    REST = "rest"


class Muscles(StrEnum):
    """Which muscles a strength day works hard."""

    LOWER = "lower"
    UPPER = "upper"
    FULL = "full"


class Walking(StrEnum):
    """How the walking goal is given: steps (C, D), minutes (B), a few more steps (A)."""

    STEPS = "steps"
    MINUTES = "minutes"
    MORE_STEPS = "more-steps"


# A note: a reason (its words are `present.plan_notes`').
PlanNote = Note | ScoreNote | RetestNote | StepsNote | StrengthCapNote


def note_wire(note: PlanNote) -> object:
    """A note on the wire: a reason's code, or its reason and numbers."""
    return note.value if isinstance(note, Note) else note.to_wire()


DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class Dose:
    """One exercise's amount in one week: sets, and reps or seconds held (a range)."""

    sets: int
    reps: Span | None
    hold_seconds: Span | None
    per_side: bool

    def seconds(self) -> int:
        """About how long the dose takes at its top end, rests between sets included.

        An estimate (common practice, `evidence.SESSION_*`), for the printout's session time.

        >>> Dose(2, (10, 12), None, True).seconds()  # 2 × 12 reps × 4 s × 2 sides + 60 s rest
        252
        """
        if self.reps is not None:
            work = self.reps[1] * evidence.SESSION_SECONDS_PER_REP
        else:
            work = (self.hold_seconds or (0, 0))[1]
        sides = 2 if self.per_side else 1
        return self.sets * work * sides + (self.sets - 1) * evidence.SESSION_REST_BETWEEN_SETS_S


@dataclass(frozen=True)
class PlannedExercise:
    """One exercise on one day of one week, with its dose and the harder version to try."""

    exercise: Exercise
    dose: Dose
    harder: Exercise | None

    def to_wire(self) -> dict[str, object]:
        """The exercise as the wire's mapping; one of `reps` and `hold_seconds` is null.

        The wire's `dose` (the phrase) is `calculators.present.plan.wire`'s.
        """
        return {
            "id": self.exercise.id,
            "name": self.exercise.name,
            "position": self.exercise.position.value,
            "sets": self.dose.sets,
            "reps": None if self.dose.reps is None else span_text(self.dose.reps),
            "hold_seconds": (
                None if self.dose.hold_seconds is None else span_text(self.dose.hold_seconds)
            ),
            "per_side": self.dose.per_side,
            "note": self.exercise.safety,
            "harder": (
                None if self.harder is None else {"id": self.harder.id, "name": self.harder.name}
            ),
        }


@dataclass(frozen=True)
class PlanDay:
    """One day of one week."""

    day: int
    kind: DayKind
    muscles: Muscles | None
    balance_core: bool
    exercises: tuple[PlannedExercise, ...]
    steps_target: int | None
    notes: tuple[PlanNote, ...]

    @property
    def session_minutes(self) -> int:
        """About how long the day's exercises take, rounded up to 5 minutes (0 without any).

        An estimate from the content (common practice, `evidence.SESSION_*`).
        """
        if not self.exercises:
            return 0
        seconds = sum(planned.dose.seconds() for planned in self.exercises)
        seconds += (len(self.exercises) - 1) * evidence.SESSION_CHANGEOVER_S
        step = evidence.SESSION_ROUND_TO_MINUTES * 60
        return -(-seconds // step) * evidence.SESSION_ROUND_TO_MINUTES

    def to_wire(self) -> dict[str, object]:
        """The day as the wire's mapping (day 1 = Monday); its `title` is `present.plan.wire`'s."""
        return {
            "day": self.day,
            "name": DAY_NAMES[self.day - 1],
            "kind": self.kind.value,
            "focus": None if self.muscles is None else self.muscles.value,
            "balance_core": self.balance_core,
            "exercises": [planned.to_wire() for planned in self.exercises],
            "steps_target": self.steps_target,
            "notes": [note_wire(note) for note in self.notes],
        }


@dataclass(frozen=True)
class WalkGoal:
    """One week's walking goal: a step count (C, D), minutes (B) or a few more steps (A).

    Its words are `present.plan_notes.walk_text` (week 1 also says to count steps first).
    """

    kind: Walking
    steps_per_day: int | None
    minutes: int | None
    week: int

    def to_wire(self) -> dict[str, object]:
        """The goal as the wire's mapping."""
        return {
            "kind": self.kind.value,
            "steps_per_day": self.steps_per_day,
            "minutes": self.minutes,
            "week": self.week,
        }


@dataclass(frozen=True)
class PlanWeek:
    """One week of the programme."""

    week: int
    sets: int
    walking: WalkGoal
    retest: bool
    days: tuple[PlanDay, ...]
    notes: tuple[PlanNote, ...]

    @property
    def learning(self) -> bool:
        """Weeks 1–2: learn the moves with the easier versions."""
        return self.week <= evidence.LEARNING_WEEKS

    def to_wire(self) -> dict[str, object]:
        """The week as the wire's mapping; its `title` is `present.plan.wire`'s."""
        return {
            "week": self.week,
            "learning": self.learning,
            "sets": self.sets,
            "retest": self.retest,
            "walking": self.walking.to_wire(),
            "days": [day.to_wire() for day in self.days],
            "notes": [note_wire(note) for note in self.notes],
        }


@dataclass(frozen=True)
class PlanResult:
    """A 12-week programme ("ok"), or a referral with no plan ("refer")."""

    status: Status
    assessment: LevelAssessment | None
    weeks: tuple[PlanWeek, ...]
    steps: StepPlan | None
    timeline: tuple[Milestone, ...]
    notes: tuple[PlanNote, ...]
    warnings: tuple[PlanWarning, ...]
    sources: tuple[Source, ...]
    print_name: str = ""  # the reader's, for the printout's title only

    @property
    def days(self) -> tuple[PlanDay, ...]:
        """The first week's days (the week's pattern; later weeks change only the doses)."""
        return self.weeks[0].days if self.weeks else ()

    @property
    def strength_day_count(self) -> int:
        """Days a week with strength work."""
        return sum(day.kind is DayKind.STRENGTH for day in self.days)

    @property
    def rest_day_count(self) -> int:
        """Full rest days a week."""
        return sum(day.kind is DayKind.REST for day in self.days)

    def to_wire(self) -> dict[str, object]:
        """The result as plain JSON-ready values: numbers and reasons, no words.

        The wire's `result` is this with the warnings, titles and doses worded
        (`calculators.present.plan.wire`).
        """
        return {
            "status": self.status.value,
            "level": None if self.assessment is None else self.assessment.to_wire(),
            "days": [day.to_wire() for day in self.days],
            "weeks": [week.to_wire() for week in self.weeks],
            "strength_day_count": self.strength_day_count,
            "rest_day_count": self.rest_day_count,
            "balance_day_count": sum(day.balance_core for day in self.days),
            "steps": None if self.steps is None else self.steps.to_wire(),
            "timeline": [milestone.value for milestone in self.timeline],
            "notes": [note_wire(note) for note in self.notes],
            "warnings": [warning_wire(warning) for warning in self.warnings],
            "sources": [source.value for source in self.sources],
        }


def span_text(span: Span) -> str:
    """A dose range as text, "8–12" (or "10" when both ends are equal)."""
    low, high = span
    return str(low) if low == high else f"{low}–{high}"
