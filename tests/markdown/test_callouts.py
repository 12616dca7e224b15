"""The callout extension, in the style of Python-Markdown's own extension tests."""

from markdown.test_tools import TestCase

from strata.errors import StrataError
from strata.markdown.callouts import CalloutExtension


class TestCallouts(TestCase):
    default_kwargs = {"extensions": [CalloutExtension()]}

    def test_key_point(self):
        self.assertMarkdownRenders(
            self.dedent("""
                Before.

                !!! key-point
                    The body’s hormone regulation is a *network*.

                After.
            """),
            self.dedent("""
                <p>Before.</p>
                <div class="callout callout--key-point" role="note">
                <p class="callout__label">Key point</p>
                <p>The body’s hormone regulation is a <em>network</em>.</p>
                </div>
                <p>After.</p>
            """),
        )

    def test_body_may_have_several_paragraphs(self):
        self.assertMarkdownRenders(
            "!!! key-point\n    One.\n\n    Two.\n",
            '<div class="callout callout--key-point" role="note">\n'
            '<p class="callout__label">Key point</p>\n<p>One.</p>\n<p>Two.</p>\n</div>',
        )

    def test_configured_kinds(self):
        self.assertMarkdownRenders(
            "!!! tip\n    Drink water.\n",
            '<div class="callout callout--tip" role="note">\n<p class="callout__label">Tip</p>\n'
            "<p>Drink water.</p>\n</div>",
            extensions=[CalloutExtension(kinds={"tip": "Tip"})],
        )

    def test_unknown_kind_is_an_error_that_names_the_known_ones(self):
        with self.assertRaises(StrataError) as caught:
            self.assertMarkdownRenders("!!! warning\n    Careful.\n", "")
        self.assertIn("unknown callout kind 'warning'", caught.exception.message)
        self.assertIn("key-point", caught.exception.message)
        self.assertEqual(caught.exception.needle, "!!! warning\n")

    def test_empty_callout_is_an_error(self):
        with self.assertRaises(StrataError) as caught:
            self.assertMarkdownRenders("!!! key-point\n\nNot indented.\n", "")
        self.assertIn("is empty", caught.exception.message)
