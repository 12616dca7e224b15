"""Mark glossary terms in the Markdown element tree of a page, while the page is read.

In the manner of Python-Markdown's ``abbr`` (text and tails walked, matches wrapped in
new elements) and ``footnotes`` (a block appended to the tree),
:class:`GlossaryTreeprocessor` runs after every inline step (headings have their ids):

- it walks the tree in document order and runs the matcher once over each text node
  and tail; the first occurrence of each term (per page, or per ``##`` section) is
  wrapped in a link to its glossary entry, described by its definition::

      <a aria-describedby="def-hpg-axis" class="term" href="{filename}/glossary.yaml#hpg-axis"
         id="term-hpg-axis">HPG axis</a> … <div class="term-defs" hidden>
         <p data-term="HPG axis" id="def-hpg-axis">The HPG axis is …</p></div>

- a forced ``[[term]]`` (a ``span`` left by :mod:`.syntax`) becomes such a link;
- the definitions of the terms marked are appended, hidden, at the end of the page;
- each occurrence (:class:`Occurrence`) is left on ``md.strata_terms`` for the backlinks.

A match lies within one text node (``HPG <em>axis</em>`` is not marked), so every
link is well nested; text is never changed, only wrapped. The author's inline raw HTML is
in the text as stash placeholders, one per tag: the marker reads those tags as it walks, and
marks nothing between a raw start tag of an element it skips (``<a href=…>``, ``<button>``,
``<label>``, …) and its end tag, across the text, elements and tails in between.

**Links.** ``href`` uses Pelican's intrasite syntax, ``{filename}/<glossary file>#anchor``,
so the reader needs neither the page's URL nor the glossary page's, and a page served from
Pelican's content cache is right wherever it is saved. The plugin registers the glossary
page under that path in ``context["generated_content"]``, and once every page has its URL
:mod:`.links` writes the URL Pelican would write (relative with ``RELATIVE_URLS`` and in
the offline bundle, absolute on the web), so that Pelican keeps no second copy of the page.

Without JavaScript a term is a plain link to its entry (the definition is its accessible
description); ``glossary.js`` turns it into a toggletip showing the definition.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import NamedTuple

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from ..errors import StrataError
from ..ids import page_ids
from ..markdown.rawhtml import RawElements
from ..markdown.sections import TreeText
from ..names import (
    DEFINITION_ID_PREFIX,
    DEFINITION_TERM_ATTR,
    FORCED_SOURCE_ATTR,
    FORCED_TERM_ATTR,
    GLOSSARY_OFF,
    GLOSSARY_SWITCH_ATTR,
    QUIZ_CLASS,
    TERM_CLASS,
    TERM_DEFS_CLASS,
    TERM_ID_PREFIX,
)
from .matcher import Matcher
from .syntax import GlossarySyntaxExtension
from .terms import Glossary, Term

# Text inside these elements is never marked.
SKIPPED_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "pre", "kbd", "samp", "abbr", "script",
                          "style", "template", "button", "label", "legend", "summary", "textarea", "select",
                          "option", "svg", "math", "title", "th", "caption", "figcaption", "dt"})
SWITCH_VALUES = ("on", "off")
SWITCH_LINE = re.compile(r"^glossary[ \t]*:", re.IGNORECASE | re.MULTILINE)


class Occurrence(NamedTuple):
    """A marked term on a page: its entry's anchor, the link's id, and the ``##`` section it is in."""

    term: str
    id: str
    section_id: str | None
    section_title: str | None


def skips(element: etree.Element) -> bool:
    """Whether no term is marked anywhere inside ``element``."""
    classes = element.get("class", "").split()
    return (element.tag in SKIPPED_TAGS or element.get(GLOSSARY_SWITCH_ATTR) == GLOSSARY_OFF
            or TERM_DEFS_CLASS in classes or (element.tag == "form" and QUIZ_CLASS in classes))


def _skips_raw(tag, open_elements: list[str]) -> bool:
    """Whether the walk keeps a raw element open: from the first one where no term is marked (a raw ``<a>``),
    and every one inside it."""
    return bool(open_elements) or skips(etree.Element(tag.name, dict(tag.attrs)))


class _PageMarker:
    """The marking of one page: ids in use, terms marked in the current scope, definitions, occurrences."""

    def __init__(self, md, root: etree.Element, matcher: Matcher[Term], href: str, *, per_section: bool,
                 auto: bool):
        self.md, self.matcher, self.href = md, matcher, href
        self.per_section, self.auto = per_section, auto
        self.ids = page_ids(md, root)
        self.text = TreeText(md)
        self.marked: set[str] = set()
        self.definitions: dict[str, tuple[str, Term]] = {}  # anchor -> (id of its definition, term)
        self.occurrences: list[Occurrence] = []
        self.errors: list[StrataError] = []
        self.section: tuple[str | None, str | None] = (None, None)
        # The author's raw elements open at this point of the walk, from the first one where no term is marked
        # (a raw <a>): while there is one, nothing is marked.
        self.raw = RawElements(md, tracks=_skips_raw)

    def element(self, element: etree.Element, skipping: bool) -> None:
        if not isinstance(element.tag, str):
            return
        if FORCED_TERM_ATTR in element.attrib:
            self.forced(element, skipping or bool(self.raw.open))
            return
        if element.tag == "h2":
            self.section = (element.get("id"), self.text.inline(element) or None)
            if self.per_section:
                self.marked.clear()
        skipping = skipping or skips(element)
        raw_depth = len(self.raw.open)  # raw elements left open inside ``element`` end with it
        children = list(element)
        position = 0  # index in ``element`` just after the child being visited
        if not skipping and element.text and (split := self.split(element.text)):
            element.text, links = split
            element[0:0] = links
            position = len(links)
        for child in children:
            self.element(child, skipping or bool(self.raw.open))
            position += 1
            if not skipping and child.tail and (split := self.split(child.tail)):
                child.tail, links = split
                element[position:position] = links
                position += len(links)
        self.raw.close_to(raw_depth)

    def markable(self, text: str) -> list[tuple[int, int]]:
        """The parts of ``text`` (start, end) outside raw elements where no term is marked, following the raw
        tags in ``text``."""
        if "\x02" not in text:
            return [] if self.raw.open else [(0, len(text))]
        parts, start = [], None if self.raw.open else 0
        for placeholder in self.raw.follow(text):
            if start is not None and self.raw.open:
                parts.append((start, placeholder.start()))
                start = None
            elif start is None and not self.raw.open:
                start = placeholder.end()
        if start is not None:
            parts.append((start, len(text)))
        return parts

    def split(self, text: str) -> tuple[str, list[etree.Element]] | None:
        """``text`` up to the first new link, and the links (each with the text after it as its tail); follows
        the raw tags in ``text`` even when no term is to be marked."""
        if text.isspace():  # most tails (a line break between blocks): no term, no raw tag
            return None
        parts = self.markable(text)
        if not self.auto or not parts:
            return None
        whole = parts == [(0, len(text))]
        head, links, position = "", [], 0
        for found in self.matcher.scan(text):
            if not whole and not any(start <= found.start() and found.end() <= end for start, end in parts):
                continue
            term = self.matcher.value_of(text[found.start():found.end()])
            if term is None or term.anchor in self.marked:
                continue
            start = found.start()
            if links:
                links[-1].tail = text[position:start]
            else:
                head = text[:start]
            position = found.end()
            link = etree.Element("a")
            link.text = text[start:position]
            self.link(link, term)
            links.append(link)
        if not links:
            return None
        links[-1].tail = text[position:]
        return head, links

    def link(self, element: etree.Element, term: Term) -> None:
        """Make ``element`` the link of an occurrence of ``term``."""
        occurrence_id = self.ids.unique(TERM_ID_PREFIX + term.slug)
        if term.anchor not in self.definitions:
            self.definitions[term.anchor] = (self.ids.unique(DEFINITION_ID_PREFIX + term.slug), term)
        element.attrib = {"class": TERM_CLASS, "href": f"{self.href}#{term.anchor}", "id": occurrence_id,
                          "aria-describedby": self.definitions[term.anchor][0]}
        self.marked.add(term.anchor)
        self.occurrences.append(Occurrence(term.anchor, occurrence_id, *self.section))

    def forced(self, element: etree.Element, skipping: bool) -> None:
        name, source = element.get(FORCED_TERM_ATTR, ""), element.get(FORCED_SOURCE_ATTR, "")
        if skipping:
            self.errors.append(StrataError(
                f"{source} is inside a heading, a link, a button, a table header, a caption or code, where glossary "
                "terms are not marked; remove the double brackets", needle=source))
            return
        term = self.matcher.lookup(name)
        if term is None:
            self.errors.append(StrataError(
                f"{source}: {name!r} is not in the glossary; check the spelling, or add the term to the "
                "glossary file (the site's glossary.yaml, or the topic's)", needle=source))
            return
        element.tag = "a"
        self.link(element, term)

    def definitions_block(self) -> etree.Element | None:
        """The definitions of the terms marked on this page, hidden, once each (``aria-describedby`` targets)."""
        if not self.definitions:
            return None
        block = etree.Element("div", {"class": TERM_DEFS_CLASS, "hidden": "hidden"})
        for definition_id, term in self.definitions.values():
            item = etree.SubElement(block, "p", {"id": definition_id, DEFINITION_TERM_ATTR: term.term})
            item.text = self.md.htmlStash.store(term.definition_html)  # safe HTML, rendered once per build
        block.tail = "\n"
        return block


class GlossaryTreeprocessor(Treeprocessor):
    def __init__(self, md, extension: GlossaryExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        self.md.strata_terms, self.md.strata_problems = [], []
        config = self.extension.getConfig
        meta = getattr(self.md, "Meta", None) or {}
        switch = " ".join(meta.get("glossary", ["on"])).strip()
        if switch.lower() not in SWITCH_VALUES:
            raise StrataError(f"'Glossary: {switch}' is not a choice; write 'Glossary: off' to turn the glossary "
                              "links off on this page, or remove the line", needle=SWITCH_LINE)
        glossary: Glossary = config("glossary")
        matcher = glossary.matcher(" ".join(meta.get("topic", [])).strip() or None)
        if not len(matcher) and not any(FORCED_TERM_ATTR in element.attrib for element in root.iter()):
            return
        marker = _PageMarker(self.md, root, matcher, config("href"), per_section=config("per_section"),
                             auto=switch.lower() == "on")
        marker.element(root, False)
        block = marker.definitions_block()
        if block is not None:
            if len(root) and not (root[-1].tail or "").endswith("\n"):
                root[-1].tail = (root[-1].tail or "") + "\n"
            root.append(block)
        self.md.strata_terms, self.md.strata_problems = marker.occurrences, marker.errors


class GlossaryExtension(Extension):
    """Mark glossary terms (and resolve ``[[…]]``/``{{…}}``, registered here too) in every page.

    After a conversion, ``md.strata_terms`` holds the occurrences and ``md.strata_problems`` the
    errors (unknown or misplaced ``[[…]]``), each with a ``needle`` to locate it in the source.
    """

    def __init__(self, **kwargs):
        self.config = {
            "glossary": [Glossary(), "The build's Glossary (the default has no terms)."],
            "href": ["glossary.html", "How a term link starts, before '#anchor' (the reader uses Pelican's "
                                      "'{filename}/glossary.yaml')."],
            "per_section": [False, "Mark the first use of a term once per '##' section instead of once per page."],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        GlossarySyntaxExtension().extendMarkdown(md)
        self.md = md
        md.registerExtension(self)
        self.reset()
        md.treeprocessors.register(GlossaryTreeprocessor(md, self), "strata_glossary", -2)

    def reset(self) -> None:
        """No occurrences and no problems until the next conversion."""
        self.md.strata_terms, self.md.strata_problems = [], []


def makeExtension(**kwargs):
    return GlossaryExtension(**kwargs)
