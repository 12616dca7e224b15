"""Untrusted author text renders as Markdown that cannot inject script."""

import pytest

from strata.markdown.safe import _renderer, render_block, render_inline, text_problem


@pytest.mark.parametrize(("source", "expected"), [
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ('<img src=x onerror="alert(1)">', '&lt;img src=x onerror="alert(1)"&gt;'),
    ("[click](javascript:alert(1))", "<a>click</a>"),
    ("[click](JaVaScRiPt:alert(1))", "<a>click</a>"),
    ("[click](java\tscript:alert(1))", "<a>click</a>"),
    ("![x](data:text/html;base64,xx)", '<img alt="x" />'),
    ("[safe](https://example.org/a)", '<a href="https://example.org/a">safe</a>'),
    ("[local](glossary.html#hpg-axis)", '<a href="glossary.html#hpg-axis">local</a>'),
    ("*emphasis* & <b>", "<em>emphasis</em> &amp; &lt;b&gt;"),
])
def test_render_inline(source, expected):
    assert render_inline(source) == expected


def test_render_block_keeps_paragraphs_and_escapes_html_blocks():
    assert render_block("One.\n\n<div onclick=x>Two</div>") == \
        "<p>One.</p>\n<p>&lt;div onclick=x&gt;Two&lt;/div&gt;</p>"


@pytest.mark.parametrize("text", [
    "Question 1: which option is right?", "Note: see https://example.org/a, or mailto:x@example.org.",
    "Ratio 3:1 at 10:30, “quoted” and ‘single’ — dashes… and 2 + 2 = 4.", "Café? Yes: naïve résumé.",
    "Time:", "A colon : alone", "Under 5 % (p = 0.03).",
])
def test_text_without_markdown_syntax_renders_as_the_parser_renders_it(text):
    """The shortcut that skips the parser gives its output exactly (a colon is not syntax)."""
    parser = _renderer()
    parser.reset()
    expected = parser.convert(text)
    assert render_block(text) == expected
    assert render_inline(text) == expected.removeprefix("<p>").removesuffix("</p>")


@pytest.mark.parametrize(("text", "paragraphs", "words"), [
    ("Which part starts it?[^x]", False, "question 1 has the footnote mark [^x], but footnotes are not read"),
    ("[^1]: A note.", False, "question 1 has the footnote mark [^1]"),
    ("Which part makes [[Leydig cells]] work?", False, "question 1 has the glossary mark [[Leydig cells]]"),
    ("Which [[the axis|HPG axis]]?", False, "question 1 has the glossary mark [[the axis|HPG axis]]"),
    ("A drug for {{AR}}.", False, "question 1 has {{AR}}, but glossary marks are not read"),
    ("Which part [click](javascript:alert(1))?", False, "question 1: a 'javascript:' URL is not allowed"),
    ("[x](JaVaScRiPt:alert(1))", False, "question 1: a 'javascript:' URL is not allowed"),
    ("![x](data:text/html;base64,xx)", False, "question 1: a 'data:' URL is not allowed"),
    ("[call](ftp://example.org)", False, "question 1: a 'ftp:' link cannot be followed"),
    ("## Part one\n\nText\n\n- a list", False, "question 1 is one paragraph of text, without headings"),
    ("# Which?", False, "question 1 is one paragraph"),
    ("One.\n\nTwo.", False, "question 1 is one paragraph"),
    ("> Quoted?", False, "question 1 is one paragraph"),
    ("## A heading\n\nText.", True, "question 1 has a heading ('A heading'); an explanation is"),
    ("Text.\n\nA heading\n---------", True, "question 1 has a heading ('A heading')"),
])
def test_text_problem_names_what_author_text_cannot_hold(text, paragraphs, words):
    problem = text_problem(text, "question 1", paragraphs=paragraphs)
    assert problem is not None
    assert problem.startswith(words), problem


@pytest.mark.parametrize(("text", "paragraphs"), [
    ("Plain words: a colon, and 3:1.", False), ("*Emphasis*, **bold**, [a link](https://example.org).", False),
    ("Which\nstarts it?", False), ("Code `[[x]]`, `{{y}}` and `[^1]`, escaped \\[^1] and \\[[x]].", False),
    ("<b>HTML</b> shown as text, <a href='javascript:x'>too</a>.", False), ("[mail](mailto:a@example.org)", False),
    ("First paragraph.\n\n- one\n- two\n\nLast.", True),
])
def test_text_problem_accepts_what_renders_as_written(text, paragraphs):
    assert text_problem(text, "question 1", paragraphs=paragraphs) is None
