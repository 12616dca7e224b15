"""Links an author wrote without words stop the build at their line.

A screen reader announces a link by its text, and a link with none as just "link"
(axe-core's ``link-name``). A Markdown link is named by its text, by the ``alt`` of an
image inside it, or by an ``aria-label`` or ``title`` given in an attribute list. Links in
raw HTML blocks are read from Python-Markdown's stash the same way; a link whose text is
raw HTML inside Markdown counts as named.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from ..errors import StrataError
from .rawhtml import elements_with_words

LINK = frozenset({"a"})
NAMING_ATTRIBUTES = ("aria-label", "aria-labelledby", "title")
EMPTY_LINK_SOURCE = re.compile(r"\[[ \t]*\][(\[]")  # to locate the error: [](…) or [][ref]


def has_name(link: etree.Element) -> bool:
    """Whether ``link`` has words for a screen reader to say."""
    if any(link.get(attribute, "").strip() for attribute in NAMING_ATTRIBUTES):
        return True
    if "".join(link.itertext()).strip():
        return True
    return any(image.get("alt", "").strip() for image in link.iter("img"))


def unnamed_raw_links(md) -> Iterator[tuple[str, str]]:
    """``(href, source line)`` of each link of a raw HTML block that ends in the same block without words."""
    for chunk in md.htmlStash.rawHtmlBlocks:
        if not isinstance(chunk, str) or "<a" not in chunk.lower():
            continue
        for link, words, line in elements_with_words(chunk, LINK):
            named = words.strip() or any(link.attrs.get(name, "").strip() for name in NAMING_ATTRIBUTES)
            if "href" in link.attrs and not named:
                yield link.attrs["href"], line


def no_text_error(href: str, needle: str | re.Pattern, where: str) -> StrataError:
    return StrataError(f"the link to '{href}' has no text, so a screen reader can only say \"link\"; write where "
                       f"it leads {where}", needle=needle)


class LinkTextTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for link in root.iter("a"):
            if link.get("href") is not None and not has_name(link):
                raise no_text_error(link.get("href"), EMPTY_LINK_SOURCE,
                                    "between the brackets: [the NHS guide to sleep](https://…)")
        for href, line in unnamed_raw_links(self.md):
            raise no_text_error(href, line, "between <a …> and </a>")


class LinkTextExtension(Extension):
    """Every link the author wrote has words."""

    def extendMarkdown(self, md):
        md.treeprocessors.register(LinkTextTreeprocessor(md), "strata_link_text", 6.5)


def makeExtension(**kwargs):
    return LinkTextExtension(**kwargs)
