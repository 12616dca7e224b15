"""Headings and sections, read from the Markdown element tree once per page.

Two tree processors:

- :class:`HeadingIdsTreeprocessor` (priority 5.5, before ``toc`` at 5) gives every
  heading without an id the slug ``toc`` would give it (its words themselves when that
  slug would be empty: :func:`strata.ids.heading_slug`), made unique by the page's
  one id registry (:mod:`strata.ids`), so heading ids never clash with a table
  caption, a footnote or an id in raw HTML. ``toc`` keeps ids that exist.
- :class:`SectionsTreeprocessor` (last, after every other processor) splits the
  page at its ``h2`` headings into :class:`~strata.pagetext.Section` objects with
  their lines and the kind of each line, and leaves them on ``md.strata_sections``;
  the reader stores them in the page's metadata (``page.strata_sections``). On a page
  whose title is its ``h1`` it first stops the build at a ``#`` heading, a heading
  without words, or a heading that skips a level (:func:`heading_problem`).

Text held in Python-Markdown's raw-HTML stash (raw HTML an author wrote) is read
with :mod:`strata.html_tokens`, a backslash escape as its character, and any other
placeholder left in the tree (the footnotes extension's, replaced only in the HTML) as
a space. Quizzes, scripts, the
glossary's hidden definitions and the footnote links (a reference's number, a note's
back-link) are left out: they are not text of the page.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator

from markdown.extensions import Extension
from markdown.extensions.toc import slugify
from markdown.treeprocessors import Treeprocessor, UnescapeTreeprocessor
from markdown.util import ETX, HTML_PLACEHOLDER_RE, STX

from ..errors import Nth, StrataError
from ..html_tokens import StartTag, tokens
from ..ids import heading_slug, page_ids
from ..names import TERM_DEFS_CLASS
from ..pagetext import (
    HEADING_TAGS,
    LEFT_OUT_TAGS,
    PROSE,
    LineWriter,
    Section,
    element_edge,
    fold,
    kind_of,
    write_html,
)
from .footnotes import BACK_LINK_CLASS, REFERENCE_CLASS
from .rawhtml import elements_with_words, raw_block, raw_blocks

HEADING_LINE_START = r"^(?:[ \t]*(?:>|[-*+]|\d+[.)]))*[ \t]*"  # a heading may be in a quote or a list item
RAW_HEADING = re.compile(r"<h[1-6]", re.IGNORECASE)  # a raw HTML block that may hold a heading
TOP_HEADING_SOURCE = re.compile(r"^#(?!#)[ \t]*\S|^[^\n]+\n=+[ \t]*$", re.MULTILINE)  # to locate the error
PLACEHOLDER = re.compile(f"{STX}[^{ETX}]*{ETX}")  # any extension's (Python-Markdown drops STX and ETX from the source)


def classes(element: etree.Element) -> list[str]:
    return element.get("class", "").split()


def is_left_out(element: etree.Element) -> bool:
    """Never part of the page's readable text: forms (quizzes), scripts, the hidden definitions, footnote links."""
    return (element.tag in LEFT_OUT_TAGS or TERM_DEFS_CLASS in classes(element) or is_footnote_reference(element)
            or (element.tag == "a" and BACK_LINK_CLASS in classes(element)))


def is_footnote_reference(element: etree.Element) -> bool:
    return element.tag == "sup" and any(REFERENCE_CLASS in classes(a) for a in element.iter("a"))


class TreeText:
    """Reads text out of the tree of one conversion, with raw-HTML placeholders read as HTML."""

    def __init__(self, md):
        self.stash = md.htmlStash.rawHtmlBlocks

    def write(self, text: str | None, writer: LineWriter, kind: str) -> None:
        """Write ``text`` (a node's text or tail) into ``writer``."""
        if not text:
            return
        if STX not in text:  # most text holds no placeholder
            writer.write(text, kind)
            return
        position = 0
        for placeholder in PLACEHOLDER.finditer(text):
            writer.write(text[position:placeholder.start()], kind)
            if stashed := HTML_PLACEHOLDER_RE.fullmatch(placeholder.group()):
                index = int(stashed.group(1))
                if index < len(self.stash) and isinstance(self.stash[index], str):
                    write_html(self.stash[index], writer, kind)
            elif escaped := UnescapeTreeprocessor.RE.fullmatch(placeholder.group()):
                writer.write(chr(int(escaped.group(1))), kind)  # a backslash escape, before ``unescape`` runs
            else:  # the footnotes extension's space before a back-link, or its arrow
                writer.write(" ", kind)
            position = placeholder.end()
        writer.write(text[position:], kind)

    def inline(self, element: etree.Element) -> str:
        """All the text inside ``element`` on one line (footnote references left out), e.g. a heading's title."""
        writer = LineWriter()

        def visit(node: etree.Element) -> None:
            self.write(node.text, writer, PROSE)
            for child in node:
                if isinstance(child.tag, str) and not is_left_out(child):
                    visit(child)
                self.write(child.tail, writer, PROSE)

        visit(element)
        return " ".join(writer.take()[0])


class HeadingIdsTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        try:  # the slugs toc would make (its own settings)
            toc = self.md.treeprocessors["toc"]
            make_slug, separator = toc.slugify, toc.sep
        except KeyError:
            make_slug, separator = slugify, "-"
        if problem := written_id_problem(root, getattr(self.md, "strata_theme_ids", ())):
            raise problem
        ids, text = page_ids(self.md, root), TreeText(self.md)
        for element in root.iter():
            if element.tag in HEADING_TAGS and not element.get("id"):
                element.set("id", ids.unique(heading_slug(text.inline(element), make_slug, separator)))


def written_id_problem(root: etree.Element, reserved) -> StrataError | None:
    """An id the author gave (``{#id}``) twice on the page, or one of the ``reserved`` ids the theme writes
    around the text (``main``: the skip link's target): a link to it could lead to one place only. Run once the
    attribute lists are read, before any id is made."""
    seen: set[str] = set()
    for element in root.iter():
        written = element.get("id")
        if written is None:
            continue
        source = re.compile(rf"\{{:?[^}}\n]*#{re.escape(written)}(?![\w-])")
        if written in reserved:
            return StrataError(f"the id '{written}' is the theme's, on every page (e.g. the main content, which the "
                               f"skip link leads to), so a link to #{written} would not lead here; choose another, "
                               f"e.g. {{#{written}-section}}", needle=source)
        if written in seen:
            return StrataError(f"the id '{written}' is given twice on this page, so a link to #{written} can lead "
                               "to the first only; give this one another", needle=Nth(source, 2))
        seen.add(written)
    return None


class _SectionReader:
    def __init__(self, md):
        self.text = TreeText(md)
        self.writer = LineWriter()
        self.sections: list[Section] = []
        self.anchor, self.title = "", ""

    def close_section(self) -> None:
        lines, kinds = self.writer.take()
        if self.title or lines:
            self.sections.append(Section(self.anchor, self.title, lines, kinds))

    def element(self, element: etree.Element, kind: str) -> None:
        tag = element.tag
        if not isinstance(tag, str) or is_left_out(element):
            return
        if tag == "h2":
            self.close_section()
            self.anchor, self.title = element.get("id", ""), fold(self.text.inline(element))
            return
        kind = kind_of(tag, classes(element), kind)
        element_edge(tag, self.writer, kind)
        self.text.write(element.text, self.writer, kind)
        for child in element:
            self.element(child, kind)
            self.text.write(child.tail, self.writer, kind)
        element_edge(tag, self.writer, kind)


def read_sections(root: etree.Element, md) -> list[Section]:
    """The sections of the page in ``root`` (text before the first ``h2`` is a section without title)."""
    reader = _SectionReader(md)
    for child in root:
        reader.element(child, PROSE)
        reader.text.write(child.tail, reader.writer, PROSE)
    reader.close_section()
    return reader.sections


class SectionsTreeprocessor(Treeprocessor):
    def __init__(self, md, title_is_h1: bool):
        super().__init__(md)
        self.title_is_h1 = title_is_h1

    def run(self, root: etree.Element) -> None:
        if self.title_is_h1:
            if has_top_heading(root, self.md):
                raise StrataError("a page has one top-level heading, its title; start this heading with "
                                  "'##' (a section) instead of '#'", needle=TOP_HEADING_SOURCE)
            if problem := heading_problem(root, TreeText(self.md)):
                raise problem
        self.md.strata_sections = read_sections(root, self.md)


def heading_problem(root: etree.Element, text: TreeText) -> StrataError | None:
    """The first heading an author must fix, as the error to raise: one without words, or one more than a level
    below the heading before it (the page's title, an ``h1``, comes first). Screen-reader users move through a
    page by heading level: an empty heading is announced as such, and a level left out reads as a missing
    section (axe-core's ``empty-heading`` and ``heading-order``). Going back up any number of levels is fine."""
    previous = 1
    for level, words, line in page_headings(root, text):
        if not words.strip():
            return StrataError(f"this {_written(level, line)} heading has no words, so a screen reader announces an "
                               "empty heading; write its title " + ("inside it" if line else "after the hashes")
                               + ", or remove it",
                               needle=line or re.compile(rf"{HEADING_LINE_START}#{{{level}}}[ \t#]*$", re.MULTILINE))
        if level > previous + 1:
            return skipped_level_error(level, previous, words, line)
        previous = level
    return None


def page_headings(root: etree.Element, text: TreeText) -> Iterator[tuple[int, str, str | None]]:
    """``(level, words, source line)`` of each heading of the page in order, those of raw HTML blocks included
    (their line is the one of their start tag; None for a Markdown heading). A page without raw HTML headings
    (most) costs one look at each element's tag."""
    raw_headings = raw_blocks(text.stash, RAW_HEADING)
    for element in root.iter():
        if element.tag in HEADING_TAGS:
            yield int(element.tag[1]), text.inline(element), None
        elif raw_headings and (block := raw_block(element, raw_headings)) is not None:
            for heading, words, line in elements_with_words(block, HEADING_TAGS):
                yield int(heading.name[1]), words, line


def skipped_level_error(level: int, previous: int, words: str, line: str | None = None) -> StrataError:
    word = re.search(r"\w+", words)
    needle = line or re.compile(rf"{HEADING_LINE_START}#{{{level}}}(?!#)[ \t]*\W*"
                                + (re.escape(word.group()) if word else ""), re.MULTILINE)
    before = "the page's title is at level 1" if previous == 1 else f"the heading before it is at level {previous}"
    return StrataError(f"this heading is at level {level} ({_written(level, line)}) but {before}, so level "
                       f"{previous + 1} is skipped (screen-reader users move by level, and a skipped one reads as a "
                       f"missing section); write it as {_written(previous + 1, line)}, or add the level-{previous + 1} "
                       "heading it belongs under", needle=needle)


def _written(level: int, raw: str | None) -> str:
    """How a heading of ``level`` is written: in raw HTML (when ``raw`` holds its line) or in Markdown."""
    return f"<h{level}>" if raw else f"'{'#' * level}'"


def has_top_heading(root: etree.Element, md) -> bool:
    """Whether the page has an ``h1`` (in Markdown or in raw HTML)."""
    if next(root.iter("h1"), None) is not None:
        return True
    return any(isinstance(token, StartTag) and token.name == "h1"
               for raw in md.htmlStash.rawHtmlBlocks if isinstance(raw, str) and "h1" in raw.lower()
               for token in tokens(raw))


class SectionsExtension(Extension):
    """Unique heading ids, and the page's sections on ``md.strata_sections`` after each conversion."""

    def __init__(self, **kwargs):
        self.config = {"title_is_h1": [False, "The page title is its h1: an h1 in the body is an error."]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        self.md = md
        md.registerExtension(self)
        self.reset()
        md.treeprocessors.register(HeadingIdsTreeprocessor(md), "strata_heading_ids", 5.5)
        md.treeprocessors.register(SectionsTreeprocessor(md, self.getConfig("title_is_h1")), "strata_sections", -10)

    def reset(self) -> None:
        """No sections until the next conversion (an empty page has none: its tree is never walked)."""
        self.md.strata_sections = []


def makeExtension(**kwargs):
    return SectionsExtension(**kwargs)
