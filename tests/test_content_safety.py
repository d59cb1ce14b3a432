"""Every safety message is on the pages that need it, worded as the evidence says (M4, M7, F3)."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from helpers.content import normalise, page_text

from harness import BuiltSite
from macros import safety

# Pages that describe exercise or say "stop and get advice": each carries the emergency signs.
EMERGENCY_PAGES = [
    "guide/early-signs/",
    "guide/exercises/",
    "guide/weekly-plan/",
    "tools/plan/",
    "tools/self-check/",
    "about/",
]
# Pages that talk about falls: each carries the falls-assessment rule (M4).
FALLS_PAGES = ["guide/early-signs/", "guide/weekly-plan/", "tools/plan/", "tools/self-check/"]
# Pages that describe strength exercises in prose: breathing cue and the floor caveat.
EXERCISE_PROSE_PAGES = ["guide/exercises/", "guide/regain-strength/", "guide/weekly-plan/"]


@pytest.mark.parametrize("url_path", EMERGENCY_PAGES)
@pytest.mark.parametrize("number", ["999 in the uk", "112 in the eu", "911 in the us and canada"])
def test_emergency_numbers_are_on_the_page(
    built_site: BuiltSite, url_path: str, number: str
) -> None:
    """The emergency callout gives the UK, EU and US/Canada numbers (M7)."""
    assert number in page_text(built_site, url_path)


@pytest.mark.parametrize("url_path", EMERGENCY_PAGES)
def test_emergency_callout_is_a_danger_admonition(built_site: BuiltSite, url_path: str) -> None:
    """The emergency signs render as a danger callout, not loose text."""
    soup = BeautifulSoup(built_site.page(url_path).read_text(encoding="utf-8"), "html.parser")
    titles = [
        title.get_text(strip=True)
        for title in soup.select("div.admonition.danger > .admonition-title")
    ]
    assert "Emergency signs: get help at once" in titles


@pytest.mark.parametrize("url_path", FALLS_PAGES)
def test_falls_box_is_on_the_page(built_site: BuiltSite, url_path: str) -> None:
    """Each falls page has the after-a-fall box (its rules: tests/test_triage_everywhere.py)."""
    assert "ask your doctor for a falls assessment" in page_text(built_site, url_path)


@pytest.mark.parametrize("url_path", EXERCISE_PROSE_PAGES)
@pytest.mark.parametrize("cue", ["breathe out as you push", "do not hold your breath"])
def test_breathing_cue_is_on_the_page(built_site: BuiltSite, url_path: str, cue: str) -> None:
    """Pages describing strength exercises say to breathe out as you push, not hold the breath."""
    assert cue in page_text(built_site, url_path)


@pytest.mark.parametrize("url_path", EXERCISE_PROSE_PAGES)
def test_floor_caveat_is_on_the_page(built_site: BuiltSite, url_path: str) -> None:
    """Floor exercises come with "only if you can get down and up again safely"."""
    assert re.search(
        r"only .{0,40}get down .{0,30}up again safely", page_text(built_site, url_path)
    )


def test_self_check_page_words_sarc_f_accuracy_as_corrected(built_site: BuiltSite) -> None:
    """Below 4 does not rule out, about 1 in 5 found, 4 or more is no diagnosis (F3)."""
    text = page_text(built_site, "tools/self-check/")
    assert "does not rule out muscle loss" in text
    assert "about 1 in 5" in text
    assert "fairly reliable" not in text  # F3, corrected on 5 December 2026
    assert "does not mean you have sarcopenia" in text
    assert "below the cut-off" in text
    assert "chair-stand test" in text


def test_no_page_says_low_risk_for_a_sarc_f_score(built_site: BuiltSite) -> None:
    """No page labels a SARC-F score "low risk" (F3: it misses most people)."""
    found = [
        page.relative_to(built_site.path).as_posix()
        for page in built_site.html_pages()
        if "low risk" in normalise(page.read_text(encoding="utf-8"))
    ]
    assert found == []


# 65-85 (and 65 to 85 in 100) was the overstated SARC-F sensitivity that F3 corrected.
_OLD_SENSITIVITY = re.compile(r"65\s*(?:-|to)\s*85")


def test_no_page_says_sarc_f_finds_65_to_85_percent(built_site: BuiltSite) -> None:
    """No built page (or the client's JavaScript) repeats the overstated 65-85% sensitivity."""
    files = [*built_site.html_pages(), *built_site.path.glob("javascripts/**/*.mjs")]
    found = [
        path.relative_to(built_site.path).as_posix()
        for path in files
        if _OLD_SENSITIVITY.search(
            normalise(BeautifulSoup(path.read_text("utf-8"), "html.parser").get_text(" "))
        )
    ]
    assert found == []


@pytest.mark.parametrize("phrase", ["coming soon", "tool is coming"])
def test_no_page_announces_a_tool_that_exists(built_site: BuiltSite, phrase: str) -> None:
    """The protein and plan tools exist, so no page says they are coming."""
    found = [
        page.relative_to(built_site.path).as_posix()
        for page in built_site.html_pages()
        if phrase in normalise(page.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_emergency_snippet_gives_each_number_once() -> None:
    """The snippet writes each emergency number exactly once (one home for the numbers)."""
    text = safety.emergency_signs("references.md")
    assert [text.count(number) for number in ("999", "112", "911")] == [1, 1, 1]


def test_emergency_snippet_cites_its_evidence_rows() -> None:
    """The snippet links M7 and NICE NG127 on the References page given to it."""
    text = safety.emergency_signs("../references.md")
    assert "[M7](../references.md#m7)" in text
    assert "[NICE NG127](../references.md#nice-ng127)" in text


def test_falls_snippet_cites_m4() -> None:
    """The falls callout links its evidence row, M4."""
    assert "[M4](references.md#m4)" in safety.falls_rule("references.md")
