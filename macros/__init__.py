"""Build-time macros for the Regain site (mkdocs-macros-plugin, `module_name: macros`).

This module only registers: `define_env` loads and validates `data/` (macros.data), chooses what a
macro shows (macros.choose) and hands it to the views of `calculators.present` for the page being
built; `on_pre_page_macros` gives the theme each page's checked review dates
(postbuild.review_dates). A broken data file stops the build with one line per problem.
`$REGAIN_DATA_DIR` points the build at another data folder. The data the
browser reads (data/exercises.json, the drawings' sprite) is written after the build by the
`postbuild` steps. Nothing here imports MkDocs at module level, so the renderers run without it.
"""

from __future__ import annotations

import posixpath
from typing import Any

from calculators.present import library as view
from calculators.present import page_charts
from macros import choose, professionals, references, safety, static_answers
from macros.data import DataError, SiteData, data_dir, load_site_data
from postbuild.review_dates import build_date, review_problems, theme_dates

__all__ = ["define_env", "on_pre_page_macros"]

# The exercise library page: every exercise link points at a card on it.
LIBRARY_PAGE = "guide/exercises.md"
# The References page: charts cite their evidence rows on it.
REFERENCES_PAGE = "references.md"


def _build_error(message: str) -> Exception:
    """MkDocs' own error, which stops the build printing only `message` (imported when needed)."""
    from mkdocs.exceptions import PluginError  # noqa: PLC0415 - no MkDocs at module level

    return PluginError(message)


def _site_data() -> SiteData:
    """The validated data, or a build-stopping error listing every problem."""
    try:
        return load_site_data(data_dir())
    except DataError as error:
        raise _build_error(error.report()) from error


def on_pre_page_macros(env: Any) -> None:
    """Check the page's review dates (stopping the build if wrong) and keep them for the theme.

    Here, not in an MkDocs hook, so every generator that runs the macros (MkDocs, ProperDocs,
    Zensical) gives overrides/main.html the dates it writes in the review line; the post-build
    step (postbuild.review_dates.check_review_lines) checks that line again in the built pages.
    """
    page = env.page
    problems = review_problems(page.meta, build_date())
    if problems:
        message = f"Review dates of {page.file.src_uri}: " + "; ".join(problems) + "."
        raise _build_error(message)
    page.meta["review"] = theme_dates(page.meta)


def define_env(env: Any) -> None:  # noqa: PLR0915 - one short registration per macro
    """Register Regain's macros with mkdocs-macros."""
    site_data = _site_data()
    stale = references.stale_titles(site_data.references)
    if stale is not None:
        raise _build_error(stale)
    # `mkdocs serve` rebuilds when a data file changes, as it does for a page.
    watched = str(data_dir())
    if watched not in env.conf["watch"]:
        env.conf["watch"].append(watched)
    library = site_data.exercises_by_id
    drawn = site_data.drawn_ids
    library_url = choose.page_url(LIBRARY_PAGE, directory_urls=env.conf["use_directory_urls"])

    def links() -> view.Links:
        """Links as seen from the page being rendered now."""
        return view.Links(page_url=env.page.url, library_url=library_url)

    @env.macro  # type: ignore[untyped-decorator]
    def exercise_table(
        category: str | None = None,
        level: str | None = None,
        equipment: str | None = None,
        ids: list[str] | None = None,
    ) -> str:
        """Table of exercises (name linked to its card, level, what it needs).

        Filter by category, level and/or equipment (in category, then data order), or give
        `ids` to list those exercises in that order.
        """
        chosen = (
            choose.pick_exercises(library, ids)
            if ids is not None
            else choose.select_exercises(
                site_data.exercises, category=category, level=level, equipment=equipment
            )
        )
        return view.exercise_table(choose.some(chosen, "table"), links())

    @env.macro  # type: ignore[untyped-decorator]
    def exercise_list(ids: list[str]) -> str:
        """Bulleted list of these exercises, in this order, each linked to its card."""
        chosen = choose.some(choose.pick_exercises(library, ids), "list")
        return view.exercise_list(chosen, links())

    @env.macro  # type: ignore[untyped-decorator]
    def exercise_card(id: str) -> str:
        """The full card of one exercise (heading id = exercise id)."""
        exercise = choose.pick_exercises(library, [id])[0]
        return view.exercise_card(exercise, links(), library, drawn)

    @env.macro  # type: ignore[untyped-decorator]
    def exercise_cards(
        category: str | None = None, level: str | None = None, equipment: str | None = None
    ) -> str:
        """Cards of every exercise matching the filters (all of them without filters)."""
        chosen = choose.select_exercises(
            site_data.exercises, category=category, level=level, equipment=equipment
        )
        return view.exercise_cards(chosen, links(), library, drawn)

    @env.macro  # type: ignore[untyped-decorator]
    def exercise_drawings() -> str:
        """The contact sheet: every exercise's start and end drawing, for reviewers."""
        return view.exercise_drawings(choose.by_category(site_data.exercises), links(), drawn)

    @env.macro  # type: ignore[untyped-decorator]
    def exercise_index(by: str) -> str:
        """Collapsible groups of exercise links, one per level (`by="level"`) or equipment."""
        return view.exercise_index(choose.by_level_or_equipment(site_data.exercises, by), links())

    @env.macro  # type: ignore[untyped-decorator]
    def weekly_plan_table() -> str:
        """The sample week: one row per day, exercises linked to their cards."""
        return view.weekly_plan_table(site_data.weekly_plan, links(), library, drawn)

    # Answers without JavaScript: the calculators run at build time (macros.static_answers).
    exercise_rows = site_data.exercises_json()

    @env.macro  # type: ignore[untyped-decorator]
    def protein_table(unit: str = "kg") -> str:
        """Daily protein ranges by weight (kg or lb) for each situation, from the calculator."""
        return static_answers.protein_table(unit)

    @env.macro  # type: ignore[untyped-decorator]
    def sample_plan_table(ability: str) -> str:
        """The plan calculator's week for one ability level with the form's defaults."""
        return static_answers.sample_plan_table(ability, exercise_rows, links())

    @env.macro  # type: ignore[untyped-decorator]
    def calculator_form(name: str) -> str:
        """A calculator's form and result area, from its field specs (calculators.present.forms)."""
        return static_answers.calculator_form(name, view.site_root(env.page.url))

    @env.macro  # type: ignore[untyped-decorator]
    def progress_form() -> str:
        """The My progress page's form: it shows the record saved in the reader's browser."""
        return static_answers.progress_form(view.site_root(env.page.url))

    @env.macro  # type: ignore[untyped-decorator]
    def protein_guideline_table() -> str:
        """The protein guideline ranges, from the calculators' evidence table."""
        return static_answers.protein_guideline_table(view.site_root(env.page.url))

    @env.macro  # type: ignore[untyped-decorator]
    def muscle_loss_chart() -> str:
        """The typical-muscle-loss-with-age chart (S1, S2), labelled as a population average."""
        return page_charts.muscle_loss_figure(view.site_root(env.page.url))

    def references_md() -> str:
        """References as a Markdown link from the page being rendered (MkDocs checks it)."""
        return posixpath.relpath(REFERENCES_PAGE, posixpath.dirname(env.page.file.src_uri))

    @env.macro  # type: ignore[untyped-decorator]
    def professional_rules(part: str) -> str:
        """One table of the "For health professionals" page, from the tools' own tables."""
        try:
            return professionals.render(part, references_md())
        except KeyError as error:
            raise _build_error(str(error)) from error

    @env.macro  # type: ignore[untyped-decorator]
    def evidence_table() -> str:
        """The References page's table: every source id, its numbers and how far it was checked."""
        return references.evidence_table(site_data.references)

    @env.macro  # type: ignore[untyped-decorator]
    def full_citations() -> str:
        """The References page's full citations, grouped, each marked verified or not."""
        return references.full_citations(site_data.references)

    @env.macro  # type: ignore[untyped-decorator]
    def emergency_signs() -> str:
        """The emergency-signs callout (M7) with the numbers to call."""
        return safety.emergency_signs(references_md())

    @env.macro  # type: ignore[untyped-decorator]
    def falls_rule() -> str:
        """The after-a-fall callout: emergencies (M7), falls assessment, physiotherapist (M4)."""
        return safety.falls_rule(references_md())

    @env.macro  # type: ignore[untyped-decorator]
    def warning_signs() -> str:
        """The warning signs that need a doctor soon, and the sudden ones (NICE NG42, NG127)."""
        return safety.warning_signs(references_md())

    @env.macro  # type: ignore[untyped-decorator]
    def not_without_advice() -> str:
        """The "not for you without advice" callout (E4)."""
        return safety.not_without_advice(references_md())
