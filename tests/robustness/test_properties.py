"""Property-based tests (Hypothesis) of the quiz parser and the glossary matcher and marker.

- The quiz parser, on random text, YAML-ish lines and damaged good quizzes, returns a
  model or raises :class:`StrataError` with a line inside the file: never another error.
- The glossary marker, on random HTML with random glossaries, never raises, and only
  *wraps* text: with the added ``<a class="term">`` unwrapped and the hidden
  ``div.term-defs`` removed, the output is the input, character for character; ids stay
  unique and every term link is described by a definition on the page.

Runs are derandomised (the same examples on every machine and in CI) and kept small.
A failing example Hypothesis finds becomes an explicit ``@example`` next to the fix.
"""

from __future__ import annotations

import re
import string

import markdown
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from strata.errors import StrataError
from strata.glossary.marking import mark_html
from strata.glossary.matcher import Matcher, name_key
from strata.glossary.terms import Glossary, Term, slugify
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
def glossaries(draw) -> Glossary:
    """A valid glossary: names of 1–3 words (and sometimes odd text), unique as the loader requires."""
    word = st.sampled_from(VOCABULARY)
    name = st.lists(word, min_size=1, max_size=3).map(" ".join) | st.text(min_size=1, max_size=8)
    seen, slugs, terms = set(), set(), []
    for _ in range(draw(st.integers(0, 6))):
        names = [" ".join(n.split()) for n in draw(st.lists(name, min_size=1, max_size=3))]
        keys = [" ".join(n.casefold().split()) for n in names]
        slug = slugify(names[0])
        if not all(keys) or len(set(keys)) < len(keys) or seen & set(keys) or not slug or slug in slugs:
            continue
        seen |= set(keys)
        slugs.add(slug)
        definition = draw(st.sampled_from(["A *hormone* & more.", "<b>x</b> [y](javascript:z)", "Plain."]))
        terms.append(Term(names[0], slug, definition, tuple(names[1:])))
    return Glossary("glossary.yaml", terms)


@st.composite
def text_nodes(draw) -> str:
    """Escaped text as Python-Markdown writes it: words, spaces, entities, typographic characters."""
    parts = draw(st.lists(st.sampled_from(VOCABULARY) | st.sampled_from(SEPARATORS) | st.sampled_from(ENTITIES)
                          | st.text(max_size=4).map(lambda t: t.replace("&", "&amp;").replace("<", "&lt;")),
                          max_size=10))
    return "".join(parts)


INLINE = ["em", "strong", "code", "span", "abbr", "kbd", "b"]
BLOCK = ["p", "div", "h2", "h3", "li", "blockquote", "pre", "td", "button", "label", "legend", "summary"]


@st.composite
def fragments(draw, depth: int = 0) -> str:
    """Well-formed HTML-ish markup: nested elements, void elements, comments, raw-text elements."""
    pieces = []
    for _ in range(draw(st.integers(0, 4 if depth < 2 else 1))):
        kind = draw(st.sampled_from(["text", "text", "inline", "block", "void", "comment", "raw", "off", "link"]
                                    if depth < 3 else ["text"]))
        if kind == "text":
            pieces.append(draw(text_nodes()))
        elif kind in {"inline", "block"}:
            tag = draw(st.sampled_from(INLINE if kind == "inline" else BLOCK))
            attribute = draw(st.sampled_from(["", ' class="x"', " title='HPG axis'", ' data-x="a > b"']))
            pieces.append(f"<{tag}{attribute}>{draw(fragments(depth + 1))}</{tag}>")
        elif kind == "void":
            pieces.append(draw(st.sampled_from(["<br>", "<br />", "<hr>", '<img alt="HPG axis" src="a.png">'])))
        elif kind == "comment":
            pieces.append(f"<!-- {draw(text_nodes()).replace('--', '')} -->")
        elif kind == "raw":
            pieces.append("<script>if (a < b && c) { x('HPG axis'); }</script><style>p>a{}</style>")
        elif kind == "off":
            pieces.append(f'<span data-glossary="off">{draw(text_nodes())}</span>')
        else:
            pieces.append(f'<a href="#x">{draw(text_nodes())}</a>')
    return "".join(pieces)


@st.composite
def pages(draw) -> str:
    """A page: sections with h2 headings (some with ids that look like the marker's), and fragments."""
    ids = iter(["term-hpg-axis", "def-lh", "term-lh-2", "x", "def-hpg-axis", "term-pt"])
    out = []
    for _ in range(draw(st.integers(1, 3))):
        identifier = next(ids, None) if draw(st.booleans()) else None
        id_attribute = f' id="{identifier}"' if identifier else ""
        out.append(f"<h2{id_attribute}>{draw(text_nodes())}</h2>\n<p>{draw(fragments())}</p>\n{draw(fragments())}")
    return "".join(out)


TERM_LINK = re.compile(r'<a class="term" href="[^"]*" id="[^"]*" aria-describedby="[^"]*">([^<]*)</a>')
DEFINITIONS = re.compile(r'\n<div class="term-defs" hidden>.*</div>\n\Z', re.S)


def ids_of(html: str) -> list[str]:
    return [element["id"] for element in BeautifulSoup(html, "html.parser").find_all(id=True)]


@SETTINGS
@given(pages(), glossaries(), st.booleans())
@example("<p>HPG axis</p>", Glossary("g", [Term("HPG axis", "hpg-axis", "A pathway.")]), False)
# Found by Hypothesis: a legacy entity without ';' ("&amp" + "HPG") made the link wrap "&ampHPG".
@example("<p>&ampHPG &foo;HPG &#59;HPG</p>", Glossary("g", [Term("HPG", "hpg", "A pathway.")]), True)
def test_marking_only_wraps_text(source, glossary, per_section):
    result = mark_html(source, glossary, "../glossary.html", per_section=per_section)

    body = DEFINITIONS.sub("", result.html)
    assert TERM_LINK.sub(r"\1", body) == source, "marking changed more than it wrapped"
    links = TERM_LINK.findall(body)
    assert len(links) == len(result.occurrences)
    assert not result.errors, "no [[…]] on these pages, so nothing to report"
    by_slug = {term.slug: term for term in glossary.terms}
    matcher = Matcher((name, term) for term in glossary.terms for name in term.names)
    document = BeautifulSoup(result.html, "html.parser")
    for link, occurrence in zip(document.select("a.term"), result.occurrences, strict=True):
        slug = link["href"].rpartition("#")[2]
        assert by_slug[slug] is occurrence.term
        assert matcher.lookup(link.get_text()) is occurrence.term, link
        assert document.find(id=link["aria-describedby"]) is not None, "the description exists"
    ids = ids_of(result.html)
    assert len(ids) == len(set(ids)), "ids stay unique"
    if not per_section:
        slugs = [occurrence.term.slug for occurrence in result.occurrences]
        assert len(slugs) == len(set(slugs)), "each term is marked once per page"


@SETTINGS
@given(pages(), glossaries(),  # names as the [[…]] syntax leaves them: single spaces, no brackets or bars
       st.lists(st.text(max_size=12).map(lambda t: " ".join(t.split())).filter(lambda t: t and not set(t) & set("[]|")),
                max_size=3))
def test_forced_terms_keep_the_visible_text(source, glossary, forced_names):
    """With ``[[…]]`` placeholders (known or unknown names): the same text, only a term link added."""
    names = [t.term for t in glossary.terms[:2]] + forced_names
    spans = "".join(f'<span data-strata-term="{n.replace(chr(34), "&quot;")}" data-strata-source="[[x]]">'
                    f'{n.replace("&", "&amp;").replace("<", "&lt;")}</span> ' for n in names)
    source = f"<p>{spans}</p>\n{source}"
    result = mark_html(source, glossary, "glossary.html", auto=False)
    for error in result.errors:
        assert isinstance(error, StrataError)
        assert "is not in the glossary" in error.message
    document = BeautifulSoup(DEFINITIONS.sub("", result.html), "html.parser")
    assert not document.select("div.term-defs")
    original = BeautifulSoup(source, "html.parser")
    assert document.get_text() == original.get_text()
    known = {name_key(n) for t in glossary.terms for n in t.names}
    assert len(document.select("a.term")) == len([n for n in names if name_key(n) in known])


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
