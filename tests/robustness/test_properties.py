"""Property-based tests (Hypothesis) of the quiz parser and the glossary matcher and marker.

- The quiz parser, on random text, YAML-ish lines and damaged good quizzes, returns a
  model or raises :class:`StrataError` with a line inside the file: never another error.
- The glossary matcher finds whole names, in order. (Marking pages, which now happens in
  the Markdown tree, has its properties in ``tests/glossary/test_marking_properties.py``.)

Runs are derandomised (the same examples on every machine and in CI) and kept small.
A failing example Hypothesis finds becomes an explicit ``@example`` next to the fix.
"""

from __future__ import annotations

import string

import markdown
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from strata.errors import StrataError
from strata.glossary.matcher import Matcher
from strata.quiz import QuizExtension
from strata.quiz.model import Quiz
from strata.quiz.parse import find_blocks, parse_quiz

SETTINGS = settings(max_examples=150, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
PATH = "content/topics/demo/fundamentals.md"
HEADER = "Title: Demo\nTopic: demo\nTier: fundamentals\n\n## Hormones\n\nText.\n\n"

# --- the quiz parser -------------------------------------------------------------------------------

GOOD_QUIZ = """\
- question: What does *LH* ask the testes to do?
  type: single
  section: Hormones
  options:
    - text: Make testosterone
      correct: true
      feedback: Yes.
    - Store sperm
  explanation: LH reaches the Leydig cells.
- question: Which hormones does the pituitary release?
  type: multiple
  options:
    - text: LH
      correct: true
    - text: FSH
      correct: yes
    - Insulin
  explanation: Both LH and FSH.
- question: Testosterone treatment raises the body's own production.
  type: true-false
  answer: false
  feedback:
    true: Not quite.
    false: Right.
  explanation: The body slows its own production.
"""
KEYS = ["question", "type", "options", "answer", "feedback", "explanation", "section", "text", "correct",
        "title", "id", "questions", "true", "false", "colour"]
VALUES = ["", "single", "multiple", "true-false", "true", "false", "yes", "no", "1", "~", "[a, b]", "{a: b}",
          "|", ">-", '"quoted: text"', "'single'", "&anchor x", "*anchor", "!!python/object:os.system x",
          "!!binary aGk=", "Hormones", "- item", "a: b: c", "[unclosed", '"unclosed', "```", "``` quiz", "#"]


@st.composite
def yaml_ish(draw) -> str:
    """Lines that look like a quiz: indentation, list dashes, known and unknown keys, odd values."""
    lines = []
    for _ in range(draw(st.integers(1, 14))):
        indent = " " * draw(st.sampled_from([0, 0, 2, 4, 6, 1, 3]))
        dash = draw(st.sampled_from(["", "- ", "-"]))
        key = draw(st.sampled_from(KEYS) | st.text(string.ascii_letters + ":-", max_size=6))
        value = draw(st.sampled_from(VALUES) | st.text(max_size=12))
        lines.append(draw(st.sampled_from([f"{indent}{dash}{key}: {value}", f"{indent}{dash}{value}",
                                           f"{indent}{dash}{key}:"])))
    return "\n".join(lines)


@st.composite
def damaged_quiz(draw) -> str:
    """The good quiz with lines deleted, repeated, re-indented or replaced."""
    lines = GOOD_QUIZ.splitlines()
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "repeat", "indent", "dedent", "replace", "swap"]))
        if action == "delete" and len(lines) > 1:
            del lines[index]
        elif action == "repeat":
            lines.insert(index, lines[index])
        elif action == "indent":
            lines[index] = "  " + lines[index]
        elif action == "dedent":
            lines[index] = lines[index][2:]
        elif action == "replace":
            key = lines[index].split(":")[0]
            lines[index] = f"{key}: {draw(st.sampled_from(VALUES) | st.text(max_size=10))}"
        elif action == "swap" and index + 1 < len(lines):
            lines[index], lines[index + 1] = lines[index + 1], lines[index]
    return "\n".join(lines)


QUIZ_BODIES = st.text(max_size=200) | yaml_ish() | damaged_quiz()


def check_error(error: StrataError, source: str) -> None:
    """A parser error names this file and a line of it."""
    assert error.message
    assert error.path == PATH
    assert error.line is not None
    assert 1 <= error.line <= source.count("\n") + 2, (error.line, error)


@SETTINGS
@given(QUIZ_BODIES)
@example(GOOD_QUIZ)
@example("- question: ?\n  type: single\n  options: [a, a]\n  explanation: x")
@example("? [a]\n: b")
def test_quiz_parser_returns_a_quiz_or_a_located_strata_error(body):
    source = f"{HEADER}```quiz\n{body}\n```\n"
    try:
        blocks = find_blocks(source.split("\n"), PATH)
        quizzes = [parse_quiz(block, PATH) for block in blocks]
    except StrataError as error:
        check_error(error, source)
        return
    assert all(isinstance(quiz, Quiz) and quiz.questions for quiz in quizzes)
    for quiz in quizzes:
        for question in quiz.questions:
            assert question.correct_options, "a parsed question always has a right answer"


@SETTINGS
@given(QUIZ_BODIES, st.sampled_from(["```", "~~~", "````"]))
def test_quiz_pages_render_or_raise_a_located_strata_error(body, fence):
    """The whole path of a page: find, parse, resolve 'section:', render the form."""
    source = f"{HEADER}{fence}quiz\n{body}\n{fence}\n"
    md = markdown.Markdown(extensions=["meta", "toc", QuizExtension(source_path=PATH)])
    try:
        html = md.convert(source)
    except StrataError as error:
        check_error(error, source)
        return
    assert isinstance(html, str)


@SETTINGS
@given(st.lists(st.text(max_size=40), max_size=12))
def test_fences_are_found_or_reported_in_any_lines(lines):
    error = None
    try:
        blocks = find_blocks(lines, PATH)
    except StrataError as exc:
        blocks, error = [], exc
    if error is not None:
        assert error.line is not None
        assert 1 <= error.line <= len(lines)
    for block in blocks:
        assert 0 <= block.start < block.end < len(lines)


# --- the glossary matcher and marker ---------------------------------------------------------------

VOCABULARY = ["HPG", "axis", "LH", "FSH", "Leydig", "cells", "cell", "PT", "PTH", "post", "TRT", "café",
              "naïve", "aromatase", "inhibitors", "gland", "a", "the", "s", "es", "x"]
SEPARATORS = [" ", " ", "  ", "\n", "\u00a0", "-", "\u2011", ", ", ". ", "’s ", "/", "(", ")"]
ENTITIES = ["&amp;", "&lt;", "&gt;", "&nbsp;", "&#8217;", "&#x2011;", "&quot;", "&copy;", "&amp"]


@st.composite
def text_nodes(draw) -> str:
    """Escaped text as Python-Markdown writes it: words, spaces, entities, typographic characters."""
    parts = draw(st.lists(st.sampled_from(VOCABULARY) | st.sampled_from(SEPARATORS) | st.sampled_from(ENTITIES)
                          | st.text(max_size=4).map(lambda t: t.replace("&", "&amp;").replace("<", "&lt;")),
                          max_size=10))
    return "".join(parts)


@SETTINGS
@given(st.lists(st.sampled_from(VOCABULARY) | st.text(min_size=1, max_size=6), min_size=1, max_size=8),
       st.text(max_size=80) | text_nodes())
def test_matcher_finds_whole_names_in_order(names, text):
    matcher = Matcher((name, name) for name in names)
    previous_end = 0
    for match in matcher.finditer(text):
        assert previous_end <= match.start < match.end <= len(text)
        previous_end = match.end
        assert matcher.lookup(text[match.start:match.end]) == match.value
        before = text[match.start - 1] if match.start else " "
        after = text[match.end] if match.end < len(text) else " "
        assert not (before.isalnum() and text[match.start].isalnum()), "starts inside a word"
        assert not (after.isalnum() and text[match.end - 1].isalnum()), "ends inside a word"
