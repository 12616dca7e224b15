"""attr_list: heading ids and classes chosen by the author, used by the heading and the table of contents."""

import markdown
from markdown.test_tools import TestCase

from tests.markdown.site_markdown import site_markdown_kwargs


class TestAttrList(TestCase):
    default_kwargs = site_markdown_kwargs()

    def test_an_explicit_id_and_class(self):
        self.assertMarkdownRenders("## Heading {#my-id .wide}\n\nText.\n",
                                   '<h2 class="wide" id="my-id">Heading</h2>\n<p>Text.</p>')

    def test_the_table_of_contents_uses_the_id_and_drops_the_braces(self):
        md = markdown.Markdown(**site_markdown_kwargs())
        md.convert("## Heading {#my-id}\n\n### Sub {#sub}\n")
        self.assertEqual([(t["id"], t["name"], [c["id"] for c in t["children"]]) for t in md.toc_tokens],
                         [("my-id", "Heading", ["sub"])])

    def test_a_generated_id_makes_way_for_an_explicit_one(self):
        self.assertMarkdownRenders("## My id\n\n## Other {#my-id}\n",
                                   '<h2 id="my-id-2">My id</h2>\n<h2 id="my-id">Other</h2>')
