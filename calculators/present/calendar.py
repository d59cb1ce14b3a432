"""The 12-week programme as an iCalendar file (RFC 5545): weekly repeating sessions.

Design:

- Made from the typed plan result the calculator computed: the wire (`calculators.api`) reads
  the request (`schedule.CalendarRequest`) and runs the plan once; this module writes the file
  and never reads the form or runs the plan itself.
- One event per day with a session (strength, balance, or walking and stretching) for each run
  of weeks in which that day's session stays the same (e.g. weeks 1–2 while you learn the
  moves); the rest day has none. Each repeats weekly on its day
  (`RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=…`), so the events of one weekday cover the 12 weeks once.
- The first week starts on the start date the page passes in (the reader's local date: the
  calculator never reads a clock); each event starts on the first matching weekday on or after
  the first day of its first week. Sessions start at the reader's time (`session_time`,
  05:00–22:00, default 10:00) in *floating* local time (no time zone: that time wherever the
  reader is) and last 45 minutes for strength, 30 for balance and for walking.
- An optional reminder (`reminder`: none, 15 minutes or 1 hour before) is a VALARM with
  ACTION:DISPLAY and a plain DESCRIPTION on every event (so on every repeat).
- Each description says how many weeks the calendar covers and its first and last day (week 1
  starts on the start date; the last day is the end of week 12); so does the page's message.
- Titles and doses are the plan's own phrases (`present.weeks.day_title`, `dose_phrase`). In a
  carer's own calendar an event must say whose and what it is: each title carries "Regain" and the
  optional name ("Dad — balance (Regain)"), and the calendar is named (X-WR-CALNAME). The name
  is the reader's text: escaped for iCalendar, never read for citations.
- No bare source ids: "(E3)" in a note is written out, "(source: …, 2009)", as the CLI does.
- UID: a hash of the day, first week, title and description (without the dates), `@regain`:
  the same plan gives the same UIDs whatever the start date, time or reminder, so importing it
  again updates the events instead of doubling them. DTSTAMP is the start date at midnight
  UTC, so equal input gives byte-identical files.
- Text values escape backslash, `;`, `,` and newlines; lines end in CRLF and are folded at 75
  octets, never inside a UTF-8 character.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date, timedelta

from calculators.errors import FieldError, InvalidInput
from calculators.plan import DAY_NAMES, DayKind, Note, PlanDay, PlanResult, PlanWeek
from calculators.present import numbers
from calculators.present.forms import reminder_time
from calculators.present.plan_notes import NOTE_WORDS, alerts, note_lines
from calculators.present.text import line as plain_text
from calculators.present.weeks import day_title, dose_phrase, walking_line
from calculators.results import Status
from calculators.schedule import DEFAULT_CHOICES, CalendarChoices, Reminder

FILENAME = "regain-weekly-plan.ics"
CALENDAR_NAME = "Regain exercise plan"
EVENT_MARK = "(Regain)"
PRODID = "-//Regain//Weekly plan//EN"
MINUTES = {DayKind.STRENGTH: 45, DayKind.BALANCE: 30, DayKind.MOVEMENT: 30}
BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_MAX_LINE_OCTETS = 75
# Control characters other than tab and newline are not allowed in iCalendar text (RFC 5545).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_DISCLAIMER = (
    "From your Regain weekly plan. It does not replace advice from your doctor or physiotherapist."
)


@dataclass(frozen=True)
class Session:
    """One weekly event: its weekday (0 = Monday), first week (1–12), weeks, title, text, length.

    The text is a heading line ("Weeks 1–2: …") and a body; the file adds the dates between
    them, so the dates stay out of the UID.
    """

    weekday: int
    first_week: int
    weeks: int
    summary: str
    heading: str
    body: str
    minutes: int

    def title(self, name: str = "") -> str:
        """The event's title: "Balance (Regain)", with a name "Dad — balance (Regain)"."""
        if not name:
            return f"{self.summary} {EVENT_MARK}"
        return f"{name} — {self.summary[:1].lower()}{self.summary[1:]} {EVENT_MARK}"

    @property
    def description(self) -> str:
        """The session's text without the dates: what its UID is made from."""
        return f"{self.heading}\n\n{self.body}"

    def dated(self, covers: str) -> str:
        """The event's DESCRIPTION: the heading, what the calendar covers, then the body."""
        return f"{self.heading}\n{covers}\n\n{self.body}"

    @property
    def uid(self) -> str:
        """A UID from the content: the same session gives the same UID in every file."""
        content = f"{BYDAY[self.weekday]}\n{self.first_week}\n{self.summary}\n{self.description}"
        return f"{hashlib.sha256(content.encode('utf-8')).hexdigest()[:32]}@regain"


@dataclass(frozen=True)
class CalendarFile:
    """The .ics file for a plan: its text, how many events and weeks, the days and choices."""

    content: str
    events: int
    weeks: int
    sessions: int  # every repeat of every event
    days: int  # days a week with a session
    first_day: date
    last_day: date
    choices: CalendarChoices = DEFAULT_CHOICES

    def to_wire(self) -> dict[str, object]:
        """The file as the wire's result."""
        return {
            "filename": FILENAME,
            "content": self.content,
            "events": self.events,
            "weeks": self.weeks,
            "sessions": self.sessions,
            "first_day": self.first_day.isoformat(),
            "last_day": self.last_day.isoformat(),
            "session_time": f"{self.choices.session_time:%H:%M}",
            "reminder": self.choices.reminder.value,
            "message": calendar_saved(
                calendar_span(self.weeks, self.first_day, self.last_day),
                self.sessions,
                self.days,
                self.choices,
            ),
        }


# ---------------------------------------------------------------- the wire entry point


def plan_calendar(
    plan: PlanResult, start: date, choices: CalendarChoices = DEFAULT_CHOICES
) -> dict[str, object]:
    """The "plan-calendar" answer: the computed plan's .ics file, as the wire's result.

    The plan is the typed result the calculator computed (`calculators.api`); nothing here
    reads the form or runs the plan again. Raises `InvalidInput` with one error about no field
    when the plan refers the reader (no plan, so no calendar), in the referral's own words.
    """
    if plan.status is not Status.OK:
        reasons = " ".join(shown.message for shown in alerts(plan))
        message = f"There is no plan to put in a calendar. {reasons}".strip()
        raise InvalidInput([FieldError("", message)])
    return calendar_file(plan, start, choices).to_wire()


# ---------------------------------------------------------------- sessions from a plan


def weeks_in_calendar(plan: PlanResult) -> int:
    """How many weeks the calendar covers: the whole programme."""
    return len(plan.weeks)


def sessions(plan: PlanResult) -> tuple[Session, ...]:
    """The programme's sessions, Monday first, then by first week; the rest day has none."""
    found: list[Session] = []
    for weekday in range(7):
        runs: list[tuple[int, int, str, str, int]] = []
        for week in plan.weeks:
            day = week.days[weekday]
            if day.kind is DayKind.REST:
                continue
            body = _body(day, week, plan)
            if runs and runs[-1][3] == body and runs[-1][0] + runs[-1][1] == week.week:
                first, count, title, text, minutes = runs[-1]
                runs[-1] = (first, count + 1, title, text, minutes)
            else:
                runs.append((week.week, 1, day_title(day), body, MINUTES[day.kind]))
        for first, count, title, body, minutes in runs:
            label = f"Week {first}" if count == 1 else f"Weeks {first}–{first + count - 1}"
            heading = f"{label}: {title}. About {minutes} minutes."
            found.append(Session(weekday, first, count, title, heading, body, minutes))
    return tuple(found)


def _body(day: PlanDay, week: PlanWeek, plan: PlanResult) -> str:
    """A session's text, without the weeks it covers (equal texts make one repeating event)."""
    lines = ["Exercises:"]
    for planned in day.exercises:
        lines.append(f"- {planned.exercise.name}: {dose_phrase(planned)}")
        lines.append(f"  Safety: {planned.exercise.safety}")
        if planned.harder is not None:
            lines.append(f"  Harder version when it feels easy: {planned.harder.name}")
    if not day.exercises:
        lines.append("- None today: nothing in the library fits your level and equipment.")
    lines += ["", *note_lines(day.notes), *note_lines(week.notes)]
    if day.kind is DayKind.STRENGTH:
        lines.append(NOTE_WORDS[Note.PROGRESSION])
    lines += ["", walking_line(plan), "", _DISCLAIMER]
    return plain_text(("\n".join(lines),))


# ---------------------------------------------------------------- writing RFC 5545


def calendar_file(
    plan: PlanResult, start: date, choices: CalendarChoices = DEFAULT_CHOICES
) -> CalendarFile:
    """The .ics text of a plan's sessions; week 1 starts on `start`, at the chosen time.

    The plan's `print_name`, if any, goes in the calendar's name and every event's title.
    """
    name = plan.print_name
    weeks = weeks_in_calendar(plan)
    last_day = start + timedelta(weeks=weeks, days=-1)
    covers = f"Your calendar covers {calendar_span(weeks, start, last_day)}."
    stamp = f"{start:%Y%m%d}T000000Z"
    at = f"{choices.session_time:%H%M}00"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(f'{CALENDAR_NAME} for {name}' if name else CALENDAR_NAME)}",
    ]
    chosen = sessions(plan)
    for session in chosen:
        week_start = start + timedelta(weeks=session.first_week - 1)
        first = first_on_or_after(week_start, session.weekday)
        lines += [
            "BEGIN:VEVENT",
            f"UID:{session.uid}",
            f"DTSTAMP:{stamp}",
            f"DTSTART:{first:%Y%m%d}T{at}",
            f"DURATION:PT{session.minutes}M",
            f"RRULE:FREQ=WEEKLY;BYDAY={BYDAY[session.weekday]};COUNT={session.weeks}",
            f"SUMMARY:{escape_text(session.title(name))}",
            f"DESCRIPTION:{escape_text(session.dated(covers))}",
            *alarm(session, choices.reminder, name),
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    content = "".join(f"{fold(line)}\r\n" for line in lines)
    return CalendarFile(
        content,
        events=len(chosen),
        weeks=weeks,
        sessions=sum(session.weeks for session in chosen),
        days=len({session.weekday for session in chosen}),
        first_day=start,
        last_day=last_day,
        choices=choices,
    )


def alarm(session: Session, reminder: Reminder, name: str = "") -> list[str]:
    """A display reminder before each repeat of the session (RFC 5545 VALARM), if chosen."""
    if reminder is Reminder.NONE:
        return []
    words = f"Regain session in {reminder_time(reminder)}: {session.title(name)}."
    return [
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{escape_text(words)}",
        f"TRIGGER:-PT{reminder.minutes}M",
        "END:VALARM",
    ]


def first_on_or_after(start: date, weekday: int) -> date:
    """The first date on or after `start` that falls on `weekday` (0 = Monday).

    >>> first_on_or_after(date(2025, 1, 8), 0)  # a Wednesday -> the next Monday
    datetime.date(2025, 1, 13)
    """
    return start + timedelta(days=(weekday - start.weekday()) % 7)


def escape_text(text: str) -> str:
    r"""A TEXT value: backslash, semicolon, comma and newline escaped (RFC 5545, 3.3.11).

    >>> print(escape_text("Sets, reps; a\\b\nnext"))
    Sets\, reps\; a\\b\nnext
    """
    clean = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return clean.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """Fold a content line into parts of at most 75 octets, never splitting a character.

    Continuation parts start with one space (which counts toward their 75 octets) and are
    joined with CRLF, as RFC 5545 (3.1) asks.
    """
    parts: list[str] = []
    current, size, limit = "", 0, _MAX_LINE_OCTETS
    for character in line:
        width = len(character.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = "", 0, _MAX_LINE_OCTETS - 1
        current += character
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def long_date(day: date) -> str:
    """A date in words, the same in every browser: "Thursday 26 November 2026"."""
    return f"{DAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def calendar_span(weeks: int, first: date, last: date) -> str:
    """The weeks a calendar file covers: "12 weeks, from … to …"."""
    return f"{numbers.plural(weeks, 'week')}, from {long_date(first)} to {long_date(last)}"


def calendar_saved(span: str, sessions: int, days: int, choices: CalendarChoices) -> str:
    """What the page says when the calendar file is saved: what it covers, when, reminders.

    `span` is `calendar_span`'s "12 weeks, from … to …".
    """
    reminder = choices.reminder
    alarm = (
        "no reminder"
        if reminder is Reminder.NONE
        else f"a reminder {reminder_time(reminder)} before each"
    )
    return (
        f"Calendar file saved. It covers {span}: {numbers.plural(sessions, 'session')}, "
        f"{numbers.plural(days, 'day')} a week at {choices.session_time:%H:%M}, with {alarm}. "
        "Open the file to add them to your calendar."
    )
