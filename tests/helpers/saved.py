"""Saved self-checks for the record's views (issue 24): a base of answers, changed per test."""

from __future__ import annotations

from calculators.record import SavedCheck, Section, saved_entry

# A complete self-check: every test done (chair 16.2 s, tandem 5 s, walk 5.5 s), no fall.
SELF_CHECK_ANSWERS: dict[str, object] = {
    "strength": "1",
    "assistance": "0",
    "rise": "1",
    "climb": "0",
    "falls": "0",
    "chair_stand_seconds": "16.2",
    "balance_side_by_side_seconds": "10",
    "balance_semi_tandem_seconds": "10",
    "balance_tandem_seconds": "5",
    "walk_4m_seconds": "5.5",
    "age": "74",
}


def saved_check(day: str, **changes: object) -> SavedCheck:
    """A saved self-check of `day`; a change to None leaves that answer out (not done)."""
    given = {**SELF_CHECK_ANSWERS, **changes}
    saved = saved_entry(
        Section.CHECKS, day, {name: value for name, value in given.items() if value is not None}
    )
    assert isinstance(saved, SavedCheck)
    return saved
