"""The quiz model: what :mod:`.parse` produces and :mod:`.render` turns into HTML.

Every piece of text here is the author's Markdown source, not HTML; the renderer
passes it through :mod:`strata.markdown.safe`. Lines are 1-based lines of the
source file, kept so that late checks (the ``section`` of a question is only
known once the page's headings exist) can still say ``path:line``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from ..i18n import N_

SINGLE, MULTIPLE, TRUE_FALSE = "single", "multiple", "true-false"
QUESTION_TYPES = {
    SINGLE: N_("Choose one answer."),
    MULTIPLE: N_("Choose all that apply."),
    TRUE_FALSE: N_("Choose true or false."),
}
ERRORS = {  # what an unanswered question says when "Check answers" is pressed (GOV.UK wording style)
    SINGLE: N_("Choose an answer to question %(number)s"),
    MULTIPLE: N_("Choose at least one answer to question %(number)s"),
    TRUE_FALSE: N_("Choose true or false for question %(number)s"),
}
TRUE_FALSE_LABELS = {"true": N_("True"), "false": N_("False")}
DEFAULT_TITLE = N_("Check your understanding")


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

    def hint(self, gettext=str) -> str:
        return gettext(QUESTION_TYPES[self.type])

    @property
    def correct_options(self) -> tuple[Option, ...]:
        return tuple(o for o in self.options if o.correct)

    def error_message(self, gettext=str) -> str:
        """What the question says when it is left unanswered, in the language of ``gettext``."""
        return gettext(ERRORS[self.type]) % {"number": self.number}


@dataclass(frozen=True)
class Quiz:
    questions: tuple[Question, ...]
    title: str = DEFAULT_TITLE
    id: str | None = None
    line: int = 0
    id_line: int = 0  # the line of its 'id:', when it has one

    def fingerprint(self) -> str:
        """A short hash of the questions and options: saved answers of an edited quiz are not restored."""
        parts = [f"{q.type}|{q.text}|" + "|".join(f"{o.text}={o.correct}" for o in q.options)
                 for q in self.questions]
        return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:10]
