"""The readable text of a rendered page, split at its ``h2`` sections, in one pass of regular expressions.

Shared by the reading-level measure and the search index. The input is the HTML
that Strata's Markdown reader produced (well-formed, no nested forms), so regular
expressions are enough and several times faster than an HTML parser. Quizzes
(``form``), scripts, templates and the glossary's hidden definitions are left out.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

LEFT_OUT = re.compile(r"<(form|script|style|template)\b.*?</\1\s*>|<div class=\"term-defs\" hidden>.*?</div>",
                      re.DOTALL | re.IGNORECASE)
HEADING = re.compile(r"<h2\b([^>]*)>(.*?)</h2\s*>", re.DOTALL | re.IGNORECASE)
ID = re.compile(r"""\bid=["']([^"']*)["']""")
BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|td|th|caption|dt|dd|div|tr|blockquote|pre)\s*>|<br\s*/?>", re.IGNORECASE)
TAG = re.compile(r"<[^>]*>")
SPACE = re.compile(r"[ \t\r\f\v]+")


@dataclass(frozen=True)
class Section:
    """A part of a page: the ``h2`` that opens it (empty for the text before the first one) and its lines."""

    anchor: str
    title: str
    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.lines)


def _lines(fragment: str) -> tuple[str, ...]:
    text = html.unescape(TAG.sub("", BLOCK_END.sub("\n", fragment)))
    return tuple(line for line in (SPACE.sub(" ", raw).strip() for raw in text.split("\n")) if line)


def page_sections(content: str) -> list[Section]:
    """Split ``content`` at its ``h2`` headings; sections without heading or text are dropped."""
    content = LEFT_OUT.sub("", content)
    sections, start, anchor, title = [], 0, "", ""
    for heading in HEADING.finditer(content):
        sections.append(Section(anchor, title, _lines(content[start:heading.start()])))
        found = ID.search(heading.group(1))
        anchor, title, start = found.group(1) if found else "", " ".join(_lines(heading.group(2))), heading.end()
    sections.append(Section(anchor, title, _lines(content[start:])))
    return [s for s in sections if s.title or s.lines]


def plain_text(fragment: str) -> str:
    """An inline HTML fragment as plain text (tags dropped, entities decoded, white space folded)."""
    return " ".join(_lines(str(fragment)))
