"""The link-text extension: every link an author writes has words for a screen reader."""

import markdown
import pytest
from markdown.test_tools import TestCase

from strata.errors import StrataError
from strata.markdown.link_text import LinkTextExtension


class TestLinkText(TestCase):
    default_kwargs = {"extensions": ["attr_list", LinkTextExtension()]}

    def test_links_with_words_an_image_or_a_label_are_kept_as_they_are(self):
        self.assertMarkdownRenders(
            "[Sleep](a.html) [![A bed](bed.svg)](b.html) [](c.html){: aria-label=\"Close\" } "
            "[<b>Raw</b>](d.html)\n\n"
            '<p><a href="e.html">Words</a> <a href="f.html"><img alt="F" src="f.png"></a></p>',
            '<p><a href="a.html">Sleep</a> <a href="b.html"><img alt="A bed" src="bed.svg" /></a> '
            '<a aria-label="Close" href="c.html"></a> <a href="d.html"><b>Raw</b></a></p>\n'
            '<p><a href="e.html">Words</a> <a href="f.html"><img alt="F" src="f.png"></a></p>')


@pytest.mark.parametrize(("source", "line", "href"), [
    ("Text.\n\nAn [](https://example.org/empty) link.\n", 3, "https://example.org/empty"),
    ("A [ ](x.html) link.\n", 1, "x.html"),
    ("A [![](bed.svg)](y.html) link of a decorative image.\n", 1, "y.html"),
    ("Text.\n\n<p>\n<a href=\"z.html\"> </a>\n</p>\n", 4, "z.html"),
])
def test_a_link_without_words_stops_the_build_at_its_line(source, line, href):
    md = markdown.Markdown(extensions=[LinkTextExtension()])
    with pytest.raises(StrataError) as raised:
        md.convert(source)
    error = raised.value.located("page.md", source)
    assert (error.line, f"the link to '{href}' has no text" in error.message) == (line, True)
