"""The fast ways of splitting, stemming and weighing give exactly what the plain ways give: ``words`` splits
ASCII text without the regular expression, ``terms`` and ``term_counts`` look words up in a table built as
they go, ``analyse`` works out each count's weight once."""

from __future__ import annotations

from collections import Counter

import pytest

from strata.search.docs import SearchDoc
from strata.search.index import analyse, weight
from strata.search.shards import ALPHABET
from strata.search.text import (
    UNSPACED_RUN,
    WORD,
    WORD_OR_RUN,
    analyzer,
    bigrams,
    fold,
    is_unspaced,
    term_counts,
    terms,
    words,
)
from tests.support.site import ROOT

SAMPLES = [
    "snake_case words_with__underscores __init__ a_b _",
    "Tabs\tnew\nlines\r\x0bvertical\x0cfeed\x1cfile\x1dgroup\x1erecord\x1funit\x7fdel\x00nul",
    "Men's café — “quoted” it’s 5α-reductase 3.14 x86_64 C++ e-mail 1,000 -5 #tag @at",
    "UPPER lower MiXeD 123abc abc123 ½ ² ① Ⅻ",
    "Straße Łódź İstanbul ǅ ﬁle naïve\u0085next\u00a0nbsp",
    "水分補給が大切 The runners 走る ｶﾞｽ กินข้าว",
    "Los niños corrían rápidamente por las calles; ¿cómo estás?",
    "the of and a I",
    "",
    "   ",
    "'''",
    "a",
    "".join(map(chr, range(128))),
]


def plain_words(text: str) -> list[str]:
    folded = fold(text)
    return WORD_OR_RUN.findall(folded) if UNSPACED_RUN.search(folded) else WORD.findall(folded)


def plain_terms(text: str, lang: str) -> list[str]:
    stem, stop_words = analyzer(lang)
    found = []
    for word in plain_words(text):
        if is_unspaced(word):
            found += bigrams(word) + ([word[-1]] if len(word) > 1 else [])
        elif word not in stop_words:
            found.append(stem(word))
    return found


@pytest.mark.parametrize("text", SAMPLES)
def test_words_are_the_regular_expressions_words(text):
    assert words(text) == plain_words(text)


def test_words_of_the_articles_content_are_the_regular_expressions_words():
    for source in sorted((ROOT / "content").rglob("*.md")):
        text = source.read_text(encoding="utf-8")
        assert words(text) == plain_words(text), source


@pytest.mark.parametrize("lang", ["en", "es", "th"])
@pytest.mark.parametrize("text", SAMPLES)
def test_terms_and_their_counts_are_the_plain_ones(text, lang):
    twice = f"{text} {text.upper()}"  # words met again, now known to the table
    for sample in (text, twice):
        assert terms(sample, lang) == plain_terms(sample, lang)
        assert term_counts(sample, lang) == Counter(plain_terms(sample, lang))


def plain_analysis(doc: SearchDoc, lang: str) -> dict[str, str]:
    body, title = Counter(plain_terms(doc.text, lang)), set(plain_terms(f"{doc.title} {doc.keywords}", lang))
    length = sum(body.values())
    return {term: ALPHABET[weight(body[term], length, term in title, doc.glossary)] for term in body.keys() | title}


DOCS = [
    SearchDoc("a.html#s", "Sleep and runners", "A", "Fundamentals",
              "Sleep helps the heart. Runners sleep well, sleep long; the heart runs. Food."),
    SearchDoc("g.html#s", "sleep", "Glossary", "Glossary", "A state of rest, like sleep.", "slumber nap", True),
    SearchDoc("a.html#t", "Title only", "A", "Overview", ""),
    SearchDoc("a.html#u", "", "A", "Overview", "the of and"),
    SearchDoc("a.html#v", "水分補給", "A", "Overview", "水分補給が大切 water water"),
]


@pytest.mark.parametrize("doc", DOCS, ids=[doc.url for doc in DOCS])
def test_analysis_weighs_each_term_as_the_plain_formula(doc):
    found, weights = analyse(doc, "en")
    assert len(set(found)) == len(found) == len(weights)
    assert dict(zip(found, map(chr, weights), strict=True)) == plain_analysis(doc, "en")
