"""The reader's answers: `PlanInput` and its reader, and the choices the form offers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from calculators import evidence
from calculators.exercises import Equipment
from calculators.function import FunctionLevel, FunctionTests
from calculators.inputs import PayloadReader, decimal_or_none, is_missing


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


_HOME = frozenset({Equipment.NONE, Equipment.CHAIR, Equipment.WALL, Equipment.COUNTER})
_EXTRAS = (
    Equipment.STEP,
    Equipment.BAND,
    Equipment.DUMBBELLS,
    Equipment.GYM_MACHINE,
    Equipment.MAT,
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
