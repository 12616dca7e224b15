"""The accessible-table extension: captions, header scopes, scrollable regions."""

import markdown
from markdown.test_tools import TestCase

from strata.errors import StrataError
from strata.markdown.tables import AccessibleTableExtension

TABLE = """
| Agent | Target |
| --- | --- |
| Gonadorelin | Pituitary |
"""


class TestTables(TestCase):
    default_kwargs = {"extensions": [AccessibleTableExtension()]}

    def test_caption_scope_and_region(self):
        self.assertMarkdownRenders(
            TABLE + "\nTable: Agents *compared*\n",
            self.dedent("""
                <div aria-labelledby="table-agents-compared" class="table-scroll" role="region" tabindex="0">
                <table>
                <caption id="table-agents-compared">Agents <em>compared</em></caption>
                <thead>
                <tr>
                <th scope="col">Agent</th>
                <th scope="col">Target</th>
                </tr>
                </thead>
                <tbody>
                <tr>
                <td>Gonadorelin</td>
                <td>Pituitary</td>
                </tr>
                </tbody>
                </table>
                </div>
            """),
        )

    def test_aligned_columns_are_aligned_by_class_not_by_a_style_the_csp_blocks(self):
        self.assertMarkdownRenders(
            "| Day | Hours | Note |\n| :-- | --: | :-: |\n| Mon | 9 | open |\n\nTable: Opening hours\n",
            self.dedent("""
                <div aria-labelledby="table-opening-hours" class="table-scroll" role="region" tabindex="0">
                <table>
                <caption id="table-opening-hours">Opening hours</caption>
                <thead>
                <tr>
                <th class="align-start" scope="col">Day</th>
                <th class="align-end" scope="col">Hours</th>
                <th class="align-center" scope="col">Note</th>
                </tr>
                </thead>
                <tbody>
                <tr>
                <td class="align-start">Mon</td>
                <td class="align-end">9</td>
                <td class="align-center">open</td>
                </tr>
                </tbody>
                </table>
                </div>
            """),
        )

    def test_caption_ids_are_unique(self):
        output = markdown.markdown(TABLE + "\nTable: Same\n" + TABLE + "\nTable: Same\n",
                                   extensions=[AccessibleTableExtension()])
        self.assertIn('id="table-same"', output)
        self.assertIn('id="table-same-2"', output)
        self.assertIn('aria-labelledby="table-same-2"', output)

    def test_missing_caption_is_an_error(self):
        with self.assertRaises(StrataError) as caught:
            self.assertMarkdownRenders(TABLE, "")
        self.assertIn("no caption", caught.exception.message)
        self.assertEqual(caught.exception.located("t.md", "Intro\n\n" + TABLE).line, 4)

    def test_a_column_without_a_name_is_an_error_at_the_header_row(self):
        """An empty header cell (a table 'without a header', or its corner) names no column: axe's
        empty-table-header; it was published as an empty <th>."""
        for header, column in (("|   |   |\n|---|---|\n", 1), ("| Day | | Evening |\n|:--|:-:|--:|\n", 2)):
            source = f"Intro.\n\n| Gonadorelin | Pituitary | Evening |\n|---|---|---|\n| a | b | c |\n\n" \
                     f"Table: Full\n\n{header}| Mon | 1 | 2 |\n\nTable: Doses\n"
            with self.subTest(header=header), self.assertRaises(StrataError) as caught:
                markdown.markdown(source, extensions=[AccessibleTableExtension()])
            self.assertIn(f"column {column} of this table has no name in its first row", caught.exception.message)
            self.assertEqual(caught.exception.located("t.md", source).line, 9)

    def test_caption_can_be_optional(self):
        self.assertMarkdownRenders(
            TABLE,
            "<table>\n<thead>\n<tr>\n<th>Agent</th>\n<th>Target</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n"
            "<td>Gonadorelin</td>\n<td>Pituitary</td>\n</tr>\n</tbody>\n</table>",
            extensions=[AccessibleTableExtension(require_caption=False)],
        )

    def test_a_raw_html_table_scrolls_in_a_region_named_by_its_caption(self):
        self.assertMarkdownRenders(
            "Intro.\n\n<table>\n<caption>Doses &amp; <b>times</b></caption>\n<tr><th>A</th></tr>\n</table>\n\nAfter.\n",
            '<p>Intro.</p>\n<div aria-label="Doses &amp; times" class="table-scroll" role="region" tabindex="0">'
            "<table>\n<caption>Doses &amp; <b>times</b></caption>\n<tr><th>A</th></tr>\n</table>\n</div>\n"
            "<p>After.</p>")

    def test_a_raw_html_table_without_caption_is_an_error_at_its_line(self):
        source = "Intro.\n\n<table class=\"doses\">\n<tr><th>A</th></tr>\n</table>\n"
        with self.assertRaises(StrataError) as caught:
            markdown.markdown(source, extensions=[AccessibleTableExtension()])
        self.assertIn("add <caption>what the table shows</caption>", caught.exception.message)
        self.assertEqual(caught.exception.located("t.md", source).line, 3)
