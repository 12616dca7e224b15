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

    def test_an_abbr_written_by_hand_is_not_marked_again_and_a_raw_link_gets_no_link_inside(self):
        self.assertMarkdownRenders(
            'The <abbr title="World Health Organization">WHO</abbr> and the '
            '<a href="https://www.who.int">WHO guide</a>; the WHO says so.\n\n*[WHO]: World Health Organization\n',
            self.dedent("""
                <p>The <abbr title="World Health Organization">WHO</abbr> and the <a href="https://www.who.int"><abbr title="World Health Organization">WHO</abbr> guide</a>; the <a aria-describedby="abbr-who-expansion" class="term" href="#abbr-who"><abbr title="World Health Organization">WHO</abbr></a> says so.</p>
                <section aria-labelledby="abbreviations" class="abbreviations">
                <h2 id="abbreviations">Abbreviations</h2>
                <dl>
                <dt id="abbr-who"><abbr>WHO</abbr></dt>
                <dd data-term="WHO" data-tip-link="Abbreviations" id="abbr-who-expansion">World Health Organization</dd>
                </dl>
                </section>
            """))
