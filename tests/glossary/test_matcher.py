"""The matcher and the marking pass on tricky text and HTML (no build, no browser)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from strata.glossary.marking import mark_html, matcher_for
from strata.glossary.matcher import Matcher, normalise
from strata.glossary.terms import Glossary, Term, slugify

URL = "../../glossary.html"


def term(name: str, *aliases: str, definition: str | None = None) -> Term:
    return Term(name, slugify(name), definition or f"Meaning of {name}.", tuple(aliases))


@pytest.fixture
def glossary() -> Glossary:
    return Glossary("glossary.yaml", [
        term("HPG axis", "Hypothalamic-Pituitary-Gonadal axis"),
        term("HPG axis suppression"),
        term("testosterone replacement"),
        term("testosterone replacement therapy", "TRT"),
        term("Leydig cells"),
        term("parathyroid hormone", "PT"),
        term("aromatase inhibitors"),
        term("men’s health"),
    ])


def found(glossary: Glossary, text: str) -> list[tuple[str, str]]:
    return [(text[m.start:m.end], m.value.slug) for m in matcher_for(glossary).finditer(text)]


def marked(result) -> list[tuple[str, str]]:
    document = BeautifulSoup(result.html, "html.parser")
    return [(a.get_text(), a["href"].split("#")[1]) for a in document.select("a.term")]


def visible_text(html: str) -> str:
    document = BeautifulSoup(html, "html.parser")
    for hidden in document.select("[hidden]"):
        hidden.decompose()
    return document.get_text().rstrip("\n")  # the hidden definitions follow the content on a new line


# --- Matching on text -----------------------------------------------------------------------------------

def test_longest_match_wins(glossary):
    assert found(glossary, "HPG axis suppression follows. The HPG axis recovers.") == [
        ("HPG axis suppression", "hpg-axis-suppression"), ("HPG axis", "hpg-axis")]
    assert found(glossary, "testosterone replacement therapy, not testosterone replacement alone") == [
        ("testosterone replacement therapy", "testosterone-replacement-therapy"),
        ("testosterone replacement", "testosterone-replacement")]


def test_case_insensitive_plurals_and_aliases(glossary):
    assert found(glossary, "one leydig CELL, two Leydig cells; an aromatase inhibitor; TRTs and trt") == [
        ("leydig CELL", "leydig-cells"), ("Leydig cells", "leydig-cells"),
        ("aromatase inhibitor", "aromatase-inhibitors"), ("TRTs", "testosterone-replacement-therapy"),
        ("trt", "testosterone-replacement-therapy")]
    assert found(glossary, "the Hypothalamic-Pituitary-Gonadal axis") == [
        ("Hypothalamic-Pituitary-Gonadal axis", "hpg-axis")]


@pytest.mark.parametrize("text", ["PTH levels", "APT", "PT2", "xPT", "post-TRT care", "TRT-like"])
def test_whole_words_only(glossary, text):
    matches = found(glossary, text)
    assert all(name.upper() not in {"PT", "TRT"} for name, _ in matches), matches


def test_whole_word_positive_controls(glossary):
    assert found(glossary, "PT, (PT) and PT.") == [("PT", "parathyroid-hormone")] * 3
    assert found(glossary, "TRT’s effect") == [("TRT", "testosterone-replacement-therapy")]


def test_nbsp_line_breaks_and_curly_quotes_match_without_changing_positions(glossary):
    text = "The HPG\u00a0axis and the HPG\n  axis, men's health and men’s health"
    assert normalise(text) != text
    assert len(normalise(text)) == len(text)
    assert found(glossary, text) == [("HPG\u00a0axis", "hpg-axis"), ("HPG\n  axis", "hpg-axis"),
                                     ("men's health", "mens-health"), ("men’s health", "mens-health")]


def test_empty_glossary_matches_nothing():
    assert list(Matcher([]).finditer("anything at all")) == []


def test_the_pattern_is_built_once_per_glossary(glossary):
    assert matcher_for(glossary) is matcher_for(glossary)
    assert matcher_for(glossary) is not matcher_for(Glossary(None, [term("other")]))


def test_pattern_is_a_trie_so_cost_grows_with_text_not_with_terms():
    """Names share their prefixes in one expression: at each position of the text the engine follows at
    most one branch per character, whatever the number of terms. (The timing at 10, 100 and 1,000 terms
    is measured by the benchmark, `invoke bench`, not asserted here.)"""
    matcher = Matcher([("HPG axis", 1), ("HPG axis suppression", 2), ("hormone", 3), ("TRT", 4)])
    body = matcher.pattern.pattern.removeprefix(r"(?<![^\W_])(?<![^\W_]-)").removesuffix(r"(?![^\W_])(?!-[^\W_])")
    assert body == (r"(?:h(?:ormone(?:e?s)?|pg\s+axis(?:(?:\s+suppression(?:e?s)?)|(?:e?s)?))|trt(?:e?s)?)")


def test_a_thousand_terms_all_match():
    words = [f"{a}{b}{c}" for a in "bcdfghjklmnpqrstvwxz" for b in "aeiou" for c in "nprstvwxyz"]
    large = Matcher((f"{w} factor", w) for w in words[:1000])
    assert [m.value for m in large.finditer("".join(f"{w} factor. " for w in words))] == words[:1000]


# --- Marking HTML ---------------------------------------------------------------------------------------

def test_first_occurrence_per_page_with_unique_ids(glossary):
    html = "<p>TRT then testosterone replacement therapy.</p><h2 id='s'>Next</h2><p>TRT again, HPG axis.</p>"
    result = mark_html(html, glossary, URL)
    assert marked(result) == [("TRT", "testosterone-replacement-therapy"), ("HPG axis", "hpg-axis")]
    document = BeautifulSoup(result.html, "html.parser")
    ids = [tag["id"] for tag in document.find_all(id=True)]
    assert len(ids) == len(set(ids))


def test_first_occurrence_per_section(glossary):
    html = ("<p>TRT.</p><h2 id='one'>One</h2><p>TRT and TRT.</p><h2 id='two'>Two &amp; more</h2>"
            "<p>TRT.</p>")
    result = mark_html(html, glossary, URL, per_section=True)
    assert [o.id for o in result.occurrences] == ["term-testosterone-replacement-therapy",
                                                  "term-testosterone-replacement-therapy-2",
                                                  "term-testosterone-replacement-therapy-3"]
    assert [(o.section_id, o.section_title) for o in result.occurrences] == [
        (None, None), ("one", "One"), ("two", "Two & more")]


def test_ids_avoid_ids_already_on_the_page(glossary):
    html = '<h2 id="term-hpg-axis">Term HPG axis</h2><p>The HPG axis.</p>'
    result = mark_html(html, glossary, URL)
    assert [o.id for o in result.occurrences] == ["term-hpg-axis-2"]


@pytest.mark.parametrize("html", [
    "<h2>The HPG axis</h2>", "<h4>TRT</h4>", '<p><a href="x.html">TRT</a></p>', "<p><code>TRT</code></p>",
    "<pre>TRT</pre>", '<p><abbr title="TRT">TRT</abbr></p>', '<p><img alt="TRT" src="a.png"></p>',
    '<p title="TRT" data-x="HPG axis">no term here</p>', "<script>var TRT = 1;</script>",
    "<style>.TRT{}</style>", "<button>TRT</button>", "<label>TRT</label>", "<summary>TRT</summary>",
    '<form class="quiz"><p>TRT</p><fieldset><legend>TRT</legend></fieldset></form>',
    '<div data-glossary="off"><p>TRT</p></div>', "<p><!-- TRT --></p>",
    "<textarea>TRT</textarea>", "<select><option>TRT</option></select>",
])
def test_never_marked_inside_skipped_elements_or_attributes(glossary, html):
    result = mark_html(html, glossary, URL)
    assert result.occurrences == []
    assert result.html == html


def test_markup_is_kept_byte_for_byte_around_terms(glossary):
    html = ('<p class="x">Before <em>the</em> HPG&nbsp;axis &amp; TRT&#8217;s role.<br/>'
            '<img alt="HPG axis" src="a.png"> After.</p>\n<ul>\n<li>Leydig cells</li>\n</ul>')
    result = mark_html(html, glossary, URL)
    assert marked(result) == [("HPG\u00a0axis", "hpg-axis"), ("TRT", "testosterone-replacement-therapy"),
                              ("Leydig cells", "leydig-cells")]
    assert "HPG&nbsp;axis</a>" in result.html
    assert visible_text(result.html) == BeautifulSoup(html, "html.parser").get_text().rstrip("\n")
    stripped = result.html
    for occurrence in result.occurrences:
        stripped = stripped.replace(f' id="{occurrence.id}"', "")
    assert '<img alt="HPG axis" src="a.png">' in stripped
    assert '<p class="x">Before <em>the</em> ' in stripped


def test_text_split_by_inline_markup_is_not_matched_and_not_corrupted(glossary):
    html = "<p>The HPG <em>axis</em> and <strong>Leydig</strong> cells, then HPG axis.</p>"
    result = mark_html(html, glossary, URL)
    assert marked(result) == [("HPG axis", "hpg-axis")]
    assert "The HPG <em>axis</em> and <strong>Leydig</strong> cells" in result.html
    assert visible_text(result.html) == BeautifulSoup(html, "html.parser").get_text().rstrip("\n")


def test_a_marked_term_is_a_link_described_by_its_definition(glossary):
    result = mark_html("<p>TRT helps.</p><h2 id='b'>B</h2><p>TRT again.</p>", glossary, URL, per_section=True)
    document = BeautifulSoup(result.html, "html.parser")
    links = document.select("a.term")
    assert [a["href"] for a in links] == ["../../glossary.html#testosterone-replacement-therapy"] * 2
    assert [a["id"] for a in links] == ["term-testosterone-replacement-therapy",
                                        "term-testosterone-replacement-therapy-2"]
    assert {a["aria-describedby"] for a in links} == {"def-testosterone-replacement-therapy"}
    definition = document.find(id="def-testosterone-replacement-therapy")
    assert definition.get_text() == "Meaning of testosterone replacement therapy."
    assert definition["data-term"] == "testosterone replacement therapy"
    assert definition.find_parent(class_="term-defs").has_attr("hidden")
    assert len(document.select(".term-defs p")) == 1
    assert document.select_one("p").get_text() == "TRT helps.", "the paragraph's text is unchanged"


def test_definitions_are_escaped_markdown():
    hostile = Glossary(None, [term("TRT", definition="*Treats* <script>alert(1)</script> [x](javascript:alert(1))")])
    document = BeautifulSoup(mark_html("<p>TRT</p>", hostile, URL).html, "html.parser")
    definition = document.find(id="def-trt")
    assert definition.em.get_text() == "Treats"
    assert document.find("script") is None
    assert "<script>" in definition.get_text()
    assert not definition.a.has_attr("href")


def test_marking_twice_changes_nothing(glossary):
    once = mark_html("<p>TRT and the HPG axis, TRT.</p>", glossary, URL).html
    assert mark_html(once, glossary, URL).html == once


def test_forced_and_plain_placeholders(glossary):
    html = ('<p>TRT, then <span data-strata-term="TRT" data-strata-source="[[this therapy|TRT]]">'
            'this therapy</span> and <span data-glossary="off">HPG axis</span>.</p>')
    result = mark_html(html, glossary, URL)
    assert marked(result) == [("TRT", "testosterone-replacement-therapy"),
                              ("this therapy", "testosterone-replacement-therapy")]
    assert [o.id for o in result.occurrences] == ["term-testosterone-replacement-therapy",
                                                  "term-testosterone-replacement-therapy-2"]
    assert "data-strata" not in result.html
    assert result.errors == []


def test_forced_terms_are_kept_when_automatic_marking_is_off(glossary):
    html = '<p>TRT and <span data-strata-term="HPG axis" data-strata-source="[[HPG axis]]">HPG axis</span></p>'
    result = mark_html(html, glossary, URL, auto=False)
    assert marked(result) == [("HPG axis", "hpg-axis")]


def test_unknown_forced_term_is_an_error_with_a_needle(glossary):
    html = '<p><span data-strata-term="HPG axle" data-strata-source="[[HPG axle]]">HPG axle</span></p>'
    result = mark_html(html, glossary, URL)
    assert [(e.needle, "not in the glossary" in e.message) for e in result.errors] == [("[[HPG axle]]", True)]
    assert "HPG axle" in result.html
