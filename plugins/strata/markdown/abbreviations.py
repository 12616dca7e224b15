"""Abbreviations whose expansion every reader can reach: a list on the page, and a toggletip on first use.

Python-Markdown's ``abbr`` extension (``*[HPG]: Hypothalamic–Pituitary–Gonadal``) wraps
every use in ``<abbr title="…">``, whose title only a mouse can show. This tree
processor (priority 6.9, after ``abbr``) adds, when a page uses abbreviations:

- an "Abbreviations" section at the end of the page (before the notes), a ``dl`` of each
  abbreviation used and its expansion: the expansion is on the page, for every reader,
  with or without JavaScript, in print and with CSS off;
- on the first use of each abbreviation, a link to its entry in that list, following the
  glossary's toggletip contract (``a.term`` described by the expansion, which carries
  ``data-term``), so ``glossary.js`` shows the expansion next to the word on hover,
  focus or click, and keyboard users reach it like a glossary term::

      <a aria-describedby="abbr-hpg-expansion" class="term" href="#abbr-hpg"><abbr title="…">HPG</abbr></a>
      …
      <section aria-labelledby="abbreviations" class="abbreviations">
      <h2 id="abbreviations">Abbreviations</h2>
      <dl>
      <dt id="abbr-hpg"><abbr>HPG</abbr></dt>
      <dd data-term="HPG" data-tip-link="Abbreviations" id="abbr-hpg-expansion">Hypothalamic…</dd>
      </dl>
      </section>

``data-tip-link`` names where the toggletip's link goes (the glossary's says "Glossary entry").

The author's own raw HTML is respected: a use inside a raw ``<abbr title>`` written by hand stays that
one ``abbr`` (``abbr`` marks it again inside, which nested them), and a use inside a raw link, button or
label is not linked (a link in a link).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from ..i18n import N_
from ..ids import page_ids
from ..names import ABBREVIATIONS_CLASS, DEFINITION_TERM_ATTR, FOOTNOTES_CLASS, TERM_CLASS
from .rawhtml import RawElements

TIP_LINK_ATTR = "data-tip-link"
NOT_LINKED_INSIDE = frozenset({"a", "h1", "h2", "h3", "h4", "h5", "h6", "button", "label", "summary", "code", "pre",
                               "dt"})
INTERACTIVE_RAW = NOT_LINKED_INSIDE | {"abbr", "select", "option", "textarea", "legend"}  # raw elements, too


class AbbreviationsTreeprocessor(Treeprocessor):
    def __init__(self, md, title: str):
        super().__init__(md)
        self.title = title

    def run(self, root: etree.Element) -> None:
        first: dict[str, tuple[etree.Element, etree.Element]] = {}  # text -> (parent, abbr)
        expansions: dict[str, str] = {}
        in_raw_abbr: list[tuple[etree.Element, etree.Element]] = []  # (parent, abbr) marked inside the author's
        raw = RawElements(self.md)

        def visit(parent: etree.Element, linkable: bool) -> None:
            depth = len(raw.open)
            raw.read(parent.text)
            for child in parent:
                if child.tag == "abbr" and child.get("title"):
                    text = "".join(child.itertext())
                    expansions.setdefault(text, child.get("title"))
                    if "abbr" in raw.open:
                        in_raw_abbr.append((parent, child))
                    elif linkable and text not in first and not INTERACTIVE_RAW.intersection(raw.open):
                        first[text] = (parent, child)
                elif isinstance(child.tag, str):
                    visit(child, linkable and child.tag not in NOT_LINKED_INSIDE)
                raw.read(child.tail)
            raw.close_to(depth)

        visit(root, True)
        for parent, abbr in reversed(in_raw_abbr):
            _unwrap(parent, abbr)
        if not expansions:
            return
        ids = page_ids(self.md, root)
        entries = etree.Element("dl")
        entries.text = "\n"
        for text, expansion in expansions.items():
            slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "abbreviation"
            entry_id = ids.unique(f"abbr-{slug}")
            expansion_id = ids.unique(f"{entry_id}-expansion")
            term = etree.SubElement(entries, "dt", {"id": entry_id})
            etree.SubElement(term, "abbr").text = text
            term.tail = "\n"
            meaning = etree.SubElement(entries, "dd", {"id": expansion_id, DEFINITION_TERM_ATTR: text,
                                                        TIP_LINK_ATTR: self.title})
            meaning.text, meaning.tail = expansion, "\n"
            if text in first:
                parent, abbr = first[text]
                link = etree.Element("a", {"class": TERM_CLASS, "href": f"#{entry_id}",
                                           "aria-describedby": expansion_id})
                link.tail, abbr.tail = abbr.tail, None
                parent[list(parent).index(abbr)] = link  # (an abbr before it may have been unwrapped)
                link.append(abbr)
        heading_id = ids.unique(ABBREVIATIONS_CLASS)
        section = etree.Element("section", {"class": ABBREVIATIONS_CLASS, "aria-labelledby": heading_id})
        section.text = "\n"
        heading = etree.SubElement(section, "h2", {"id": heading_id})
        heading.text, heading.tail = self.title, "\n"
        section.append(entries)
        entries.tail, section.tail = "\n", "\n"
        notes = next((i for i, child in enumerate(root) if FOOTNOTES_CLASS in child.get("class", "").split()), None)
        root.insert(len(root) if notes is None else notes, section)


def _unwrap(parent: etree.Element, child: etree.Element) -> None:
    """Replace ``child`` of ``parent`` by its text (an ``abbr`` holds text only)."""
    index = list(parent).index(child)
    words = "".join(child.itertext()) + (child.tail or "")
    if index:
        parent[index - 1].tail = (parent[index - 1].tail or "") + words
    else:
        parent.text = (parent.text or "") + words
    parent.remove(child)


class AccessibleAbbreviationsExtension(Extension):
    """List the abbreviations a page uses, and link each first use to its expansion (a toggletip with JS)."""

    def __init__(self, **kwargs):
        self.config = {"title": [N_("Abbreviations"), "The heading of the abbreviations section."],
                       "gettext": [str, "Translates the heading (the page's language)."]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        md.treeprocessors.register(AbbreviationsTreeprocessor(md, self.getConfig("gettext")(self.getConfig("title"))),
                                   "strata_abbreviations", 6.9)


def makeExtension(**kwargs):
    return AccessibleAbbreviationsExtension(**kwargs)
