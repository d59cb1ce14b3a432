"""Safety: the triage findings as warnings, referrals, and a physiotherapist when it helps."""

from __future__ import annotations

from calculators import evidence
from calculators.evidence import Source
from calculators.function import FunctionLevel
from calculators.plan.answers import Ability, PlanInput
from calculators.plan.level import LevelAssessment
from calculators.plan.notes import Caution, KitCaution, KitReason, Note, PlanWarning
from calculators.plan.result import PlanNote, PlanResult
from calculators.results import Status, cite
from calculators.triage import RULE, Finding, Observations, RuleId
from calculators.triage import Level as Urgency


def observations(answers: PlanInput) -> Observations:
    """The plan's answers as the triage table reads them.

    Needing help to walk is the reader's own sentence (levels A and B: another person, a stick,
    a frame or furniture), which M4 counts as frailty.
    """
    tests = answers.tests
    return Observations(
        age=answers.age,
        fall_past_year=answers.fall_past_year,
        fall_with_injury=answers.fall_with_injury,
        two_or_more_falls=answers.two_or_more_falls,
        cannot_get_up=answers.cannot_get_up,
        blackouts=answers.blackouts,
        needs_help_to_walk=answers.ability in {Ability.MOSTLY_SEATED, Ability.NEEDS_SUPPORT},
        walk_4m_seconds=None if tests is None else tests.walk_seconds,
        side_by_side_seconds=None if tests is None else tests.side_by_side_seconds,
        exertion_symptoms=answers.chest_pain_or_fainting,
        chronic_condition=answers.chronic_condition,
        recent_hospital_stay=answers.recent_hospital_stay,
    )


# Rules that stop the plan: no programme until the reader has asked first.
REFER_RULES = frozenset({RuleId.EXERTION_SYMPTOMS, RuleId.UNDER_18})


def cautions(
    answers: PlanInput,
    assessment: LevelAssessment,
    findings: tuple[Finding, ...],
    sources: list[Source],
    notes: list[PlanNote],
) -> tuple[PlanWarning, ...]:
    """The triage table's findings, most urgent first (E4, M4); a physiotherapist when it helps.

    "No need to see a doctor first" (E4) only for level D with nothing in the answers that
    shows weakness, falls or a condition.
    """
    warnings: list[PlanWarning] = list(findings)
    for finding in findings:
        sources += finding.rule.sources
    physio = (
        assessment.level.rank <= FunctionLevel.B.rank
        or assessment.falls_risk
        or answers.recent_hospital_stay
        or answers.chronic_condition
    )
    if answers.one_side_limits:
        warnings.append(Caution.ONE_SIDE_LIMITS)
    elif physio and not any(finding.level is Urgency.PHYSIOTHERAPIST for finding in findings):
        warnings.append(Caution.PHYSIO_CHECK)
    if assessment.falls_risk:
        notes.append(Note.FALLS_BALANCE)
    if answers.recent_hospital_stay:
        notes.append(Note.AFTER_HOSPITAL)
    if answers.fall_past_year:
        sources.append(Source.E2)
    if warnings or answers.fall_past_year:
        sources.append(Source.E4)
    elif assessment.level is FunctionLevel.D and answers.age >= evidence.BALANCE_AGE:
        notes.append(Note.NO_DOCTOR_NEEDED)
        sources.append(Source.E4)
    return tuple(warnings)


def short_days_caution(answers: PlanInput) -> KitCaution:
    """Some days lack what their kind needs: say why, and who can fill the gap."""
    return KitCaution.for_answers(KitReason.SHORT_DAYS, answers)


def nothing_safe_result(answers: PlanInput) -> PlanResult:
    """No exercise at all fits: no plan, and a physiotherapist instead (safety over features)."""
    return _no_plan(
        Note.NO_PLAN_NOTHING_SAFE,
        (KitCaution.for_answers(KitReason.NOTHING_SAFE, answers),),
        cite([Source.M3, Source.M5]),
    )


def referral_result(findings: tuple[Finding, ...]) -> PlanResult | None:
    """No plan for chest pain or feeling faint on exertion (M7, E4) or under 18 (E1)."""
    stops = [finding for finding in findings if finding.rule.id in REFER_RULES]
    if not stops:
        return None
    warnings = list(stops)
    if any(finding.rule.id is RuleId.EXERTION_SYMPTOMS for finding in stops):
        # If the chest pain is happening now, it is M7's emergency.
        warnings.append(Finding(RULE[RuleId.CHEST_PAIN]))
    sources = [source for alert_finding in stops for source in alert_finding.rule.sources]
    if len(warnings) > len(stops):
        sources.append(Source.M7)
    return _no_plan(Note.NO_PLAN_ASK_FIRST, tuple(warnings), cite(sources))


def _no_plan(
    note: Note, warnings: tuple[PlanWarning, ...], sources: tuple[Source, ...]
) -> PlanResult:
    """A referral instead of a plan: no level, no weeks, one note saying why."""
    return PlanResult(
        status=Status.REFER,
        assessment=None,
        weeks=(),
        steps=None,
        timeline=(),
        notes=(note,),
        warnings=warnings,
        sources=sources,
    )
