"""The real article: every glossary term used in a tier is marked once there, and every backlink resolves."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup

from strata.glossary.terms import load_glossary
from tests.support.checks import config_of, glossary_backlinks
from tests.support.site import ROOT
from tests.support.sites import REAL

TOPIC = "topics/post-trt-testicular-restoration"
TIERS = [tier.id for tier in config_of(REAL).tiers]
UNMARKED = "h1, h2, h3, h4, h5, h6, a:not(.term), code, pre, abbr, form.quiz, [data-glossary=off], .term-defs"


def soup(site, relative: str) -> BeautifulSoup:
    return BeautifulSoup((site / relative).read_text(encoding="utf-8"), "html.parser")


def glossary():
    return load_glossary(str(ROOT / "content" / "glossary.yaml"))


def name_pattern(name: str) -> str:
    words = [re.escape(w) for w in name.split()]
    if len(words[-1]) > 3 and words[-1].endswith("s"):
        words[-1] = words[-1][:-1]
    return r"(?<![\w-])" + r"\s+".join(words) + r"(?:e?s)?(?![\w-])"


def expected_terms(prose) -> set[str]:
    """Slugs of the terms that occur in the markable text, found independently of the matcher:
    each name searched on its own, an occurrence inside a longer term's occurrence not counted."""
    text_nodes = []
    for node in prose.find_all(string=True):
        if not any(parent.name in {"h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "abbr"}
                   or (parent.name == "a" and "term" not in parent.get("class", []))
                   or "term-defs" in parent.get("class", []) or parent.get("data-glossary") == "off"
                   or (parent.name == "form" and "quiz" in parent.get("class", []))
                   for parent in node.parents):
            text_nodes.append(str(node).replace("\u00a0", " ").replace("’", "'"))
    found = []  # (node index, start, end, slug)
    for term in glossary().terms:
        for name in term.names:
            for index, text in enumerate(text_nodes):
                found += [(index, m.start(), m.end(), term.slug)
                          for m in re.finditer(name_pattern(name.replace("’", "'")), text, re.IGNORECASE)]
    return {slug for index, start, end, slug in found
            if not any(i == index and s <= start and end <= e and (e - s) > (end - start) for i, s, e, _ in found)}


@pytest.mark.parametrize("tier", TIERS)
def test_every_term_used_in_a_tier_is_marked_exactly_once(site, tier):
    prose = soup(site, f"{TOPIC}/{tier}.html").select_one(".prose")
    marked = [a["href"].split("#")[1] for a in prose.select("a.term")]
    assert len(marked) == len(set(marked)), "a term is marked more than once on the page"
    expected = expected_terms(prose)
    assert len(expected) >= 10
    assert set(marked) == expected


def test_the_source_articles_terms_are_all_used_somewhere(site):
    marked = {a["href"].split("#")[1] for tier in TIERS
              for a in soup(site, f"{TOPIC}/{tier}.html").select(".prose a.term")}
    unused = {t.slug for t in glossary().terms} - marked
    assert unused <= {"testosterone-replacement"}, "only this one never occurs outside a longer term"


@pytest.mark.parametrize("tier", TIERS)
def test_terms_link_to_their_entry_and_are_described_by_their_definition(site, tier):
    page = f"{TOPIC}/{tier}.html"
    document, entries = soup(site, page), soup(site, "glossary.html")
    ids = [tag["id"] for tag in document.find_all(id=True)]
    assert len(ids) == len(set(ids))
    for term in document.select(".prose a.term"):
        assert term["id"].startswith("term-")
        href = urljoin(page, term["href"])
        assert urlparse(href).path == "glossary.html"
        entry = entries.find(id=urlparse(href).fragment)
        definition = document.find(id=term["aria-describedby"])
        assert definition.find_parent(class_="term-defs").has_attr("hidden")
        assert definition.get_text(" ", strip=True) == entry.select_one("dd").get_text(" ", strip=True)
    assert not document.select("[data-strata-term], .prose h2 a.term, .prose a a.term")


def test_every_backlink_of_the_glossary_resolves(site):
    backlinks = glossary_backlinks(site)
    assert len(backlinks) >= 30
    for backlink in backlinks:
        target = urlparse(backlink.href)
        anchor = soup(site, target.path).find(id=target.fragment)
        assert anchor is not None, backlink
        assert anchor.name == "a"
        assert "term" in anchor["class"]
        assert anchor["href"].endswith(f"glossary.html#{backlink.entry}")
    # A backlink is labelled with its tier (after its topic's title when the site has several topics).
    labels = [backlink.label for backlink in backlinks if backlink.entry == "hpg-axis"]
    title = soup(site, f"{TOPIC}/index.html").h1.get_text(strip=True)
    first = config_of(REAL).tiers[0].label
    assert labels
    assert all(label.removeprefix(title).lstrip(" —:")[:1] for label in labels)
    assert any(label.removeprefix(title).lstrip(" —:").startswith(first) for label in labels), labels


def test_each_tier_where_a_term_is_marked_has_a_backlink(site):
    backlinks = {(backlink.entry, backlink.href) for backlink in glossary_backlinks(site)}
    for tier in TIERS:
        for term in soup(site, f"{TOPIC}/{tier}.html").select(".prose a.term"):
            slug = term["href"].split("#")[1]
            assert (slug, f"{TOPIC}/{tier}.html#{term['id']}") in backlinks
