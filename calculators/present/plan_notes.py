"""The plan's level, notes and cautions in words: each reason of `calculators.plan.notes` worded.

One home per note (issue 23): the page, the command line, the printout and the calendar read these.
"""

from __future__ import annotations

from collections.abc import Sequence

from calculators.function import FALLS_TRIGGER_RULE, FunctionLevel, SppbTest, level_for_score
from calculators.plan import HomeSupport, PlanNote, PlanResult, WalkGoal, Walking
from calculators.plan.notes import (
    Caution,
    KitCaution,
    KitReason,
    Milestone,
    Note,
    PlanWarning,
    RetestNote,
    ScoreNote,
    ScoreReason,
    StepsNote,
    StepsReason,
    StrengthCapNote,
)
from calculators.present import numbers, triage
from calculators.present.view import Block, Paragraph, Value
from calculators.results import Alert, Severity
from calculators.triage import Finding

# Each level (M3) in the reader's words (the sentences of the form), and what it changes.
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
BETTER_SCORE = {
    FunctionLevel.A: "A tests score of 4 or more (level B) would add exercises standing at a "
    "counter and a daily walking time.",
    FunctionLevel.B: "A tests score of 7 or more (level C) would add standing exercises without "
    "holding on, up to 2 sets and a daily step goal.",
    FunctionLevel.C: "A tests score of 10 or more (level D) would allow up to 4 strength days, 3 "
    "sets and the hardest versions.",
    FunctionLevel.D: "You are at the top level: a faster time means the harder versions are due.",
}

# Each level as a start, in the reader's words (Vivifrail A–D, M3): what the plan therefore does
# is `LEVEL_PLAN`.
LEVEL_START = {
    "A": "the gentlest start",
    "B": "a supported start",
    "C": "a steady start",
    "D": "the fullest start",
}
PLUS_MEANS = (
    "The “+” after the level means a higher risk of falling: the plan adds balance work on "
    "every day but the rest day, always holding on, and suggests a falls assessment."
)
TESTS_SCORE_MEANS = "out of 12; higher means stronger"


def level_blocks(result: PlanResult) -> tuple[Block, ...]:
    """What the reader's tests (or her own choice) show, and what the plan therefore does.

    Her tests or her choice first, in her words; never a first-person sentence she did not pick
    (issue 22). The "+" is explained where it shows.
    """
    assessment = result.assessment
    if assessment is None:
        return ()
    letter = assessment.level.value
    what = LEVEL_PLAN[assessment.level]
    what = what[0].lower() + what[1:]
    named = (Value("level", assessment.label), f", {LEVEL_START[letter]}: {what}")
    score = assessment.score
    tests = ""
    if score is not None:
        points = f"{score.low}" if score.complete else f"{score.low} to {score.high}"
        tests = f"your tests (score {points} {TESTS_SCORE_MEANS})"
    chosen = assessment.chosen
    measured = level_for_score(score.low) if score is not None else None
    if chosen is not None and chosen is assessment.level:
        allowed = f", and {tests} allow it:" if tests else " That puts you at"
        lead: tuple[str | Value, ...] = (f"You chose “{LEVEL_SENTENCE[chosen]}”{allowed} ", *named)
    elif measured is assessment.level:
        lead = (f"{tests[0].upper()}{tests[1:]} put you at ", *named)
    else:  # set by a safety rule (blackouts: seated until a doctor has checked); notes say why
        lead = ("Your plan starts at ", *named)
    blocks: list[Block] = [Paragraph(lead, kind="headline")]
    if assessment.falls:
        # The reasons are the triage's sentences ("You walk slower … seconds)."): mid-sentence here.
        clauses = [
            triage.sign(FALLS_TRIGGER_RULE[trigger]).text().rstrip(".")
            for trigger in assessment.falls
        ]
        because = "; and ".join(clause[:1].lower() + clause[1:] for clause in clauses)
        blocks.append(Paragraph((f"Extra balance work, because {because}. {PLUS_MEANS}",)))
    return tuple(blocks)


NOTE_WORDS = {
    Note.EFFORT: "The last 2–3 reps of each set should feel hard, but keep good form (E3).",
    Note.PROGRESSION: (
        "When you can do 1–2 reps more than the top of the range in two sessions running, make "
        "it a little harder: add 2–10% more weight, or move to the harder version (E3)."
    ),
    Note.SEATED_BALANCE: (
        "Do the seated balance exercises in a sturdy chair without wheels, with your feet flat "
        "and someone nearby the first few times."
    ),
    Note.BALANCE: (
        "Do balance exercises next to a kitchen counter you can hold, with a sturdy chair "
        "behind you, and someone nearby if you are unsure (M5)."
    ),
    Note.WITH_SOMEONE: (
        "Have someone with you for standing balance work until a physiotherapist says you can "
        "do it alone."
    ),
    Note.HOLDS_LEFT_OUT: (
        "Holds that tense a muscle without moving (a wall sit, planks) are left out: they raise "
        "blood pressure, and after a hospital stay, with blackouts or with a risk of falls they "
        "wait until a doctor or physiotherapist says they are safe for you (common practice)."
    ),
    Note.GENTLE_SETS: "Sets start at 1 and rise to 2 from week 7 (M6).",
    Note.SLEEP_OLDER: "Sleep 7–8 hours a night if you are 65 or over, 7–9 hours if younger (E8).",
    Note.SLEEP: "Sleep 7–9 hours a night (E8).",
    Note.LEARN_WEEK: "Learn the moves: 1 set, the easier versions, slowly and with good form.",
    Note.WALK_MINUTES: (
        "Walking time starts at 5 minutes a day and rises 1 minute a week to 15 "
        "(common practice): count your steps first, so you can see your progress."
    ),
    Note.WALK_MORE_STEPS: (
        "Walking: a few more steps each day than now, counted first, with the help you "
        "need. A step number is not set while you need help to walk."
    ),
    Note.REST_DAY: (
        "Rest: no strength or balance work today. A short, easy walk and gentle stretching are "
        "fine."
    ),
    Note.REST_BETWEEN_SETS: "Rest 1–3 minutes between sets (E3).",
    Note.WHO_TWO_DAYS: (
        "The WHO advises strength work on at least 2 days a week (E1): add a second day when "
        "you can."
    ),
    Note.FALLS_BALANCE: (
        "Because of your risk of falling, the plan has balance work on every day but the "
        "rest day, always holding on (M3)."
    ),
    Note.AFTER_HOSPITAL: (
        "After your hospital stay, sets start at 1 and the hardest versions are left out (M6)."
    ),
    Note.NO_DOCTOR_NEEDED: (
        "Healthy older adults who build up gradually do not need to see a doctor first (E4)."
    ),
    Note.NO_PLAN_NOTHING_SAFE: "No plan is shown: an empty plan would not help you.",
    Note.NO_PLAN_ASK_FIRST: "No plan is shown until you have asked first.",
}


def strength_cap_text(note: StrengthCapNote) -> str:
    """Why the plan has fewer strength days than asked for (M6, E3)."""
    return (
        f"At level {note.level.value}, {note.cap} strength days a week with rest days between "
        "are plenty: your muscles grow stronger while they rest (M6, E3)."
    )


def walk_text(goal: WalkGoal) -> str:
    """A week's walking goal in words (week 1 says to count steps first)."""
    first_week = goal.week == 1
    if goal.kind is Walking.MORE_STEPS:
        first = "first count the steps you take in a day (or ask your helper to); then " * (
            first_week
        )
        return f"Walking: {first}each day walk a few more steps than now, with the help you need."
    if goal.kind is Walking.MINUTES:
        first = "count your steps on 3 ordinary days first; then walk" if first_week else "walk"
        return (
            f"Walking: {first} {goal.minutes} minutes a day in all, in short walks if you like, "
            "with your stick or frame (common practice)."
        )
    return f"Walking: about {goal.steps_per_day:,} steps a day."


def steps_text(note: StepsNote) -> str:
    """A step goal note in words (E5–E7)."""
    steps = note.steps
    if note.reason is StepsReason.BASELINE_ASSUMED:
        return (
            f"You did not give your steps, so the plan starts from {steps.baseline:,} a day, "
            "the low end of what older adults walk (E6). Count your steps for a few days with "
            "a phone or pedometer and enter them for a better start."
        )
    return (
        f"Steps: the benefit levels off at {steps.target_low:,}–{steps.target_high:,} a day "
        "for your age (E5); add about 500 a day each week (E7)."
    )


# Who is beside the reader for a re-test, by level (A and B need help to stand).
RETEST_HELPER = {
    FunctionLevel.A: "only with your physiotherapist or carer beside you",
    FunctionLevel.B: "only with someone beside you",
}
RETEST_HELPER_OTHERS = "with someone nearby if you are unsure"


def retest_text(note: RetestNote) -> str:
    """A re-test week's note: the tests, with whom, and what a better score would add."""
    helper = RETEST_HELPER.get(note.level, RETEST_HELPER_OTHERS)
    return (
        "Re-test this week: time five chair rises and the three balance stands on the "
        f"self-check page, with a counter to hold, a chair behind you and {helper}; then "
        f"enter the numbers in this plan. {BETTER_SCORE[note.level]}"
    )


def score_text(note: ScoreNote) -> str:
    """A tests score note in words (M1)."""
    assessment = note.assessment
    score = assessment.score
    if note.reason is ScoreReason.BLACKOUTS:
        return (
            f"{assessment.label}: {LEVEL_PLAN[assessment.level]} Because you have blacked out, "
            "the plan is the seated programme until your doctor has checked you."
        )
    if note.reason is ScoreReason.ALLOWS_MORE and note.allowed is not None:
        allowed = note.allowed
        return (
            f"Your tests allow level {allowed.value}, more than the sentence you chose: if "
            f'"{LEVEL_SENTENCE[allowed]}" fits you, choose it for a plan at that level.'
        )
    assert score is not None  # a measured note always has its score
    if score.complete:
        measured = f"Your tests score is {score.low} of 12, from the balance stands, the 4 m walk"
        measured += " and the chair rises; higher means stronger (M1)"
    else:
        missing = missing_words(score.missing)
        measured = (
            f"Without {missing}, your tests score is somewhere from {score.low} to "
            f"{score.high} of 12, higher means stronger (M1): the plan uses the lower end. Do "
            f"{missing} to make it exact"
        )
    chosen = assessment.chosen
    said = ""
    if chosen is not None and chosen is not assessment.level:
        said = f" (you chose level {chosen.value}; the plan uses the lower one)"
    return f"{measured}{said}."


def note_text(note: PlanNote) -> str:
    """One of the plan's notes in words."""
    if isinstance(note, Note):
        return NOTE_WORDS[note]
    if isinstance(note, ScoreNote):
        return score_text(note)
    if isinstance(note, RetestNote):
        return retest_text(note)
    if isinstance(note, StepsNote):
        return steps_text(note)
    return strength_cap_text(note)


def note_lines(notes: tuple[PlanNote, ...]) -> tuple[str, ...]:
    """Several notes in words, in their order."""
    return tuple(note_text(note) for note in notes)


def timeline_lines(result: PlanResult) -> tuple[str, ...]:
    """What to expect, in plain words, without promising what the evidence does not."""
    steps = result.steps
    level = result.assessment.level if result.assessment is not None else None
    lines = []
    for milestone in result.timeline:
        if milestone is Milestone.LEARN:
            lines.append(
                "Weeks 1–2: learn the moves with the easier versions. Some muscle soreness a "
                "day or two later is normal and fades."
            )
        elif milestone is Milestone.WALKING_ALREADY and steps is not None:
            lines.append(
                f"You already walk {steps.baseline:,} steps a day: keep it up; up to "
                f"{steps.target_high:,} still helps (E5)."
            )
        elif milestone is Milestone.WALKING_TARGET and steps is not None:
            lines.append(
                f"Week {steps.weeks_to_target}: about {steps.target_low:,} steps a day, if you "
                "add about 500 each week (E5, E7)."
            )
        elif milestone is Milestone.RETEST and level is not None:
            lines.append(
                "Weeks 4, 8 and 12: re-test your chair rises and balance stands. "
                + BETTER_SCORE[level]
            )
        elif milestone is Milestone.STRENGTH:
            lines.append(
                "Weeks 4–8: strength often improves; muscle size can take longer, especially "
                "with age."
            )
        elif milestone is Milestone.KEEP_GOING:
            lines.append(
                "Week 12 and beyond: keep going. Longer programmes bring larger gains (D7); in "
                "trials of people over 50, strength rose by about a quarter to a third (D6)."
            )
    return tuple(lines)


# The plan's own cautions (issue 22), its one catalogue of them; the triage table's findings are
# worded by `present.triage`. A physiotherapist's check when it helps, and limits on one side:
# the plan cannot know which moves were cleared, so it says to skip the rest.
CAUTION_WORDS = {
    Caution.PHYSIO_CHECK: (
        "A physiotherapist can check these exercises with you: ask your doctor or practice to "
        "refer you, and take this plan along."
    ),
    Caution.ONE_SIDE_LIMITS: (
        "Your physiotherapist has limits for one side: skip anything not cleared for that side, "
        "and show them this plan."
    ),
}
LACKING_WORDS = {
    HomeSupport.CHAIR: "a sturdy chair",
    HomeSupport.WALL: "a clear wall",
    HomeSupport.COUNTER: "a kitchen counter or sturdy table",
}


def lacking_text(caution: KitCaution) -> str:
    """What the reader said they lack, in words ("a sturdy chair and a clear wall")."""
    said = [LACKING_WORDS[item] for item in caution.lacks]
    return " and ".join(said) if said else "some of the equipment"


def kit_text(caution: KitCaution) -> str:
    """Why some days (or all) lack exercises, and who can fill the gap (a physiotherapist)."""
    if caution.reason is KitReason.SHORT_DAYS:
        return (
            "Some days have fewer exercises than they should: nothing else in our library is safe "
            f"for your level without {lacking_text(caution)}. {CAUTION_WORDS[Caution.PHYSIO_CHECK]}"
        )
    return (
        "Nothing in our exercise library is safe for your level without "
        f"{lacking_text(caution)}. A physiotherapist can suggest exercises that fit you: "
        "ask your doctor or practice to refer you."
    )


def alert(warning: PlanWarning) -> Alert:
    """One of the plan's warnings in words: a triage finding as the table words it, or a caution."""
    if isinstance(warning, Finding):
        return triage.alert(warning)
    if isinstance(warning, KitCaution):
        return Alert(Severity.CAUTION, kit_text(warning))
    return Alert(Severity.CAUTION, CAUTION_WORDS[warning])


def alerts(result: PlanResult) -> tuple[Alert, ...]:
    """The plan's warnings in words, most urgent first (the calculator's order)."""
    return tuple(alert(warning) for warning in result.warnings)


# The at-home SPPB's parts as a sentence names them.
SPPB_TEST_WORDS = {
    SppbTest.BALANCE: "the balance stands",
    SppbTest.WALK: "the 4 m walk",
    SppbTest.CHAIR: "the chair rises",
}


def missing_words(tests: Sequence[SppbTest]) -> str:
    """The tests not done as one phrase: "the 4 m walk and the chair rises"."""
    gaps = [SPPB_TEST_WORDS[test] for test in tests]
    return numbers.and_list(gaps)
