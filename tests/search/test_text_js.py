"""search.js (with search-en.js, its English stemmer and stop words) folds, splits, drops stop words and stems
exactly as plugins/strata/search/text.py does."""

from __future__ import annotations

import re

import pytest

from strata.search.index import shard_key
from strata.search.stemmer import stem
from strata.search.text import LETTERS, STOP_WORDS, bigrams, fold, is_unspaced, words
from tests.support.site import ROOT

pytestmark = pytest.mark.browser

SCRIPTS = [ROOT / "theme" / "components" / "search" / name for name in ("search-en.js", "search.js")]
# Words that exercise every rule of the Porter stemmer (from Porter's paper and its test vocabulary).
_PORTER_TEXT = """
caresses ponies ties caress cats feed agreed plastered bled motoring sing conflated troubled sized
hopping tanned falling hissing fizzed failing filing happy sky relational conditional rational
valenci hesitanci digitizer conformabli radicalli differentli vileli analogousli vietnamization
predication operator feudalism decisiveness hopefulness callousness formaliti sensitiviti
sensibiliti triplicate formative formalize electriciti electrical hopeful goodness revival allowance
inference airliner gyroscopic adjustable defensible irritant replacement adjustment dependent
adoption homologou communism activate angulariti homologous effective bowdlerize probate rate cease
controll roll generalizations oscillators lay try by yes a is ion sion tion eed eeds ied ies ss sses
"""
PORTER_WORDS = _PORTER_TEXT.split()
FOLDING = ["Café", "naïve Ångström", "Men's health", "don’t", "ﬁbre", "5α-reductase", "İstanbul", "ÉCOLE",
           "coöperate", "Straße", "Hypothalamic–Pituitary–Gonadal", "x²", "ǅemal",
           # letters Unicode does not decompose, each as written and in capitals (some with a mark too)
           "".join(LETTERS), "".join(LETTERS).upper(), "FUẞBALL Łódź Øresund Ærø œuvre đường Þórr ǿ ǽ ΣΟΦΟΣ σοφός"]
# Scripts written without spaces, alone and among others: runs, kana voicing marks, half-width and
# compatibility forms, a character beyond the BMP (a surrogate pair in JavaScript), Thai.
UNSPACED = ["夏は水分補給が大切です。日本では魚をよく食べます。", "ビタミンDは骨に大切", "ﾊﾞｽとパスとガス", "ゔァ ヴ",
            "高血压（hypertension）很常见", "𠮟る・叱る", "株式会社㈱", "々〆〇ヽヾゝゞー", "กินข้าวแล้ว ไหม", "魚",
            "Café 水 naïve"]


SUFFIXES = ("s", "es", "ies", "ed", "ing", "ly", "y", "ness", "ational", "ization", "ful", "ive", "ement", "ic",
            "al", "ance", "ence", "er", "able", "ism", "iti", "ous", "ize", "e", "ll", "eed")


def word_list() -> list[str]:
    """The words of the content and the source article, each also with common suffixes, and Porter's words."""
    text = (ROOT / "tests" / "fixtures" / "source-article.txt").read_text(encoding="utf-8")
    for path in sorted((ROOT / "content").rglob("*.*")):
        text += path.read_text(encoding="utf-8")
    found = {w for w in words(text) if w.isalpha()}
    return sorted({*found, *(w + s for w in found for s in SUFFIXES), *PORTER_WORDS})


@pytest.fixture
def js(page):
    page.set_content("<!doctype html><title>t</title>")
    for script in SCRIPTS:  # in the bundle's order
        page.add_script_tag(path=str(script))
    return page


def test_stems_agree_on_every_word_of_the_content_and_porters_vocabulary(js):
    vocabulary = word_list()
    assert len(vocabulary) > 20_000
    stems = js.evaluate("words => words.map(w => window.StrataSearchLanguages.en.stem(w))", vocabulary)
    disagreements = [(w, stem(w), s) for w, s in zip(vocabulary, stems, strict=True) if stem(w) != s]
    assert disagreements == []


def test_folding_and_splitting_agree(js):
    assert js.evaluate("texts => texts.map(t => window.StrataSearch.fold(t))", FOLDING) == [fold(t) for t in FOLDING]
    assert js.evaluate("texts => texts.map(t => window.StrataSearch.words(t))", FOLDING) == [
        words(t) for t in FOLDING]


def test_unspaced_scripts_fold_split_pair_and_shard_alike(js):
    assert js.evaluate("texts => texts.map(t => window.StrataSearch.fold(t))", UNSPACED) == [
        fold(t) for t in UNSPACED]
    assert js.evaluate("texts => texts.map(t => window.StrataSearch.words(t))", UNSPACED) == [
        words(t) for t in UNSPACED]
    found = [w for t in UNSPACED for w in words(t)]
    runs = [w for w in found if is_unspaced(w)]
    assert js.evaluate("runs => runs.map(r => window.StrataSearch.bigrams(r))", runs) == [bigrams(r) for r in runs]
    terms = [t for r in runs for t in bigrams(r)] + [r[-1] for r in runs] + [w for w in found if w not in runs]
    assert js.evaluate("terms => terms.map(t => window.StrataSearch.shardKey(t))", terms) == [
        shard_key(t) for t in terms]


def test_stop_words_agree(js):
    assert set(js.evaluate("() => Object.keys(window.StrataSearchLanguages.en.stopWords)")) == STOP_WORDS


def test_stemmer_matches_the_reference_outputs():
    """A few outputs of Porter's reference implementation (tartarus.org voc.txt/output.txt)."""
    expected = {"caresses": "caress", "ponies": "poni", "relational": "relat", "hopping": "hop",
                "generalizations": "gener", "oscillators": "oscil", "happy": "happi", "sky": "sky",
                "bowdlerize": "bowdler", "controll": "control", "roll": "roll", "electrical": "electr"}
    assert {w: stem(w) for w in expected} == expected
    assert all(re.fullmatch(r"[a-z]+", stem(w)) for w in PORTER_WORDS)
