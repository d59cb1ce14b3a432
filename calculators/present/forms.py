"""Each calculator's form: the words and layout around its declared fields.

A field's name, kind, bound, choices and default are declared once, by its calculator
(`calculators.fields`); here each gets its label, help and its choices' words, in the form's
order and groups. The site's form (`form_html`, through the `calculator_form` macro), the
command line's options (`calculators.cli`) and the page's share links (which fill the form's
own controls) all come from these, so a new field is a one-place change. Every word the
page's script shows around a form (loading, failure, the link notice, the timer) is written
here as data attributes or templates.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from calculators import fields, protein, schedule, self_check
from calculators.evidence import Bound
from calculators.fields import Kind
from calculators.plan import Ability
from calculators.plan import answers as plan
from calculators.present import numbers
from calculators.present.escape import escape
from calculators.present.html import line as html_line
from calculators.present.plan_notes import LEVEL_SENTENCE
from calculators.present.query import ANSWERS_FRAGMENT
from calculators.present.view import Line, Link
from calculators.protein import WeightUnit
from calculators.schedule import Reminder
from calculators.self_check import Item


@dataclass(frozen=True)
class Choice:
    """One allowed value and the words the reader sees for it."""

    value: str
    label: str


@dataclass(frozen=True)
class Field:
    """How one declared field is shown: its label, its choices' words, help and size."""

    spec: fields.Field
    label: str
    choices: tuple[Choice, ...] = ()
    help: str = ""
    slug: str = ""  # the element id's end, when it differs from the name
    size: int = 5
    unit_label: bool = False  # the label ends with the chosen weight unit

    @property
    def name(self) -> str:
        """The wire's payload key."""
        return self.spec.name

    @property
    def kind(self) -> Kind:
        """How it is entered."""
        return self.spec.kind

    @property
    def bound(self) -> Bound | None:
        """The allowed range of a number."""
        return self.spec.bound

    @property
    def optional(self) -> bool:
        """Whether it may be left empty."""
        return self.spec.optional

    @property
    def default(self) -> str | tuple[str, ...] | None:
        """What the form starts with."""
        return self.spec.default

    @property
    def key(self) -> str:
        """The id's end: `slug`, else the name with dashes."""
        return self.slug or self.name.replace("_", "-")

    def allowed(self) -> str:
        """The allowed values in short form, for the command line's help."""
        if self.choices:
            return "one of: " + ", ".join(choice.value for choice in self.choices)
        return self.spec.allowed()


@dataclass(frozen=True)
class Group:
    """Fields shown together under a legend, with optional words and numbered steps first."""

    legend: str
    fields: tuple[Field, ...]
    intro: str = ""
    steps: tuple[str, ...] = ()
    css: str = ""
    timer_for: str = ""  # a stopwatch that fills this field
    # Folded under its legend, a tap away: the self-check's three optional tests would put
    # "Check my answers" many screens down at large text (issue 22).
    fold: bool = False


Part = Field | Group


@dataclass(frozen=True)
class Form:
    """A calculator's whole form, and the words around it."""

    calculator: str
    parts: tuple[Part, ...]
    submit: str
    noscript: tuple[str, Line]  # what needs JavaScript (in bold), then what to do without it
    failure_hint: str
    summary: str  # the command line's one-line description

    @property
    def fields(self) -> tuple[Field, ...]:
        """Every field, in form order."""
        found: list[Field] = []
        for part in self.parts:
            found += part.fields if isinstance(part, Group) else (part,)
        return tuple(found)


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
# The self-check's tick box for a chair-stand test not finished; the answer quotes it.
NOT_FINISHED = "I could not finish five stands without using my arms"

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


def reminder_time(reminder: Reminder) -> str:
    """How long before a session a reminder comes, in words: "15 minutes", "1 hour"."""
    minutes = reminder.minutes
    if minutes % 60 == 0:
        return numbers.plural(minutes // 60, "hour")
    return numbers.plural(minutes, "minute")


# The calendar's choices sit next to its button in the plan's answer (`calendar_options`): they
# only shape the calendar file, so the plan form stays as it was.
CALENDAR_FIELDS = (
    Field(
        schedule.SESSION_TIME,
        f"Time of each session, between {schedule.clock_words(schedule.EARLIEST_SESSION)} "
        f"and {schedule.clock_words(schedule.LATEST_SESSION)}",
        slug="session-time",
    ),
    Field(
        schedule.REMINDER,
        "Reminder",
        tuple(
            Choice(
                reminder.value,
                "No reminder" if reminder is Reminder.NONE else f"{reminder_time(reminder)} before",
            )
            for reminder in Reminder
        ),
    ),
)
CALENDAR_PREFIX = "plan-calendar"


def calendar_options(weeks: int) -> str:
    """A closed box under the buttons (a phone still shows the answer below them).

    Its summary says what the calendar file covers; inside are the time and reminder boxes.
    """
    fields = "\n".join(_field(field, CALENDAR_PREFIX) for field in CALENDAR_FIELDS)
    return (
        "<summary>Calendar time and reminder (the file covers all "
        f"{escape(numbers.plural(weeks, 'week'))}, from today)</summary>\n"
        f"<fieldset>\n{fields}\n</fieldset>\n"
    )


FORMS: Mapping[str, Form] = {form.calculator: form for form in (PROTEIN, PLAN, SELF_CHECK)}

# What the page's script says around every form: engine states and failures, shared links, the
# timer. Written once here; the script reads them from data attributes and templates.
# {mb} is the size of the first download in megabytes, {done} what has arrived so far.
ENGINE_TEXT = {
    "loading-button": "Calculator loading…",
    "loading": "Loading the calculator…",
    "loading-size": (
        "Loading the calculator. The first time, this downloads up to {mb} MB; after that it "
        "is saved on this device."
    ),
    "progress": "{done} of {mb} MB",
    "ready": "The calculator is ready.",
    "failed": "The calculator could not start.",
}
FAILURE_TITLE = "The calculator could not run"
FAILURE_REASONS = {
    "unsupported": "This browser cannot run the calculator (no Web Workers or WebAssembly).",
    "slow": (
        "The download stopped: nothing arrived for a while. The connection may be slow or offline."
    ),
    "start": (
        "The calculator could not be downloaded or started. The connection may have dropped."
    ),
    "crash": "The calculator stopped unexpectedly.",
    "late": "The calculator did not answer in time.",
}
RETRY = "Try again"
LINK_TITLE = "Some values in this link were left out"
LINK_INTRO = "The link you opened had values this page cannot use, so they were ignored:"
LINK_REASONS = {
    "unknown": "not a question on this page",
    "long": "too long",
    "choice": "an unknown choice",
    "flag": "not yes or no",
    "option": "not one of the choices",
}
TIMER_TEXT = {
    "start": "Start the timer",
    "stop": "Stop the timer",
    "again": "Start the timer again",
    "unit": "s",
}


def form_html(name: str, root: str = "") -> str:
    """The calculator's form, its result area and the templates its script fills."""
    form = FORMS[name]
    prefix = form.calculator
    texts = "".join(f' data-text-{key}="{escape(text)}"' for key, text in ENGINE_TEXT.items())
    body = "\n".join(_part(part, prefix) for part in form.parts)
    # Scripts off: the notice comes first and the form is hidden (extra.css, scripting: none),
    # so nobody fills in a form that cannot answer; the page's ready-made tables stay.
    return (
        '<noscript><div class="admonition info rg-noscript">'
        f'<p class="admonition-title">{escape(form.noscript[0])}</p>'
        f"<p>{html_line(form.noscript[1], root)}</p></div></noscript>\n"
        f'<form class="rg-calculator" data-calculator="{escape(prefix)}" '
        f'data-output="{escape(prefix)}-result" data-site-root="{escape(root)}"{texts} '
        f'data-link-fragment="{escape(ANSWERS_FRAGMENT)}" '
        "novalidate>\n"
        f"{body}\n"
        '<p class="rg-actions"><button type="submit" class="md-button md-button--primary" '
        f'data-ready-label="{escape(form.submit)}">{escape(form.submit)}</button></p>\n'
        '<p class="rg-status" data-engine-status role="status"></p>\n'
        '<progress class="rg-progress" hidden aria-label="Loading the calculator"></progress>'
        '<span class="rg-progress-text" data-engine-progress hidden></span>\n'
        f"{_failure_template(form)}\n{_link_template()}\n"
        "</form>\n"
        # Not a live region: the answer's first line takes the focus (forms/answer.mjs), which reads
        # it once; the status line above is the form's one polite live region.
        f'<div id="{escape(prefix)}-result" class="rg-result"></div>'
    )


def _failure_template(form: Form) -> str:
    reasons = "".join(
        f' data-reason-{key}="{escape(text)}"' for key, text in FAILURE_REASONS.items()
    )
    return (
        f"<template data-engine-failure{reasons}>"
        '<div class="admonition rg-warning rg-stop" data-severity="stop" data-engine-failed>'
        f'<p class="admonition-title">{escape(FAILURE_TITLE)}</p><p data-reason></p>'
        f"<p>{escape(form.failure_hint)}</p>"
        f'<p><button type="button" class="md-button" data-action="retry">{escape(RETRY)}</button>'
        "</p></div></template>"
    )


def _link_template() -> str:
    reasons = "".join(f' data-reason-{key}="{escape(text)}"' for key, text in LINK_REASONS.items())
    return (
        f"<template data-notice-template{reasons}>"
        '<div class="admonition rg-warning rg-info" data-severity="info" data-link-notice '
        f'role="status"><p class="admonition-title">{escape(LINK_TITLE)}</p>'
        f"<p>{escape(LINK_INTRO)}</p><ul></ul></div></template>"
    )


def _part(part: Part, prefix: str) -> str:
    if isinstance(part, Group):
        return _group(part, prefix)
    return _field(part, prefix)


def _error_slot(field: Field, prefix: str) -> str:
    ident = f"{prefix}-{field.key}-error"
    return (
        f'<p class="rg-field-error" id="{escape(ident)}" data-error-for="{escape(field.name)}" '
        "hidden></p>"
    )


def _field(field: Field, prefix: str) -> str:
    ident = f"{prefix}-{field.key}"
    error = f"{ident}-error"
    if field.kind in (Kind.RADIO, Kind.CHECKS):
        kind = "radio" if field.kind is Kind.RADIO else "checkbox"
        chosen = _defaults(field)
        boxes = "\n".join(
            f'<label><input type="{kind}" name="{escape(field.name)}" '
            f'value="{escape(choice.value)}"{" checked" if choice.value in chosen else ""}> '
            f"{escape(choice.label)}</label>"
            for choice in field.choices
        )
        css = ' class="rg-units"' if field.name == "unit" else ""
        return (
            f'<fieldset{css} aria-describedby="{escape(error)}">\n'
            f"<legend>{escape(field.label)}</legend>\n{boxes}\n{_error_slot(field, prefix)}\n"
            "</fieldset>"
        )
    if field.kind is Kind.FLAG:
        return (
            f'<label><input type="checkbox" name="{escape(field.name)}" value="true"> '
            f"{escape(field.label)}</label>"
        )
    unit = " (<span data-unit-label>kg</span>)" if field.unit_label else ""
    label = f'<label for="{escape(ident)}">{escape(field.label)}{unit}</label>'
    if field.kind is Kind.SELECT:
        options = "".join(
            f'<option value="{escape(choice.value)}"'
            f"{' selected' if choice.value == field.default else ''}>"
            f"{escape(choice.label)}</option>"
            for choice in field.choices
        )
        control = (
            f'<select id="{escape(ident)}" name="{escape(field.name)}" '
            f'aria-describedby="{escape(error)}">{options}</select>'
        )
    elif field.kind is Kind.TEXT:
        # data-private: the page leaves it out of share links (javascripts/forms/share-links.mjs).
        control = (
            f'<input id="{escape(ident)}" name="{escape(field.name)}" type="text" '
            f'maxlength="{field.spec.max_chars}" autocomplete="off" data-private '
            f'aria-describedby="{escape(error)}" size="{field.size}">'
        )
    elif field.kind is Kind.TIME:
        value = f' value="{escape(field.default)}"' if isinstance(field.default, str) else ""
        control = (
            f'<input id="{escape(ident)}" name="{escape(field.name)}" type="time"{value} '
            f'step="60" autocomplete="off" aria-describedby="{escape(error)}">'
        )
    else:
        mode = "decimal" if field.kind is Kind.NUMBER else "numeric"
        value = f' value="{escape(field.default)}"' if isinstance(field.default, str) else ""
        control = (
            f'<input id="{escape(ident)}" name="{escape(field.name)}" type="text" '
            f'inputmode="{mode}"{value} autocomplete="off" aria-describedby="{escape(error)}" '
            f'size="{field.size}">'
        )
    return f'<div class="rg-field">\n{label}\n{control}\n{_error_slot(field, prefix)}\n</div>'


def _group(group: Group, prefix: str) -> str:
    css = f' class="{escape(group.css)}"' if group.css else ""
    intro = f"<p>{escape(group.intro)}</p>\n" if group.intro else ""
    steps = (
        "<ol>" + "".join(f"<li>{escape(step)}</li>" for step in group.steps) + "</ol>\n"
        if group.steps
        else ""
    )
    fields = "\n".join(_field(field, prefix) for field in group.fields)
    timer = ""
    if group.timer_for:
        texts = "".join(f' data-{key}="{escape(text)}"' for key, text in TIMER_TEXT.items())
        timer = f'\n<div class="rg-timer" data-timer-for="{escape(group.timer_for)}"{texts}></div>'
    fieldset = (
        f"<fieldset{css}>\n<legend>{escape(group.legend)}</legend>\n{intro}{steps}{fields}"
        f"{timer}\n</fieldset>"
    )
    if not group.fold:
        return fieldset
    # The summary says what is inside; the legend stays for screen readers (extra.css).
    return (
        f'<details class="rg-fold">\n<summary>{escape(group.legend)}</summary>\n{fieldset}\n'
        "</details>"
    )


def _defaults(field: Field) -> tuple[str, ...]:
    if field.default is None:
        return ()
    return (field.default,) if isinstance(field.default, str) else field.default
