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
