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

Each job has its module: `answers` (the reader's answers), `level`, `selection`, `days`,
`walking`, `notes`, `cautions` (safety), `programme` (`weekly_plan`) and `result` (the typed
result); this package re-exports what other modules use.
"""

from __future__ import annotations

from calculators.function import level_for_score
from calculators.plan.answers import Ability, Focus, HomeSupport, PlanInput
from calculators.plan.days import REST_DAY, WEEK_LAYOUTS, strength_day_cap
from calculators.plan.level import LevelAssessment, assess
from calculators.plan.notes import Milestone, Note, ScoreNote, ScoreReason
from calculators.plan.programme import weekly_plan
from calculators.plan.result import (
    DAY_NAMES,
    DayKind,
    Dose,
    Muscles,
    PlanDay,
    PlannedExercise,
    PlanNote,
    PlanResult,
    PlanWeek,
    WalkGoal,
    Walking,
    span_text,
)
from calculators.plan.selection import allowed, isometric_hold

__all__ = [
    "DAY_NAMES",
    "REST_DAY",
    "WEEK_LAYOUTS",
    "Ability",
    "DayKind",
    "Dose",
    "Focus",
    "HomeSupport",
    "LevelAssessment",
    "Milestone",
    "Muscles",
    "Note",
    "PlanDay",
    "PlanInput",
    "PlanNote",
    "PlanResult",
    "PlanWeek",
    "PlannedExercise",
    "ScoreNote",
    "ScoreReason",
    "WalkGoal",
    "Walking",
    "allowed",
    "assess",
    "isometric_hold",
    "level_for_score",
    "span_text",
    "strength_day_cap",
    "weekly_plan",
]
