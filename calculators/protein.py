"""Daily and per-meal protein targets from weight, age, situation and health.

Rules (from the table and the "where the article and the evidence differ" list in EVIDENCE.md;
every number lives in `calculators.evidence`):

| input | daily g/kg | sources |
|---|---|---|
| healthy adult under 65 (general; or "older" chosen under 65) | 0.8–1.0 | P1, P2 |
| healthy adult 65 or over (general or older) | 1.0–1.2 | P2 |
| strength training, any adult age | 1.2–1.6 | P3, P7 |
| recovering from illness, surgery or injury | 1.2–1.5, caution: check with your care team | P4 |
| kidneys unknown, diabetes or high blood pressure | general range, caution: eGFR first | P13 |
| BMI 30 or more (height given) | the range on an adjusted weight, info: a dietitian | P14 |
| any range | never below 0.8 or above 2.0 | P1 |
| per meal: the day split over the meals, at least 25 g (65+) / 20 g | `meal_plan` | P10 / P8 |
| per meal, small eater: about 0.4 g/kg a meal (common practice); never all in 1 meal | same | P9 |
| kidney disease, dialysis or transplant | refer (stop), no numbers (on References) | P5, P12, P13 |
| age 5–17, pregnant or breastfeeding, liver disease | refer (caution) | P1 |
| unintended weight loss | range unchanged, caution: see a doctor | red flags (NICE) |

Grams are weight × g/kg rounded half up: 68 kg × 1.2–1.6 = 82–109 g (the article said 80–105).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from calculators import evidence, fields
from calculators.evidence import GramsPerKg, Source
from calculators.fields import Field, Kind
from calculators.inputs import PayloadReader, unit_written
from calculators.results import Severity, Status, cite, round_half_up, wire_number
from calculators.triage import Finding, Observations, RuleId, evaluate


class WeightUnit(StrEnum):
    """The unit the reader's weight is given in."""

    KG = "kg"
    LB = "lb"


class Situation(StrEnum):
    """Which description fits the reader best (the form's "Which fits you best?")."""

    GENERAL = "general"
    OLDER = "older"
    TRAINING = "training"
    RECOVERING = "recovering"


class MealAdvice(StrEnum):
    """What to change when the reader's meals cannot carry the day's protein (`MealPlan`)."""

    ONE_MEAL = "one-meal"  # fewer meals than 2: the day at one meal, plus snacks
    ADD_OCCASIONS = "add-occasions"  # even at the per-meal ceiling (P8) the meals fall short


class ProteinNote(StrEnum):
    """A note under the answer: how the numbers were worked out, what to know about them."""

    ARITHMETIC = "arithmetic"  # weight × g/kg = grams a day
    ADJUSTED_WEIGHT = "adjusted-weight"  # BMI 30 or more: the arithmetic on an adjusted weight
    ADJUSTED_WEIGHT_EXPLAINED = "adjusted-weight-explained"  # how that weight is worked out
    SMALL_EATER_OLDER = "small-eater-older"  # 25 g a meal (P10) is too much: about 0.4 g/kg (P9)
    SMALL_EATER_ADULT = "small-eater-adult"  # 20 g a meal (P8) is too much: about 0.4 g/kg (P9)
    SPREAD_OLDER = "spread-older"  # at least 25 g a meal (P10)
    SPREAD_ADULT = "spread-adult"  # 20–40 g a meal (P8)
    SOME_MEALS = "some-meals"  # the per-meal amount at some of the meals, the rest as usual
    TRAINING_LEVELS_OFF = "training-levels-off"  # the benefit levels off around 1.6 g/kg (P7)
    OLDER_UNDER_65 = "older-under-65"  # "older" chosen under 65: the range under 65 (P2)
    CEILING = "ceiling"  # no more than 2.0 g/kg a day for long (P1)
    CKD_LIMIT = "ckd-limit"  # severe kidney disease: limit only with the kidney team (P5)
    TRANSPLANT_NO_AMOUNT = "transplant-no-amount"  # no source gives a transplant amount
    KIDNEY_TEAM = "kidney-team"  # never cut or raise protein alone (P13)
    ADULT_RANGES_ONLY = "adult-ranges-only"  # the adult ranges (P1) do not cover these readers


class ProteinCaution(StrEnum):
    """A warning above the answer; `CAUTION_SEVERITY` says how serious each is."""

    KIDNEYS_UNCHECKED = "kidneys-unchecked"  # diabetes or high BP: eGFR first (P13)
    KIDNEYS_UNCHECKED_RAISED = "kidneys-unchecked-raised"  # the same, training or recovering
    RECOVERING = "recovering"  # check the amount with the care team (P4)
    ADJUSTED_WEIGHT = "adjusted-weight"  # BMI 30 or more: a dietitian can tell (P14)
    MAYBE_HIGH_WEIGHT = "maybe-high-weight"  # no height, a high weight: add it (P14)
    WEIGHT_LOSS = "weight-loss"  # unintended weight loss: see a doctor (NICE red flags)
    KIDNEY_DISEASE = "kidney-disease"  # no personal number (P5, P12, P13)
    UNDER_ADULT_AGE = "under-adult-age"  # children and teenagers: their own advice (P1)
    PREGNANT_OR_BREASTFEEDING = "pregnant-or-breastfeeding"  # their own advice (P1)
    LIVER_DISEASE = "liver-disease"  # their own advice (P1)


CAUTION_SEVERITY: Mapping[ProteinCaution, Severity] = {
    ProteinCaution.KIDNEYS_UNCHECKED: Severity.CAUTION,
    ProteinCaution.KIDNEYS_UNCHECKED_RAISED: Severity.CAUTION,
    ProteinCaution.RECOVERING: Severity.CAUTION,
    ProteinCaution.ADJUSTED_WEIGHT: Severity.INFO,
    ProteinCaution.MAYBE_HIGH_WEIGHT: Severity.INFO,
    ProteinCaution.WEIGHT_LOSS: Severity.CAUTION,
    ProteinCaution.KIDNEY_DISEASE: Severity.STOP,
    ProteinCaution.UNDER_ADULT_AGE: Severity.CAUTION,
    ProteinCaution.PREGNANT_OR_BREASTFEEDING: Severity.CAUTION,
    ProteinCaution.LIVER_DISEASE: Severity.CAUTION,
}
# A warning: one of the calculator's own cautions, or a triage finding (the low-weight rule).
ProteinWarning = ProteinCaution | Finding


class KidneyStatus(StrEnum):
    """What the reader knows about their kidneys; at-risk = unknown but diabetes or high BP."""

    NONE = "none"
    CKD = "ckd"
    DIALYSIS = "dialysis"
    TRANSPLANT = "transplant"
    AT_RISK = "at-risk"


_KIDNEY_DISEASE = frozenset({KidneyStatus.CKD, KidneyStatus.DIALYSIS, KidneyStatus.TRANSPLANT})
_DEFAULT_MEALS_PER_DAY = 3

# The answers the calculator reads (`fields`): the form, the command line and the reader below
# derive from these; their error words are `present.field_words`', by the key each names.
# Order is the reader's, which is the order of its error messages.
UNIT = fields.choice("unit", Kind.RADIO, WeightUnit, "protein.unit", default=WeightUnit.KG)
WEIGHT = Field("weight", Kind.NUMBER, "protein.weight", bound=evidence.WEIGHT_KG)
# A weight in pounds ("150 lb", or the lb button) is checked against the pounds bound.
WEIGHT_BOUNDS = {WeightUnit.KG: evidence.WEIGHT_KG, WeightUnit.LB: evidence.WEIGHT_LB}
AGE = fields.AGE
SITUATION = fields.choice(
    "situation",
    Kind.SELECT,
    Situation,
    "protein.situation",
    default=Situation.GENERAL,
)
KIDNEY = fields.choice(
    "kidney",
    Kind.SELECT,
    KidneyStatus,
    "protein.kidney",
    default=KidneyStatus.NONE,
)
MEALS = Field(
    "meals_per_day",
    Kind.WHOLE,
    "protein.meals_per_day",
    bound=evidence.MEALS_PER_DAY,
    default=str(_DEFAULT_MEALS_PER_DAY),
)
PREGNANT = fields.flag("pregnant_or_breastfeeding")
LIVER = fields.flag("liver_disease")
WEIGHT_LOSS = fields.flag("unintended_weight_loss")
HEIGHT = Field(
    "height_cm",
    Kind.NUMBER,
    "protein.height_cm",
    bound=evidence.HEIGHT_CM,
    optional=True,
)
FIELDS = (UNIT, WEIGHT, AGE, SITUATION, KIDNEY, MEALS, PREGNANT, LIVER, WEIGHT_LOSS, HEIGHT)


@dataclass(frozen=True)
class ProteinInput:
    """A reader's answers; build it from form values with `ProteinInput.from_mapping`."""

    weight: Decimal
    unit: WeightUnit
    age: int
    situation: Situation = Situation.GENERAL
    kidney: KidneyStatus = KidneyStatus.NONE
    meals_per_day: int = _DEFAULT_MEALS_PER_DAY
    pregnant_or_breastfeeding: bool = False
    liver_disease: bool = False
    unintended_weight_loss: bool = False
    height_cm: Decimal | None = None

    @property
    def weight_kg(self) -> Decimal:
        """The weight in kilograms, exact (pounds × 0.45359237)."""
        return self.weight * evidence.KG_PER_LB if self.unit is WeightUnit.LB else self.weight

    @property
    def bmi(self) -> Decimal | None:
        """Body mass index (kg/m²), or None without a height."""
        if self.height_cm is None:
            return None
        metres = self.height_cm / 100
        return self.weight_kg / (metres * metres)

    @property
    def adjusted_weight_kg(self) -> Decimal | None:
        """The adjusted weight for a BMI of 30 or more (P14), else None.

        Ideal weight = BMI 25 × height² (common practice); adjusted = ideal + 0.25 × (actual −
        ideal). 110 kg at 170 cm: ideal 72.25 kg, adjusted 81.6875 kg.

        >>> ProteinInput(Decimal(110), WeightUnit.KG, 70, height_cm=Decimal(170)).adjusted_weight_kg
        Decimal('81.6875')
        """
        bmi = self.bmi
        if self.height_cm is None or bmi is None or bmi < evidence.OBESITY_BMI:
            return None
        metres = self.height_cm / 100
        ideal = evidence.IDEAL_BMI * metres * metres
        return ideal + evidence.ADJUSTED_WEIGHT_FRACTION * (self.weight_kg - ideal)

    @classmethod
    def from_mapping(cls, payload: Mapping[str, object]) -> ProteinInput:
        """Read and check wire values; raises `InvalidInput` listing every bad field.

        A missing value takes its field's default (the form's too): unit kg, situation general,
        kidney none, 3 meals.
        """
        reader = PayloadReader(payload)
        chosen = reader.read_choice(UNIT, WeightUnit)
        # A unit typed after the weight ("150 lb") is what the reader means, whatever the
        # buttons say: it switches the unit.
        written = unit_written(payload.get(WEIGHT.name), tuple(unit.value for unit in WeightUnit))
        unit = WeightUnit(written) if written else chosen
        weight = reader.read_number(WEIGHT, WEIGHT_BOUNDS[unit])
        age = reader.read_whole(AGE)
        situation = reader.read_choice(SITUATION, Situation)
        kidney = reader.read_choice(KIDNEY, KidneyStatus)
        meals = reader.read_whole(MEALS)
        pregnant = reader.read_flag(PREGNANT)
        liver = reader.read_flag(LIVER)
        weight_loss = reader.read_flag(WEIGHT_LOSS)
        height_cm = reader.read_optional_number(HEIGHT)
        reader.finish()
        return cls(
            weight, unit, age, situation, kidney, meals, pregnant, liver, weight_loss, height_cm
        )


@dataclass(frozen=True)
class GramRange:
    """A whole-gram range."""

    low: int
    high: int

    def to_wire(self) -> dict[str, object]:
        """The range as {"low", "high"}."""
        return {"low": self.low, "high": self.high}


@dataclass(frozen=True)
class ProteinResult:
    """A protein answer: a personal range ("ok") or a referral with guideline ranges only."""

    status: Status
    weight_kg: Decimal
    meals_per_day: int
    answers: ProteinInput  # the notes show the weight as given, the height and the BMI
    g_per_kg: GramsPerKg | None = None
    daily_g: GramRange | None = None
    per_meal_g: GramRange | None = None
    protein_meals: int | None = None
    occasions: int | None = None
    adjusted_weight_kg: Decimal | None = None
    meals_reach_daily_low: bool | None = None
    small_eater_g: int | None = None
    suggestion: MealAdvice | None = None
    notes: tuple[ProteinNote, ...] = ()
    warnings: tuple[ProteinWarning, ...] = ()
    sources: tuple[Source, ...] = ()

    def to_wire(self) -> dict[str, object]:
        """The result as plain JSON-ready values, reasons as codes.

        The wire's `result` is this with the reasons worded (`calculators.present.protein.wire`).
        """
        return {
            "status": self.status.value,
            "weight_kg": wire_number(round_half_up(self.weight_kg, 1)),
            "g_per_kg": None
            if self.g_per_kg is None
            else {"low": wire_number(self.g_per_kg.low), "high": wire_number(self.g_per_kg.high)},
            "daily_g": None if self.daily_g is None else self.daily_g.to_wire(),
            "per_meal_g": None if self.per_meal_g is None else self.per_meal_g.to_wire(),
            "meals_per_day": self.meals_per_day,
            "protein_meals": self.protein_meals,
            "occasions": self.occasions,
            "adjusted_weight_kg": None
            if self.adjusted_weight_kg is None
            else wire_number(round_half_up(self.adjusted_weight_kg, 1)),
            "meals_reach_daily_low": self.meals_reach_daily_low,
            "suggestion": None if self.suggestion is None else self.suggestion.value,
            "notes": [note.value for note in self.notes],
            "warnings": [warning_code(warning) for warning in self.warnings],
            "sources": [source.value for source in self.sources],
        }


def warning_code(warning: ProteinWarning) -> str:
    """A warning's reason code: the caution's, or the triage rule's id."""
    return warning.rule.id.value if isinstance(warning, Finding) else warning.value


def daily_range(situation: Situation, age: int, kidney: KidneyStatus) -> GramsPerKg:
    """The daily g/kg range for an adult without a referral (see the module's rules table)."""
    if situation is Situation.TRAINING:
        base = evidence.TRAINING
    elif situation is Situation.RECOVERING:
        base = evidence.RECOVERING
    elif age >= evidence.OLDER_ADULT_AGE:
        base = evidence.OLDER_ADULT
    else:
        base = evidence.GENERAL_ADULT
    if kidney is KidneyStatus.AT_RISK:
        # No raised target until the kidneys are checked: the general range for the age (P13).
        general = (
            evidence.OLDER_ADULT if age >= evidence.OLDER_ADULT_AGE else evidence.GENERAL_ADULT
        )
        base = GramsPerKg(general.low, general.high, (*general.sources, Source.P13))
    low, high, sources = base.low, base.high, base.sources
    low = min(max(low, evidence.PROTEIN_FLOOR_G_PER_KG), evidence.PROTEIN_CEILING_G_PER_KG)
    high = min(max(high, low), evidence.PROTEIN_CEILING_G_PER_KG)
    return GramsPerKg(low, high, cite(sources, (Source.P1,)))


def grams(weight_kg: Decimal, g_per_kg: Decimal) -> int:
    """Whole grams for a weight and a g/kg rate, rounded half up (68 × 1.2 = 81.6 -> 82)."""
    return int(round_half_up(weight_kg * g_per_kg))


def protein_target(answers: ProteinInput) -> ProteinResult:
    """The reader's protein target, or a referral when a rule says no personal number."""
    referral = _referral(answers)
    if referral is not None:
        return referral
    rates = daily_range(answers.situation, answers.age, answers.kidney)
    adjusted = answers.adjusted_weight_kg
    weight_kg = answers.weight_kg if adjusted is None else adjusted
    daily = GramRange(grams(weight_kg, rates.low), grams(weight_kg, rates.high))
    older = answers.age >= evidence.OLDER_ADULT_AGE
    floor = evidence.PER_MEAL_FLOOR_OLDER_G if older else evidence.PER_MEAL_FLOOR_ADULT_G
    plan = meal_plan(daily, answers.meals_per_day, floor, weight_kg)
    high_weight = adjusted is not None or _maybe_high_weight(answers)
    return ProteinResult(
        status=Status.OK,
        weight_kg=answers.weight_kg,
        meals_per_day=answers.meals_per_day,
        answers=answers,
        g_per_kg=rates,
        daily_g=daily,
        per_meal_g=plan.per_meal,
        protein_meals=plan.protein_meals,
        occasions=answers.meals_per_day if plan.reaches else plan.needed_meals,
        adjusted_weight_kg=adjusted,
        meals_reach_daily_low=plan.reaches,
        small_eater_g=plan.small_eater_g,
        suggestion=plan.suggestion(answers.meals_per_day),
        notes=_notes(answers, older, plan),
        warnings=_ok_warnings(answers),
        sources=cite(
            rates.sources,
            (Source.P10 if older else Source.P8,),
            (Source.P9,) if plan.small_eater_g is not None else (),
            (Source.P14,) if high_weight else (),
        ),
    )


@dataclass(frozen=True)
class MealPlan:
    """How the day's protein is spread: grams at each of `protein_meals` meals.

    `reaches` is false when the reader's own meals cannot carry the day: then `per_meal` is the
    amount for each of `needed_meals` eating occasions (meals plus protein-rich snacks).
    `small_eater_g` is about 0.4 g/kg in grams when the day is spread that way (see `meal_plan`).
    """

    per_meal: GramRange
    protein_meals: int
    reaches: bool
    needed_meals: int
    small_eater_g: int | None = None

    def suggestion(self, meals: int) -> MealAdvice | None:
        """What to change when the reader's meals cannot carry the day's protein."""
        if self.reaches:
            return None
        if meals < evidence.MIN_PROTEIN_OCCASIONS:
            return MealAdvice.ONE_MEAL
        return MealAdvice.ADD_OCCASIONS


def _ceil_div(numerator: int, denominator: int) -> int:
    """Whole-number division rounded up (7 / 3 -> 3)."""
    return -(-numerator // denominator)


def meal_plan(daily: GramRange, meals: int, floor: int, weight_kg: Decimal) -> MealPlan:
    """The per-meal amount: the day's range split over the meals; no meal carries the whole day.

    - When the floor at every meal fits in the day (meals × floor ≤ the top end; 25 g from 65,
      P10; 20 g younger, P8), every meal gets the day split evenly, raised to the floor. Above
      40 g a meal (P8's top end) the meals cannot carry the day: the day is split over as many
      eating occasions as keep each at most 40 g, and the reader is told to add snacks.
    - A small eater (3 × the floor adds up to more than the day's top end) spreads the day at
      about 0.4 g/kg a meal (common practice, see `evidence.SMALL_EATER_G_PER_KG_PER_MEAL`):
      over the number of meals (2 or more) whose share is nearest that amount.
    - Many meals (4 or more, and the floor at each would overshoot): only as many meals as the
      top end allows carry the floor; the reader eats the others as usual.
    - One meal a day never carries the whole day: the plan is for 2 or more eating occasions,
      and the reader is told to add protein-rich snacks or small meals.

    >>> meal_plan(GramRange(96, 120), 3, 25, Decimal(80))  # recovering at 72: 32-40 g x 3
    MealPlan(per_meal=GramRange(low=32, high=40), protein_meals=3, reaches=True, needed_meals=3, small_eater_g=None)
    >>> meal_plan(GramRange(40, 48), 3, 25, Decimal(40)).per_meal  # 40 kg at 78: not 40-48 g x 1
    GramRange(low=14, high=16)
    """  # noqa: E501
    if meals < evidence.MIN_PROTEIN_OCCASIONS:
        occasions = _occasions_plan(daily, floor, weight_kg)
        return MealPlan(
            occasions.per_meal,
            meals,
            reaches=False,
            needed_meals=occasions.protein_meals,
            small_eater_g=occasions.small_eater_g,
        )
    if _small_eater(daily, floor):
        return _small_eater_plan(daily, range(evidence.MIN_PROTEIN_OCCASIONS, meals + 1), weight_kg)
    # Many meals: only as many as the top end allows carry the floor (at least 3 here).
    carriers = meals if meals * floor <= daily.high else daily.high // floor
    if _ceil_div(daily.low, carriers) > evidence.PER_MEAL_CEILING_G:
        occasions = _floor_plan(daily, _ceil_div(daily.low, evidence.PER_MEAL_CEILING_G), floor)
        return MealPlan(
            occasions.per_meal, meals, reaches=False, needed_meals=occasions.protein_meals
        )
    return _floor_plan(daily, carriers, floor)


def _small_eater(daily: GramRange, floor: int) -> bool:
    """The floor at 3 meals (the usual day) adds up to more than the day's top end."""
    return _DEFAULT_MEALS_PER_DAY * floor > daily.high


def _floor_plan(daily: GramRange, meals: int, floor: int) -> MealPlan:
    """Every meal gets the day split evenly, at least `floor`, at most the ceiling (P8).

    The caller makes sure the split's low end is at most the ceiling.
    """
    low = max(floor, _ceil_div(daily.low, meals))
    high = min(evidence.PER_MEAL_CEILING_G, max(low, daily.high // meals))
    return MealPlan(GramRange(low, high), meals, reaches=True, needed_meals=meals)


def _even_split(daily: GramRange, meals: int) -> GramRange:
    """The day over `meals` meals: low end rounded up, high end rounded down (never below low)."""
    low = _ceil_div(daily.low, meals)
    return GramRange(low, max(low, daily.high // meals))


def _small_eater_plan(daily: GramRange, counts: range, weight_kg: Decimal) -> MealPlan:
    """The day over the number of meals (from `counts`) whose share is nearest 0.4 g/kg."""
    near = weight_kg * evidence.SMALL_EATER_G_PER_KG_PER_MEAL

    ceiling = evidence.PER_MEAL_CEILING_G

    def distance(meals: int) -> tuple[Decimal, int]:
        share = _even_split(daily, meals)
        return abs(Decimal(share.low + share.high) / 2 - near), -meals

    meals = min((n for n in counts if _even_split(daily, n).low <= ceiling), key=distance)
    share = _even_split(daily, meals)
    return MealPlan(
        GramRange(share.low, min(share.high, ceiling)),
        meals,
        reaches=True,
        needed_meals=meals,
        small_eater_g=int(round_half_up(near)),
    )


def _occasions_plan(daily: GramRange, floor: int, weight_kg: Decimal) -> MealPlan:
    """The plan for a reader who eats 1 meal: the day over 2 or more eating occasions."""
    most = evidence.MEALS_PER_DAY.high
    fewest = evidence.MIN_PROTEIN_OCCASIONS
    if _small_eater(daily, floor):
        return _small_eater_plan(daily, range(fewest, most + 1), weight_kg)
    occasions = max(fewest, _ceil_div(daily.low, evidence.PER_MEAL_CEILING_G))
    return _floor_plan(daily, occasions, floor)


def _maybe_high_weight(answers: ProteinInput) -> bool:
    """No height given, and a weight at which a BMI of 30 or more is likely (a note, P14)."""
    return answers.height_cm is None and answers.weight_kg >= evidence.HIGH_WEIGHT_NOTE_FROM_KG


def _notes(answers: ProteinInput, older: bool, plan: MealPlan) -> tuple[ProteinNote, ...]:
    """How the numbers were worked out, and what the reader should know about them."""
    if answers.adjusted_weight_kg is None:
        notes = [ProteinNote.ARITHMETIC]
    else:
        notes = [ProteinNote.ADJUSTED_WEIGHT, ProteinNote.ADJUSTED_WEIGHT_EXPLAINED]
    if plan.small_eater_g is not None:
        notes.append(ProteinNote.SMALL_EATER_OLDER if older else ProteinNote.SMALL_EATER_ADULT)
    else:
        notes.append(ProteinNote.SPREAD_OLDER if older else ProteinNote.SPREAD_ADULT)
    if plan.reaches and plan.protein_meals < answers.meals_per_day:
        notes.append(ProteinNote.SOME_MEALS)
    if answers.situation is Situation.TRAINING and answers.kidney is not KidneyStatus.AT_RISK:
        notes.append(ProteinNote.TRAINING_LEVELS_OFF)
    if answers.situation is Situation.OLDER and not older:
        notes.append(ProteinNote.OLDER_UNDER_65)
    notes.append(ProteinNote.CEILING)
    return tuple(notes)


def _ok_warnings(answers: ProteinInput) -> tuple[ProteinWarning, ...]:
    """Cautions that go with a personal number."""
    # N1: a low weight, as the triage table decides (calculators.triage); present/ words it.
    seen = Observations(age=answers.age, weight_kg=answers.weight_kg, height_cm=answers.height_cm)
    found: list[ProteinWarning] = [
        finding for finding in evaluate(seen) if finding.rule.id is RuleId.LOW_WEIGHT
    ]
    if answers.kidney is KidneyStatus.AT_RISK:
        raised = answers.situation in {Situation.TRAINING, Situation.RECOVERING}
        found.append(
            ProteinCaution.KIDNEYS_UNCHECKED_RAISED if raised else ProteinCaution.KIDNEYS_UNCHECKED
        )
    if answers.situation is Situation.RECOVERING:
        found.append(ProteinCaution.RECOVERING)
    if answers.adjusted_weight_kg is not None:
        found.append(ProteinCaution.ADJUSTED_WEIGHT)
    elif _maybe_high_weight(answers):
        found.append(ProteinCaution.MAYBE_HIGH_WEIGHT)
    found.extend(_weight_loss_warning(answers))
    return tuple(found)


def _weight_loss_warning(answers: ProteinInput) -> tuple[ProteinCaution, ...]:
    """Weight loss without trying is a red flag (NICE): it needs a doctor, whatever the range."""
    return (ProteinCaution.WEIGHT_LOSS,) if answers.unintended_weight_loss else ()


def _referral(answers: ProteinInput) -> ProteinResult | None:
    """A referral when kidney disease, age under 18, pregnancy or liver disease apply."""
    alerts: list[ProteinCaution] = []
    notes: list[ProteinNote] = []
    sources: list[Source] = []
    if answers.kidney in _KIDNEY_DISEASE:
        alerts.append(ProteinCaution.KIDNEY_DISEASE)
        # No numbers here, not even the guidelines' (issue 21): a low-protein kidney diet is
        # planned and watched by the kidney team; adopted alone it can cost muscle. The ranges
        # stay on the References page (P12, P13), for the reader's team.
        if answers.kidney is KidneyStatus.CKD:
            notes.append(ProteinNote.CKD_LIMIT)
        elif answers.kidney is KidneyStatus.TRANSPLANT:
            notes.append(ProteinNote.TRANSPLANT_NO_AMOUNT)
        notes.append(ProteinNote.KIDNEY_TEAM)
        sources += [Source.P5, Source.P12, Source.P13]
    others = [
        (answers.age < evidence.ADULT_AGE, ProteinCaution.UNDER_ADULT_AGE),
        (answers.pregnant_or_breastfeeding, ProteinCaution.PREGNANT_OR_BREASTFEEDING),
        (answers.liver_disease, ProteinCaution.LIVER_DISEASE),
    ]
    alerts += [caution for applies, caution in others if applies]
    if any(applies for applies, _ in others):
        notes.append(ProteinNote.ADULT_RANGES_ONLY)
        sources.append(Source.P1)
    if not alerts:
        return None
    return ProteinResult(
        status=Status.REFER,
        weight_kg=answers.weight_kg,
        meals_per_day=answers.meals_per_day,
        answers=answers,
        notes=tuple(notes),
        warnings=(*alerts, *_weight_loss_warning(answers)),
        sources=cite(sources),
    )
