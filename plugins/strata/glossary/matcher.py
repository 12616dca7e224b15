"""Find glossary terms in plain text: one compiled regular expression per glossary, no HTML here.

The expression is a *trie* of every name (term and aliases, lower-cased), so that at
each position of the text the engine follows at most one branch per character:
the cost grows with the length of the text, not with the number of terms (a plain
``a|b|c|…`` alternation would try every term at every position). Rules:

- whole words: a name matches only where it is not preceded or followed by a
  letter or digit, so the alias ``PT`` never matches inside ``PTH``; a hyphen
  between letters joins words (``pituitary`` is not matched in ``Hypothalamic-Pituitary``).
  Next to a letter of a script written without spaces (Chinese, Japanese kana, Thai), a name is a
  word all the same: ``水分補給`` is found in ``夏は水分補給が大切です``, ``ビタミンD`` in ``ビタミンDは``;
  in Korean, a name may be followed by the particle written onto it (``탈수`` in ``탈수는``);
- case-insensitive: the expression (of lower-case names) runs over the text lower-cased, which
  keeps every position in all but a few scripts (``İ`` lower-cases to two characters); in a text
  where it would not, the same expression runs ignoring case. Matching without ``IGNORECASE``
  costs a third less with 1,000 terms;
- any run of white space in the text matches a space of a name;
- simple English plurals: an optional ``s`` / ``es`` after each name, and a name
  ending in a plural ``s`` (``Leydig cells``) also matches its singular;
- longest match wins at a position (``HPG axis suppression`` over ``HPG axis``);
- a name is also found spelt as its language writes it otherwise: ``ß`` as ``ss`` and the ligatures ``æ``, ``œ``
  as two letters, in any case (``Fußball`` in ``FUSSBALL`` and in Swiss ``Fussball``); Greek without its accents,
  but only in capitals, where Greek drops them (``σοφός`` in ``ΣΟΦΟΣ``, not in ``σοφος``: ``νόμος`` is not
  ``νομός``). Other letters are compared as written, accents included (``café`` is not ``cafe``);
- the text is compared after :func:`strata.names.normalise`, which maps look-alike characters
  (non-breaking spaces and hyphens, curly quotes) one-for-one, so the positions
  of a match are the positions in the original text, which is never changed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import cached_property
from typing import Generic, NamedTuple, TypeVar

from ..names import LATIN_LETTERS, name_key, normalise

T = TypeVar("T")

_SPACE = " "  # marks "one or more white-space characters" in the trie
_PLURAL = "(?:e?s)?"
# Not preceded (followed) by a letter or digit, nor by a hyphen joined to one: "PT" is not in "PTH",
# "pituitary" is not in "Hypothalamic-Pituitary-Gonadal", "TRT" is not in "post-TRT".
_BEFORE = r"(?<![^\W_])(?<![^\W_]-)"
_AFTER = r"(?![^\W_])(?!-[^\W_])"
# Letters of scripts written without spaces between words: Thai, Japanese kana, Chinese (Han), half-width kana.
_SPACELESS = "\u0e00-\u0e7f\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
_SPACELESS_LETTER = re.compile(f"[{_SPACELESS}]")
# The edges of a name in a text holding such letters: a word edge, or a letter of those scripts on either side.
_BEFORE_SPACELESS = rf"(?:{_BEFORE}|(?<=[{_SPACELESS}])|(?=[{_SPACELESS}]))"
_AFTER_SPACELESS = rf"(?:{_AFTER}|(?<=[{_SPACELESS}])|(?=[{_SPACELESS}]))"
# Korean writes its particles onto the word (탈수는, 물을, DNA를): a name may be followed by Hangul syllables.
_HANGUL = "\uac00-\ud7a3"
_HANGUL_LETTER = re.compile(f"[{_HANGUL}]")
_AFTER_HANGUL = rf"(?:{_AFTER}|(?=[{_HANGUL}]))"


# Other spellings of a name: in any case, ß and the ligatures written out; in capitals, Greek without its accents
# (tonos, and the polytonic accents and breathings; a diaeresis stays, as it does in capitals).
_SPELT_OUT = str.maketrans({letter: LATIN_LETTERS[letter] for letter in "ßæœ"})  # spellings, not foldings (ø is not o)
_GREEK = re.compile("[\u0370-\u03ff\u1f00-\u1fff]")
_GREEK_ACCENTS = re.compile("([\u0370-\u03ff]\u0308?)[\u0300\u0301\u0313\u0314\u0342]+")
# An accented vowel before ι or υ (μάιος, ρολόι): in capitals the ι or υ takes a diaeresis (ΜΑΪΟΣ, ΡΟΛΟΪ).
_GREEK_NOT_A_DIPHTHONG = re.compile("([αεου]\u0301)([ιυ])(?![\u0300-\u036f])")


def _spelt_out(key: str) -> str:
    """``fußball`` → ``fussball``, ``cœur`` → ``coeur``: how the name is also written, in any case."""
    return key.translate(_SPELT_OUT)


def _in_capitals(key: str) -> set[str]:
    """``σοφός`` → ``{"σοφος"}``, ``μάιος`` → ``{"μαϊος", "μαιος"}``: a Greek name as it is written in capitals
    (lower-cased; also without the diaeresis that is often left out); else no spelling."""
    if not _GREEK.search(key):
        return set()
    decomposed = unicodedata.normalize("NFD", key)
    marked = _GREEK_NOT_A_DIPHTHONG.sub("\\1\\2\u0308", decomposed)
    return {unicodedata.normalize("NFC", _GREEK_ACCENTS.sub(r"\1", text)) for text in (marked, decomposed)} - {key}


def _stem(key: str) -> str:
    """The singular of a plural-looking name (``leydig cells`` → ``leydig cell``), else the name."""
    last = key.rsplit(" ", 1)[-1]
    if len(last) > 3 and last.endswith("s") and not last.endswith(("ss", "is", "us")):
        return key[:-1]
    return key


class Match(NamedTuple, Generic[T]):
    """One occurrence: ``text[start:end]`` names ``value`` (a tuple: cheap to make, one per occurrence)."""

    start: int
    end: int
    value: T


class Matcher(Generic[T]):
    """A compiled matcher for ``{name: value}``; build it once and reuse it for every page."""

    def __init__(self, names: Iterable[tuple[str, T]]):
        self._values: dict[str, T] = {}
        stems: dict[str, T] = {}
        for name, value in names:
            key = name_key(name)
            if not key:
                continue
            self._values.setdefault(key, value)
            stems.setdefault(_stem(key), value)
        for stem, value in stems.items():
            self._values.setdefault(stem, value)
        self._spelt: dict[str, T] = {}  # other spellings, found in any case
        self._capitals: dict[str, T] = {}  # other spellings, found where the text is in capitals
        for key, value in self._values.items():
            if _spelt_out(key) != key:
                self._spelt.setdefault(_spelt_out(key), value)
            for spelling in _in_capitals(key):
                self._capitals.setdefault(spelling, value)
        trie: dict = {}
        for spelling in {spelling for stem in stems for spelling in (stem, _spelt_out(stem), *_in_capitals(stem))}:
            node = trie
            for char in re.sub(r" ", _SPACE, spelling):
                node = node.setdefault(char, {})
            node[""] = True
        self._names = _trie_pattern(trie) if trie else None
        self.pattern = re.compile(_BEFORE + self._names + _AFTER) if trie else None  # of lower-case text: see scan()
        self._seen: dict[str, T | None] = {}

    def __len__(self) -> int:
        return len(self._values)

    def lookup(self, matched: str) -> T | None:
        """The value named by ``matched``, as written in the text (exact name, then without a plural ending;
        then spelt otherwise, and in capitals a Greek name without its accents)."""
        key = name_key(matched)
        candidates = (key, key[:-1] if key.endswith("s") else None, key[:-2] if key.endswith("es") else None)
        for table in (self._values, self._spelt, self._capitals if matched.isupper() else {}):
            for candidate in candidates:
                if candidate and candidate in table:
                    return table[candidate]
        return None

    def value_of(self, matched: str) -> T | None:
        """:meth:`lookup`, remembered per matched text as written (the same words recur on every page)."""
        seen = self._seen
        return seen[matched] if matched in seen else seen.setdefault(matched, self.lookup(matched))

    def _variant(self, spaceless: bool, any_case: bool, korean: bool = False) -> re.Pattern:
        """The expression for a text holding letters of a script without spaces, or Korean, or one that must be
        read ignoring case (made when first needed: most sites need none)."""
        key = (spaceless, any_case, korean)
        if key not in self._variants:
            before, after = (_BEFORE_SPACELESS, _AFTER_SPACELESS) if spaceless else (_BEFORE, _AFTER)
            if korean:
                after = f"(?:{after}|{_AFTER_HANGUL})"
            self._variants[key] = re.compile(before + self._names + after, re.IGNORECASE if any_case else 0)
        return self._variants[key]

    @cached_property
    def _variants(self) -> dict[tuple[bool, bool, bool], re.Pattern]:
        return {(False, False, False): self.pattern}

    def scan(self, text: str) -> Iterator[re.Match]:
        """The expression's matches in ``text`` (positions and lengths are ``text``'s; the matched strings are
        lower case, or as written where lower-casing would move positions: name a match's value by
        ``value_of(text[start:end])``); nothing without a name."""
        if self.pattern is None:
            return iter(())
        if text.isascii():  # most text: no look-alike, no other script, and lower() keeps every position
            return self.pattern.finditer(text.lower())
        text = normalise(text)
        lowered = text.lower()  # never shorter than the text: the same length means the same positions
        any_case = len(lowered) != len(text)
        pattern = self._variant(_SPACELESS_LETTER.search(text) is not None, any_case,
                                not text.isascii() and _HANGUL_LETTER.search(text) is not None)
        return pattern.finditer(text if any_case else lowered)

    def finditer(self, text: str) -> Iterator[Match[T]]:
        """Every non-overlapping occurrence in ``text``, left to right, the longest at each position."""
        for found in self.scan(text):
            value = self.value_of(text[found.start():found.end()])
            if value is not None:
                yield Match(found.start(), found.end(), value)


def _trie_pattern(node: dict) -> str:
    """A regular expression for the trie below ``node``; longer continuations are tried first."""
    branches = []
    for char in sorted((c for c in node if c), key=lambda c: (c == _SPACE, c)):
        atom = r"\s+" if char == _SPACE else re.escape(char)
        branches.append(atom + _trie_pattern(node[char]))
    if "" in node:
        # Greedy: try the continuations (and the plural ending), then end the name here.
        return f"(?:(?:{'|'.join(branches)})|{_PLURAL})" if branches else _PLURAL
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
