""""In brief": an author's short list of plain statements, each traced to the sentence of the tier it restates.

Source (anywhere in a tier; it is shown at the top, after the title and reading level)::

    !!! in-brief
        - Your brain tells your testes to make testosterone.
          Restates: "The hypothalamus, a region in the brain, initiates the process"
        - Taking testosterone makes your testes slow down.
          Restates: "This suppression leads to a reduction in the testes’ natural function"

Each statement is a list item; its ``Restates:`` line quotes, in double quotes, words
of one sentence of the same tier, as written there. This module parses the block
into an :class:`InBrief` model (kept out of the page body, on ``md.strata_in_brief``);
the build checks each quote against the tier's prose (:func:`untraced`) and the
theme renders the block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from ..errors import StrataError, line_of
from ..ids import page_ids

KIND = "in-brief"
ANCHOR = "in-brief"  # the block's id on the page, kept free on every page (an author's heading gets another)
START = re.compile(r"^!!! *in-brief[ \t]*(?:\n|$)")
START_IN_SOURCE = re.compile(r"^!!! *in-brief[ \t]*$", re.MULTILINE)
ITEM = re.compile(r"^- +(\S.*)$")
RESTATES = re.compile(r"^ +Restates: *(.*?) *$")
QUOTED = re.compile(r'^["“](.+)["”]$')
CONTINUATION = re.compile(r"^ +\S")
# What smarty and typing habits change: curly quote marks, dashes and ellipses compare as typed in ASCII.
QUOTE_MARKS = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "\u00a0": " ", "\u2013": "--",
                             "\u2014": "---", "\u2026": "..."})


@dataclass(frozen=True)
class Statement:
    """One statement: its Markdown text, the words it restates, and the line of its ``Restates:``."""

    text: str
    quote: str
    line: int | None = None


@dataclass(frozen=True)
class InBrief:
    statements: tuple[Statement, ...]

    def located(self, source: str) -> InBrief:
        """The block with each statement numbered by the line of its ``Restates:`` in ``source``."""
        start = line_of(source, START_IN_SOURCE) or 1
        lines = source.splitlines()
        numbers = iter(n for n in range(start + 1, len(lines) + 1) if RESTATES.match(lines[n - 1]))
        return InBrief(tuple(replace(s, line=next(numbers, start)) for s in self.statements))


def comparable(text: str) -> str:
    """Text as quotes are compared: ASCII quote marks, dashes and ellipses, single spaces, no letter case."""
    return " ".join(text.translate(QUOTE_MARKS).split()).casefold()


def untraced(in_brief: InBrief, tier_sentences: list[str]) -> list[Statement]:
    """The statements whose quote is not found within one of ``tier_sentences``."""
    sentences = [comparable(s) for s in tier_sentences]
    return [s for s in in_brief.statements if not any(comparable(s.quote) in sentence for sentence in sentences)]


def parse_statements(body: str) -> tuple[Statement, ...]:
    """The statements of the (de-indented) block body; raise :class:`StrataError` on a malformed one."""
    statements: list[list[str | None]] = []  # [text, quote]
    for line in body.splitlines():
        if not line.strip():
            continue
        item, restates = ITEM.match(line), RESTATES.match(line)
        if item:
            statements.append([item.group(1), None])
        elif not statements:
            raise StrataError(f"an in-brief block is a list: start each statement with '- ', not {line.strip()!r}",
                              needle=line)
        elif restates:
            quoted = QUOTED.match(restates.group(1))
            if not quoted or not quoted.group(1).strip():
                raise StrataError('write the words this statement restates in double quotes, e.g. '
                                  'Restates: "The hypothalamus, a region in the brain, initiates the process"',
                                  needle=line)
            if statements[-1][1] is not None:
                raise StrataError("this statement already has a 'Restates:' line; keep one", needle=line)
            statements[-1][1] = quoted.group(1).strip()
        elif CONTINUATION.match(line) and statements[-1][1] is None:
            statements[-1][0] += " " + line.strip()
        else:
            raise StrataError("indent a statement's next lines by two spaces, under its text, and end it with "
                              "its 'Restates:' line", needle=line)
    if not statements:
        raise StrataError("the in-brief block is empty; list its statements, indented by 4 spaces",
                          needle=START_IN_SOURCE)
    for text, quote in statements:
        if quote is None:
            raise StrataError(f"the statement {text!r} does not say which sentence of the tier it restates; "
                              'add a line under it: Restates: "words of that sentence, as written"',
                              needle=text)
    return tuple(Statement(text, quote) for text, quote in statements)


class InBriefProcessor(BlockProcessor):
    """Take a ``!!! in-brief`` block out of the page body and into ``md.strata_in_brief``."""

    def test(self, parent, block):
        return bool(START.match(block))

    def run(self, parent, blocks):
        block = blocks.pop(0)
        body, rest = self.detab(block[START.match(block).end():])
        while not rest and blocks and blocks[0].startswith(" " * self.tab_length):
            more, rest = self.detab(blocks.pop(0))
            body += "\n\n" + more
        if rest:
            blocks.insert(0, rest)
        md = self.parser.md
        if getattr(md, "strata_in_brief", None) is not None:
            raise StrataError("this page has two in-brief blocks; keep one (this one, or the one below)",
                              needle=START_IN_SOURCE)
        md.strata_in_brief = InBrief(parse_statements(body))


class ReserveAnchor(Treeprocessor):
    """Take the block's id in the page's id registry, after ``attr_list`` (8) and before heading ids (5.5)."""

    def run(self, root):
        page_ids(self.md, root).take(ANCHOR)


class InBriefExtension(Extension):
    """Register the ``!!! in-brief`` block processor (before the other callouts) and reserve its id."""

    def extendMarkdown(self, md):
        self.md = md
        md.registerExtension(self)
        self.reset()
        md.parser.blockprocessors.register(InBriefProcessor(md.parser), "strata_in_brief", 106)
        md.treeprocessors.register(ReserveAnchor(md), "strata_in_brief_anchor", 6)

    def reset(self):
        self.md.strata_in_brief = None


def makeExtension(**kwargs):
    return InBriefExtension(**kwargs)
