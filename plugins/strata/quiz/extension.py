"""The Python-Markdown extension: ```` ```quiz ```` blocks become accessible quiz forms.

Two steps, both through Python-Markdown's extension API:

1. :class:`QuizPreprocessor` (priority 28: before ``meta`` at 27, so it sees the raw
   file and line numbers are exact) finds each block, parses and validates it, and
   replaces it by an ``htmlStash`` placeholder.
2. :class:`QuizTreeprocessor` (priority 4: after ``toc`` at 5, which gives headings
   their ids) resolves each question's ``section:`` to a ``##`` heading of the
   page, renders the quiz and puts its HTML in the stash slot; the raw-HTML
   postprocessor then puts it in the page.

Rendering late lets a "Review: <section>" link use the heading's real id, exactly
as the table of contents does (slugify, de-duplication, explicit ids).
"""

from __future__ import annotations

import html
import os
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass

from markdown.extensions import Extension
from markdown.extensions.toc import render_inner_html, slugify, strip_tags, unique
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from ..errors import StrataError
from .model import Quiz
from .parse import find_blocks, parse_quiz
from .render import DEFAULT_TEMPLATES, Section, render_quiz

ID_ATTRIBUTE = re.compile(r'\sid="([^"]+)"')


@dataclass
class _Pending:
    quiz: Quiz
    stash_index: int


class QuizPreprocessor(Preprocessor):
    def __init__(self, md, extension: QuizExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        path = self.extension.getConfig("source_path") or None
        blocks = find_blocks(lines, path)
        if not blocks:
            return lines
        result, previous = [], 0
        for block in blocks:
            quiz = parse_quiz(block, path)
            placeholder = self.md.htmlStash.store("")
            self.extension.pending.append(_Pending(quiz, self.md.htmlStash.html_counter - 1))
            result += [*lines[previous:block.start], "", placeholder, ""]
            previous = block.end + 1
        return result + lines[previous:]


class QuizTreeprocessor(Treeprocessor):
    def __init__(self, md, extension: QuizExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        pending = self.extension.pending
        if not pending:
            return
        config = self.extension.getConfig
        path = config("source_path") or None
        page_ids = {element.get("id") for element in root.iter() if element.get("id")}
        sections = [self._section(heading, page_ids) for heading in root.iter("h2")]
        quiz_ids: set[str] = set()
        for number, item in enumerate(pending, 1):
            quiz = item.quiz
            quiz_id = quiz.id or unique(f"quiz-{number}", page_ids | quiz_ids)
            if quiz_id in quiz_ids:
                raise StrataError(f"two quizzes on this page have the id {quiz_id!r}; give each a different "
                                  "'id:'", path, quiz.line)
            quiz_ids.add(quiz_id)
            rendered = render_quiz(quiz, quiz_id, sections, storage_key=f"{_page_key(path)}/{quiz_id}/"
                                   f"{quiz.fingerprint()}", heading_level=config("heading_level"),
                                   templates=config("templates"), path=path)
            rendered_ids = set(ID_ATTRIBUTE.findall(rendered))
            clashes = sorted(page_ids & rendered_ids)
            page_ids |= rendered_ids
            if clashes:
                raise StrataError(f"this quiz's id {quiz_id!r} clashes with the element id {clashes[0]!r} "
                                  "elsewhere on this page; give the quiz another 'id:'", path, quiz.line)
            self.md.htmlStash.rawHtmlBlocks[item.stash_index] = str(rendered)

    def _section(self, heading: etree.Element, page_ids: set[str]) -> Section:
        """The heading's title as the table of contents shows it, and its id (given one if it has none)."""
        title = html.unescape(strip_tags(render_inner_html(heading, self.md)))
        if not heading.get("id"):
            heading.set("id", unique(slugify(title, "-"), page_ids))
        return Section(heading.get("id"), " ".join(title.split()))


def _page_key(path: str | None) -> str:
    """``content/topics/demo/academic.md`` → ``demo/academic``: the page part of a storage key."""
    if not path:
        return "page"
    folder, name = os.path.split(os.path.splitext(path)[0])
    return f"{os.path.basename(folder)}/{name}" if folder else name


class QuizExtension(Extension):
    """Register the quiz preprocessor and treeprocessor."""

    def __init__(self, **kwargs):
        self.config = {
            "source_path": ["", "Path of the Markdown file, for 'path:line:' error messages and storage keys."],
            "templates": [DEFAULT_TEMPLATES, "The theme's templates folder (holding components/quiz.html)."],
            "heading_level": [2, "Heading level of the quiz title (the error summary uses the next level)."],
        }
        self.pending: list[_Pending] = []
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        md.registerExtension(self)
        self.pending = []
        md.preprocessors.register(QuizPreprocessor(md, self), "strata_quiz", 28)
        md.treeprocessors.register(QuizTreeprocessor(md, self), "strata_quiz", 4)

    def reset(self) -> None:
        self.pending = []


def makeExtension(**kwargs):
    return QuizExtension(**kwargs)
