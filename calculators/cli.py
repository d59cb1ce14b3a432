"""Command line: `python -m calculators protein|plan|self-check ...`.

Options are passed to the wire entry point as text, exactly like form values, so the CLI, the
browser and the tests share one set of checks and messages. Human-readable output by default,
`--json` for the wire envelope; exit code 2 with the field messages on bad input.

The only module here that does I/O. Reading a YAML exercise file imports PyYAML lazily (inside
`load_exercises`); everything else is the standard library.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TextIO

from calculators import api
from calculators.exercises import Equipment
from calculators.plan import Ability, Focus, HomeSupport
from calculators.present import text
from calculators.protein import KidneyStatus, Situation, WeightUnit
from calculators.self_check import Item

EXIT_OK = 0
EXIT_BAD_INPUT = 2
DEFAULT_EXERCISES = Path(__file__).resolve().parent.parent / "data" / "exercises.yml"
_PROTEIN_FLAGS = ("pregnant_or_breastfeeding", "liver_disease", "unintended_weight_loss")
_PLAN_FLAGS = (
    "floor_ok",
    "chronic_condition",
    "recent_hospital_stay",
    "fall_past_year",
    "fall_with_injury",
    "two_or_more_falls",
    "cannot_get_up",
    "blackouts",
    "chest_pain_or_fainting",
    "chair_rise_unable",
)
_PLAN_TESTS = (
    ("balance_side_by_side_seconds", "seconds held, feet side by side (0–10)"),
    ("balance_semi_tandem_seconds", "seconds held, half heel-to-toe (0–10)"),
    ("balance_tandem_seconds", "seconds held, heel-to-toe (0–10)"),
    ("walk_4m_seconds", "seconds for a 4 m walk at your usual pace (optional)"),
    ("chair_rise_seconds", "seconds for five chair rises without your arms"),
)


class ExerciseFileError(Exception):
    """The exercise file is missing or unreadable (the CLI's only error that is not input)."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every calculator."""
    parser = argparse.ArgumentParser(
        prog="python -m calculators",
        description="Regain's calculators: a protein target, a weekly plan and a self-check.",
    )
    sub = parser.add_subparsers(dest="calculator", required=True)

    protein = sub.add_parser("protein", help="daily and per-meal protein target")
    protein.add_argument("--weight", required=True, help="body weight (30–250 kg, 66–550 lb)")
    protein.add_argument("--unit", default="kg", help=_values(WeightUnit))
    protein.add_argument("--age", required=True, help="age in whole years")
    protein.add_argument("--situation", default="general", help=_values(Situation))
    protein.add_argument("--kidney", default="none", help=_values(KidneyStatus))
    protein.add_argument("--meals-per-day", default="3", help="meals a day, 1–8")
    _flags(protein, _PROTEIN_FLAGS)

    plan = sub.add_parser("plan", help="a 12-week programme of strength, balance and walking")
    plan.add_argument("--age", required=True, help="age in whole years")
    plan.add_argument(
        "--ability", default="", help=_values(Ability) + " (or give your measured tests)"
    )
    plan.add_argument("--strength-days", required=True, help="days a week for strength, 1–7")
    plan.add_argument("--steps-per-day", default="", help="steps a day now (leave out if unknown)")
    plan.add_argument("--equipment", nargs="*", default=[], help=_values(Equipment))
    plan.add_argument("--lacks", nargs="*", default=[], help=_values(HomeSupport))
    plan.add_argument("--focus", default="general", help=_values(Focus))
    for name, help_text in _PLAN_TESTS:
        plan.add_argument(f"--{name.replace('_', '-')}", default="", help=help_text)
    plan.add_argument(
        "--exercises",
        type=Path,
        default=DEFAULT_EXERCISES,
        help="exercise library, YAML or JSON (default: data/exercises.yml)",
    )
    _flags(plan, _PLAN_FLAGS)

    check = sub.add_parser("self-check", help="SARC-F questions and the chair-stand test")
    for item in Item:
        check.add_argument(f"--{item.value}", required=True, help="points: 0, 1 or 2")
    check.add_argument(
        "--chair-stand-seconds", default="", help="seconds for five chair stands, 3–120 (optional)"
    )
    check.add_argument("--age", default="", help="age in whole years (optional, for the plan)")

    for command in (protein, plan, check):
        command.add_argument("--json", action="store_true", help="print the wire envelope")
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the CLI; returns the exit code (2 for bad input)."""
    stdout = out or sys.stdout
    args = build_parser().parse_args(argv)
    options = vars(args)
    exercises: list[Mapping[str, object]] = []
    if args.calculator == "plan":
        try:
            exercises = load_exercises(args.exercises)
        except ExerciseFileError as error:
            print(f"error: {error}", file=sys.stderr)
            return EXIT_BAD_INPUT
    skip = {"calculator", "json", "exercises"}
    payload = {key: value for key, value in options.items() if key not in skip}
    envelope, view = api.answer(args.calculator, payload, exercises=exercises)
    if args.json:
        wire = api.run(args.calculator, payload, exercises=exercises)
        print(json.dumps(wire, ensure_ascii=False, indent=2), file=stdout)
    elif envelope["ok"] and view is not None:
        print(text.render(view), file=stdout)
    if not envelope["ok"]:
        errors = envelope["errors"]
        assert isinstance(errors, list)
        for problem in errors:
            where = f"--{problem['field'].replace('_', '-')}: " if problem["field"] else ""
            allowed = f" (allowed: {problem['allowed']})" if problem["allowed"] else ""
            print(f"error: {where}{problem['message']}{allowed}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return EXIT_OK


def run() -> int:
    """`main` for `python -m calculators`: a reader closing the pipe early (`| head`) is fine.

    Python's advice for SIGPIPE: point stdout at devnull so the interpreter's final flush
    cannot fail again, and exit quietly.
    """
    try:
        code = main()
        sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    return code


def load_exercises(path: Path) -> list[Mapping[str, object]]:
    """The exercise rows from a JSON or YAML file (YAML needs PyYAML, imported only here)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ExerciseFileError(f"cannot read the exercise file {path}: {error.strerror}") from None
    if path.suffix == ".json":
        try:
            rows = json.loads(text)
        except ValueError as error:
            raise ExerciseFileError(f"{path} is not valid JSON: {error}") from None
    else:
        import yaml  # noqa: PLC0415 - lazy: the package itself stays standard-library only

        try:
            rows = yaml.safe_load(text)
        except yaml.YAMLError as error:
            raise ExerciseFileError(f"{path} is not valid YAML: {error}") from None
    if not isinstance(rows, list):
        raise ExerciseFileError(f"{path} must hold a list of exercises")
    return rows


def _values(kind: type[object]) -> str:
    return "one of: " + ", ".join(str(member) for member in kind)  # type: ignore[attr-defined]


def _flags(parser: argparse.ArgumentParser, names: Sequence[str]) -> None:
    for name in names:
        parser.add_argument(f"--{name.replace('_', '-')}", action="store_true")
