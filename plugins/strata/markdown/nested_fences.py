"""Fenced code inside a list item, a quote or a key point is code, as it is at the start of a line.

Python-Markdown's ``fenced_code`` reads a ```` ``` ```` or ``~~~`` fence only at the
start of a line, outside every list and quote. Indented under a list item (a step
with a command) or after ``>``, the fence was read as inline code: the page showed
the language word and the lines run together (``bash curl -fsSL …``). This
preprocessor (priority 29, before ``meta``, so that a line's index is its line in
the file) takes each such block, strips what it is nested in (the list's
indentation, the quote's ``>``) from its lines, has ``fenced_code`` store it as it
stores any code block, and leaves its placeholder in the list item or quote.

A fence indented four spaces or more is nested only under a list item, a
definition, a footnote or a ``!!!`` box; elsewhere such lines are an indented code
block showing a fence, and stay so. A nested block whose closing fence is missing
(or less indented than its opening one) stops the build at its opening line.
"""

from __future__ import annotations

import re

from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from ..errors import StrataError

# A line opening or closing a fence at the start of a line, as fenced_code reads it.
TOP_LEVEL_FENCE = re.compile(r"^(?P<fence>`{3,}|~{3,})")
# A fence after what it is nested in: indentation and '>' (a quote), in any order.
NESTED_FENCE = re.compile(r"^(?P<prefix>[ \t>]*?[ \t>])(?P<fence>`{3,}|~{3,})(?P<info>[^`]*)$")
# The start of a line whose indented continuation lines belong to it: a list item, a definition, a footnote, a box.
CONTAINER = re.compile(r"^[ \t]*(?:[-*+][ \t]|\d{1,9}[.)][ \t]|:[ \t]|\[\^[^\]]+\]:|!!![ \t])")
INDENTED_CODE = 4


def indentation(line: str) -> int:
    return len(line.expandtabs(INDENTED_CODE)) - len(line.expandtabs(INDENTED_CODE).lstrip())


def in_container(lines: list[str], index: int) -> bool:
    """Whether the indented line ``index`` continues a list item, definition, footnote or box (rather than
    being an indented code block): the nearest line above it that is less indented starts one."""
    depth = indentation(lines[index])
    for line in reversed(lines[:index]):
        if line.strip() and indentation(line) < depth:
            return bool(CONTAINER.match(line))
    return False


def blank(line: str, prefix: str) -> bool:
    """Whether ``line`` is empty in the list item or quote ``prefix`` opens: empty, or the quote's '>' alone."""
    return not line.strip() or line.rstrip() == prefix.rstrip()


def unnested(line: str, prefix: str) -> str | None:
    """``line`` without ``prefix`` (a blank line is an empty code line); None when the line is not nested as
    deep as the block's opening fence."""
    if line.startswith(prefix):
        return line[len(prefix):]
    return "" if blank(line, prefix) else None


class NestedFencesPreprocessor(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        if "fenced_code_block" not in self.md.preprocessors:
            return lines
        fenced_code = self.md.preprocessors["fenced_code_block"]
        result, index, top_level = [], 0, None
        while index < len(lines):
            line = lines[index]
            if top_level is not None:  # inside a fenced block at the start of a line: its lines are code
                top_level = None if line.rstrip() == top_level else top_level
            elif opening := TOP_LEVEL_FENCE.match(line):
                top_level = opening.group("fence")
            elif (nested := NESTED_FENCE.match(line)) and (">" in nested.group("prefix")
                                                           or indentation(line) < INDENTED_CODE
                                                           or in_container(lines, index)):
                if nested.group("info").strip().lower() == "quiz":  # left whole to the quiz's own error
                    end = self.closing_fence(lines, index, nested) or index
                    result.extend(lines[index:end + 1])
                    index = end + 1
                    continue
                end, code = self.block(lines, index, nested)
                prefix = nested.group("prefix")
                stored = [text for text in fenced_code.run(code) if text.strip()]  # the placeholder
                # A paragraph of its own, which the placeholder's HTML then replaces whole.
                if result and not blank(result[-1], prefix):
                    stored.insert(0, "")
                if end + 1 < len(lines) and not blank(lines[end + 1], prefix):
                    stored.append("")
                result.extend(prefix + text if text.strip() else prefix.rstrip() for text in stored)
                index = end + 1
                continue
            result.append(line)
            index += 1
        return result

    @staticmethod
    def closing_fence(lines: list[str], start: int, opening: re.Match) -> int | None:
        """The index of the line closing the nested block opened at line ``start``; None when it is not closed
        before a line less nested than its opening fence, or the end."""
        prefix, fence = opening.group("prefix"), opening.group("fence")
        closing = re.compile(rf"{re.escape(fence[0])}{{{len(fence)},}}[ \t]*")
        for index in range(start + 1, len(lines)):
            line = unnested(lines[index], prefix)
            if line is None:
                return None
            if closing.fullmatch(line):
                return index
        return None

    def block(self, lines: list[str], start: int, opening: re.Match) -> tuple[int, list[str]]:
        """The index of the closing fence of the nested block opened at ``start``, and the block's lines
        without what they are nested in (the closing fence written as the opening one, as fenced_code wants)."""
        prefix, fence = opening.group("prefix"), opening.group("fence")
        end = self.closing_fence(lines, start, opening)
        if end is not None:
            return end, [fence + opening.group("info"),
                         *(unnested(line, prefix) for line in lines[start + 1:end]), fence]
        where = "after a '>' like it" if ">" in prefix else f"indented by {indentation(lines[start])} spaces like it"
        raise StrataError(f"this code block is not closed; add a line with just {fence}, {where}, after its "
                          "last line of code", line=start + 1)


class NestedFencesExtension(Extension):
    def extendMarkdown(self, md):
        md.preprocessors.register(NestedFencesPreprocessor(md), "strata_nested_fences", 29)


def makeExtension(**kwargs):
    return NestedFencesExtension(**kwargs)
