"""Sections read from the tree: titles, anchors, lines and their kinds; heading ids unique on the page."""

import pickle

import markdown
from markdown.test_tools import TestCase

from strata.errors import StrataError
from strata.markdown.callouts import CalloutExtension
from strata.markdown.characters import CharacterReferencesExtension
from strata.markdown.sections import SectionsExtension
from strata.markdown.tables import AccessibleTableExtension
from strata.pagetext import CALLOUT, CODE, HEADING, PROSE, TABLE, Section, plain_text


def convert(source: str, **config) -> tuple[str, list[Section]]:
    md = markdown.Markdown(extensions=["toc", "attr_list", CalloutExtension(), AccessibleTableExtension(),
                                       CharacterReferencesExtension(), SectionsExtension(**config)])
    return md.convert(source), md.strata_sections


PAGE = """\
Intro text.

## First part

A paragraph with *emphasis*.

- an item
- another

!!! key-point
    The point.

### Detail

| Agent | Target |
| --- | --- |
| Gonadorelin | Pituitary |

Table: Agents

## Second part

Last words.
"""


class TestSections(TestCase):
    def test_sections_lines_and_kinds(self):
        _, sections = convert(PAGE)
        self.assertEqual([(s.anchor, s.title) for s in sections],
                         [("", ""), ("first-part", "First part"), ("second-part", "Second part")])
        first = sections[1]
        self.assertEqual(first.lines, ("A paragraph with emphasis.", "an item", "another", "Key point", "The point.",
                                       "Detail", "Agents", "Agent", "Target", "Gonadorelin", "Pituitary"))
        self.assertEqual(first.kinds, (PROSE, PROSE, PROSE, CALLOUT, CALLOUT, HEADING) + (TABLE,) * 5)
        self.assertEqual(first.prose, ("A paragraph with emphasis.", "an item", "another"))
        self.assertEqual(first.text, " ".join(first.lines))
        self.assertEqual(sections[2].lines, ("Last words.",))

    def test_raw_html_text_counts_but_forms_scripts_and_definitions_do_not(self):
        source = ('<div><p>Raw words.</p><form class="quiz"><p>Question?</p></form>'
                  '<script>var x = 1;</script></div>\n\n'
                  'Text &amp; more.\n\n<div class="term-defs" hidden><p>Hidden.</p></div>\n')
        _, sections = convert(source)
        self.assertEqual(sections[0].lines, ("Raw words.", "Text & more."))

    def test_a_line_break_inside_a_paragraph_does_not_end_its_sentence(self):
        _, sections = convert("Call a nurse if it spreads  \nor you feel unwell.\n\n"
                              "<p>One<br>line, two<br/>words.</p>\n\nAfter.\n")
        self.assertEqual(sections[0].lines, ("Call a nurse if it spreads or you feel unwell.", "One line, two words.",
                                             "After."))

    def test_a_hand_made_section_is_prose(self):
        section = Section("a", "A", ("one", "two"))
        self.assertEqual(section.prose, ("one", "two"))
        self.assertEqual(section.lines_of(TABLE), ())

    def test_a_section_packed_gives_back_its_lines_and_kinds(self):
        section = Section("a", "A", ("café’s “menu”", "", "x y"), (PROSE, TABLE, CODE))
        self.assertEqual((section.lines, section.kinds), (("café’s “menu”", "", "x y"), (PROSE, TABLE, CODE)))
        self.assertEqual(section.text, "café’s “menu”  x y")
        self.assertEqual(pickle.loads(pickle.dumps(section)), section)
        self.assertEqual((Section("b", "B").lines, Section("b", "B").text), ((), ""))
        with self.assertRaisesRegex(ValueError, "holds a newline"):
            Section("c", "C", ("one\ntwo",))
        with self.assertRaisesRegex(ValueError, "2 lines but 1 kinds"):
            Section("c", "C", ("one", "two"), (PROSE,))

    def test_heading_ids_avoid_ids_in_raw_html_in_capitals(self):
        html, _ = convert('<div ID="a-section">Raw.</div>\n\n## A section\n\n## A section\n')
        self.assertIn('<h2 id="a-section-2">', html)
        self.assertIn('<h2 id="a-section-3">', html)

    def test_a_heading_in_another_script_gets_an_id_of_its_own_words(self):
        self.assertMarkdownRenders(
            "## Ελληνικά: βιταμίνη\n\n## 日本語の見出し\n\n## 维生素与骨骼\n\n## فيتامين د\n\n## 日本語の見出し\n",
            '<h2 id="ελληνικά-βιταμίνη">Ελληνικά: βιταμίνη</h2>\n<h2 id="日本語の見出し">日本語の見出し</h2>\n'
            '<h2 id="维生素与骨骼">维生素与骨骼</h2>\n<h2 id="فيتامين-د">فيتامين د</h2>\n'
            '<h2 id="日本語の見出し-2">日本語の見出し</h2>',
            extensions=["toc", SectionsExtension()])
        _, sections = convert("## 前\n\n## 日本語の見出し\n")  # an id does not depend on the headings before it
        self.assertEqual(sections[-1].anchor, "日本語の見出し")

    def test_a_heading_id_keeps_the_vowel_signs_of_its_script(self):
        """Devanagari, Thai and Tamil write vowels as combining marks: Python-Markdown's slugify_unicode dropped
        them ('पानी का महत्व' → 'पन-क-महतव'), so a link written from the heading's words did not work."""
        self.assertMarkdownRenders(
            "## पानी का महत्व\n\n## น้ำดื่ม สำคัญ\n\n## தண்ணீர்\n",
            '<h2 id="पानी-का-महत्व">पानी का महत्व</h2>\n<h2 id="น้ำดื่ม-สำคัญ">น้ำดื่ม สำคัญ</h2>\n'
            '<h2 id="தண்ணீர்">தண்ணீர்</h2>',
            extensions=["toc", SectionsExtension()])

    def test_a_heading_with_latin_letters_keeps_its_ascii_id(self):
        self.assertMarkdownRenders(
            "## Été\n\n## Straße\n\n## 5α-reductase\n\n## Vitamin D: 日本語\n\n## ?!\n",
            '<h2 id="ete">Été</h2>\n<h2 id="strasse">Straße</h2>\n<h2 id="5-reductase">5α-reductase</h2>\n'
            '<h2 id="vitamin-d">Vitamin D: 日本語</h2>\n<h2 id="section">?!</h2>',
            extensions=["toc", SectionsExtension()])

    def test_latin_letters_that_do_not_decompose_are_spelt_out_in_an_id(self):
        """'ß', 'Ł', 'Æ', 'ø' are not a letter and an accent, so the ASCII slug dropped them: '## Łódź' got the id
        'odz', '## Ærø' 'r', and a link written from the heading's words ('#lodz') stopped the build."""
        self.assertMarkdownRenders(
            "## Łódź\n\n## The island of Ærø\n\n## Þórsmörk and Đà Nẵng\n\n## Œuvres\n",
            '<h2 id="lodz">Łódź</h2>\n<h2 id="the-island-of-aero">The island of Ærø</h2>\n'
            '<h2 id="thorsmork-and-da-nang">Þórsmörk and Đà Nẵng</h2>\n<h2 id="oeuvres">Œuvres</h2>',
            extensions=["toc", SectionsExtension()])

    def test_explicit_heading_ids_are_kept_and_respected(self):
        html, sections = convert("## Heading {#my-id}\n\n## My id\n\nText.\n")
        self.assertIn('<h2 id="my-id">Heading</h2>', html)
        self.assertIn('<h2 id="my-id-2">My id</h2>', html)
        self.assertEqual(sections[0].anchor, "my-id")

    def test_caption_ids_and_heading_ids_share_one_registry(self):
        html, _ = convert("## Table agents\n\n| A |\n| --- |\n| b |\n\nTable: agents\n\n"
                          "## Table: agents {#table-agents}\n")
        self.assertIn('<caption id="table-agents-2">', html)  # the author's explicit id comes first
        self.assertIn('<h2 id="table-agents-3">Table agents</h2>', html)

    def test_a_top_level_heading_is_an_error_when_the_title_is_the_h1(self):
        convert("# Title\n")  # allowed by default
        for source in ("# Title\n", "Title\n=====\n", "<h1>Title</h1>\n"):
            with self.assertRaises(StrataError):
                convert(source, title_is_h1=True)

    def test_a_heading_that_skips_a_level_is_an_error_when_the_title_is_the_h1(self):
        convert("### Deep\n")  # allowed by default
        fine = "## A\n\n### B\n\n#### C\n\n## D\n\n> ### Quoted\n\n- item\n"
        self.assertEqual([s.title for s in convert(fine, title_is_h1=True)[1]], ["A", "D"])
        for source, level, previous in (("### Deep\n", 3, 1), ("## A\n\n#### C\n", 4, 2),
                                        ("## A\n\n### B\n\n## D\n\n> #### Quoted\n", 4, 2)):
            with self.assertRaises(StrataError) as raised:
                convert(source, title_is_h1=True)
            message = raised.exception.message
            self.assertIn(f"at level {level} ('{'#' * level}')", message)
            self.assertIn(f"write it as '{'#' * (previous + 1)}'", message)
            self.assertEqual(raised.exception.located("page.md", source).line, source.count("\n"))

    def test_headings_of_raw_html_blocks_count_in_their_place(self):
        fine = "## A\n\n<div>\n<h3>B</h3>\n</div>\n\n#### C\n\n<h2>D <img alt=\"E\" src=\"e.png\"></h2>\n"
        convert(fine, title_is_h1=True)
        for source, line, wanted in (("## A\n\n<div>\n<p>x</p>\n<h4 class=\"x\">B</h4>\n</div>\n", 5,
                                      "at level 4 (<h4>) but the heading before it is at level 2"),
                                     ("<h3>B</h3>\n", 1, "write it as <h2>"),
                                     ("## A\n\n### B\n\n<h3> </h3>\n", 5, "this <h3> heading has no words")):
            with self.assertRaises(StrataError) as raised:
                convert(source, title_is_h1=True)
            self.assertIn(wanted, raised.exception.message)
            self.assertEqual(raised.exception.located("page.md", source).line, line)

    def test_a_heading_without_words_is_an_error_when_the_title_is_the_h1(self):
        for source, line in (("Text.\n\n## \n", 3), ("## A\n\n### ##\n", 3), ("> Quote.\n>\n> ##\n", 3)):
            with self.assertRaises(StrataError) as raised:
                convert(source, title_is_h1=True)
            self.assertIn("heading has no words", raised.exception.message)
            self.assertEqual(raised.exception.located("page.md", source).line, line)

    def test_a_backslash_escape_is_read_as_its_character_not_its_placeholder(self):
        # Heading ids are given before Python-Markdown puts escaped characters back (STX 42 ETX for "*").
        _, sections = convert("## A \\*b* c\n\n## Use \\[x] here\n")
        self.assertEqual([(s.anchor, s.title) for s in sections],
                         [("a-b-c", "A *b* c"), ("use-x-here", "Use [x] here")])

    def test_plain_text_of_a_fragment(self):
        self.assertEqual(plain_text("<p>A &amp; <b>B</b></p><p>C<!-- a --!> D</p>"), "A & B C D")


def test_the_abbreviations_list_is_reference_matter_not_prose():
    from strata.markdown.abbreviations import AccessibleAbbreviationsExtension
    from strata.pagetext import REFERENCE

    md = markdown.Markdown(extensions=["toc", "abbr", AccessibleAbbreviationsExtension(), SectionsExtension()])
    md.convert("The HPG axis.\n\n*[HPG]: Hypothalamic-Pituitary-Gonadal\n")
    first, abbreviations = md.strata_sections
    assert first.prose == ("The HPG axis.",)
    assert abbreviations.title == "Abbreviations"
    assert abbreviations.kinds == (REFERENCE, REFERENCE)
    assert abbreviations.prose == ()


def test_code_and_tables_in_raw_html_or_fenced_blocks_are_not_prose():
    """Fenced code reaches the tree as raw HTML (a stashed ``pre``): it is code, as a raw table is table text."""
    from strata.pagetext import CODE

    md = markdown.Markdown(extensions=["toc", "fenced_code", SectionsExtension()])
    md.convert("Words.\n\n```\nx = 1\n```\n\n<table><tr><td>Cell</td></tr></table>\n\n<pre>raw code</pre>\n")
    (section,) = md.strata_sections
    assert section.lines == ("Words.", "x = 1", "Cell", "raw code")
    assert section.kinds == (PROSE, CODE, TABLE, CODE)
    assert section.prose == ("Words.",)


def test_an_id_written_twice_or_taken_by_the_theme_stops_at_its_line():
    def error(source: str) -> StrataError:
        md = markdown.Markdown(extensions=["toc", "attr_list", SectionsExtension()])
        md.strata_theme_ids = frozenset({"main", "page-title"})
        try:
            md.convert(source)
        except StrataError as raised:
            return raised.located("page.md", source)
        raise AssertionError("no error")

    twice = error("## First {#same}\n\nOne.\n\n## Second {#same}\n\nA paragraph. {: #other }\n")
    assert (twice.line, twice.message.split(",")[0]) == (5, "the id 'same' is given twice on this page")
    theme = error("## Intro\n\nText.\n\n## Third {: #main }\n")
    assert theme.line == 5
    assert "the id 'main' is the theme's" in theme.message
    assert "{#main-section}" in theme.message
    _, sections = convert("## A {#a}\n\nText.\n\n## B {#b}\n\nMore. {: #c }\n")
    assert [s.anchor for s in sections] == ["a", "b"]
