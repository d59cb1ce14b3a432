"""The reader's answers: `PlanInput` and its reader, and the choices the form offers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from calculators import evidence, fields
from calculators.exercises import Equipment
from calculators.fields import Field, Kind
from calculators.function import FunctionLevel, FunctionTests
from calculators.inputs import PayloadReader, is_missing


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


# The answers the plan reads (`fields`): the form, the command line and the reader below derive
# from these; their error words are `present.field_words`', by the key each names.
AGE = fields.AGE
# None chosen for the reader (issue 21.5): optional only when tests are entered.
ABILITY = fields.choice("ability", Kind.RADIO, Ability, "plan.ability", optional=True)
# The measured tests (seconds), with the self-check's names: it hands them on (M1).
BALANCE = tuple(
    Field(
        f"balance_{key}_seconds",
        Kind.NUMBER,
        f"plan.balance_{key}_seconds",
        bound=evidence.BALANCE_HOLD_SECONDS,
        optional=True,
    )
    for key in ("side_by_side", "semi_tandem", "tandem")
)
WALK = Field(
    "walk_4m_seconds",
    Kind.NUMBER,
    "plan.walk_4m_seconds",
    bound=evidence.WALK_4M_SECONDS,
    optional=True,
)
CHAIR_RISE = Field(
    "chair_rise_seconds",
    Kind.NUMBER,
    "plan.chair_rise_seconds",
    bound=evidence.CHAIR_STAND_SECONDS,
    optional=True,
)
CHAIR_RISE_UNABLE = fields.flag("chair_rise_unable")
# Any one of these given means the reader entered their tests.
TESTS = (*BALANCE, WALK, CHAIR_RISE, CHAIR_RISE_UNABLE)
STRENGTH_DAYS = Field(
    "strength_days",
    Kind.SELECT,
    "plan.strength_days",
    bound=evidence.STRENGTH_DAYS,
    choices=tuple(
        str(days) for days in range(evidence.STRENGTH_DAYS.low, evidence.STRENGTH_DAYS.high + 1)
    ),
    default="3",
    required=True,
)
STEPS = Field(
    "steps_per_day",
    Kind.WHOLE,
    "plan.steps_per_day",
    bound=evidence.STEPS_PER_DAY,
    optional=True,
)
EQUIPMENT = fields.choice("equipment", Kind.CHECKS, Equipment, "plan.equipment", optional=True)
LACKS = fields.choice("lacks", Kind.CHECKS, HomeSupport, "plan.lacks", optional=True)
FOCUS = fields.choice("focus", Kind.SELECT, Focus, "plan.focus", default=Focus.GENERAL)
FLOOR_OK = fields.flag("floor_ok")
CHRONIC_CONDITION = fields.flag("chronic_condition")
RECENT_HOSPITAL_STAY = fields.flag("recent_hospital_stay")
FALL_PAST_YEAR = fields.flag("fall_past_year")
FALL_WITH_INJURY = fields.flag("fall_with_injury")
TWO_OR_MORE_FALLS = fields.flag("two_or_more_falls")
CANNOT_GET_UP = fields.flag("cannot_get_up")
BLACKOUTS = fields.flag("blackouts")
CHEST_PAIN_OR_FAINTING = fields.flag("chest_pain_or_fainting")
ONE_SIDE_LIMITS = fields.flag("one_side_limits")
PRINT_NAME = Field(
    "print_name",
    Kind.TEXT,
    "plan.print_name",
    optional=True,
    max_chars=evidence.PRINT_NAME_MAX_CHARS,
)
FIELDS = (
    AGE,
    ABILITY,
    *TESTS,
    STRENGTH_DAYS,
    STEPS,
    EQUIPMENT,
    LACKS,
    FOCUS,
    FLOOR_OK,
    CHRONIC_CONDITION,
    RECENT_HOSPITAL_STAY,
    FALL_PAST_YEAR,
    FALL_WITH_INJURY,
    TWO_OR_MORE_FALLS,
    CANNOT_GET_UP,
    BLACKOUTS,
    CHEST_PAIN_OR_FAINTING,
    ONE_SIDE_LIMITS,
    PRINT_NAME,
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
        age = reader.read_whole(AGE)
        tests = _read_tests(reader, payload)
        ability: Ability | None = None
        if not is_missing(payload.get(ABILITY.name)):
            ability = reader.read_choice(ABILITY, Ability)
        elif tests is None:
            # No level is chosen for the reader (issue 21.5): a sentence or tests, not a guess.
            reader.reject(ABILITY, ", ".join(ABILITY.choices), words="plan.ability-or-tests")
        days = reader.read_whole(STRENGTH_DAYS)
        steps = reader.read_optional_whole(STEPS)
        equipment = reader.read_choices(EQUIPMENT, Equipment)
        lacks = reader.read_choices(LACKS, HomeSupport)
        focus = reader.read_choice(FOCUS, Focus)
        print_name = reader.read_text(PRINT_NAME)
        flag = reader.read_flag
        answers = cls(
            age,
            ability,
            days,
            steps,
            frozenset(equipment),
            frozenset(lacks),
            focus,
            floor_ok=flag(FLOOR_OK),
            chronic_condition=flag(CHRONIC_CONDITION),
            recent_hospital_stay=flag(RECENT_HOSPITAL_STAY),
            fall_past_year=flag(FALL_PAST_YEAR),
            fall_with_injury=flag(FALL_WITH_INJURY),
            two_or_more_falls=flag(TWO_OR_MORE_FALLS),
            cannot_get_up=flag(CANNOT_GET_UP),
            blackouts=flag(BLACKOUTS),
            chest_pain_or_fainting=flag(CHEST_PAIN_OR_FAINTING),
            one_side_limits=flag(ONE_SIDE_LIMITS),
            tests=tests,
            print_name=print_name,
        )
        reader.finish()
        return answers


def _read_tests(reader: PayloadReader, payload: Mapping[str, object]) -> FunctionTests | None:
    """The measured tests, or None if none was entered.

    Partial tests are accepted (issue 21.5): function.py scores what was measured as a range,
    and the plan uses its low end.
    """
    given = [test for test in TESTS if not is_missing(payload.get(test.name))]
    unable = reader.read_flag(CHAIR_RISE_UNABLE)
    if not given or (given == [CHAIR_RISE_UNABLE] and not unable):
        return None
    holds = [reader.read_optional_number(hold) for hold in BALANCE]
    walk = reader.read_optional_number(WALK)
    chair = reader.read_optional_number(CHAIR_RISE)
    return FunctionTests(holds[0], holds[1], holds[2], walk, chair, unable)
