# ruff: noqa: E501  (expected HTML is compared line for line, as Python-Markdown's own tests do)
"""abbr: every use marked, the first linked to the page's list of abbreviations, with the glossary's
toggletip contract (a.term described by the expansion, which carries data-term)."""

from markdown.test_tools import TestCase

from tests.markdown.site_markdown import site_markdown_kwargs


class TestAbbreviations(TestCase):
    default_kwargs = site_markdown_kwargs()

    def test_list_and_first_use_linked(self):
        self.assertMarkdownRenders(
            "## The HPG axis\n\nThe HPG axis, HPG again.\n\n*[HPG]: Hypothalamic-Pituitary-Gonadal\n",
            self.dedent("""
                <h2 id="the-hpg-axis">The <abbr title="Hypothalamic-Pituitary-Gonadal">HPG</abbr> axis</h2>
                <p>The <a aria-describedby="abbr-hpg-expansion" class="term" href="#abbr-hpg"><abbr title="Hypothalamic-Pituitary-Gonadal">HPG</abbr></a> axis, <abbr title="Hypothalamic-Pituitary-Gonadal">HPG</abbr> again.</p>
                <section aria-labelledby="abbreviations" class="abbreviations">
                <h2 id="abbreviations">Abbreviations</h2>
                <dl>
                <dt id="abbr-hpg"><abbr>HPG</abbr></dt>
                <dd data-term="HPG" data-tip-link="Abbreviations" id="abbr-hpg-expansion">Hypothalamic-Pituitary-Gonadal</dd>
                </dl>
                </section>
            """))

    def test_no_abbreviations_no_list(self):
        self.assertMarkdownRenders("The HPG axis.\n", "<p>The HPG axis.</p>")
