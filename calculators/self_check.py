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
from calculators.inputs import PayloadReader, decimal_or_none
from calculators.plan import Ability, Focus
from calculators.plan import answers as plan
from calculators.present import numbers, triage
from calculators.present.triage import alert
from calculators.results import Alert, Severity, Status, cite, round_half_up, wire_number
from calculators.triage import (
    FALLS_HIGH_TIER,
    Box,
    Finding,
    Level,
    Observations,
    RuleId,
    evaluate,
    most_urgent,
    rules_in,
)


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

    @property
    def label(self) -> str:
        """The band in the reader's words."""
        if self is Band.POSITIVE:
            return "worth a check with your doctor"
        return "below the cut-off"


NO_POINTS, MOST_POINTS = evidence.SARC_F_ITEM_POINTS[0], evidence.SARC_F_ITEM_POINTS[-1]

# What each question asks, and what its points mean, for the reader's error messages.
_QUESTION = {
    Item.STRENGTH: ("lifting and carrying 4.5 kg", "none", "some", "a lot, or unable"),
    Item.ASSISTANCE: ("walking across a room", "none", "some", "a lot, uses aids, or unable"),
    Item.RISE: ("getting up from a chair or bed", "none", "some", "a lot, or unable without help"),
    Item.CLIMB: ("climbing 10 stairs", "none", "some", "a lot, or unable"),
    Item.FALLS: ("falls in the past year", "none", "1 to 3 falls", "4 or more falls"),
}
_POINTS_ALLOWED = "0, 1 or 2"
_VALID_POINTS = frozenset(Decimal(points) for points in evidence.SARC_F_ITEM_POINTS)

# The answers the self-check reads (`fields`): the form, the command line and the reader below
# derive from these.
QUESTIONS = {
    item: Field(
        item.value,
        Kind.RADIO,
        f"Choose an answer about {topic}: 0 ({none}), 1 ({some}) or 2 ({most}).",
        choices=tuple(str(points) for points in evidence.SARC_F_ITEM_POINTS),
    )
    for item, (topic, none, some, most) in _QUESTION.items()
}
CHAIR_STAND = Field(
    "chair_stand_seconds",
    Kind.NUMBER,
    "Enter how many seconds the five stands took, from {low} to {high}, or leave it empty if "
    "you did not do the test.",
    bound=evidence.CHAIR_STAND_SECONDS,
    optional=True,
)
AGE = Field(
    "age",
    Kind.WHOLE,
    "Enter your age in whole years, between {low} and {high}, or leave it empty.",
    bound=evidence.AGE_YEARS,
    optional=True,
)
# The at-home SPPB's balance stands and walk (M1), passed on to the plan.
BALANCE = tuple(
    Field(
        f"balance_{key}_seconds",
        Kind.NUMBER,
        f"Enter how many seconds you held the {words} stand, from 0 to 10, or leave it empty.",
        bound=evidence.BALANCE_HOLD_SECONDS,
        optional=True,
    )
    for key, words in (
        ("side_by_side", "feet side by side"),
        ("semi_tandem", "half heel-to-toe"),
        ("tandem", "heel-to-toe"),
    )
)
WALK = Field(
    "walk_4m_seconds",
    Kind.NUMBER,
    "Enter the seconds your 4 m walk took, from 2 to 120, or leave it empty.",
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
        points = {item: _read_points(reader, payload, QUESTIONS[item]) for item in Item}
        seconds = reader.read_optional_number(CHAIR_STAND)
        age = reader.read_optional_whole(AGE)
        holds = tuple(reader.read_optional_number(hold) for hold in BALANCE)
        walk = reader.read_optional_number(WALK)
        unable = reader.read_flag(CHAIR_STAND_UNABLE)
        reader.finish()
        if seconds is not None:
            seconds = round_half_up(seconds, evidence.CHAIR_STAND_DECIMAL_PLACES)
        return cls(points, seconds, age, (holds[0], holds[1], holds[2]), walk, unable)


def _read_points(reader: PayloadReader, payload: Mapping[str, object], question: Field) -> int:
    """One question's points: 0, 1 or 2 (a number or numeric text; else its field error)."""
    value = decimal_or_none(payload.get(question.name))
    if value is None or value not in _VALID_POINTS:
        reader.fail(question.name, question.message, _POINTS_ALLOWED)
        return NO_POINTS
    return int(value)


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
    """A self-check answer: the score, what it means, and what to do next."""

    status: Status
    points: Mapping[Item, int]
    band: Band
    chair_stand: ChairStand | None
    meaning: str
    next_step: str
    plan_prefill: PlanPrefill
    notes: tuple[str, ...] = ()
    warnings: tuple[Alert, ...] = ()
    sources: tuple[Source, ...] = ()
    # The most urgent triage level among all tests and answers (None: nothing fired).
    headline: Level | None = None

    @property
    def score(self) -> int:
        """The SARC-F total, 0–10."""
        return sum(self.points.values())

    def to_wire(self) -> dict[str, object]:
        """The result as plain JSON-ready values (the wire's `result`)."""
        return {
            "status": self.status.value,
            "score": self.score,
            "items": {item.value: self.points[item] for item in Item},
            "positive_screen": self.band is Band.POSITIVE,
            "band": self.band.value,
            "band_label": self.band.label,
            "chair_stand": None if self.chair_stand is None else self.chair_stand.to_wire(),
            "meaning": self.meaning,
            "next_step": self.next_step,
            "notes": list(self.notes),
            "warnings": [alert.to_wire() for alert in self.warnings],
            "sources": [source.value for source in self.sources],
            "plan_prefill": self.plan_prefill.to_wire(),
            "headline": None if self.headline is None else self.headline.value,
        }


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


def measured_score_low(answers: SelfCheckInput) -> int | None:
    """The at-home SPPB's low end from the tests handed to the plan (None: no complete set)."""
    if not measured_tests(answers):
        return None
    holds = answers.balance_seconds
    score = sppb(
        FunctionTests(
            holds[0],
            holds[1],
            holds[2],
            answers.walk_4m_seconds,
            answers.chair_stand_seconds,
            chair_rise_unable=answers.chair_stand_unable,
        )
    )
    return score.low


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


def _finding_detail(finding: Finding, answers: SelfCheckInput) -> str:
    """What this check measured that fired the rule, in the reader's numbers."""
    rule = finding.rule.id
    if rule is RuleId.SLOW_WALK and answers.walk_4m_seconds is not None:
        return f"{walk_words(answers.walk_4m_seconds)}: slow."
    if rule is RuleId.BALANCE_NOT_HELD and answers.balance_seconds[0] is not None:
        held = numbers.number(answers.balance_seconds[0], 1)
        return f"You held the feet-together stand for {held} of 10 seconds."
    if rule is RuleId.ONE_FALL:
        return (
            f"You fell 1 to 3 times in the past year. If {_falls_signs()}, ask your doctor for "
            "a falls assessment."
        )
    if rule is RuleId.TWO_OR_MORE_FALLS:
        return "You fell 4 or more times in the past year."
    return ""


def walk_words(seconds: Decimal) -> str:
    """The 4 m walk as time and speed: "Your 4 m walk took 6.0 seconds: 0.67 metres a second"."""
    speed = round_half_up(evidence.SPPB_WALK_METRES / seconds, 2)
    return (
        f"Your 4 m walk took {numbers.number(seconds, 1)} seconds: "
        f"{numbers.number(speed, 2)} metres a second"
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
    triaged = tuple(alert(finding, _finding_detail(finding, answers)) for finding in findings)
    top = most_urgent(findings)
    return SelfCheckResult(
        status=Status.REFER if refer else Status.OK,
        points=dict(answers.points),
        band=band,
        chair_stand=test,
        meaning=_meaning(score, band, test),
        next_step=_next_step(band, test, falls),
        plan_prefill=plan_prefill(answers, band, test),
        notes=_notes(test, answers),
        warnings=(*triaged, *_warnings(score, band, test)),
        headline=None if top is None else top.level,
        sources=cite(sources),
    )


def _meaning(score: int, band: Band, test: ChairStand | None) -> str:
    """What the score (and the chair-stand time) says, in plain words."""
    cutoff = evidence.SARC_F_POSITIVE_SCORE
    if band is Band.POSITIVE:
        words = (
            f"Your score is {score} out of 10. A score of {cutoff} or more means real difficulty "
            "with everyday tasks, which is linked to falls, hospital stays and losing "
            "independence: it is worth having your strength checked. It does not mean you have "
            f"sarcopenia: most people who score {cutoff} or more do not (F3)."
        )
    else:
        words = (
            f"Your score is {score} out of 10, below the cut-off of {cutoff}. This does not rule "
            "muscle loss out: these questions miss most people who have it."
        )
    if test is None:
        return words
    limit = numbers.number(evidence.CHAIR_STAND_LOW_ABOVE_SECONDS)
    if test.seconds is None:
        return (
            f"{words} You could not finish five chair stands without using your arms: like "
            f"taking more than {limit} seconds, that is a sign of low leg strength."
        )
    took = f"Your five chair stands took {numbers.number(test.seconds, 1)} seconds"
    if test.low_strength:
        return f"{words} {took}: more than {limit} seconds is a sign of low leg strength."
    return f"{words} {took}: {limit} seconds or less is not low."


def _next_step(band: Band, test: ChairStand | None, falls: int) -> str:
    """What to do next: when to see a doctor and what to ask for (F2)."""
    sarcopenia = (
        "ask to be checked for sarcopenia (muscle loss with age), as the European guidance on "
        "muscle loss advises"
    )
    if test is not None and test.low_strength:
        assessment = (
            "a muscle-strength assessment. Your chair-stand test already suggests low "
            f"strength, so {sarcopenia}."
        )
    else:
        assessment = (
            "a muscle-strength assessment: ask for a grip-strength test or a chair-stand test. "
            f"If your strength is low, {sarcopenia}."
        )
    if falls == MOST_POINTS:
        return (
            f"See your doctor soon and ask for a falls assessment. Talk to them about {assessment}"
        )
    falls_first = ""  # the falls finding says it, above the next step
    if band is Band.POSITIVE or (test is not None and test.low_strength):
        return f"{falls_first}Talk to your doctor about {assessment}"
    if test is None:
        return (
            f"{falls_first}A score below the cut-off does not rule muscle loss out, so do the "
            "chair-stand test next if you can do it safely: it checks the strength of your "
            "legs. If you are worried about your strength, talk to your doctor anyway: ask for "
            "a grip-strength test or a chair-stand test."
        )
    return (
        f"{falls_first}Keep active with strength and balance exercise, and do this check again "
        "if everyday tasks get harder. If you are worried about your strength, talk to your "
        "doctor anyway: ask for a grip-strength test."
    )


def _notes(test: ChairStand | None, answers: SelfCheckInput) -> tuple[str, ...]:
    """What every reader should know about this check, and about every test measured."""
    cutoff = evidence.SARC_F_POSITIVE_SCORE
    notes = [
        "These questions are a first check, not a diagnosis (F3). They miss most people who "
        "have sarcopenia (muscle loss with age): across several studies they found only about "
        f"{evidence.SARC_F_POOLED_SENSITIVITY_PERCENT} in 100 of them, about 1 in 5. So a score "
        f"below {cutoff} does not rule muscle loss out. A score of {cutoff} or more is not a "
        "diagnosis either: most people who score that high do not have sarcopenia, but they do "
        "have real difficulty with everyday tasks, and a strength check is worth having.",
    ]
    if answers.age is not None and answers.age < evidence.SARC_F_OLDER_AGE:
        notes.append(
            f"You are under {evidence.SARC_F_OLDER_AGE}: these questions and their cut-offs "
            "were made for and tested in older adults, so read your result with care."
        )
    if answers.walk_4m_seconds is not None:
        speed = evidence.SPPB_WALK_METRES / answers.walk_4m_seconds
        if speed < evidence.FALLS_GAIT_SPEED_BELOW:
            notes.append(
                f"{walk_words(answers.walk_4m_seconds)}. Under 0.8 metres a second is slow: a "
                "sign for a physiotherapist, and in the European guidance on muscle loss it "
                "marks muscle loss, where there is any, as severe (S3)."
            )
        else:
            notes.append(
                f"{walk_words(answers.walk_4m_seconds)}. That is 0.8 metres a second or faster: "
                "not slow (S3)."
            )
    held = answers.balance_seconds[0]
    if held is not None and held >= evidence.SPPB_BALANCE_HOLD_SECONDS:
        notes.append("You held the feet-together stand for the full 10 seconds (M1).")
    if test is None:
        notes.append(
            "You did not time the chair-stand test. It is a quick check of leg strength that "
            "adds to these questions."
        )
    notes.append(
        "Whatever your score, see a doctor soon if your muscles are getting weaker over weeks, "
        "if only one side is weak, or if the weakness comes with numbness, tingling, pain, "
        "twitching, or trouble speaking or swallowing. Sudden weakness or numbness is an "
        f"emergency: call an ambulance on {triage.call_numbers()} (NICE NG42, NG127)."
    )
    return tuple(notes)


def _warnings(score: int, band: Band, test: ChairStand | None) -> tuple[Alert, ...]:
    """A score of 4+ and a slow or unfinished stand (the triage findings come first)."""
    alerts = []
    if band is Band.POSITIVE:
        alerts.append(
            Alert(
                Severity.CAUTION,
                f"A score of {score} is at or above the cut-off of "
                f"{evidence.SARC_F_POSITIVE_SCORE}: talk to your doctor about a muscle-strength "
                "assessment (F1, F2).",
            )
        )
    if test is not None and test.seconds is None:
        alerts.append(
            Alert(
                Severity.CAUTION,
                "Not being able to finish five chair stands without using your arms is a sign of "
                "low leg strength (S3). Talk to your doctor about it.",
            )
        )
    elif test is not None and test.seconds is not None and test.low_strength:
        alerts.append(
            Alert(
                Severity.CAUTION,
                f"Five chair stands in {numbers.number(test.seconds, 1)} seconds is slower than "
                f"{numbers.number(evidence.CHAIR_STAND_LOW_ABOVE_SECONDS)} seconds: a sign of low "
                "leg strength (S3). Talk to your doctor about it.",
            )
        )
    return tuple(alerts)


def _falls_signs() -> str:
    """The falls-assessment signs (the triage table's M4 high tier) as one clause."""
    signs = [
        triage.sign(rule).key.rstrip(".:,").lower()
        for rule in rules_in(Box.FALLS)
        if rule.id in FALLS_HIGH_TIER
    ]
    return f"{', '.join(signs[:-1])}, or {signs[-1]}"
