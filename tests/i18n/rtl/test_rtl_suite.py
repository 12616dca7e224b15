"""The suite's browser checks, run again on the Arabic-interface build (``dir="rtl"``; conftest.py here serves
it as the fixture site): the axe matrix (page × state × mode × width), keyboard order and focus indicators,
no JavaScript, reflow at 320 px and 400 % zoom, text spacing and failed scripts or styles. The tests are the
suite's own (tests/a11y, tests/browser), imported, so the two languages are held to the same checks.

They run on one page per template (``Site.representative_pages``: the one with the most UI states), not
on every page: this build differs from the English one only in what the templates share (interface
strings, direction), the author content being the same, so a second page of a template would repeat
the first. The English build runs them on every page.
Two of the suite's tests look for English words ("Skip to main content", "Show the answer") and are not
imported; the skip link is checked here in the page's language. The matrix's quiz-score and search-results
states check the page's English words too: here they check the same messages in Arabic (from the catalogue)."""

from __future__ import annotations

import dataclasses
import re

import pytest
from playwright.sync_api import expect

from strata.i18n import plural_forms, translations
from tests.a11y import test_matrix
from tests.a11y.test_keyboard import test_tab_and_shift_tab_walk_the_page_in_order_with_a_visible_indicator
from tests.a11y.test_matrix import test_axe_finds_nothing_in_any_mode_or_width, test_quiz_marks_meet_enhanced_contrast
from tests.a11y.test_no_js import (
    nojs,
    test_all_content_quiz_answers_and_definitions_are_reachable_without_javascript,
    test_axe_finds_nothing_without_javascript,
)
from tests.a11y.test_resilience import (
    test_no_horizontal_scroll_at_400_percent_zoom,
    test_text_spacing_override_loses_no_content,
)
from tests.browser.test_pages import open_page, test_page_loads_without_errors_or_outside_requests
from tests.i18n.sites import ARABIC

PAGE_PATHS = ARABIC.representative_pages()  # narrows page_path and the matrix's cases (tests/conftest.py)

__all__ = [
    "nojs",
    "test_all_content_quiz_answers_and_definitions_are_reachable_without_javascript",
    "test_axe_finds_nothing_in_any_mode_or_width",
    "test_axe_finds_nothing_without_javascript",
    "test_no_horizontal_scroll_at_400_percent_zoom",
    "test_page_loads_without_errors_or_outside_requests",
    "test_quiz_marks_meet_enhanced_contrast",
    "test_tab_and_shift_tab_walk_the_page_in_order_with_a_visible_indicator",
    "test_text_spacing_override_loses_no_content",
]


def pytest_generate_tests(metafunc):
    test_matrix.pytest_generate_tests(metafunc)


def catalogue():
    return translations(str(ARABIC.settings["THEME"]), "ar")


def message_pattern(singular: str, plural: str) -> re.Pattern:
    """Any form of a plural message of the Arabic catalogue, its placeholders standing for numbers or text."""
    forms = set(plural_forms(catalogue(), "ar", singular, plural).values())
    return re.compile("|".join(re.sub(r"%\\\(\w+\\\)s", r".+?", re.escape(f)) for f in sorted(forms)))


def _arabic_score_holds(page):
    score = message_pattern("%(score)s of %(total)s correct", "%(score)s of %(total)s correct")
    expect(page.locator(".quiz__score").first).to_have_text(score)
    expect(page.locator(".quiz__result:visible").first).to_be_visible()


def _arabic_submit(wrong: bool):
    def enter(page):
        page.evaluate(test_matrix.ANSWER, wrong)
        page.locator("form.quiz button[type=submit]").first.click()
        _arabic_score_holds(page)
    return enter


def _arabic_results_hold(page):
    expect(page.locator("#search-results li").first).to_be_visible()
    found = message_pattern("%(count)s result for “%(query)s”.", "%(count)s results for “%(query)s”.")
    expect(page.locator("#search-status")).to_have_text(found)


@pytest.fixture(autouse=True)
def arabic_states(monkeypatch):
    """The matrix's states that read English words, reading the Arabic messages instead."""
    states = test_matrix.STATES
    for name, enter, holds in (("quiz-wrong-answers", _arabic_submit(True), _arabic_score_holds),
                               ("quiz-right-answers", _arabic_submit(False), _arabic_score_holds),
                               ("search-results", states["search-results"].enter, _arabic_results_hold)):
        monkeypatch.setitem(states, name, dataclasses.replace(states[name], enter=enter, holds=holds))
    monkeypatch.setattr(test_matrix, "_submit", _arabic_submit)  # test_quiz_marks_meet_enhanced_contrast


def test_the_pages_are_right_to_left(page, fixture_url):
    page.goto(f"{fixture_url}/index.html")
    assert page.evaluate("() => [document.documentElement.lang, document.documentElement.dir]") == ["ar", "rtl"]
    assert page.evaluate("() => getComputedStyle(document.body).direction") == "rtl"


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page, fixture_url, page_path):
    skip = translations(str(ARABIC.settings["THEME"]), "ar").gettext("Skip to main content")
    open_page(page, fixture_url, page_path)
    page.keyboard.press("Tab")
    focused = page.evaluate("() => [document.activeElement.className, document.activeElement.textContent]")
    assert skip != "Skip to main content"
    assert focused == ["skip-link", skip]
    box = page.evaluate("() => document.activeElement.getBoundingClientRect().toJSON()")
    assert box["top"] >= 0  # on screen, at the start of the line: the right
    assert box["right"] <= page.viewport_size["width"]
    assert box["left"] > page.viewport_size["width"] / 2
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
