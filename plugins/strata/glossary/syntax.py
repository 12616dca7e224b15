"""Markdown syntax for marking glossary terms by hand (see AUTHORING.md, "Glossary").

- ``[[HPG axis]]`` marks these words as the glossary term they name, even where the
  automatic marking would not (e.g. a second use on the page).
- ``[[the axis|HPG axis]]`` marks *the axis* as the term *HPG axis*.
- ``{{AR}}`` keeps these words plain: never marked as a glossary term.

The extension only leaves ``<span data-strata-term=…>`` and ``<span data-glossary="off">``
in the tree; :mod:`strata.glossary.marking` turns the first into a term link (or reports
an unknown term at its line) and never marks inside the second.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.util import AtomicString

from ..names import FORCED_SOURCE_ATTR, FORCED_TERM_ATTR, GLOSSARY_OFF, GLOSSARY_SWITCH_ATTR

FORCE_PATTERN = r"\[\[([^\[\]|\n]+?)(?:\|([^\[\]|\n]+?))?\]\]"
PLAIN_PATTERN = r"\{\{([^{}\n]+?)\}\}"


class _ForceTerm(InlineProcessor):
    def handleMatch(self, m, data):
        shown = " ".join(m.group(1).split())
        name = " ".join((m.group(2) or m.group(1)).split())
        element = etree.Element("span", {FORCED_TERM_ATTR: name, FORCED_SOURCE_ATTR: m.group(0)})
        element.text = AtomicString(shown)
        return element, m.start(0), m.end(0)


class _PlainText(InlineProcessor):
    def handleMatch(self, m, data):
        element = etree.Element("span", {GLOSSARY_SWITCH_ATTR: GLOSSARY_OFF})
        element.text = AtomicString(m.group(1))
        return element, m.start(0), m.end(0)


class GlossarySyntaxExtension(Extension):
    """Register ``[[term]]``, ``[[words|term]]`` and ``{{not a term}}`` (after code spans and escapes)."""

    def extendMarkdown(self, md):
        md.inlinePatterns.register(_ForceTerm(FORCE_PATTERN, md), "strata_glossary_term", 175)
        md.inlinePatterns.register(_PlainText(PLAIN_PATTERN, md), "strata_glossary_plain", 174)


def makeExtension(**kwargs):
    return GlossarySyntaxExtension(**kwargs)
