"""Forms as HTML: the shape of a form, and its serialiser.

A form (`Form`) is a calculator's declared fields (`calculators.fields`), each shown as a
`Field` (label, help, choices' words), alone or in a `Group`; each calculator's form is written
in `present.form_specs`, the words the page's script shows around it in `present.page_words`.
`form_html` renders a whole form for the site (the `calculator_form` macro, at build time);
`calendar_options` renders the calendar's time and reminder, the one form part an answer
carries, so its fields are written here, next to it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from calculators import fields, schedule
from calculators.evidence import Bound
from calculators.fields import Kind
from calculators.present import numbers
from calculators.present.escape import escape
from calculators.present.html import line as html_line
from calculators.present.query import ANSWERS_FRAGMENT
from calculators.present.view import Line
from calculators.schedule import Reminder


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
    # The page sends the record saved in this browser, not fields, and answers on opening
    # (the My progress page, issue 24: docs/javascripts/forms/record.mjs).
    record: bool = False

    @property
    def fields(self) -> tuple[Field, ...]:
        """Every field, in form order."""
        found: list[Field] = []
        for part in self.parts:
            found += part.fields if isinstance(part, Group) else (part,)
        return tuple(found)


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


def form_html(form: Form, root: str = "") -> str:
    """The calculator's form, its result area and the templates its script fills."""
    # Only the build renders a whole form: the page script's words load here, not at every
    # engine start, which renders only `calendar_options` (bench `engine_start_modules`).
    from calculators.present import page_words as words  # noqa: PLC0415

    prefix = form.calculator
    texts = _data("text-", words.ENGINE_TEXT)
    timer = _data("", words.TIMER_TEXT)
    body = "\n".join(
        _group(part, prefix, timer) if isinstance(part, Group) else _field(part, prefix)
        for part in form.parts
    )
    failure = (
        f"<template data-engine-failure{_data('reason-', words.FAILURE_REASONS)}>"
        '<div class="admonition rg-warning rg-stop" data-severity="stop" data-engine-failed>'
        f'<p class="admonition-title">{escape(words.FAILURE_TITLE)}</p><p data-reason></p>'
        f"<p>{escape(form.failure_hint)}</p>"
        '<p><button type="button" class="md-button" data-action="retry">'
        f"{escape(words.RETRY)}</button></p></div></template>"
    )
    link = (
        f"<template data-notice-template{_data('reason-', words.LINK_REASONS)}>"
        '<div class="admonition rg-warning rg-info" data-severity="info" data-link-notice '
        f'role="status"><p class="admonition-title">{escape(words.LINK_TITLE)}</p>'
        f"<p>{escape(words.LINK_INTRO)}</p><ul></ul></div></template>"
    )
    # Scripts off: the notice comes first and the form is hidden (extra.css, scripting: none),
    # so nobody fills in a form that cannot answer; the page's ready-made tables stay.
    return (
        '<noscript><div class="admonition info rg-noscript">'
        f'<p class="admonition-title">{escape(form.noscript[0])}</p>'
        f"<p>{html_line(form.noscript[1], root)}</p></div></noscript>\n"
        f'<form class="rg-calculator" data-calculator="{escape(prefix)}" '
        f'data-output="{escape(prefix)}-result" data-site-root="{escape(root)}"{texts} '
        f'data-link-fragment="{escape(ANSWERS_FRAGMENT)}" '
        f"{'data-record ' if form.record else ''}novalidate>\n"
        f"{body}\n"
        '<p class="rg-actions"><button type="submit" class="md-button md-button--primary" '
        f'data-ready-label="{escape(form.submit)}">{escape(form.submit)}</button></p>\n'
        '<p class="rg-status" data-engine-status role="status"></p>\n'
        f'<progress class="rg-progress" hidden aria-label="{escape(words.PROGRESS_LABEL)}">'
        "</progress>"
        '<span class="rg-progress-text" data-engine-progress hidden></span>\n'
        f"{failure}\n{link}\n"
        "</form>\n"
        # Not a live region: the answer's first line takes the focus (forms/answer.mjs), which reads
        # it once; the status line above is the form's one polite live region.
        f'<div id="{escape(prefix)}-result" class="rg-result"></div>'
    )


def _data(prefix: str, words: Mapping[str, str]) -> str:
    """Words as data attributes for the page's script: ` data-<prefix><key>="<words>"` each."""
    return "".join(f' data-{prefix}{key}="{escape(text)}"' for key, text in words.items())


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


def _group(group: Group, prefix: str, timer: str) -> str:
    """A group's fieldset, folded if asked; `timer` is the stopwatch's words as data attributes."""
    css = f' class="{escape(group.css)}"' if group.css else ""
    intro = f"<p>{escape(group.intro)}</p>\n" if group.intro else ""
    steps = (
        "<ol>" + "".join(f"<li>{escape(step)}</li>" for step in group.steps) + "</ol>\n"
        if group.steps
        else ""
    )
    fields = "\n".join(_field(field, prefix) for field in group.fields)
    stopwatch = (
        f'\n<div class="rg-timer" data-timer-for="{escape(group.timer_for)}"{timer}></div>'
        if group.timer_for
        else ""
    )
    fieldset = (
        f"<fieldset{css}>\n<legend>{escape(group.legend)}</legend>\n{intro}{steps}{fields}"
        f"{stopwatch}\n</fieldset>"
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
