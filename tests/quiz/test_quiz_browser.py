"""The quizzes in a real Chromium: keyboard use, marking, error summary, saved progress, no-JS, axe."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.support.browser import run_axe
from tests.support.quiz import answer, answer_key

pytestmark = pytest.mark.browser

TOPIC = "topics/post-trt-testicular-restoration"
TIERS = ["fundamentals", "intermediate", "academic"]
BLOCK_STORAGE = """Object.defineProperty(window, "localStorage", {
  configurable: true, get() { throw new DOMException("The operation is insecure.", "SecurityError"); } });"""
FULL_STORAGE = """Storage.prototype.setItem = function () {
  throw new DOMException("Quota exceeded", "QuotaExceededError"); };"""


def open_quiz(page, site_url, tier="fundamentals", scheme="light", width=1280):
    errors = []  # script errors, and failed requests (every page declares its icon: no /favicon.ico guess)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: m.type == "error" and not m.text.startswith("Failed to load resource")
            and errors.append(m.text))
    page.on("response", lambda r: r.status >= 400 and errors.append(f"{r.status} {r.url}"))
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{site_url}/{TOPIC}/{tier}.html")
    expect(page.locator("form.quiz .quiz__actions")).to_be_visible()
    return errors


def focused(page) -> str:
    return page.evaluate("() => document.activeElement.id || document.activeElement.className")


def press_tab_until(page, predicate: str, limit: int = 400) -> int:
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const e = document.activeElement; return {predicate}; }}"):
            return presses
    raise AssertionError(f"Tab never reached {predicate}")


@pytest.mark.parametrize("tier", TIERS)
def test_keyboard_only_reader_completes_the_quiz_with_the_right_score(page, site_url, tier):
    errors = open_quiz(page, site_url, tier)
    key = answer_key(page)
    wrong = 2  # answer question 2 wrong on purpose, so the score is not trivially "all"
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
    total = len(key)
    expect(page.locator(".quiz__score")).to_have_text(f"{total - 1} of {total} correct")
    expect(page.locator(f"#{key[wrong - 1]['id']}-result")).to_have_text("✗ Incorrect")
    expect(page.locator(f"#{key[0]['id']}-result")).to_have_text("✓ Correct")
    assert errors == []


def test_empty_submission_focuses_the_error_summary_whose_links_focus_the_inputs(page, site_url):
    open_quiz(page, site_url)
    page.get_by_role("button", name="Check answers").click()
    summary = page.locator(".quiz__errors")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(summary).to_have_attribute("role", "group")  # focused, so not also an alert (said twice)
    expect(summary.get_by_role("heading")).to_have_text("There is a problem")
    links = summary.get_by_role("link")
    expect(links).to_have_count(7)
    expect(links.nth(0)).to_have_text("Choose an answer to question 1")
    for question in page.locator("fieldset.quiz__question").all():
        qid = question.get_attribute("id")
        expect(page.locator(f"#{qid}-error")).to_be_visible()
        expect(question).to_have_attribute("aria-describedby", re.compile(rf"\b{qid}-error\b"))
    expect(page.locator(".quiz__score")).to_have_text("")
    page.keyboard.press("Tab")
    expect(links.nth(0)).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#quiz-1-q1-a")).to_be_focused()
    links.nth(2).click()
    expect(page.locator("#quiz-1-q3-true")).to_be_focused()
    expect(page.locator("#quiz-1-q3-true")).to_be_in_viewport()


def test_only_the_unanswered_questions_are_listed(page, site_url):
    open_quiz(page, site_url)
    answer(page)
    page.locator("#quiz-1-q4 input:checked").evaluate("e => e.checked = false")
    page.get_by_role("button", name="Check answers").click()
    expect(page.locator(".quiz__errors").get_by_role("link")).to_have_text(["Choose an answer to question 4"])
    expect(page.locator(".quiz__error:visible")).to_have_count(1)


def test_feedback_is_given_in_text_with_the_explanation(page, site_url):
    open_quiz(page, site_url)
    answer(page, wrong={1})
    page.get_by_role("button", name="Check answers").click()
    first, second = page.locator("#quiz-1-q1"), page.locator("#quiz-1-q2")
    expect(first.locator(".quiz__result")).to_have_text("✗ Incorrect")
    expect(second.locator(".quiz__result")).to_have_text("✓ Correct")
    expect(page.locator("#quiz-1-q1-b-feedback")).to_have_text(
        "✗ Your answer: wrong. Not quite. The testes make testosterone, but only after signals from the brain "
        "reach them.")
    expect(page.locator("#quiz-1-q1-b")).to_have_attribute("aria-describedby", "quiz-1-q1-b-feedback")
    expect(page.locator("#quiz-1-q1-a-feedback")).to_contain_text("Right answer, not chosen.")
    expect(page.locator("#quiz-1-q1-c-feedback")).to_be_hidden()
    expect(page.locator("#quiz-1-q2-a-feedback")).to_contain_text("✓ Your answer: right. Yes. LH goes")
    icons = page.locator(".quiz__icon")
    assert icons.count() > 7
    assert {icons.nth(i).get_attribute("aria-hidden") for i in range(icons.count())} == {"true"}
    explanation = first.locator("details")
    expect(explanation).to_have_attribute("open", "")
    expect(explanation).to_contain_text("the hypothalamus, a region in the brain, starts the process")
    expect(page.locator("#quiz-1-q3 .quiz__review a")).to_be_visible()


def test_the_live_region_announces_the_score(page, site_url):
    open_quiz(page, site_url, "intermediate")
    status = page.locator("form.quiz [role=status]")
    expect(status).to_have_attribute("aria-live", "polite")
    expect(status).to_have_text("")
    answer(page, wrong={3, 5})
    page.get_by_role("button", name="Check answers").click()
    expect(status).to_have_text("5 of 7 correct")
    page.get_by_role("button", name="Try again").click()
    expect(status).to_have_text("")
    expect(page.locator("form.quiz input:checked")).to_have_count(0)
    expect(page.locator(".quiz__result:visible, .quiz__feedback:visible, details[open]")).to_have_count(0)
    expect(page.get_by_role("button", name="Try again")).to_be_hidden()
    expect(page.locator("#quiz-1-q1-a")).to_be_focused()


def test_state_survives_a_reload_and_is_cleared_on_request(page, site_url):
    open_quiz(page, site_url, "academic")
    answer(page, wrong={1})
    page.get_by_role("button", name="Check answers").click()
    expect(page.locator(".quiz__score")).to_have_text("6 of 7 correct")
    checked = page.locator("form.quiz input:checked")
    before = [checked.nth(i).get_attribute("id") for i in range(checked.count())]
    page.reload()
    expect(page.locator(".quiz__saved")).to_have_text(
        "Your answers from your last visit are filled in. Last score: 6 of 7 correct.")
    assert [checked.nth(i).get_attribute("id") for i in range(checked.count())] == before
    saved = page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('strata-quiz:'))")
    assert saved == ["strata-quiz:post-trt-testicular-restoration/academic/quiz-1/"
                     + page.locator("form.quiz").get_attribute("data-quiz-key").rsplit("/", 1)[1]]
    page.get_by_role("button", name="Clear my answers").click()
    expect(page.locator(".quiz__score")).to_have_text("Your saved answers have been cleared.")
    expect(checked).to_have_count(0)
    page.reload()
    expect(page.locator(".quiz__actions")).to_be_visible()
    expect(checked).to_have_count(0)
    expect(page.locator(".quiz__saved")).to_be_hidden()
    assert page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('strata-quiz:'))") == []


def test_answers_are_saved_as_they_are_chosen_without_checking(page, site_url):
    open_quiz(page, site_url)
    page.locator("#quiz-1-q2-b").check()
    page.reload()
    expect(page.locator("#quiz-1-q2-b")).to_be_checked()
    expect(page.locator(".quiz__saved")).to_be_hidden()


@pytest.mark.parametrize("script", [BLOCK_STORAGE, FULL_STORAGE], ids=["blocked", "full"])
def test_the_quiz_scores_when_storage_is_unavailable(page, site_url, script):
    page.add_init_script(script)
    errors = open_quiz(page, site_url)
    answer(page, wrong={7})
    page.get_by_role("button", name="Check answers").click()
    expect(page.locator(".quiz__score")).to_have_text("6 of 7 correct")
    page.get_by_role("button", name="Clear my answers").click()
    expect(page.locator("form.quiz input:checked")).to_have_count(0)
    assert errors == []
    visible_text = page.locator("form.quiz").evaluate("form => form.innerText")
    assert not re.search("storage|error|unavailable|blocked|There is a problem", visible_text, re.IGNORECASE)


@pytest.mark.parametrize("tier", TIERS)
def test_without_javascript_every_answer_can_be_revealed(browser, site_url, tier):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/{TOPIC}/{tier}.html")
    expect(page.get_by_role("button", name="Check answers")).to_be_hidden()
    questions = page.locator("fieldset.quiz__question")
    assert questions.count() >= 6
    page.locator("fieldset.quiz__question input").first.check()
    expect(page.locator("fieldset.quiz__question input").first).to_be_checked()
    for index in range(questions.count()):
        question = questions.nth(index)
        body = question.locator(".quiz__answer-body")
        expect(body).to_be_hidden()
        question.get_by_text(f"Show the answer to question {index + 1}", exact=True).click()
        expect(body).to_be_visible()
        expect(body).to_contain_text(re.compile(r"^\s*Answers?:"))
        right = question.locator("input[data-correct] + label").all_text_contents()
        for label in right:
            expect(body).to_contain_text(label)
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("tier", TIERS)
def test_axe_finds_nothing_before_after_a_wrong_and_after_a_right_submission(page, site_url, tier, scheme):
    open_quiz(page, site_url, tier, scheme)
    assert run_axe(page, extra_rules=["color-contrast-enhanced"]) == []
    page.get_by_role("button", name="Check answers").click()  # the error summary
    assert run_axe(page, extra_rules=["color-contrast-enhanced"]) == []
    answer(page, wrong={1, 2, 3})
    page.get_by_role("button", name="Check answers").click()
    expect(page.locator(".quiz__score")).to_contain_text("of")
    assert run_axe(page, extra_rules=["color-contrast-enhanced"]) == []
    page.get_by_role("button", name="Try again").click()
    answer(page)
    page.get_by_role("button", name="Check answers").click()
    expect(page.locator(".quiz__score")).to_have_text(re.compile(r"^(\d+) of \1 correct$"))
    assert run_axe(page, extra_rules=["color-contrast-enhanced"]) == []


def test_aria_snapshot_of_a_question(page, site_url):
    open_quiz(page, site_url)
    name = "Question 3 of 7 : Taking testosterone as a treatment makes the body produce more of its own testosterone."
    expect(page.locator("#quiz-1-q3")).to_match_aria_snapshot(f"""
      - 'group "{name}"':
        - text: "{name}"
        - paragraph: Choose true or false.
        - radio "True"
        - text: "True"
        - radio "False"
        - text: "False"
        - group: Show the answer to question 3
    """)
