"""Quiz blocks: parsing into the model, every authoring error with its message and line, escaping.

In the style of Python-Markdown's own extension tests: Markdown source in, a
result (model, HTML or error) out.
"""

from __future__ import annotations

import textwrap

import markdown
import pytest
from bs4 import BeautifulSoup
from markdown.test_tools import TestCase

from strata.errors import StrataError
from strata.quiz import QuizExtension
from strata.quiz.model import Option, Question, Quiz
from strata.quiz.parse import find_blocks, parse_quiz

HEADER = "Title: Demo\nTier: fundamentals\n\n## Hormones\n\nText.\n\n"  # the quiz fence is on line 8
PATH = "content/topics/demo/fundamentals.md"


def convert(source: str) -> str:
    md = markdown.Markdown(extensions=["meta", "toc", QuizExtension(source_path=PATH)])
    return md.convert(source)


def quiz_source(body: str, fence: str = "```") -> str:
    return f"{HEADER}{fence}quiz\n{TestCase.dedent(None, body).strip(chr(10))}\n{fence}\n"


def parse(source: str) -> Quiz:
    [block] = find_blocks(source.split("\n"), PATH)
    return parse_quiz(block, PATH)


SINGLE = """
    - question: What does *LH* ask the testes to do?
      type: single
      section: Hormones
      options:
        - text: Make testosterone
          correct: true
          feedback: Yes.
        - Store sperm
      explanation: LH reaches the Leydig cells.
"""


class TestQuestionTypes(TestCase):
    def test_single_choice(self):
        assert parse(quiz_source(SINGLE)) == Quiz((
            Question(1, "single", "What does *LH* ask the testes to do?", (
                Option("a", "Make testosterone", True, "Yes.", 13),
                Option("b", "Store sperm", False, None, 16)),
                "LH reaches the Leydig cells.", "Hormones", line=9, section_line=11),
        ), line=8)

    def test_multiple_choice(self):
        quiz = parse(quiz_source("""
            - question: Which hormones does the pituitary release?
              type: multiple
              options:
                - text: LH
                  correct: true
                - text: FSH
                  correct: yes
                - Insulin
              explanation: Both LH and FSH.
        """))
        [question] = quiz.questions
        assert question.type == "multiple"
        assert question.input_type == "checkbox"
        assert [(o.key, o.text, o.correct) for o in question.options] == [
            ("a", "LH", True), ("b", "FSH", True), ("c", "Insulin", False)]
        assert question.section is None

    def test_true_false(self):
        quiz = parse(quiz_source("""
            - question: Taking testosterone raises the body's own production.
              type: true-false
              answer: false
              feedback:
                true: Not quite.
                false: Right.
              explanation: Negative feedback.
        """))
        [question] = quiz.questions
        assert question.input_type == "radio"
        assert question.options == (Option("true", "True", False, "Not quite.", 11),
                                    Option("false", "False", True, "Right.", 11))

    def test_mapping_form_with_title_and_id(self):
        questions = textwrap.indent(TestCase.dedent(None, SINGLE).strip(), "  ")
        quiz = parse(f"{HEADER}```quiz\ntitle: Test yourself\nid: hormones\nquestions:\n{questions}\n```\n")
        assert (quiz.title, quiz.id, len(quiz.questions)) == ("Test yourself", "hormones", 1)

    def test_other_fenced_blocks_are_not_quizzes(self):
        source = f"{HEADER}````markdown\n```quiz\nnot: parsed\n```\n````\n"
        assert find_blocks(source.split("\n")) == []
        html = markdown.markdown(source, extensions=["meta", "fenced_code", QuizExtension()])
        assert '<code class="language-markdown">```quiz\nnot: parsed\n```' in html
        assert "<form" not in html

    def test_block_is_replaced_in_place_by_the_form(self):
        html = convert(quiz_source(SINGLE) + "\nAfter the quiz.\n")
        assert html.startswith('<h2 id="hormones">Hormones</h2>\n<p>Text.</p>\n<form class="quiz"')
        assert html.endswith("</form>\n<p>After the quiz.</p>")
        assert "```" not in html

    def test_two_quizzes_get_distinct_ids(self):
        html = convert(quiz_source(SINGLE) + "\n" + quiz_source(SINGLE).split("\n\n", 2)[2])
        forms = BeautifulSoup(html, "html.parser").select("form.quiz")
        assert [f["id"] for f in forms] == ["quiz-1", "quiz-2"]
        ids = [e["id"] for e in BeautifulSoup(html, "html.parser").find_all(id=True)]
        assert len(ids) == len(set(ids))

    def test_the_extension_resets_between_documents(self):
        md = markdown.Markdown(extensions=["toc", QuizExtension(source_path=PATH)])
        first = md.convert(quiz_source(SINGLE))
        md.reset()
        assert md.convert("Just text.") == "<p>Just text.</p>"
        assert "form" in first


def question(**overrides: str) -> str:
    """One single-choice question with ``overrides`` as YAML lines (value None removes a key)."""
    fields = {"question": "What does LH do?", "type": "single",
              "options": "\n    - text: Makes testosterone\n      correct: true\n    - Stores sperm",
              "explanation": "Because.", **overrides}
    lines = [f"{key}: {value}" for key, value in fields.items() if value is not None]
    return "- " + "\n  ".join(lines)


ERRORS = [
    # (what, quiz body, expected line, expected words in the message)
    ("no correct option", question(options="\n    - One\n    - Two"), 11,
     ["question 1 has no correct option", "add 'correct: true'"]),
    ("two correct in single", question(options="\n    - text: One\n      correct: true\n    - text: Two\n"
                                               "      correct: true"), 14,
     ["single choice but 2 options are marked correct (lines 12, 14)", "type: multiple"]),
    ("fewer than two options", question(options="\n    - text: One\n      correct: true"), 11,
     ["has 1 option", "at least two"]),
    ("unknown type", question(type="single-choice"), 10,
     ["unknown question type 'single-choice'", "single, multiple, true-false"]),
    ("empty question", question(question='""'), 9, ["question 1 is empty", "after 'question:'"]),
    ("missing question", question(question=None), 9, ["question 1 is empty"]),
    ("unknown key in a question", question(hint="x"), 16, ["unknown key 'hint' in question 1", "known keys:"]),
    ("unknown key in an option", question(options="\n    - text: One\n      right: true\n    - Two"), 13,
     ["unknown key 'right' in an option of question 1", "text, correct, feedback"]),
    ("broken YAML", question(explanation="Why: because"), 15, ["not valid YAML", "double quotes"]),
    ("no explanation", question(explanation=None), 9, ["has no explanation"]),
    ("missing type", question(type=None), 9, ["has no type", "single, multiple, true-false"]),
    ("true-false without answer", question(type="true-false", options=None), 10, ["has no answer"]),
    ("true-false with options", question(type="true-false"), 11, ["remove 'options:'"]),
    ("answer in a single-choice question", question(answer="true"), 16, ["'answer' is for true-false"]),
    ("correct that is not a boolean", question(options="\n    - text: One\n      correct: maybe\n    - Two"), 13,
     ["'correct' must be true or false"]),
    ("duplicate options", question(options="\n    - text: One\n      correct: true\n    - one"), 14,
     ["say 'one'", "must be different"]),
    ("empty option", question(options="\n    - text: One\n      correct: true\n    - text: ''"), 14,
     ["an option of question 1 is empty"]),
    ("second question", question() + "\n" + question(type="multi"), 17,
     ["unknown question type 'multi' in question 2"]),
    # Author text is checked as a page's text would be, at the line of its key.
    ("footnote mark", question(question="Which part starts it?[^x]"), 9,
     ["question 1 has the footnote mark [^x]", "footnotes are not read", "\\[^x]"]),
    ("glossary mark", question(question="Which part makes [[Leydig cells]] work?"), 9,
     ["glossary mark [[Leydig cells]]", "never marked", "'Leydig cells'"]),
    ("unknown glossary mark", question(options="\n    - text: '[[Nonexistent term]]'\n      correct: true\n    - Two"),
     12, ["option a of question 1 has the glossary mark [[Nonexistent term]]"]),
    ("plain-words mark", question(explanation="Because {{AR}} rises."), 15,
     ["the explanation of question 1 has {{AR}}", "write just the words, 'AR'"]),
    ("javascript link", question(question="Which part [click](javascript:alert(1))?"), 9,
     ["question 1: a 'javascript:' URL is not allowed"]),
    ("data: image in feedback", question(options="\n    - text: One\n      correct: true\n"
                                                 "      feedback: '![x](data:text/html,x)'\n    - Two"), 14,
     ["the feedback of option a of question 1: a 'data:' URL is not allowed"]),
    ("question with a heading and a list", question(question="|\n    ## Part one\n\n    Text\n\n    - a list"), 9,
     ["question 1 is one paragraph", "without headings, lists"]),
    ("question that is a heading", question(question="'# Which part?'"), 9, ["question 1 is one paragraph"]),
    ("explanation with a heading", question(explanation="|\n    ## A heading\n\n    Text.\n\n    - a\n    - b"),
     15, ["the explanation of question 1 has a heading ('A heading')", "without headings"]),
]


@pytest.mark.parametrize(("body", "line", "words"), [e[1:] for e in ERRORS], ids=[e[0] for e in ERRORS])
def test_each_error_names_its_line_and_the_fix(body, line, words):
    with pytest.raises(StrataError) as caught:
        convert(f"{HEADER}```quiz\n{body}\n```\n")
    error = caught.value
    assert (error.path, error.line) == (PATH, line)
    assert all(word in error.message for word in words), error.message
    assert str(error) == f"{PATH}:{line}: {error.message}"


@pytest.mark.parametrize(("source", "line", "words"), [
    (f"{HEADER}```quiz\n{question()}\n", 8, ["quiz block is not closed", "add a line with just ```"]),
    (f"{HEADER}~~~~quiz\n{question()}\n~~~\n", 8, ["not closed", "~~~~"]),
    (f"{HEADER}```quiz\n{question()}\n\n```quiz\n{question()}\n```\n", 8, ["not closed"]),
    (f"{HEADER}```quiz\n```\n", 8, ["this quiz has no questions"]),
    (f"{HEADER}```quiz\nquestions: []\n```\n", 8, ["this quiz has no questions"]),
    (f"{HEADER}```quiz\n- Just a sentence\n```\n", 9, ["question 1 must be a set of 'key: value' lines"]),
    (f"{HEADER}```quiz\nid: Quiz One\nquestions:\n{textwrap.indent(question(), '  ')}\n```\n", 9,
     ["quiz id 'Quiz One'", "lower-case words joined by hyphens"]),
    (f"{HEADER}```quiz\ntitel: Typo\nquestions: []\n```\n", 9, ["unknown key 'titel' in quiz"]),
    (f"{HEADER}```quiz\n{question(section='Nowhere')}\n```\n", 16,
     ["question 1 names section 'Nowhere'", "use one of: 'Hormones'"]),
    (f"{HEADER}```quiz\ntitle: ''\nquestions:\n{textwrap.indent(question(), '  ')}\n```\n", 9,
     ["the quiz title is empty", "remove the line"]),
    (f"{HEADER}```quiz\ntitle:\nquestions:\n{textwrap.indent(question(), '  ')}\n```\n", 9,
     ["the quiz title is empty"]),
    (f"{HEADER}```quiz\ntitle: Check[^1]\nquestions:\n{textwrap.indent(question(), '  ')}\n```\n", 9,
     ["the quiz title has the footnote mark [^1]"]),
    (f"{HEADER}```quiz\nid: one\nquestions:\n{textwrap.indent(question(), '  ')}\n```\n\n"
     f"```quiz\ntitle: Two\nid: one\nquestions:\n{textwrap.indent(question(), '  ')}\n```\n", 22,
     ["two quizzes on this page have the id 'one'"]),
    (f"{HEADER}```quiz\ntitle: Two\nid: hormones\nquestions:\n{textwrap.indent(question(), '  ')}\n```\n", 10,
     ["this quiz's id 'hormones' clashes with the element id 'hormones'"]),
])
def test_block_level_errors(source, line, words):
    with pytest.raises(StrataError) as caught:
        convert(source)
    assert caught.value.line == line
    assert all(word in caught.value.message for word in words), caught.value.message


NOT_READ_THERE = ["a quiz must start at the beginning of a line, outside lists, quotes and key points",
                  "move the ```quiz block out (no indentation, no '>')"]


@pytest.mark.parametrize(("before", "prefix"), [
    ("- A list item\n\n", "    "), ("1. Item one\n2. Item with quiz:\n\n", "    "), ("> Quote.\n>\n", "> "),
    ("!!! key-point\n    Sentence here.\n\n", "    "), ("", "    "), ("- A list item\n", "- "),
])
def test_a_quiz_inside_a_list_quote_key_point_or_indented_is_an_error(before, prefix):
    """Markdown would read such a block as code in a paragraph: the quiz would be lost, its YAML shown."""
    block = textwrap.indent(f"```quiz\n{question()}\n```", prefix, lambda line: True)
    source = f"{HEADER}{before}{block}\n"
    with pytest.raises(StrataError) as caught:
        convert(source)
    assert caught.value.line == 8 + before.count("\n")
    assert all(words in caught.value.message for words in NOT_READ_THERE), caught.value.message


@pytest.mark.parametrize("prefix", ["", "    ", "> "])
def test_a_quiz_example_in_a_fenced_code_block_stays_code(prefix):
    example = textwrap.indent(f"````markdown\n```quiz\n{question()}\n```\n````", prefix, lambda line: True)
    from tests.markdown.site_markdown import site_markdown_kwargs

    before = "- A list item\n\n" if prefix == "    " else ""
    md = markdown.Markdown(**site_markdown_kwargs(PATH))
    document = BeautifulSoup(md.convert(f"{HEADER}{before}{example}\n\nText after.\n"), "html.parser")
    assert document.find("form") is None
    assert "```quiz\n- question: What does LH do?" in document.select_one("code").get_text()


def test_a_quiz_after_an_unclosed_fence_in_indented_code_is_still_read():
    source = f"{HEADER}Code:\n\n    ```python\n\n```quiz\n{question()}\n```\n"
    assert BeautifulSoup(convert(source), "html.parser").find("form") is not None


def test_an_explanation_may_have_paragraphs_and_a_list():
    body = question(explanation="|\n    First paragraph.\n\n    - one\n    - two")
    html = convert(f"{HEADER}```quiz\n{body}\n```\n")
    assert "<p>First paragraph.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>" in html


def test_the_quiz_title_reads_inline_markdown():
    questions = textwrap.indent(question(), "  ")
    source = f"{HEADER}```quiz\ntitle: 'Check *this* <b>now</b>'\nquestions:\n{questions}\n```\n"
    title = BeautifulSoup(convert(source), "html.parser").select_one(".quiz__title")
    assert title.decode_contents() == "Check <em>this</em> &lt;b&gt;now&lt;/b&gt;"


def test_section_matching_ignores_case_and_spacing_and_uses_the_toc_id():
    source = (f"Title: Demo\n\n## Why Does *Biology* Matter?\n\n## Hormones\n\n"
              f"```quiz\n{question(section='why does biology   matter?')}\n"
              f"{question(section='HORMONES')}\n```\n")
    document = BeautifulSoup(convert(source), "html.parser")
    links = [(a["href"], a.get_text()) for a in document.select(".quiz__review a")]
    assert links == [("#why-does-biology-matter", "Review: Why Does Biology Matter?"),
                     ("#hormones", "Review: Hormones")]
    assert all(document.find(id=href[1:]).name == "h2" for href, _ in links)


def test_a_section_name_two_headings_have_is_an_error():
    """The review link could go to either section: the author is asked to name them apart."""
    source = f"Title: Demo\n\n## Hormones\n\n## hormones\n\n```quiz\n{question(section='Hormones')}\n```\n"
    with pytest.raises(StrataError, match="names section 'Hormones', but 2 '##' headings of this page have that name"):
        convert(source)


PAYLOADS = {
    "question": "<script>alert('q')</script> What?",
    "option": "<img src=x onerror=alert('o')>",
    "feedback": "**<svg onload=alert(1)>**",
    "explanation": '<a href="javascript:alert(1)" onclick="alert(2)">x</a> <script>alert("e")</script>',
}


def test_author_text_can_never_inject_script():
    body = (f"- question: \"{PAYLOADS['question']}\"\n  type: single\n  options:\n"
            f"    - text: \"{PAYLOADS['option']}\"\n      correct: true\n"
            f"      feedback: \"{PAYLOADS['feedback']}\"\n    - Two\n"
            f"  explanation: '{PAYLOADS['explanation']}'\n")
    html = convert(f"{HEADER}```quiz\n{body}```\n")
    document = BeautifulSoup(html, "html.parser")
    assert document.find("script") is None
    assert document.find("img") is None
    assert [a for e in document.find_all(True) for a in e.attrs if a.startswith("on")] == []
    assert [a for a in document.find_all("a") if "javascript" in a.get("href", "")] == []
    assert "&lt;script&gt;alert('q')&lt;/script&gt; What?" in html
    assert "&lt;img src=x onerror=alert('o')&gt;" in html
    assert document.select_one("label").get_text() == PAYLOADS["option"]
    assert "<strong>&lt;svg onload=alert(1)&gt;</strong>" in html


def test_the_example_in_authoring_md_builds():
    from tests.support.site import ROOT

    guide = (ROOT / "AUTHORING.md").read_text(encoding="utf-8")
    section = guide.split("\n## Quizzes\n", 1)[1]
    example = section.split("````markdown\n", 1)[1].split("\n````", 1)[0]
    html = convert(f"Title: Demo\n\n## How the body makes testosterone\n\nText.\n\n{example}\n")
    document = BeautifulSoup(html, "html.parser")
    types = [f["data-type"] for f in document.select("fieldset.quiz__question")]
    assert types == ["single", "multiple", "true-false"]
    assert document.select_one(".quiz__review a")["href"] == "#how-the-body-makes-testosterone"
