"""Comprehension quizzes written in Markdown: ```` ```quiz ```` blocks of YAML → accessible forms.

``parse`` (source → :mod:`model`), ``render`` (model → the view that the theme's
quiz component, ``theme/components/quiz/``, renders) and ``extension`` (the
Python-Markdown glue). The component holds the macro, ``quiz.css`` and ``quiz.js``;
authoring is documented in AUTHORING.md, "Quizzes".
"""

from .extension import QuizExtension, makeExtension

__all__ = ["QuizExtension", "makeExtension"]
