"""The plan's notes: effort, progression, balance safety, the tests score and what to expect."""

from __future__ import annotations

from calculators.function import FunctionLevel, level_for_score
from calculators.plan.answers import PlanInput
from calculators.plan.level import BETTER_SCORE, LEVEL_PLAN, LEVEL_SENTENCE, LevelAssessment
from calculators.steps import StepPlan

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


def score_notes(assessment: LevelAssessment, answers: PlanInput) -> list[str]:
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


def timeline(steps: StepPlan | None, level: FunctionLevel) -> tuple[str, ...]:
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
        "Weeks 4, 8 and 12: re-test your chair rises and balance stands. " + BETTER_SCORE[level],
        "Weeks 4–8: strength often improves; muscle size can take longer, especially with age.",
        "Week 12 and beyond: keep going. Longer programmes bring larger gains (D7); in trials "
        "of people over 50, strength rose by about a quarter to a third (D6).",
    )
