"""The element ids of one page, and the one way Strata makes a new id unique among them.

Every extension that adds an id (table captions, headings, footnotes, glossary
terms) asks the page's :class:`PageIds` for it, so no two of them, nor an id the
author wrote (in Markdown or in raw HTML), nor an id the theme's templates write
around the text (``main``, the skip link's target; ``search-q``…), ever clash. The
first clash of ``x`` becomes ``x-2``, then ``x-3``.
"""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as etree
from pathlib import Path

from markdown.extensions.toc import slugify

from .html_tokens import StartTag, start_tags, tokens
from .names import spell_out

_LITERAL_ID = re.compile(r"[A-Za-z][\w-]*")  # an id written as it is (not made by a template expression)


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


def heading_slug(words: str, make_slug=slugify, separator: str = "-") -> str:
    """The id a heading's ``words`` give: the slug of ``toc`` (``make_slug``, ASCII by default: 'Été' → 'ete'; Latin
    letters that are not a letter and an accent spelt out first: 'Łódź' → 'lodz', 'Straße' → 'strasse'), or, when
    that keeps nothing of them (Greek, Japanese, Arabic … words), the words themselves, lower case and joined by
    ``separator`` ('日本語の見出し', 'ελληνικά-βιταμίνη'); empty for words without letters or digits."""
    return make_slug(spell_out(words), separator) or unicode_slug(words, separator)


def unicode_slug(words: str, separator: str = "-") -> str:
    """``words`` in their own script, lower case, joined by ``separator``: Python-Markdown's ``slugify_unicode``,
    but keeping combining marks, the vowel signs of Devanagari, Thai or Tamil ('पानी का महत्व' → 'पानी-का-महत्व';
    its ``\\w`` dropped them: 'पन-क-महतव')."""
    kept = "".join(c for c in words if c.isalnum() or c in "_-" or c.isspace() or unicodedata.category(c)[0] == "M")
    return re.sub(rf"[{re.escape(separator)}\s]+", separator, kept.strip().lower())


def anchors_beside(names, reserved) -> dict[str, str]:
    """Each of ``names`` as an id on a page that also holds the ``reserved`` ids (the theme's, :func:`theme_ids`):
    the name itself, or, for one of them, ``<name>-2`` (``-3`` … when another name is that), as a heading's id
    would be."""
    names = sorted(set(names))
    taken = PageIds({*reserved, *names})
    return {name: taken.unique(name) if name in reserved else name for name in names}


def ids_in_html(source: str) -> set[str]:
    """The ids of the elements in a piece of raw HTML (``ID="x"`` counts: names are case-insensitive)."""
    return {token.attrs["id"] for token in tokens(source) if isinstance(token, StartTag) and token.attrs.get("id")}


def theme_ids(theme: str) -> frozenset[str]:
    """The ids the templates of ``theme`` write literally (``<main id="main">``), which a page's text must not
    take: a heading "Main" gets ``main-2``, so the skip link and the table of contents each find theirs. Read
    once per build, into the build state (a theme edited under ``invoke regenerate`` is read again)."""
    found = set()
    for template in sorted(Path(theme).rglob("*.html")):
        for tag in start_tags(template.read_text(encoding="utf-8"), frozenset({"id"})):
            if _LITERAL_ID.fullmatch(tag.attrs["id"]):
                found.add(tag.attrs["id"])
    return frozenset(found)


def page_ids(md, root: etree.Element) -> PageIds:
    """The ids of the page being converted by ``md`` (one registry per conversion, shared by its
    processors): the theme's (``md.strata_theme_ids``, when set), those in the tree when first asked, plus those
    in the raw HTML the page holds."""
    cached = getattr(md, "strata_ids", None)
    if cached is not None and cached[0] is root:
        return cached[1]
    taken = set(getattr(md, "strata_theme_ids", ()))
    taken |= {element.get("id") for element in root.iter() if element.get("id")}
    for raw in md.htmlStash.rawHtmlBlocks:
        if isinstance(raw, str) and "id" in str.lower(raw):  # (str.lower: a Markup's own lower() escapes)
            taken |= ids_in_html(raw)
    registry = PageIds(taken)
    md.strata_ids = (root, registry)
    return registry
