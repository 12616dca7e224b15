"""The quiz by keyboard, as a screen reader says it: wrong, then right, Try again, Clear."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

Q1 = "group, Question 1 of 2 : Which gland sends the hormone signals?, Choose one answer."
Q2 = "group, Question 2 of 2 : The testes make testosterone., Choose true or false."
PITUITARY = "radio, The pituitary gland, {}position 1, set size 2"
LIVER = "radio, The liver, {}position 2, set size 2"
TRUE = "radio, True, {}position 1, set size 2"


def check_answers(reader) -> list[str]:
    reader.page.get_by_role("button", name="Check answers").focus()
    assert reader.heard() in (["button, Check answers"], [])  # [] when the reading cursor was already there
    return reader.press("Enter")


def read_quiz(reader) -> list[str]:
    """Everything read from the quiz's form landmark down to its "Check answers" button."""
    reader.start()
    assert reader.perform("moveToNextForm") == ["form, Check your understanding"]
    return reader.read_until("button, Check answers")


def test_quiz_answered_wrong_then_right_by_keyboard(reader, speech_url):
    reader.open(f"{speech_url}/topics/demo/fundamentals.html")
    # The questions and their options, read in order.
    heard = read_quiz(reader)
    for phrase in (Q1, PITUITARY.format("not checked, "), LIVER.format("not checked, "), Q2,
                   TRUE.format("not checked, "), "radio, False, not checked, position 2, set size 2"):
        assert phrase in heard
    assert heard.index(Q1) < heard.index(PITUITARY.format("not checked, ")) < heard.index(Q2)

    # Nothing answered: the error summary takes focus and is announced once.
    assert check_answers(reader) == ["group, There is a problem"]
    assert reader.press("Tab") == ["link, Choose an answer to question 1"]
    assert reader.press("Enter") == [PITUITARY.format("not checked, ")]  # the question's first answer
    heard = read_quiz(reader)
    assert f"{Q1} Error: Choose an answer to question 1" in heard  # the question says what is wrong

    # Question 1 wrong, question 2 right.
    reader.page.get_by_role("radio", name="The pituitary gland").focus()
    reader.heard()
    assert reader.press("ArrowDown") == [LIVER.format("checked, ")]
    assert reader.press("Tab") == ["Show the answer to question 1"]
    assert reader.press("Tab") == [TRUE.format("not checked, ")]
    assert reader.press("Space") == ["checked"]
    assert check_answers(reader) == ["polite: 1 of 2 correct"]  # the score, once, from a live region
    heard = read_quiz(reader)
    for phrase in (f"{Q1} Incorrect", f"{Q2} Correct",
                   LIVER.format("Your answer: wrong. No. The liver does not send these signals., checked, "),
                   PITUITARY.format("Right answer, not chosen. Right. It sends LH and FSH., not checked, "),
                   TRUE.format("Your answer: right. Right. Leydig cells in the testes make it., checked, ")):
        assert phrase in heard

    # Try again: focus goes back to the first answer; the score is cleared silently.
    reader.page.get_by_role("button", name="Try again").focus()
    assert reader.heard() == ["button, Try again"]
    assert reader.press("Enter") == [PITUITARY.format("not checked, ")]
    assert reader.press("Space") == ["checked"]
    assert reader.press("Tab") == ["Show the answer to question 1"]
    assert reader.press("Tab") == [TRUE.format("not checked, ")]
    assert reader.press("Space") == ["checked"]
    assert check_answers(reader) == ["polite: 2 of 2 correct"]
    heard = read_quiz(reader)
    assert f"{Q1} Correct" in heard
    assert f"{Q2} Correct" in heard

    # Clear my answers: said once in the same live region.
    reader.page.get_by_role("button", name="Clear my answers").focus()
    assert reader.heard() == ["button, Clear my answers"]
    assert reader.press("Enter") == ["polite: Your saved answers have been cleared."]
    heard = read_quiz(reader)
    assert PITUITARY.format("not checked, ") in heard
    assert TRUE.format("not checked, ") in heard
