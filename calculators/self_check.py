"""Self-check: the SARC-F questions and the five-times chair-stand test, with a next step.

A screen, never a diagnosis (F3): it says whether to ask a doctor for a muscle-strength
assessment, and what to ask for. Numbers live in `calculators.evidence`.

Scoring (SARC-F, F1; chair stand, EWGSOP2, S3 and F2):

| question (wire key) | 0 points | 1 point | 2 points |
|---|---|---|---|
| lifting and carrying 4.5 kg (`strength`) | no difficulty | some | a lot, or unable |
| walking across a room (`assistance`) | no difficulty | some | a lot, uses aids, or unable |
| getting up from a chair or bed (`rise`) | no difficulty | some | a lot, or unable without help |
| climbing a flight of 10 stairs (`climb`) | no difficulty | some | a lot, or unable |
| falls in the past year (`falls`) | none | 1 to 3 | 4 or more |

- Total 0–10; **4 or more** is a positive screen (band `positive`, caution), below 4 is
  `below-cut-off` (F1), never "low risk": pooled, SARC-F finds only about 1 in 5 people with
  sarcopenia (sensitivity about 21%, specificity about 90%, F3), so a lower score does not rule
  muscle loss out, and 4 or more is no diagnosis either: it means real difficulty with everyday
  tasks, worth a strength check (F3, corrected). Below the cut-off without a
  chair-stand time, the next step is the chair-stand test.
- Five chair stands (optional) taking **more than 15 s** is low strength (S3, F2; exactly 15.0 s
  is not): caution, and the next step adds a check for sarcopenia per EWGSOP2. Times are
  rounded half up to a tenth of a second first, so the time shown is the time judged.
- "I could not finish five stands without my arms" (`chair_stand_unable`) is an answer too, and
  counts as low strength: someone who cannot finish would take longer than any cut-off. A time
  *and* the tick is read safety first: as not finished (the plan's rule for its own two
  fields), and the answer says so and how to change it.
- Safety findings (falls, needing help to walk, a slow walk, a balance stand not held, under
  18) come from the triage table (`calculators.triage`), in its words, most urgent first; every
  test measured is spoken about. Every result also lists the red flags that need a doctor
  whatever the score, with the emergency numbers.

Hand-off to the weekly plan (`plan_prefill`), so a physiotherapist would recognise it:

- `ability` (`handoff_ability`, never above the answers, issue 21.5): `needs-support` when
  rising or walking across a room is very hard or impossible without help (2 points); else
  `tires-quickly` with any difficulty rising, climbing or walking across a room, a positive
  screen, any 2-point answer, a chair stand over 15 s or not finished, or without measured tests
  scoring 10 or more; `out-of-practice` (level D) only with no difficulty and measured tests
  scoring 10 or more.
- `two_or_more_falls`: 4 or more falls (falls = 2), the plan's own M4 high-tier answer.
- `fall_past_year`: any fall (falls ≥ 1), so the plan gives at least 3 balance days (E1, E2).
- `focus`: `balance` after any fall, since balance training is what prevents falls (E2) and the
  plan's strength days stay; else `legs` when stairs or rising cost any points (both are leg
  strength tasks); else `general`.
- `age`: the age given, or null (the plan's age field is then left for the reader).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from calculators import evidence, fields
from calculators.evidence import Source
from calculators.fields import Field, Kind
from calculators.function import FunctionLevel, FunctionTests, level_for_score, sppb
from calculators.inputs import PayloadReader
from calculators.plan import Ability, Focus
from calculators.plan import answers as plan
from calculators.results import Status, cite, round_half_up, wire_number
from calculators.triage import Finding, Level, Observations, RuleId, evaluate, most_urgent


class Item(StrEnum):
    """The five SARC-F questions, by wire key, in the questionnaire's order."""

    STRENGTH = "strength"
    ASSISTANCE = "assistance"
    RISE = "rise"
    CLIMB = "climb"
    FALLS = "falls"


class Band(StrEnum):
    """Where the SARC-F total falls: below the cut-off, or at or above it (F1).

    Never "low risk": a score below the cut-off does not rule muscle loss out (F3).
    """

    BELOW_CUT_OFF = "below-cut-off"
    POSITIVE = "positive"


class NextStep(StrEnum):
    """What to do next (F2); `present.self_check` words each one."""

    FALLS_ASSESSMENT = "falls-assessment"  # 4 or more falls: a falls assessment, then strength
    STRENGTH_ASSESSMENT = "strength-assessment"  # a positive screen or low strength
    CHAIR_STAND_TEST = "chair-stand-test"  # below the cut-off, no chair stand timed
    KEEP_ACTIVE = "keep-active"  # below the cut-off, chair stand not low


class Note(StrEnum):
    """What every reader should know about this check, and about each test measured."""

    FIRST_CHECK = "first-check"  # a screen, not a diagnosis (F3)
    UNDER_OLDER_AGE = "under-older-age"  # the questions were made for older adults
    WALK_SLOW = "walk-slow"  # under 0.8 m/s (S3)
    WALK_NOT_SLOW = "walk-not-slow"
    BALANCE_HELD = "balance-held"  # the feet-together stand held the full 10 s (M1)
    CHAIR_STAND_NOT_TIMED = "chair-stand-not-timed"
    RED_FLAGS = "red-flags"  # whatever the score (NICE NG42, NG127)


class Caution(StrEnum):
    """The self-check's own cautions, after the triage findings."""

    POSITIVE_SCORE = "positive-score"  # 4 or more (F1, F2)
    CHAIR_STAND_NOT_FINISHED = "chair-stand-not-finished"  # low strength (S3)
    CHAIR_STAND_SLOW = "chair-stand-slow"  # more than 15 s (S3)


NO_POINTS, MOST_POINTS = evidence.SARC_F_ITEM_POINTS[0], evidence.SARC_F_ITEM_POINTS[-1]

# The answers the self-check reads (`fields`): the form, the command line and the reader below
# derive from these; their error words (and what each question asks) are `present.field_words`'.
QUESTIONS = {
    item: Field(
        item.value,
        Kind.RADIO,
        f"self-check.{item.value}",
        choices=tuple(str(points) for points in evidence.SARC_F_ITEM_POINTS),
    )
    for item in Item
}
CHAIR_STAND = Field(
    "chair_stand_seconds",
    Kind.NUMBER,
    "self-check.chair_stand_seconds",
    bound=evidence.CHAIR_STAND_SECONDS,
    optional=True,
)
AGE = Field("age", Kind.WHOLE, "self-check.age", bound=evidence.AGE_YEARS, optional=True)
# The at-home SPPB's balance stands and walk (M1), passed on to the plan.
BALANCE = tuple(
    Field(
        f"balance_{key}_seconds",
        Kind.NUMBER,
        f"self-check.balance_{key}_seconds",
        bound=evidence.BALANCE_HOLD_SECONDS,
        optional=True,
    )
    for key in ("side_by_side", "semi_tandem", "tandem")
)
WALK = Field(
    "walk_4m_seconds",
    Kind.NUMBER,
    "self-check.walk_4m_seconds",
    bound=evidence.WALK_4M_SECONDS,
    optional=True,
)
CHAIR_STAND_UNABLE = fields.flag("chair_stand_unable")
FIELDS = (*QUESTIONS.values(), CHAIR_STAND, AGE, *BALANCE, WALK, CHAIR_STAND_UNABLE)


@dataclass(frozen=True)
class SelfCheckInput:
    """A reader's answers; build it from form values with `SelfCheckInput.from_mapping`."""

    points: Mapping[Item, int]
    chair_stand_seconds: Decimal | None = None
    age: int | None = None
    # The at-home SPPB's other tests (M1), only passed on to the plan: seconds each balance
    # stand was held (0-10) and the 4 m walk's seconds; None = not done.
    balance_seconds: tuple[Decimal | None, Decimal | None, Decimal | None] = (None, None, None)
    walk_4m_seconds: Decimal | None = None
    # "I could not finish five stands without my arms": low strength, whatever time is given.
    chair_stand_unable: bool = False

    @classmethod
    def from_mapping(cls, payload: Mapping[str, object]) -> SelfCheckInput:
        """Read and check wire values; raises `InvalidInput` listing every bad field.

        Each question needs 0, 1 or 2 (a number or numeric text; 1.0 counts as 1). The
        chair-stand time and the age are optional: absent, null or "" means not given.
        """
        reader = PayloadReader(payload)
        points = {item: reader.read_listed_number(QUESTIONS[item]) for item in Item}
        seconds = reader.read_optional_number(CHAIR_STAND)
        age = reader.read_optional_whole(AGE)
        holds = tuple(reader.read_optional_number(hold) for hold in BALANCE)
        walk = reader.read_optional_number(WALK)
        unable = reader.read_flag(CHAIR_STAND_UNABLE)
        reader.finish()
        if seconds is not None:
            seconds = round_half_up(seconds, evidence.CHAIR_STAND_DECIMAL_PLACES)
        return cls(points, seconds, age, (holds[0], holds[1], holds[2]), walk, unable)


@dataclass(frozen=True)
class ChairStand:
    """The five-times chair-stand result and whether it shows low strength (S3).

    `seconds` is None when the reader could not finish (`unable`); `set_aside` is a time they
    also entered, which the answer names as not used.
    """

    seconds: Decimal | None
    low_strength: bool
    unable: bool = False
    set_aside: Decimal | None = None

    def to_wire(self) -> dict[str, object]:
        """The test as {"seconds" (null if not finished), "low_strength", "unable"}."""
        seconds = None if self.seconds is None else wire_number(self.seconds)
        return {"seconds": seconds, "low_strength": self.low_strength, "unable": self.unable}


@dataclass(frozen=True)
class PlanPrefill:
    """The weekly-plan answers these results suggest (see the module's mapping)."""

    ability: Ability
    fall_past_year: bool
    focus: Focus
    age: int | None
    tests: Mapping[str, Decimal | bool] = field(default_factory=dict)
    # 4 or more falls: the plan's "2 or more falls" (M4 high tier: a falls assessment and "+").
    two_or_more_falls: bool = False

    def to_wire(self) -> dict[str, object]:
        """The plan form's values: ability, fall_past_year, focus, age (null if not given).

        Plus the measured tests the plan scores, only when they make a complete set.
        """
        return {
            plan.ABILITY.name: self.ability.value,
            plan.FALL_PAST_YEAR.name: self.fall_past_year,
            plan.FOCUS.name: self.focus.value,
            plan.AGE.name: self.age,
            plan.TWO_OR_MORE_FALLS.name: self.two_or_more_falls,
            **{
                name: value if isinstance(value, bool) else wire_number(value)
                for name, value in self.tests.items()
            },
        }


def measured_tests(answers: SelfCheckInput) -> dict[str, Decimal | bool]:
    """The tests to hand to the plan, all or none (so the plan never asks for one not done).

    All: the chair stand (a time, or `chair_rise_unable` when not finished, which wins as in
    the plan) and each balance stand the SPPB needs, up to the first not held 10 s, plus the
    walk if timed (M1).
    """
    tests: dict[str, Decimal | bool]
    if answers.chair_stand_unable:
        tests = {plan.CHAIR_RISE_UNABLE.name: True}
    elif answers.chair_stand_seconds is not None:
        tests = {plan.CHAIR_RISE.name: answers.chair_stand_seconds}
    else:
        return {}
    for hold, held in zip(plan.BALANCE, answers.balance_seconds, strict=True):
        if held is None:
            return {}
        tests[hold.name] = held
        if held < evidence.SPPB_BALANCE_HOLD_SECONDS:
            break
    if answers.walk_4m_seconds is not None:
        tests[plan.WALK.name] = answers.walk_4m_seconds
    return tests


@dataclass(frozen=True)
class SelfCheckResult:
    """A self-check answer: the score, what applies and why; `present.self_check` words it."""

    status: Status
    points: Mapping[Item, int]
    band: Band
    chair_stand: ChairStand | None
    next_step: NextStep
    plan_prefill: PlanPrefill
    notes: tuple[Note, ...] = ()
    # The triage findings (most urgent first), then the check's own cautions.
    findings: tuple[Finding, ...] = ()
    cautions: tuple[Caution, ...] = ()
    sources: tuple[Source, ...] = ()
    # The most urgent triage level among all tests and answers (None: nothing fired).
    headline: Level | None = None
    # The measured tests a finding or a note speaks about (None: not done).
    walk_4m_seconds: Decimal | None = None
    side_by_side_seconds: Decimal | None = None

    @property
    def score(self) -> int:
        """The SARC-F total, 0–10."""
        return sum(self.points.values())


def sarc_f_band(score: int) -> Band:
    """Positive from 4 points (F1), else below the cut-off.

    >>> sarc_f_band(3).value, sarc_f_band(4).value
    ('below-cut-off', 'positive')
    """
    return Band.POSITIVE if score >= evidence.SARC_F_POSITIVE_SCORE else Band.BELOW_CUT_OFF


def chair_stand(seconds: Decimal) -> ChairStand:
    """Five stands in more than 15 s is low strength (S3); exactly 15 s is not.

    >>> chair_stand(Decimal("15.0")).low_strength, chair_stand(Decimal("15.1")).low_strength
    (False, True)
    """
    return ChairStand(seconds, seconds > evidence.CHAIR_STAND_LOW_ABOVE_SECONDS)


def chair_stand_result(answers: SelfCheckInput) -> ChairStand | None:
    """The chair-stand result: none, a time, or not finished (low strength, S3 and F2).

    Not finishing wins over a time given with it (safety first, as in the plan), and the time
    is kept to say it was set aside.

    >>> chair_stand_result(SelfCheckInput({}, Decimal("12"), chair_stand_unable=True))
    ChairStand(seconds=None, low_strength=True, unable=True, set_aside=Decimal('12'))
    """
    if answers.chair_stand_unable:
        return ChairStand(None, True, unable=True, set_aside=answers.chair_stand_seconds)
    if answers.chair_stand_seconds is None:
        return None
    return chair_stand(answers.chair_stand_seconds)


def function_tests(answers: SelfCheckInput) -> FunctionTests:
    """The self-check's timed tests as the at-home SPPB reads them (M1)."""
    holds = answers.balance_seconds
    return FunctionTests(
        holds[0],
        holds[1],
        holds[2],
        answers.walk_4m_seconds,
        answers.chair_stand_seconds,
        chair_rise_unable=answers.chair_stand_unable,
    )


def measured_score_low(answers: SelfCheckInput) -> int | None:
    """The at-home SPPB's low end from the tests handed to the plan (None: no complete set)."""
    if not measured_tests(answers):
        return None
    return sppb(function_tests(answers)).low


def handoff_ability(answers: SelfCheckInput, band: Band, test: ChairStand | None) -> Ability:
    """The plan sentence these answers allow, never above them (issue 21.5).

    Very hard or impossible to rise or to walk across a room: B at most. Any difficulty rising,
    climbing or walking across a room, a positive screen, any 2-point answer or a chair stand
    over 15 s or not finished: C at most. D only with measured tests scoring 10 or more.
    """
    points = answers.points
    if MOST_POINTS in (points[Item.RISE], points[Item.ASSISTANCE]):
        return Ability.NEEDS_SUPPORT
    tasks = (Item.RISE, Item.CLIMB, Item.ASSISTANCE)
    difficulty = any(points[item] > NO_POINTS for item in tasks)
    low_strength = test is not None and test.low_strength
    if difficulty or low_strength or band is Band.POSITIVE or MOST_POINTS in points.values():
        return Ability.TIRES_QUICKLY
    score = measured_score_low(answers)
    if score is None or level_for_score(score) is not FunctionLevel.D:
        return Ability.TIRES_QUICKLY
    return Ability.OUT_OF_PRACTICE


def plan_prefill(answers: SelfCheckInput, band: Band, test: ChairStand | None) -> PlanPrefill:
    """The weekly-plan answers that fit these results (the mapping in the module docstring)."""
    points = answers.points
    ability = handoff_ability(answers, band, test)
    fell = points[Item.FALLS] > NO_POINTS
    if fell:
        focus = Focus.BALANCE
    elif points[Item.CLIMB] > NO_POINTS or points[Item.RISE] > NO_POINTS:
        focus = Focus.LEGS
    else:
        focus = Focus.GENERAL
    return PlanPrefill(
        ability,
        fell,
        focus,
        answers.age,
        measured_tests(answers),
        two_or_more_falls=points[Item.FALLS] == MOST_POINTS,
    )


def observations(answers: SelfCheckInput) -> Observations:
    """The self-check's answers and tests as the triage table reads them."""
    falls = answers.points[Item.FALLS]
    return Observations(
        age=answers.age,
        fall_past_year=falls > NO_POINTS,
        two_or_more_falls=falls == MOST_POINTS,
        needs_help_to_walk=answers.points[Item.ASSISTANCE] == MOST_POINTS,
        walk_4m_seconds=answers.walk_4m_seconds,
        side_by_side_seconds=answers.balance_seconds[0],
    )


def self_check(answers: SelfCheckInput) -> SelfCheckResult:
    """Score the answers, say what they mean and what to do next; never a diagnosis."""
    findings = evaluate(observations(answers))
    score = sum(answers.points.values())
    band = sarc_f_band(score)
    test = chair_stand_result(answers)
    falls = answers.points[Item.FALLS]
    # F2: every next step names EWGSOP2's strength tests; NICE: every result lists red flags.
    sources = [Source.F1, Source.F2, Source.F3, Source.NICE_NG42, Source.NICE_NG127]
    if test is not None:
        sources.append(Source.S3)
    if falls > NO_POINTS:
        sources.append(Source.M4)  # the falls rule: when to ask for a falls assessment
    if falls not in (NO_POINTS, MOST_POINTS):
        sources.append(Source.E2)  # the falls caution: balance exercise prevents falls
    for finding in findings:
        sources += finding.rule.sources
    refer = any(finding.rule.id is RuleId.UNDER_18 for finding in findings)
    top = most_urgent(findings)
    return SelfCheckResult(
        status=Status.REFER if refer else Status.OK,
        points=dict(answers.points),
        band=band,
        chair_stand=test,
        next_step=_next_step(band, test, falls),
        plan_prefill=plan_prefill(answers, band, test),
        notes=_notes(test, answers),
        findings=tuple(findings),
        cautions=_cautions(band, test),
        headline=None if top is None else top.level,
        sources=cite(sources),
        walk_4m_seconds=answers.walk_4m_seconds,
        side_by_side_seconds=answers.balance_seconds[0],
    )


def _next_step(band: Band, test: ChairStand | None, falls: int) -> NextStep:
    """What to do next: when to see a doctor and what to ask for (F2)."""
    if falls == MOST_POINTS:
        return NextStep.FALLS_ASSESSMENT
    if band is Band.POSITIVE or (test is not None and test.low_strength):
        return NextStep.STRENGTH_ASSESSMENT
    if test is None:
        return NextStep.CHAIR_STAND_TEST
    return NextStep.KEEP_ACTIVE


def _notes(test: ChairStand | None, answers: SelfCheckInput) -> tuple[Note, ...]:
    """What every reader should know about this check, and about every test measured."""
    notes = [Note.FIRST_CHECK]
    if answers.age is not None and answers.age < evidence.SARC_F_OLDER_AGE:
        notes.append(Note.UNDER_OLDER_AGE)
    if answers.walk_4m_seconds is not None:
        speed = evidence.SPPB_WALK_METRES / answers.walk_4m_seconds
        slow = speed < evidence.FALLS_GAIT_SPEED_BELOW
        notes.append(Note.WALK_SLOW if slow else Note.WALK_NOT_SLOW)
    held = answers.balance_seconds[0]
    if held is not None and held >= evidence.SPPB_BALANCE_HOLD_SECONDS:
        notes.append(Note.BALANCE_HELD)
    if test is None:
        notes.append(Note.CHAIR_STAND_NOT_TIMED)
    notes.append(Note.RED_FLAGS)
    return tuple(notes)


def _cautions(band: Band, test: ChairStand | None) -> tuple[Caution, ...]:
    """A score of 4+ and a slow or unfinished stand (the triage findings come first)."""
    cautions = []
    if band is Band.POSITIVE:
        cautions.append(Caution.POSITIVE_SCORE)
    if test is not None and test.seconds is None:
        cautions.append(Caution.CHAIR_STAND_NOT_FINISHED)
    elif test is not None and test.seconds is not None and test.low_strength:
        cautions.append(Caution.CHAIR_STAND_SLOW)
    return tuple(cautions)
