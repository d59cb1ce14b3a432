"""Safe exercise selection: which exercises this reader may do, and which fill each day."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from calculators.exercises import Category, Equipment, Exercise, Level, Position
from calculators.function import FunctionLevel
from calculators.plan.answers import Focus, PlanInput
from calculators.plan.days import REST_DAY
from calculators.plan.result import Muscles


@dataclass(frozen=True)
class Slot:
    """A place for one exercise: the categories that may fill it, best first.

    `required`: a day without it counts as short (the coverage test's and properties' rule).
    """

    categories: tuple[Category, ...]
    required: bool


_LOWER = Slot((Category.LOWER_BODY,), required=True)
_UPPER = Slot((Category.UPPER_BODY,), required=True)
_MORE_LOWER = Slot((Category.LOWER_BODY,), required=False)
_MORE_UPPER = Slot((Category.UPPER_BODY,), required=False)
_WHOLE = Slot((Category.FULL_BODY, Category.LOWER_BODY), required=False)
_BALANCE = Slot((Category.BALANCE,), required=True)
_CORE = Slot((Category.CORE,), required=False)
_STRETCH = Slot((Category.MOBILITY,), required=True)
_STRENGTH_SLOTS: Mapping[Muscles, tuple[Slot, ...]] = {
    Muscles.LOWER: (_LOWER, _MORE_LOWER, _MORE_LOWER),
    Muscles.UPPER: (_UPPER, _MORE_UPPER, _MORE_UPPER),
    Muscles.FULL: (_LOWER, _UPPER, _WHOLE),
}
_BALANCE_SLOTS = (_BALANCE, _BALANCE)


def isometric_hold(exercise: Exercise) -> bool:
    """A strength or core hold (wall sit, planks): a muscle tensed without moving."""
    strength = {Category.LOWER_BODY, Category.UPPER_BODY, Category.CORE}
    return exercise.dose.hold_seconds is not None and exercise.category in strength


def holds_left_out(answers: PlanInput, falls_risk: bool) -> bool:
    """No isometric holds after a hospital stay, with blackouts or with falls risk."""
    return answers.recent_hospital_stay or answers.blackouts or falls_risk


def day_slots(index: int, muscles: Muscles | None, balance: bool, focus: Focus) -> tuple[Slot, ...]:
    """The slots of one day of the week's pattern (none on the rest day)."""
    if index == REST_DAY:
        return ()
    slots: list[Slot] = []
    if muscles is not None:
        slots += _STRENGTH_SLOTS[muscles]
        if focus is Focus.LEGS and muscles is not Muscles.UPPER:
            slots.append(_MORE_LOWER)
    if balance:
        slots += _BALANCE_SLOTS
        slots.append(_CORE)
    if muscles is None:
        slots += (_STRETCH, _STRETCH)
    return tuple(slots)


def allowed(
    exercise: Exercise,
    answers: PlanInput,
    level: FunctionLevel,
    *,
    falls_risk: bool,
) -> bool:
    """Whether an exercise is safe and possible for this reader (the module's rules)."""
    position = exercise.position
    balance = exercise.category is Category.BALANCE
    standing_balance = balance and position is not Position.SEATED
    refusals = (
        not exercise.suits(level),
        not exercise.equipment <= answers.available,
        level is FunctionLevel.A and position is not Position.SEATED,
        level is FunctionLevel.B and position not in {Position.SEATED, Position.STANDING_SUPPORTED},
        position is Position.FLOOR and (not answers.floor_ok or answers.cannot_get_up),
        balance and position is Position.STANDING_UNSUPPORTED and falls_risk,
        standing_balance
        and level.rank <= FunctionLevel.C.rank
        and not {Equipment.COUNTER, Equipment.CHAIR} <= exercise.equipment,
        answers.recent_hospital_stay and exercise.level is Level.STRONG,
        isometric_hold(exercise) and holds_left_out(answers, falls_risk),
    )
    return not any(refusals)


class Picker:
    """Chooses exercises for slots: safe for the reader, varied over the week."""

    def __init__(
        self,
        library: tuple[Exercise, ...],
        answers: PlanInput,
        level: FunctionLevel,
        falls_risk: bool,
    ) -> None:
        self._order = {exercise.id: index for index, exercise in enumerate(library)}
        self._by_id = {exercise.id: exercise for exercise in library}
        self._chains = _chains(library)
        self._usable = [
            exercise
            for exercise in library
            if allowed(exercise, answers, level, falls_risk=falls_risk)
        ]
        self._usable_ids = {exercise.id for exercise in self._usable}
        self._uses: Counter[str] = Counter()
        self.unfilled = 0

    def day(self, slots: Sequence[Slot]) -> tuple[Exercise, ...]:
        """One exercise per slot where one fits; no two from one chain of variations."""
        chosen: list[Exercise] = []
        for slot in slots:
            taken = {self._chains[exercise.id] for exercise in chosen}
            options = [
                exercise
                for exercise in self._usable
                if exercise.category in slot.categories and self._chains[exercise.id] not in taken
            ]
            if not options:
                self.unfilled += slot.required
                continue
            best = min(options, key=lambda exercise: self._preference(exercise, slot))
            self._uses[best.id] += 1
            chosen.append(best)
        return tuple(chosen)

    def _preference(self, exercise: Exercise, slot: Slot) -> tuple[int, int, int, int]:
        """Slot's first category, least used, the one meant for the higher level, data order."""
        return (
            slot.categories.index(exercise.category),
            self._uses[exercise.id],
            -exercise.min_level.rank,
            self._order[exercise.id],
        )

    def variation(self, exercise: Exercise, direction: str) -> Exercise | None:
        """The easier or harder version, if this reader may do it."""
        other = exercise.easier if direction == "easier" else exercise.harder
        if other is None or other not in self._usable_ids:
            return None
        return self._by_id[other]


def _chains(library: tuple[Exercise, ...]) -> dict[str, str]:
    """Each exercise id -> the id of the easiest exercise in its chain of variations."""
    by_id = {exercise.id: exercise for exercise in library}
    roots: dict[str, str] = {}
    for exercise in library:
        current, seen = exercise, {exercise.id}
        while current.easier in by_id and current.easier not in seen:
            current = by_id[current.easier]
            seen.add(current.id)
        roots[exercise.id] = current.id
    return roots
