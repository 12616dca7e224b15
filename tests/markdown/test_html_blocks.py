"""The raw-HTML-blocks extension: Markdown inside a block marked markdown="1" is read; Markdown anywhere else in
a raw block stops the build at its line, instead of being published with its asterisks and brackets."""

import markdown
import pytest
from markdown.test_tools import TestCase

from strata.errors import StrataError
from strata.markdown.html_blocks import HtmlBlocksExtension


class TestHtmlBlocks(TestCase):
    default_kwargs = {"extensions": [HtmlBlocksExtension()]}

    def test_markdown_in_a_block_marked_markdown_1_is_read(self):
        self.assertMarkdownRenders(
            '<details markdown="1">\n<summary>More about <b>saline</b></summary>\n\n'
            "Saline is *salt* water. See [the basics](basics.html).\n\n</details>\n",
            "<details>\n<summary>More about <b>saline</b></summary>\n"
            '<p>Saline is <em>salt</em> water. See <a href="basics.html">the basics</a>.</p>\n</details>')

    def test_html_without_markdown_and_code_with_markdown_like_text_are_kept_as_they_are(self):
        self.assertMarkdownRenders(
            "<div>\n<p>Plain words, 2 * 3 = 6, a_b_c and [brackets].</p>\n"
            "<pre><code>**not bold** and [not](a link)\n- not a list</code></pre>\n<kbd>*</kbd>\n</div>\n",
            "<div>\n<p>Plain words, 2 * 3 = 6, a_b_c and [brackets].</p>\n"
            "<pre><code>**not bold** and [not](a link)\n- not a list</code></pre>\n<kbd>*</kbd>\n</div>")


@pytest.mark.parametrize(("source", "line", "found", "tag"), [
    ("Intro.\n\n<details>\n<summary>More</summary>\n\nSaline is *salt* water.\n\n</details>\n", 6, "*salt*",
     "details"),
    ("<div>\nSee [the basics](basics.html).\n</div>\n", 2, "[the basics](basics.html)", "div"),
    ("<section>\n<p>Text</p>\n\n**Bold words**\n</section>\n", 4, "**Bold words**", "section"),
    ("<aside>\n\n- first point\n- second point\n\n</aside>\n", 3, "- first point", "aside"),
    ("<div>\n\n## A heading\n\n</div>\n", 3, "## A heading", "div"),
])
def test_markdown_in_a_raw_block_stops_the_build_at_its_line(source, line, found, tag):
    md = markdown.Markdown(extensions=[HtmlBlocksExtension()])
    with pytest.raises(StrataError) as raised:
        md.convert(source)
    error = raised.value.located("page.md", source)
    assert error.line == line
    assert f"'{found}" in error.message
    assert f'<{tag} markdown="1">' in error.message


@pytest.mark.parametrize(("source", "line"), [
    ("Intro.\n\n<!-- draft: ask the nurse\n\nMore text.\n", 3),
    ("Intro.\n\nWash your hands <!-- for how long? often.\n", 3),
    ("A <!-- closed --> note.\n\n<!-- a closed\nblock -->\n\nThen <!--- open one\nand more.\n", 6),
])
def test_an_html_comment_left_open_stops_the_build_at_its_line(source, line):
    md = markdown.Markdown(extensions=[HtmlBlocksExtension(), "smarty"])
    with pytest.raises(StrataError) as raised:
        md.convert(source)
    error = raised.value.located("page.md", source)
    assert error.line == line
    assert "is never closed, so it would be shown as text; end it with '-->'" in error.message


def test_closed_comments_and_comment_marks_in_code_are_left_alone():
    source = "A <!-- closed --> note.\n\n<!-- a\nblock -->\n\nIn code: `<!--`.\n\n    <!-- code\n"
    assert "never closed" not in markdown.markdown(source, extensions=[HtmlBlocksExtension(), "smarty"])
