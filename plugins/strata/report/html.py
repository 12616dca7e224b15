"""The readability report as one accessible HTML page (written outside the published site).

The page is rendered from ``report.html`` beside this module, with Jinja's
autoescaping: every author text (titles, sentences, words) is shown as text. It
has no script and no style of its own, so it reads the same in any browser, in
the user's colours, with or without a network.
"""

from __future__ import annotations

import os

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from .analysis import HARDEST, LONG_SENTENCE_WORDS, Report


def breakable(path: str) -> Markup:
    """A file path, escaped, that may wrap after each ``/`` (a long path must not widen a narrow screen)."""
    return Markup("/<wbr>").join(escape(part) for part in str(path).split("/"))


def render_html(report: Report, strict: bool) -> str:
    environment = Environment(loader=FileSystemLoader(os.path.dirname(__file__)),
                              autoescape=select_autoescape(default=True), trim_blocks=True, lstrip_blocks=True)
    environment.filters["breakable"] = breakable
    template = environment.get_template("report.html")
    return template.render(report=report, strict=strict, hardest=HARDEST, long_words=LONG_SENTENCE_WORDS)


def write_html(report: Report, path: str, strict: bool) -> str:
    """Write the report page to ``path`` (folders created as needed); return its absolute path."""
    path = os.path.abspath(path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(render_html(report, strict))
    return path
