"""The prose of a page: the lines of its sections that readers read as sentences.

Reading levels are measured on prose only: paragraphs, list items and the text of
key points (callouts), not headings, tables (cells and captions), code, callout
labels, quizzes or glossary pop-ups (the last two are never in ``page.strata_sections``).
"""

from __future__ import annotations

from collections.abc import Iterable

from .markdown.callouts import CalloutExtension
from .pagetext import CALLOUT, PROSE, Section

CALLOUT_LABELS = frozenset(CalloutExtension().getConfig("kinds").values())


def prose_lines(sections: Iterable[Section]) -> list[str]:
    """The prose lines of ``sections``, in order (a callout's label left out)."""
    return prose_and_rest(sections)[0]


def prose_and_rest(sections: Iterable[Section], measured=lambda section: True) -> tuple[list[str], list[str]]:
    """The prose lines of the ``sections`` that ``measured`` accepts, and the rest of their text: titles, lines
    of other kinds, every line of the sections it leaves out."""
    prose, rest = [], []
    for section in sections:
        if section.title:
            rest.append(section.title)
        taken = measured(section)
        for line, kind in _kinds(section):
            (prose if taken and _is_prose(line, kind) else rest).append(line)
    return prose, rest


def _is_prose(line: str, kind: str) -> bool:
    return kind == PROSE or (kind == CALLOUT and line not in CALLOUT_LABELS)


def _kinds(section: Section):
    return zip(section.lines, section.kinds or (PROSE,) * len(section.lines), strict=True)
