"""def_list: definition lists."""

from markdown.test_tools import TestCase

from tests.markdown.site_markdown import site_markdown_kwargs


class TestDefinitionLists(TestCase):
    default_kwargs = site_markdown_kwargs()

    def test_a_definition_list(self):
        self.assertMarkdownRenders("Gonadorelin\n:   A copy of GnRH.\n",
                                   "<dl>\n<dt>Gonadorelin</dt>\n<dd>A copy of GnRH.</dd>\n</dl>")
