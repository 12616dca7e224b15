"""Where a sentence of a page's text is in the page's Markdown source.

The measured text comes from the rendered page, where Markdown syntax is gone
(``**bold**``, ``[[term|shown]]``, links) and lines are joined. Both are compared
as sequences of words: a sentence is placed at the first run of source words,
after the previous sentence, that starts with its first words in order (a few
words of markup may come between two of them); each of its words gets the line
of the source word it matched.
"""

from __future__ import annotations

import bisect
import re

TOKEN = re.compile(r"[^\W_]+")
HEADER = re.compile(r"(?:[A-Za-z][\w-]*:[^\n]*\n)+\n")
ANCHOR_WORDS = 4  # words that must follow in order for a sentence to start at a source word
GAP = 8  # source words (markup, a link's URL) that may come between two words of a sentence


def tokens(text: str) -> list[re.Match]:
    return list(TOKEN.finditer(text))


class SourceLines:
    """The words of a Markdown source with their lines; :meth:`locate` places sentences in reading order."""

    def __init__(self, source: str):
        starts = [0] + [m.end() for m in re.finditer(r"\n", source)]
        header = HEADER.match(source)  # the metadata lines, never part of the text
        found = [m for m in tokens(source) if not header or m.start() >= header.end()]
        self.words = [m.group().casefold() for m in found]
        self.lines = [bisect.bisect_right(starts, m.start()) for m in found]
        self.cursor = 0

    def _follows(self, position: int, words: list[str], gap: int = GAP) -> int | None:
        """The index of ``words[0]`` at or after ``position`` (at most ``gap`` words later), followed by the
        rest of ``words`` in the same way."""
        for start in range(position, min(position + gap + 1, len(self.words))):
            if self.words[start] == words[0]:
                rest = self._follows(start + 1, words[1:], gap) if len(words) > 1 else start
                if rest is not None:
                    return start
        return None

    def _anchor(self, words: list[str]) -> int | None:
        """Where the sentence starts: its first words in a row after the previous sentence, else with markup
        between them, else anywhere in the source."""
        head = words[:ANCHOR_WORDS]
        for origin, gap in ((self.cursor, 0), (self.cursor, GAP), (0, 0), (0, GAP)):
            for start in range(origin, len(self.words)):
                if self.words[start] == head[0] and (
                        len(head) == 1 or self._follows(start + 1, head[1:], gap) is not None):
                    return start
        return None

    def locate(self, text: str) -> list[int | None]:
        """The source line of each word of ``text`` (as :data:`TOKEN` splits it); None where not found."""
        words = [m.group().casefold() for m in tokens(text)]
        if not words:
            return []
        start = self._anchor(words)
        if start is None:
            return [None] * len(words)
        found, position = [], start
        for word in words:
            index = self._follows(position, [word])
            found.append(self.lines[index] if index is not None else None)
            if index is not None:
                position = index + 1
        self.cursor = position
        filled, last = [], found[0]
        for line in found:
            last = line if line is not None else last
            filled.append(last)
        return filled
