"""Footnotes that every reader can use: Python-Markdown's ``footnotes``, given names, a heading and unique ids.

Python-Markdown's extension writes a superscript number linking to the note, an
unlabelled ``<div class="footnote">`` after a rule, and a "↩" back-link with only a
``title``. This tree processor (priority 7.995: after the extension's own steps, before
any other id is given) turns that into::

    <sup id="fnref-1"><a aria-label="Footnote 1" class="footnote-ref" href="#fn-1">1</a></sup>
    …
    <section aria-labelledby="notes" class="footnotes">
    <h2 id="notes">Notes</h2>
    <ol>
    <li id="fn-1"><p>The note. <a class="footnote-backref" href="#fnref-1"><span aria-hidden="true">↩</span>
        <span class="visually-hidden">Back to reference 1</span></a></p></li>
    </ol>
    </section>

Each reference and back-link has an accessible name that says where it goes; the notes
are a labelled region with a heading (listed in "On this page"). Every id is made unique
among the page's ids (:mod:`strata.ids`): an author's ``{#fn-1}`` or a second reference to
the same note never clashes.

Python-Markdown leaves a reference to a note never defined as text (``[^nope]``), writes an
empty note with no back-link, and lists a note nothing refers to with a back-link to nowhere:
each stops the build at its line (:func:`note_problem`).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator

from markdown.extensions import Extension
from markdown.extensions.footnotes import FootnoteExtension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from ..errors import StrataError
from ..i18n import N_
from ..ids import page_ids
from ..names import FOOTNOTES_CLASS

NOTES_TITLE = N_("Notes")
REFERENCE_CLASS = "footnote-ref"     # <sup><a class="footnote-ref">1</a></sup>: where a note is referred to
BACK_LINK_CLASS = "footnote-backref"  # the link from a note back to its reference
CODE_TAGS = frozenset({"code", "pre"})


def _classes(element: etree.Element) -> list[str]:
    return element.get("class", "").split()


class AccessibleFootnotesTreeprocessor(Treeprocessor):
    def __init__(self, md, title: str, gettext=str):
        super().__init__(md)
        self.title, self.gettext = title, gettext

    def run(self, root: etree.Element) -> None:
        blocks = [(parent, block) for parent in root.iter() for block in parent
                  if block.tag == "div" and "footnote" in _classes(block)]
        references = [(sup, a) for sup in root.iter("sup") for a in sup
                      if a.tag == "a" and REFERENCE_CLASS in _classes(a) and sup.get("id")]
        notes = [li for _, block in blocks for li in block.iter("li") if li.get("id")]
        if problem := note_problem(self.md, root, notes, {a.get("href", "")[1:] for _, a in references}):
            raise problem
        if not blocks and not references:
            return
        old_ids = [sup.get("id") for sup, _ in references] + [li.get("id") for li in notes]
        for element in [sup for sup, _ in references] + notes:
            del element.attrib["id"]  # so that the page's registry does not count them as taken
        ids = page_ids(self.md, root)
        new_ids = {old: ids.unique(old.replace(":", "-")) for old in old_ids}
        for (sup, link), old in zip(references, old_ids, strict=False):
            sup.set("id", new_ids[old])
            link.set("href", "#" + new_ids.get(link.get("href", "")[1:], link.get("href", "")[1:]))
            link.set("aria-label", self.gettext("Footnote %(number)s") % {"number": (link.text or "").strip()})
        for li, old in zip(notes, old_ids[len(references):], strict=True):
            li.set("id", new_ids[old])
        for number, li in enumerate(notes, 1):
            backs = [back for back in li.iter("a") if BACK_LINK_CLASS in _classes(back)]
            for use, back in enumerate(backs, 1):
                target = back.get("href", "")[1:]
                back.set("href", "#" + new_ids.get(target, target))
                back.attrib.pop("title", None)
                label = self.gettext("Back to reference %(number)s, use %(use)s") if use > 1 else \
                    self.gettext("Back to reference %(number)s")
                _name_by_text(back, label % {"number": number, "use": use})
        for _, block in blocks:
            self._labelled_section(block, ids.unique("notes"))

    def _labelled_section(self, block: etree.Element, heading_id: str) -> None:
        block.tag = "section"
        block.attrib = {"class": FOOTNOTES_CLASS, "aria-labelledby": heading_id}
        for rule in [child for child in block if child.tag == "hr"]:
            block.remove(rule)
        heading = etree.Element("h2", {"id": heading_id})
        heading.text, heading.tail = self.gettext(self.title), "\n"
        block.insert(0, heading)
        block.text = "\n"


def note_problem(md, root: etree.Element, notes: list[etree.Element], referred: set[str]) -> StrataError | None:
    """The first problem with the page's notes: a reference to a note never defined, then a note (an ``li`` of
    ``notes``) without text or whose id no reference in ``referred`` links to; located at its source line."""
    footnotes = next((e for e in md.registeredExtensions if isinstance(e, FootnoteExtension)), None)
    if footnotes is None:
        return None
    pattern = md.inlinePatterns["footnote"].compiled_re  # what Python-Markdown reads as a reference
    for text in _inline_texts(root):
        for reference in pattern.finditer(text):
            if reference.group(1) not in footnotes.footnotes:
                written = reference.group()
                return StrataError(f"there is no note {written}; add a line '{written}: …' with its text, or "
                                   "remove the reference", needle=written)
    labels = {footnotes.makeFootnoteId(label): label for label in footnotes.footnotes}
    for note in notes:
        label = labels.get(note.get("id"))
        if label is None:
            continue
        written, needle = f"[^{label}]", re.compile(r"^[ \t>]*\[\^" + re.escape(label) + r"\]:", re.MULTILINE)
        if not len(note):
            return StrataError(f"note {written} has no text; write it after '{written}:', or remove the note and "
                               f"every {written} that refers to it", needle=needle)
        if note.get("id") not in referred:
            return StrataError(f"note {written} is never referred to; refer to it with {written} in the text, "
                               "or remove it", needle=needle)
    return None


def _inline_texts(element: etree.Element) -> Iterator[str]:
    """The texts inside ``element`` that Python-Markdown read for inline syntax (not code, not atomic text)."""
    if element.tag in CODE_TAGS:
        return
    if element.text and not isinstance(element.text, AtomicString):
        yield element.text
    for child in element:
        if isinstance(child.tag, str):
            yield from _inline_texts(child)
        if child.tail and not isinstance(child.tail, AtomicString):
            yield child.tail


def _name_by_text(link: etree.Element, name: str) -> None:
    """Name ``link`` by visually hidden text, its visible symbol (↩) hidden from assistive technology.

    Not ``aria-label``: a name that does not contain the visible label fails WCAG 2.5.3 (label in name),
    and a symbol is no label a speech-input user can say."""
    symbol = etree.SubElement(link, "span", {"aria-hidden": "true"})
    symbol.text, link.text = link.text, None
    hidden = etree.SubElement(link, "span", {"class": "visually-hidden"})
    hidden.text = name


class AccessibleFootnotesExtension(Extension):
    """Give Python-Markdown's footnotes accessible names, a labelled notes section and unique ids."""

    def __init__(self, **kwargs):
        self.config = {"title": [NOTES_TITLE, "The heading of the notes section."],
                       "gettext": [str, "Translates the section's heading and labels (the page's language)."]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        md.treeprocessors.register(AccessibleFootnotesTreeprocessor(md, self.getConfig("title"),
                                                                    self.getConfig("gettext")),
                                   "strata_footnotes", 7.995)


def makeExtension(**kwargs):
    return AccessibleFootnotesExtension(**kwargs)
