"""Untrusted author text renders as Markdown that cannot inject script."""

import pytest

from strata.markdown.safe import _renderer, render_block, render_inline


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
