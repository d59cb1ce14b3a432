"""The plan as an .ics file: valid RFC 5545 that `icalendar` reads, one weekly event per session."""

from __future__ import annotations

import ast
import copy
import json
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from icalendar import Calendar

from calculators import api
from calculators.plan import weekly_plan
from calculators.present import calendar, view
from calculators.schedule import CalendarRequest

ROOT = Path(__file__).resolve().parent.parent
EXERCISES = yaml.safe_load((ROOT / "data" / "exercises.yml").read_text(encoding="utf-8"))
PLAN = {
    "age": 70,
    "ability": "tires-quickly",
    "strength_days": 3,
    "equipment": ["chair", "wall", "counter"],
    "start_date": "2025-01-08",  # a Wednesday
}
BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def ics(payload: dict[str, Any] | None = None, exercises: Any = None) -> dict[str, Any]:
    """The plan-calendar answer's result for a payload (the default plan if none)."""
    answer = api.run(
        "plan-calendar", payload or PLAN, exercises=EXERCISES if exercises is None else exercises
    )
    assert answer["ok"], answer
    result: dict[str, Any] = answer["result"]
    return result


def events(content: str) -> list[Any]:
    """The VEVENTs of an .ics text, parsed by the icalendar library."""
    return list(Calendar.from_ical(content).walk("VEVENT"))


def session_days(payload: dict[str, Any]) -> list[str]:
    """The BYDAY codes of the plan's days that are not rest days."""
    plan = api.run("plan", payload, exercises=EXERCISES)["result"]
    return [BYDAY[day["day"] - 1] for day in plan["days"] if day["kind"] != "rest"]


def plan_weeks(payload: dict[str, Any]) -> list[Any]:
    """The programme's weeks for a payload (the wire's `weeks`)."""
    result: list[Any] = api.run("plan", payload, exercises=EXERCISES)["result"]["weeks"]
    return result


def test_result_names_the_file_and_counts_the_events() -> None:
    """The result is {filename, content, events, weeks} with events = VEVENTs, weeks = 12."""
    result = ics()
    assert result["filename"] == "regain-weekly-plan.ics"
    assert result["events"] == len(events(result["content"]))
    assert result["weeks"] == 12


def test_calendar_has_version_prodid_and_calscale() -> None:
    """The VCALENDAR declares VERSION 2.0, our PRODID and the Gregorian calendar."""
    parsed = Calendar.from_ical(ics()["content"])
    assert str(parsed["VERSION"]) == "2.0"
    assert str(parsed["PRODID"]) == calendar.PRODID
    assert str(parsed["CALSCALE"]) == "GREGORIAN"


def test_every_event_has_the_required_properties() -> None:
    """Each event has UID, DTSTAMP, DTSTART, DURATION, RRULE, SUMMARY and DESCRIPTION."""
    for event in events(ics()["content"]):
        for name in ("UID", "DTSTAMP", "DTSTART", "DURATION", "RRULE", "SUMMARY", "DESCRIPTION"):
            assert name in event, name


@pytest.mark.parametrize("strength_days", range(1, 8))
def test_each_session_day_is_covered_for_all_12_weeks(strength_days: int) -> None:
    """Per weekday the events' COUNTs add up to 12, on exactly the plan's non-rest days."""
    payload = {**PLAN, "strength_days": strength_days}
    weeks: dict[str, int] = {}
    for event in events(ics(payload)["content"]):
        day = str(event["RRULE"]["BYDAY"][0])
        weeks[day] = weeks.get(day, 0) + event["RRULE"]["COUNT"][0]
    assert sorted(weeks) == sorted(session_days(payload))
    assert set(weeks.values()) == {12}


def test_events_repeat_weekly_on_their_own_day() -> None:
    """RRULE is FREQ=WEEKLY on one day, with a COUNT of at least 1."""
    for event in events(ics()["content"]):
        rule = event["RRULE"]
        assert rule["FREQ"] == ["WEEKLY"]
        assert rule["COUNT"][0] >= 1
        assert len(rule["BYDAY"]) == 1


def test_learning_weeks_are_one_event_repeating_twice() -> None:
    """Weeks 1–2 have the same sessions, so each weekday's first event repeats twice."""
    for event in events(ics()["content"]):
        if str(event["DESCRIPTION"]).startswith("Weeks 1–2:"):
            assert event["RRULE"]["COUNT"] == [2]
    assert any(str(e["DESCRIPTION"]).startswith("Weeks 1–2:") for e in events(ics()["content"]))


def test_first_event_of_each_run_is_in_its_first_week() -> None:
    """DTSTART falls on its BYDAY, within the week its run starts (week 1 = the start date)."""
    start = date(2025, 1, 8)
    for event in events(ics()["content"]):
        first = event["DTSTART"].dt
        text = str(event["DESCRIPTION"])
        week = int(text.split(":", 1)[0].split()[1].split("–", 1)[0])
        week_start = start + timedelta(weeks=week - 1)
        assert BYDAY[first.weekday()] == str(event["RRULE"]["BYDAY"][0])
        assert week_start <= first.date() < week_start + timedelta(days=7)


def test_sessions_start_at_ten_in_floating_local_time() -> None:
    """DTSTART is 10:00 with no time zone (10:00 wherever the reader is)."""
    for event in events(ics()["content"]):
        first = event["DTSTART"].dt
        assert isinstance(first, datetime)
        assert first.tzinfo is None
        assert (first.hour, first.minute) == (10, 0)


def test_strength_sessions_last_45_minutes_others_30() -> None:
    """DURATION is 45 minutes for strength, 30 for balance and walking."""
    for event in events(ics()["content"]):
        minutes = event["DURATION"].dt.total_seconds() / 60
        assert minutes == (45 if str(event["SUMMARY"]).startswith("Strength") else 30)


def test_summaries_are_the_plans_day_titles_marked_regain() -> None:
    """Event titles are the plan's own day titles (one phrase everywhere), then "(Regain)"."""
    titles = {day["title"] for week in plan_weeks(PLAN) for day in week["days"]}
    summaries = {str(event["SUMMARY"]) for event in events(ics()["content"])}
    assert summaries == {f"{title} (Regain)" for title in titles - {"Rest"}}


def test_a_name_leads_every_title_and_names_the_calendar() -> None:
    """With a name, a carer's calendar says whose session it is: "Dad — balance (Regain)"."""
    content = ics({**PLAN, "print_name": "Dad"})["content"]
    summaries = {str(event["SUMMARY"]) for event in events(content)}
    assert "Dad — balance (Regain)" in summaries
    assert all(summary.startswith("Dad — ") for summary in summaries)
    assert str(Calendar.from_ical(content)["X-WR-CALNAME"]) == "Regain exercise plan for Dad"


def test_the_calendar_is_named_without_a_name_too() -> None:
    """X-WR-CALNAME names the calendar Regain's, so a calendar app lists it by that name."""
    assert str(Calendar.from_ical(ics()["content"])["X-WR-CALNAME"]) == "Regain exercise plan"


@pytest.mark.parametrize(
    "name", ["Ann (E3)", "Bo; Lee, \\x", "Nana\u00a0Zoë 👩\u200d👩\u200d👧 李小龙" * 2]
)
def test_a_name_is_kept_literally_in_titles_and_reminders(name: str) -> None:
    """A name in any script is the reader's: "Ann (E3)" is no citation; iCalendar escapes it."""
    content = ics({**PLAN, "print_name": name, "reminder": "15-minutes"})["content"]
    parsed = Calendar.from_ical(content)
    # icalendar leaves an X- property's text escaped: compare with RFC 5545's escaping.
    calname = calendar.escape_text(f"Regain exercise plan for {name}")
    assert f"\r\nX-WR-CALNAME:{calname}\r\n" in content.replace("\r\n ", "")
    for event in parsed.walk("VEVENT"):
        assert str(event["SUMMARY"]).startswith(f"{name} — ")
        assert f"{name} — " in str(next(iter(event.walk("VALARM")))["DESCRIPTION"])


def test_no_event_text_holds_a_bare_source_id() -> None:
    """Ids such as "(E3)" are written out, "(source: …)", in every title and description."""
    payload = {**PLAN, "fall_past_year": True, "recent_hospital_stay": True, "reminder": "1-hour"}
    content = ics(payload)["content"]
    for event in events(content):
        for text in (str(event["SUMMARY"]), str(event["DESCRIPTION"])):
            assert not view.CITATION.search(text), text
    assert "(source: " in content.replace("\r\n ", "")


def test_walking_goal_for_every_week_is_in_the_description() -> None:
    """A step goal's 12 weeks are listed in each event, as the plan gives them."""
    payload = {**PLAN, "age": 40, "strength_days": 2, "steps_per_day": 5000}
    goals = [week["walking"]["steps_per_day"] for week in plan_weeks(payload)]
    line = "; ".join(f"week {w}: {steps:,}" for w, steps in enumerate(goals, 1))
    assert all(line in str(event["DESCRIPTION"]) for event in events(ics(payload)["content"]))


def test_description_lists_exercises_as_the_page_does_and_the_effort_rule() -> None:
    """Each exercise line of a strength description is the page's line (one dose phrase)."""
    page = BeautifulSoup(str(api.run("plan", PLAN, exercises=EXERCISES)["html"]), "html.parser")
    first = page.select_one("details.rg-plan")  # weeks 1–2, the first event's weeks
    assert first is not None
    shown = [item.get_text() for item in first.select('[data-day="1"] li[data-exercise]')]
    description = str(events(ics()["content"])[0]["DESCRIPTION"])
    assert shown
    for line in shown:
        assert f"- {line}\n" in description
    assert "The last 2–3 reps of each set should feel hard" in description


def test_every_line_ends_in_crlf() -> None:
    """Content lines end in CRLF, and no bare LF or CR is left anywhere."""
    content = ics()["content"]
    assert content.endswith("END:VCALENDAR\r\n")
    assert content.count("\n") == content.count("\r\n") == content.count("\r")


def test_lines_are_folded_at_75_octets() -> None:
    """No physical line is longer than 75 octets of UTF-8, and long lines were folded."""
    lines = ics()["content"].encode("utf-8").split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)


def test_folding_never_splits_a_character() -> None:
    """Every folded part is whole UTF-8, and unfolding gives back the line."""
    line = "DESCRIPTION:" + "8–12 × reps " * 40
    parts = calendar.fold(line).encode("utf-8").split(b"\r\n")
    assert all(len(part) <= 75 for part in parts)
    decoded = [part.decode("utf-8") for part in parts]
    assert decoded[0] + "".join(part[1:] for part in decoded[1:]) == line


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("a, b", "a\\, b"),
        ("a; b", "a\\; b"),
        ("a\\b", "a\\\\b"),
        ("a\nb", "a\\nb"),
        ("a\r\nb", "a\\nb"),
        ("a\x00b\x07", "ab"),
    ],
)
def test_text_values_are_escaped(text: str, escaped: str) -> None:
    """Commas, semicolons, backslashes and newlines are escaped; control characters dropped."""
    assert calendar.escape_text(text) == escaped


def test_hostile_exercise_name_survives_the_round_trip() -> None:
    """A name with a comma, semicolon, backslash and newline reads back unchanged."""
    rows = copy.deepcopy(EXERCISES)
    hostile = "Sit, then stand; back\\slash\nnext line"
    for row in rows:
        if row["id"] == "sit-to-stand":
            row["name"] = hostile
    parsed = events(ics(exercises=rows)["content"])
    assert any(hostile in str(event["DESCRIPTION"]) for event in parsed)


def test_uids_are_unique_and_end_in_regain() -> None:
    """Each event has its own UID, `…@regain`."""
    uids = [str(event["UID"]) for event in events(ics()["content"])]
    assert len(set(uids)) == len(uids)
    assert all(uid.endswith("@regain") for uid in uids)


def test_same_plan_gives_the_same_uids_whatever_the_start_date() -> None:
    """UIDs come from the content, so a later download updates the events instead of doubling."""
    first = [str(e["UID"]) for e in events(ics()["content"])]
    later = [str(e["UID"]) for e in events(ics({**PLAN, "start_date": "2025-03-01"})["content"])]
    assert first == later


def test_same_input_gives_the_same_file() -> None:
    """The file is deterministic: DTSTAMP comes from the start date, never from a clock."""
    assert ics()["content"] == ics()["content"]
    stamps = {event["DTSTAMP"].dt for event in events(ics()["content"])}
    assert {stamp.date() for stamp in stamps} == {date(2025, 1, 8)}


@pytest.mark.parametrize(
    "start_date",
    [None, "", "2025-13-01", "2025-02-30", "06/01/2025", "2025-1-6", "20250106", 20250106,
     "1999-12-31", "2101-01-01", "2025-01-06T10:00", True],
)  # fmt: skip
def test_invalid_start_date_is_a_field_error(start_date: object) -> None:
    """A missing or malformed start date is an error on the start_date field only."""
    payload = {key: value for key, value in PLAN.items() if key != "start_date"}
    if start_date is not None:
        payload["start_date"] = start_date
    answer = api.run("plan-calendar", payload, exercises=EXERCISES)
    assert answer["ok"] is False
    assert [error["field"] for error in answer["errors"]] == ["start_date"]


def test_plan_errors_and_date_error_come_together() -> None:
    """Bad plan answers and a bad date are reported at once, the plan's fields first."""
    payload = {**PLAN, "age": "abc", "start_date": "soon"}
    answer = api.run("plan-calendar", payload, exercises=EXERCISES)
    assert [error["field"] for error in answer["errors"]] == ["age", "start_date"]


def test_referral_gives_no_calendar_but_a_clear_error() -> None:
    """Chest pain on exertion: no plan, so no file; one error saying why (about no field)."""
    payload = {**PLAN, "chest_pain_or_fainting": True}
    answer = api.run("plan-calendar", payload, exercises=EXERCISES)
    assert answer["ok"] is False
    assert [error["field"] for error in answer["errors"]] == [""]
    assert "no plan to put in a calendar" in answer["errors"][0]["message"]
    assert "a doctor needs to check it" in answer["errors"][0]["message"]


def test_browser_entry_point_returns_the_same_file() -> None:
    """run_json (the worker's call) gives the same .ics text as run."""
    answer = json.loads(api.run_json("plan-calendar", json.dumps(PLAN), json.dumps(EXERCISES)))
    assert answer["result"]["content"] == ics()["content"]


@pytest.mark.parametrize("chosen", ["07:15", "17:30", "5:00", "22:00", "08:05:00"])
def test_every_event_starts_at_the_chosen_time(chosen: str) -> None:
    """DTSTART of every event carries the reader's time, still floating (no time zone)."""
    hours, minutes = (int(part) for part in chosen.split(":")[:2])
    for event in events(ics({**PLAN, "session_time": chosen})["content"]):
        first = event["DTSTART"].dt
        assert first.tzinfo is None
        assert (first.hour, first.minute) == (hours, minutes)


@pytest.mark.parametrize(
    ("reminder", "trigger"),
    [("15-minutes", timedelta(minutes=-15)), ("1-hour", timedelta(hours=-1))],
)
def test_chosen_reminder_is_a_display_alarm_on_every_event(
    reminder: str, trigger: timedelta
) -> None:
    """Each event holds one VALARM: DISPLAY, a plain description, TRIGGER before the start."""
    for event in events(ics({**PLAN, "reminder": reminder})["content"]):
        alarms = list(event.walk("VALARM"))
        assert len(alarms) == 1
        assert str(alarms[0]["ACTION"]) == "DISPLAY"
        assert alarms[0]["TRIGGER"].dt == trigger
        assert str(event["SUMMARY"]) in str(alarms[0]["DESCRIPTION"])


@pytest.mark.parametrize("payload", [{}, {"reminder": "none"}, {"reminder": ""}])
def test_no_reminder_means_no_alarm(payload: dict[str, Any]) -> None:
    """Without a reminder (absent, "none" or empty) the file has no VALARM at all."""
    content = ics({**PLAN, **payload})["content"]
    assert "VALARM" not in content
    assert not any(list(event.walk("VALARM")) for event in events(content))


@pytest.mark.parametrize("strength_days", [1, 3, 7])
def test_counts_cover_exactly_twelve_weeks_from_the_start_date(strength_days: int) -> None:
    """Expanding every RRULE gives sessions from the start date to the end of week 12 only."""
    start = date(2025, 1, 8)
    payload = {**PLAN, "strength_days": strength_days}
    result = ics(payload)
    seen: list[date] = []
    for event in events(result["content"]):
        first = event["DTSTART"].dt.date()
        seen += [first + timedelta(weeks=n) for n in range(event["RRULE"]["COUNT"][0])]
    assert min(seen) >= start
    assert max(seen) <= start + timedelta(weeks=12, days=-1)
    assert len(seen) == len(set(seen)) == result["sessions"] == 12 * len(session_days(payload))


def test_answer_and_description_say_how_many_weeks_and_which_dates() -> None:
    """The message and every description name the 12 weeks and their first and last day."""
    result = ics({**PLAN, "session_time": "17:30", "reminder": "15-minutes"})
    covers = "12 weeks, from Wednesday 8 January 2025 to Tuesday 1 April 2025"
    assert (result["first_day"], result["last_day"]) == ("2025-01-08", "2025-04-01")
    assert covers in result["message"]
    assert "at 17:30" in result["message"]
    assert "a reminder 15 minutes before each" in result["message"]
    assert all(covers in str(event["DESCRIPTION"]) for event in events(result["content"]))


def test_time_and_reminder_keep_the_uids() -> None:
    """A new time or reminder updates the same events: UIDs do not depend on them."""
    first = [str(e["UID"]) for e in events(ics()["content"])]
    later = ics({**PLAN, "session_time": "18:00", "reminder": "1-hour"})["content"]
    assert first == [str(e["UID"]) for e in events(later)]


@pytest.mark.parametrize(
    "session_time",
    ["", "  ", "4:59", "22:01", "23:30", "24:00", "10:60", "10", "10.30", "10:00 pm", "1000",
     "10:00:30", 10, True, ["10:00"]],
)  # fmt: skip
def test_bad_session_time_is_a_clear_error_on_its_field(session_time: object) -> None:
    """A time that is empty, out of 05:00–22:00 or not HH:MM is an error naming the field."""
    answer = api.run("plan-calendar", {**PLAN, "session_time": session_time}, exercises=EXERCISES)
    assert answer["ok"] is False
    assert [error["field"] for error in answer["errors"]] == ["session_time"]
    assert answer["errors"][0]["allowed"] == "05:00–22:00"
    assert (
        "between 05:00 (5 in the morning) and 22:00 (10 at night)" in answer["errors"][0]["message"]
    )


def test_unknown_reminder_is_an_error_on_its_field() -> None:
    """A reminder that is not one of the choices is an error on `reminder` only."""
    answer = api.run("plan-calendar", {**PLAN, "reminder": "2-days"}, exercises=EXERCISES)
    assert [error["field"] for error in answer["errors"]] == ["reminder"]


def test_plan_date_and_calendar_errors_come_together() -> None:
    """Every bad field is reported at once: the plan's, then the date, time and reminder."""
    payload = {**PLAN, "age": "abc", "start_date": "soon", "session_time": "3:00", "reminder": "x"}
    answer = api.run("plan-calendar", payload, exercises=EXERCISES)
    fields = [error["field"] for error in answer["errors"]]
    assert fields == ["age", "start_date", "session_time", "reminder"]


def test_plan_answer_offers_the_time_and_reminder_next_to_the_calendar_button() -> None:
    """After the calendar button, a closed box: the 12 weeks in its summary, time and reminder."""
    page = BeautifulSoup(str(api.run("plan", PLAN, exercises=EXERCISES)["html"]), "html.parser")
    options = page.select_one('details.rg-action-options[data-options-for="calendar"]')
    assert options is not None
    assert options.find_previous_sibling() == page.select_one('[data-action="calendar"]')
    assert options.get("open") is None
    summary = options.select_one("summary")
    assert summary is not None
    assert "covers all 12 weeks, from today" in summary.get_text()
    box = options.select_one('input[name="session_time"]')
    assert box is not None
    assert (box.get("type"), box.get("value")) == ("time", "10:00")
    reminders = [option["value"] for option in options.select('select[name="reminder"] option')]
    assert reminders == ["none", "15-minutes", "1-hour"]


def test_calendar_is_made_from_the_computed_plan_result() -> None:
    """The view writes the .ics from a typed plan result: the wire's file, byte for byte."""
    request = CalendarRequest.from_mapping(PLAN)
    plan = weekly_plan(request.answers, EXERCISES)
    made = calendar.plan_calendar(plan, request.start, request.choices)
    assert made == ics()


def test_present_never_runs_the_plan() -> None:
    """No module of calculators/present/ imports the plan calculator or a form reader."""
    present = ROOT / "calculators" / "present"
    running = {"weekly_plan", "PlanInput", "CalendarRequest"}
    found = {
        f"{path.name}: {alias.name}"
        for path in sorted(present.glob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
        if alias.name in running
    }
    assert found == set()
