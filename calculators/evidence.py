"""Every number the calculators use, in one table, each tagged with its source id.

Source ids are the rows of `shared/EVIDENCE.md` (P = protein, E = exercise, D = disuse and
retraining, S = sarcopenia, F = screening, M = function, falls and emergency signs; NICE NG42
and NG127 are behind its red flags). Input bounds are not evidence: they are sanity limits,
each with its reason.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from enum import StrEnum
from typing import Final

from calculators.source_titles import TITLES


class Source(StrEnum):
    """Evidence ids from EVIDENCE.md that a result can cite (the References page anchors)."""

    P1 = "P1"
    P2 = "P2"
    P3 = "P3"
    P4 = "P4"
    P5 = "P5"
    P7 = "P7"
    P8 = "P8"
    P9 = "P9"
    P10 = "P10"
    P12 = "P12"
    P13 = "P13"
    P14 = "P14"
    E1 = "E1"
    E2 = "E2"
    E3 = "E3"
    E4 = "E4"
    E5 = "E5"
    E6 = "E6"
    E7 = "E7"
    E8 = "E8"
    D6 = "D6"
    D7 = "D7"
    S3 = "S3"
    F1 = "F1"
    F2 = "F2"
    F3 = "F3"
    M1 = "M1"
    M3 = "M3"
    M4 = "M4"
    M5 = "M5"
    M6 = "M6"
    M7 = "M7"
    N1 = "N1"
    NICE_NG42 = "NICE-NG42"
    NICE_NG127 = "NICE-NG127"


@dataclass(frozen=True)
class Citation:
    """A source as a reader reads it: a short title and its year ("" when the row has none).

    Written out wherever an answer cites a source, so no reader meets a bare id like "E3".
    """

    title: str
    year: str = ""

    def words(self) -> str:
        """The source as "title, year", or the title alone.

        >>> Citation("WHO guidelines on physical activity", "2020").words()
        'WHO guidelines on physical activity, 2020'
        """
        return f"{self.title}, {self.year}" if self.year else self.title


# Each id's source as answers name it: written from data/references.yml (its `cite`), the one
# source of the References page too.
CITATIONS: Final[Mapping[Source, Citation]] = {
    source: Citation(*TITLES[source.value]) for source in Source
}


@dataclass(frozen=True)
class GramsPerKg:
    """A daily protein range in grams per kg of body weight, with the sources behind it."""

    low: Decimal
    high: Decimal
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Bound:
    """An inclusive input range with its unit (for messages); a comment says why it is there."""

    low: int
    high: int
    unit: str

    def allowed(self) -> str:
        """The range as the wire's short `allowed` text, e.g. "30–250 kg"."""
        return f"{self.low:,}–{self.high:,} {self.unit}".rstrip()


class KidneyGroup(StrEnum):
    """Who a kidney guideline's range is for (`calculators.present.protein` words each)."""

    CKD_NO_DIABETES = "ckd-no-diabetes"  # stage 3-5, not on dialysis, no diabetes (P12)
    CKD_WITH_DIABETES = "ckd-with-diabetes"  # stage 3-5, not on dialysis, diabetes (P12)
    CKD_G3_G5 = "ckd-g3-g5"  # stage G3-G5 (P13)
    DIALYSIS = "dialysis"  # on dialysis (P12)


@dataclass(frozen=True)
class Guideline:
    """A published range shown as information only (never as the reader's own target)."""

    group: KidneyGroup
    low: Decimal
    high: Decimal
    source: Source


# ---------------------------------------------------------------- protein: daily g/kg ranges

# P1: the RDA (0.8 g/kg) is the floor for every range; chronic intakes above 2.0 g/kg "should be
# avoided", so no range may go above it.
PROTEIN_FLOOR_G_PER_KG: Final = Decimal("0.8")
PROTEIN_CEILING_G_PER_KG: Final = Decimal("2.0")

# Healthy adults under 65 who do not train: from the RDA (P1) up to 1.0, the least PROT-AGE
# advises from 65 (P2). No trial sets a higher target for this group.
GENERAL_ADULT: Final = GramsPerKg(Decimal("0.8"), Decimal("1.0"), (Source.P1, Source.P2))
# Healthy adults aged 65 and over: at least 1.0-1.2 g/kg (PROT-AGE and ESPEN, P2).
OLDER_ADULT: Final = GramsPerKg(Decimal("1.0"), Decimal("1.2"), (Source.P2,))
# Strength training: at least 1.2 for active older adults (P3) up to the 1.6 plateau (P7,
# 1.62 g/kg). This is the source article's 1.2-1.6 (68 kg -> 82-109 g, not its 80-105 g).
TRAINING: Final = GramsPerKg(Decimal("1.2"), Decimal("1.6"), (Source.P3, Source.P7))
# Recovering from illness, surgery or injury: 1.2-1.5 (P4, PROT-AGE and ESPEN).
RECOVERING: Final = GramsPerKg(Decimal("1.2"), Decimal("1.5"), (Source.P4,))
# Kidney function unknown but diabetes or high blood pressure (at risk of CKD): no raised target
# until the kidneys are checked. KDIGO 2024's "avoid more than 1.3 g/kg" (P13) is a practice
# point, not a graded recommendation, so it is no basis for a raised personal target: the reader
# gets the general range for their age (GENERAL_ADULT or OLDER_ADULT) and the advice to ask for
# a kidney blood test (eGFR) first.

# From this age the older-adult ranges and per-meal amounts apply (PROT-AGE "> 65", P2; WHO
# "65 and over", E1; the form's label says "65 or over").
OLDER_ADULT_AGE: Final = 65

# ---------------------------------------------------------------- protein: per meal (grams)

# The per-meal amount is the day's range split over the meals, never below a floor: 25 g for
# older adults (the low end of English & Paddon-Jones' 25-30 g, P10), 20 g for other adults (the
# low end of ISSN's 20-40 g per serving, P8). Above 40 g a meal (ISSN's top end, P8) the reader
# is told to add protein-rich meals or snacks instead.
PER_MEAL_OLDER_G: Final = (25, 30)
PER_MEAL_ADULT_G: Final = (20, 40)
PER_MEAL_FLOOR_OLDER_G: Final = PER_MEAL_OLDER_G[0]
PER_MEAL_FLOOR_ADULT_G: Final = PER_MEAL_ADULT_G[0]
PER_MEAL_CEILING_G: Final = PER_MEAL_ADULT_G[1]
# A small eater (the floor at every meal would add up to more than the day's top end) spreads
# the day at about 0.4 g/kg a meal instead, so no meal carries the whole day. Common practice,
# not a finding for older adults: P9 (0.4 g/kg a meal) studied mostly young people who train;
# P11 (about 0.4 g/kg in older adults) is not yet checked. The page says "common practice".
SMALL_EATER_G_PER_KG_PER_MEAL: Final = Decimal("0.4")
# No meal is asked to carry the whole day: a reader who eats 1 meal is told to add at least one
# protein-rich snack or small meal (2 eating occasions at least; common practice).
MIN_PROTEIN_OCCASIONS: Final = 2

# ---------------------------------------------------------------- protein: high body weight (P14)

# With obesity (BMI 30 or more), weight-based targets overestimate need: the range is worked out
# on an adjusted weight = ideal + 0.25 x (actual - ideal) (ESPEN, P14), when the height is given.
OBESITY_BMI: Final = Decimal(30)
ADJUSTED_WEIGHT_FRACTION: Final = Decimal("0.25")
# Ideal body weight: the weight at a BMI of 25 (the top of the healthy range) for the reader's
# height. Common practice, not from P14 (which names no formula); it needs no sex, which the form
# does not ask (the Devine formula would).
IDEAL_BMI: Final = Decimal(25)
# Without a height, a weight from 85 kg gets a note that the range may be too high: BMI 30 at
# 1.68 m, about the average adult height. A trigger for a note, not evidence.
HIGH_WEIGHT_NOTE_FROM_KG: Final = Decimal(85)

# ---------------------------------------------------------------- protein: kidney guidelines

# Shown to people with kidney disease as information only: the guidelines disagree (KDOQI 2020,
# P12, vs KDIGO 2024, P13), so the calculator gives no personal number.
KIDNEY_GUIDELINES_CKD: Final = (
    Guideline(KidneyGroup.CKD_NO_DIABETES, Decimal("0.55"), Decimal("0.6"), Source.P12),
    Guideline(KidneyGroup.CKD_WITH_DIABETES, Decimal("0.6"), Decimal("0.8"), Source.P12),
    Guideline(KidneyGroup.CKD_G3_G5, Decimal("0.8"), Decimal("0.8"), Source.P13),
)
KIDNEY_GUIDELINES_DIALYSIS: Final = (
    Guideline(KidneyGroup.DIALYSIS, Decimal("1.0"), Decimal("1.2"), Source.P12),
)

# ---------------------------------------------------------------- units

# The international pound, exactly, by definition (1959): no rounding before the arithmetic.
KG_PER_LB: Final = Decimal("0.45359237")

# ---------------------------------------------------------------- input bounds (not evidence)

# Adults outside 30-250 kg need individual advice; outside it is likely a typo.
WEIGHT_KG: Final = Bound(30, 250, "kg")
# The kg bounds in whole pounds, rounded inwards so every accepted weight in pounds is within
# the kg bounds too (67 lb = 30.4 kg, 551 lb = 249.9 kg; 66 lb would be 29.9 kg).
WEIGHT_LB: Final = Bound(
    int((WEIGHT_KG.low / KG_PER_LB).to_integral_value(rounding=ROUND_CEILING)),
    int((WEIGHT_KG.high / KG_PER_LB).to_integral_value(rounding=ROUND_FLOOR)),
    "lb",
)
# Height, optional, in centimetres whatever the weight unit (one unit, no feet-and-inches
# parsing): adults outside 100-230 cm are very rare, so outside is likely a typo.
HEIGHT_CM: Final = Bound(100, 230, "cm")
# 5-17 is a real child or teenager (referred, not refused); below 5 or above 110 is a typo.
AGE_YEARS: Final = Bound(5, 110, "years")
# Adult guidelines (P1-P13, E1-E7) are written for adults; younger readers are referred.
ADULT_AGE: Final = 18
# Eating occasions a day; more than 8 is grazing, not meals to plan protein for.
MEALS_PER_DAY: Final = Bound(1, 8, "meals")
# Older adults average 2,000-9,000 steps a day (E6); above 50,000 is almost surely a typo.
STEPS_PER_DAY: Final = Bound(0, 50_000, "steps")
STRENGTH_DAYS: Final = Bound(1, 7, "days")  # days in a week
# Five full stands take several seconds even for fit young adults, so under 3 s is a typo; over
# 2 minutes is not five stands in a row (or minutes were typed).
CHAIR_STAND_SECONDS: Final = Bound(3, 120, "seconds")

# ---------------------------------------------------------------- exercise plan

# WHO 2020 (E1): muscle strengthening on at least 2 days a week.
WHO_MIN_STRENGTH_DAYS: Final = 2
# WHO 2020 (E1): multicomponent balance and strength on at least 3 days a week from 65.
BALANCE_DAYS_OLDER: Final = 3
BALANCE_AGE: Final = 65
# The source article's 2-3 balance days a week, lower end, for younger readers without a fall.
BALANCE_DAYS_YOUNGER: Final = 2
# ACSM 2009 (E3): 2-3 strength days a week; readers who need support to stand get at most 3
# whole-body days with rest between, so every muscle has time to recover.
MAX_STRENGTH_DAYS_NEEDS_SUPPORT: Final = 3
# At least one full rest day a week (the source article's plan); so 6 strength days at most.
MIN_REST_DAYS: Final = 1

# Paluch 2022 (E5): the mortality benefit of steps plateaus at 6,000-8,000 a day from 60,
# 8,000-10,000 below 60.
STEPS_OLDER_AGE: Final = 60
STEP_TARGET_OLDER: Final = (6_000, 8_000)
STEP_TARGET_YOUNGER: Final = (8_000, 10_000)
# Practice tools (E7): add about 500 steps a day each week.
STEP_WEEKLY_INCREASE: Final = 500
# Unknown baseline: start from 2,000, the low end of what older adults average (E6).
UNKNOWN_STEPS_BASELINE: Final = 2_000

# ---------------------------------------------------------------- muscle loss with age (a chart)

# English & Paddon-Jones 2010 (S1): adults lose about 3-8% of their muscle mass a decade from 30.
MUSCLE_LOSS_FROM_AGE: Final = 30
MUSCLE_LOSS_PER_DECADE_PERCENT: Final = (3, 8)
# Oikawa 2019 (S2): after 60, about 1% of muscle mass a year (faster than either end of S1).
MUSCLE_LOSS_FASTER_FROM_AGE: Final = 60
MUSCLE_LOSS_PER_YEAR_AFTER_60_PERCENT: Final = 1
# The chart stops at 90: not evidence, the age range the guide talks about.
MUSCLE_LOSS_CHART_END_AGE: Final = 90

# ---------------------------------------------------------------- self-check (SARC-F, chair stand)

# SARC-F (F1): five questions, each scored 0, 1 or 2 points, so a total of 0-10.
SARC_F_ITEM_POINTS: Final = (0, 1, 2)
# F1: a total of 4 or more is a positive screen (worth a strength assessment).
SARC_F_POSITIVE_SCORE: Final = 4
# F3 (corrected 2026-11-26): pooled over 7 studies (the 2018 JAMDA meta-analysis), SARC-F found
# about 21% of people with sarcopenia (about 1 in 5), and about 90% of people without it scored
# below 4, so a lower score does not rule it out. Corrected 2026-12-05: a score of 4 or more is
# not "fairly reliable" either (positive likelihood ratio about 2.2): it means real difficulty
# with everyday tasks, worth a strength check, not sarcopenia.
SARC_F_POOLED_SENSITIVITY_PERCENT: Final = 21
SARC_F_POOLED_SPECIFICITY_PERCENT: Final = 90
# F1: SARC-F was made for and tested in older adults; below this age the answer says so.
SARC_F_OLDER_AGE: Final = 60
# EWGSOP2 (S3, F2): five chair rises taking more than 15 s is low strength; exactly 15 s is not.
CHAIR_STAND_LOW_ABOVE_SECONDS: Final = Decimal(15)
# Chair-stand times are judged as shown: rounded half up to a tenth of a second (a stopwatch's
# precision), so 15.04 s shows and counts as 15.0 s.
CHAIR_STAND_DECIMAL_PLACES: Final = 1

# ---------------------------------------------------------------- physical function (issue 12)

# SPPB (M1, Guralnik 1994, the NIA protocol): each stand is held up to 10 s; the tandem stand
# scores 1 point from 3 s (2 points at 10 s). Each of the three parts scores 0-4.
SPPB_BALANCE_HOLD_SECONDS: Final = Decimal(10)
SPPB_TANDEM_PARTIAL_SECONDS: Final = Decimal(3)
SPPB_PART_MAX: Final = 4
SPPB_WALK_METRES: Final = Decimal(4)
# 4 m walk (M1): up to and including each time (rounded to hundredths), the points; slower
# than 8.70 s is 1 point (unable is 0).
SPPB_WALK_BANDS: Final = (
    (Decimal("4.81"), 4),
    (Decimal("6.20"), 3),
    (Decimal("8.70"), 2),
)
SPPB_WALK_SLOWEST_POINTS: Final = 1
# Five chair rises (M1): up to and including each time, the points; over 60 s or unable is 0.
# M1 writes the first band "< 11.19" and the next "11.20-13.69": with times in hundredths
# 11.19 must belong to one of them, and the NIA protocol puts it in the first (<= 11.19 s).
SPPB_CHAIR_BANDS: Final = (
    (Decimal("11.19"), 4),
    (Decimal("13.69"), 3),
    (Decimal("16.69"), 2),
    (Decimal("60"), 1),
)
# Vivifrail levels from the SPPB total (M3): 0-3 A, 4-6 B, 7-9 C, 10-12 D (the top of each).
VIVIFRAIL_LEVEL_TOPS: Final = (3, 6, 9, 12)
# Falls risk "+" (M3, M4): gait speed under 0.8 m/s.
FALLS_GAIT_SPEED_BELOW: Final = Decimal("0.8")

# ---------------------------------------------------------------- low weight (N1)

# N1: BMI under 18.5 is underweight (MUST); GLIM's low-BMI phenotype is under 20 below age 70
# and under 22 from 70. Without a height, a weight under 40 kg is low for almost any adult.
UNDERWEIGHT_BMI: Final = Decimal("18.5")
GLIM_LOW_BMI: Final = Decimal(20)
GLIM_LOW_BMI_OLDER: Final = Decimal(22)
GLIM_OLDER_AGE: Final = 70
LOW_WEIGHT_KG: Final = Decimal(40)

# Balance stands are entered in seconds held; each is timed up to 10 s, where the test stops (M1).
BALANCE_HOLD_SECONDS: Final = Bound(0, 10, "seconds")
# The 4 m walk at the usual pace: under 2 s is faster than a sprint over 4 m from standing
# (a typo); over 2 minutes is not a walk test (or minutes were typed).
WALK_4M_SECONDS: Final = Bound(2, 120, "seconds")

# ---------------------------------------------------------------- the 12-week programme (issue 12)

# The name on a printed plan (issue 16): long enough for a full name, short enough for one line.
PRINT_NAME_MAX_CHARS: Final = 60

# Strength days a week (M6: beginners 2-3; E3: 2-3): at most 3 for levels A-C; level D, active
# but out of practice, up to 4 with lower and upper body on alternate days (M6, E3 "2-3 per
# muscle group": 4 days of alternating halves is 2 per muscle group).
MAX_STRENGTH_DAYS_A_TO_C: Final = 3
MAX_STRENGTH_DAYS_D: Final = 4
# The programme's length: Vivifrail and Otago are programmes of weeks with re-tests (M3, M5);
# 12 weeks is the span over which strength gains show (D6, D7 "longer is better").
PROGRAMME_WEEKS: Final = 12
# Weeks 1-2 learn the moves: 1 set, easier versions (M6: start with 1 set when frail; E3 1-3).
LEARNING_WEEKS: Final = 2
# Re-test of the chair rise and balance stands (M1) every 4 weeks: common practice (Vivifrail
# re-assesses the level during its programme, M3; the interval is not in EVIDENCE).
RETEST_WEEKS: Final = (4, 8, 12)
# Sets per week, by track (M6: 1-3 sets; frail older adults and those just out of hospital
# start with 1 and stay at 1-2). The week each step up happens is common practice.
SETS_GENTLE: Final = (1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2)  # levels A, B, or after hospital
SETS_C: Final = (1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2)
SETS_D: Final = (1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3)
# Where in an exercise's own rep or hold range each week sits (E3: 8-12 reps): 0 = the low end
# (e.g. 8), 1 = low to middle (8-10), 2 = middle to top (10-12). Common practice schedule.
DOSE_STAGE_BY_WEEK: Final = (0, 0, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2)
# Level B's daily walking, in minutes: common practice (EVIDENCE has no minutes for frail
# walkers; E6 only says ~3,000 steps is about 30 minutes of moderate walking). Start at 5
# minutes a day, add 1 a week, up to 15.
WALK_MINUTES_START: Final = 5
WALK_MINUTES_WEEKLY_INCREASE: Final = 1
WALK_MINUTES_MAX: Final = 15
# A recent hospital stay: "in the past 3 months" (the form's wording; common practice, the
# span in which deconditioning after a stay is still recovering, D1, D5).
HOSPITAL_STAY_MONTHS: Final = 3

# How long a session takes, estimated from its exercises for the printout (issue 22). Common
# practice, not a study figure: about 4 seconds a rep (up, then down slowly over about three
# seconds, as the exercise steps say), 1 minute's rest between sets (E3: 1-3 minutes, its low
# end), half a minute to change exercise, rounded up to 5 minutes.
SESSION_SECONDS_PER_REP = 4
SESSION_REST_BETWEEN_SETS_S = 60
SESSION_CHANGEOVER_S = 30
SESSION_ROUND_TO_MINUTES = 5
