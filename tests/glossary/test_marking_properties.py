"""Property-based tests (Hypothesis) of glossary marking in the tree, on random Markdown and glossaries.

Marking never raises, and only *wraps* text: the page's visible text is the text of the
same page converted without a glossary; ids stay unique; every term link is described
by a definition on the page and names a term of the glossary; without ``per_section``
each entry is marked at most once per page. Derandomised and small, as the rest of the suite.
"""

from __future__ import annotations

import markdown
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strata.glossary.marking import GlossaryExtension
from strata.glossary.terms import Glossary, Term, slugify
from strata.markdown.characters import CharacterReferencesExtension
from strata.markdown.sections import SectionsExtension
from strata.names import name_key

SETTINGS = settings(max_examples=60, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
VOCABULARY = ["HPG", "axis", "TRT", "Leydig", "cells", "cell", "hormone", "hormones", "LH", "the", "and"]
SEPARATORS = [" ", "  ", "-", "\u2011", "\u00a0", "&nbsp;", ", ", "'s ", "\u2019s ", "&amp;", "\n"]


@st.composite
def glossaries(draw) -> Glossary:
    """A valid glossary: names of 1–3 words from the vocabulary, unique as the loader requires."""
    name = st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=3).map(" ".join)
    seen, slugs, terms = set(), set(), []
    for _ in range(draw(st.integers(0, 5))):
        names = draw(st.lists(name, min_size=1, max_size=2))
        keys = [name_key(n) for n in names]
        slug = slugify(names[0])
        if len(set(keys)) < len(keys) or seen & set(keys) or slug in slugs:
            continue
        seen |= set(keys)
        slugs.add(slug)
        definition = draw(st.sampled_from(["A *hormone* & more.", "<b>x</b> [y](javascript:z)", "Plain."]))
        terms.append(Term(names[0], slug, definition, tuple(names[1:])))
    return Glossary("glossary.yaml", terms)


text = st.lists(st.sampled_from(VOCABULARY) | st.sampled_from(SEPARATORS), max_size=8).map("".join)


@st.composite
def pages(draw) -> str:
    """Markdown: headings (some with ids like the marker's), paragraphs with inline markup, lists, tables."""
    blocks, explicit_ids = [], ["", "", " {#term-hpg-axis}", " {#def-lh}", " {#x}"]  # the author's ids: unique
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(st.sampled_from(["p", "p", "h2", "h3", "list", "table", "raw", "quote"]))
        words = draw(text).replace("\n", " ").strip() or "x"
        inline = draw(st.sampled_from(["{}", "*{}*", "`{}`", "[{}](#x)", "{{{{{}}}}}", "<span>{}</span>",
                                       "**{}** and {}"]))
        line = inline.replace("{}", words, 1).replace("{}", draw(text).replace("\n", " ") or "y")
        if kind == "p":
            blocks.append(f"{words} {line}")
        elif kind in ("h2", "h3"):
            identifier = explicit_ids.pop(draw(st.integers(0, len(explicit_ids) - 1)))
            blocks.append(f"{'#' * int(kind[1])} {words}{identifier}")
        elif kind == "list":
            blocks.append(f"- {line}\n- {words}")
        elif kind == "table":
            blocks.append(f"| {words} |\n| --- |\n| {line} |")
        elif kind == "raw":
            blocks.append(f'<div id="term-lh">{words}</div>')
        else:
            blocks.append(f"> {line}")
    return "\n\n".join(blocks) + "\n"


def convert(source: str, glossary: Glossary, per_section: bool) -> tuple[str, markdown.Markdown]:
    md = markdown.Markdown(output_format="html", extensions=[
        "toc", "attr_list", "tables", CharacterReferencesExtension(),
        GlossaryExtension(glossary=glossary, per_section=per_section), SectionsExtension()])
    return md.convert(source), md


def visible(html: str) -> str:
    document = BeautifulSoup(html, "html.parser")
    for hidden in document.select("[hidden]"):
        hidden.decompose()
    return document.get_text().strip()


@SETTINGS
@given(pages(), glossaries(), st.booleans())
def test_marking_only_wraps_text(source, glossary, per_section):
    html, md = convert(source, glossary, per_section)
    plain, _ = convert(source, Glossary(), per_section)
    assert visible(html) == visible(plain), "marking changed more than it wrapped"
    assert not md.strata_problems
    document = BeautifulSoup(html, "html.parser")
    links = document.select("a.term")
    assert len(links) == len(md.strata_terms)
    matcher = glossary.matcher()
    for link, occurrence in zip(links, md.strata_terms, strict=True):
        assert link["href"].rpartition("#")[2] == occurrence.term
        assert matcher.lookup(link.get_text()).anchor == occurrence.term, link
        assert document.find(id=link["aria-describedby"]) is not None, "the description exists"
    ids = [element["id"] for element in document.find_all(id=True)]
    assert len(ids) == len(set(ids)), "ids stay unique"
    if not per_section:
        anchors = [occurrence.term for occurrence in md.strata_terms]
        assert len(anchors) == len(set(anchors)), "each term is marked once per page"
