"""Render a :class:`~.model.Quiz` to HTML with the theme's ``components/quiz.html`` template.

Author text (questions, options, feedback, explanations) goes through
:mod:`strata.markdown.safe` (raw HTML escaped, unsafe URLs dropped) and the
template is autoescaped, so a quiz can never inject markup or script.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ..errors import StrataError
from ..markdown.safe import render_block, render_inline
from .model import Option, Question, Quiz

DEFAULT_TEMPLATES = str(Path(__file__).resolve().parents[3] / "theme" / "templates")
TEMPLATE = "components/quiz.html"


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
    correct: tuple[OptionView, ...]
    explanation: Markup
    review: Section | None


@lru_cache(maxsize=8)
def environment(templates: str) -> Environment:
    """The Jinja2 environment of a theme's ``templates`` folder (autoescaped, strict about typos)."""
    return Environment(loader=FileSystemLoader(templates), autoescape=True, trim_blocks=True,
                       lstrip_blocks=True, undefined=StrictUndefined, keep_trailing_newline=False)


def find_section(question: Question, sections: list[Section], path: str | None = None) -> Section | None:
    """The heading named by ``question.section`` (case and spacing ignored); an unknown name is an error."""
    if question.section is None:
        return None
    wanted = _folded(question.section)
    for section in sections:
        if _folded(section.title) == wanted:
            return section
    known = "; ".join(repr(s.title) for s in sections) or "(this page has no '##' sections)"
    raise StrataError(f"question {question.number} names section {question.section!r}, which is not a '##' "
                      f"heading of this page; use one of: {known}", path, question.section_line or question.line)


def _folded(text: str) -> str:
    return " ".join(text.casefold().replace("’", "'").split())


def question_view(quiz_id: str, question: Question, review: Section | None) -> QuestionView:
    base = f"{quiz_id}-q{question.number}"
    options = tuple(_option_view(base, option) for option in question.options)
    return QuestionView(
        id=base, number=question.number, type=question.type, input_type=question.input_type,
        legend=render_inline(question.text), hint=question.hint, error=question.error_message,
        options=options, correct=tuple(o for o in options if o.correct),
        explanation=render_block(question.explanation), review=review)


def _option_view(base: str, option: Option) -> OptionView:
    return OptionView(id=f"{base}-{option.key}", value=option.key, label=render_inline(option.text),
                      correct=option.correct, feedback=render_inline(option.feedback) if option.feedback else None)


def render_quiz(quiz: Quiz, quiz_id: str, sections: list[Section], *, storage_key: str = "",
                heading_level: int = 2, templates: str | None = None, path: str | None = None) -> Markup:
    """The quiz's HTML: a ``<form class="quiz">`` with one ``<fieldset>`` per question.

    ``sections`` are the page's headings that ``section:`` may name; ``storage_key``
    identifies the quiz in the reader's ``localStorage`` (page and content fingerprint).
    """
    questions = [question_view(quiz_id, q, find_section(q, sections, path)) for q in quiz.questions]
    template = environment(os.path.abspath(templates or DEFAULT_TEMPLATES)).get_template(TEMPLATE)
    html = template.render(quiz=quiz, quiz_id=quiz_id, questions=questions, heading_level=heading_level,
                           storage_key=storage_key or f"{quiz_id}/{quiz.fingerprint()}")
    return Markup(html.strip())
