"""Every page of the fixture site with JavaScript disabled (``java_script_enabled=False``): axe finds nothing, and all
content, every quiz answer and every glossary definition can be reached.

axe itself needs to run in the page. With scripts disabled the page's own scripts never run, and
Chromium's timers never fire either; axe only uses timers to yield, so before running it the test points
``setTimeout`` and ``requestAnimationFrame`` at microtasks (which still run). The page's scripts stay
unrun: the test checks that the JS-only parts are still hidden afterwards.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from tests.a11y.axe_incomplete_allowlist import ALLOWED_INCOMPLETE
from tests.support.browser import AAA_RULES, axe_report

pytestmark = pytest.mark.browser

TIMERS_AS_MICROTASKS = """() => {
    window.setTimeout = (f, ...args) => { Promise.resolve().then(() => f(...args)); return 0; };
    window.clearTimeout = () => {};
    window.requestAnimationFrame = f => window.setTimeout(f, 0, performance.now());
}"""
# Parts only quiz.js shows (buttons, error summary, saved-progress note), never needed without it.
JS_ONLY = "[data-quiz-js], .quiz__errors, .quiz__error, .quiz__saved"
# Text in <body> that is not rendered, except the JS-only parts and the glossary definitions kept for
# aria-describedby (.term-defs, checked against the glossary page below).
UNRENDERED_TEXT = """jsOnly => {
    const out = [], walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement, text = node.textContent.replace(/\\s+/g, ' ').trim();
        if (!text || el.closest('script, style, .term-defs') || el.closest(jsOnly)) continue;
        if (!el.checkVisibility()) out.push(text);
    }
    return out; }"""


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture
def nojs(browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    yield context
    context.close()


def test_axe_finds_nothing_without_javascript(warm_nojs_page, fixture_url, page_path):
    page = warm_nojs_page
    page.goto(f"{fixture_url}/{page_path}")
    assert page.evaluate("() => document.querySelectorAll('a.term[aria-expanded], .term-tip').length") == 0
    page.evaluate(TIMERS_AS_MICROTASKS)
    allowed = [{k: entry[k] for k in ("rules", "message_key", "within")} for entry in ALLOWED_INCOMPLETE]
    problems = []
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        for width in (320, 1280):
            page.set_viewport_size({"width": width, "height": 900})
            report = axe_report(page, extra_rules=AAA_RULES, allowed=allowed)
            problems += [f"{scheme} {width}px violation {v['id']}: {v['targets']}" for v in report["violations"]]
            problems += [f"{scheme} {width}px incomplete {i['id']} {i['keys']}: {i['target']}"
                         for i in report["incomplete"] if i["allowed"] < 0]
    assert problems == []
    # The page's own scripts still have not run.
    assert page.evaluate("""() => [...document.querySelectorAll('[data-quiz-js]')].every(e => e.hidden)
        && [...document.querySelectorAll('[data-search-nojs]')].every(e => !e.hidden)""")


def test_all_content_quiz_answers_and_definitions_are_reachable_without_javascript(nojs, fixture_url, page_path):
    page = nojs.new_page()
    page.goto(f"{fixture_url}/{page_path}")

    # Every <details> (the quiz answers among them) opens from its summary, natively.
    details = page.locator("details")
    for index in range(details.count()):
        item = details.nth(index)
        item.locator("summary").click()
        expect(item).to_have_attribute("open", "")
        expect(item.locator(":scope > :not(summary)").first).to_be_visible()
    questions = page.locator("fieldset.quiz__question")
    expect(page.locator("fieldset.quiz__question details")).to_have_count(questions.count())

    # Then no text is left unreachable: hidden text (such as an option's feedback, shown by the script)
    # is also in the visible text, in the answer under its question.
    visible = normalise(page.locator("body").inner_text())
    missing = [text for text in page.evaluate(UNRENDERED_TEXT, JS_ONLY) if normalise(text) not in visible]
    assert missing == []

    # Every glossary term is a link to its entry on the glossary page, which shows the same definition; an
    # abbreviation's link (also a.term) leads to its expansion in the page's own list of abbreviations.
    marked = page.evaluate("""() => [...document.querySelectorAll('a.term')].map(a => [
        a.textContent, new URL(a.href).pathname, decodeURIComponent(new URL(a.href).hash.slice(1)),
        document.getElementById(a.getAttribute('aria-describedby')).textContent])""")
    here = urlparse(page.url).path
    for _, _, target, description in [m for m in marked if m[1] == here]:
        expect(page.locator(f"[id='{target}']")).to_be_visible()
        assert normalise(description) in visible
    terms = [m for m in marked if m[1] != here]
    if not terms:
        assert page.locator(".term-defs").count() == 0
        return
    glossary = nojs.new_page()
    first_path = terms[0][1]
    assert all(path == first_path and path.endswith("/glossary.html") for _, path, _, _ in terms)
    glossary.goto(f"{fixture_url}{first_path}")
    # The entry is the term's own: it shows the definition the term is described by. (The words marked may
    # differ from the term's name: `[[the night hormone|melatonin]]`.)
    for _, _, slug, definition in terms:
        entry = glossary.locator(f"[id='{slug}']")
        expect(entry).to_be_visible()
        expect(entry.locator(".glossary__definition")).to_have_text(normalise(definition))
    page.locator("a.term[href*='glossary.html']").first.click()
    page.wait_for_url(f"**/glossary.html#{terms[0][2]}")
    expect(page.locator(f"[id='{terms[0][2]}']")).to_be_in_viewport()
