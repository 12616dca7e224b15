"""Character references as characters: ``&nbsp;``, ``&rsquo;`` … in the tree's text become the characters.

Python-Markdown keeps an entity the author typed (``HPG&nbsp;axis``) and the
quotes and dashes of ``smarty`` as raw-HTML placeholders in the element tree, so
text read from the tree would hold ``HPG\\x02wzxhzdk:0\\x03axis``. This tree
processor (priority -1, after every inline step) puts the characters themselves
in the text; the serializer escapes what must be escaped (``&``, ``<``), so the
page shows exactly the same. Glossary matching and section text then see what
the reader sees.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

CHARACTER_REFERENCE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
UNTOUCHED = frozenset({"code", "pre", "script", "style"})


def resolve_references(text: str | None, stash: list) -> str | None:
    """``text`` with each placeholder of a character reference in ``stash`` (``md.htmlStash.rawHtmlBlocks``)
    replaced by its character; other placeholders are left."""

    def characters(match: re.Match) -> str:
        index = int(match.group(1))
        raw = stash[index] if index < len(stash) else None
        if isinstance(raw, str) and CHARACTER_REFERENCE.fullmatch(raw):
            decoded = html.unescape(raw)
            if decoded != raw:
                return decoded
        return match.group(0)

    return HTML_PLACEHOLDER_RE.sub(characters, text) if text and "\x02" in text else text


class CharacterReferencesTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        stash = self.md.htmlStash.rawHtmlBlocks
        for element in root.iter():
            if element.tag not in UNTOUCHED:
                element.text = resolve_references(element.text, stash)
            element.tail = resolve_references(element.tail, stash)


class CharacterReferencesExtension(Extension):
    def extendMarkdown(self, md):
        md.treeprocessors.register(CharacterReferencesTreeprocessor(md), "strata_characters", -1)


def makeExtension(**kwargs):
    return CharacterReferencesExtension(**kwargs)
