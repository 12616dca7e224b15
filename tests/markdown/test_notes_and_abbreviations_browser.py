"""Footnotes and abbreviations in Chromium: an abbreviation's first use opens its expansion by keyboard like a
glossary term (same toggletip), its tip links to the page's list; the page passes axe with both blocks."""

from __future__ import annotations

import textwrap

import pytest
from playwright.sync_api import expect

from tests.support.browser import run_axe, serve
from tests.support.site import TINY_TOPIC, build_tiny_site

pytestmark = pytest.mark.browser

PAGE = textwrap.dedent(TINY_TOPIC["topics/demo/academic.md"]) + textwrap.dedent("""
    The HPG axis sets the pace.[^pace] The HPG axis again.

    *[HPG]: Hypothalamic-Pituitary-Gonadal

    [^pace]: Within hours, not days.
    """)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    result = build_tiny_site(tmp_path_factory.mktemp("notes"), {"topics/demo/academic.md": PAGE})
    assert result.returncode == 0, result.stderr
    with serve(result.output) as url:
        yield url


def test_tab_reaches_an_abbreviation_and_opens_its_expansion(page, site):
    page.goto(f"{site}/topics/demo/academic.html")
    first = page.locator('main a.term[href="#abbr-hpg"]')
    for _ in range(60):
        page.keyboard.press("Tab")
        if first.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the abbreviation")
    tip = page.locator(".term-tip")
    assert tip.is_visible()
    assert "Hypothalamic-Pituitary-Gonadal" in tip.inner_text()
    link = tip.locator("a")
    assert link.text_content() == "Abbreviations"  # shown; heard with the abbreviation
    expect(link).to_have_accessible_name("Abbreviations: HPG")
    link.click()
    page.wait_for_url("**/academic.html#abbr-hpg")


def test_a_page_with_notes_and_abbreviations_passes_axe(page, site):
    page.goto(f"{site}/topics/demo/academic.html")
    assert page.locator("section.footnotes h2").inner_text() == "Notes"
    assert run_axe(page) == []
