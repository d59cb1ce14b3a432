"""Every page shows when it was last reviewed and when its next review is due (NHS standard)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from harness import BuiltSite, build_site
from postbuild import review_dates
from postbuild.errors import BuildStepError

TODAY = dt.date(2026, 11, 26)
GOOD = {"reviewed": dt.date(2026, 11, 26), "next_review": dt.date(2029, 11, 26)}


def _review_times(page: Path) -> list[dt.date]:
    """The dates in the page's review line: [last reviewed, next review due]."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    line = soup.select_one("aside.rg-disclaimer p.rg-reviewed")
    assert line is not None, page
    text = line.get_text(" ", strip=True)
    assert "Page last reviewed:" in text
    assert "Next review due:" in text
    return [dt.date.fromisoformat(str(time["datetime"])) for time in line.select("time")]


def test_every_page_shows_both_review_dates_at_most_three_years_apart(
    built_site: BuiltSite,
) -> None:
    """Each page's review line has two dates, the next review after the last, within 3 years."""
    bad = []
    for page in built_site.html_pages():
        reviewed, due = _review_times(page)
        if not reviewed < due <= reviewed.replace(year=reviewed.year + 3):
            bad.append(page.relative_to(built_site.path).as_posix())
    assert bad == []


def test_no_built_page_is_past_its_next_review(built_site: BuiltSite) -> None:
    """No page of today's build is overdue for review."""
    today = review_dates.build_date()
    overdue = [
        page.relative_to(built_site.path).as_posix()
        for page in built_site.html_pages()
        if _review_times(page)[1] < today
    ]
    assert overdue == []


def test_dates_are_written_in_words() -> None:
    """The theme gets "26 November 2029", the way people write dates."""
    assert review_dates.long_date(dt.date(2029, 11, 26)) == "26 November 2029"


@pytest.mark.parametrize(
    ("meta", "problem"),
    [
        ({"next_review": dt.date(2029, 1, 1)}, "`reviewed:` is missing"),
        ({**GOOD, "next_review": "soon"}, "`next_review:` is missing or not a date"),
        ({**GOOD, "next_review": dt.date(2029, 11, 27)}, "more than 3 years after"),
        ({**GOOD, "next_review": dt.date(2026, 11, 26)}, "is not after its last review"),
        ({**GOOD, "reviewed": dt.date(2026, 12, 1)}, "after the build date"),
        (
            {"reviewed": dt.date(2023, 1, 1), "next_review": dt.date(2026, 1, 1)},
            "its next review was due on 2026-01-01",
        ),
    ],
)
def test_wrong_review_dates_are_named(meta: dict[str, object], problem: str) -> None:
    """Missing, malformed, too far apart, reversed, future or overdue dates are each reported."""
    assert any(problem in found for found in review_dates.review_problems(meta, TODAY))


def test_good_review_dates_have_no_problem() -> None:
    """Dates 3 years apart, the next one still ahead, pass; so does ISO text."""
    assert review_dates.review_problems(GOOD, TODAY) == []
    text = {"reviewed": "2026-11-26", "next_review": "2029-11-26"}
    assert review_dates.review_problems(text, TODAY) == []


def test_build_fails_naming_a_page_past_its_review_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Built "in" 2030, every page is overdue: the build stops and names the page."""
    monkeypatch.setenv(review_dates.TODAY_VARIABLE, "2030-01-01")
    result = build_site(tmp_path / "site")
    assert result.returncode != 0
    assert "Review dates of " in result.stderr + result.stdout
    assert ".md: its next review was due on 2029-" in result.stderr + result.stdout


def _page(site: Path, relative: str, review_line: str) -> None:
    """A built page whose footer holds `review_line`."""
    path = site / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<html><body><aside>{review_line}</aside></body></html>", encoding="utf-8")


def _line(reviewed: str, due: str) -> str:
    return (
        f'<p class="rg-reviewed">\n  Page last reviewed: <time datetime="{reviewed}">x</time>.\n'
        f'  Next review due: <time datetime="{due}">y</time>.\n</p>'
    )


def test_built_pages_with_good_review_lines_pass(tmp_path: Path) -> None:
    """Built pages whose review lines are within 3 years and not overdue pass the site check."""
    _page(tmp_path, "index.html", _line("2026-11-26", "2029-11-26"))
    _page(tmp_path, "404.html", "")
    review_dates.check_review_lines(tmp_path, TODAY)


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("", "faq/index.html: it has no review line with its two dates"),
        (
            _line("2023-01-01", "2026-01-01"),
            "faq/index.html: its next review was due on 2026-01-01",
        ),
        (_line("2026-11-26", "2030-01-01"), "faq/index.html: its next review (2030-01-01) is more"),
    ],
)
def test_site_check_names_a_built_page_with_a_wrong_review_line(
    tmp_path: Path, line: str, problem: str
) -> None:
    """A built page without its review line, or with an overdue or too-far one, is named."""
    _page(tmp_path, "faq/index.html", line)
    with pytest.raises(BuildStepError, match=re.escape(problem)):
        review_dates.check_review_lines(tmp_path, TODAY)
