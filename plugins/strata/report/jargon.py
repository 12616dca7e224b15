"""Rare words: candidates for the glossary, and the share of them that it defines.

A word is rare when its frequency in general English, from ``wordfreq``'s word
lists (shipped inside the package: nothing is downloaded), is below a Zipf value
(``rare_word_zipf``, default 3: fewer than one use per million words). A rare word
is *defined* when it is part of a glossary term or alias found in the text, by
the same matcher that links terms on the pages.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from ..glossary.matcher import Matcher
from .lines import tokens


@cache
def zipf(word: str) -> float:
    from wordfreq import zipf_frequency  # imported on first use: only `check` needs the word lists

    return zipf_frequency(word, "en")


@dataclass(frozen=True)
class RareWord:
    """A rare word of a text: how often and on which source lines it is used, and whether it is defined."""

    word: str
    count: int
    lines: tuple[int, ...]
    defined: bool


def is_word(text: str) -> bool:
    return any(c.isalpha() for c in text) and len(text) > 1


def rare_words(located: Iterable[tuple[str, list[int | None]]], matcher: Matcher, threshold: float) -> list[RareWord]:
    """The rare words of ``located`` sentences (text, source line of each word), most used first."""
    uses: dict[str, list[int | None]] = {}
    spelling: dict[str, str] = {}
    defined: set[str] = set()
    for text, lines in located:
        spans = [(m.start, m.end) for m in matcher.finditer(text)]
        for match, line in zip(tokens(text), lines, strict=True):
            word = match.group()
            key = word.casefold()
            if not is_word(word) or zipf(key) >= threshold:
                continue
            uses.setdefault(key, []).append(line)
            spelling.setdefault(key, word)
            if any(start <= match.start() and match.end() <= end for start, end in spans):
                defined.add(key)
    found = [RareWord(spelling[key], len(lines), tuple(sorted({n for n in lines if n})), key in defined)
             for key, lines in uses.items()]
    return sorted(found, key=lambda w: (-w.count, w.word.casefold()))
