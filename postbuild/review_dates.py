"""Page review dates (NHS content standard): last reviewed, next review due, never overdue.

Each page's front matter holds `reviewed:` and `next_review:` (YYYY-MM-DD), at most 3 years
apart. The build stops, naming the page, when a date is missing or malformed, when the gap is
over 3 years, or when the next review is before the build date. `$REGAIN_TODAY` (YYYY-MM-DD)
sets the build date, so a test can build "in the future". The macros (`on_pre_page_macros` in
macros/__init__.py) check the front matter and give the theme both dates (`theme_dates`); this
step checks them again where the reader sees them, in each built page's review line, so a site
built without them (another generator) cannot ship a page with a missing or overdue review.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from postbuild.errors import BuildStepError

# NHS content standard: review health information at least every 3 years.
MAX_REVIEW_GAP_YEARS = 3
TODAY_VARIABLE = "REGAIN_TODAY"


def build_date() -> dt.date:
    """Today, or the date in $REGAIN_TODAY."""
    value = os.environ.get(TODAY_VARIABLE)
    return dt.date.today() if not value else dt.date.fromisoformat(value)


def _date(meta: Mapping[str, Any], key: str) -> dt.date | None:
    """A front-matter date (YAML gives a date; quoted text is read as ISO), or None."""
    value = meta.get(key)
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _years_later(day: dt.date, years: int) -> dt.date:
    """The same date `years` later (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def review_problems(meta: Mapping[str, Any], today: dt.date) -> list[str]:
    """What is wrong with a page's review dates ([] when they are fine).

    >>> review_problems({"reviewed": dt.date(2026, 11, 26), "next_review": dt.date(2029, 11, 26)},
    ...                 dt.date(2026, 11, 26))
    []
    >>> review_problems({"reviewed": dt.date(2020, 1, 1), "next_review": dt.date(2023, 1, 1)},
    ...                 dt.date(2026, 11, 26))
    ['its next review was due on 2023-01-01 (the build date is 2026-11-26): review the page']
    """
    reviewed, due = _date(meta, "reviewed"), _date(meta, "next_review")
    problems = [
        f"`{key}:` is missing or not a date (YYYY-MM-DD) in its front matter"
        for key, value in (("reviewed", reviewed), ("next_review", due))
        if value is None
    ]
    if reviewed is None or due is None:
        return problems
    if due <= reviewed:
        problems.append(f"its next review ({due}) is not after its last review ({reviewed})")
    if due > _years_later(reviewed, MAX_REVIEW_GAP_YEARS):
        problems.append(
            f"its next review ({due}) is more than {MAX_REVIEW_GAP_YEARS} years after its last "
            f"review ({reviewed})"
        )
    if reviewed > today:
        problems.append(f"its last review ({reviewed}) is after the build date ({today})")
    if due < today:
        problems.append(
            f"its next review was due on {due} (the build date is {today}): review the page"
        )
    return problems


def long_date(day: dt.date) -> str:
    """A date as people write it: 26 November 2026.

    >>> long_date(dt.date(2029, 11, 6))
    '6 November 2029'
    """
    return f"{day.day} {day:%B %Y}"


def theme_dates(meta: Mapping[str, Any]) -> dict[str, str]:
    """Both dates of a checked page as the theme shows them: ISO text and words.

    >>> theme_dates({"reviewed": dt.date(2026, 11, 26), "next_review": "2029-11-26"})["next_text"]
    '26 November 2029'
    """
    reviewed, due = _date(meta, "reviewed"), _date(meta, "next_review")
    assert reviewed is not None
    assert due is not None
    return {
        "reviewed": reviewed.isoformat(),
        "reviewed_text": long_date(reviewed),
        "next": due.isoformat(),
        "next_text": long_date(due),
    }


# The theme's review line (overrides/main.html): two <time> elements, last review then next.
_REVIEW_LINE = re.compile(r'<p class="rg-reviewed">(.*?)</p>', re.DOTALL)
_TIME = re.compile(r'<time datetime="([^"]*)">')
# Not a page of the guide: the theme's "not found" page has no front matter.
_UNREVIEWED = frozenset({"404.html"})


def check_review_lines(site_dir: Path, today: dt.date) -> None:
    """Stop, naming each page, when a built page's review line is missing, wrong or overdue."""
    found: list[str] = []
    for path in sorted(site_dir.rglob("*.html")):
        relative = path.relative_to(site_dir).as_posix()
        if relative in _UNREVIEWED:
            continue
        line = _REVIEW_LINE.search(path.read_text(encoding="utf-8"))
        dates = _TIME.findall(line.group(1)) if line else []
        if len(dates) != 2:  # the last review and the next
            found.append(f"{relative}: it has no review line with its two dates")
            continue
        meta = {"reviewed": dates[0], "next_review": dates[1]}
        found.extend(f"{relative}: {problem}" for problem in review_problems(meta, today))
    if found:
        raise BuildStepError("Review dates of built pages: " + "; ".join(found) + ".")
