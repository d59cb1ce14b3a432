"""Every built page has its metadata, one heading, the disclaimer, and rendered callouts."""

from __future__ import annotations

import functools
from pathlib import Path
from urllib.parse import unquote

import pytest
import yaml
from bs4 import BeautifulSoup
from helpers.content import NAV_PAGES, mkdocs_config

from harness import ROOT, BuiltSite


@functools.cache
def _soup(path: Path) -> BeautifulSoup:
    """A parsed built page, parsed once per worker (the tests here only read it)."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _site_description(built_site: BuiltSite) -> str:
    """The site-wide default description, as the theme writes it on the 404 page."""
    meta = _soup(built_site.path / "404.html").find("meta", attrs={"name": "description"})
    assert meta is not None
    return str(meta["content"])


def _pages(built_site: BuiltSite) -> list[Path]:
    """Every reader-facing page of the built site."""
    pages = built_site.html_pages()
    assert pages
    return pages


@pytest.mark.parametrize("url_path", NAV_PAGES)
def test_nav_page_is_built(built_site: BuiltSite, url_path: str) -> None:
    """Every page in the nav exists in the built site."""
    assert built_site.page(url_path).is_file()


def test_every_page_has_a_title(built_site: BuiltSite) -> None:
    """Every page has a non-empty <title>."""
    titles = {p: _soup(p).title for p in _pages(built_site)}
    missing = [p for p, title in titles.items() if title is None or not title.get_text().strip()]
    assert missing == []


def test_every_page_has_its_own_description(built_site: BuiltSite) -> None:
    """Every page has a meta description of its own, not the site default."""
    default = _site_description(built_site)
    bad = []
    for page in _pages(built_site):
        meta = _soup(page).find("meta", attrs={"name": "description"})
        content = str(meta["content"]).strip() if meta else ""
        if not content or content == default:
            bad.append(page.relative_to(built_site.path).as_posix())
    assert bad == []


def test_every_page_declares_english(built_site: BuiltSite) -> None:
    """Every page sets html lang="en" for screen readers and translation tools."""
    wrong = [p for p in _pages(built_site) if (h := _soup(p).html) is None or h.get("lang") != "en"]
    assert wrong == []


def test_every_page_has_exactly_one_h1(built_site: BuiltSite) -> None:
    """Every page has one and only one top-level heading."""
    counts = {
        p.relative_to(built_site.path).as_posix(): len(_soup(p).find_all("h1"))
        for p in _pages(built_site)
    }
    assert {page: n for page, n in counts.items() if n != 1} == {}


def test_every_page_shows_the_disclaimer(built_site: BuiltSite) -> None:
    """Every page ends with the shared disclaimer linking to the full one."""
    missing = []
    for page in _pages(built_site):
        aside = _soup(page).select_one("aside.rg-disclaimer")
        link = aside.select_one('a[href*="#medical-disclaimer"]') if aside else None
        if link is None:
            missing.append(page.relative_to(built_site.path).as_posix())
    assert missing == []


def test_every_page_links_to_the_report_a_mistake_form(built_site: BuiltSite) -> None:
    """Every page's footer links to the repository's content-error form with its own address."""
    form = f"{mkdocs_config()['extra']['repository']}/issues/new?template=content-error.yml&page="
    wrong = []
    for page in _pages(built_site):
        link = _soup(page).select_one("aside.rg-disclaimer .rg-report a")
        href = str(link["href"]) if link else ""
        path = page.relative_to(built_site.path).as_posix().removesuffix("index.html")
        if not href.startswith(form) or not unquote(href).endswith("/" + path):
            wrong.append(path or "/")
    assert wrong == []


def test_the_issue_form_asks_for_page_what_is_wrong_and_source() -> None:
    """The content-error form has the page (prefilled by the link), what is wrong and a source."""
    folder = ROOT / ".github" / "ISSUE_TEMPLATE"
    form = yaml.safe_load((folder / "content-error.yml").read_text(encoding="utf-8"))
    ids = [field.get("id") for field in form["body"] if field["type"] != "markdown"]
    assert ids == ["page", "wrong", "source"]
    assert yaml.safe_load((folder / "config.yml").read_text(encoding="utf-8"))


def test_about_states_the_editorial_policy_plainly(built_site: BuiltSite) -> None:
    """About says how pages are checked, that no clinician has signed off, and no funding/ads."""
    soup = _soup(built_site.page("about/"))
    section = soup.find("h2", id="editorial-policy")
    assert section is not None
    text = " ".join(soup.get_text().split())
    assert "No clinician has signed this content off yet" in text
    assert "No funding, no adverts, no tracking" in text


def test_every_page_shows_a_review_date(built_site: BuiltSite) -> None:
    """Every page shows a last-reviewed date as a machine-readable <time datetime>."""
    missing = [
        p.relative_to(built_site.path).as_posix()
        for p in _pages(built_site)
        if _soup(p).select_one("aside.rg-disclaimer time[datetime]") is None
    ]
    assert missing == []


def test_about_has_the_sections_other_pages_link_to(built_site: BuiltSite) -> None:
    """About has the disclaimer, privacy, build and review sections, each with an anchor."""
    soup = _soup(built_site.page("about/"))
    ids = {str(h.get("id")) for h in soup.find_all("h2")}
    assert {"medical-disclaimer", "privacy", "how-this-site-is-built", "last-reviewed"} <= ids


def test_no_admonition_syntax_leaks_into_text(built_site: BuiltSite) -> None:
    """No page shows literal `!!!` or `???`, so admonitions and collapsibles rendered."""
    leaked = [
        p.relative_to(built_site.path).as_posix()
        for p in _pages(built_site)
        if "!!!" in (text := _soup(p).get_text()) or "???" in text
    ]
    assert leaked == []


def test_red_flag_callout_is_a_danger_admonition(built_site: BuiltSite) -> None:
    """Early signs shows the warning signs in a danger callout (issue 21: its title)."""
    soup = _soup(built_site.page("guide/early-signs/"))
    callout = soup.select_one("div.admonition.danger")
    assert callout is not None
    title = callout.select_one(".admonition-title")
    assert title is not None
    assert title.get_text(strip=True) == "Warning signs: when to get help"
    assert "Call an ambulance now" in callout.get_text()


def test_faq_follow_ups_are_collapsible(built_site: BuiltSite) -> None:
    """The FAQ's follow-up questions render as collapsible question blocks."""
    soup = _soup(built_site.page("faq/"))
    summaries = [s.get_text(strip=True) for s in soup.select("details.question > summary")]
    assert "Is it safe to train if I have arthritis?" in summaries
    assert "How much protein is too much?" in summaries
    assert "Can I do this at home without equipment?" in summaries
