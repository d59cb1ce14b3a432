"""The record's requests on the wire (calculators.record_api through calculators.api.run).

The page sends the stored record with each request and stores what comes back: a change never
starts from anything but a record that reads, and a problem is an error, never a new record.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml

from calculators import api
from calculators.record import FILE_MAX_CHARACTERS, VERSION
from harness import ROOT

EXERCISES = yaml.safe_load((ROOT / "data" / "exercises.yml").read_text(encoding="utf-8"))
TODAY = "2026-12-07"
CHECK = {
    "strength": "1",
    "assistance": "0",
    "rise": "1",
    "climb": "1",
    "falls": "0",
    "chair_stand_seconds": "16.2",
}
PLAN = {"age": "74", "ability": "tires-quickly", "strength_days": "3", "focus": "general"}


def saved(record: object, kind: str, day: str = TODAY, **more: Any) -> dict[str, Any]:
    """The record after one save, as the page would store it."""
    envelope = api.run("record-save", {"record": record, "kind": kind, "date": day, **more})
    assert envelope["ok"], envelope
    result: dict[str, Any] = envelope["result"]  # type: ignore[assignment]
    return result


def a_record() -> object:
    """Two self-checks and a plan, saved as the page saves them."""
    record = saved(None, "self-check", "2026-11-01", answers=CHECK)["record"]
    record = saved(record, "self-check", answers={**CHECK, "chair_stand_seconds": "12.8"})["record"]
    return saved(record, "plan", "2026-11-02", answers=PLAN)["record"]


def test_saving_a_first_self_check_starts_a_record_of_the_current_version() -> None:
    """No record yet: the save makes one, with the check under the reader's date."""
    result = saved(None, "self-check", answers=CHECK)
    record = result["record"]
    assert (record["format"], record["version"]) == ("regain-record", VERSION)
    assert [check["date"] for check in record["checks"]] == [TODAY]
    assert "is saved on this device" in result["message"]


def test_the_page_gets_the_record_to_store_and_the_line_to_say() -> None:
    """page_json keeps the record and the message (PAGE_FIELDS), nothing else of the result."""
    payload = {"record": None, "kind": "plan", "date": TODAY, "answers": PLAN}
    sent = json.loads(api.page_json("record-save", json.dumps(payload)))
    assert sorted(sent["result"]) == ["message", "record"]


def test_a_damaged_stored_record_is_an_error_and_no_new_record_is_sent() -> None:
    """Saving on top of a record that does not read: refused, naming the problem."""
    damaged = {"format": "regain-record", "version": 2, "checks": "oops", "questions": ""}
    envelope = api.run(
        "record-save", {"record": damaged, "kind": "self-check", "date": TODAY, "answers": CHECK}
    )
    assert envelope["ok"] is False
    assert "result" not in envelope
    assert "not a list" in envelope["errors"][0]["message"]  # type: ignore[index]


@pytest.mark.parametrize(
    "payload",
    [
        {"record": None, "kind": "nonsense", "date": TODAY},
        {"record": None, "kind": "self-check", "date": "yesterday", "answers": CHECK},
        {"record": None, "kind": "self-check", "date": TODAY, "answers": {"strength": "9"}},
        {"record": None, "kind": "session", "date": TODAY, "done": "yes"},
        {"record": None, "kind": "questions", "date": TODAY, "text": 42},
        {"record": "not json at all", "kind": "self-check", "date": TODAY, "answers": CHECK},
        {"record": [1, 2], "kind": "plan", "date": TODAY, "answers": PLAN},
    ],
)
def test_a_bad_save_request_is_a_worded_error(payload: dict[str, Any]) -> None:
    """Each bad request gets a message for the reader; none raises, none sends a record."""
    envelope = api.run("record-save", payload)
    assert envelope["ok"] is False
    assert all(error["message"] for error in envelope["errors"])  # type: ignore[attr-defined]
    assert "Traceback" not in json.dumps(envelope)


def test_a_session_is_ticked_and_unticked() -> None:
    """A session's tick turns over: done, then not done."""
    ticked = saved(None, "session", "2026-12-01", done=True)
    assert ticked["record"]["sessions"] == ["2026-12-01"]
    assert "marked as done" in ticked["message"]
    unticked = saved(ticked["record"], "session", "2026-12-01", done=False)
    assert unticked["record"]["sessions"] == []


def test_questions_are_saved_and_too_long_ones_refused() -> None:
    """The reader's questions are kept as typed; over the limit is an error naming it."""
    record = saved(None, "questions", text="Is my knee OK?\n=SUM(A1)")["record"]
    assert record["questions"] == "Is my knee OK?\n=SUM(A1)"
    envelope = api.run(
        "record-save", {"record": record, "kind": "questions", "date": TODAY, "text": "x" * 1001}
    )
    assert envelope["ok"] is False


def test_export_then_import_gives_back_the_same_record() -> None:
    """The file holds everything: imported into an empty browser it is the same record."""
    record = saved(a_record(), "questions", text="Ask about the stairs")["record"]
    exported: dict[str, Any] = api.run("record-export", {"record": record, "date": TODAY})["result"]  # type: ignore[assignment]
    assert exported["filename"] == f"regain-record-{TODAY}.csv"
    assert exported["content"].startswith("\ufeffformat,regain-record,version,")
    envelope = api.run(
        "record-import", {"record": None, "date": TODAY, "file": exported["content"]}
    )
    assert envelope["ok"] is True
    assert envelope["result"]["record"] == record  # type: ignore[index]


def test_an_import_that_differs_on_a_day_asks_and_changes_nothing_until_answered() -> None:
    """Same day, different answers: no record comes back, the answer asks; then the choice wins."""
    mine = a_record()
    other = saved(None, "self-check", "2026-11-01", answers={**CHECK, "chair_stand_seconds": "14"})
    file = api.run("record-export", {"record": other["record"], "date": TODAY})["result"]["content"]  # type: ignore[index]
    asked = api.run("record-import", {"record": mine, "date": TODAY, "file": file})
    assert asked["ok"] is True
    assert asked["result"]["record"] is None  # type: ignore[index]
    assert "Which do you want to keep?" in str(asked["html"])
    assert "1 November 2026" in str(asked["html"])
    for keep, seconds in (("mine", "16.2"), ("file", "14")):
        chosen = api.run(
            "record-import", {"record": mine, "date": TODAY, "file": file, "keep": keep}
        )
        first = chosen["result"]["record"]["checks"][0]  # type: ignore[index]
        assert first["answers"]["chair_stand_seconds"] == seconds


@pytest.mark.parametrize(
    ("file", "said"),
    [
        ("name,email\nAnn,a@example.org\n", "not a record saved by this site"),
        ("", "empty"),
        (42, "Choose a file"),
    ],
)
def test_a_foreign_or_empty_file_is_refused_with_a_message(file: object, said: str) -> None:
    """A file that is not ours: refused, the message says why; no record is sent."""
    envelope = api.run("record-import", {"record": a_record(), "date": TODAY, "file": file})
    assert envelope["ok"] is False
    assert said in envelope["errors"][0]["message"]  # type: ignore[index]


def test_the_progress_page_answers_for_no_record_a_record_and_blocked_storage() -> None:
    """My progress: an empty record invites a save; a record shows; blocked storage says so."""
    empty = api.run("progress", {"record": None, "date": TODAY})
    assert empty["ok"] is True
    shown = api.run("progress", {"record": a_record(), "date": TODAY}, exercises=EXERCISES)
    assert shown["ok"] is True
    assert 'data-action="export"' in str(shown["html"])
    assert 'data-action="export"' not in str(empty["html"])
    blocked = api.run("progress", {"storage": "blocked", "date": TODAY})
    assert "Nothing can be saved in this browser" in str(blocked["html"])


def test_the_appointment_page_is_made_from_a_record_or_from_one_check_unsaved() -> None:
    """The printout: from the saved record, or from a self-check's answers alone."""
    from_record = api.run("appointment", {"record": a_record(), "date": TODAY}, exercises=EXERCISES)
    assert from_record["ok"] is True
    one = api.run("appointment", {"answers": CHECK, "date": TODAY}, exercises=EXERCISES)
    assert one["ok"] is True
    assert "16.2" in str(one["html"])


def test_the_record_modules_load_only_on_a_record_request() -> None:
    """A reader who never saves does not load the record at the engine's start."""
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    probe = "import sys, calculators.api; print('calculators.record' in sys.modules)"
    shown = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert shown.stdout.strip() == "False"


def test_a_second_save_the_same_day_says_it_replaces_the_first() -> None:
    """One result a day: saving again that day replaces it, and the line says so."""
    first = saved(None, "self-check", answers=CHECK)
    assert "replaces" not in first["message"]
    again = saved(first["record"], "self-check", answers={**CHECK, "chair_stand_seconds": "14"})
    assert "It replaces the result saved earlier that day." in again["message"]
    assert [c["answers"]["chair_stand_seconds"] for c in again["record"]["checks"]] == ["14"]
    plan = saved(again["record"], "plan", answers=PLAN)
    assert "replaces" not in plan["message"]
    assert (
        "It replaces the plan saved before"
        in saved(plan["record"], "plan", answers=PLAN)["message"]
    )


def test_a_file_bigger_than_any_record_is_refused_unread() -> None:
    """A file over the limit: one message, and nothing parsed or changed."""
    huge = "format,regain-record,version,2\n" + "x" * FILE_MAX_CHARACTERS
    envelope = api.run("record-import", {"record": None, "date": TODAY, "file": huge})
    assert envelope["ok"] is False
    assert "far bigger than any record" in envelope["errors"][0]["message"]  # type: ignore[index]
