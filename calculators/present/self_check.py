"""The self-check answer as a reader sees it: the score, what it means, the hand-off to a plan."""

from __future__ import annotations

from calculators import evidence
from calculators.present import numbers
from calculators.present.forms import NOT_FINISHED
from calculators.present.plan import share_button
from calculators.present.query import ANSWERS_FRAGMENT, urlencode
from calculators.present.triage import HEADING
from calculators.present.view import Actions, Block, Button, Paragraph, Value, View, common
from calculators.results import Severity, Status
from calculators.self_check import Band, ChairStand, SelfCheckResult
from calculators.triage import Level

PLAN_PAGE = "tools/plan/"


def seconds(value: object) -> str:
    """A chair-stand time as measured, one decimal: "15.0 seconds"."""
    from decimal import Decimal  # noqa: PLC0415 - local: only this phrase needs it

    return f"{numbers.number(Decimal(str(value)), 1)} seconds"


def view(result: SelfCheckResult) -> View:
    """The whole self-check result."""
    test = result.chair_stand
    if result.status is Status.REFER:
        # Under 18: no score to read, as the other tools refer (the table's under-18 rule).
        return View(
            (
                *common(result.warnings, (), tuple(s.value for s in result.sources)),
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
                Value("band", result.band.label),
                f"; but your chair-stand test shows low leg strength: {Band.POSITIVE.label}."
                if low_legs
                else ".",
            ),
            kind="headline",
        ),
        Paragraph((result.meaning,)),
    ]
    if test is not None:
        blocks.append(chair_stand_line(test))
    blocks.append(Paragraph(("Next step: ", result.next_step), kind="suggestion"))
    blocks += common(result.warnings, result.notes, tuple(s.value for s in result.sources))
    buttons = [share_button(), Button("print", "Print this result")]
    # After a "stop" answer (four or more falls) the next step is the doctor, not a plan.
    if not any(alert.severity is Severity.STOP for alert in result.warnings):
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
