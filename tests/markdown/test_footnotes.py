# ruff: noqa: E501  (expected HTML is compared line for line, as Python-Markdown's own tests do)
"""Footnotes: numbered links named "Footnote N", named back-links, a labelled notes section, unique ids."""

import markdown
from markdown.test_tools import TestCase

from strata.errors import StrataError
from strata.pagetext import Section
from tests.markdown.site_markdown import site_markdown_kwargs


def sections_of(source: str) -> list[Section]:
    md = markdown.Markdown(**site_markdown_kwargs())
    md.convert(source)
    return md.strata_sections


class TestFootnotes(TestCase):
    default_kwargs = site_markdown_kwargs()

    def test_accessible_footnotes(self):
        self.assertMarkdownRenders(
            "Text.[^a]\n\n[^a]: The note.\n",
            self.dedent("""
                <p>Text.<sup id="fnref-a"><a aria-label="Footnote 1" class="footnote-ref" href="#fn-a">1</a></sup></p>
                <section aria-labelledby="notes" class="footnotes">
                <h2 id="notes">Notes</h2>
                <ol>
                <li id="fn-a">
                <p>The note.&#160;<a class="footnote-backref" href="#fnref-a"><span aria-hidden="true">&#8617;</span><span class="visually-hidden">Back to reference 1</span></a></p>
                </li>
                </ol>
                </section>
            """))

    def test_ids_stay_unique_with_two_note_blocks_and_clashing_ids(self):
        source = ("## Notes {#fn-a}\n\nOne[^a], again[^a], two[^b].\n\n[^a]: First.\n\nMore text.\n\n"
                  "[^b]: Second.\n\n## Later {#notes}\n")
        self.assertMarkdownRenders(source, self.dedent("""
            <h2 id="fn-a">Notes</h2>
            <p>One<sup id="fnref-a"><a aria-label="Footnote 1" class="footnote-ref" href="#fn-a-2">1</a></sup>, again<sup id="fnref2-a"><a aria-label="Footnote 1" class="footnote-ref" href="#fn-a-2">1</a></sup>, two<sup id="fnref-b"><a aria-label="Footnote 2" class="footnote-ref" href="#fn-b">2</a></sup>.</p>
            <p>More text.</p>
            <h2 id="notes">Later</h2>
            <section aria-labelledby="notes-2" class="footnotes">
            <h2 id="notes-2">Notes</h2>
            <ol>
            <li id="fn-a-2">
            <p>First.&#160;<a class="footnote-backref" href="#fnref-a"><span aria-hidden="true">&#8617;</span><span class="visually-hidden">Back to reference 1</span></a><a class="footnote-backref" href="#fnref2-a"><span aria-hidden="true">&#8617;</span><span class="visually-hidden">Back to reference 1, use 2</span></a></p>
            </li>
            <li id="fn-b">
            <p>Second.&#160;<a class="footnote-backref" href="#fnref-b"><span aria-hidden="true">&#8617;</span><span class="visually-hidden">Back to reference 2</span></a></p>
            </li>
            </ol>
            </section>
        """))

    def test_the_page_text_holds_the_notes_alone_without_placeholders_or_links(self):
        # Python-Markdown's placeholders (a space and the arrow, put in the HTML at the end) never reach the text
        # that search and the reading level use; the numbers and the back-links are links, not words of the page.
        sections = sections_of("Recovery takes time.[^time] Ask your nurse.[^nurse]\n\n"
                               "[^time]: Usually one to two weeks.\n[^nurse]: Your district nurse can visit.\n")
        self.assertEqual([(s.title, s.lines) for s in sections],
                         [("", ("Recovery takes time. Ask your nurse.",)),
                          ("Notes", ("Usually one to two weeks.", "Your district nurse can visit."))])
        self.assertEqual(sections[1].prose, ("Usually one to two weeks.", "Your district nurse can visit."))

    def assertProblem(self, source: str, message: str, line: int) -> None:
        with self.assertRaises(StrataError) as raised:
            markdown.markdown(source, **site_markdown_kwargs())
        self.assertEqual(raised.exception.message, message)
        self.assertEqual(raised.exception.located("page.md", source).line, line)

    def test_a_reference_to_a_note_never_defined_is_an_error_at_its_line(self):
        self.assertProblem("Intro.\n\nRecovery takes time.[^nope] It varies.[^a]\n\n[^a]: A note.\n",
                           "there is no note [^nope]; add a line '[^nope]: …' with its text, or remove the reference", 3)
        self.assertProblem("No notes at all here:\n\n- an item[^1]\n",
                           "there is no note [^1]; add a line '[^1]: …' with its text, or remove the reference", 3)

    def test_brackets_that_are_not_a_reference_are_not_an_error(self):
        # Code (a span, a fenced or an indented block), an escaped bracket, a link: none is read as a reference.
        markdown.markdown("Match `[^a-z]` here.\n\n```\n[^fenced]\n```\n\n    [^indented]\n\n"
                          "An escaped \\[^bracket] and a [^link](https://example.org).\n", **site_markdown_kwargs())

    def test_a_note_without_text_is_an_error_at_its_line(self):
        self.assertProblem("It varies.[^2]\n\n[^2]:\n",
                           "note [^2] has no text; write it after '[^2]:', or remove the note and every [^2] that "
                           "refers to it", 3)

    def test_a_note_nothing_refers_to_is_an_error_at_its_line(self):
        self.assertProblem("Recovery takes time.[^a]\n\n[^a]: Referred to.\n\n> [^1]: A note nobody refers to.\n",
                           "note [^1] is never referred to; refer to it with [^1] in the text, or remove it", 5)
