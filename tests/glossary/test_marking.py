"""Marking glossary terms in the Markdown tree of a page (no build, no browser)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

import markdown
import pytest
from bs4 import BeautifulSoup
from markdown.test_tools import TestCase

from strata.errors import StrataError
from strata.glossary.marking import GlossaryExtension
from strata.glossary.terms import Glossary, Term, slugify
from strata.markdown.characters import CharacterReferencesExtension
from strata.markdown.sections import SectionsExtension
from strata.markdown.tables import AccessibleTableExtension

URL = "../../glossary.html"


def term(name: str, *aliases: str, definition: str | None = None, topic: str | None = None) -> Term:
    return Term(name, slugify(name), definition or f"Meaning of {name}.", tuple(aliases), topic=topic)


@pytest.fixture
def glossary() -> Glossary:
    return Glossary("glossary.yaml", [
        term("HPG axis", "Hypothalamic-Pituitary-Gonadal axis"),
        term("testosterone replacement therapy", "TRT"),
        term("Leydig cells"),
        term("aromatase inhibitors"),
    ])


@dataclass
class Result:
    html: str
    occurrences: list = field(default_factory=list)
    errors: list = field(default_factory=list)


def mark(source: str, glossary: Glossary, **config) -> Result:
    md = markdown.Markdown(output_format="html", extensions=[
        "meta", "toc", "attr_list", "abbr", "def_list", "footnotes", AccessibleTableExtension(require_caption=False),
        CharacterReferencesExtension(), GlossaryExtension(glossary=glossary, href=URL, **config),
        SectionsExtension()])
    html = md.convert(source)
    return Result(html, md.strata_terms, md.strata_problems)


def marked(result: Result) -> list[tuple[str, str]]:
    document = BeautifulSoup(result.html, "html.parser")
    return [(a.get_text(), a["href"].split("#")[1]) for a in document.select("a.term")]


def visible_text(html: str) -> str:
    document = BeautifulSoup(html, "html.parser")
    for hidden in document.select("[hidden]"):
        hidden.decompose()
    return document.get_text().strip()


def test_first_occurrence_per_page_with_unique_ids(glossary):
    result = mark("TRT then testosterone replacement therapy.\n\n## Next\n\nTRT again, HPG axis.\n", glossary)
    assert marked(result) == [("TRT", "testosterone-replacement-therapy"), ("HPG axis", "hpg-axis")]
    ids = [tag["id"] for tag in BeautifulSoup(result.html, "html.parser").find_all(id=True)]
    assert len(ids) == len(set(ids))
    assert [(o.term, o.section_id, o.section_title) for o in result.occurrences] == [
        ("testosterone-replacement-therapy", None, None), ("hpg-axis", "next", "Next")]


def test_first_occurrence_per_section(glossary):
    result = mark("TRT.\n\n## One\n\nTRT and TRT.\n\n## Two &amp; more\n\nTRT.\n", glossary, per_section=True)
    assert [o.id for o in result.occurrences] == ["term-testosterone-replacement-therapy",
                                                  "term-testosterone-replacement-therapy-2",
                                                  "term-testosterone-replacement-therapy-3"]
    assert [(o.section_id, o.section_title) for o in result.occurrences] == [
        (None, None), ("one", "One"), ("two-more", "Two & more")]


def test_ids_avoid_ids_already_on_the_page_in_markdown_and_raw_html(glossary):
    result = mark('## Term HPG axis {#term-hpg-axis}\n\n<div ID="def-hpg-axis">Raw.</div>\n\nThe HPG axis.\n',
                  glossary)
    assert [o.id for o in result.occurrences] == ["term-hpg-axis-2"]
    assert 'aria-describedby="def-hpg-axis-2"' in result.html


@pytest.mark.parametrize("source", [
    "## The HPG axis", "#### TRT", "[TRT](x.html)", "`TRT`", "    TRT", "*[TRT]: Testosterone therapy\n\nTRT",
    "![TRT](a.png)", "<p>TRT in raw HTML</p>", "{{TRT}}",
    "| TRT |\n| --- |\n| x |\n\nTable: TRT",  # header cells and captions
    "TRT\n:   a definition list's term",
    '<form class="quiz"><p>TRT</p></form>',
])
def test_never_marked_inside_skipped_elements_or_attributes(glossary, source):
    assert mark(source + "\n", glossary).occurrences == []


def test_a_table_cell_is_marked_but_not_its_header_first(glossary):
    result = mark("| TRT |\n| --- |\n| TRT |\n", glossary)
    assert BeautifulSoup(result.html, "html.parser").select("td a.term"), "the header does not use the first use"


def test_text_is_only_wrapped(glossary):
    source = "Before *the* HPG&nbsp;axis &amp; TRT's role.  \nAfter: Leydig cells.\n\n- Leydig cells\n"
    plain = markdown.markdown(source, output_format="html", extensions=[CharacterReferencesExtension()])
    result = mark(source, glossary)
    assert marked(result) == [("HPG\u00a0axis", "hpg-axis"), ("TRT", "testosterone-replacement-therapy"),
                              ("Leydig cells", "leydig-cells")]
    assert visible_text(result.html) == visible_text(plain)


def test_text_split_by_inline_markup_is_not_matched(glossary):
    result = mark("The HPG *axis* and **Leydig** cells, then HPG axis.\n", glossary)
    assert marked(result) == [("HPG axis", "hpg-axis")]
    assert "The HPG <em>axis</em> and <strong>Leydig</strong> cells" in result.html


def test_a_marked_term_is_a_link_described_by_its_definition(glossary):
    result = mark("TRT helps.\n\n## B\n\nTRT again.\n", glossary, per_section=True)
    document = BeautifulSoup(result.html, "html.parser")
    links = document.select("a.term")
    assert [a["href"] for a in links] == [f"{URL}#testosterone-replacement-therapy"] * 2
    assert {a["aria-describedby"] for a in links} == {"def-testosterone-replacement-therapy"}
    definition = document.find(id="def-testosterone-replacement-therapy")
    assert definition.get_text() == "Meaning of testosterone replacement therapy."
    assert definition["data-term"] == "testosterone replacement therapy"
    assert definition.find_parent(class_="term-defs").has_attr("hidden")
    assert len(document.select(".term-defs p")) == 1
    assert document.select_one("p").get_text() == "TRT helps.", "the paragraph's text is unchanged"


def test_definitions_are_escaped_markdown():
    hostile = Glossary(None, [term("TRT", definition="*Treats* <script>alert(1)</script> [x](javascript:alert(1))")])
    document = BeautifulSoup(mark("TRT\n", hostile).html, "html.parser")
    definition = document.find(id="def-trt")
    assert definition.em.get_text() == "Treats"
    assert document.find("script") is None
    assert "<script>" in definition.get_text()
    assert not definition.a.has_attr("href")


def test_forced_and_plain_marks(glossary):
    result = mark("TRT, then [[this therapy|TRT]] and {{HPG axis}}.\n", glossary)
    assert marked(result) == [("TRT", "testosterone-replacement-therapy"),
                              ("this therapy", "testosterone-replacement-therapy")]
    assert "data-strata" not in result.html
    assert result.errors == []


def test_a_forced_term_with_nested_markup_closes_where_it_ends(glossary):
    """A forced term is an element of the tree: it ends where it ends (the old marker, reading HTML, closed it at
    the first ``</span>`` inside it)."""
    result = mark('[[HPG axis]] and <span class="x">inner</span> text after, then TRT.\n', glossary)
    assert marked(result) == [("HPG axis", "hpg-axis"), ("TRT", "testosterone-replacement-therapy")]
    assert '<span class="x">inner</span> text after' in result.html


def test_forced_terms_are_kept_when_automatic_marking_is_off(glossary):
    result = mark("Glossary: off\n\nTRT and [[HPG axis]]\n", glossary)
    assert marked(result) == [("HPG axis", "hpg-axis")]


def test_a_bad_glossary_switch_is_an_error_at_its_line(glossary):
    source = "Title: x\nGlossary: maybe\n\nText.\n"
    with pytest.raises(StrataError) as caught:
        mark(source, glossary)
    assert caught.value.located("p.md", source).line == 2


def test_unknown_or_misplaced_forced_terms_are_errors_with_a_needle(glossary):
    result = mark("[[HPG axle]] and\n\n## A [[TRT]] heading\n", glossary)
    assert [(e.needle, e.message.split(":")[0]) for e in result.errors] == [
        ("[[HPG axle]]", "[[HPG axle]]"), ("[[TRT]]", "[[TRT]] is inside a heading, a link, a button, a table "
                                           "header, a caption or code, where glossary terms are not marked; remove the "
                                           "double brackets")]


def test_a_non_breaking_hyphen_in_a_term_or_in_the_text_still_matches():
    hyphenated = Glossary(None, [term("HPG\u2011axis")])
    assert marked(mark("The HPG-axis and\n", hyphenated)) == [("HPG-axis", "hpg-axis")]
    assert marked(mark("The HPG\u2011axis and\n", hyphenated)) == [("HPG\u2011axis", "hpg-axis")]


def test_a_topic_entry_replaces_the_shared_one_on_that_topics_pages(glossary):
    both = Glossary("glossary.yaml", [*glossary.terms, term("HPG axis", definition="Topic view.", topic="demo"),
                                      term("vitamin D", topic="demo")])
    on_topic = mark("Topic: demo\n\nThe HPG axis and vitamin D and TRT.\n", both)
    assert marked(on_topic) == [("HPG axis", "hpg-axis--demo"), ("vitamin D", "vitamin-d--demo"),
                                ("TRT", "testosterone-replacement-therapy")]
    assert "Topic view." in on_topic.html
    elsewhere = mark("Topic: other\n\nThe HPG axis and vitamin D.\n", both)
    assert marked(elsewhere) == [("HPG axis", "hpg-axis")]


def test_a_comment_closed_by_dash_dash_bang_does_not_swallow_the_text_after_it(glossary):
    result = mark("<!-- a --!>\n\nThe HPG axis.\n\n<p>Raw <!-- b --!> TRT</p>\n\nThen TRT.\n", glossary)
    assert marked(result) == [("HPG axis", "hpg-axis"), ("TRT", "testosterone-replacement-therapy")]
    assert "Raw" in visible_text(result.html)


class TestRawHtmlElements(TestCase):
    """The author's inline raw HTML is in the tree as placeholders, one per tag: no term is marked between the
    start and end tags of a raw element where terms are never marked (a link in a link is two links in a
    browser; a link in a button or a label is nested-interactive)."""

    default_kwargs: ClassVar[dict] = {"output_format": "html", "extensions": [
        CharacterReferencesExtension(), GlossaryExtension(glossary=Glossary(None, [term("wound")]), href=URL)]}
    link = f'<a aria-describedby="def-wound" class="term" href="{URL}#wound" id="term-wound">wound</a>'
    definitions = '<div class="term-defs" hidden><p data-term="wound" id="def-wound">Meaning of wound.</p></div>'

    def test_not_inside_a_raw_link_but_after_it(self):
        self.assertMarkdownRenders(
            'Visit <a href="https://www.example.org">the wound clinic</a> today, wound care.',
            f'<p>Visit <a href="https://www.example.org">the wound clinic</a> today, {self.link} care.</p>\n'
            + self.definitions)

    def test_not_in_markdown_elements_inside_a_raw_link(self):
        self.assertMarkdownRenders(
            '<a href="x">the *wound* <b>clinic</b></a> and a wound.',
            f'<p><a href="x">the <em>wound</em> <b>clinic</b></a> and a {self.link}.</p>\n' + self.definitions)

    def test_other_raw_elements_are_marked_inside(self):
        self.assertMarkdownRenders(
            'A <span class="x"><b>wound</b></span>.',
            f'<p>A <span class="x"><b>{self.link}</b></span>.</p>\n' + self.definitions)

    def test_a_raw_element_left_open_ends_with_its_paragraph(self):
        self.assertMarkdownRenders(
            '<a href="x">open\n\nA wound.',
            f'<p><a href="x">open</p>\n<p>A {self.link}.</p>\n' + self.definitions)


@pytest.mark.parametrize("source", [
    '<a href="x">the wound clinic</a>', '<A HREF="x">the wound clinic</A>',
    'Click <button type="button">wound</button>.', '<label>Wound <input> size</label>',
    'Open <summary>wound</summary>.', '<select><option>wound</option></select>',
    '<span data-glossary="off"><span>x</span> wound</span>', '<a href="x"><span>x</span> wound</a>',
    '<abbr title="y">wound</abbr>',
])
def test_never_marked_inside_raw_elements_where_terms_are_not_marked(source):
    assert mark(source + "\n", Glossary(None, [term("wound")])).occurrences == []


def test_a_forced_term_inside_a_raw_link_is_an_error_as_in_a_markdown_link():
    wound = Glossary(None, [term("wound")])
    for source in ('<a href="x">the [[wound]] clinic</a>\n', '[the [[wound]] clinic](x)\n',
                   '<button>the *[[wound]]*</button>\n'):
        result = mark(source, wound)
        assert result.occurrences == []
        assert [(e.needle, e.message.split(" is ")[1][:14]) for e in result.errors] == [
            ("[[wound]]", "inside a headi")], source
