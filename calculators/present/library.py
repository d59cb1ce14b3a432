"""Build-time views as HTML: the exercise library, the guide's sample week, answers without JS.

Tables, lists, cards, the contact sheet and the index; the protein tables and sample programmes
that `macros/static_answers.py` computes with the calculators. Build time only: no answer
imports this module. The macros (`macros/__init__.py`) choose the exercises and call these
views. Everything is block-level HTML with every value escaped: Python-Markdown leaves a raw HTML
block alone, so a `|`, `<`, `*` or `&` in the data can neither break a table nor turn into
markup. MkDocs does not rewrite links inside raw HTML, so links to exercise cards are made
relative to the page being rendered here (`Links`). Tables have at most three short columns, so
they fit a 360 px phone.
"""

from __future__ import annotations

import posixpath
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from calculators.exercises import Category, Equipment, Exercise, Level
from calculators.present import html
from calculators.present.escape import escape
from calculators.present.figure import move_figure
from calculators.present.numbers import plural, span
from calculators.present.view import Block

CATEGORY_LABELS = {
    Category.LOWER_BODY: "Lower body",
    Category.UPPER_BODY: "Upper body",
    Category.FULL_BODY: "Whole body",
    Category.CORE: "Core",
    Category.BALANCE: "Balance",
    Category.MOBILITY: "Mobility",
}
LEVEL_LABELS = {Level.START: "Start", Level.BUILD: "Build", Level.STRONG: "Strong"}
LEVEL_HINTS = {
    Level.START: "the gentlest versions, many with something to hold",
    Level.BUILD: "for when the start versions feel easy",
    Level.STRONG: "the hardest versions here",
}
EQUIPMENT_LABELS = {
    Equipment.NONE: "Nothing",
    Equipment.CHAIR: "Chair",
    Equipment.WALL: "Wall",
    Equipment.COUNTER: "Counter",
    Equipment.STEP: "Step",
    Equipment.BAND: "Resistance band",
    Equipment.DUMBBELLS: "Dumbbells",
    Equipment.GYM_MACHINE: "Gym machine",
    Equipment.MAT: "Mat",
}


def site_root(page_url: str) -> str:
    """The way from a page back to the site root: "../../" from tools/plan/, "" from home.

    >>> site_root("tools/plan/"), site_root("")
    ('../../', '')
    """
    back = posixpath.relpath("/", f"/{posixpath.dirname(page_url)}")
    return "" if back == "." else f"{back}/"


def relative_url(target: str, page_url: str) -> str:
    """`target` as a link written on the page at `page_url` (both site-relative).

    >>> relative_url("guide/exercises/", "faq/")
    '../guide/exercises/'
    >>> relative_url("guide/exercises.html", "guide/weekly-plan.html")
    'exercises.html'
    """
    relative = posixpath.relpath(f"/{target}", f"/{posixpath.dirname(page_url)}")
    if relative == ".":
        return "./"
    return f"{relative}/" if target.endswith("/") else relative


@dataclass(frozen=True)
class Links:
    """Links to exercise cards as seen from the page being rendered.

    Both URLs are site-relative, as MkDocs writes `page.url`: `""` for the home page,
    `guide/weekly-plan/` (or `guide/weekly-plan.html` without directory URLs).
    """

    page_url: str
    library_url: str

    def exercise(self, exercise_id: str) -> str:
        """The href of an exercise's card on the library page."""
        if self.page_url == self.library_url:
            return f"#{exercise_id}"
        return f"{relative_url(self.library_url, self.page_url)}#{exercise_id}"

    @property
    def root(self) -> str:
        """The way from the page back to the site root (`site_root`)."""
        return site_root(self.page_url)


# ---------------------------------------------------------------- small pieces


def dose_text(exercise: Exercise) -> str:
    """How much to do, in words: `1–3 sets of 8–12 reps on each side`."""
    dose = exercise.dose
    if dose.reps is not None:
        text = f"{span(*dose.sets)} sets of {span(*dose.reps)} reps"
    else:
        assert dose.hold_seconds is not None  # the schema requires one of the two
        text = f"{span(*dose.sets)} sets, holding for {span(*dose.hold_seconds)} seconds"
    return f"{text} on each side" if dose.per_side else text


def equipment_text(exercise: Exercise) -> str:
    """What an exercise needs, in words: `Resistance band, chair`."""
    words = [EQUIPMENT_LABELS[item] for item in exercise.equipment_listed]
    return ", ".join([words[0], *(word.lower() for word in words[1:])])


def _link(exercise: Exercise, links: Links, attributes: str = "") -> str:
    """The exercise's name, linking to its card (`attributes`: extra, already-escaped HTML)."""
    href = escape(links.exercise(exercise.id))
    return f'<a href="{href}"{attributes}>{escape(exercise.name)}</a>'


def _data_attributes(exercise: Exercise) -> str:
    """`data-*` attributes that describe an exercise to scripts and styles."""
    return (
        f'data-category="{escape(exercise.category)}" data-level="{escape(exercise.level)}" '
        f'data-equipment="{escape(" ".join(exercise.equipment_listed))}"'
    )


def _table(headers: Sequence[str], rows: Sequence[str]) -> str:
    """An HTML table; header texts are escaped, rows (`<tr>…</tr>`) must already be HTML."""
    head = "".join(f'<th scope="col">{escape(header)}</th>' for header in headers)
    body = "\n".join(rows)
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"


def _facts(rows: Sequence[tuple[str, str]]) -> str:
    """Labelled lines in one paragraph (compact on a phone); values must already be HTML."""
    return "<p>" + "<br>\n".join(f"<strong>{escape(k)}:</strong> {v}" for k, v in rows) + "</p>"


def drawing(exercise: Exercise, links: Links, drawn: Collection[str]) -> str:
    """The exercise's start → end drawing, named by its how-to line ("" if it is not drawn)."""
    if exercise.id not in drawn:
        return ""
    return move_figure(exercise.id, exercise.how or exercise.name, links.root)


# ---------------------------------------------------------------- exercises


def exercise_table(exercises: Sequence[Exercise], links: Links) -> str:
    """A table of exercises (name linking to its card, level, what it needs)."""
    rows = [
        f"<tr><td>{_link(e, links)}</td><td>{escape(LEVEL_LABELS[e.level])}</td>"
        f"<td>{escape(equipment_text(e))}</td></tr>"
        for e in exercises
    ]
    return _table(("Exercise", "Level", "You need"), rows)


def exercise_list(exercises: Sequence[Exercise], links: Links) -> str:
    """A bulleted list of exercises: name linking to its card, body area, level, equipment."""
    items = "\n".join(
        f"<li {_data_attributes(e)}>{_link(e, links)} "
        f"({escape(CATEGORY_LABELS[e.category].lower())}; "
        f"{escape(LEVEL_LABELS[e.level].lower())} level; "
        f"you need: {escape(equipment_text(e).lower())})</li>"
        for e in exercises
    )
    return f'<ul class="rg-exercise-list">\n{items}\n</ul>'


def exercise_card(
    exercise: Exercise,
    links: Links,
    library: Mapping[str, Exercise],
    drawn: Collection[str] = (),
) -> str:
    """An exercise's full card; its heading's id is the exercise id, so links can land on it.

    Variation links carry `data-variation="easier"` or `"harder"`. Under the heading, the
    drawing of the exercise when `drawn` has it.
    """
    anchor = escape(exercise.id)
    facts = _facts(
        [
            ("Level", escape(LEVEL_LABELS[exercise.level])),
            ("You need", escape(equipment_text(exercise))),
            ("Muscles worked", escape(", ".join(exercise.muscles))),
            ("How much", escape(dose_text(exercise))),
        ]
    )
    steps = "\n".join(f"<li>{escape(step)}</li>" for step in exercise.steps)
    variations = [
        (f"{kind.title()} version", _link(library[target], links, f' data-variation="{kind}"'))
        for kind, target in (("easier", exercise.easier), ("harder", exercise.harder))
        if target
    ]
    return (
        f'<div class="rg-exercise" {_data_attributes(exercise)}>\n'
        f'<h3 id="{anchor}">{escape(exercise.name)}'
        f'<a class="headerlink" href="#{anchor}" title="Link to this exercise">&para;</a></h3>\n'
        f"{drawing(exercise, links, drawn)}{facts}\n"
        f"<p><strong>How to do it:</strong></p>\n<ol>\n{steps}\n</ol>\n"
        + (f"{_facts(variations)}\n" if variations else "")
        + '<div class="admonition warning">\n<p class="admonition-title">Safety</p>\n'
        f"<p>{escape(exercise.safety)}</p>\n</div>\n</div>"
    )


def exercise_cards(
    exercises: Sequence[Exercise],
    links: Links,
    library: Mapping[str, Exercise],
    drawn: Collection[str] = (),
) -> str:
    """Several cards, one after the other."""
    return "\n\n".join(exercise_card(exercise, links, library, drawn) for exercise in exercises)


def exercise_drawings(
    groups: Sequence[tuple[Category, Sequence[Exercise]]], links: Links, drawn: Collection[str]
) -> str:
    """The contact sheet: every exercise's start and end drawing, by body area, for review.

    Each name links to its card; an exercise without a drawing says so, so a gap shows. An
    empty body area is left out.
    """
    sections = []
    for category, chosen in groups:
        if not chosen:
            continue
        cells = "\n".join(
            f'<div class="rg-sheet-cell" data-exercise="{escape(e.id)}">'
            f"<p>{_link(e, links)} <code>{escape(e.id)}</code></p>"
            + (drawing(e, links, drawn) or "<p><em>Not drawn yet.</em></p>")
            + "</div>"
            for e in chosen
        )
        title = escape(CATEGORY_LABELS[category])
        sections.append(
            f'<h2 id="{escape(category)}">{title}</h2>\n<div class="rg-sheet">\n{cells}\n</div>'
        )
    return "\n\n".join(sections)


def exercise_index(
    groups: Sequence[tuple[Level | Equipment, Sequence[Exercise]]], links: Links
) -> str:
    """Collapsible groups of exercise links, one per level or per piece of equipment.

    Plain `<details>` elements: they open and close without JavaScript. An empty group is left
    out.
    """
    blocks = [
        f'<details class="rg-exercise-group">\n'
        f"<summary>{escape(_group_title(key))} ({plural(len(chosen), 'exercise')})</summary>\n"
        f"{exercise_list(chosen, links)}\n</details>"
        for key, chosen in groups
        if chosen
    ]
    return "\n\n".join(blocks)


def _group_title(key: Level | Equipment) -> str:
    """An index group's title: a level with its hint, or an item of equipment."""
    if isinstance(key, Level):
        return f"{LEVEL_LABELS[key]}: {LEVEL_HINTS[key]}"
    return EQUIPMENT_LABELS[key]


# ---------------------------------------------------------------- the guide's sample week


class SampleActivity(Protocol):
    """One part of a day of the guide's sample week (data/weekly_plan.yml, `macros.data`)."""

    @property
    def kind(self) -> str: ...  # noqa: D102 - the protocol's fields are the data's
    @property
    def title(self) -> str: ...  # noqa: D102
    @property
    def exercises(self) -> Sequence[str]: ...  # noqa: D102
    @property
    def note(self) -> str | None: ...  # noqa: D102


class SampleDay(Protocol):
    """One day of the guide's sample week."""

    @property
    def day(self) -> str: ...  # noqa: D102 - the protocol's fields are the data's
    @property
    def title(self) -> str: ...  # noqa: D102
    @property
    def rest_day(self) -> bool: ...  # noqa: D102
    @property
    def activities(self) -> Sequence[SampleActivity]: ...  # noqa: D102


def _activity(
    activity: SampleActivity,
    links: Links,
    library: Mapping[str, Exercise],
    drawn: Collection[str],
    shown: set[str],
) -> str:
    """One line of a day: title, the exercises as links, and the note.

    Then the drawings of the exercises the week lists here for the first time (`shown` grows).
    """
    parts = [f"<strong>{escape(activity.title)}</strong>"]
    if activity.exercises:
        parts.append(": " + ", ".join(_link(library[i], links) for i in activity.exercises) + ".")
    else:
        parts.append(".")
    if activity.note:
        parts.append(f" {escape(activity.note)}")
    new = [i for i in dict.fromkeys(activity.exercises) if i not in shown and i in drawn]
    shown.update(new)
    if new:
        # Several exercises share a line: each drawing under its exercise's name.
        named = "".join(
            f'<div class="rg-sheet-cell"><p>{escape(library[i].name)}</p>'
            f"{drawing(library[i], links, drawn)}</div>"
            for i in new
        )
        parts.append(f'<div class="rg-sheet">{named}</div>')
    return f'<li data-kind="{escape(activity.kind)}">{"".join(parts)}</li>'


def weekly_plan_table(
    plan: Sequence[SampleDay],
    links: Links,
    library: Mapping[str, Exercise],
    drawn: Collection[str] = (),
) -> str:
    """The sample week as a two-column table: the day, then what to do (exercises linked).

    Each exercise drawn once, where the week first lists it.
    """
    rows = []
    shown: set[str] = set()
    for day in plan:
        activities = "\n".join(
            _activity(activity, links, library, drawn, shown) for activity in day.activities
        )
        rows.append(
            f'<tr data-day="{escape(day.day)}" data-rest-day="{str(day.rest_day).lower()}">'
            f'<th scope="row">{escape(day.day.title())}</th>'
            f"<td><p><strong>{escape(day.title)}</strong></p>\n<ul>\n{activities}\n</ul></td></tr>"
        )
    return _table(("Day", "What to do"), rows)


# ---------------------------------------------------------------- answers without JavaScript


@dataclass(frozen=True)
class ProteinRow:
    """A row of a static protein table: a weight and each column's daily grams (low, high)."""

    weight: int
    daily_g: Sequence[tuple[int, int]]


def protein_answers_table(
    unit: str, title: str, columns: Sequence[tuple[str, str]], rows: Sequence[ProteinRow]
) -> str:
    """One table: a row per weight, a column per situation (value, heading), grams as "low–high"."""
    head = '<th scope="col">Weight</th>' + "".join(
        f'<th scope="col" data-situation="{escape(value)}">{escape(heading)}</th>'
        for value, heading in columns
    )
    body = "\n".join(
        f'<tr data-weight="{row.weight}"><th scope="row">{row.weight} {escape(unit)}</th>'
        + "".join(
            f'<td data-situation="{escape(value)}">{escape(span(low, high))}</td>'
            for (value, _), (low, high) in zip(columns, row.daily_g, strict=True)
        )
        + "</tr>"
        for row in rows
    )
    return (
        f'<table data-answers="protein-{escape(unit)}">\n'
        f"<caption>{escape(title)}: protein a day in grams, by weight in {escape(unit)}</caption>\n"
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"
    )


def sample_programme_html(ability: str, label: str, blocks: Sequence[Block], root: str) -> str:
    """One sample programme, collapsible, under the plan form's words for its ability level."""
    inner = "\n".join(html.block(part, root) for part in blocks)
    return (
        f'<details class="note" data-answers="plan-{escape(ability)}">\n'
        f"<summary>Sample programme: {escape(label)}</summary>\n"
        f"{inner}\n</details>"
    )


# ---------------------------------------------------------------- the References page


def anchored(anchor_id: str, text: str) -> str:
    """`text` with an id that links can point at (a References row's id cell).

    >>> anchored("nice-ng42", "NICE NG42")
    '<span id="nice-ng42">NICE NG42</span>'
    """
    return f'<span id="{escape(anchor_id)}">{escape(text, quote=False)}</span>'
