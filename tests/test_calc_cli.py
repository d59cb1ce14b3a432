"""The command line: readable text, the wire envelope with --json, exit code 2 on bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers.calc import EXERCISES, cli

from calculators import api

PLAN_ARGS = ["plan", "--age", "70", "--ability", "tires-quickly", "--strength-days", "3"]


def test_protein_prints_the_daily_range_in_words() -> None:
    """The article's example prints 82–109 g and exits 0."""
    done = cli("protein", "--weight", "68", "--age", "40", "--situation", "training")
    assert done.returncode == 0, done.stderr
    assert "Aim for 82–109 g of protein a day" in done.stdout


def test_protein_json_round_trips_to_the_wire_answer() -> None:
    """--json prints exactly what api.run returns for the same values."""
    done = cli("protein", "--weight", "150", "--unit", "lb", "--age", "70", "--json")
    assert done.returncode == 0, done.stderr
    expected = api.run(
        "protein",
        {"weight": "150", "unit": "lb", "age": "70", "situation": "general", "kidney": "none",
         "meals_per_day": "3", "pregnant_or_breastfeeding": False, "liver_disease": False,
         "unintended_weight_loss": False},
    )  # fmt: skip
    assert json.loads(done.stdout) == json.loads(json.dumps(expected))


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["protein", "--weight", "1e9", "--age", "70"], "--weight"),
        (["protein", "--weight", "70", "--age", "seventy"], "--age"),
        ([*PLAN_ARGS[:-1], "9"], "--strength-days"),
    ],
)
def test_bad_input_exits_2_naming_the_option(args: list[str], field: str) -> None:
    """A bad value exits with code 2 and a message naming the option and the allowed range."""
    done = cli(*args)
    assert done.returncode == 2
    assert f"error: {field}: " in done.stderr
    assert "allowed:" in done.stderr
    assert done.stdout == ""


def test_bad_input_with_json_prints_the_error_envelope_and_exits_2() -> None:
    """--json on bad input prints the wire's error envelope and still exits 2."""
    done = cli("protein", "--weight", "", "--age", "70", "--json")
    assert done.returncode == 2
    assert [e["field"] for e in json.loads(done.stdout)["errors"]] == ["weight"]


def test_missing_required_option_exits_2() -> None:
    """A missing required option is a usage error with the same exit code."""
    assert cli("protein", "--age", "70").returncode == 2


def test_plan_reads_the_real_exercise_file_by_default() -> None:
    """`plan` prints a week from data/exercises.yml without --exercises."""
    done = cli(*PLAN_ARGS, "--equipment", "chair", "wall", "counter")
    assert done.returncode == 0, done.stderr
    assert "Sunday" in done.stdout
    assert "Sit-to-stand from a chair" in done.stdout


def test_plan_json_with_a_json_exercise_file_round_trips(tmp_path: Path) -> None:
    """--exercises accepts JSON, and --json output equals api.run with the same rows."""
    rows = tmp_path / "rows.json"
    rows.write_text(json.dumps(EXERCISES), encoding="utf-8")
    done = cli(*PLAN_ARGS, "--equipment", "chair", "--exercises", str(rows), "--json")
    assert done.returncode == 0, done.stderr
    payload = {"age": "70", "ability": "tires-quickly", "strength_days": "3",
               "steps_per_day": "", "equipment": ["chair"], "focus": "general",
               "chronic_condition": False, "recent_hospital_stay": False,
               "fall_past_year": False, "chest_pain_or_fainting": False}  # fmt: skip
    expected = api.run("plan", payload, exercises=EXERCISES)
    assert json.loads(done.stdout) == json.loads(json.dumps(expected))


def test_plan_with_a_missing_exercise_file_exits_2(tmp_path: Path) -> None:
    """A missing --exercises file is reported, not a traceback."""
    done = cli(*PLAN_ARGS, "--exercises", str(tmp_path / "nope.yml"))
    assert done.returncode == 2
    assert "cannot read the exercise file" in done.stderr
    assert "Traceback" not in done.stderr


def test_chest_pain_prints_the_stop_warning_and_no_week() -> None:
    """A referral prints the stop warning and no days, and is not an input error (exit 0)."""
    done = cli(*PLAN_ARGS, "--chest-pain-or-fainting")
    assert done.returncode == 0, done.stderr
    assert "Stop and ask first: " in done.stdout
    assert "Your week" not in done.stdout
