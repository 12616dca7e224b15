"""The quizzes in a real Chromium, on the fixture site: keyboard use, marking, error summary, saved progress,
no-JS. Expected texts come from the page's quiz as its author wrote it (the plugin's parser) and from the
interface's messages, never from copied content. (The states' axe checks are the matrix's, tests/a11y.)"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from strata.quiz.model import TRUE_FALSE
from tests.a11y.test_matrix import quiz_pages
from tests.support.quiz import answer, answer_key, quizzes_of
from tests.support.sites import FIXTURE, FIXTURE_TIER_PAGE

pytestmark = pytest.mark.browser

BLOCK_STORAGE = """Object.defineProperty(window, "localStorage", {
  configurable: true, get() { throw new DOMException("The operation is insecure.", "SecurityError"); } });"""
FULL_STORAGE = """Storage.prototype.setItem = function () {
  throw new DOMException("Quota exceeded", "QuotaExceededError"); };"""
QUIZ_PAGES = quiz_pages()


def open_quiz(page, fixture_url, path=FIXTURE_TIER_PAGE, scheme="light", width=1280):
    errors = []  # script errors, and failed requests (every page declares its icon: no /favicon.ico guess)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: m.type == "error" and not m.text.startswith("Failed to load resource")
            and errors.append(m.text))
    page.on("response", lambda r: r.status >= 400 and errors.append(f"{r.status} {r.url}"))
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{fixture_url}/{path}")
    expect(page.locator("form.quiz .quiz__actions").first).to_be_visible()
    return errors


def questions(path=FIXTURE_TIER_PAGE):
    """The questions of the page's first quiz, as written."""
    return quizzes_of(FIXTURE, path)[0].questions


def score(right: int, total: int, path: str = FIXTURE_TIER_PAGE) -> str:
    """The score line in the language of the page at ``path`` (its plural form follows the score)."""
    message = "%(score)s of %(total)s correct"
    return FIXTURE.catalogue(path).ngettext(message, message, right) % {"score": right, "total": total}


def say(path: str, message: str, **values) -> str:
    """An interface message in the language of the page at ``path``."""
    return FIXTURE.catalogue(path).gettext(message) % values


def focused(page) -> str:
    return page.evaluate("() => document.activeElement.id || document.activeElement.className")


def press_tab_until(page, predicate: str, limit: int = 400) -> int:
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const e = document.activeElement; return {predicate}; }}"):
            return presses
    raise AssertionError(f"Tab never reached {predicate}")


def test_the_fixture_quizzes_cover_what_these_tests_need():
    """At least three questions of every type on the main page, and a quiz of one question elsewhere."""
    assert len(questions()) >= 3
    assert {q.type for q in questions()} == {"single", "multiple", "true-false"}
    assert any(q.section for q in questions())
    assert any(q.options[1].feedback for q in questions())
    assert min(len(questions(path)) for path in QUIZ_PAGES) == 1


@pytest.mark.parametrize("path", QUIZ_PAGES)
def test_keyboard_only_reader_completes_the_quiz_with_the_right_score(page, fixture_url, path):
    errors = open_quiz(page, fixture_url, path)
    key = answer_key(page)
    wrong = len(key)  # the last question wrong on purpose, so the score is not trivially "all"
    page.locator("body").focus()
    press_tab_until(page, f"e.id === '{key[0]['id']}-a' || e.id === '{key[0]['id']}-true'")
    for number, question in enumerate(key, 1):
        if number > 1:
            presses = press_tab_until(page, f"e.name === '{question['id']}'", limit=3)
            assert presses <= 2  # only the previous question's "Show the answer" lies between two questions
        right = question["right"]
        picks = [next(n for n in range(question["count"]) if n not in right)] if number == wrong else right
        if question["type"] == "radio":
            assert len(picks) == 1
            for _ in range(picks[0]):
                page.keyboard.press("ArrowDown")  # arrow keys move and select within the radio group
            if picks[0] == 0:
                page.keyboard.press("Space")
            checked = page.locator(f"#{question['id']} input:checked")
            expect(checked).to_have_count(1)
            assert focused(page) == checked.get_attribute("id")
        else:
            for index in range(question["count"]):
                if index:
                    page.keyboard.press("Tab")
                if index in picks:
                    page.keyboard.press("Space")
            expect(page.locator(f"#{question['id']} input:checked")).to_have_count(len(picks))
        expect(page.locator(".quiz__score")).to_have_text("")  # nothing happens before "Check answers"
    press_tab_until(page, "e.type === 'submit'", limit=3)
    page.keyboard.press("Enter")
    expect(page.locator(".quiz__score")).to_have_text(score(len(key) - 1, len(key), path))
    expect(page.locator(f"#{key[wrong - 1]['id']}-result")).to_have_text(f"✗ {say(path, 'Incorrect')}")
    for question in key[:wrong - 1]:
        expect(page.locator(f"#{question['id']}-result")).to_have_text(f"✓ {say(path, 'Correct')}")
    assert errors == []


def test_empty_submission_focuses_the_error_summary_whose_links_focus_the_inputs(page, fixture_url):
    open_quiz(page, fixture_url)
    written = questions()
    page.get_by_role("button", name="Check answers").click()
    summary = page.locator(".quiz__errors")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(summary).to_have_attribute("role", "group")  # focused, so not also an alert (said twice)
    expect(summary.get_by_role("heading")).to_have_text("There is a problem")
    links = summary.get_by_role("link")
    expect(links).to_have_text([question.error_message() for question in written])
    fieldsets = page.locator("fieldset.quiz__question")
    for question in fieldsets.all():
        qid = question.get_attribute("id")
        expect(page.locator(f"#{qid}-error")).to_be_visible()
        expect(question).to_have_attribute("aria-describedby", re.compile(rf"\b{qid}-error\b"))
    expect(page.locator(".quiz__score")).to_have_text("")
    page.keyboard.press("Tab")
    expect(links.nth(0)).to_be_focused()
    page.keyboard.press("Enter")
    expect(fieldsets.nth(0).locator("input").first).to_be_focused()
    last = len(written) - 1
    links.nth(last).click()
    expect(fieldsets.nth(last).locator("input").first).to_be_focused()
    expect(fieldsets.nth(last).locator("input").first).to_be_in_viewport()


def test_only_the_unanswered_questions_are_listed(page, fixture_url):
    open_quiz(page, fixture_url)
    answer(page)
    number, question = next((n, q) for n, q in reversed(list(enumerate(questions(), 1))) if q.input_type == "radio")
    page.locator(f"fieldset.quiz__question:nth-of-type({number}) input:checked").evaluate("e => e.checked = false")
    page.get_by_role("button", name="Check answers").click()
    expect(page.locator(".quiz__errors").get_by_role("link")).to_have_text([question.error_message()])
    expect(page.locator(".quiz__error:visible")).to_have_count(1)


def test_feedback_is_given_in_text_with_the_explanation(page, fixture_url):
    open_quiz(page, fixture_url)
    number, written = next((n, q) for n, q in enumerate(questions(), 1)
                           if q.type != TRUE_FALSE and next(o for o in q.options if not o.correct).feedback)
    others = set(range(1, len(questions()) + 1)) - {number}
    answer(page, wrong={number})
    page.get_by_role("button", name="Check answers").click()
    fieldset = page.locator("fieldset.quiz__question").nth(number - 1)
    expect(fieldset.locator(".quiz__result")).to_have_text("✗ Incorrect")
    for other in others:
        expect(page.locator("fieldset.quiz__question").nth(other - 1).locator(".quiz__result")).to_have_text(
            "✓ Correct")
    chosen = next(o for o in written.options if not o.correct)  # what answer() picks for a wrong answer
    qid = fieldset.get_attribute("id")
    expect(page.locator(f"#{qid}-{chosen.key}-feedback")).to_have_text(f"✗ Your answer: wrong. {chosen.feedback}")
    expect(page.locator(f"#{qid}-{chosen.key}")).to_have_attribute("aria-describedby", f"{qid}-{chosen.key}-feedback")
    for option in written.options:
        if option.correct:
            expect(page.locator(f"#{qid}-{option.key}-feedback")).to_contain_text("Right answer, not chosen.")
        elif option is not chosen:
            expect(page.locator(f"#{qid}-{option.key}-feedback")).to_be_hidden()
    right = page.locator("fieldset.quiz__question").nth(min(others) - 1).locator(".quiz__feedback:visible").first
    expect(right).to_contain_text("✓ Your answer: right.")
    icons = page.locator(".quiz__icon")
    assert icons.count() > len(questions())
    assert {icons.nth(i).get_attribute("aria-hidden") for i in range(icons.count())} == {"true"}
    explanation = fieldset.locator("details")
    expect(explanation).to_have_attribute("open", "")
    expect(explanation).to_contain_text(written.explanation)
    reviewed = next(n for n, q in enumerate(questions(), 1) if q.section)
    expect(page.locator("fieldset.quiz__question").nth(reviewed - 1).locator(".quiz__review a")).to_be_visible()


def test_the_live_region_announces_the_score(page, fixture_url):
    open_quiz(page, fixture_url)
    total = len(questions())
    status = page.locator("form.quiz [role=status]")
    expect(status).to_have_attribute("aria-live", "polite")
    expect(status).to_have_text("")
    answer(page, wrong={1, total})
    page.get_by_role("button", name="Check answers").click()
    expect(status).to_have_text(score(total - 2, total))
    page.get_by_role("button", name="Try again").click()
    expect(status).to_have_text("")
    expect(page.locator("form.quiz input:checked")).to_have_count(0)
    expect(page.locator(".quiz__result:visible, .quiz__feedback:visible, details[open]")).to_have_count(0)
    expect(page.get_by_role("button", name="Try again")).to_be_hidden()
    expect(page.locator("fieldset.quiz__question input").first).to_be_focused()


def test_state_survives_a_reload_and_is_cleared_on_request(page, fixture_url):
    open_quiz(page, fixture_url)
    total = len(questions())
    answer(page, wrong={1})
    page.get_by_role("button", name="Check answers").click()
    expect(page.locator(".quiz__score")).to_have_text(score(total - 1, total))
    checked = page.locator("form.quiz input:checked")
    before = [checked.nth(i).get_attribute("id") for i in range(checked.count())]
    page.reload()
    expect(page.locator(".quiz__saved")).to_have_text(
        f"Your answers from your last visit are filled in. Last score: {score(total - 1, total)}.")
    assert [checked.nth(i).get_attribute("id") for i in range(checked.count())] == before
    saved = page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('strata-quiz:'))")
    topic_and_tier = FIXTURE_TIER_PAGE.removeprefix("topics/").removesuffix(".html")
    assert saved == [f"strata-quiz:{topic_and_tier}/quiz-1/"
                     + page.locator("form.quiz").get_attribute("data-quiz-key").rsplit("/", 1)[1]]
    page.get_by_role("button", name="Clear my answers").click()
    expect(page.locator(".quiz__score")).to_have_text("Your saved answers have been cleared.")
    expect(checked).to_have_count(0)
    page.reload()
    expect(page.locator(".quiz__actions")).to_be_visible()
    expect(checked).to_have_count(0)
    expect(page.locator(".quiz__saved")).to_be_hidden()
    assert page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('strata-quiz:'))") == []


def test_answers_are_saved_as_they_are_chosen_without_checking(page, fixture_url):
    open_quiz(page, fixture_url)
    second = page.locator("fieldset.quiz__question").nth(1).locator("input").nth(1)
    second.check()
    page.reload()
    expect(second).to_be_checked()
    expect(page.locator(".quiz__saved")).to_be_hidden()


@pytest.mark.parametrize("script", [BLOCK_STORAGE, FULL_STORAGE], ids=["blocked", "full"])
def test_the_quiz_scores_when_storage_is_unavailable(page, fixture_url, script):
    page.add_init_script(script)
    errors = open_quiz(page, fixture_url)
    total = len(questions())
    answer(page, wrong={total})
    page.get_by_role("button", name="Check answers").click()
    expect(page.locator(".quiz__score")).to_have_text(score(total - 1, total))
    page.get_by_role("button", name="Clear my answers").click()
    expect(page.locator("form.quiz input:checked")).to_have_count(0)
    assert errors == []
    visible_text = page.locator("form.quiz").evaluate("form => form.innerText")
    assert not re.search("storage|error|unavailable|blocked|There is a problem", visible_text, re.IGNORECASE)


@pytest.mark.parametrize("path", QUIZ_PAGES)
def test_without_javascript_every_answer_can_be_revealed(browser, fixture_url, path):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{fixture_url}/{path}")
    expect(page.get_by_role("button", name=say(path, "Check answers"))).to_be_hidden()
    fieldsets = page.locator("fieldset.quiz__question")
    expect(fieldsets).to_have_count(sum(len(quiz.questions) for quiz in quizzes_of(FIXTURE, path)))
    page.locator("fieldset.quiz__question input").first.check()
    expect(page.locator("fieldset.quiz__question input").first).to_be_checked()
    for index in range(fieldsets.count()):
        question = fieldsets.nth(index)
        body = question.locator(".quiz__answer-body")
        expect(body).to_be_hidden()
        question.get_by_text(say(path, "Show the answer to question %(number)s", number=index + 1),
                             exact=True).click()
        expect(body).to_be_visible()
        labels = "|".join(re.escape(say(path, label)) for label in ("Answer:", "Answers:"))
        expect(body).to_contain_text(re.compile(rf"^\s*(?:{labels})"))
        right = question.locator("input[data-correct] + label").all_text_contents()
        for label in right:
            expect(body).to_contain_text(label)
    context.close()


def test_aria_snapshot_of_a_question(page, fixture_url):
    open_quiz(page, fixture_url)
    written = questions()
    number, question = next((n, q) for n, q in enumerate(written, 1) if q.type == TRUE_FALSE)
    name = f"Question {number} of {len(written)} : {question.text}"
    expect(page.locator("fieldset.quiz__question").nth(number - 1)).to_match_aria_snapshot(f"""
      - 'group "{name}"':
        - text: "{name}"
        - paragraph: {question.hint()}
        - radio "True"
        - text: "True"
        - radio "False"
        - text: "False"
        - group: Show the answer to question {number}
    """)
