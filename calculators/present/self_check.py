"""The self-check answer as a reader sees it: the score, what it means, the hand-off to a plan.

`calculators.self_check` decides what applies (a band, a `NextStep`, `Note`s, `Caution`s, the
triage findings) with its numbers; every sentence about them is here, and so is the wire's
`result` (`wire`), which carries the same words.
"""

from __future__ import annotations

from decimal import Decimal

from calculators import evidence
from calculators.present import numbers
from calculators.present.field_words import NOT_FINISHED
from calculators.present.plan import share_button
from calculators.present.query import ANSWERS_FRAGMENT, urlencode
from calculators.present.record_buttons import CHECK, appointment_button, save_button
from calculators.present.triage import HEADING, alert, call_numbers, sign
from calculators.present.view import Actions, Block, Button, Paragraph, Value, View, common
from calculators.results import Alert, Severity, Status, round_half_up
from calculators.self_check import (
    Band,
    Caution,
    ChairStand,
    Item,
    NextStep,
    Note,
    SelfCheckResult,
)
from calculators.triage import FALLS_HIGH_TIER, Box, Finding, Level, RuleId, rules_in

PLAN_PAGE = "tools/plan/"


# Each band in the reader's words (never "low risk": a lower score does not rule loss out, F3).
BAND_LABEL = {
    Band.POSITIVE: "worth a check with your doctor",
    Band.BELOW_CUT_OFF: "below the cut-off",
}


def seconds(value: object) -> str:
    """A chair-stand time as measured, one decimal: "15.0 seconds"."""
    return f"{numbers.number(Decimal(str(value)), 1)} seconds"


def view(result: SelfCheckResult) -> View:
    """The whole self-check result."""
    test = result.chair_stand
    alerts = warnings(result)
    if result.status is Status.REFER:
        # Under 18: no score to read, as the other tools refer (the table's under-18 rule).
        return View(
            (
                *common(alerts, (), tuple(s.value for s in result.sources)),
                Actions((share_button(), Button("print", "Print this result"))),
            )
        )
    # The most serious finding of all tests and answers leads (the triage table's order).
    lead: tuple[str | Value, ...] = ()
    if result.headline is not None and result.headline is not Level.GOOD_TO_KNOW:
        lead = ("Most important: ", Value("triage", HEADING[result.headline]), ". ")
    # The headline follows both results: a score below the cut-off never stands alone in bold
    # above a chair-stand result that shows low leg strength (issue 16).
    low_legs = test is not None and test.low_strength and result.band is Band.BELOW_CUT_OFF
    blocks: list[Block] = [
        Paragraph(
            (
                *lead,
                # Named apart from the plan's tests score, with its direction (issue 22).
                "Your questions score: ",
                Value("score", f"{result.score} out of 10"),
                " (higher means more signs of muscle loss) — ",
                Value("band", BAND_LABEL[result.band]),
                f"; but your chair-stand test shows low leg strength: {BAND_LABEL[Band.POSITIVE]}."
                if low_legs
                else ".",
            ),
            kind="headline",
        ),
        Paragraph((meaning(result),)),
    ]
    if test is not None:
        blocks.append(chair_stand_line(test))
    blocks.append(Paragraph(("Next step: ", next_step(result)), kind="suggestion"))
    blocks += common(alerts, notes(result), tuple(s.value for s in result.sources))
    buttons = [share_button(), Button("print", "Print this result")]
    buttons += [save_button(CHECK), appointment_button()]
    # After a "stop" answer (four or more falls) the next step is the doctor, not a plan.
    if not any(each.severity is Severity.STOP for each in alerts):
        buttons.append(
            Button(
                "build-plan",
                "Build a plan from this",
                # In the fragment: the answers never reach a server (present/query.py).
                href=f"{PLAN_PAGE}#{ANSWERS_FRAGMENT}{handoff_query(result)}",
                primary=True,
            )
        )
    blocks.append(Actions(tuple(buttons)))
    return View(tuple(blocks))


def chair_stand_line(test: ChairStand) -> Paragraph:
    """The chair-stand result in one line; a time set aside for "not finished" is named."""
    limit = numbers.number(evidence.CHAIR_STAND_LOW_ABOVE_SECONDS)
    if test.seconds is None:
        aside = (
            ()
            if test.set_aside is None
            else (
                f" You also entered {seconds(test.set_aside)}: to be safe, this check counts "
                "the test as not finished. If you did finish all five stands, untick "
                f'"{NOT_FINISHED}" and check again.',
            )
        )
        return Paragraph(
            (
                "Chair-stand test: ",
                Value("chair_stand", "not finished"),
                " (five stands without using your arms: low leg strength).",
                *aside,
            )
        )
    return Paragraph(
        (
            "Chair-stand test: ",
            Value("chair_stand", seconds(test.seconds)),
            f" (slower than {limit} seconds: low leg strength)." if test.low_strength else ".",
        )
    )


def handoff_query(result: SelfCheckResult) -> str:
    """The plan form's answers as a query (false and unknown values are left out)."""
    prefill = result.plan_prefill.to_wire()
    pairs = [
        (name, "true" if value is True else str(value))
        for name, value in prefill.items()
        # Identity, not ==: a balance hold of 0 s (0 == False) is an answer and must be kept.
        if value is not None and value is not False and value != ""
    ]
    return urlencode(pairs)


def wire(result: SelfCheckResult) -> dict[str, object]:
    """The result as plain JSON-ready values (the wire's `result`), its words included."""
    return {
        "status": result.status.value,
        "score": result.score,
        "items": {item.value: result.points[item] for item in Item},
        "positive_screen": result.band is Band.POSITIVE,
        "band": result.band.value,
        "band_label": BAND_LABEL[result.band],
        "chair_stand": None if result.chair_stand is None else result.chair_stand.to_wire(),
        "meaning": meaning(result),
        "next_step": next_step(result),
        "notes": list(notes(result)),
        "warnings": [each.to_wire() for each in warnings(result)],
        "sources": [source.value for source in result.sources],
        "plan_prefill": result.plan_prefill.to_wire(),
        "headline": None if result.headline is None else result.headline.value,
    }


def meaning(result: SelfCheckResult) -> str:
    """What the score (and the chair-stand time) says, in plain words."""
    score, test = result.score, result.chair_stand
    cutoff = evidence.SARC_F_POSITIVE_SCORE
    if result.band is Band.POSITIVE:
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


def next_step(result: SelfCheckResult) -> str:
    """What to do next: when to see a doctor and what to ask for (F2)."""
    test = result.chair_stand
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
    # Without a falls-assessment step, the falls finding says it, above the next step.
    if result.next_step is NextStep.FALLS_ASSESSMENT:
        return (
            f"See your doctor soon and ask for a falls assessment. Talk to them about {assessment}"
        )
    if result.next_step is NextStep.STRENGTH_ASSESSMENT:
        return f"Talk to your doctor about {assessment}"
    if result.next_step is NextStep.CHAIR_STAND_TEST:
        return (
            "A score below the cut-off does not rule muscle loss out, so do the "
            "chair-stand test next if you can do it safely: it checks the strength of your "
            "legs. If you are worried about your strength, talk to your doctor anyway: ask for "
            "a grip-strength test or a chair-stand test."
        )
    return (
        "Keep active with strength and balance exercise, and do this check again "
        "if everyday tasks get harder. If you are worried about your strength, talk to your "
        "doctor anyway: ask for a grip-strength test."
    )


def notes(result: SelfCheckResult) -> tuple[str, ...]:
    """What every reader should know about this check, and about every test measured."""
    return tuple(_note(note, result) for note in result.notes)


_CUT_OFF = evidence.SARC_F_POSITIVE_SCORE
# The notes that need no number of the reader's.
NOTE_WORDS = {
    Note.FIRST_CHECK: (
        "These questions are a first check, not a diagnosis (F3). They miss most people who "
        "have sarcopenia (muscle loss with age): across several studies they found only "
        f"about {evidence.SARC_F_POOLED_SENSITIVITY_PERCENT} in 100 of them, about 1 in 5. "
        f"So a score below {_CUT_OFF} does not rule muscle loss out. A score of {_CUT_OFF} or "
        "more is not a diagnosis either: most people who score that high do not have "
        "sarcopenia, but they do have real difficulty with everyday tasks, and a strength "
        "check is worth having."
    ),
    Note.UNDER_OLDER_AGE: (
        f"You are under {evidence.SARC_F_OLDER_AGE}: these questions and their cut-offs "
        "were made for and tested in older adults, so read your result with care."
    ),
    Note.BALANCE_HELD: "You held the feet-together stand for the full 10 seconds (M1).",
    Note.CHAIR_STAND_NOT_TIMED: (
        "You did not time the chair-stand test. It is a quick check of leg strength that "
        "adds to these questions."
    ),
    Note.RED_FLAGS: (
        "Whatever your score, see a doctor soon if your muscles are getting weaker over weeks, "
        "if only one side is weak, or if the weakness comes with numbness, tingling, pain, "
        "twitching, or trouble speaking or swallowing. Sudden weakness or numbness is an "
        f"emergency: call an ambulance on {call_numbers()} (NICE NG42, NG127)."
    ),
}


def _note(note: Note, result: SelfCheckResult) -> str:
    """One note in the reader's words; the walk's notes name its time and speed."""
    walk = result.walk_4m_seconds
    if note is Note.WALK_SLOW and walk is not None:
        return (
            f"{walk_words(walk)}. Under 0.8 metres a second is slow: a "
            "sign for a physiotherapist, and in the European guidance on muscle loss it "
            "marks muscle loss, where there is any, as severe (S3)."
        )
    if note is Note.WALK_NOT_SLOW and walk is not None:
        return f"{walk_words(walk)}. That is 0.8 metres a second or faster: not slow (S3)."
    return NOTE_WORDS[note]


def warnings(result: SelfCheckResult) -> tuple[Alert, ...]:
    """The triage findings in the table's words (most urgent first), then the cautions."""
    triaged = tuple(alert(finding, _finding_detail(finding, result)) for finding in result.findings)
    return (*triaged, *(_caution(caution, result) for caution in result.cautions))


def _caution(caution: Caution, result: SelfCheckResult) -> Alert:
    """One of the self-check's own cautions in the reader's words."""
    test = result.chair_stand
    if caution is Caution.POSITIVE_SCORE:
        return Alert(
            Severity.CAUTION,
            f"A score of {result.score} is at or above the cut-off of "
            f"{evidence.SARC_F_POSITIVE_SCORE}: talk to your doctor about a muscle-strength "
            "assessment (F1, F2).",
        )
    if caution is Caution.CHAIR_STAND_SLOW and test is not None and test.seconds is not None:
        return Alert(
            Severity.CAUTION,
            f"Five chair stands in {numbers.number(test.seconds, 1)} seconds is slower than "
            f"{numbers.number(evidence.CHAIR_STAND_LOW_ABOVE_SECONDS)} seconds: a sign of low "
            "leg strength (S3). Talk to your doctor about it.",
        )
    return Alert(
        Severity.CAUTION,
        "Not being able to finish five chair stands without using your arms is a sign of "
        "low leg strength (S3). Talk to your doctor about it.",
    )


def _finding_detail(finding: Finding, result: SelfCheckResult) -> str:
    """What this check measured that fired the rule, in the reader's numbers."""
    rule = finding.rule.id
    if rule is RuleId.SLOW_WALK and result.walk_4m_seconds is not None:
        return f"{walk_words(result.walk_4m_seconds)}: slow."
    if rule is RuleId.BALANCE_NOT_HELD and result.side_by_side_seconds is not None:
        held = numbers.number(result.side_by_side_seconds, 1)
        return f"You held the feet-together stand for {held} of 10 seconds."
    if rule is RuleId.ONE_FALL:
        return (
            f"You fell 1 to 3 times in the past year. If {_falls_signs()}, ask your doctor for "
            "a falls assessment."
        )
    if rule is RuleId.TWO_OR_MORE_FALLS:
        return "Your answer to the falls question: 4 or more falls in the past year."
    return ""


def walk_words(seconds: Decimal) -> str:
    """The 4 m walk as time and speed: "Your 4 m walk took 6.0 seconds: 0.67 metres a second"."""
    speed = round_half_up(evidence.SPPB_WALK_METRES / seconds, 2)
    return (
        f"Your 4 m walk took {numbers.number(seconds, 1)} seconds: "
        f"{numbers.number(speed, 2)} metres a second"
    )


def _falls_signs() -> str:
    """The falls-assessment signs (the triage table's M4 high tier) as one clause."""
    signs = [
        sign(rule).key.rstrip(".:,").lower()
        for rule in rules_in(Box.FALLS)
        if rule.id in FALLS_HIGH_TIER
    ]
    return f"{', '.join(signs[:-1])}, or {signs[-1]}"
