"""Markdown inside raw HTML blocks: read where the author asks for it, an error where it would show as typed.

Python-Markdown keeps a block of raw HTML (``<details>`` … ``</details>``) as it is,
so Markdown written inside it is published with its asterisks and brackets, and a
link written there is no link. Authors used to GitHub expect it to be read. With
``markdown="1"`` on the block's first tag, ``md_in_html`` (which Strata always
loads) reads it; without, text in a raw block that looks like Markdown (a link,
bold or italic words, a heading or list line) stops the build at its line and says
to add the attribute. Code (``pre``, ``code``, ``kbd``, ``samp``) is never looked at.

An HTML comment left open (``<!-- note`` without ``-->``) is no comment to Python-Markdown:
it was published as text, its dashes made into a dash ("<!– note"). It stops the build
at its line.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from ..errors import StrataError
from ..html_tokens import EndTag, StartTag, Text, tokens
from .characters import resolve_references

CODE_ELEMENTS = frozenset({"pre", "code", "kbd", "samp", "script", "style", "textarea"})
MARKDOWN_SYNTAX = re.compile(
    r"\[[^\]\n]+\]\([^)\s]+\)"                            # [a link](address)
    r"|(\*\*|__)(?=\S)[^\n]+?(?<=\S)\1"                   # **bold** or __bold__
    r"|(?<![\w*])\*(?=[^\s*])[^*\n]+?(?<=[^\s*])\*(?![\w*])"  # *italic*
    r"|^[ \t]*(?:#{1,6}|[-*+]|\d+\.)[ \t]+\S[^\n]*",      # a heading or list line
    re.MULTILINE)


def markdown_in_raw_html(chunk: str) -> tuple[str, str, str] | None:
    """``(first tag, the Markdown found, its source line)`` for the first text outside code in the raw HTML
    ``chunk`` that looks like Markdown; None when there is none."""
    first, code = None, 0
    lines = chunk.split("\n")
    for token in tokens(chunk):
        if isinstance(token, StartTag):
            first = first or token.name
            code += token.name in CODE_ELEMENTS
        elif isinstance(token, EndTag) and token.name in CODE_ELEMENTS:
            code = max(0, code - 1)
        elif isinstance(token, Text) and not code and first and (found := MARKDOWN_SYNTAX.search(token.data)):
            line = token.line + token.data.count("\n", 0, found.start())
            return first, found.group().strip(), lines[min(line, len(lines)) - 1]
    return None


class HtmlBlocksTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for chunk in self.md.htmlStash.rawHtmlBlocks:
            if isinstance(chunk, str) and MARKDOWN_SYNTAX.search(chunk) and (found := markdown_in_raw_html(chunk)):
                tag, syntax, line = found
                raise StrataError(
                    f"'{syntax}' is Markdown inside a raw HTML block, where Markdown is not read (it would be "
                    f"shown as typed); add markdown=\"1\" to the block's first tag, <{tag} markdown=\"1\">, "
                    "or write it in HTML", needle=line)


UNCLOSED_COMMENT = re.compile(r"<!(?:--|[–—])-*\s*([^\n<]{0,40})")  # as text: smarty made '--' a dash


class UnclosedCommentTreeprocessor(Treeprocessor):
    """Stop at ``<!--`` left in the page's text: a closed comment is raw HTML, kept aside, so one in the text
    has no ``-->``."""

    def run(self, root: etree.Element) -> None:
        stash = self.md.htmlStash.rawHtmlBlocks
        for element in root.iter():
            texts = [element.tail] if element.tag in CODE_ELEMENTS else [element.text, element.tail]
            for text in filter(None, texts):
                if "<!" in text and (found := UNCLOSED_COMMENT.search(resolve_references(text, stash))):
                    words = found.group(1).rstrip()
                    raise StrataError(
                        f"the HTML comment '<!-- {words[:30]}' is never closed, so it would be shown as text; "
                        "end it with '-->' where the note ends, or remove it",
                        needle=re.compile(r"<!--+\s*" + re.escape(words[:12])))


class HtmlBlocksExtension(Extension):
    """Read Markdown in raw HTML blocks marked ``markdown="1"``; stop at Markdown in the others, and at a comment
    left open."""

    def extendMarkdown(self, md):
        md.registerExtensions(["md_in_html"], {})
        md.treeprocessors.register(HtmlBlocksTreeprocessor(md), "strata_html_blocks", 6.4)
        md.treeprocessors.register(UnclosedCommentTreeprocessor(md), "strata_unclosed_comment", -1.5)


def makeExtension(**kwargs):
    return HtmlBlocksExtension(**kwargs)
