"""The wire entry point: envelope shapes, form-value reading and defensive exercise reading."""

from __future__ import annotations

import json
from typing import Any

import pytest

from calculators import api

ROW: dict[str, Any] = {
    "id": "sit-to-stand",
    "name": "Sit-to-stand",
    "category": "lower-body",
    "level": "start",
    "equipment": ["chair"],
    "position": "seated",
    "support": "chair",
    "min_level": "A",
    "max_level": "D",
    "muscles": ["thighs"],
    "steps": ["Stand up.", "Sit down.", "Repeat."],
    "easier": None,
    "harder": None,
    "safety": "Use a chair that cannot slide.",
    "dose": {"sets": [1, 3], "reps": [8, 12], "per_side": False},
}
PLAN = {"age": "70", "ability": "tires-quickly", "strength_days": "3", "equipment": ["chair"]}


def test_success_envelope_has_version_calculator_ok_and_result() -> None:
    """A good payload gives {version: 2, calculator, ok: true, result, html}."""
    answer = api.run("protein", {"weight": 68, "age": 40})
    assert set(answer) == {"version", "calculator", "ok", "result", "html"}
    assert (answer["version"], answer["calculator"], answer["ok"]) == (2, "protein", True)


def test_field_error_names_the_field_with_message_and_allowed_range() -> None:
    """A weight out of range gives the wire's field error, worded for the reader."""
    answer = api.run("protein", {"weight": "600", "unit": "kg", "age": "70"})
    assert answer["errors"] == [
        {
            "field": "weight",
            "message": "Enter your weight as a number between 30 and 250 kg.",
            "allowed": "30–250 kg",
        }
    ]


def test_unknown_calculator_is_an_error_about_no_field() -> None:
    """An unknown calculator name gives one error with an empty field and the known names."""
    answer = api.run("bmi", {})
    known = ", ".join(api.CALCULATORS)
    assert {"protein", "plan", "self-check"} <= set(known.split(", "))
    assert answer["errors"] == [
        {"field": "", "message": "There is no calculator called 'bmi'.", "allowed": known}
    ]


@pytest.mark.parametrize("payload", ["not json", "[1, 2]", '"text"', "null"])
def test_run_json_answers_bad_payload_text_with_an_error(payload: str) -> None:
    """Text that is not a JSON object gives an error envelope, as JSON text."""
    answer = json.loads(api.run_json("protein", payload))
    assert answer["ok"] is False
    assert answer["errors"][0]["field"] == ""


def test_run_json_treats_nan_and_infinity_as_bad_numbers() -> None:
    """JSON's NaN/Infinity extensions become field errors, and the output stays strict JSON."""
    text = api.run_json("protein", '{"weight": NaN, "age": Infinity}')
    assert "NaN" not in text
    assert [e["field"] for e in json.loads(text)["errors"]] == ["weight", "age"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [(True, True), ("true", True), ("on", True), (False, False), ("false", False), (None, False)],
)
def test_tick_boxes_accept_booleans_and_form_texts(value: object, expected: bool) -> None:
    """Booleans arrive as true/false or the texts "true", "false", "on"; missing is false."""
    answer = api.run("protein", {"weight": "70", "age": "40", "liver_disease": value})
    assert (answer["result"]["status"] == "refer") is expected


def test_numbers_arrive_as_json_numbers_or_text_alike() -> None:
    """68 and "68" (and " 68.0 ") give the same answer."""
    answers = [api.run("protein", {"weight": w, "age": 40}) for w in (68, "68", " 68.0 ", 68.0)]
    assert all(answer == answers[0] for answer in answers)


def test_unexpected_failure_becomes_a_generic_error_without_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A bug inside a calculator gives one generic error, never an exception or its text."""

    def broken(*_: object) -> dict[str, object]:
        raise ZeroDivisionError("secret internals")

    monkeypatch.setitem(api.CALCULATORS, "protein", broken)  # type: ignore[index]
    answer = api.run("protein", {"weight": 70, "age": 40})
    assert answer["ok"] is False
    assert "secret" not in json.dumps(answer)


@pytest.mark.parametrize(
    "rows",
    [
        [],
        "not a list",
        [42],
        [{**ROW, "category": "legs"}],
        [{**ROW, "dose": {"sets": [1, 3], "reps": [8, 12], "hold_seconds": [10, 20]}}],
        [{**ROW, "dose": {"sets": [3, 1], "reps": [8, 12]}}],
        [{**ROW, "equipment": "chair"}],
        [ROW, ROW],
    ],
    ids=[
        "empty",
        "text",
        "not-a-mapping",
        "bad-category",
        "reps-and-hold",
        "backwards-range",
        "equipment-not-list",
        "duplicate-id",
    ],
)
def test_malformed_exercise_rows_give_a_structured_error(rows: Any) -> None:
    """Exercise data the plan cannot use is an error envelope naming the entry, not a crash."""
    answer = api.run("plan", PLAN, exercises=rows)
    assert answer["ok"] is False
    assert answer["errors"][0]["field"] == ""
    assert "exercise library" in answer["errors"][0]["message"]


def test_site_json_copy_of_exercises_with_null_reps_is_accepted() -> None:
    """The built site's JSON rows (both dose keys, one null) read like the YAML rows."""
    row = {**ROW, "dose": {**ROW["dose"], "hold_seconds": None}}
    answer = api.run("plan", PLAN, exercises=[row])
    assert answer["ok"] is True
    monday = answer["result"]["days"][0]
    assert monday["exercises"][0] == {
        "id": "sit-to-stand",
        "name": "Sit-to-stand",
        "position": "seated",
        "sets": 1,
        "reps": "8",
        "hold_seconds": None,
        "per_side": False,
        "dose": "1 set of 8 reps",
        "note": "Use a chair that cannot slide.",
        "harder": None,
    }


@pytest.mark.parametrize(
    ("situation", "age", "kidney", "g_per_kg", "sources"),
    [
        ("general", 40, "none", (0.8, 1), ["P1", "P2", "P8"]),
        ("general", 65, "none", (1, 1.2), ["P1", "P2", "P10"]),
        ("older", 80, "none", (1, 1.2), ["P1", "P2", "P10"]),
        ("training", 30, "none", (1.2, 1.6), ["P1", "P3", "P7", "P8"]),
        ("recovering", 70, "none", (1.2, 1.5), ["P1", "P4", "P10"]),
        ("recovering", 70, "at-risk", (1, 1.2), ["P1", "P2", "P10", "P13"]),
    ],
)
def test_rules_table_gives_each_group_its_range_and_sources(
    situation: str, age: int, kidney: str, g_per_kg: tuple[float, float], sources: list[str]
) -> None:
    """Each row of the documented rules table: input -> g/kg range -> sources."""
    payload = {"weight": 70, "age": age, "situation": situation, "kidney": kidney}
    result = api.run("protein", payload)["result"]
    assert (result["g_per_kg"]["low"], result["g_per_kg"]["high"]) == g_per_kg
    assert result["sources"] == sources


@pytest.mark.parametrize("kidney", ["ckd", "dialysis", "transplant"])
def test_kidney_disease_is_a_hard_stop_without_a_number(kidney: str) -> None:
    """Kidney disease, dialysis or transplant: refer, stop, ask your kidney doctor or dietitian."""
    result = api.run("protein", {"weight": 70, "age": 60, "kidney": kidney})["result"]
    assert (result["status"], result["daily_g"], result["g_per_kg"]) == ("refer", None, None)
    assert result["warnings"][0]["severity"] == "stop"
    assert "ask your kidney doctor or dietitian" in result["warnings"][0]["message"]


@pytest.mark.parametrize(
    ("calculator", "payload"),
    [
        ("protein", {"weight": "68", "age": "70"}),
        ("plan", PLAN),
        ("self-check", {}),
        ("protein", {"weight": "", "age": "70"}),
    ],
)
def test_page_wire_is_the_envelope_without_the_result(
    calculator: str, payload: dict[str, Any]
) -> None:
    """The page gets the HTML and the errors, never the result it does not read."""
    rows = [ROW] if calculator == "plan" else []
    whole = json.loads(json.dumps(api.run(calculator, payload, exercises=rows, root="../../")))
    sent = json.loads(api.page_json(calculator, json.dumps(payload), json.dumps(rows), "../../"))
    assert "result" not in sent
    assert sent == {key: value for key, value in whole.items() if key != "result"}


def test_page_wire_keeps_the_calendar_file_the_page_saves() -> None:
    """The calendar's answer carries its file name, the file and the saved line, nothing more."""
    payload = {**PLAN, "start_date": "2026-01-05"}
    whole = api.run("plan-calendar", payload, exercises=[ROW])
    sent = json.loads(api.page_json("plan-calendar", json.dumps(payload), json.dumps([ROW])))
    assert whole["ok"] is True
    assert isinstance(whole["result"], dict)
    assert sent["result"] == {key: whole["result"][key] for key in api.PAGE_FIELDS["plan-calendar"]}
    assert set(api.PAGE_FIELDS["plan-calendar"]) < set(whole["result"])
