"""The quiz model: what :mod:`.parse` produces and :mod:`.render` turns into HTML.

Every piece of text here is the author's Markdown source, not HTML; the renderer
passes it through :mod:`strata.markdown.safe`. Lines are 1-based lines of the
source file, kept so that late checks (the ``section`` of a question is only
known once the page's headings exist) can still say ``path:line``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

SINGLE, MULTIPLE, TRUE_FALSE = "single", "multiple", "true-false"
QUESTION_TYPES = {
    SINGLE: "Choose one answer.",
    MULTIPLE: "Choose all that apply.",
    TRUE_FALSE: "Choose true or false.",
}
DEFAULT_TITLE = "Check your understanding"


@dataclass(frozen=True)
class Option:
    """One answer a reader can choose. ``key`` ("a", "b", ...) is its stable form value."""

    key: str
    text: str
    correct: bool = False
    feedback: str | None = None
    line: int = 0


@dataclass(frozen=True)
class Question:
    number: int
    type: str
    text: str
    options: tuple[Option, ...]
    explanation: str
    section: str | None = None
    line: int = 0
    section_line: int = 0

    @property
    def input_type(self) -> str:
        return "checkbox" if self.type == MULTIPLE else "radio"

    @property
    def hint(self) -> str:
        return QUESTION_TYPES[self.type]

    @property
    def correct_options(self) -> tuple[Option, ...]:
        return tuple(o for o in self.options if o.correct)

    @property
    def error_message(self) -> str:
        """What an unanswered question says when "Check answers" is pressed (GOV.UK wording style)."""
        if self.type == MULTIPLE:
            return f"Choose at least one answer to question {self.number}"
        if self.type == TRUE_FALSE:
            return f"Choose true or false for question {self.number}"
        return f"Choose an answer to question {self.number}"


@dataclass(frozen=True)
class Quiz:
    questions: tuple[Question, ...]
    title: str = DEFAULT_TITLE
    id: str | None = None
    line: int = 0

    def fingerprint(self) -> str:
        """A short hash of the questions and options: saved answers of an edited quiz are not restored."""
        parts = [f"{q.type}|{q.text}|" + "|".join(f"{o.text}={o.correct}" for o in q.options)
                 for q in self.questions]
        return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:10]
