"""Glossary data and authoring errors: each stops the build with ``path:line: message``."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from strata.errors import StrataError
from strata.glossary.terms import Glossary, Term, load_glossary, slugify
from tests.support.checks import glossary_backlinks
from tests.support.site import build_tiny_site

GOOD = "- term: HPG axis\n  aliases: [hypothalamic axis]\n  definition: A hormone pathway.\n"


def load(tmp_path, text: str):
    path = tmp_path / "glossary.yaml"
    path.write_text(text, encoding="utf-8")
    return load_glossary(str(path))


@pytest.mark.parametrize(("text", "line", "phrase"), [
    pytest.param(GOOD + "- term: hpg AXIS\n  definition: Again.\n", 4,
                 "term 'hpg AXIS' is already used as a term at line 1", id="duplicate-term-case-only"),
    pytest.param(GOOD + "- term: Axis\n  aliases: [HPG  axis]\n  definition: Again.\n", 5,
                 "alias 'HPG axis' is already used as a term at line 1", id="alias-collides-with-term"),
    pytest.param(GOOD + "- term: Other\n  aliases: [Hypothalamic Axis]\n  definition: Again.\n", 5,
                 "alias 'Hypothalamic Axis' is already used as an alias at line 1", id="alias-collides-with-alias"),
    pytest.param(GOOD + "- term: Hypothalamic axis\n  definition: Again.\n", 4,
                 "is already used as an alias", id="term-collides-with-alias"),
    pytest.param(GOOD + "- term: LH\n  definition: '   '\n", 5, "the definition of 'LH' is empty",
                 id="empty-definition"),
    pytest.param(GOOD + "- term: LH\n  definition: A hormone.\n  plural: LHs\n", 6, "unknown key 'plural'",
                 id="unknown-key"),
    pytest.param(GOOD + "- term: LH\n", 4, "has no 'definition'", id="missing-definition"),
    pytest.param(GOOD + "- term: LH\n  aliases: ['']\n  definition: A hormone.\n", 5, "each alias must be",
                 id="empty-alias"),
    pytest.param(GOOD + "- term: '!!!'\n  definition: Bangs.\n", 4, "needs at least one letter or digit",
                 id="no-anchor"),
    # Author text is checked as in a quiz (strata.markdown.safe.text_problem), at the definition's line.
    pytest.param(GOOD + "- term: LH\n  definition: A drug.[^1]\n", 5,
                 "the definition of 'LH' has the footnote mark [^1], but footnotes are not read", id="footnote"),
    pytest.param(GOOD + "- term: LH\n  definition: Made by the [[pituitary gland]].\n", 5,
                 "the definition of 'LH' has the glossary mark [[pituitary gland]]", id="glossary-mark"),
    pytest.param(GOOD + "- term: LH\n  definition: Acts on the {{AR}}.\n", 5,
                 "the definition of 'LH' has {{AR}}", id="plain-words-mark"),
    pytest.param(GOOD + "- term: LH\n  definition: A [hormone](javascript:alert(1)).\n", 5,
                 "the definition of 'LH': a 'javascript:' URL is not allowed", id="javascript-link"),
    *(pytest.param(GOOD + f"- term: LH\n  definition: {definition!r}\n", 5,
                   "the definition of 'LH' has more than one paragraph, or a list, a heading, a quote or a rule",
                   id=f"definition-starting-with-{name}")
      for name, definition in [("heading", "# A drug"), ("h2", "## A drug"), ("bullet", "- A drug."),
                               ("number", "1. A drug."), ("quote", "> A drug."), ("rule", "***")]),
])
def test_bad_entries_are_reported_at_their_line(tmp_path, text, line, phrase):
    with pytest.raises(StrataError) as caught:
        load(tmp_path, text)
    assert caught.value.line == line
    assert phrase in caught.value.message
    assert str(caught.value).endswith(f"glossary.yaml:{line}: {caught.value.message}")


def test_a_good_file_loads_sorted_with_slugs_and_aliases(tmp_path):
    glossary = load(tmp_path, GOOD + "- term: Aromatase\n  definition: An *enzyme*.\n")
    assert [(t.term, t.slug, t.aliases, t.line) for t in glossary.terms] == [
        ("Aromatase", "aromatase", (), 4), ("HPG axis", "hpg-axis", ("hypothalamic axis",), 1)]
    assert str(glossary.terms[0].definition_html) == "An <em>enzyme</em>."


def test_definitions_cannot_inject_script(tmp_path):
    glossary = load(tmp_path, "- term: X\n  definition: 'Hi <script>alert(1)</script> <img src=x onerror=alert(1)>"
                              " [good](https://example.org)'\n")
    document = BeautifulSoup(str(glossary.terms[0].definition_html), "html.parser")
    assert document.find("script") is None
    assert document.find("img") is None
    assert "<script>alert(1)</script>" in document.get_text()
    links = document.find_all("a")
    assert [a.get("href") for a in links] == ["https://example.org"]


def test_letters_of_the_glossarys_own_script_then_one_other_group_last(tmp_path):
    glossary = load(tmp_path, "".join(f"- term: {name}\n  definition: D.\n" for name in (
        "α-blocker", "β₂ agonist", "Aromatase", "5-alpha reductase", "Édema", "bone", "bones", "Ωmega")))
    assert [(letter, [t.term for t in terms]) for letter, terms in glossary.sections] == [
        ("A", ["Aromatase"]), ("B", ["bone", "bones"]), ("E", ["Édema"]),
        ("", ["5-alpha reductase", "α-blocker", "β₂ agonist", "Ωmega"])]
    greek = Glossary(None, [Term(name, f"t{n}", "D.") for n, name in enumerate(("αίμα", "βήτα", "DNA"))])
    assert [letter for letter, _ in greek.sections] == ["Α", "Β", ""], "a Greek glossary's own letters are Greek"


# --- Through a real build --------------------------------------------------------------------------------

GLOSSARY = {"glossary.yaml": "- term: HPG axis\n  aliases: [axis of power]\n  definition: A *hormone* pathway.\n"
                             "- term: Leydig cells\n  definition: Cells that make testosterone.\n"}


def tier(body: str, extra: str = "") -> str:
    return f"Title: Fundamentals\nTopic: demo\nTier: fundamentals\n{extra}\n{body}\n"


def test_unknown_forced_term_is_reported_at_its_line(tmp_path):
    result = build_tiny_site(tmp_path, {**GLOSSARY, "topics/demo/fundamentals.md":
                                        tier("Intro.\n\nThe [[hpg axle]] here.\n\nAnd [[the axis|HPG axes]].\n")})
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "topics/demo/fundamentals.md:7: [[hpg axle]]: 'hpg axle' is not in the glossary" in result.stderr
    assert "topics/demo/fundamentals.md:9: [[the axis|HPG axes]]" in result.stderr


def test_unknown_glossary_switch_is_reported_at_its_line(tmp_path):
    result = build_tiny_site(tmp_path, {**GLOSSARY, "topics/demo/fundamentals.md":
                                        tier("The HPG axis.", "Summary: S.\nGlossary: maybe\n")})
    assert result.returncode == 1
    assert "topics/demo/fundamentals.md:5: 'Glossary: maybe' is not a choice" in result.stderr


def test_forced_plain_and_switched_off_pages_build(tmp_path):
    result = build_tiny_site(tmp_path, {
        **GLOSSARY,
        "topics/demo/fundamentals.md": tier("The {{HPG axis}} of a wheel. Then [[the axis|HPG axis]]; Leydig cell."),
        "topics/demo/intermediate.md": tier("The HPG axis, [[Leydig cells]].", "Glossary: off\n")
        .replace("Fundamentals", "Intermediate").replace("fundamentals", "intermediate"),
    })
    assert result.returncode == 0, result.stderr
    first = BeautifulSoup(result.page("topics/demo/fundamentals.html"), "html.parser")
    terms = [(a.get_text(), a["href"]) for a in first.select(".prose a.term")]
    assert terms == [("the axis", "../../glossary.html#hpg-axis"), ("Leydig cell", "../../glossary.html#leydig-cells")]
    assert first.select_one('[data-glossary="off"]').get_text() == "HPG axis"
    assert "[[" not in first.select_one(".prose").get_text()
    assert first.find(id="def-hpg-axis").em.get_text() == "hormone"
    second = BeautifulSoup(result.page("topics/demo/intermediate.html"), "html.parser")
    assert [a.get_text() for a in second.select(".prose a.term")] == ["Leydig cells"], "only the forced term"
    uses = [(b.label, b.href) for b in glossary_backlinks(result.output) if b.entry == "hpg-axis"]
    assert uses == [("Fundamentals", "topics/demo/fundamentals.html#term-hpg-axis")]


def test_the_glossary_page_files_other_scripts_under_other_at_the_end(tmp_path):
    result = build_tiny_site(tmp_path, {"glossary.yaml": "- term: wound\n  definition: A break.\n"
                                                         "- term: α-blocker\n  definition: A drug.\n"
                                                         "- term: Aromatase\n  definition: An enzyme.\n"})
    assert result.returncode == 0, result.stderr
    page = BeautifulSoup(result.page("glossary.html"), "html.parser")
    assert [(a.get_text(), a["href"]) for a in page.select("nav.az a")] == [
        ("A", "#letter-a"), ("W", "#letter-w"), ("Other", "#letter-other")]
    other = page.find(id="letter-other")
    assert other.get_text() == "Other"
    assert [dt.get_text() for dt in other.find_parent("section").select("dt")] == ["α-blocker"]


def test_terms_written_in_another_script_are_anchored_at_their_own_words(tmp_path):
    """A term with no Latin letter (a Greek or Arabic glossary) keeps its letters in its anchor, as a heading's id
    does; it was refused as having no letter."""
    result = build_tiny_site(tmp_path, {
        "glossary.yaml": "- term: Αίμα\n  definition: Το υγρό των αγγείων.\n"
                         "- term: هرمون\n  definition: رسول كيميائي.\n",
        "topics/demo/fundamentals.md": tier("Το αίμα και ο هرمون.\n")})
    assert result.returncode == 0, result.stderr
    page = BeautifulSoup(result.page("topics/demo/fundamentals.html"), "html.parser")
    assert [a["href"].rsplit("/", 1)[-1] for a in page.select("a.term")] == ["glossary.html#αίμα",
                                                                             "glossary.html#هرمون"]
    glossary = BeautifulSoup(result.page("glossary.html"), "html.parser")
    assert glossary.find(id="αίμα").get_text(strip=True).startswith("Αίμα")
    assert glossary.find(id="هرمون") is not None


def test_a_term_in_a_script_with_vowel_signs_is_anchored_at_its_whole_words():
    """'पानी' (Hindi, water) was anchored at 'पन': its vowel signs, combining marks, were dropped."""
    assert [slugify(name) for name in ("पानी", "น้ำดื่ม", "தண்ணீர்", "Αίμα")] == ["पानी", "น้ำดื่ม", "தண்ணீர்", "αίμα"]


def test_a_term_with_letters_that_do_not_decompose_is_anchored_and_listed_at_them_spelt_out():
    """'Fußball' was anchored at 'fuball', 'Øresund' at 'resund' and listed after Z under its own 'Ø'."""
    assert [slugify(name) for name in ("Fußball", "Øresund", "Łódź", "œuvre")] == [
        "fussball", "oresund", "lodz", "oeuvre"]
    places = ("Øresund", "Zug", "Paris")
    glossary = Glossary("glossary.yaml", [Term(name, slugify(name), "A place.") for name in places])
    assert [(letter, [t.term for t in terms]) for letter, terms in glossary.sections] == [
        ("O", ["Øresund"]), ("P", ["Paris"]), ("Z", ["Zug"])]
