"""When the calendar's sessions happen: the first day, the reader's time of day and a reminder.

A "plan-calendar" request (`CalendarRequest`) is the plan's answers plus these; the wire
(`calculators.api`) reads it, computes the plan once and hands the typed result to the calendar
file (`present.calendar`). The page asks for the time and reminder next to its "Add to my
calendar" button (`present.forms.CALENDAR_FIELDS`), so one declaration (`FIELDS`) feeds the
form, the checks and the file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, time
from enum import StrEnum

from calculators import fields
from calculators.errors import FieldError, FieldProblem, InvalidInput, Problem
from calculators.fields import Field, Kind
from calculators.inputs import PayloadReader
from calculators.plan import PlanInput


class Reminder(StrEnum):
    """How long before each session the calendar reminds the reader (none by default)."""

    NONE = "none"
    MINUTES_15 = "15-minutes"
    HOUR_1 = "1-hour"

    @property
    def minutes(self) -> int:
        """Minutes before the session (0 for no reminder)."""
        return {Reminder.NONE: 0, Reminder.MINUTES_15: 15, Reminder.HOUR_1: 60}[self]


# Common practice (no evidence sets it): a mid-morning session, after breakfast, when most
# older adults feel steadiest. The reader changes it.
DEFAULT_SESSION_TIME = time(10, 0)
# A sanity window, not evidence: sessions start between 05:00 and 22:00. An earlier or later
# time is nearly always a 12-hour-clock slip (1:00 typed for 13:00), and a 45-minute session
# that starts at 22:00 still ends before 23:00.
EARLIEST_SESSION = time(5, 0)
LATEST_SESSION = time(22, 0)
# "10:00", "9:30" (a text box in an older browser) or "10:00:00" (a time box with seconds).
_TIME = re.compile(r"(\d{1,2}):(\d{2})(?::00)?")
# A sanity bound, not evidence: a start date outside these years is a typo or a wrong clock.
START_YEARS = (2000, 2100)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class CalendarChoices:
    """The reader's session time (floating local time) and reminder."""

    session_time: time = DEFAULT_SESSION_TIME
    reminder: Reminder = Reminder.NONE

    @classmethod
    def from_mapping(cls, payload: Mapping[str, object]) -> CalendarChoices:
        """Read `session_time` and `reminder`; raises `InvalidInput` naming each bad field.

        An absent (or null) value takes the default: 10:00, no reminder. An empty time box is
        an error, not the default: the page's box starts at 10:00, so "" means the reader
        cleared it or typed half a time, and a silent 10:00 would surprise them.
        """
        reader = PayloadReader(payload)
        session = read_session_time(reader, payload.get(SESSION_TIME.name))
        reminder = reader.read_choice(REMINDER, Reminder)
        reader.finish()
        return cls(session, reminder)


DEFAULT_CHOICES = CalendarChoices()


def clock_words(moment: time) -> str:
    """A time both ways, for a reader whose box shows a 12-hour clock: "22:00 (10 at night)".

    >>> clock_words(time(5, 0)), clock_words(time(13, 30)), clock_words(time(18, 0))
    ('05:00 (5 in the morning)', '13:30 (1.30 in the afternoon)', '18:00 (6 in the evening)')
    """
    hour = moment.hour % 12 or 12
    spoken = f"{hour}.{moment.minute:02d}" if moment.minute else f"{hour}"
    part = next(words for start, words in _DAY_PARTS if moment.hour >= start)
    return f"{moment:%H:%M} ({spoken} {part})"


# Where each part of the day starts (hour), latest first.
_DAY_PARTS = (
    (21, "at night"),
    (18, "in the evening"),
    (12, "in the afternoon"),
    (0, "in the morning"),
)


def allowed_times() -> str:
    """The allowed session times in short form: "05:00–22:00"."""
    return f"{EARLIEST_SESSION:%H:%M}–{LATEST_SESSION:%H:%M}"


def read_session_time(reader: PayloadReader, value: object) -> time:
    """A time of day "HH:MM" between 05:00 and 22:00; a problem is recorded on `reader`.

    >>> read_session_time(PayloadReader({}), "7:45")
    datetime.time(7, 45)
    """
    if value is None:
        return DEFAULT_SESSION_TIME
    found = _TIME.fullmatch(value.strip()) if isinstance(value, str) else None
    if found is not None:
        try:
            chosen = time(int(found[1]), int(found[2]))
        except ValueError:  # 25:00 or 10:75: not a time of day
            chosen = None
        if chosen is not None and EARLIEST_SESSION <= chosen <= LATEST_SESSION:
            return chosen
    reader.reject(
        SESSION_TIME,
        allowed_times(),
        earliest=clock_words(EARLIEST_SESSION),
        latest=clock_words(LATEST_SESSION),
    )
    return DEFAULT_SESSION_TIME


# The calendar's answers (`fields`): its boxes beside the plan's calendar button and the reader
# above derive from these.
SESSION_TIME = Field(
    "session_time",
    Kind.TIME,
    "calendar.session_time",
    default=f"{DEFAULT_SESSION_TIME:%H:%M}",
)
REMINDER = fields.choice(
    "reminder", Kind.SELECT, Reminder, "calendar.reminder", default=Reminder.NONE
)
FIELDS = (SESSION_TIME, REMINDER)


@dataclass(frozen=True)
class CalendarRequest:
    """A "plan-calendar" request: the plan's answers, the first day of week 1, time and reminder."""

    answers: PlanInput
    start: date
    choices: CalendarChoices = DEFAULT_CHOICES

    @classmethod
    def from_mapping(cls, payload: Mapping[str, object]) -> CalendarRequest:
        """Read the plan payload plus `start_date`, `session_time` and `reminder`.

        `session_time` and `reminder` are optional (10:00, none). Raises `InvalidInput` for bad
        answers, every field at once: the plan's, then the date, time and reminder.
        """
        errors: list[FieldProblem | FieldError] = []
        try:
            answers: PlanInput | None = PlanInput.from_mapping(payload)
        except InvalidInput as error:
            answers = None
            errors += error.errors
        try:
            start: date | None = read_start_date(payload.get("start_date"))
        except InvalidInput as error:
            start = None
            errors += error.errors
        try:
            choices: CalendarChoices | None = CalendarChoices.from_mapping(payload)
        except InvalidInput as error:
            choices = None
            errors += error.errors
        if errors or answers is None or start is None or choices is None:
            raise InvalidInput(errors)
        return cls(answers, start, choices)


def read_start_date(value: object) -> date:
    """An ISO date (YYYY-MM-DD) between the years in `START_YEARS`, else `InvalidInput`.

    >>> read_start_date("2025-01-06")
    datetime.date(2025, 1, 6)
    """
    low, high = START_YEARS
    if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        try:
            parsed = date.fromisoformat(value.strip())
        except ValueError:
            pass
        else:
            if low <= parsed.year <= high:
                return parsed
    allowed = f"YYYY-MM-DD, years {low}–{high}"
    problem = FieldProblem("start_date", Problem.VALUE, allowed, words="calendar.start_date")
    raise InvalidInput([problem])


__all__ = [
    "DEFAULT_CHOICES",
    "FIELDS",
    "REMINDER",
    "SESSION_TIME",
    "CalendarChoices",
    "CalendarRequest",
    "Reminder",
    "read_session_time",
    "read_start_date",
]
