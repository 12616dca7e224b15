"""Comprehension quizzes written in Markdown: ```` ```quiz ```` blocks of YAML → accessible forms.

``parse`` (source → :mod:`model`), ``render`` (model → HTML through the theme's
``components/quiz.html``) and ``extension`` (the Python-Markdown glue). The
browser side is ``theme/static/js/quiz.js`` and ``theme/static/css/quiz.css``;
authoring is documented in AUTHORING.md, "Quizzes".
"""

from .extension import QuizExtension, makeExtension

__all__ = ["QuizExtension", "makeExtension"]
