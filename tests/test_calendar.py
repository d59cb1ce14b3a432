"""The plan as an .ics file: valid RFC 5545 that `icalendar` reads, one weekly event per session."""

from __future__ import annotations

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
from calculators.present import calendar

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


def test_result_names_the_file_and_counts_the_events() -> None:
    """The result is {filename, content, events, weeks} with events = VEVENTs in the file."""
    result = ics()
    assert result["filename"] == "regain-weekly-plan.ics"
    assert result["events"] == len(events(result["content"])) == 6
    assert result["weeks"] == 8


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
def test_one_event_per_session_on_the_plan_days(strength_days: int) -> None:
    """The events' weekdays are exactly the plan's non-rest days, one event each."""
    payload = {**PLAN, "strength_days": strength_days}
    found = [str(event["RRULE"]["BYDAY"][0]) for event in events(ics(payload)["content"])]
    assert found == session_days(payload)


def test_events_repeat_weekly_for_the_calendar_weeks() -> None:
    """RRULE is FREQ=WEEKLY on the event's own day with COUNT = the calendar's weeks."""
    for event in events(ics()["content"]):
        rule = event["RRULE"]
        assert rule["FREQ"] == ["WEEKLY"]
        assert rule["COUNT"] == [8]
        assert len(rule["BYDAY"]) == 1


def test_weeks_cover_a_longer_step_progression() -> None:
    """A step build-up longer than 8 weeks (from 0 steps: 12 weeks) sets COUNT to its length."""
    result = ics({**PLAN, "steps_per_day": 0})
    assert result["weeks"] == 12
    assert all(event["RRULE"]["COUNT"] == [12] for event in events(result["content"]))


def test_first_event_is_on_the_first_matching_day_from_the_start_date() -> None:
    """DTSTART falls on its BYDAY, on or after the start date and within a week of it."""
    start = date(2025, 1, 8)
    for event in events(ics()["content"]):
        first = event["DTSTART"].dt
        assert BYDAY[first.weekday()] == str(event["RRULE"]["BYDAY"][0])
        assert start <= first.date() < start + timedelta(days=7)


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


def test_summaries_name_the_session() -> None:
    """Titles say what the session is, Monday first, as the plan does."""
    summaries = [str(event["SUMMARY"]) for event in events(ics()["content"])]
    assert summaries == [
        "Strength: lower body",
        "Balance and core",
        "Strength: upper body",
        "Balance and core",
        "Strength: whole body",
        "Balance and core",
    ]


def test_walking_day_summary_gives_the_steps() -> None:
    """A day with only walking and stretching says how many steps, from week 1 to the target."""
    payload = {**PLAN, "age": 40, "strength_days": 2, "steps_per_day": 5000}
    summaries = [str(event["SUMMARY"]) for event in events(ics(payload)["content"])]
    assert "Walk and stretch: 5,500 steps, building to 8,000" in summaries


def test_description_lists_exercises_as_the_page_does_and_the_effort_rule() -> None:
    """Each exercise line of a strength description is the page's line (one dose phrase)."""
    page = BeautifulSoup(str(api.run("plan", PLAN, exercises=EXERCISES)["html"]), "html.parser")
    shown = [item.get_text() for item in page.select('tr[data-day="1"] li[data-exercise]')]
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
    assert "see a doctor first" in answer["errors"][0]["message"]


def test_browser_entry_point_returns_the_same_file() -> None:
    """run_json (the worker's call) gives the same .ics text as run."""
    answer = json.loads(api.run_json("plan-calendar", json.dumps(PLAN), json.dumps(EXERCISES)))
    assert answer["result"]["content"] == ics()["content"]
