"""Quizzes in tests: what a page's author wrote (the plugin's own parser), and answering in the browser."""

from __future__ import annotations

from strata.quiz.model import Quiz
from strata.quiz.parse import find_blocks, parse_quiz
from tests.support.sites import Site


def quizzes_of(site: Site, page: str) -> list[Quiz]:
    """The quizzes written in the Markdown source of ``page`` (an output path of ``site``), in order."""
    source = site.sources()[page]
    lines = source.read_text(encoding="utf-8").splitlines()
    return [parse_quiz(block, str(source)) for block in find_blocks(lines, str(source))]


def answer_key(page) -> list[dict]:
    """Per question: its id, input type, and the index of each right option (read from the page's data)."""
    return page.evaluate("""() => [...document.querySelectorAll("fieldset.quiz__question")].map(q => ({
        id: q.id, type: q.querySelector("input").type,
        right: [...q.querySelectorAll("input")].flatMap((i, n) => i.hasAttribute("data-correct") ? [n] : []),
        count: q.querySelectorAll("input").length}))""")


def answer(page, wrong: set[int] = frozenset()):
    """Answer every question by mouse-free clicks on labels: right, except the question numbers in ``wrong``."""
    for number, question in enumerate(answer_key(page), 1):
        picks = question["right"]
        if number in wrong:
            picks = [next(n for n in range(question["count"]) if n not in question["right"])]
        for index in picks:
            page.locator(f"#{question['id']} input").nth(index).check()
