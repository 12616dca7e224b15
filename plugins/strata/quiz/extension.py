"""The Python-Markdown extension: ```` ```quiz ```` blocks become accessible quiz forms.

Two steps, both through Python-Markdown's extension API:

1. :class:`QuizPreprocessor` (priority 28: before ``meta`` at 27, so it sees the raw
   file and line numbers are exact) finds each block, parses and validates it, and
   replaces it by an ``htmlStash`` placeholder.
2. :class:`QuizTreeprocessor` (priority 4: after ``toc`` at 5, which gives headings
   their ids) resolves each question's ``section:`` to a ``##`` heading of the
   page and makes the quiz's view (:mod:`.render`). The views are left on
   ``md.strata_quizzes``. With ``render_in_place`` (the default, for Markdown used
   alone) the stash slot gets the component's HTML; Strata's reader turns it off,
   so the slot gets a marker and the page template renders the quiz there.

Working late lets a "Review: <section>" link use the heading's real id, exactly
as the table of contents does (slugify, de-duplication, explicit ids).
"""

from __future__ import annotations

import html
import os
import xml.etree.ElementTree as etree
from dataclasses import dataclass

from markdown.extensions import Extension
from markdown.extensions.toc import render_inner_html, strip_tags
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from ..errors import StrataError
from ..ids import PageIds, heading_slug, page_ids
from .model import Quiz
from .parse import find_blocks, parse_quiz
from .render import Section, quiz_view, render_view


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
        ids = page_ids(self.md, root)
        sections = [self._section(heading, ids) for heading in root.iter("h2")]
        quiz_ids: set[str] = set()
        for number, item in enumerate(pending, 1):
            quiz = item.quiz
            id_line = quiz.id_line or quiz.line
            if quiz.id in quiz_ids:
                raise StrataError(f"two quizzes on this page have the id {quiz.id!r}; give each a different "
                                  "'id:'", path, id_line)
            quiz_id = quiz.id or ids.unique(f"quiz-{number}")
            quiz_ids.add(quiz_id)
            view = quiz_view(quiz, quiz_id, sections, path=path, gettext=config("gettext"),
                             storage_key=f"{_page_key(path)}/{quiz_id}/{quiz.fingerprint()}")
            own = view.element_ids() - ({quiz_id} if not quiz.id else set())
            clashes = sorted(i for i in own if i in ids)
            if clashes:
                raise StrataError(f"this quiz's id {quiz_id!r} clashes with the element id {clashes[0]!r} "
                                  "elsewhere on this page; give the quiz another 'id:'", path, id_line)
            for element_id in own:
                ids.take(element_id)
            self.md.strata_quizzes.append(view)
            self.md.htmlStash.rawHtmlBlocks[item.stash_index] = (
                str(render_view(view, config("heading_level"), config("theme") or None))
                if config("render_in_place") else view.marker)

    def _section(self, heading: etree.Element, ids: PageIds) -> Section:
        """The heading's title as the table of contents shows it, and its id (given one if it has none)."""
        title = html.unescape(strip_tags(render_inner_html(heading, self.md)))
        if not heading.get("id"):
            heading.set("id", ids.unique(heading_slug(title)))
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
            "render_in_place": [True, "Put the quiz's HTML in the page; when False, a marker that the page "
                                "template replaces by the quiz component (the views are on md.strata_quizzes)."],
            "theme": ["", "The theme whose quiz component renders in place (Strata's own when empty)."],
            "heading_level": [2, "Heading level of the quiz title when rendered in place."],
            "gettext": [str, "Translates the quiz's own words: its default title, hints, errors, true and false "
                        "(the page's language)."],
        }
        self.pending: list[_Pending] = []
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        md.registerExtension(self)
        self.pending = []
        self.md = md
        md.strata_quizzes = []
        md.preprocessors.register(QuizPreprocessor(md, self), "strata_quiz", 28)
        md.treeprocessors.register(QuizTreeprocessor(md, self), "strata_quiz", 4)

    def reset(self) -> None:
        self.pending = []
        self.md.strata_quizzes = []


def makeExtension(**kwargs):
    return QuizExtension(**kwargs)
