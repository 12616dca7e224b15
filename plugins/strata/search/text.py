"""From text to index terms: fold, split, drop stop words, stem. The browser does the same (search.js).

Stemming and stop words are the language's: Porter and lunr's list for English, Snowball for Spanish
(:mod:`.spanish`, ported in ``search-es.js``); a language with neither is folded and split only.

``fold`` lower-cases, decomposes (NFKD) and drops combining marks and apostrophes,
so ``Café`` and ``cafe`` meet and ``men's`` is one word (kana keep their voicing marks:
``が`` is not ``か``); Latin letters that are not a letter and a mark are written as the letters
they stand for (:data:`LETTERS`: ``Straße`` is ``strasse``, ``Łódź`` ``lodz``); a word is then
a run of letters and digits. Scripts written without
spaces (Han, Hiragana, Katakana, Thai) have no words to split: a run of their letters is
one "word", indexed as its overlapping character pairs (:func:`bigrams`), as search engines
without a dictionary do. ``tests/search/test_text_js.py`` checks that search.js folds,
splits and stems a word list exactly as this module does.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator

from ..names import LATIN_LETTERS
from . import spanish
from .stemmer import stem

WORD = re.compile(r"[^\W_]+")
ASCII_NOT_WORD = {code: " " for code in range(128) if not chr(code).isalnum()}  # WORD's complement in ASCII
# The letters of scripts written without spaces: Thai, Japanese iteration marks, Hiragana, Katakana, CJK ideographs.
UNSPACED = ("\u0e01-\u0e30\u0e32\u0e33\u0e40-\u0e46\u3005-\u3007\u3041-\u3096\u309d-\u309f\u30a1-\u30fa"
            "\u30fc-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f")
WORD_OR_RUN = re.compile(f"[{UNSPACED}]+|[^\\W_{UNSPACED}]+")
UNSPACED_RUN = re.compile(f"[{UNSPACED}]")
VOICED_KANA = re.compile("[\u3041-\u30ff][\u3099\u309a]")  # a kana and its (decomposed) voicing mark

# Letters Unicode does not decompose, spelt out (names.LATIN_LETTERS), and the Greek final sigma, the letter sigma
# (search.js LETTERS: the same table).
LETTERS = {**LATIN_LETTERS, "ς": "σ"}

# lunr's English stop words (the same list lunr.js and lunr.py use).
_STOP_WORD_LIST = """
a able about across after all almost also am among an and any are as at be because been but by can cannot
could dear did do does either else ever every for from get got had has have he her hers him his how however i
if in into is it its just least let like likely may me might most must my neither no nor not of off often on
only or other our own rather said say says she should since so some than that the their them then there these
they this tis to too twas us wants was we were what when where which while who whom why will with would yet
you your
"""
STOP_WORDS = frozenset(_STOP_WORD_LIST.split())


def fold(text: str) -> str:
    """Lower case without accents or apostrophes, letters of :data:`LETTERS` spelt out:
    ``"Café Men's Straße"`` → ``"cafe mens strasse"``."""
    text = text.lower().replace("'", "").replace("’", "")
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text)
    if "\u3099" in text or "\u309a" in text:
        text = VOICED_KANA.sub(lambda pair: unicodedata.normalize("NFC", pair.group()), text)
    # Each distinct character looked at once: a mark goes (LETTERS.get gives None), a letter of LETTERS is spelt out.
    table = {ord(c): LETTERS.get(c) for c in set(text) if c in LETTERS or _is_mark(c)}
    return text.translate(table) if table else text


def _is_mark(character: str) -> bool:
    """A combining mark (an accent once decomposed)."""
    return not character.isascii() and (unicodedata.combining(character) != 0
                                         or unicodedata.category(character)[0] == "M")


def words(text: str) -> list[str]:
    """The folded words of ``text``, in order; a run of unspaced script (``水分補給が大切``) is one."""
    return _split(fold(text))[0]


def _split(folded: str) -> tuple[list[str], bool]:
    """The words of folded text, and whether any of them is a run of unspaced script."""
    if folded.isascii():  # most text: a translation and a split find WORD's words several times faster
        return folded.translate(ASCII_NOT_WORD).split(), False
    if UNSPACED_RUN.search(folded):
        return WORD_OR_RUN.findall(folded), True
    return WORD.findall(folded), False


def is_unspaced(word: str) -> bool:
    """Whether ``word`` (a word of :func:`words`, or a term) is of a script written without spaces."""
    return word[0] > "\u0dff" and UNSPACED_RUN.match(word) is not None


def bigrams(run: str) -> list[str]:
    """The overlapping character pairs of a run of unspaced script; a run of one character is itself."""
    return [run[i:i + 2] for i in range(len(run) - 1)] or [run]


LANGUAGES = {"en": (stem, STOP_WORDS), "es": (spanish.stem, spanish.STOP_WORDS)}


def analyzer(lang: str):
    """``(stem, stop words)`` for a language (``es-MX`` uses ``es``); no stemming for one without a stemmer."""
    return LANGUAGES.get(lang.replace("_", "-").split("-")[0].lower(), (str, frozenset()))


def terms(text: str, lang: str = "en") -> list[str]:
    """The index terms of ``text`` in language ``lang``: its words without stop words, stemmed (repeats kept).
    A run of unspaced script gives its :func:`bigrams` and its last character alone: every character of the
    run then starts a term, which is how search.js finds a one-character query (``魚``) anywhere in a run."""
    return [term for term in _terms_and_stop_words(text, lang) if term is not None]


def term_counts(text: str, lang: str = "en") -> Counter[str]:
    """How many times each of the :func:`terms` of ``text`` occurs in it."""
    counts = Counter(_terms_and_stop_words(text, lang))
    counts.pop(None, None)
    return counts


def _terms_and_stop_words(text: str, lang: str) -> Iterable[str | None]:
    """The term of each word of ``text`` in order, None for a stop word; a run of unspaced script gives its terms."""
    term_of = _TERMS.get(lang)
    if term_of is None or len(term_of) > KEPT_WORDS:
        term_of = _TERMS[lang] = WordTerms(lang)
    found, has_runs = _split(fold(text))
    if has_runs:
        return _with_runs(found, term_of)
    return map(term_of.__getitem__, found)  # no Python code per word once the table knows it


def _with_runs(found: list[str], term_of: WordTerms) -> Iterator[str | None]:
    """:func:`_terms_and_stop_words` of words some of which are runs of unspaced script."""
    for word in found:
        if is_unspaced(word):  # a phrase, not kept in the table
            yield from bigrams(word)
            if len(word) > 1:
                yield word[-1]
        else:
            yield term_of[word]


class WordTerms(dict):
    """Word → its term in one language (None: a stop word), each worked out on first use."""

    def __init__(self, lang: str):
        super().__init__()
        self.stem, self.stop_words = analyzer(lang)

    def __missing__(self, word: str) -> str | None:
        term = self[word] = None if word in self.stop_words else self.stem(word)
        return term


_TERMS: dict[str, WordTerms] = {}  # language → its table, kept from build to build (a word's term never changes)
KEPT_WORDS = 200_000  # a site's vocabulary; beyond it (many rebuilds, many words) the table starts again
