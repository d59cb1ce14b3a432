"""A 7-day plan of strength, balance, walking and rest that fits the reader.

Rules (numbers in `calculators.evidence`):

- Strength days: as many as the reader has, at most 6 (one full rest day, Sunday), at most 3
  for readers who need support to stand (ACSM 2009, E3: 2–3 days a week). 1–3 days are whole
  body or legs/upper/whole body with a day between; 4–6 alternate lower and upper body, so
  the same muscles never work hard two days running, across the week's end too.
- Balance and core on at least 3 days from 65 or after a fall (WHO 2020, E1; E2), 2 otherwise
  (the article's 2–3), every day but the rest day with the balance focus; they go on days
  without strength first, and may share a strength day.
- Exercises come from the library rows passed in, by level (see `LEVELS`) and equipment; the
  same chain of variations is never used twice in one day; sets × reps from the row's dose.
- Effort: the last 2–3 reps of each set hard. Progression (E3): add 2–10% when you beat the
  top of the rep range by 1–2 in two sessions running.
- Steps: see `calculators.steps` (E5, E6, E7).
- Chest pain or fainting on exertion: status "refer", a stop warning, and **no plan** (E4): a
  plan next to "see a doctor first" would read as permission to start. Under 18: refer, no
  plan (WHO has separate advice for children). A long-term condition, a recent hospital stay
  (the strong level is then left out) or a fall in the past year: caution, plan shown (E4).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from calculators import evidence
from calculators.evidence import Source
from calculators.exercises import Category, Equipment, Exercise, Level, Span, exercise_library
from calculators.inputs import PayloadReader
from calculators.results import Alert, Severity, Status, cite
from calculators.steps import StepPlan, step_progression


class Ability(StrEnum):
    """How the reader manages today (the form's "How do you manage today?")."""

    NEEDS_SUPPORT = "needs-support"
    TIRES_QUICKLY = "tires-quickly"
    OUT_OF_PRACTICE = "out-of-practice"


class Focus(StrEnum):
    """What matters most to the reader."""

    GENERAL = "general"
    LEGS = "legs"
    BALANCE = "balance"


class DayKind(StrEnum):
    """A day's main job; balance and core can also join a strength day (`balance_core`)."""

    STRENGTH = "strength"
    BALANCE = "balance"
    MOVEMENT = "movement"
    REST = "rest"


class Muscles(StrEnum):
    """Which muscles a strength day works hard."""

    LOWER = "lower"
    UPPER = "upper"
    FULL = "full"


DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
REST_DAY = 6  # Sunday: the week's one full rest day

# Ability -> (levels to use, easier levels to fall back on when a slot has nothing else).
# Never harder than the reader's levels: a slot left empty is better than a risky exercise.
LEVELS: Mapping[Ability, tuple[tuple[Level, ...], tuple[Level, ...]]] = {
    Ability.NEEDS_SUPPORT: ((Level.START,), ()),
    Ability.TIRES_QUICKLY: ((Level.START, Level.BUILD), ()),
    Ability.OUT_OF_PRACTICE: ((Level.BUILD, Level.STRONG), (Level.START,)),
}

# Strength days by count, Monday first; None = no strength that day. Lower and upper alternate
# and whole-body days have a day off either side, so no muscle works hard two days running.
_L, _U, _F = Muscles.LOWER, Muscles.UPPER, Muscles.FULL
WEEK_LAYOUTS: Mapping[int, tuple[Muscles | None, ...]] = {
    1: (_F, None, None, None, None, None, None),
    2: (_F, None, None, _F, None, None, None),
    3: (_L, None, _U, None, _F, None, None),  # the article's week: legs, upper, whole body
    4: (_L, _U, None, _L, _U, None, None),
    5: (_L, _U, _L, _U, _L, None, None),
    6: (_L, _U, _L, _U, _L, _U, None),
}

# Each slot lists the categories that may fill it, best first: a whole-body slot with no
# whole-body exercise at the reader's level takes a lower-body one.
Slot = tuple[Category, ...]
_LOWER: Slot = (Category.LOWER_BODY,)
_UPPER: Slot = (Category.UPPER_BODY,)
_STRENGTH_SLOTS: Mapping[Muscles, tuple[Slot, ...]] = {
    Muscles.LOWER: (_LOWER,) * 3,
    Muscles.UPPER: (_UPPER,) * 3,
    Muscles.FULL: ((Category.FULL_BODY, Category.LOWER_BODY), _LOWER, _UPPER),
}
_BALANCE_DAY_SLOTS: tuple[Slot, ...] = ((Category.BALANCE,), (Category.BALANCE,), (Category.CORE,))
_SHARED_BALANCE_SLOTS: tuple[Slot, ...] = ((Category.BALANCE,), (Category.CORE,))
_MOVEMENT_SLOTS: tuple[Slot, ...] = ((Category.MOBILITY,), (Category.MOBILITY,))

EFFORT_NOTE = "The last 2–3 reps of each set should feel hard, but keep good form (E3)."
PROGRESSION_NOTE = (
    "When you can do 1–2 reps more than the top of the range in two sessions running, make it "
    "a little harder: add 2–10% more weight, or move to the harder version (E3)."
)


@dataclass(frozen=True)
class PlanInput:
    """A reader's answers; build it from form values with `PlanInput.from_mapping`."""

    age: int
    ability: Ability
    strength_days: int
    steps_per_day: int | None = None
    equipment: frozenset[Equipment] = frozenset({Equipment.NONE})
    focus: Focus = Focus.GENERAL
    chronic_condition: bool = False
    recent_hospital_stay: bool = False
    fall_past_year: bool = False
    chest_pain_or_fainting: bool = False

    @classmethod
    def from_mapping(cls, payload: Mapping[str, object]) -> PlanInput:
        """Read and check wire values; raises `InvalidInput` listing every bad field."""
        reader = PayloadReader(payload)
        age_bound, days_bound, steps_bound = (
            evidence.AGE_YEARS,
            evidence.STRENGTH_DAYS,
            evidence.STEPS_PER_DAY,
        )
        age = reader.whole_number(
            "age",
            age_bound,
            f"Enter your age in whole years, between {age_bound.low} and {age_bound.high}.",
        )
        ability = reader.choice("ability", Ability, "how you manage today")
        days = reader.whole_number(
            "strength_days",
            days_bound,
            f"Choose how many days a week you can do strength exercises, from {days_bound.low} "
            f"to {days_bound.high}.",
        )
        steps = reader.optional_whole_number(
            "steps_per_day",
            steps_bound,
            f"Enter your steps a day as a whole number from {steps_bound.low} to "
            f"{steps_bound.high:,}, or leave it empty if you don't know.",
        )
        equipment = reader.choices("equipment", Equipment, "what you have")
        focus = reader.choice("focus", Focus, "what matters most", default=Focus.GENERAL)
        flags = [
            reader.flag(name)
            for name in (
                "chronic_condition",
                "recent_hospital_stay",
                "fall_past_year",
                "chest_pain_or_fainting",
            )
        ]
        reader.finish()
        return cls(
            age,
            ability,
            days,
            steps,
            frozenset({Equipment.NONE, *equipment}),
            focus,
            *flags,
        )


@dataclass(frozen=True)
class PlannedExercise:
    """One exercise on one day, with its dose."""

    exercise: Exercise
    sets: int

    def to_wire(self) -> dict[str, object]:
        """The exercise as the wire's mapping; one of `reps` and `hold_seconds` is null."""
        dose = self.exercise.dose
        return {
            "id": self.exercise.id,
            "name": self.exercise.name,
            "sets": self.sets,
            "reps": _span_text(dose.reps),
            "hold_seconds": _span_text(dose.hold_seconds),
            "per_side": dose.per_side,
            "note": self.exercise.safety,
        }


@dataclass(frozen=True)
class PlanDay:
    """One day of the week."""

    day: int
    kind: DayKind
    muscles: Muscles | None
    balance_core: bool
    exercises: tuple[PlannedExercise, ...]
    steps_target: int | None
    notes: tuple[str, ...]

    def to_wire(self) -> dict[str, object]:
        """The day as the wire's mapping (day 1 = Monday)."""
        return {
            "day": self.day,
            "name": DAY_NAMES[self.day - 1],
            "kind": self.kind.value,
            "focus": None if self.muscles is None else self.muscles.value,
            "balance_core": self.balance_core,
            "exercises": [planned.to_wire() for planned in self.exercises],
            "steps_target": self.steps_target,
            "notes": list(self.notes),
        }


@dataclass(frozen=True)
class PlanResult:
    """A week's plan ("ok"), or a referral with no plan ("refer")."""

    status: Status
    days: tuple[PlanDay, ...]
    steps: StepPlan | None
    timeline: tuple[str, ...]
    notes: tuple[str, ...]
    warnings: tuple[Alert, ...]
    sources: tuple[Source, ...]

    @property
    def strength_day_count(self) -> int:
        """Days with strength work."""
        return sum(day.kind is DayKind.STRENGTH for day in self.days)

    @property
    def rest_day_count(self) -> int:
        """Full rest days."""
        return sum(day.kind is DayKind.REST for day in self.days)

    def to_wire(self) -> dict[str, object]:
        """The result as plain JSON-ready values (the wire's `result`)."""
        return {
            "status": self.status.value,
            "days": [day.to_wire() for day in self.days],
            "strength_day_count": self.strength_day_count,
            "rest_day_count": self.rest_day_count,
            "balance_day_count": sum(day.balance_core for day in self.days),
            "steps": None if self.steps is None else self.steps.to_wire(),
            "timeline": list(self.timeline),
            "notes": list(self.notes),
            "warnings": [alert.to_wire() for alert in self.warnings],
            "sources": [source.value for source in self.sources],
        }


def weekly_plan(answers: PlanInput, exercise_rows: Sequence[object]) -> PlanResult:
    """The reader's week; raises `InvalidInput` if the exercise rows are unusable."""
    library = exercise_library(exercise_rows)
    referral = _referral(answers)
    if referral is not None:
        return referral
    notes: list[str] = []
    sources: list[Source] = [Source.E1, Source.E3]
    strength_days = planned_strength_days(answers, notes)
    layout = WEEK_LAYOUTS[strength_days]
    balance_days = _balance_days(answers, layout)
    steps = step_progression(answers.age, answers.steps_per_day)
    picker = _Picker(library, answers)
    extra = 1 if answers.focus is Focus.LEGS else 0
    days = tuple(
        _plan_day(
            index,
            layout[index],
            index in balance_days,
            extra_leg_slots=extra,
            steps=steps,
            picker=picker,
        )
        for index in range(7)
    )
    if picker.unfilled:
        notes.append(
            "Some days have fewer exercises: nothing else in the library fits your level and "
            "what you have at home."
        )
    notes += [EFFORT_NOTE, PROGRESSION_NOTE]
    notes += _steps_notes(steps, sources)
    notes.append(
        "Sleep 7–8 hours a night if you are 65 or over, 7–9 hours if younger (E8)."
        if answers.age >= evidence.BALANCE_AGE
        else "Sleep 7–9 hours a night (E8)."
    )
    sources += [Source.E5, Source.E7, Source.E8, Source.D6, Source.D7]
    warnings = _cautions(answers, sources, notes)
    return PlanResult(
        status=Status.OK,
        days=days,
        steps=steps,
        timeline=_timeline(steps),
        notes=tuple(notes),
        warnings=warnings,
        sources=cite(sources),
    )


def planned_strength_days(answers: PlanInput, notes: list[str]) -> int:
    """How many strength days the week gets, never more than the reader has (notes say why)."""
    days = min(answers.strength_days, 7 - evidence.MIN_REST_DAYS)
    if answers.strength_days > days:
        notes.append("The plan keeps one day a week for full rest, so it has 6 strength days.")
    cap = evidence.MAX_STRENGTH_DAYS_NEEDS_SUPPORT
    if answers.ability is Ability.NEEDS_SUPPORT and days > cap:
        days = cap
        notes.append(
            f"While you need support to stand, {cap} strength days with a day's rest between "
            "are plenty: 2–3 days a week is what the guidelines advise (E3)."
        )
    if days < evidence.WHO_MIN_STRENGTH_DAYS:
        notes.append(
            "The WHO advises strength work on at least 2 days a week (E1): add a second day "
            "when you can."
        )
    return days


def _balance_days(answers: PlanInput, layout: tuple[Muscles | None, ...]) -> frozenset[int]:
    """Which days (0 = Monday) carry balance and core work: free days first, then spread."""
    if answers.focus is Focus.BALANCE:
        wanted = 7 - evidence.MIN_REST_DAYS
    elif answers.age >= evidence.BALANCE_AGE or answers.fall_past_year:
        wanted = evidence.BALANCE_DAYS_OLDER
    else:
        wanted = evidence.BALANCE_DAYS_YOUNGER
    free = [day for day in range(7) if day != REST_DAY and layout[day] is None]
    busy = sorted((day for day in range(7) if layout[day] is not None), key=lambda d: (d % 2, d))
    return frozenset((free + busy)[:wanted])


class _Picker:
    """Chooses exercises for slots: the reader's levels and equipment, varied over the week."""

    def __init__(self, library: tuple[Exercise, ...], answers: PlanInput) -> None:
        primary, fallback = LEVELS[answers.ability]
        if answers.recent_hospital_stay:
            primary = tuple(level for level in primary if level is not Level.STRONG)
        self._rank = {level: rank for rank, level in enumerate(primary)}
        self._fallback = {level: rank for rank, level in enumerate(reversed(fallback))}
        self._order = {exercise.id: index for index, exercise in enumerate(library)}
        self._chains = _chains(library)
        self._usable = [
            exercise
            for exercise in library
            if (exercise.level in self._rank or exercise.level in self._fallback)
            and exercise.equipment <= answers.equipment
        ]
        self._uses: Counter[str] = Counter()
        self._sets_rule = answers.ability
        self.unfilled = 0

    def day(self, slots: Sequence[Slot]) -> tuple[PlannedExercise, ...]:
        """One exercise per slot where one fits; no two from one chain of variations."""
        chosen: list[Exercise] = []
        for slot in slots:
            taken = {self._chains[exercise.id] for exercise in chosen}
            options = [
                exercise
                for exercise in self._usable
                if exercise.category in slot and self._chains[exercise.id] not in taken
            ]
            if not options:
                self.unfilled += 1
                continue
            best = min(options, key=lambda exercise: self._preference(exercise, slot))
            self._uses[best.id] += 1
            chosen.append(best)
        return tuple(
            PlannedExercise(exercise, self._sets(exercise.dose.sets)) for exercise in chosen
        )

    def _preference(self, exercise: Exercise, slot: Slot) -> tuple[int, int, int, int, int]:
        """Slot's first category, reader's levels before fallbacks, least used, gentler, data."""
        if exercise.level in self._rank:
            fallback, rank = 0, self._rank[exercise.level]
        else:
            fallback, rank = 1, self._fallback[exercise.level]
        return (
            slot.index(exercise.category),
            fallback,
            self._uses[exercise.id],
            rank,
            self._order[exercise.id],
        )

    def _sets(self, sets: Span) -> int:
        """The gentlest set count for those who need support, else 2 within the range (E3)."""
        low, high = sets
        if self._sets_rule is Ability.NEEDS_SUPPORT:
            return low
        return min(max(2, low), high)


def _chains(library: tuple[Exercise, ...]) -> dict[str, str]:
    """Each exercise id -> the id of the easiest exercise in its chain of variations."""
    by_id = {exercise.id: exercise for exercise in library}
    roots: dict[str, str] = {}
    for exercise in library:
        current, seen = exercise, {exercise.id}
        while current.easier in by_id and current.easier not in seen:
            current = by_id[current.easier]
            seen.add(current.id)
        roots[exercise.id] = current.id
    return roots


def _plan_day(
    index: int,
    muscles: Muscles | None,
    balance: bool,
    *,
    extra_leg_slots: int,
    steps: StepPlan,
    picker: _Picker,
) -> PlanDay:
    """One day: its kind, exercises, step target and notes (legs focus: extra leg slots)."""
    if index == REST_DAY:
        return PlanDay(
            index + 1,
            DayKind.REST,
            None,
            False,
            (),
            None,
            ("Rest: no strength or balance work today. A short, easy walk and gentle "
             "stretching are fine.",),
        )  # fmt: skip
    notes: list[str] = []
    slots: list[Slot] = []
    if muscles is not None:
        slots += _STRENGTH_SLOTS[muscles]
        if muscles is not Muscles.UPPER:
            slots += (_LOWER,) * extra_leg_slots
        notes.append(EFFORT_NOTE)
        notes.append("Rest 1–3 minutes between sets (E3).")
    if balance:
        slots += _SHARED_BALANCE_SLOTS if muscles is not None else _BALANCE_DAY_SLOTS
        notes.append("Do balance exercises next to a counter or a sturdy chair you can hold.")
    if muscles is None:
        slots += _MOVEMENT_SLOTS
        notes.append("Walk at a pace where you can talk but not sing, and stretch gently.")
    kind = (
        DayKind.STRENGTH
        if muscles is not None
        else DayKind.BALANCE
        if balance
        else DayKind.MOVEMENT
    )
    return PlanDay(
        index + 1, kind, muscles, balance, picker.day(slots), steps.weekly[0], tuple(notes)
    )


def _steps_notes(steps: StepPlan, sources: list[Source]) -> list[str]:
    """How the step goal was set."""
    notes = []
    if not steps.baseline_known:
        sources.append(Source.E6)
        notes.append(
            f"You did not give your steps, so the plan starts from {steps.baseline:,} a day, "
            "the low end of what older adults walk (E6). Count your steps for a few days with "
            "a phone or pedometer and enter them for a better start."
        )
    notes.append(
        f"Steps: the benefit levels off at {steps.target_low:,}–{steps.target_high:,} a day "
        "for your age (E5); add about 500 a day each week (E7)."
    )
    return notes


def _timeline(steps: StepPlan) -> tuple[str, ...]:
    """What to expect, in plain words, without promising what the evidence does not."""
    if steps.weeks_to_target == 0:
        walking = (
            f"You already walk {steps.baseline:,} steps a day: keep it up; up to "
            f"{steps.target_high:,} still helps (E5)."
        )
    else:
        walking = (
            f"Week {steps.weeks_to_target}: about {steps.target_low:,} steps a day, if you add "
            "about 500 each week (E5, E7)."
        )
    return (
        "Weeks 1–2: learn the moves with the easier versions. Some muscle soreness a day or "
        "two later is normal and fades.",
        walking,
        "Weeks 4–8: strength often improves; muscle size can take longer, especially with age.",
        "Months 3 and beyond: keep going. Longer programmes bring larger gains (D7); in trials "
        "of people over 50, strength rose by about a quarter to a third (D6).",
    )


def _cautions(answers: PlanInput, sources: list[Source], notes: list[str]) -> tuple[Alert, ...]:
    """Cautions for health flags (E4, E2); a note that healthy readers may simply start."""
    alerts = []
    if answers.chronic_condition:
        alerts.append(
            Alert(
                Severity.CAUTION,
                "You have a long-term health condition: talk to your doctor or physiotherapist "
                "before you start (E4).",
            )
        )
    if answers.recent_hospital_stay:
        alerts.append(
            Alert(
                Severity.CAUTION,
                "You were in hospital or had surgery recently: ask your doctor or "
                "physiotherapist when and how to start. The plan leaves out the hardest "
                "versions (E4).",
            )
        )
    if answers.fall_past_year:
        alerts.append(
            Alert(
                Severity.CAUTION,
                "You had a fall in the past year: ask your doctor about a falls check, and do "
                "balance work next to a counter or sturdy chair. Balance training cuts falls "
                "(E2), so the plan has it on at least 3 days.",
            )
        )
        sources.append(Source.E2)
    if alerts:
        sources.append(Source.E4)
    elif answers.age >= evidence.BALANCE_AGE:
        notes.append(
            "Healthy older adults who build up gradually do not need to see a doctor first (E4)."
        )
        sources.append(Source.E4)
    return tuple(alerts)


def _referral(answers: PlanInput) -> PlanResult | None:
    """No plan for chest pain or fainting on exertion (stop, E4) or under 18 (E1)."""
    alerts: list[Alert] = []
    sources: list[Source] = []
    if answers.chest_pain_or_fainting:
        alerts.append(
            Alert(
                Severity.STOP,
                "Chest pain or feeling faint when you exert yourself needs a doctor's check "
                "before you start any exercise plan: see a doctor first. If you have chest "
                "pain now, call emergency services.",
            )
        )
        sources.append(Source.E4)
    if answers.age < evidence.ADULT_AGE:
        alerts.append(
            Alert(
                Severity.CAUTION,
                "This plan is for adults. Children and teenagers have their own activity "
                "advice (E1): ask your doctor or a PE teacher.",
            )
        )
        sources.append(Source.E1)
    if not alerts:
        return None
    return PlanResult(
        status=Status.REFER,
        days=(),
        steps=None,
        timeline=(),
        notes=("No plan is shown until you have asked first.",),
        warnings=tuple(alerts),
        sources=cite(sources),
    )


def _span_text(span: Span | None) -> str | None:
    """A dose range as text, "8–12" (or "10" when both ends are equal)."""
    if span is None:
        return None
    low, high = span
    return str(low) if low == high else f"{low}–{high}"
