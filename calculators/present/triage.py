"""The triage table's words: one catalogue, keyed by each rule's words key (`Rule.words`).

Every page box (present.callouts, laid out by macros.safety), the printed plan and every
calculator answer words a rule from here, so a rule reads the same everywhere;
`tests/test_triage_everywhere.py` checks each place.

- `SIGNS[key]`: the sign, its first words in bold on a page (`Sign.key`) and the rest.
- `HEADING[level]`: a box's heading for a level; `ACTION[level]`: what to do, said after a
  sign in an answer (`sentence`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from calculators.results import Alert, Severity
from calculators.triage import RULE, Finding, Level, Rule, RuleId

# The emergency numbers, written once: the UK, the EU, and the US and Canada.
EMERGENCY_NUMBERS: Final = (
    ("999", "in the UK"),
    ("112", "in the EU"),
    ("911", "in the US and Canada"),
)


def call_numbers() -> str:
    """The numbers to call, in one sentence part.

    >>> call_numbers()
    '999 in the UK, 112 in the EU, or 911 in the US and Canada'
    """
    parts = [f"{number} {where}" for number, where in EMERGENCY_NUMBERS]
    return f"{', '.join(parts[:-1])}, or {parts[-1]}"


@dataclass(frozen=True)
class Sign:
    """A sign as the reader reads it: its key words (bold on a page), then the rest."""

    key: str
    rest: str = ""

    def text(self) -> str:
        """The sign as one plain sentence."""
        return f"{self.key} {self.rest}".strip()


SIGNS: Final[dict[str, Sign]] = {
    RuleId.CHEST_PAIN: Sign(
        "Chest pain or pressure", "that does not ease after a few minutes of rest."
    ),
    RuleId.FAINT_DURING_EXERCISE: Sign(
        "Fainting during or just after exercise.",
        "It can be a problem with the heart's rhythm or valves.",
    ),
    RuleId.LUNG_CLOT: Sign(
        "Sudden shortness of breath, sharp chest pain when you breathe in, or coughing up blood,",
        "especially after surgery, an illness or time in bed. It can be a blood clot in the "
        "lungs, even when neither leg is swollen.",
    ),
    RuleId.STROKE: Sign(
        "A face that droops, an arm that is weak, or speech that is slurred,",
        "or sudden weakness or numbness in the face, an arm or a leg. It can be a stroke.",
    ),
    RuleId.SPREADING_WEAKNESS: Sign(
        "Weakness that spreads over hours or days", "and makes it hard to breathe or swallow."
    ),
    RuleId.FALL_HEAD_INJURY_BLOOD_THINNERS: Sign(
        "After a fall: a knock to the head while you take a blood thinner",
        "(a medicine that stops the blood clotting).",
    ),
    RuleId.FALL_CANNOT_STAND: Sign(
        "After a fall: you cannot stand,", "or cannot put weight on a leg."
    ),
    RuleId.FALL_NEW_HIP_OR_BACK_PAIN: Sign("After a fall: new pain in the hip or back."),
    RuleId.FALL_LONG_LIE: Sign("After a fall: a long time lying on the floor", "before help came."),
    RuleId.CALF_CLOT: Sign(
        "One swollen, painful, warm calf,",
        "without trouble breathing. It can be a blood clot in the leg.",
    ),
    RuleId.DIZZY_WITH_EXERCISE: Sign(
        "Feeling faint or dizzy with exercise",
        "that passes when you rest: stop, and do not exercise again until a doctor has "
        "checked you.",
    ),
    RuleId.EXERTION_SYMPTOMS: Sign(
        "Chest pain or feeling faint when you exert yourself:",
        "a doctor needs to check it before you start any exercise plan.",
    ),
    RuleId.FAST_LOSS: Sign("Muscle loss that is happening fast,", "over weeks rather than years."),
    RuleId.ONE_SIDE: Sign("Muscle loss on only one side", "or in one arm or leg."),
    RuleId.NUMBNESS_OR_PAIN: Sign("Muscle loss with numbness, tingling or pain."),
    RuleId.LOSS_OF_CONTROL: Sign(
        "Loss of control of an arm or a leg,", "clumsy hands, or trips and falls."
    ),
    RuleId.WORSENING_WEAKNESS: Sign(
        "Weakness or wasting that keeps getting worse,", "even with no numbness or pain."
    ),
    RuleId.TWITCHING: Sign("Twitching, cramps or stiffness", "along with weakness."),
    RuleId.SPEECH_OR_SWALLOWING: Sign(
        "Trouble speaking or swallowing", "that has come on over weeks or months."
    ),
    RuleId.BREATHLESS: Sign(
        "Shortness of breath you cannot explain,",
        "building up over weeks or months, also when you lie flat.",
    ),
    RuleId.MORNING_HEADACHES: Sign("Headaches when you wake up", "in the morning."),
    RuleId.WEIGHT_LOSS: Sign("Weight loss you cannot explain."),
    RuleId.BLACKOUTS: Sign(
        "You have blacked out or fainted:",
        "see your doctor about it and ask for a falls assessment. Until then, exercise only "
        "sitting down.",
    ),
    RuleId.LOW_WEIGHT: Sign(
        "Your weight is low",
        "for your height (or under 40 kg): eating enough food for energy matters as much as "
        "protein, and a doctor or a dietitian can help.",
    ),
    RuleId.UNDER_18: Sign(
        "You are under 18:",
        "this tool is for adults. Children and teenagers have their own advice.",
    ),
    RuleId.PREGNANCY: Sign("You are pregnant,", "or gave birth in the past few months."),
    RuleId.RECENT_HEART_ATTACK: Sign("You had a heart attack recently."),
    RuleId.HIGH_BLOOD_PRESSURE: Sign("Your blood pressure is high", "and not under control."),
    RuleId.JOINT_OR_SPINE: Sign(
        "You have a new hip or knee joint, or a broken bone in your spine:",
        "follow your surgeon's or physiotherapist's limits.",
    ),
    RuleId.CHRONIC_CONDITION: Sign("You have a long-term health condition."),
    RuleId.RECENT_HOSPITAL_STAY: Sign(
        "You were in hospital or had surgery in the past 3 months:",
        "ask when and how to start.",
    ),
    RuleId.FALL_WITH_INJURY: Sign("A fall hurt you."),
    RuleId.TWO_OR_MORE_FALLS: Sign("You fell 2 or more times", "in the past year."),
    RuleId.CANNOT_GET_UP: Sign("You could not get up from the floor", "after a fall."),
    RuleId.NEEDS_HELP_TO_WALK: Sign(
        "You need help to walk:", "another person, a stick, a frame or furniture."
    ),
    RuleId.SLOW_WALK: Sign(
        "You walk slower than 0.8 metres a second", "(4 m in more than 5 seconds)."
    ),
    RuleId.BALANCE_NOT_HELD: Sign(
        "You cannot stand with your feet together for 10 seconds", "without holding on."
    ),
    RuleId.UNSTEADY: Sign("You feel unsteady on your feet,", "or worry about falling."),
    RuleId.ONE_FALL: Sign(
        "You had a fall in the past year:",
        "tell your doctor. Balance exercise helps prevent the next one.",
    ),
}

HEADING: Final = {
    Level.AMBULANCE: "Call an ambulance now",
    Level.DOCTOR_TODAY: "See a doctor the same day",
    Level.DOCTOR_SOON: "See a doctor soon",
    Level.ASK_FIRST: "Ask your doctor or physiotherapist first",
    Level.FALLS_ASSESSMENT: "Ask your doctor for a falls assessment",
    Level.PHYSIOTHERAPIST: "Strength and balance exercise, with a physiotherapist",
    Level.GOOD_TO_KNOW: "Good to know",
}

ACTION: Final = {
    Level.AMBULANCE: f"Call an ambulance now: {call_numbers()}.",
    Level.DOCTOR_TODAY: "See a doctor the same day.",
    Level.DOCTOR_SOON: "See a doctor soon.",
    Level.ASK_FIRST: "Ask your doctor or physiotherapist before you start.",
    Level.FALLS_ASSESSMENT: "Ask your doctor for a falls assessment: it looks for the causes of "
    "falls and what can prevent the next one.",
    Level.PHYSIOTHERAPIST: "Strength and balance exercise helps. Ask your doctor to refer you to "
    "a physiotherapist, who can check your walking and balance and show you safe exercises.",
    Level.GOOD_TO_KNOW: "",
}

# How an answer marks each level: the first two stop the reader, the rest are cautions.
SEVERITY: Final = {
    Level.AMBULANCE: Severity.STOP,
    Level.DOCTOR_TODAY: Severity.STOP,
    Level.DOCTOR_SOON: Severity.CAUTION,
    Level.ASK_FIRST: Severity.CAUTION,
    Level.FALLS_ASSESSMENT: Severity.CAUTION,
    Level.PHYSIOTHERAPIST: Severity.CAUTION,
    Level.GOOD_TO_KNOW: Severity.INFO,
}


def sign(rule: Rule | RuleId) -> Sign:
    """A rule's sign, from its words key."""
    found = RULE[rule] if isinstance(rule, RuleId) else rule
    return SIGNS[found.words]


def sentence(rule: Rule | RuleId) -> str:
    """A rule in an answer: the sign, then what to do at its level.

    >>> sentence(RuleId.SLOW_WALK).split(". ")[0]
    'You walk slower than 0.8 metres a second (4 m in more than 5 seconds)'
    """
    found = RULE[rule] if isinstance(rule, RuleId) else rule
    return f"{sign(found).text()} {ACTION[found.level]}".strip()


def cited(rule: Rule) -> str:
    """The rule's source ids in brackets, "(M4, M3)", for an answer to link."""
    return f"({', '.join(source.value for source in rule.sources)})"


def alert(finding: Finding, detail: str = "") -> Alert:
    """A finding as an answer's alert: what was measured (`detail`), the sentence, sources."""
    rule = finding.rule
    lead = f"{detail} " if detail else ""
    return Alert(SEVERITY[rule.level], f"{lead}{sentence(rule)} {cited(rule)}")


__all__ = [
    "ACTION",
    "EMERGENCY_NUMBERS",
    "HEADING",
    "SEVERITY",
    "SIGNS",
    "Sign",
    "alert",
    "call_numbers",
    "cited",
    "sentence",
    "sign",
]
