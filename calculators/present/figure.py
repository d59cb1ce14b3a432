"""An exercise's drawing on a page: start → end, two `<use>`s of the one sprite (issue 25).

The poses are drawn once, at build time, into `assets/figures.svg` (`calculators.figure.sprite`);
a page, a card and a plan answer only point at its symbols, so a 12-week plan does not carry its
drawings in its bytes. One function writes the markup for the cards (macros), the contact sheet
and the plan answer (live and printed): every figure on the site looks and reads the same.
`currentColor` draws it in the text's colour, dark mode and paper included.
"""

from __future__ import annotations

from calculators.present.escape import escape

Frame = tuple[float, float, float, float]

SPRITE = "assets/figures.svg"  # written by the build (postbuild/data.py), from the site root
ARROW = "fig-arrow"
POSES = ("start", "end")


def viewbox(frame: Frame | None = None) -> str:
    """A frame as an SVG viewBox, whole numbers without a decimal point; the poses' by default.

    >>> viewbox((0, -10.5, 120, 160.0))
    '0 -10.5 120 160'
    """
    if frame is None:
        # Only the frame, with the first drawing: not at every engine start (each module imported
        # at start-up delays a reader's first answer: bench `engine_start_modules`), and never
        # the whole model (compiling it delayed the plan's first answer: bench first results).
        from calculators.figure.frame import FRAME  # noqa: PLC0415

        frame = FRAME
    return " ".join(f"{number:g}" for number in frame)


def symbol_id(exercise_id: str, pose: str) -> str:
    """The sprite symbol of one pose: `fig-sit-to-stand-start`."""
    return f"fig-{exercise_id}-{pose}"


def move_figure(exercise_id: str, alt: str, root: str = "") -> str:
    """The start → end drawing of one exercise, named for screen readers by `alt`.

    Args:
        exercise_id: the exercise's id (data/exercises.yml), also its symbols' names.
        alt: what the drawing shows, in words (the exercise's one-line `how`).
        root: the way from the page back to the site root ("../../" on tools/plan/).

    >>> print(move_figure("squat", "Bend & stand.", "../")[:66])
    <figure class="rg-move" role="img" aria-label="Bend &amp; stand.">

    """
    # `xlink:href`, not `href`: Material's instant navigation re-assigns every `[href]` element's
    # `href` property, which an SVG `<use>` only has a getter for (a TypeError on every page).
    sprite = escape(f"{root}{SPRITE}")
    box = viewbox()
    ident = escape(exercise_id)

    def pose(which: str) -> str:
        return (
            f'<svg data-exercise="{ident}" data-pose="{which}" viewBox="{box}" '
            f'aria-hidden="true" focusable="false">'
            f'<use xlink:href="{sprite}#{escape(symbol_id(exercise_id, which))}"/></svg>'
        )

    arrow = (
        f'<svg class="rg-move-arrow" aria-hidden="true" focusable="false">'
        f'<use xlink:href="{sprite}#{ARROW}"/></svg>'
    )
    return (
        f'<figure class="rg-move" role="img" aria-label="{escape(alt)}">'
        f"{pose('start')}{arrow}{pose('end')}</figure>"
    )
