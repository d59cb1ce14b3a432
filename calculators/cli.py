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
from calculators.fields import Kind
from calculators.present import text
from calculators.present.form_specs import FORMS
from calculators.present.forms import Field

EXIT_OK = 0
EXIT_BAD_INPUT = 2
DEFAULT_EXERCISES = Path(__file__).resolve().parent.parent / "data" / "exercises.yml"


class ExerciseFileError(Exception):
    """The exercise file is missing or unreadable (the CLI's only error that is not input)."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every calculator, one option per field of its form's spec."""
    parser = argparse.ArgumentParser(
        prog="python -m calculators",
        description=text.CLI_DESCRIPTION,
    )
    sub = parser.add_subparsers(dest="calculator", required=True)
    for name, form in FORMS.items():
        command = sub.add_parser(name, help=form.summary)
        for field in form.fields:
            _add_option(command, field)
        if name == "plan":
            command.add_argument(
                "--exercises",
                type=Path,
                default=DEFAULT_EXERCISES,
                help=text.CLI_EXERCISES_HELP,
            )
        command.add_argument("--json", action="store_true", help=text.CLI_JSON_HELP)
    return parser


def _add_option(command: argparse.ArgumentParser, field: Field) -> None:
    """One field as an option: the form's label and bounds as help, its default as default."""
    option = f"--{field.name.replace('_', '-')}"
    details = ", ".join(part for part in (field.allowed(), field.help) if part)
    words = f"{field.label} ({details})" if details else field.label
    if field.kind is Kind.FLAG:
        command.add_argument(option, action="store_true", help=field.label)
    elif field.kind is Kind.CHECKS:
        chosen = list(field.default) if isinstance(field.default, tuple) else []
        default = f"; default: {' '.join(chosen)}" if chosen else ""
        command.add_argument(option, nargs="*", default=chosen, help=words + default)
    elif field.default is not None:
        command.add_argument(
            option, default=field.default, help=f"{words}; default: {field.default}"
        )
    elif field.optional:
        command.add_argument(option, default="", help=f"{words}; optional")
    else:
        command.add_argument(option, required=True, help=words)


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
        content = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ExerciseFileError(text.cli_file_problem(path, "unreadable", error.strerror)) from None
    if path.suffix == ".json":
        try:
            rows = json.loads(content)
        except ValueError as error:
            raise ExerciseFileError(text.cli_file_problem(path, "json", error)) from None
    else:
        import yaml  # noqa: PLC0415 - lazy: the package itself stays standard-library only

        try:
            rows = yaml.safe_load(content)
        except yaml.YAMLError as error:
            raise ExerciseFileError(text.cli_file_problem(path, "yaml", error)) from None
    if not isinstance(rows, list):
        raise ExerciseFileError(text.cli_file_problem(path, "not-a-list"))
    return rows
