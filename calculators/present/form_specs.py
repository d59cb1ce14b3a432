"""Each calculator's form: the words and layout around its declared fields.

A field's name, kind, bound, choices and default are declared once, by its calculator
(`calculators.fields`); here each gets its label, help and its choices' words, in the form's
order and groups. The site's form (`present.forms.form_html`, through the `calculator_form`
macro), the command line's options (`calculators.cli`) and the page's share links (which fill
the form's own controls) all come from these, so a new field is a one-place change. Only the
build and the command line read this module: the engine renders no whole form.
"""

from __future__ import annotations

from collections.abc import Mapping

from calculators import fields, protein, self_check
from calculators.plan import Ability
from calculators.plan import answers as plan
from calculators.present.field_words import NOT_FINISHED
from calculators.present.forms import Choice, Field, Form, Group
from calculators.present.plan_notes import LEVEL_SENTENCE
from calculators.present.view import Link
from calculators.protein import WeightUnit
from calculators.self_check import Item


def _choices(spec: fields.Field, labels: Mapping[str, str]) -> tuple[Choice, ...]:
    """The field's values in the order of `labels`; a label for no value of it is a bug."""
    unknown = set(labels) - set(spec.choices)
    if unknown:
        message = f"form choices {sorted(unknown)} are not values of {spec.name}"
        raise ValueError(message)
    return tuple(Choice(value, label) for value, label in labels.items())


def _flags(*pairs: tuple[fields.Field, str]) -> Group:
    return Group("Tick any that apply", tuple(Field(spec, label) for spec, label in pairs))


def _age(spec: fields.Field, label: str = "Your age (years)") -> Field:
    return Field(spec, label)


# The at-home SPPB's balance stands and walk (M1): the self-check asks them and hands them to
# the plan, whose form takes them too, with the same words (each calculator declares its own
# fields, with its own messages).
_STANDS = (
    ("side-by-side", "Feet side by side"),
    ("semi-tandem", "Half heel-to-toe"),
    ("tandem", "Heel-to-toe"),
)


def _balance_fields(specs: tuple[fields.Field, ...]) -> tuple[Field, ...]:
    return tuple(
        Field(
            spec,
            f"{words}: seconds held, up to 10 (leave empty if you did not try it)",
            slug=slug,
        )
        for spec, (slug, words) in zip(specs, _STANDS, strict=True)
    )


def _walk_field(spec: fields.Field) -> Field:
    return Field(
        spec,
        "Seconds to walk 4 m at your usual pace (leave empty if you did not do it)",
        slug="walk",
        size=6,
    )


_POINTS = {"0": "None", "1": "Some"}

PROTEIN = Form(
    calculator="protein",
    parts=(
        Field(
            protein.UNIT,
            "Weight unit",
            _choices(protein.UNIT, {"kg": "Kilograms (kg)", "lb": "Pounds (lb)"}),
        ),
        Field(
            protein.WEIGHT,
            "Your body weight",
            help=f"or {protein.WEIGHT_BOUNDS[WeightUnit.LB].allowed()}",
            size=8,
            unit_label=True,
        ),
        Field(
            protein.HEIGHT,
            "Your height in centimetres (optional: for a high body weight, it gives a better "
            "range)",
            slug="height",
            size=5,
        ),
        _age(protein.AGE),
        Field(
            protein.SITUATION,
            "Which fits you best?",
            _choices(
                protein.SITUATION,
                {
                    "general": "A healthy adult",
                    "older": "A healthy older adult (65 or over)",
                    "training": "Doing strength (resistance) training",
                    "recovering": "Recovering from an illness, surgery or injury",
                },
            ),
        ),
        Field(
            protein.KIDNEY,
            "Your kidneys",
            _choices(
                protein.KIDNEY,
                {
                    "none": "No known kidney disease",
                    "at-risk": "Not known, but I have diabetes or high blood pressure",
                    "ckd": "Chronic kidney disease (not on dialysis)",
                    "dialysis": "On dialysis",
                    "transplant": "Kidney transplant",
                },
            ),
        ),
        Field(protein.MEALS, "Meals a day", slug="meals", size=3),
        _flags(
            (protein.PREGNANT, "I am pregnant or breastfeeding"),
            (protein.LIVER, "I have liver disease"),
            (protein.WEIGHT_LOSS, "I have lost weight without trying"),
        ),
    ),
    submit="Work out my protein target",
    noscript=(
        "This calculator needs JavaScript.",
        (
            "Without it, use the guideline table below: multiply the range for your group by "
            "your weight in kilograms.",
        ),
    ),
    failure_hint="The guideline ranges on this page still apply: see the table below the form.",
    summary="daily and per-meal protein target",
)

PLAN = Form(
    calculator="plan",
    parts=(
        _age(plan.AGE),
        Field(
            plan.ABILITY,
            "Which sentence fits you best? (or enter your test results below)",
            tuple(Choice(ability.value, LEVEL_SENTENCE[ability.level]) for ability in Ability),
        ),
        Group(
            "Optional: your test results from the self-check page",
            (
                *_balance_fields(plan.BALANCE),
                _walk_field(plan.WALK),
                Field(
                    plan.CHAIR_RISE,
                    "Five chair rises without your arms: seconds",
                    slug="chair-rise",
                    size=6,
                ),
                Field(plan.CHAIR_RISE_UNABLE, "I could not do five chair rises without my arms"),
            ),
            intro=(
                "If you did the balance stands, the walk and the chair rises on the self-check "
                "page, enter what you measured. The plan scores them and uses the lower of that "
                "level and the sentence you picked, so it never asks more than you can do."
            ),
        ),
        Field(
            plan.STRENGTH_DAYS,
            "Days a week you can do strength exercises",
            tuple(Choice(days, days) for days in plan.STRENGTH_DAYS.choices),
            slug="days",
        ),
        Field(
            plan.STEPS,
            "Your steps a day now (leave empty if you don't know)",
            slug="steps",
            size=7,
        ),
        Field(
            plan.EQUIPMENT,
            "What else do you have? A sturdy chair, a clear wall and a kitchen counter or "
            "sturdy table are assumed (tick all that apply)",
            _choices(
                plan.EQUIPMENT,
                {
                    "step": "A low step or stair",
                    "mat": "An exercise mat",
                    "band": "A resistance band",
                    "dumbbells": "Dumbbells",
                    "gym-machine": "Gym machines",
                },
            ),
        ),
        Field(
            plan.LACKS,
            "Tick anything you do not have at home",
            _choices(
                plan.LACKS,
                {
                    "chair": "A sturdy chair",
                    "wall": "A clear wall",
                    "counter": "A kitchen counter or sturdy table",
                },
            ),
        ),
        Field(
            plan.FOCUS,
            "What matters most to you?",
            _choices(
                plan.FOCUS,
                {
                    "general": "General strength",
                    "legs": "Stronger legs",
                    "balance": "Better balance",
                },
            ),
        ),
        _flags(
            (plan.FLOOR_OK, "I can get down to the floor and up again safely on my own"),
            (plan.CHRONIC_CONDITION, "I have a long-term health condition"),
            (
                plan.RECENT_HOSPITAL_STAY,
                "I was in hospital or had surgery in the past 3 months",
            ),
            (plan.FALL_PAST_YEAR, "I had a fall in the past year"),
            (plan.FALL_WITH_INJURY, "A fall in the past year hurt me"),
            (plan.TWO_OR_MORE_FALLS, "I fell 2 or more times in the past year"),
            (plan.CANNOT_GET_UP, "After a fall I could not get up from the floor"),
            (plan.BLACKOUTS, "I have blacked out or fainted"),
            (
                plan.CHEST_PAIN_OR_FAINTING,
                "I get chest pain or feel faint when I exert myself",
            ),
            (plan.ONE_SIDE_LIMITS, "My physiotherapist has limits for one side"),
        ),
        Field(
            plan.PRINT_NAME,
            "Name for the printed plan and its calendar (optional; it stays on this page, never "
            "in a shared link)",
            size=24,
        ),
    ),
    submit="Build my plan",
    noscript=(
        "This plan builder needs JavaScript.",
        (
            "Without it, follow the ",
            Link("sample weekly plan", "guide/weekly-plan/"),
            " and the rules below.",
        ),
    ),
    failure_hint="The ready-made weeks at the end of this page still apply.",
    summary="a 12-week programme of strength, balance and walking",
)


def _question(item: Item, label: str, most: str, some: str = "Some") -> Field:
    spec = self_check.QUESTIONS[item]
    labels = {**_POINTS, "1": some, "2": most}
    return Field(spec, label, tuple(Choice(value, labels[value]) for value in spec.choices))


SELF_CHECK = Form(
    calculator="self-check",
    parts=(
        _question(
            Item.STRENGTH,
            "How much difficulty do you have lifting and carrying 4.5 kg (10 lb), such as a "
            "full shopping bag?",
            "A lot, or I can't",
        ),
        _question(
            Item.ASSISTANCE,
            "How much difficulty do you have walking across a room?",
            "A lot, I use a walking aid, or I can't",
        ),
        _question(
            Item.RISE,
            "How much difficulty do you have getting up from a chair or out of bed?",
            "A lot, or I can't without help",
        ),
        _question(
            Item.CLIMB,
            "How much difficulty do you have climbing a flight of 10 stairs?",
            "A lot, or I can't",
        ),
        _question(
            Item.FALLS,
            "How many times have you fallen in the past year?",
            "4 or more times",
            some="1 to 3 times",
        ),
        _age(self_check.AGE, "Your age in years (optional: it helps if you go on to build a plan)"),
        Group(
            "Optional: the chair-stand test",
            (
                Field(
                    self_check.CHAIR_STAND,
                    "Seconds for five stands (leave empty if you did not do the test)",
                    slug="chair-stand",
                    size=6,
                ),
                Field(self_check.CHAIR_STAND_UNABLE, NOT_FINISHED),
            ),
            intro=(
                "This test checks the strength of your legs. Only do it if you can stand up "
                "from a chair without help. Skip it if you feel unwell, or if standing up hurts."
            ),
            steps=(
                "Put a sturdy chair without wheels against a wall, so it cannot slide.",
                "Ask someone to stay near you, in case you lose your balance.",
                "Sit near the front of the seat, feet flat on the floor, arms crossed on your "
                "chest.",
                "Stand up fully and sit down again, five times, as quickly as you safely can. "
                "Do not use your arms.",
                'Your helper times it: they press Start on the timer below as they say "go", '
                "and Stop when you sit down after the fifth stand. Your arms stay crossed.",
                "If you cannot finish five stands without using your arms, stop, and tick "
                f'"{NOT_FINISHED}" below instead of entering a time.',
                "Stop straight away if you feel pain, dizzy or short of breath.",
            ),
            css="rg-chair-stand",
            fold=True,
            timer_for=self_check.CHAIR_STAND.name,
        ),
        Group(
            "Optional: three balance stands",
            _balance_fields(self_check.BALANCE),
            intro=(
                "These stands check your balance; the plan uses them to choose safe exercises. "
                "Only do them if you can stand on your own. Skip them if you feel unwell or dizzy."
            ),
            steps=(
                "Stand at a kitchen counter you can grab, with a sturdy chair right behind you.",
                "Ask someone to stay near you, in case you lose your balance.",
                "Stand with your feet side by side, touching. Let go of the counter, keeping "
                "your hands just above it, and hold for up to 10 seconds.",
                "If you held it 10 seconds: stand with the heel of one foot beside the big toe "
                "of the other (half heel-to-toe), and time it the same way.",
                "If you held that 10 seconds too: stand with one foot right in front of the "
                "other, heel touching toes (heel-to-toe), and time it.",
                "Hold the counter again as soon as you wobble: the time stops there. Stop "
                "after the first stand you cannot hold for 10 seconds.",
            ),
            css="rg-balance-stands",
            fold=True,
        ),
        Group(
            "Optional: the 4 m walk",
            (_walk_field(self_check.WALK),),
            intro=(
                "This test times your usual walking pace. Only do it if you can walk on your "
                "own, with your usual stick or frame if you use one."
            ),
            steps=(
                "Measure 4 metres (about 13 feet) on a clear, flat floor, along a kitchen "
                "counter or a wall you can hold if you need to, with a chair at the end.",
                "Ask someone to walk beside you, or stay near you, in case you lose your balance.",
                "Stand with your toes at the start line. Walk at your usual pace, not fast, "
                "past the end line.",
                'Time it from "go" until your first foot crosses the end line.',
                "Stop straight away if you feel pain, dizzy or short of breath.",
            ),
            css="rg-walk-test",
            fold=True,
            timer_for=self_check.WALK.name,
        ),
    ),
    submit="Check my answers",
    noscript=(
        "This check needs JavaScript to add up your answers.",
        ("Without it, score it by hand with the table below.",),
    ),
    failure_hint="You can still score it by hand with the table below the form.",
    summary="SARC-F questions, the chair-stand test, balance stands and a 4 m walk",
)


FORMS: Mapping[str, Form] = {form.calculator: form for form in (PROTEIN, PLAN, SELF_CHECK)}

# The My progress page (issue 24): no questions; it shows the record saved in this browser as
# soon as it opens, and its button draws it again. Not a calculator of the command line.
PROGRESS = Form(
    "progress",
    (),
    submit="Show my progress again",
    noscript=(
        "This page needs JavaScript: your saved results are kept and shown by your browser.",
        ("Without it, nothing can be saved or shown here. Your results are never sent to us.",),
    ),
    failure_hint="Your saved results are still in this browser: try again later.",
    summary="the results saved in this browser, over time",
    record=True,
)
