"""The words of every field error: one catalogue, keyed by the code a declaration names.

A field (`calculators.fields.Field`) names its words by a key (`Field.words`, e.g.
"protein.weight"); `FIELD_WORDS` holds the sentence for each key, and `field_error` writes in the
bound in force (`{low}`, `{high}`, `{unit}`) or the reader's other context. For a choice, the
words say what to choose ("kg or lb") and `choose_one`/`choose_any` list the choices after them.
The calculators name codes (`calculators.errors.FieldProblem`); `problem_error` words them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from calculators.errors import FieldError, FieldProblem, Problem
from calculators.evidence import Bound
from calculators.fields import Field

# What each SARC-F question asks, and what its 0, 1 and 2 points mean (F1), by the item's value.
# The self-check's error messages and the professionals' page (macros/professionals.py) read it.
SARC_F_ANSWERS: dict[str, tuple[str, str, str, str]] = {
    "strength": ("lifting and carrying 4.5 kg", "none", "some", "a lot, or unable"),
    "assistance": ("walking across a room", "none", "some", "a lot, uses aids, or unable"),
    "rise": ("getting up from a chair or bed", "none", "some", "a lot, or unable without help"),
    "climb": ("climbing 10 stairs", "none", "some", "a lot, or unable"),
    "falls": ("falls in the past year", "none", "1 to 3 falls", "4 or more falls"),
}
# The self-check's tick box for a chair-stand test not finished: its form
# (`present.form_specs`) shows it, and its answer and the test's steps quote it.
NOT_FINISHED = "I could not finish five stands without using my arms"
# The at-home SPPB's balance stands (M1), by their key: as the self-check and the plan name them.
_STANDS_SELF_CHECK = {
    "side_by_side": "feet side by side",
    "semi_tandem": "half heel-to-toe",
    "tandem": "heel-to-toe",
}
_STANDS_PLAN = {
    "side_by_side": "feet side by side",
    "semi_tandem": "half heel-to-toe (semi-tandem)",
    "tandem": "heel-to-toe (tandem)",
}

# Key (a declaration's `words`) -> its sentence; a choice's is what to choose.
FIELD_WORDS: dict[str, str] = {
    "age": "Enter your age in whole years, between {low} and {high}.",
    # protein
    "protein.unit": "kg or lb",
    "protein.weight": "Enter your weight as a number between {low} and {high} {unit}.",
    "protein.situation": "the situation that fits you best",
    "protein.kidney": "what you know about your kidneys",
    "protein.meals_per_day": (
        "Enter how many meals you eat a day: a whole number from {low} to {high}."
    ),
    "protein.height_cm": (
        "Enter your height in centimetres, between {low} and {high}, or leave it empty."
    ),
    # self-check
    **{
        f"self-check.{item}": (
            f"Choose an answer about {topic}: 0 ({none}), 1 ({some}) or 2 ({most})."
        )
        for item, (topic, none, some, most) in SARC_F_ANSWERS.items()
    },
    "self-check.chair_stand_seconds": (
        "Enter how many seconds the five stands took, from {low} to {high}, or leave it empty if "
        "you did not do the test."
    ),
    "self-check.age": "Enter your age in whole years, between {low} and {high}, or leave it empty.",
    **{
        f"self-check.balance_{key}_seconds": (
            f"Enter how many seconds you held the {stand} stand, from 0 to 10, or leave it empty."
        )
        for key, stand in _STANDS_SELF_CHECK.items()
    },
    "self-check.walk_4m_seconds": (
        "Enter the seconds your 4 m walk took, from 2 to 120, or leave it empty."
    ),
    # plan
    "plan.ability": "the sentence that fits you best",
    # No level is chosen for the reader (issue 21.5): a sentence or tests, not a guess.
    "plan.ability-or-tests": (
        "Choose the sentence that fits you best, or enter your test results below."
    ),
    **{
        f"plan.balance_{key}_seconds": (
            f"Enter how many seconds you held the {stand} stand, from 0 to 10 "
            "(10 if you held it the full 10 seconds), or leave it empty if you did not try it."
        )
        for key, stand in _STANDS_PLAN.items()
    },
    "plan.walk_4m_seconds": (
        "Enter the seconds your 4 m walk took, from 2 to 120, or leave it empty if you did not do "
        "it."
    ),
    "plan.chair_rise_seconds": (
        'Enter the seconds five chair rises took, from 3 to 120, or tick "I could not do five".'
    ),
    "plan.strength_days": (
        "Choose how many days a week you can do strength exercises, from {low} to {high}."
    ),
    "plan.steps_per_day": (
        "Enter your steps a day as a whole number from {low} to {high:,}, or leave it empty if "
        "you don't know."
    ),
    "plan.equipment": "what you have",
    "plan.lacks": "what you do not have at home",
    "plan.focus": "what matters most",
    "plan.print_name": (
        "Write the name for the printout in up to {max_chars} letters, or leave it empty."
    ),
    # the plan's calendar
    "calendar.session_time": (
        "Enter the time of your sessions as hours and minutes, between {earliest} and {latest}."
    ),
    "calendar.reminder": "a reminder",
    "calendar.start_date": (
        "Enter the first day of your plan as a date, year-month-day (for example 2025-01-06)."
    ),
}
# A tick box's words (every flag's: missing means no).
TICK_BOX = "Tick the box or leave it empty (true or false)."


def field_error(
    field: Field,
    bound: Bound | None = None,
    *,
    words: str = "",
    context: Mapping[str, object] | None = None,
) -> str:
    """The message for a bad value of `field`, with the bound in force written in.

    `bound` is another bound than the field's when one is in force (a weight in pounds);
    `words` names other words than the field's own; `context` fills their other blanks.
    """
    blanks: dict[str, object] = dict(context or {})
    within = bound or field.bound
    if within is not None:
        blanks.update(low=within.low, high=within.high, unit=within.unit)
    if field.max_chars:
        blanks.update(max_chars=field.max_chars)
    return FIELD_WORDS[words or field.words].format(**blanks)


def problem_error(problem: FieldProblem) -> FieldError:
    """A field's problem in the reader's words (with no declaration: its words key alone)."""
    declared = problem.declared
    blanks = dict(problem.blanks)
    allowed = problem.allowed
    if problem.problem is Problem.TICK_BOX:
        message = TICK_BOX
    elif declared is None:
        message = FIELD_WORDS[problem.words].format(**blanks)
    elif problem.problem is Problem.CHOOSE_ONE:
        message = choose_one(declared)
    elif problem.problem is Problem.CHOOSE_ANY:
        message = choose_any(declared)
    else:
        message = field_error(declared, problem.bound, words=problem.words, context=blanks)
        if problem.problem is Problem.TEXT:
            allowed = up_to_chars(declared.max_chars)
        elif problem.problem is Problem.LISTED:
            allowed = or_list(declared.choices)
    return FieldError(problem.field, message, allowed)


def choose_one(field: Field) -> str:
    """A one-choice field's message: what to choose, then its choices ("a, b or c")."""
    return f"Choose {FIELD_WORDS[field.words]}: {or_list(field.choices)}."


def choose_any(field: Field) -> str:
    """A several-choices field's message: what to choose, then its choices."""
    return f"Choose {FIELD_WORDS[field.words]} from: {', '.join(field.choices)}."


def up_to_chars(max_chars: int) -> str:
    """A text field's allowed length in short form."""
    return f"up to {max_chars} characters"


def or_list(values: Sequence[str]) -> str:
    """'a, b or c' for messages.

    >>> or_list(["0", "1", "2"]), or_list(["kg"])
    ('0, 1 or 2', 'kg')
    """
    return values[0] if len(values) == 1 else f"{', '.join(values[:-1])} or {values[-1]}"


__all__ = [
    "FIELD_WORDS",
    "NOT_FINISHED",
    "SARC_F_ANSWERS",
    "TICK_BOX",
    "choose_any",
    "choose_one",
    "field_error",
    "or_list",
    "problem_error",
    "up_to_chars",
]
