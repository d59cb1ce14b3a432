"""A safe 12-week programme of strength, balance and walking, by functional level.

Why this shape: real programmes (Otago, Vivifrail; EVIDENCE M3, M5) are weeks of progression
fitted to what the reader can do, with a re-test. Numbers live in `calculators.evidence`.

- **Level** (A–D, M3): from the sentence the reader picks, or from their measured tests (an
  at-home SPPB, `calculators.function`); never higher than the tests allow. Falls risk (M4)
  adds the "+": balance work on every day but the rest day, always holding on.
- **Safe selection**: an exercise is used only if it suits the level (`min_level`–`max_level`),
  everything it needs is at home (a chair, a wall and a counter are assumed unless the reader
  says otherwise), level A gets only seated moves and B only seated or held ones, floor moves
  only for C/D readers who can get down to and up from the floor (never after a fall they could
  not get up from), standing balance up to C only next to a counter with a chair behind, and
  no unsupported balance with falls risk. After a hospital stay the hardest versions are out.
- **Every day filled**: a strength day has a lower-body move (lower or whole-body day) and an
  upper-body move (upper or whole-body day); any day with balance work has 2 balance moves; a
  walking day has 2 stretches. The data coverage test proves this for every level × equipment
  × focus.
- **Dose** (M6, E3): strength days at most 3 for A–C, 4 for D, lower and upper body never on
  consecutive days; sets start at 1 and rise on a schedule (`evidence.SETS_*`); weeks 1–2
  use the easier versions; the harder version is suggested when the E3 rule is met.
- **Walking**: A counts their steps and walks a few more; B walks minutes a day after counting
  their steps; C and D get a step goal rising 500 a week (E5–E7).
- **Referrals** (the triage table, `calculators.triage`): chest pain or feeling faint on
  exertion, or under 18 → no plan. Every finding is a warning in the table's words, most urgent
  first; a blackout → see a doctor first and the seated programme (level A) until then. Level
  A/B, falls risk, a hospital stay or a long-term condition → a physiotherapist. "No need to see
  a doctor first" (E4) only at level D with no finding at all. No isometric holds (wall sit,
  planks) after a hospital stay, with blackouts or with falls risk; "+" levels: someone with
  you for standing balance work.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from calculators import evidence
from calculators.evidence import Source
from calculators.exercises import (
    Category,
    Equipment,
    Exercise,
    Level,
    Position,
    Span,
    exercise_library,
)
from calculators.function import (
    FALLS_TRIGGER_RULE,
    FallsTrigger,
    FunctionLevel,
    FunctionTests,
    Sppb,
    falls_triggers,
    level_for_score,
    level_from,
    sppb,
)
from calculators.inputs import PayloadReader, decimal_or_none, is_missing
from calculators.present import triage as words
from calculators.results import Alert, Severity, Status, cite
from calculators.steps import StepPlan, step_progression
from calculators.triage import RULE, Finding, Observations, RuleId, evaluate
from calculators.triage import Level as Urgency


class Ability(StrEnum):
    """The sentence the reader picks (the form's "How do you manage today?"), one per level."""

    MOSTLY_SEATED = "mostly-seated"
    NEEDS_SUPPORT = "needs-support"
    TIRES_QUICKLY = "tires-quickly"
    OUT_OF_PRACTICE = "out-of-practice"

    @property
    def level(self) -> FunctionLevel:
        """The Vivifrail level the sentence describes (M3)."""
        return _ABILITY_LEVEL[self]


_ABILITY_LEVEL = {
    Ability.MOSTLY_SEATED: FunctionLevel.A,
    Ability.NEEDS_SUPPORT: FunctionLevel.B,
    Ability.TIRES_QUICKLY: FunctionLevel.C,
    Ability.OUT_OF_PRACTICE: FunctionLevel.D,
}

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
_BETTER_SCORE = {
    FunctionLevel.A: "A tests score of 4 or more (level B) would add exercises standing at a "
    "counter and a daily walking time.",
    FunctionLevel.B: "A tests score of 7 or more (level C) would add standing exercises without "
    "holding on, up to 2 sets and a daily step goal.",
    FunctionLevel.C: "A tests score of 10 or more (level D) would allow up to 4 strength days, 3 "
    "sets and the hardest versions.",
    FunctionLevel.D: "You are at the top level: a faster time means the harder versions are due.",
}


class Focus(StrEnum):
    """What matters most to the reader."""

    GENERAL = "general"
    LEGS = "legs"
    BALANCE = "balance"


class HomeSupport(StrEnum):
    """Things almost every home has, assumed unless the reader says they lack them."""

    CHAIR = "chair"
    WALL = "wall"
    COUNTER = "counter"


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


DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
REST_DAY = 6  # Sunday: the week's one full rest day
_HOME = frozenset({Equipment.NONE, Equipment.CHAIR, Equipment.WALL, Equipment.COUNTER})
_EXTRAS = (
    Equipment.STEP,
    Equipment.BAND,
    Equipment.DUMBBELLS,
    Equipment.GYM_MACHINE,
    Equipment.MAT,
)

# Strength days by count, Monday first; None = no strength that day. Lower and upper alternate
# and whole-body days have a day off either side, so no muscle works hard two days running.
_L, _U, _F = Muscles.LOWER, Muscles.UPPER, Muscles.FULL
WEEK_LAYOUTS: Mapping[int, tuple[Muscles | None, ...]] = {
    1: (_F, None, None, None, None, None, None),
    2: (_F, None, None, _F, None, None, None),
    3: (_L, None, _U, None, _F, None, None),  # the article's week: legs, upper, whole body
    4: (_L, _U, None, _L, _U, None, None),
}

# One phrase per day title, used by every view (page, sample weeks, print, calendar, CLI).
DAY_TITLES = {
    Muscles.LOWER: "Strength: legs and hips",
    Muscles.UPPER: "Strength: arms, chest and back",
    Muscles.FULL: "Strength: whole body",
    DayKind.BALANCE: "Balance",
    DayKind.MOVEMENT: "Walking and stretching",
    DayKind.REST: "Rest",
}
BALANCE_SUFFIX = " + balance"


@dataclass(frozen=True)
class Slot:
    """A place for one exercise: the categories that may fill it, best first.

    `required`: a day without it counts as short (the coverage test's and properties' rule).
    """

    categories: tuple[Category, ...]
    required: bool


_LOWER = Slot((Category.LOWER_BODY,), required=True)
_UPPER = Slot((Category.UPPER_BODY,), required=True)
_MORE_LOWER = Slot((Category.LOWER_BODY,), required=False)
_MORE_UPPER = Slot((Category.UPPER_BODY,), required=False)
_WHOLE = Slot((Category.FULL_BODY, Category.LOWER_BODY), required=False)
_BALANCE = Slot((Category.BALANCE,), required=True)
_CORE = Slot((Category.CORE,), required=False)
_STRETCH = Slot((Category.MOBILITY,), required=True)
_STRENGTH_SLOTS: Mapping[Muscles, tuple[Slot, ...]] = {
    Muscles.LOWER: (_LOWER, _MORE_LOWER, _MORE_LOWER),
    Muscles.UPPER: (_UPPER, _MORE_UPPER, _MORE_UPPER),
    Muscles.FULL: (_LOWER, _UPPER, _WHOLE),
}
_BALANCE_SLOTS = (_BALANCE, _BALANCE)

EFFORT_NOTE = "The last 2–3 reps of each set should feel hard, but keep good form (E3)."
PROGRESSION_NOTE = (
    "When you can do 1–2 reps more than the top of the range in two sessions running, make it "
    "a little harder: add 2–10% more weight, or move to the harder version (E3)."
)
SEATED_BALANCE_NOTE = (
    "Do the seated balance exercises in a sturdy chair without wheels, with your feet flat and "
    "someone nearby the first few times."
)
BALANCE_NOTE = (
    "Do balance exercises next to a kitchen counter you can hold, with a sturdy chair behind "
    "you, and someone nearby if you are unsure (M5)."
)
WITH_SOMEONE_NOTE = (
    "Have someone with you for standing balance work until a physiotherapist says you can do "
    "it alone."
)
HOLDS_LEFT_OUT_NOTE = (
    "Holds that tense a muscle without moving (a wall sit, planks) are left out: they raise "
    "blood pressure, and after a hospital stay, with blackouts or with a risk of falls they wait "
    "until a doctor or physiotherapist says they are safe for you (common practice)."
)
# A reader whose physiotherapist limits one side (after an injury, a cast or an operation):
# the plan cannot know which moves were cleared, so it says to skip the rest (issue 22).
ONE_SIDE_NOTE = (
    "Your physiotherapist has limits for one side: skip anything not cleared for that side, "
    "and show them this plan."
)
PHYSIO_NOTE = (
    "A physiotherapist can check these exercises with you: ask your doctor or practice to "
    "refer you, and take this plan along."
)


@dataclass(frozen=True)
class PlanInput:
    """A reader's answers; build it from form values with `PlanInput.from_mapping`."""

    age: int
    ability: Ability | None
    strength_days: int
    steps_per_day: int | None = None
    equipment: frozenset[Equipment] = frozenset()
    lacks: frozenset[HomeSupport] = frozenset()
    focus: Focus = Focus.GENERAL
    floor_ok: bool = False
    chronic_condition: bool = False
    recent_hospital_stay: bool = False
    fall_past_year: bool = False
    fall_with_injury: bool = False
    two_or_more_falls: bool = False
    cannot_get_up: bool = False
    blackouts: bool = False
    chest_pain_or_fainting: bool = False
    one_side_limits: bool = False  # a physiotherapist has limits for one side
    tests: FunctionTests | None = None
    print_name: str = ""  # only printed on the plan: never in a link, never sent anywhere

    @property
    def available(self) -> frozenset[Equipment]:
        """What the reader has: the home's chair, wall and counter unless lacking, plus extras."""
        lacking = {Equipment(item.value) for item in self.lacks}
        return (_HOME - lacking) | (self.equipment & frozenset(_EXTRAS))

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
        tests = _read_tests(reader, payload)
        ability: Ability | None = None
        if not is_missing(payload.get("ability")):
            ability = reader.choice("ability", Ability, "the sentence that fits you best")
        elif tests is None:
            # No level is chosen for the reader (issue 21.5): a sentence or tests, not a guess.
            reader.fail(
                "ability",
                "Choose the sentence that fits you best, or enter your test results below.",
                ", ".join(ability.value for ability in Ability),
            )
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
        lacks = reader.choices("lacks", HomeSupport, "what you do not have at home")
        focus = reader.choice("focus", Focus, "what matters most", default=Focus.GENERAL)
        most = evidence.PRINT_NAME_MAX_CHARS
        print_name = reader.optional_text(
            "print_name",
            most,
            f"Write the name for the printout in up to {most} letters, or leave it empty.",
        )
        flag = reader.flag
        answers = cls(
            age,
            ability,
            days,
            steps,
            frozenset(equipment),
            frozenset(lacks),
            focus,
            floor_ok=flag("floor_ok"),
            chronic_condition=flag("chronic_condition"),
            recent_hospital_stay=flag("recent_hospital_stay"),
            fall_past_year=flag("fall_past_year"),
            fall_with_injury=flag("fall_with_injury"),
            two_or_more_falls=flag("two_or_more_falls"),
            cannot_get_up=flag("cannot_get_up"),
            blackouts=flag("blackouts"),
            chest_pain_or_fainting=flag("chest_pain_or_fainting"),
            one_side_limits=flag("one_side_limits"),
            tests=tests,
            print_name=print_name,
        )
        reader.finish()
        return answers


# The measured-test fields (seconds); any one given means the reader entered their tests.
_HOLD_FIELDS = (
    ("balance_side_by_side_seconds", "feet side by side"),
    ("balance_semi_tandem_seconds", "half heel-to-toe (semi-tandem)"),
    ("balance_tandem_seconds", "heel-to-toe (tandem)"),
)
_TEST_FIELDS = (
    *(name for name, _ in _HOLD_FIELDS),
    "walk_4m_seconds",
    "chair_rise_seconds",
    "chair_rise_unable",
)


def _read_tests(reader: PayloadReader, payload: Mapping[str, object]) -> FunctionTests | None:
    """The measured tests, or None if none was entered.

    Partial tests are accepted (issue 21.5): function.py scores what was measured as a range,
    and the plan uses its low end.
    """
    given = [name for name in _TEST_FIELDS if not is_missing(payload.get(name))]
    unable = reader.flag("chair_rise_unable")
    if not given or (given == ["chair_rise_unable"] and not unable):
        return None
    holds = [
        _optional_seconds(
            reader,
            payload,
            name,
            evidence.BALANCE_HOLD_SECONDS,
            f"Enter how many seconds you held the {label} stand, from 0 to 10 "
            "(10 if you held it the full 10 seconds), or leave it empty if you did not try it.",
        )
        for name, label in _HOLD_FIELDS
    ]
    walk = _optional_seconds(
        reader,
        payload,
        "walk_4m_seconds",
        evidence.WALK_4M_SECONDS,
        "Enter the seconds your 4 m walk took, from 2 to 120, or leave it empty if you did "
        "not do it.",
    )
    chair = _optional_seconds(
        reader,
        payload,
        "chair_rise_seconds",
        evidence.CHAIR_STAND_SECONDS,
        'Enter the seconds five chair rises took, from 3 to 120, or tick "I could not do five".',
    )
    return FunctionTests(holds[0], holds[1], holds[2], walk, chair, unable)


def _optional_seconds(
    reader: PayloadReader,
    payload: Mapping[str, object],
    field: str,
    bound: evidence.Bound,
    message: str,
) -> Decimal | None:
    """A time in seconds within `bound`, or None when left empty."""
    raw = payload.get(field)
    if is_missing(raw):
        return None
    value = decimal_or_none(raw, bound.unit)
    if value is None or not bound.low <= value <= bound.high:
        reader.fail(field, message, bound.allowed())
        return None
    return value


@dataclass(frozen=True)
class Dose:
    """One exercise's amount in one week: sets, and reps or seconds held (a range)."""

    sets: int
    reps: Span | None
    hold_seconds: Span | None
    per_side: bool

    def phrase(self) -> str:
        """The dose in words, the one phrase every view uses.

        >>> Dose(2, (10, 12), None, True).phrase()
        '2 sets of 10–12 reps on each side'
        >>> Dose(1, None, (10, 10), False).phrase()
        '1 hold of 10 seconds'
        """
        side = " on each side" if self.per_side else ""
        if self.reps is not None:
            return f"{_count(self.sets, 'set')} of {span_text(self.reps)} reps{side}"
        hold = span_text(self.hold_seconds or (0, 0))
        return f"{_count(self.sets, 'hold')} of {hold} seconds{side}"

    def short(self) -> str:
        """The dose in the printed plan's short form, sides left to the exercise's name.

        Its key is `present.plan.SHORT_DOSE_KEY`.

        >>> Dose(2, (10, 12), None, True).short()
        '2 × 10–12'
        >>> Dose(1, None, (10, 10), False).short()
        '1 × 10 s'
        """
        if self.reps is not None:
            return f"{self.sets} × {span_text(self.reps)}"
        return f"{self.sets} × {span_text(self.hold_seconds or (0, 0))} s"

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
        """The exercise as the wire's mapping; one of `reps` and `hold_seconds` is null."""
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
            "dose": self.dose.phrase(),
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
    notes: tuple[str, ...]

    @property
    def title(self) -> str:
        """The day's title, one phrase for every view."""
        if self.muscles is not None:
            return DAY_TITLES[self.muscles] + (BALANCE_SUFFIX if self.balance_core else "")
        return DAY_TITLES[self.kind]

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
        """The day as the wire's mapping (day 1 = Monday)."""
        return {
            "day": self.day,
            "name": DAY_NAMES[self.day - 1],
            "title": self.title,
            "kind": self.kind.value,
            "focus": None if self.muscles is None else self.muscles.value,
            "balance_core": self.balance_core,
            "exercises": [planned.to_wire() for planned in self.exercises],
            "steps_target": self.steps_target,
            "notes": list(self.notes),
        }


@dataclass(frozen=True)
class WalkGoal:
    """One week's walking goal: a step count (C, D), minutes (B) or a few more steps (A)."""

    kind: Walking
    steps_per_day: int | None
    minutes: int | None
    text: str

    def to_wire(self) -> dict[str, object]:
        """The goal as the wire's mapping."""
        return {
            "kind": self.kind.value,
            "steps_per_day": self.steps_per_day,
            "minutes": self.minutes,
            "text": self.text,
        }


@dataclass(frozen=True)
class PlanWeek:
    """One week of the programme."""

    week: int
    sets: int
    walking: WalkGoal
    retest: bool
    days: tuple[PlanDay, ...]
    notes: tuple[str, ...]

    @property
    def learning(self) -> bool:
        """Weeks 1–2: learn the moves with the easier versions."""
        return self.week <= evidence.LEARNING_WEEKS

    @property
    def title(self) -> str:
        """The week's heading, one phrase for every view."""
        if self.learning:
            return f"Week {self.week}: learn the moves"
        return f"Week {self.week}: re-test week" if self.retest else f"Week {self.week}: build up"

    def to_wire(self) -> dict[str, object]:
        """The week as the wire's mapping."""
        return {
            "week": self.week,
            "title": self.title,
            "learning": self.learning,
            "sets": self.sets,
            "retest": self.retest,
            "walking": self.walking.to_wire(),
            "days": [day.to_wire() for day in self.days],
            "notes": list(self.notes),
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


@dataclass(frozen=True)
class PlanResult:
    """A 12-week programme ("ok"), or a referral with no plan ("refer")."""

    status: Status
    assessment: LevelAssessment | None
    weeks: tuple[PlanWeek, ...]
    steps: StepPlan | None
    timeline: tuple[str, ...]
    notes: tuple[str, ...]
    warnings: tuple[Alert, ...]
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
        """The result as plain JSON-ready values (the wire's `result`)."""
        return {
            "status": self.status.value,
            "level": None if self.assessment is None else self.assessment.to_wire(),
            "days": [day.to_wire() for day in self.days],
            "weeks": [week.to_wire() for week in self.weeks],
            "strength_day_count": self.strength_day_count,
            "rest_day_count": self.rest_day_count,
            "balance_day_count": sum(day.balance_core for day in self.days),
            "steps": None if self.steps is None else self.steps.to_wire(),
            "timeline": list(self.timeline),
            "notes": list(self.notes),
            "warnings": [alert.to_wire() for alert in self.warnings],
            "sources": [source.value for source in self.sources],
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


def observations(answers: PlanInput) -> Observations:
    """The plan's answers as the triage table reads them.

    Needing help to walk is the reader's own sentence (levels A and B: another person, a stick,
    a frame or furniture), which M4 counts as frailty.
    """
    tests = answers.tests
    return Observations(
        age=answers.age,
        fall_past_year=answers.fall_past_year,
        fall_with_injury=answers.fall_with_injury,
        two_or_more_falls=answers.two_or_more_falls,
        cannot_get_up=answers.cannot_get_up,
        blackouts=answers.blackouts,
        needs_help_to_walk=answers.ability in {Ability.MOSTLY_SEATED, Ability.NEEDS_SUPPORT},
        walk_4m_seconds=None if tests is None else tests.walk_seconds,
        side_by_side_seconds=None if tests is None else tests.side_by_side_seconds,
        exertion_symptoms=answers.chest_pain_or_fainting,
        chronic_condition=answers.chronic_condition,
        recent_hospital_stay=answers.recent_hospital_stay,
    )


# Rules that stop the plan: no programme until the reader has asked first.
REFER_RULES = frozenset({RuleId.EXERTION_SYMPTOMS, RuleId.UNDER_18})


def isometric_hold(exercise: Exercise) -> bool:
    """A strength or core hold (wall sit, planks): a muscle tensed without moving."""
    strength = {Category.LOWER_BODY, Category.UPPER_BODY, Category.CORE}
    return exercise.dose.hold_seconds is not None and exercise.category in strength


def holds_left_out(answers: PlanInput, falls_risk: bool) -> bool:
    """No isometric holds after a hospital stay, with blackouts or with falls risk."""
    return answers.recent_hospital_stay or answers.blackouts or falls_risk


def weekly_plan(answers: PlanInput, exercise_rows: Sequence[object]) -> PlanResult:
    """The reader's 12-week programme; raises `InvalidInput` if the exercise rows are unusable."""
    library = exercise_library(exercise_rows)
    findings = evaluate(observations(answers))
    referral = _referral(findings)
    if referral is not None:
        return referral
    assessment = assess(answers)
    level = assessment.level
    notes: list[str] = []
    sources: list[Source] = [Source.E1, Source.E3, Source.M1, Source.M3, Source.M6]
    layout = WEEK_LAYOUTS[planned_strength_days(answers, level, notes)]
    balance_days = _balance_days(answers, assessment, layout)
    picker = _Picker(library, answers, level, assessment.falls_risk)
    template = [
        _day_slots(index, layout[index], index in balance_days, answers.focus) for index in range(7)
    ]
    chosen = [picker.day(slots) for slots in template]
    steps = (
        None
        if level.rank <= FunctionLevel.B.rank
        else step_progression(answers.age, answers.steps_per_day)
    )
    gentle = level.rank <= FunctionLevel.B.rank or answers.recent_hospital_stay
    sets_track = evidence.SETS_GENTLE if gentle else _SETS_BY_LEVEL[level]
    weeks = tuple(
        _week(
            week,
            sets_track[week - 1],
            layout=layout,
            balance_days=balance_days,
            chosen=chosen,
            picker=picker,
            walking=_walk_goal(level, steps, week),
            level=level,
        )
        for week in range(1, evidence.PROGRAMME_WEEKS + 1)
    )
    if not any(day.exercises for day in weeks[0].days):
        return _nothing_safe(answers)
    short = _short_days_alert(answers) if picker.unfilled else None
    notes += [EFFORT_NOTE, PROGRESSION_NOTE]
    if gentle:
        notes.append("Sets start at 1 and rise to 2 from week 7 (M6).")
    if balance_days:
        notes.append(SEATED_BALANCE_NOTE if level is FunctionLevel.A else BALANCE_NOTE)
        sources.append(Source.M5)
    notes += _walking_notes(level, steps, sources)
    notes += _score_notes(assessment, answers)
    if assessment.falls_risk and balance_days:
        notes.append(WITH_SOMEONE_NOTE)
    if holds_left_out(answers, assessment.falls_risk):
        notes.append(HOLDS_LEFT_OUT_NOTE)
    notes.append(
        "Sleep 7–8 hours a night if you are 65 or over, 7–9 hours if younger (E8)."
        if answers.age >= evidence.BALANCE_AGE
        else "Sleep 7–9 hours a night (E8)."
    )
    sources += [Source.E8, Source.D6, Source.D7]
    warnings = _cautions(answers, assessment, findings, sources, notes)
    if short is not None:
        warnings = (*warnings, short)
    return PlanResult(
        status=Status.OK,
        assessment=assessment,
        weeks=weeks,
        steps=steps,
        timeline=_timeline(steps, level),
        notes=tuple(notes),
        warnings=warnings,
        sources=cite(sources),
        print_name=answers.print_name,
    )


_SETS_BY_LEVEL = {
    FunctionLevel.A: evidence.SETS_GENTLE,
    FunctionLevel.B: evidence.SETS_GENTLE,
    FunctionLevel.C: evidence.SETS_C,
    FunctionLevel.D: evidence.SETS_D,
}


def strength_day_cap(level: FunctionLevel) -> int:
    """The most strength days a week for a level (M6): 3 for A–C, 4 for D."""
    if level is FunctionLevel.D:
        return evidence.MAX_STRENGTH_DAYS_D
    return evidence.MAX_STRENGTH_DAYS_A_TO_C


def planned_strength_days(answers: PlanInput, level: FunctionLevel, notes: list[str]) -> int:
    """How many strength days the week gets, never more than the reader has (notes say why)."""
    cap = strength_day_cap(level)
    days = min(answers.strength_days, cap)
    if answers.strength_days > days:
        notes.append(
            f"At level {level.value}, {cap} strength days a week with rest days between are "
            "plenty: your muscles grow stronger while they rest (M6, E3)."
        )
    if days < evidence.WHO_MIN_STRENGTH_DAYS:
        notes.append(
            "The WHO advises strength work on at least 2 days a week (E1): add a second day "
            "when you can."
        )
    return days


def _balance_days(
    answers: PlanInput, assessment: LevelAssessment, layout: tuple[Muscles | None, ...]
) -> frozenset[int]:
    """Which days (0 = Monday) carry balance work: free days first, then spread."""
    if answers.focus is Focus.BALANCE or assessment.falls_risk:
        wanted = 7 - evidence.MIN_REST_DAYS
    elif answers.age >= evidence.BALANCE_AGE or answers.fall_past_year:
        wanted = evidence.BALANCE_DAYS_OLDER
    else:
        wanted = evidence.BALANCE_DAYS_YOUNGER
    free = [day for day in range(7) if day != REST_DAY and layout[day] is None]
    busy = sorted((day for day in range(7) if layout[day] is not None), key=lambda d: (d % 2, d))
    return frozenset((free + busy)[:wanted])


def _day_slots(
    index: int, muscles: Muscles | None, balance: bool, focus: Focus
) -> tuple[Slot, ...]:
    """The slots of one day of the week's pattern (none on the rest day)."""
    if index == REST_DAY:
        return ()
    slots: list[Slot] = []
    if muscles is not None:
        slots += _STRENGTH_SLOTS[muscles]
        if focus is Focus.LEGS and muscles is not Muscles.UPPER:
            slots.append(_MORE_LOWER)
    if balance:
        slots += _BALANCE_SLOTS
        slots.append(_CORE)
    if muscles is None:
        slots += (_STRETCH, _STRETCH)
    return tuple(slots)


def allowed(
    exercise: Exercise,
    answers: PlanInput,
    level: FunctionLevel,
    *,
    falls_risk: bool,
) -> bool:
    """Whether an exercise is safe and possible for this reader (the module's rules)."""
    position = exercise.position
    balance = exercise.category is Category.BALANCE
    standing_balance = balance and position is not Position.SEATED
    refusals = (
        not exercise.suits(level),
        not exercise.equipment <= answers.available,
        level is FunctionLevel.A and position is not Position.SEATED,
        level is FunctionLevel.B and position not in {Position.SEATED, Position.STANDING_SUPPORTED},
        position is Position.FLOOR and (not answers.floor_ok or answers.cannot_get_up),
        balance and position is Position.STANDING_UNSUPPORTED and falls_risk,
        standing_balance
        and level.rank <= FunctionLevel.C.rank
        and not {Equipment.COUNTER, Equipment.CHAIR} <= exercise.equipment,
        answers.recent_hospital_stay and exercise.level is Level.STRONG,
        isometric_hold(exercise) and holds_left_out(answers, falls_risk),
    )
    return not any(refusals)


class _Picker:
    """Chooses exercises for slots: safe for the reader, varied over the week."""

    def __init__(
        self,
        library: tuple[Exercise, ...],
        answers: PlanInput,
        level: FunctionLevel,
        falls_risk: bool,
    ) -> None:
        self._order = {exercise.id: index for index, exercise in enumerate(library)}
        self._by_id = {exercise.id: exercise for exercise in library}
        self._chains = _chains(library)
        self._usable = [
            exercise
            for exercise in library
            if allowed(exercise, answers, level, falls_risk=falls_risk)
        ]
        self._usable_ids = {exercise.id for exercise in self._usable}
        self._uses: Counter[str] = Counter()
        self.unfilled = 0

    def day(self, slots: Sequence[Slot]) -> tuple[Exercise, ...]:
        """One exercise per slot where one fits; no two from one chain of variations."""
        chosen: list[Exercise] = []
        for slot in slots:
            taken = {self._chains[exercise.id] for exercise in chosen}
            options = [
                exercise
                for exercise in self._usable
                if exercise.category in slot.categories and self._chains[exercise.id] not in taken
            ]
            if not options:
                self.unfilled += slot.required
                continue
            best = min(options, key=lambda exercise: self._preference(exercise, slot))
            self._uses[best.id] += 1
            chosen.append(best)
        return tuple(chosen)

    def _preference(self, exercise: Exercise, slot: Slot) -> tuple[int, int, int, int]:
        """Slot's first category, least used, the one meant for the higher level, data order."""
        return (
            slot.categories.index(exercise.category),
            self._uses[exercise.id],
            -exercise.min_level.rank,
            self._order[exercise.id],
        )

    def variation(self, exercise: Exercise, direction: str) -> Exercise | None:
        """The easier or harder version, if this reader may do it."""
        other = exercise.easier if direction == "easier" else exercise.harder
        if other is None or other not in self._usable_ids:
            return None
        return self._by_id[other]


def _week(
    week: int,
    sets: int,
    *,
    layout: tuple[Muscles | None, ...],
    balance_days: frozenset[int],
    chosen: Sequence[tuple[Exercise, ...]],
    picker: _Picker,
    walking: WalkGoal,
    level: FunctionLevel,
) -> PlanWeek:
    """One week: the pattern's exercises at this week's dose (easier versions in weeks 1–2)."""
    learning = week <= evidence.LEARNING_WEEKS
    stage = evidence.DOSE_STAGE_BY_WEEK[week - 1]
    days = []
    for index in range(7):
        planned = []
        for exercise in chosen[index]:
            used = (picker.variation(exercise, "easier") if learning else None) or exercise
            harder = None if learning else picker.variation(used, "harder")
            planned.append(PlannedExercise(used, _dose(used, sets, stage), harder))
        days.append(_plan_day(index, layout[index], index in balance_days, planned, walking))
    retest = week in evidence.RETEST_WEEKS
    notes = []
    if learning:
        notes.append("Learn the moves: 1 set, the easier versions, slowly and with good form.")
    if retest:
        helper = {
            FunctionLevel.A: "only with your physiotherapist or carer beside you",
            FunctionLevel.B: "only with someone beside you",
        }.get(level, "with someone nearby if you are unsure")
        notes.append(
            "Re-test this week: time five chair rises and the three balance stands on the "
            f"self-check page, with a counter to hold, a chair behind you and {helper}; then "
            f"enter the numbers in this plan. {_BETTER_SCORE[level]}"
        )
    return PlanWeek(week, sets, walking, retest, tuple(days), tuple(notes))


def _dose(exercise: Exercise, sets: int, stage: int) -> Dose:
    """The week's dose within the exercise's own ranges (E3; the schedule is in evidence)."""
    dose = exercise.dose
    return Dose(
        min(sets, dose.sets[1]),
        None if dose.reps is None else _staged(dose.reps, stage),
        None if dose.hold_seconds is None else _staged(dose.hold_seconds, stage),
        dose.per_side,
    )


def _staged(span: Span, stage: int) -> Span:
    """The low end (stage 0), low to middle (1) or middle to top (2) of a range.

    >>> _staged((8, 12), 0), _staged((8, 12), 1), _staged((8, 12), 2)
    ((8, 8), (8, 10), (10, 12))
    """
    low, high = span
    middle = (low + high) // 2
    return ((low, low), (low, middle), (middle, high))[stage]


def _plan_day(
    index: int,
    muscles: Muscles | None,
    balance: bool,
    planned: Sequence[PlannedExercise],
    walking: WalkGoal,
) -> PlanDay:
    """One day: its kind, exercises, step target and notes."""
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
    if muscles is not None:
        notes.append(EFFORT_NOTE)
        notes.append("Rest 1–3 minutes between sets (E3).")
    if balance:
        standing = any(
            one.exercise.category is Category.BALANCE
            and one.exercise.position is not Position.SEATED
            for one in planned
        )
        notes.append(BALANCE_NOTE if standing else SEATED_BALANCE_NOTE)
    kind = (
        DayKind.STRENGTH
        if muscles is not None
        else DayKind.BALANCE
        if balance
        else DayKind.MOVEMENT
    )
    return PlanDay(
        index + 1, kind, muscles, balance, tuple(planned), walking.steps_per_day, tuple(notes)
    )


def _walk_goal(level: FunctionLevel, steps: StepPlan | None, week: int) -> WalkGoal:
    """The week's walking goal: a few more steps (A), minutes (B), a step count (C, D)."""
    if level is FunctionLevel.A:
        first = "first count the steps you take in a day (or ask your helper to); then " * (
            week == 1
        )
        text = f"Walking: {first}each day walk a few more steps than now, with the help you need."
        return WalkGoal(Walking.MORE_STEPS, None, None, text)
    if steps is None:
        minutes = min(
            evidence.WALK_MINUTES_START + evidence.WALK_MINUTES_WEEKLY_INCREASE * (week - 1),
            evidence.WALK_MINUTES_MAX,
        )
        first = "count your steps on 3 ordinary days first; then walk" if week == 1 else "walk"
        text = (
            f"Walking: {first} {minutes} minutes a day in all, in short walks if you like, "
            "with your stick or frame (common practice)."
        )
        return WalkGoal(Walking.MINUTES, None, minutes, text)
    weekly = steps.weekly
    target = weekly[min(week, len(weekly)) - 1]
    return WalkGoal(Walking.STEPS, target, None, f"Walking: about {target:,} steps a day.")


def _walking_notes(
    level: FunctionLevel, steps: StepPlan | None, sources: list[Source]
) -> list[str]:
    """How the walking goal was set."""
    if steps is None:
        if level is FunctionLevel.B:
            return [
                "Walking time starts at 5 minutes a day and rises 1 minute a week to 15 "
                "(common practice): count your steps first, so you can see your progress."
            ]
        return [
            "Walking: a few more steps each day than now, counted first, with the help you "
            "need. A step number is not set while you need help to walk."
        ]
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
    sources += [Source.E5, Source.E7]
    return notes


def _score_notes(assessment: LevelAssessment, answers: PlanInput) -> list[str]:
    """How the tests score was found, whether it is complete, and that the level agrees.

    The level itself leads the answer (`present.plan.level_blocks`).
    """
    score = assessment.score
    if answers.blackouts:
        return [
            f"{assessment.label}: {LEVEL_PLAN[assessment.level]} Because you have blacked out, "
            "the plan is the seated programme until your doctor has checked you."
        ]
    if score is None:
        return []
    if score.complete:
        measured = f"Your tests score is {score.low} of 12, from the balance stands, the 4 m walk"
        measured += " and the chair rises; higher means stronger (M1)"
    else:
        missing = score.missing_words
        measured = (
            f"Without {missing}, your tests score is somewhere from {score.low} to "
            f"{score.high} of 12, higher means stronger (M1): the plan uses the lower end. Do "
            f"{missing} to make it exact"
        )
    chosen = assessment.chosen
    said = ""
    if chosen is not None and chosen is not assessment.level:
        said = f" (you chose level {chosen.value}; the plan uses the lower one)"
    notes = [f"{measured}{said}."]
    allowed = level_for_score(score.low)
    if chosen is not None and allowed.rank > chosen.rank:
        notes.append(
            f"Your tests allow level {allowed.value}, more than the sentence you chose: if "
            f'"{LEVEL_SENTENCE[allowed]}" fits you, choose it for a plan at that level.'
        )
    return notes


def _timeline(steps: StepPlan | None, level: FunctionLevel) -> tuple[str, ...]:
    """What to expect, in plain words, without promising what the evidence does not."""
    walking: tuple[str, ...] = ()
    if steps is not None and steps.weeks_to_target == 0:
        walking = (
            f"You already walk {steps.baseline:,} steps a day: keep it up; up to "
            f"{steps.target_high:,} still helps (E5).",
        )
    elif steps is not None:
        walking = (
            f"Week {steps.weeks_to_target}: about {steps.target_low:,} steps a day, if you add "
            "about 500 each week (E5, E7).",
        )
    return (
        "Weeks 1–2: learn the moves with the easier versions. Some muscle soreness a day or "
        "two later is normal and fades.",
        *walking,
        "Weeks 4, 8 and 12: re-test your chair rises and balance stands. " + _BETTER_SCORE[level],
        "Weeks 4–8: strength often improves; muscle size can take longer, especially with age.",
        "Week 12 and beyond: keep going. Longer programmes bring larger gains (D7); in trials "
        "of people over 50, strength rose by about a quarter to a third (D6).",
    )


def _cautions(
    answers: PlanInput,
    assessment: LevelAssessment,
    findings: tuple[Finding, ...],
    sources: list[Source],
    notes: list[str],
) -> tuple[Alert, ...]:
    """The triage table's findings, most urgent first (E4, M4); a physiotherapist when it helps.

    "No need to see a doctor first" (E4) only for level D with nothing in the answers that
    shows weakness, falls or a condition.
    """
    alerts = [words.alert(finding) for finding in findings]
    for finding in findings:
        sources += finding.rule.sources
    physio = (
        assessment.level.rank <= FunctionLevel.B.rank
        or assessment.falls_risk
        or answers.recent_hospital_stay
        or answers.chronic_condition
    )
    if answers.one_side_limits:
        alerts.append(Alert(Severity.CAUTION, ONE_SIDE_NOTE))
    elif physio and not any(finding.level is Urgency.PHYSIOTHERAPIST for finding in findings):
        alerts.append(Alert(Severity.CAUTION, PHYSIO_NOTE))
    if assessment.falls_risk:
        notes.append(
            "Because of your risk of falling, the plan has balance work on every day but the "
            "rest day, always holding on (M3)."
        )
    if answers.recent_hospital_stay:
        notes.append(
            "After your hospital stay, sets start at 1 and the hardest versions are left out (M6)."
        )
    if answers.fall_past_year:
        sources.append(Source.E2)
    if alerts or answers.fall_past_year:
        sources.append(Source.E4)
    elif assessment.level is FunctionLevel.D and answers.age >= evidence.BALANCE_AGE:
        notes.append(
            "Healthy older adults who build up gradually do not need to see a doctor first (E4)."
        )
        sources.append(Source.E4)
    return tuple(alerts)


def _lacking(answers: PlanInput) -> str:
    """What the reader said they lack, in words ("a sturdy chair and a clear wall")."""
    words = {
        HomeSupport.CHAIR: "a sturdy chair",
        HomeSupport.WALL: "a clear wall",
        HomeSupport.COUNTER: "a kitchen counter or sturdy table",
    }
    said = [words[item] for item in HomeSupport if item in answers.lacks]
    return " and ".join(said) if said else "some of the equipment"


def _short_days_alert(answers: PlanInput) -> Alert:
    """Some days lack what their kind needs: say why, and who can fill the gap."""
    return Alert(
        Severity.CAUTION,
        "Some days have fewer exercises than they should: nothing else in our library is safe "
        f"for your level without {_lacking(answers)}. {PHYSIO_NOTE}",
    )


def _nothing_safe(answers: PlanInput) -> PlanResult:
    """No exercise at all fits: no plan, and a physiotherapist instead (safety over features)."""
    return PlanResult(
        status=Status.REFER,
        assessment=None,
        weeks=(),
        steps=None,
        timeline=(),
        notes=("No plan is shown: an empty plan would not help you.",),
        warnings=(
            Alert(
                Severity.CAUTION,
                "Nothing in our exercise library is safe for your level without "
                f"{_lacking(answers)}. A physiotherapist can suggest exercises that fit you: "
                "ask your doctor or practice to refer you.",
            ),
        ),
        sources=cite([Source.M3, Source.M5]),
    )


def _referral(findings: tuple[Finding, ...]) -> PlanResult | None:
    """No plan for chest pain or feeling faint on exertion (M7, E4) or under 18 (E1)."""
    stops = [finding for finding in findings if finding.rule.id in REFER_RULES]
    if not stops:
        return None
    alerts = [words.alert(finding) for finding in stops]
    if any(finding.rule.id is RuleId.EXERTION_SYMPTOMS for finding in stops):
        # If the chest pain is happening now, it is M7's emergency.
        alerts.append(words.alert(Finding(RULE[RuleId.CHEST_PAIN])))
    sources = [source for alert_finding in stops for source in alert_finding.rule.sources]
    if len(alerts) > len(stops):
        sources.append(Source.M7)
    return PlanResult(
        status=Status.REFER,
        assessment=None,
        weeks=(),
        steps=None,
        timeline=(),
        notes=("No plan is shown until you have asked first.",),
        warnings=tuple(alerts),
        sources=cite(sources),
    )


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


def _count(number: int, noun: str) -> str:
    """`1 set`, `2 sets`."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def span_text(span: Span) -> str:
    """A dose range as text, "8–12" (or "10" when both ends are equal)."""
    low, high = span
    return str(low) if low == high else f"{low}–{high}"


__all__ = [
    "Ability",
    "DayKind",
    "Focus",
    "LevelAssessment",
    "PlanInput",
    "PlanResult",
    "allowed",
    "assess",
    "level_for_score",
    "strength_day_cap",
    "weekly_plan",
]
