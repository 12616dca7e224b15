"""The accessibility matrix: every built page × every UI state that page has × 3 display modes × 2 widths.

axe-core runs with the WCAG 2.0/2.1/2.2 A and AA tags, best practices and the AAA contrast rule, and must
report no violation. Its "incomplete" results (what it could not decide) must be fixed or listed, with a
reason, in axe_incomplete_allowlist.py.

The cases come from the fixture site's page map (tests/support/sites.py, read from its sources without
building; tests/test_site.py checks it against the build): a page gets the states it has (a glossary
toggletip where it marks terms, the quiz states where it has a quiz, results where it has the search
form), so a new page or topic is covered without editing this file. Each (page, state) is one test that
opens the page once, puts it in the state, then switches mode and width between axe runs, checking the
state still holds.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from strata.i18n import plural_forms
from tests.a11y.axe_incomplete_allowlist import ALLOWED_INCOMPLETE
from tests.a11y.contrast import BACKGROUNDS, contrast, flatten, parse
from tests.support.browser import AAA_RULES, axe_report
from tests.support.sites import FIXTURE, FIXTURE_TIER_PAGE, module_pages, search_word

pytestmark = pytest.mark.browser

MODES = {
    "light": {"color_scheme": "light"},
    "dark": {"color_scheme": "dark"},
    "forced-colors": {"forced_colors": "active"},
}
# Reduced motion is not a mode of the matrix: it changes motion only (base.css), so axe would see the light
# mode again; test_reduced_motion_stops_every_animation_and_transition checks what it does change.
NEUTRAL = {"color_scheme": "light", "forced_colors": "none", "reduced_motion": "no-preference"}
WIDTHS = [320, 1280]
ALLOWED = [{k: entry[k] for k in ("rules", "message_key", "within")} for entry in ALLOWED_INCOMPLETE]

# Answer every question: right, or (wrong=True) wrong on the odd-numbered ones, through real clicks.
ANSWER = """wrong => document.querySelectorAll('fieldset.quiz__question').forEach((q, n) => {
    const inputs = [...q.querySelectorAll('input')];
    const picks = wrong && n % 2 === 0 ? [inputs.find(i => !i.hasAttribute('data-correct'))]
                                       : inputs.filter(i => i.hasAttribute('data-correct'));
    picks.forEach(i => i.click()); })"""


@dataclass(frozen=True)
class State:
    applies: Callable[[set[str]], bool]  # given the features of a page (Site.features)
    enter: Callable  # (page) -> None: put the page in the state
    holds: Callable  # (page) -> None: assert the page is still in it


def _rest(page):
    page.wait_for_load_state("load")


def _open_tip(page):
    term = page.locator("main a.term").first
    term.focus()
    expect(page.locator(".term-tip")).to_be_visible()


def _tip_holds(page):
    expect(page.locator(".term-tip")).to_be_visible()
    expect(page.locator("main a.term").first).to_have_attribute("aria-expanded", "true")


def _focus_first_answer(page):
    page.locator("form.quiz input").first.focus()
    expect(page.locator("form.quiz input").first).to_be_focused()


def _submit_empty(page):
    page.locator("form.quiz button[type=submit]").first.click()
    expect(page.locator(".quiz__errors").first).to_be_focused()


def _score_pattern(page) -> re.Pattern:
    """The quiz's score ("3 of 4 correct") in the language of the page shown (a translation's, or English)."""
    path = urlparse(page.url).path.lstrip("/")
    lang = FIXTURE.language_of(path)
    if lang is None:
        return re.compile(r"^\d+ of \d+ correct$")
    score = "%(score)s of %(total)s correct"
    forms = plural_forms(FIXTURE.catalogue(path), lang, score, score).values()
    return re.compile("^(?:" + "|".join(re.escape(form).replace(r"%\(score\)s", r"\d+").replace(r"%\(total\)s", r"\d+")
                                        for form in sorted(set(forms))) + ")$")


def _submit(wrong: bool):
    def enter(page):
        page.evaluate(ANSWER, wrong)
        page.locator("form.quiz button[type=submit]").first.click()
        expect(page.locator(".quiz__score").first).to_have_text(_score_pattern(page))
    return enter


def _score_holds(page):
    expect(page.locator(".quiz__score").first).to_have_text(_score_pattern(page))
    expect(page.locator(".quiz__result:visible").first).to_be_visible()


def _search(page):
    path = urlparse(page.url).path.lstrip("/")  # the search page of a translation searches its own language
    page.goto(page.url.split("?")[0] + "?q=" + search_word(FIXTURE, path))
    expect(page.locator("#search-results li").first).to_be_visible()


def _results_hold(page):
    expect(page.locator("#search-results li").first).to_be_visible()
    expect(page.locator("#search-status")).to_contain_text("result")


def _has_quiz(features: set[str]) -> bool:
    return "quiz" in features


STATES: dict[str, State] = {
    "at-rest": State(lambda features: True, _rest, _rest),
    "toggletip-open": State(lambda features: "terms" in features, _open_tip, _tip_holds),
    "quiz-unanswered": State(_has_quiz, _focus_first_answer,
                             lambda page: expect(page.locator("form.quiz input:checked")).to_have_count(0)),
    "quiz-error-summary": State(_has_quiz, _submit_empty,
                                lambda page: expect(page.locator(".quiz__errors").first).to_be_visible()),
    "quiz-wrong-answers": State(_has_quiz, _submit(wrong=True), _score_holds),
    "quiz-right-answers": State(_has_quiz, _submit(wrong=False), _score_holds),
    "search-results": State(lambda features: "search-form" in features, _search, _results_hold),
}


def matrix_cases(pages: list[str] | None = None) -> list[tuple[str, str]]:
    """Each (page, state) of ``pages`` (every page of the fixture site by default) that the page has."""
    cases = []
    for path in pages or FIXTURE.pages():
        cases += [(path, name) for name, state in STATES.items() if state.applies(FIXTURE.features(path))]
    return cases


def pytest_generate_tests(metafunc):
    if "matrix_case" in metafunc.fixturenames:
        cases = matrix_cases(module_pages(metafunc.module))
        metafunc.parametrize("matrix_case", cases, ids=[f"{path}-{state}" for path, state in cases])
    if "quiz_path" in metafunc.fixturenames:  # the pages with a quiz, of the module's pages
        metafunc.parametrize("quiz_path", quiz_pages(module_pages(metafunc.module)))


def test_the_matrix_covers_every_page_and_every_state():
    """The generated cases reach every page and, somewhere, every state."""
    cases = matrix_cases()
    assert {path for path, _ in cases} == set(FIXTURE.pages())
    assert {state for _, state in cases} == set(STATES)


def test_axe_finds_nothing_in_any_mode_or_width(warm_page, fixture_url, matrix_case):
    page = warm_page
    path, state_name = matrix_case
    state = STATES[state_name]
    page.set_viewport_size({"width": WIDTHS[-1], "height": 900})
    page.emulate_media(**NEUTRAL)
    page.goto(f"{fixture_url}/{path}")
    state.enter(page)
    problems: dict[str, list[str]] = {}  # what went wrong -> where (mode, width, element)
    runs = 0
    for mode, media in MODES.items():
        page.emulate_media(**{**NEUTRAL, **media})
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            state.holds(page)
            # Let any transition or animation (e.g. the toggletip fading in) finish before reading colours.
            page.evaluate("() => Promise.all(document.getAnimations().map(a => a.finished))")
            report = axe_report(page, extra_rules=AAA_RULES, allowed=ALLOWED)
            runs += 1
            for v in report["violations"]:
                problems.setdefault(f"violation {v['id']}: {v['help']}", []).append(f"{mode} {width}px {v['targets']}")
            for i in report["incomplete"]:
                if i["allowed"] < 0:
                    problems.setdefault(f"incomplete {i['id']} [{', '.join(i['keys'])}]: {i['message']}", []).append(
                        f"{mode} {width}px {i['target']}")
    assert runs == len(MODES) * len(WIDTHS)
    assert not problems, "\n".join(f"{what}\n    {len(where)}x, e.g. {where[:3]}" for what, where in problems.items())


def test_reduced_motion_stops_every_animation_and_transition(page, fixture_url):
    """With reduced motion nothing animates or transitions, the opening toggletip included (which animates
    otherwise: the guard that this check can fail)."""
    moving = """() => [...document.querySelectorAll('*')].filter(e => { const s = getComputedStyle(e);
        return s.animationName !== 'none' || s.transitionDuration.split(',').some(d => parseFloat(d) > 0); })
        .map(e => e.className || e.tagName)"""
    page.goto(f"{fixture_url}/{FIXTURE_TIER_PAGE}")
    page.emulate_media(**NEUTRAL)
    _open_tip(page)
    assert "term-tip" in page.evaluate(moving)
    page.emulate_media(**{**NEUTRAL, "reduced_motion": "reduce"})
    _tip_holds(page)
    assert page.evaluate(moving) == []
    assert page.evaluate("() => document.getAnimations().filter(a => a.playState === 'running').length") == 0


def quiz_pages(pages: list[str] | None = None) -> list[str]:
    return [path for path in pages or FIXTURE.pages() if _has_quiz(FIXTURE.features(path))]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_quiz_marks_meet_enhanced_contrast(page, fixture_url, quiz_path, scheme):
    """The ✓ and ✗ marks axe cannot measure (see axe_incomplete_allowlist.py): 7:1 against what is behind."""
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{fixture_url}/{quiz_path}")
    _submit(wrong=True)(page)
    marks = page.evaluate(f"""() => [...document.querySelectorAll('.quiz__icon')]
        .filter(el => el.checkVisibility()).map(el => [el.textContent, getComputedStyle(el).color,
                                                       ({BACKGROUNDS})(el, false)])""")
    assert {text for text, _, _ in marks} == {"✓", "✗"}
    low = [(text, colour, round(contrast(parse(colour), flatten(layers)), 2)) for text, colour, layers in marks
           if contrast(parse(colour), flatten(layers)) < 7]
    assert low == []
