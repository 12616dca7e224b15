"""Render untrusted author text (quiz text, glossary definitions) as Markdown that cannot inject script, and check
it before it is rendered.

Raw HTML is treated as text (escaped), and links or images whose URL scheme is not
``http``, ``https`` or ``mailto`` (``javascript:``, ``data:`` ...) lose their URL.
:func:`text_problem` says what in such a text the build must refuse (its callers stop the build at the text's
line): an unsafe URL (the rules of :mod:`.safety`, as in a page), a footnote mark or a glossary mark (not read
there), and a heading, or for one-paragraph texts any block but one paragraph.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from functools import lru_cache

import markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup, escape

from ..glossary.syntax import GlossarySyntaxExtension
from ..names import FORCED_SOURCE_ATTR, FORCED_TERM_ATTR, GLOSSARY_OFF, GLOSSARY_SWITCH_ATTR
from .safety import tag_problem

SAFE_URL = re.compile(r"^(?:https?:|mailto:|#|/|\./|\.\./|[^:/?#]*(?:[/?#]|$))", re.IGNORECASE)
FOOTNOTE_MARK = r"\[\^([^\]\n]+)\]"  # what a page reads as a footnote reference, [^name]
FOOTNOTE_ATTR = "data-strata-footnote"  # on the span the check leaves for a footnote mark
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def _escape_raw_html(md: markdown.Markdown) -> None:
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")


class _DropUnsafeUrls(Treeprocessor):
    def run(self, root):
        for element in root.iter():
            for attribute in ("href", "src"):
                url = element.get(attribute)
                if url is not None and not SAFE_URL.match("".join(url.split())):
                    del element.attrib[attribute]


class SafeExtension(Extension):
    """Disable raw HTML and strip unsafe URLs."""

    def extendMarkdown(self, md):
        _escape_raw_html(md)
        md.treeprocessors.register(_DropUnsafeUrls(md), "strata_safe_urls", 0)


class _FootnoteMark(InlineProcessor):
    def handleMatch(self, m, data):
        element = etree.Element("span", {FOOTNOTE_ATTR: m.group(0)})
        element.text = m.group(0)
        return element, m.start(0), m.end(0)


class _KeepTree(Treeprocessor):
    def run(self, root):
        self.md.strata_checked_tree = root


class _CheckExtension(Extension):
    """The safe renderer's reading, with footnote and glossary marks found as a page finds them (not in code,
    not when escaped), and the tree kept, URLs and all, for :func:`text_problem`."""

    def extendMarkdown(self, md):
        _escape_raw_html(md)
        GlossarySyntaxExtension().extendMarkdown(md)
        md.inlinePatterns.register(_FootnoteMark(FOOTNOTE_MARK, md), "strata_footnote_mark", 176)
        md.treeprocessors.register(_KeepTree(md), "strata_keep_tree", -1)


@lru_cache(maxsize=1)
def _renderer() -> markdown.Markdown:
    return markdown.Markdown(extensions=[SafeExtension()])


@lru_cache(maxsize=1)
def _checker() -> markdown.Markdown:
    return markdown.Markdown(extensions=[_CheckExtension()])


# Text without any Markdown syntax renders as itself, escaped: no need to run the parser. (A colon is not
# syntax here: without extensions, only "<http://…>" and "[id]: url" give it a meaning, and both need a
# bracket; tests/markdown/test_safe.py checks the shortcut against the parser.)
MARKDOWN_SYNTAX = re.compile(r"[\\`*_\[\]<>&!#|~]|^\s*(?:\d+[.)]|[-+=>])(?:\s|$)|\s{2}")


def render_block(text: str) -> Markup:
    """Author Markdown → safe HTML (paragraphs, lists, emphasis, links)."""
    if _plain_paragraph(text):
        return Markup(f"<p>{text}</p>")  # what the parser makes of it (it escapes only & < >, absent here)
    md = _renderer()
    md.reset()
    return Markup(md.convert(text))


def _plain_paragraph(text: str) -> bool:
    """One line of text that starts with a letter, trimmed, without tabs, control characters or any Markdown
    syntax."""
    return (text[:1].isalpha() and text.isprintable() and text == text.rstrip()
            and not MARKDOWN_SYNTAX.search(text))


def render_inline(text: str) -> Markup:
    """Author Markdown of one paragraph → safe inline HTML, without the ``<p>`` wrapper."""
    text = " ".join(text.split())
    if not MARKDOWN_SYNTAX.search(text):
        return escape(text)
    html = str(render_block(text))
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)


def text_problem(text: str, where: str, *, paragraphs: bool = False) -> str | None:
    """Why the author text ``text`` (``where`` names it: "question 2", "the definition of 'LH'") cannot be
    shown as written, as the message that stops the build; None when it can. The text is one paragraph, or
    with ``paragraphs`` (an explanation) paragraphs and lists, never a heading."""
    if "\n" not in text and "{{" not in text and not MARKDOWN_SYNTAX.search(text):
        return None
    md = _checker()
    md.reset()
    md.convert(text)
    root = md.strata_checked_tree
    for element in root.iter():
        problem = _mark_problem(element, where) or _url_problem(element, where)
        if problem:
            return problem
    heading = next((e for e in root.iter() if e.tag in HEADINGS), None)
    if paragraphs and heading is not None:
        return (f"{where} has a heading ({' '.join(''.join(heading.itertext()).split())!r}); an explanation is "
                "sentences, paragraphs or a list under its question, without headings: write the heading's words "
                "as a sentence")
    if not paragraphs and [child.tag for child in root] != ["p"]:
        return (f"{where} is one paragraph of text, without headings, lists, quotes or blank lines (a line that "
                "starts with '#', '-', '>' or '1.' starts one); write it as one or two sentences")
    return None


def _mark_problem(element: etree.Element, where: str) -> str | None:
    """A footnote mark, ``[[term]]`` or ``{{words}}``: page syntax that author text fields do not read."""
    if FOOTNOTE_ATTR in element.attrib:
        mark = element.get(FOOTNOTE_ATTR)
        return (f"{where} has the footnote mark {mark}, but footnotes are not read in quiz text or glossary "
                f"definitions; write the note into the text itself (or write \\{mark} to show the brackets)")
    if FORCED_TERM_ATTR in element.attrib:
        return (f"{where} has the glossary mark {element.get(FORCED_SOURCE_ATTR)}, but glossary terms are never "
                f"marked in quiz text or glossary definitions; write just the words, {''.join(element.itertext())!r}")
    if element.get(GLOSSARY_SWITCH_ATTR) == GLOSSARY_OFF:
        return (f"{where} has {{{{{element.text}}}}}, but glossary marks are not read in quiz text or glossary "
                f"definitions (terms are never marked there); write just the words, {element.text!r}")
    return None


def _url_problem(element: etree.Element, where: str) -> str | None:
    """A link or image that a page would refuse (:func:`.safety.tag_problem`)."""
    attrs = {name.lower(): html.unescape(value) for name, value in element.attrib.items()}
    problem = tag_problem(element.tag.lower(), attrs) if isinstance(element.tag, str) else None
    return f"{where}: {problem[0]}" if problem else None
