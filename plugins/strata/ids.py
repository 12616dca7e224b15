"""The element ids of one page, and the one way Strata makes a new id unique among them.

Every extension that adds an id (table captions, headings, footnotes, glossary
terms) asks the page's :class:`PageIds` for it, so no two of them, nor an id the
author wrote (in Markdown or in raw HTML), ever clash. The first clash of
``x`` becomes ``x-2``, then ``x-3``.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from .html_tokens import StartTag, tokens


class PageIds:
    """The ids in use on one page."""

    def __init__(self, taken=()):
        self._taken: set[str] = set(taken)

    def __contains__(self, value: str) -> bool:
        return value in self._taken

    def unique(self, candidate: str) -> str:
        """``candidate`` (or ``candidate-2``, ``-3`` …) not used yet on the page; now taken."""
        candidate = candidate or "section"
        result, number = candidate, 1
        while result in self._taken:
            number += 1
            result = f"{candidate}-{number}"
        self._taken.add(result)
        return result

    def take(self, value: str) -> None:
        self._taken.add(value)


def ids_in_html(source: str) -> set[str]:
    """The ids of the elements in a piece of raw HTML (``ID="x"`` counts: names are case-insensitive)."""
    return {token.attrs["id"] for token in tokens(source) if isinstance(token, StartTag) and token.attrs.get("id")}


def page_ids(md, root: etree.Element) -> PageIds:
    """The ids of the page being converted by ``md`` (one registry per conversion, shared by its
    processors): those in the tree when first asked, plus those in the raw HTML the page holds."""
    cached = getattr(md, "strata_ids", None)
    if cached is not None and cached[0] is root:
        return cached[1]
    taken = {element.get("id") for element in root.iter() if element.get("id")}
    for raw in md.htmlStash.rawHtmlBlocks:
        if isinstance(raw, str) and "id" in str.lower(raw):  # (str.lower: a Markup's own lower() escapes)
            taken |= ids_in_html(raw)
    registry = PageIds(taken)
    md.strata_ids = (root, registry)
    return registry
