"""Render untrusted author text (quiz text, glossary definitions) as Markdown that cannot inject script.

Raw HTML is treated as text (escaped), and links or images whose URL scheme is not
``http``, ``https`` or ``mailto`` (``javascript:``, ``data:`` ...) lose their URL.
"""

from __future__ import annotations

import re
from functools import lru_cache

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup, escape

SAFE_URL = re.compile(r"^(?:https?:|mailto:|#|/|\./|\.\./|[^:/?#]*(?:[/?#]|$))", re.IGNORECASE)


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
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_DropUnsafeUrls(md), "strata_safe_urls", 0)


@lru_cache(maxsize=1)
def _renderer() -> markdown.Markdown:
    return markdown.Markdown(extensions=[SafeExtension()])


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
