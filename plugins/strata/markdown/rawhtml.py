"""The raw HTML an author wrote in a page, as Python-Markdown keeps it: start tags, and elements with their
words, with their source lines.

Python-Markdown does not parse raw HTML; it keeps each block (and each inline tag)
as an opaque string in ``md.htmlStash`` and pastes it back after rendering. Checks
that must see it (safety, image alt text, link text, heading levels) read it here, with ``html_tokens``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from markdown.util import HTML_PLACEHOLDER_RE

from ..html_tokens import VOID_ELEMENTS, EndTag, StartTag, Text, tokens


@dataclass(frozen=True)
class StashedTag:
    """A start tag of the author's raw HTML and the lines of the block it is in."""

    tag: StartTag
    lines: list[str]

    def needle(self, near: str | re.Pattern | None = None) -> str:
        """The text of the source line to report: the first line from the tag's own that holds ``near``
        (e.g. an attribute of a tag written over several lines), else the tag's line."""
        start = min(self.tag.line, len(self.lines)) - 1
        if near is not None:
            for line in self.lines[start:]:
                if (near.search(line) if isinstance(near, re.Pattern) else near in line):
                    return line
        return self.lines[start]


def stashed_start_tags(md) -> Iterator[StashedTag]:
    """Every start tag in the stash, in order.

    Run this from a treeprocessor: by then the stash holds every raw block and inline tag, and
    extensions that render their own HTML late (the quiz) have not filled their slots yet.
    """
    for chunk in md.htmlStash.rawHtmlBlocks:
        if not isinstance(chunk, str) or "<" not in chunk:
            continue
        lines = chunk.split("\n")
        for token in tokens(chunk):
            if isinstance(token, StartTag):
                yield StashedTag(token, lines)


def raw_blocks(stash: list, kind: re.Pattern) -> dict[int, str]:
    """The raw HTML chunks of ``stash`` (``md.htmlStash.rawHtmlBlocks``) in which ``kind`` is found, by index."""
    return {index: raw for index, raw in enumerate(stash) if isinstance(raw, str) and kind.search(raw)}


def raw_block(element: etree.Element, blocks: dict[int, str]) -> str | None:
    """The chunk of ``blocks`` that ``element`` stands for: a block of raw HTML sits in the tree as a paragraph
    holding its placeholder alone. None for any other element."""
    if len(element) or not element.text:
        return None
    found = HTML_PLACEHOLDER_RE.fullmatch(element.text.strip())
    return blocks.get(int(found.group(1))) if found else None


def attribute_needle(name: str) -> re.Pattern:
    """Where an attribute is written in the source: ``name=`` (raw HTML or an ``{: name=… }`` list)."""
    return re.compile(rf"(?<![\w:-]){re.escape(name)}\s*=", re.IGNORECASE)


def elements_with_words(block: str, names: frozenset[str]) -> Iterator[tuple[StartTag, str, str]]:
    """Each element of ``names`` in the raw HTML ``block`` that ends in it, with its words (its text and the
    ``alt`` of its images, what a screen reader says of it) and the source line of its start tag. Elements of
    ``names`` do not nest (links, headings)."""
    element, words = None, []
    for token in tokens(block):
        if isinstance(token, StartTag) and token.name in names and element is None:
            element, words = token, []
        elif element is None:
            continue
        elif isinstance(token, Text):
            words.append(token.data)
        elif isinstance(token, StartTag) and token.name == "img":
            words.append(token.attrs.get("alt", ""))
        elif isinstance(token, EndTag) and token.name == element.name:
            yield element, " ".join(words), block.split("\n")[element.line - 1]
            element = None


@lru_cache(maxsize=1024)
def element_tags(chunk: str) -> tuple[tuple[str, StartTag | None], ...]:
    """The tags of a raw HTML chunk that open or close an element, in order: ``(name, the start tag)`` for a start
    tag, ``(name, None)`` for an end tag (the same tags recur on every page)."""
    return tuple((token.name, token if isinstance(token, StartTag) else None) for token in tokens(chunk)
                 if isinstance(token, EndTag) or (isinstance(token, StartTag) and not token.self_closing
                                                  and token.name not in VOID_ELEMENTS))


class RawElements:
    """The author's inline raw elements open at a point of a walk through the tree in document order (a raw
    ``<a href>`` around Markdown text): give :meth:`read` (or :meth:`follow`) each text and tail as the walk
    passes it, and :meth:`close_to` the depth :attr:`open` had when a Markdown element began, as the walk leaves
    it (a raw element left open ends with the Markdown element it is in). ``tracks(start tag, open)`` says which
    elements are kept in :attr:`open` (by default every one)."""

    def __init__(self, md, tracks=lambda tag, open_: True):
        self.stash, self.tracks = md.htmlStash.rawHtmlBlocks, tracks
        self.open: list[str] = []

    def follow(self, text: str | None) -> Iterator[re.Match]:
        """Each placeholder of ``text`` in order, once the tags of its raw HTML have opened or closed elements."""
        for placeholder in HTML_PLACEHOLDER_RE.finditer(text or ""):
            index = int(placeholder.group(1))
            chunk = self.stash[index] if index < len(self.stash) else None
            if isinstance(chunk, str) and "<" in chunk:
                for name, start in element_tags(chunk):
                    if start is not None:
                        if self.tracks(start, self.open):
                            self.open.append(name)
                    elif name in self.open:  # closes the last one of that name, and those in it
                        del self.open[len(self.open) - 1 - self.open[::-1].index(name):]
            yield placeholder

    def read(self, text: str | None) -> None:
        for _ in self.follow(text):
            pass

    def close_to(self, depth: int) -> None:
        del self.open[depth:]
