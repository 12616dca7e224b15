"""From a :class:`~.model.Quiz` to what the theme's quiz component (``theme/components/quiz/``) renders.

:func:`quiz_view` resolves each question's ``section:`` and gives every element its id; the view is
what the component's ``quiz`` macro takes. In a build the Markdown extension leaves the views on the
page (``page.quizzes``) and a marker where each quiz was written; the page template splits the content
at the markers (:func:`content_parts`) and calls the macro in Pelican's one Jinja environment.
:func:`render_quiz` renders a view alone, through the same environment (tests, Markdown outside Pelican).

Author text (questions, options, feedback, explanations) goes through :mod:`strata.markdown.safe` (raw
HTML escaped, unsafe URLs dropped) and the template is autoescaped, so a quiz can never inject markup.
"""

from __future__ import annotations

import pickle
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup, escape

from ..errors import StrataError
from ..markdown.in_brief import comparable
from ..markdown.safe import render_block, render_inline
from .model import DEFAULT_TITLE, TRUE_FALSE, Option, Question, Quiz

DEFAULT_THEME = str(Path(__file__).resolve().parents[3] / "theme")
TEMPLATE = "quiz/quiz.html"
MARKER = "<!--strata-quiz:{id}-->"


@dataclass(frozen=True)
class Section:
    """A ``##`` heading of the page a question can send the reader back to."""

    id: str
    title: str


@dataclass(frozen=True)
class OptionView:
    id: str
    value: str
    label: Markup
    correct: bool
    feedback: Markup | None


@dataclass(frozen=True)
class QuestionView:
    id: str
    number: int
    type: str
    input_type: str
    legend: Markup
    hint: str
    error: str
    options: tuple[OptionView, ...]
    explanation: Markup
    review: Section | None

    @property
    def correct(self) -> tuple[OptionView, ...]:
        return tuple(o for o in self.options if o.correct)


@dataclass(frozen=True)
class QuizView:
    """A quiz as the component takes it: ``storage_key`` names its saved answers in ``localStorage``."""

    id: str
    title: Markup
    storage_key: str
    questions: tuple[QuestionView, ...]

    @property
    def marker(self) -> str:
        return MARKER.format(id=self.id)

    def element_ids(self) -> set[str]:
        """Every id the component gives the quiz's elements (``tests/quiz`` checks it against the HTML)."""
        ids = {self.id, f"{self.id}-title", f"{self.id}-errors", f"{self.id}-errors-title"}
        for q in self.questions:
            ids |= {q.id, f"{q.id}-hint", f"{q.id}-error", f"{q.id}-result"}
            ids |= {i for o in q.options for i in (o.id, f"{o.id}-feedback")}
        return ids


class PackedViews(Sequence):
    """A page's quiz views, kept pickled and compressed from reading until the page template renders them.

    Every page's views are held for the whole build (the pages are written after all are read), and as
    objects a quiz's views take some 11 KB (a hundred small strings of HTML); packed, about 1.5 KB. Each
    use unpacks them: the template uses them once, when it writes the page.
    """

    __slots__ = ("_count", "_packed")

    def __init__(self, views=()):
        views = tuple(views)
        self._packed = zlib.compress(pickle.dumps(views, protocol=pickle.HIGHEST_PROTOCOL), 1) if views else b""
        self._count = len(views)

    def _views(self) -> tuple[QuizView, ...]:
        return pickle.loads(zlib.decompress(self._packed)) if self._packed else ()

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index):
        return self._views()[index]

    def __iter__(self):
        return iter(self._views())

    def __eq__(self, other) -> bool:
        return isinstance(other, PackedViews) and self._views() == other._views()

    __hash__ = None

    def __getstate__(self):
        return self._packed, self._count

    def __setstate__(self, state) -> None:
        self._packed, self._count = state


def find_section(question: Question, sections: list[Section], path: str | None = None) -> Section | None:
    """The heading named by ``question.section``, compared as the In brief check compares quotes (case, spacing,
    and smarty's quote marks, dashes and ellipses ignored: ``Dressings -- types...`` names the heading shown
    "Dressings – types…"); a name that no heading has, or that two headings have, is an error."""
    if question.section is None:
        return None
    wanted = comparable(question.section)
    found = [section for section in sections if comparable(section.title) == wanted]
    line = question.section_line or question.line
    if len(found) > 1:
        raise StrataError(f"question {question.number} names section {question.section!r}, but {len(found)} '##' "
                          "headings of this page have that name; give each section its own heading", path, line)
    if found:
        return found[0]
    known = "; ".join(repr(s.title) for s in sections) or "(this page has no '##' sections)"
    raise StrataError(f"question {question.number} names section {question.section!r}, which is not a '##' "
                      f"heading of this page; use one of: {known}", path, line)


def question_view(quiz_id: str, question: Question, review: Section | None, gettext=str) -> QuestionView:
    """The view of one question; ``gettext`` translates the quiz's own words (hint, error, true and false)."""
    base = f"{quiz_id}-q{question.number}"
    return QuestionView(
        id=base, number=question.number, type=question.type, input_type=question.input_type,
        legend=render_inline(question.text), hint=question.hint(gettext), error=question.error_message(gettext),
        options=tuple(_option_view(base, option, gettext if question.type == TRUE_FALSE else str)
                      for option in question.options),
        explanation=render_block(question.explanation), review=review)


def _option_view(base: str, option: Option, gettext=str) -> OptionView:
    return OptionView(id=f"{base}-{option.key}", value=option.key, label=render_inline(gettext(option.text)),
                      correct=option.correct, feedback=render_inline(option.feedback) if option.feedback else None)


def quiz_view(quiz: Quiz, quiz_id: str, sections: list[Section], *, storage_key: str = "",
              path: str | None = None, gettext=str) -> QuizView:
    """The view of ``quiz``; ``sections`` are the page's headings that a ``section:`` may name; ``gettext``
    translates its own words (the default title, hints, errors) into the page's language."""
    questions = tuple(question_view(quiz_id, q, find_section(q, sections, path), gettext) for q in quiz.questions)
    title = escape(gettext(quiz.title)) if quiz.title == DEFAULT_TITLE else render_inline(quiz.title)
    return QuizView(quiz_id, title, storage_key or f"{quiz_id}/{quiz.fingerprint()}", questions)


def render_view(view: QuizView, heading_level: int = 2, theme: str | None = None) -> Markup:
    """The component's HTML for ``view`` (a ``<form class="quiz">``), rendered alone."""
    from ..components import jinja_environment

    macro = jinja_environment(theme=theme or DEFAULT_THEME).get_template(TEMPLATE).module.quiz
    return Markup(str(macro(view, heading_level=heading_level)).strip())


def render_quiz(quiz: Quiz, quiz_id: str, sections: list[Section], *, storage_key: str = "",
                heading_level: int = 2, theme: str | None = None, path: str | None = None) -> Markup:
    """:func:`quiz_view` then :func:`render_view`."""
    return render_view(quiz_view(quiz, quiz_id, sections, storage_key=storage_key, path=path), heading_level, theme)


def content_parts(content: str, quizzes) -> list[tuple[Markup, QuizView | None]]:
    """``content`` cut at each quiz's marker: ``(html, quiz)`` pairs, the last with ``None`` for its quiz.

    The ``quiz_parts`` template filter. A marker that is missing would lose a quiz silently, so it is an
    error (it cannot happen to a page read by Strata's reader).
    """
    parts, rest = [], str(content)
    for view in quizzes or ():
        quiz_id = view["id"] if isinstance(view, Mapping) else view.id  # a mapping in a component example
        marker = MARKER.format(id=quiz_id)
        before, found, rest = rest.partition(marker)
        if not found:
            raise ValueError(f"the page has no place for quiz {quiz_id!r} (its marker {marker} is missing)")
        parts.append((Markup(before), view))
    return [*parts, (Markup(rest), None)]
