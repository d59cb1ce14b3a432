"""The protein answer as a reader sees it: the headline, the per-meal amount, the chart.

The calculator (`calculators.protein`) returns reasons and numbers; this module words them, for
the page, the command line and the wire (`wire`).
"""

from __future__ import annotations

from decimal import Decimal

from calculators import evidence
from calculators.evidence import GramsPerKg, KidneyGroup, Source
from calculators.present import charts, numbers
from calculators.present.plan import share_button
from calculators.present.triage import alert
from calculators.present.view import (
    Actions,
    Block,
    Button,
    Cell,
    Chart,
    Column,
    Line,
    Link,
    Paragraph,
    Row,
    Table,
    Value,
    View,
    common,
    source_name,
    source_path,
)
from calculators.protein import (
    CAUTION_SEVERITY,
    MealAdvice,
    ProteinCaution,
    ProteinNote,
    ProteinResult,
    ProteinWarning,
    WeightUnit,
)
from calculators.results import Alert, Status, round_half_up
from calculators.triage import Finding

NO_NUMBER = "No personal number for you here."


def per_meal_chart(result: ProteinResult) -> tuple[Chart, ...]:
    """The advised split, one bar per meal or added snack (none on a referral)."""
    if result.daily_g is None or result.per_meal_g is None:
        return ()
    svg = charts.protein_per_meal_chart(
        meals=result.meals_per_day,
        protein_meals=result.protein_meals or result.meals_per_day,
        occasions=max(result.meals_per_day, result.occasions or result.meals_per_day),
        daily_g=(result.daily_g.low, result.daily_g.high),
        per_meal_g=(result.per_meal_g.low, result.per_meal_g.high),
    )
    return (Chart("per_meal", svg),)


def view(result: ProteinResult) -> View:
    """The whole protein result."""
    blocks: list[Block] = []
    if (
        result.status is Status.OK
        and result.daily_g is not None
        and result.g_per_kg is not None
        and result.per_meal_g is not None
    ):
        blocks += [
            Paragraph(
                (
                    "Aim for ",
                    Value("daily_g", numbers.grams(result.daily_g.low, result.daily_g.high)),
                    " of protein a day (",
                    Value("g_per_kg", f"{_rate(result)} g per kg"),
                    ").",
                ),
                kind="headline",
            ),
            Paragraph(_per_meal_line(result)),
        ]
        advice = suggestion(result)
        if advice:
            blocks.append(Paragraph((advice,), kind="suggestion"))
    else:
        blocks.append(Paragraph((Value("status", NO_NUMBER),), kind="headline"))
    blocks += per_meal_chart(result)
    blocks += common(alerts(result), notes(result), tuple(s.value for s in result.sources))
    blocks.append(Actions((share_button(), Button("print", "Print this result"))))
    return View(tuple(blocks))


def wire(result: ProteinResult) -> dict[str, object]:
    """The result as the wire carries it: the calculator's numbers, its reasons worded."""
    return {
        **result.to_wire(),
        "suggestion": suggestion(result),
        "notes": list(notes(result)),
        "warnings": [shown.to_wire() for shown in alerts(result)],
    }


def suggestion(result: ProteinResult) -> str | None:
    """What to change when the reader's meals cannot carry the day's protein, in words."""
    if result.suggestion is None or result.per_meal_g is None or result.daily_g is None:
        return None
    meals = result.meals_per_day
    amount = numbers.grams(result.per_meal_g.low, result.per_meal_g.high)
    day = numbers.grams(result.daily_g.low, result.daily_g.high)
    count = (result.occasions or meals) - meals
    each = " each" if count > 1 else ""
    extra = numbers.plural(
        count, "protein-rich snack or small meal", "protein-rich snacks or small meals"
    )
    if result.suggestion is MealAdvice.ONE_MEAL:
        return (
            f"Rather than all of your {day} at one meal, have {amount} at your meal and add "
            f"{extra} of {amount}{each}."
        )
    return (
        f"Even at {evidence.PER_MEAL_CEILING_G} g a meal, your {meals} meals cannot carry "
        f"your {day} a day. Have {amount} at each meal and add {extra} of {amount}{each}."
    )


# The calculator's own cautions, in words (their severity is the calculator's).
_CAUTIONS: dict[ProteinCaution, str] = {
    ProteinCaution.KIDNEYS_UNCHECKED: (
        "Diabetes and high blood pressure can harm the kidneys without symptoms. Ask your doctor "
        "for a kidney blood test (eGFR) before you eat more protein. Until then, this is the "
        "general range for your age (P13)."
    ),
    ProteinCaution.KIDNEYS_UNCHECKED_RAISED: (
        "Diabetes and high blood pressure can harm the kidneys without symptoms. Ask your doctor "
        "for a kidney blood test (eGFR) before you eat more protein. Until then, this is the "
        "general range for your age, not the higher range for training or recovery (P13)."
    ),
    ProteinCaution.RECOVERING: (
        "You are recovering from an illness, surgery or injury: check this amount with your "
        "care team. Severe illness or injury may need more protein than this range (P4); a "
        "registered dietitian can work out your amount with you."
    ),
    ProteinCaution.ADJUSTED_WEIGHT: (
        "This range uses an adjusted weight, because your body mass index (BMI) is 30 or more "
        "(P14). A registered dietitian can tell you the right amount for you."
    ),
    ProteinCaution.MAYBE_HIGH_WEIGHT: (
        "If much of your weight is body fat, this range may be too high: it is worked out on "
        "your full weight (P14). Add your height to get a range worked out on an adjusted "
        "weight, or ask a registered dietitian."
    ),
    ProteinCaution.WEIGHT_LOSS: (
        "Losing weight without trying can be a sign of illness. See your doctor soon; a "
        "dietitian can help you eat enough."
    ),
    ProteinCaution.KIDNEY_DISEASE: (
        "Kidney disease changes how much protein is right for you, and the guidelines disagree, "
        "so we give no personal number: ask your kidney doctor or dietitian."
    ),
    ProteinCaution.UNDER_ADULT_AGE: (
        "This calculator is for adults. Children and teenagers are still growing and need their "
        "own advice: ask your doctor or a registered dietitian."
    ),
    ProteinCaution.PREGNANT_OR_BREASTFEEDING: (
        "Pregnancy and breastfeeding change how much protein you need: ask your doctor, midwife "
        "or a registered dietitian."
    ),
    ProteinCaution.LIVER_DISEASE: (
        "Liver disease changes how much protein is right for you: ask your doctor or a "
        "registered dietitian."
    ),
}


def alerts(result: ProteinResult) -> tuple[Alert, ...]:
    """The calculator's warnings in words, in its order (a triage finding as the table words it)."""
    return tuple(_alert(warning) for warning in result.warnings)


def _alert(warning: ProteinWarning) -> Alert:
    if isinstance(warning, Finding):
        return alert(warning)
    return Alert(CAUTION_SEVERITY[warning], _CAUTIONS[warning])


# The notes that need no number from the answer, in words.
_FIXED_NOTES: dict[ProteinNote, str] = {
    ProteinNote.TRAINING_LEVELS_OFF: (
        "The benefit of extra protein levels off around 1.6 g per kg (P7)."
    ),
    ProteinNote.OLDER_UNDER_65: (
        "The older-adult range is for people aged 65 or over, so this is the range for adults "
        "under 65 (P2)."
    ),
    ProteinNote.CEILING: "Eating more than 2.0 g per kg a day for a long time is not advised (P1).",
    ProteinNote.CKD_LIMIT: (
        "People with severe kidney disease who are not on dialysis may need to limit protein "
        "(P5), but only with their kidney team's advice."
    ),
    ProteinNote.TRANSPLANT_NO_AMOUNT: (
        "Our sources give no protein amount for people with a kidney transplant: your "
        "transplant team will tell you yours."
    ),
    ProteinNote.KIDNEY_TEAM: (
        "Do not cut or raise your protein on your own. A kidney diet is planned and checked by "
        "your kidney team, and eating too little protein can cost muscle: the kidney guidelines "
        "ask for more protein in frail older people (P13)."
    ),
    ProteinNote.ADULT_RANGES_ONLY: (
        "The adult ranges (P1) are for adults who are not pregnant or breastfeeding and have no "
        "kidney or liver disease."
    ),
    ProteinNote.SPREAD_OLDER: (
        f"Spread your protein over your meals: at least {evidence.PER_MEAL_FLOOR_OLDER_G} g at a "
        "meal helps older muscles most (P10)."
    ),
    ProteinNote.SPREAD_ADULT: (
        "Spread your protein over your meals: "
        f"{numbers.grams(*evidence.PER_MEAL_ADULT_G)} at a meal (P8)."
    ),
}


def notes(result: ProteinResult) -> tuple[str, ...]:
    """The calculator's notes in words, in its order."""
    return tuple(
        _FIXED_NOTES.get(note) or _note_with_numbers(note, result) for note in result.notes
    )


def _note_with_numbers(note: ProteinNote, result: ProteinResult) -> str:
    """A note that shows the reader's own numbers (the arithmetic, the BMI, the meals)."""
    answers = result.answers
    day = "" if result.daily_g is None else numbers.grams(result.daily_g.low, result.daily_g.high)
    if note is ProteinNote.SOME_MEALS:
        assert result.per_meal_g is not None
        return (
            f"Have {numbers.grams(result.per_meal_g.low, result.per_meal_g.high)} at "
            f"{result.protein_meals} of your {result.meals_per_day} meals, and eat your other "
            "meals as usual."
        )
    if note in {ProteinNote.SMALL_EATER_OLDER, ProteinNote.SMALL_EATER_ADULT}:
        older = note is ProteinNote.SMALL_EATER_OLDER
        floor = evidence.PER_MEAL_FLOOR_OLDER_G if older else evidence.PER_MEAL_FLOOR_ADULT_G
        return (
            f"{floor} g at every meal ({'P10' if older else 'P8'}) would add up to more than "
            f"your {day} a day, so spread it instead: about "
            f"{evidence.SMALL_EATER_G_PER_KG_PER_MEAL} g per kg at a meal, about "
            f"{result.small_eater_g} g for you. This is common practice, taken from studies in "
            "younger people who do strength training (P9)."
        )
    if note is ProteinNote.ADJUSTED_WEIGHT_EXPLAINED:
        return (
            f"The adjusted weight is your weight at a BMI of {evidence.IDEAL_BMI} (a common "
            "practice, not from a study) plus a quarter of the rest of your weight."
        )
    kg = f"{round_half_up(answers.weight_kg, 1)} kg"
    shown = kg if answers.unit is WeightUnit.KG else f"{answers.weight:f} lb = {kg}"
    rate = f"{_rate(result)} g per kg = {day} a day."
    adjusted = result.adjusted_weight_kg
    if note is ProteinNote.ADJUSTED_WEIGHT and adjusted is not None:
        return (
            f"Your weight ({shown}) and height ({answers.height_cm:f} cm) give a body mass "
            "index (BMI, weight for height) of "
            f"{round_half_up(answers.bmi or Decimal(0), 1)}. From a BMI of "
            f"{evidence.OBESITY_BMI}, a range worked out on your full weight would be too high, "
            f"so this one uses an adjusted weight of {round_half_up(adjusted, 1)} kg (P14). "
            f"{round_half_up(adjusted, 1)} kg × {rate}"
        )
    if note is ProteinNote.ARITHMETIC:
        return f"{shown} × {rate}"
    message = f"no words for the protein note {note.value!r}"
    raise ValueError(message)


def _per_meal_line(result: ProteinResult) -> Line:
    """The per-meal amount: at each meal, at some of them (`protein_meals`), or at the one meal.

    "At each of your 3 meals: 30 g", "At 2 of your 3 meals: 25 g" when the day is better put
    into fewer protein meals than the reader eats, "At your meal: 14–16 g" for one meal a day.
    """
    assert result.per_meal_g is not None
    meals = result.meals_per_day
    amount = Value("per_meal_g", numbers.grams(result.per_meal_g.low, result.per_meal_g.high))
    protein_meals = result.protein_meals or meals
    if meals == 1:
        return ("At your ", Value("meals_per_day", "one"), " meal: ", amount, ".")
    if protein_meals < meals:
        return (
            "At ",
            Value("protein_meals", str(protein_meals)),
            " of your ",
            Value("meals_per_day", str(meals)),
            " meals: ",
            amount,
            ".",
        )
    return ("At each of your ", Value("meals_per_day", str(meals)), " meals: ", amount, ".")


def _rate(result: ProteinResult) -> str:
    """The reader's g/kg range (the caller checked it is there)."""
    assert result.g_per_kg is not None
    return numbers.grams_per_kg(result.g_per_kg.low, result.g_per_kg.high)


# The guideline table on the protein page: each row one of the calculator's own ranges.
GUIDELINE_ROWS: tuple[tuple[str, GramsPerKg], ...] = (
    ("Healthy adults under 65", evidence.GENERAL_ADULT),
    ("Healthy adults 65 or over", evidence.OLDER_ADULT),
    ("Adults doing strength training (any adult age)", evidence.TRAINING),
    ("Recovering from an illness, surgery or injury", evidence.RECOVERING),
)
# The kidney guidelines' groups (`evidence.KIDNEY_GUIDELINES_*`), for the professionals' page
# only: the calculator never shows their ranges to a reader.
KIDNEY_GUIDELINE_GROUPS: dict[KidneyGroup, str] = {
    KidneyGroup.CKD_NO_DIABETES: "CKD stage 3–5, not on dialysis, no diabetes (KDOQI 2020)",
    KidneyGroup.CKD_WITH_DIABETES: "CKD stage 3–5, not on dialysis, with diabetes (KDOQI 2020)",
    KidneyGroup.CKD_G3_G5: "CKD stage G3–G5 (KDIGO 2024)",
    KidneyGroup.DIALYSIS: "On dialysis (KDOQI 2020)",
}
KIDNEY_ROW = (
    "Kidney disease, dialysis or a kidney transplant",
    "no personal number: ask your kidney doctor or dietitian",
    (Source.P5, Source.P12, Source.P13),
)


def source_links(sources: tuple[Source, ...]) -> Line:
    """Sources written out, each linked to its row on the References page."""
    parts: list[str | Link] = []
    for index, source in enumerate(sources):
        parts += ["; "] if index else []
        parts.append(Link(source_name(source.value), source_path(source.value)))
    return tuple(parts)


def guideline_table() -> Table:
    """The daily ranges the calculator uses, straight from `calculators.evidence`."""
    rows = [
        Row(
            label,
            (
                Cell((Paragraph((numbers.grams_per_kg(rates.low, rates.high),)),)),
                Cell((Paragraph(source_links(rates.sources)),)),
            ),
        )
        for label, rates in GUIDELINE_ROWS
    ]
    label, words, sources = KIDNEY_ROW
    rows.append(
        Row(label, (Cell((Paragraph((words,)),)), Cell((Paragraph(source_links(sources)),))))
    )
    columns = (
        Column("Group"),
        Column("Protein a day (grams per kg of body weight)"),
        Column("Sources"),
    )
    return Table(
        "The ranges the calculator uses", columns, tuple(rows), data=(("guidelines", "protein"),)
    )
