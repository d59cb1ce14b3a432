"""Every reader-facing answer stays byte-identical while the code moves (issue 23).

`tests/golden/answers.json` holds, for each golden case's input (and each plan case's calendar),
what a reader is given: the page's HTML, the command line's text, the field errors' words and the
.ics file. It was written from the code before the words moved to `calculators/present/`; a
change to what a reader sees shows up here as a diff, to be made on purpose:
`REGAIN_FREEZE_ANSWERS=1 pytest tests/test_answers_frozen.py` writes the file anew (say why in the
commit).
"""

from __future__ import annotations

import gzip
import json
import os
from typing import Any

import pytest
from helpers.calc import EXERCISES, GOLDEN

from calculators import api
from calculators.present import html, text

FROZEN = GOLDEN / "answers.json.gz"  # gzip (about 7 MB as JSON), without a time stamp
ROOT = "../../"  # a calculator page's way back to the site root
CALENDAR = {"start_date": "2027-01-04", "session_time": "17:30", "reminder": "15-minutes"}


def _inputs() -> list[tuple[str, str, dict[str, Any]]]:
    """(key, calculator, payload) for every golden input, and each plan input as a calendar."""
    found = []
    for calculator, file in (
        ("protein", "protein"),
        ("plan", "plan"),
        ("self-check", "self_check"),
    ):
        for case in json.loads((GOLDEN / f"{file}.json").read_text(encoding="utf-8")):
            found.append((f"{calculator}: {case['name']}", calculator, case["input"]))
            if calculator == "plan" and isinstance(case["input"], dict):
                payload = {**case["input"], **CALENDAR}
                found.append((f"plan-calendar: {case['name']}", "plan-calendar", payload))
    return found


def reader_answer(calculator: str, payload: dict[str, Any]) -> dict[str, Any]:
    """What a reader gets for one input: HTML, text, error words, or the calendar file."""
    rows = EXERCISES if calculator.startswith("plan") else []
    envelope, view = api.answer(calculator, payload, exercises=rows)
    answer: dict[str, Any] = {"ok": envelope["ok"]}
    if not envelope["ok"]:
        answer["errors"] = envelope["errors"]
    if view is not None:
        answer["html"] = html.render(view, ROOT)
        answer["text"] = text.render(view)
    if calculator == "plan-calendar" and envelope["ok"]:
        answer["file"] = envelope["result"]
    return answer


def _all() -> dict[str, Any]:
    return {key: reader_answer(calculator, payload) for key, calculator, payload in _inputs()}


if os.environ.get("REGAIN_FREEZE_ANSWERS"):
    frozen = json.dumps(_all(), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    FROZEN.write_bytes(gzip.compress(frozen.encode("utf-8"), mtime=0))
_FROZEN: dict[str, Any] = json.loads(gzip.decompress(FROZEN.read_bytes()))
_INPUTS = _inputs()


@pytest.mark.parametrize(
    ("key", "calculator", "payload"), _inputs(), ids=[k for k, *_ in _inputs()]
)
def test_reader_answer_is_byte_identical_to_the_frozen_one(
    key: str, calculator: str, payload: dict[str, Any]
) -> None:
    """The HTML, text, error words and calendar for one golden input are as frozen."""
    assert key in _FROZEN, f"{key} is not in {FROZEN.name}: see this module's docstring"
    assert reader_answer(calculator, payload) == _FROZEN[key]


def test_frozen_answers_cover_every_golden_input_and_no_more() -> None:
    """No frozen answer is left over from an input that is gone."""
    assert sorted(_FROZEN) == sorted(key for key, *_ in _INPUTS)
