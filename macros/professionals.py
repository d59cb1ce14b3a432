"""The "For health professionals" page: the rules the tools follow, from the tools' own tables.

Nothing here restates a number: every figure comes from `calculators.evidence`, the triage
table (`calculators.triage.RULES` and its words), the self-check's SARC-F questions, the plan's
level and progression tables and the protein calculator's rules, so the page cannot drift from
what the tools do. Each renderer returns Markdown; sources link to the References page.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from calculators import evidence
from calculators.evidence import Source
from calculators.function import FALLS_TRIGGER_RULE, FunctionLevel
from calculators.plan import Note
from calculators.present import field_words, numbers
from calculators.present import protein as protein_view
from calculators.present import triage as triage_words
from calculators.present.plan_notes import LEVEL_PLAN, NOTE_WORDS
from calculators.present.view import Cite, cited
from calculators.triage import RULES, Box, Level

# How each page box is named on the site.
_BOX_NAMES = {
    Box.EMERGENCY: "emergency signs",
    Box.FALLS: "falls",
    Box.WARNING_SIGNS: "warning signs",
    Box.NOT_WITHOUT_ADVICE: "not without advice",
}


def _sources(sources: Iterable[Source | str], references: str) -> str:
    """A citation: the source ids in brackets, each linked to its References row.

    The built page writes it as every citation is written, "(source)" (postbuild/citations.py).
    """
    ids = [str(source) for source in sources]
    return f"({', '.join(f'[{ident}]({references}#{ident.lower()})' for ident in ids)})"


def _cited(text: str, references: str) -> str:
    """A tool's sentence with its "(E3)" ids as citations, as the answers show them."""
    return "".join(
        _sources(piece.ids, references) if isinstance(piece, Cite) else piece
        for piece in cited(text)
    )


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A Markdown table."""
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
        *("| " + " | ".join(_cell(cell) for cell in row) + " |" for row in rows),
    ]
    return "\n".join(lines)


def triage_table(references: str) -> str:
    """Every safety rule, most urgent level first: the sign, where it shows, its sources."""
    rows = []
    for level in Level:
        for rule in (r for r in RULES if r.level is level):
            places = [_BOX_NAMES[box] for box in rule.boxes]
            tool = "yes" if rule.when is not None else "no (a page sign)"
            rows.append(
                (
                    triage_words.HEADING[level],
                    f"`{rule.id.value}`",
                    triage_words.sign(rule).text(),
                    tool,
                    ", ".join(places) or "tools only",
                    _sources(rule.sources, references),
                )
            )
    header = ("Level", "Rule", "Sign (as readers see it)", "A tool asks", "Page boxes", "Sources")
    return _table(header, rows)


def sarc_f_table(references: str) -> str:
    """The SARC-F questions and points, the cut-off and what a score does and does not mean."""
    questions = field_words.SARC_F_ANSWERS  # the tool's own table, read, not copied
    points = evidence.SARC_F_ITEM_POINTS
    rows = [
        (item, words[0], *(f"{p}: {w}" for p, w in zip(points, words[1:], strict=True)))
        for item, words in questions.items()
    ]
    table = _table(("Item", "Asks about", "0", "1", "2"), rows)
    most = len(questions) * points[-1]
    return (
        f"{table}\n\nTotal 0–{most}. A total of **{evidence.SARC_F_POSITIVE_SCORE} or more** is "
        f"a positive screen {_sources((Source.F1,), references)}: real difficulty with "
        "everyday tasks, worth a strength check. It is a screen, never a diagnosis: pooled "
        f"sensitivity about {evidence.SARC_F_POOLED_SENSITIVITY_PERCENT}%, specificity about "
        f"{evidence.SARC_F_POOLED_SPECIFICITY_PERCENT}% {_sources((Source.F3,), references)}, "
        f"so a lower score does not rule sarcopenia out. Under {evidence.SARC_F_OLDER_AGE} the "
        "answer says the questions were made for older adults."
    )


def _bands(bands: Sequence[tuple[Decimal, int]], slower: str) -> list[str]:
    """Time bands as "up to T s: P points", then the slower band."""
    rows = [
        f"{'up to' if index == 0 else 'to'} {top} s: {points}"
        for index, (top, points) in enumerate(bands)
    ]
    rows.append(slower)
    return rows


def sppb_table(references: str) -> str:
    """At-home SPPB scoring as the self-check and the plan compute it (M1)."""
    hold = evidence.SPPB_BALANCE_HOLD_SECONDS
    partial = evidence.SPPB_TANDEM_PARTIAL_SECONDS
    most = evidence.SPPB_PART_MAX
    walk = "; ".join(
        _bands(evidence.SPPB_WALK_BANDS, f"slower: {evidence.SPPB_WALK_SLOWEST_POINTS}")
    )
    chair = "; ".join(_bands(evidence.SPPB_CHAIR_BANDS, "longer, or unable: 0"))
    rows = [
        (
            "Balance",
            f"side by side {hold:f} s: 1; semi-tandem {hold:f} s: 1; tandem {hold:f} s: 2 "
            f"({partial:f} s or more: 1); a stand not held stops the balance part",
            f"0–{most}",
        ),
        (f"{evidence.SPPB_WALK_METRES:f} m walk, usual pace", walk + "; unable: 0", f"0–{most}"),
        ("Five chair rises, arms crossed", chair, f"0–{most}"),
    ]
    table = _table(("Part", "Scoring (times up to and including each limit)", "Points"), rows)
    return (
        f"{table}\n\nTotal 0–{3 * most} {_sources((Source.M1,), references)}. A part not "
        "measured is scored as a range: the low end counts it as 0 and is the one used, and the "
        "answer states the range. Gait speed = 4 m ÷ the walk time; under "
        f"{evidence.FALLS_GAIT_SPEED_BELOW:f} m/s is slow {_sources((Source.S3,), references)}."
    )


def levels_table(references: str) -> str:
    """Vivifrail levels A–D from the SPPB total, what each changes, and the "+" triggers."""
    rows = []
    bottom = 0
    for level, top in zip(FunctionLevel, evidence.VIVIFRAIL_LEVEL_TOPS, strict=True):
        rows.append((level.value, f"{bottom}–{top}", LEVEL_PLAN[level]))
        bottom = top + 1
    table = _table(("Level", "SPPB total", "What the plan does"), rows)
    plus = "\n".join(
        f"- {triage_words.sign(rule).text().split(':')[0].rstrip('.')}"
        for rule in FALLS_TRIGGER_RULE.values()
    )
    return (
        f"{table}\n\nThe levels are Vivifrail's {_sources((Source.M3,), references)}. "
        '**"+"** adds extra balance work '
        "and asks for someone with the reader for standing balance work when the falls risk is "
        f"high {_sources((Source.M3, Source.M4), references)}, that is when any of these "
        f"applies:\n\n{plus}"
    )


def progression_table(references: str) -> str:
    """The 12-week programme: sets by level, dose stage, learning and re-test weeks (E3, M6)."""
    stage_words = ("low end of each range", "low to middle", "middle to top")
    rows = []
    for week in range(1, evidence.PROGRAMME_WEEKS + 1):
        notes = []
        if week <= evidence.LEARNING_WEEKS:
            notes.append("easier versions, learn the moves")
        if week in evidence.RETEST_WEEKS:
            notes.append("re-test")
        rows.append(
            (
                str(week),
                str(evidence.SETS_GENTLE[week - 1]),
                str(evidence.SETS_C[week - 1]),
                str(evidence.SETS_D[week - 1]),
                stage_words[evidence.DOSE_STAGE_BY_WEEK[week - 1]],
                ", ".join(notes),
            )
        )
    header = ("Week", "Sets A–B (and after hospital)", "Sets C", "Sets D", "Reps or hold", "")
    return (
        f"{_table(header, rows)}\n\n"
        f"{_cited(f'{NOTE_WORDS[Note.PROGRESSION]} {NOTE_WORDS[Note.EFFORT]}', references)} "
        f"{NOTE_WORDS[Note.HOLDS_LEFT_OUT]} {_sources((Source.E3, Source.M6), references)}"
    )


def _places(value: Decimal) -> int:
    """Decimals to show a guideline figure with: at least 1, more when it has them (0.55)."""
    exponent = value.normalize().as_tuple().exponent
    return max(1, -exponent if isinstance(exponent, int) else 1)


def protein_rules(references: str) -> str:
    """The protein calculator's ranges and rules, with the kidney guidelines it never shows."""
    rows = [
        (
            label,
            numbers.grams_per_kg(rates.low, rates.high),
            _sources(rates.sources, references),
        )
        for label, rates in protein_view.GUIDELINE_ROWS
    ]
    kidney = [
        (
            f"{protein_view.KIDNEY_GUIDELINE_GROUPS[guideline.group]} — not shown to readers",
            numbers.span(guideline.low, guideline.high, places=_places(guideline.low)),
            _sources((guideline.source,), references),
        )
        for guideline in (
            *evidence.KIDNEY_GUIDELINES_CKD,
            *evidence.KIDNEY_GUIDELINES_DIALYSIS,
        )
    ]
    table = _table(("Group", "g/kg a day", "Sources"), rows + kidney)
    older, adult = evidence.PER_MEAL_OLDER_G, evidence.PER_MEAL_ADULT_G
    floor_older, floor_adult = evidence.PER_MEAL_FLOOR_OLDER_G, evidence.PER_MEAL_FLOOR_ADULT_G
    return (
        f"{table}\n\n"
        f"- Every range is kept within {evidence.PROTEIN_FLOOR_G_PER_KG}–"
        f"{evidence.PROTEIN_CEILING_G_PER_KG} g/kg {_sources((Source.P1,), references)}.\n"
        f"- Per meal: the day split evenly, at least {floor_older} g from "
        f"{evidence.OLDER_ADULT_AGE} (of {numbers.grams(*older)}) "
        f"{_sources((Source.P10,), references)} or {floor_adult} g younger (of "
        f"{numbers.grams(*adult)}) {_sources((Source.P8,), references)}, at most "
        f"{evidence.PER_MEAL_CEILING_G} g.\n"
        f"- Small eater (3 × that floor above the day's top end): about "
        f"{evidence.SMALL_EATER_G_PER_KG_PER_MEAL} g/kg a meal over the number of meals "
        "nearest that amount — **common practice**, extrapolated from studies in younger "
        f"people who train {_sources((Source.P9,), references)}.\n"
        "- Never the whole day in one meal: with one meal a day the answer adds protein-rich "
        "snacks; when meals cannot carry the day under the per-meal maximum, it adds snacks.\n"
        f"- Body mass index {evidence.OBESITY_BMI} or more (height given): the range uses an "
        f"adjusted weight, the weight at BMI {evidence.IDEAL_BMI} + "
        f"{evidence.ADJUSTED_WEIGHT_FRACTION} × the rest {_sources((Source.P14,), references)} "
        f"(the ideal weight at BMI {evidence.IDEAL_BMI} is common practice).\n"
        f"- Low weight (body mass index under {evidence.UNDERWEIGHT_BMI}, or under "
        f"{evidence.GLIM_LOW_BMI} below {evidence.GLIM_OLDER_AGE} / {evidence.GLIM_LOW_BMI_OLDER} "
        f"from {evidence.GLIM_OLDER_AGE}; without a height, under {evidence.LOW_WEIGHT_KG} kg): "
        "a caution that energy matters as much as protein, and a doctor or dietitian "
        f"{_sources((Source.N1,), references)}.\n"
        "- Kidney disease, dialysis or a transplant: no personal number and no guideline "
        "numbers in the answer (the guidelines disagree, and a low-protein diet adopted "
        f"unsupervised can cost muscle) "
        f"{_sources((Source.P5, Source.P12, Source.P13), references)}. Diabetes or high blood "
        "pressure with kidneys unchecked: the general range for the "
        f"age, and a kidney blood test first {_sources((Source.P13,), references)}.\n"
        "- Under 18, pregnancy or breastfeeding, liver disease: referred, no number."
    )


PARTS = {
    "triage": triage_table,
    "sarc-f": sarc_f_table,
    "sppb": sppb_table,
    "levels": levels_table,
    "progression": progression_table,
    "protein": protein_rules,
}


def render(part: str, references: str) -> str:
    """One part of the page by name (a `KeyError` names the known parts)."""
    if part not in PARTS:
        message = f"professional_rules: unknown part {part!r}; known: {', '.join(PARTS)}"
        raise KeyError(message)
    return PARTS[part](references)
