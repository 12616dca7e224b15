"""smarty: typographic quotes, dashes and ellipses (as characters in the page, not entities)."""

from markdown.test_tools import TestCase

from tests.markdown.site_markdown import site_markdown_kwargs


class TestSmartTypography(TestCase):
    default_kwargs = site_markdown_kwargs()

    def test_quotes_dashes_and_ellipsis(self):
        self.assertMarkdownRenders("It's \"normal\" -- and --- then...\n",
                                   "<p>It\u2019s \u201cnormal\u201d \u2013 and \u2014 then\u2026</p>")

    def test_code_is_left_alone(self):
        self.assertMarkdownRenders("`it's -- \"x\"`\n", "<p><code>it's -- \"x\"</code></p>")
