"""The Markdown reader: Pelican's, plus Strata's extensions, a table of contents and located errors.

Problems found while reading (an unknown callout, a table without caption, a bad
quiz) are recorded as ``path:line: message`` in the build's error log; the file
is skipped and the build fails at the end with every message at once.
"""

from __future__ import annotations

import html
import os
from dataclasses import dataclass, field

from markdown import Markdown
from pelican.readers import MarkdownReader

from .errors import StrataError
from .glossary.syntax import GlossarySyntaxExtension
from .markdown.callouts import CalloutExtension
from .markdown.tables import AccessibleTableExtension
from .quiz import QuizExtension
from .state import build_state

TOC_EXTENSION = "markdown.extensions.toc"


@dataclass(frozen=True)
class TocEntry:
    """A heading of the page: its anchor, its plain-text title and its sub-headings."""

    id: str
    title: str
    children: tuple[TocEntry, ...] = field(default=())


def toc_entries(tokens: list[dict]) -> tuple[TocEntry, ...]:
    return tuple(TocEntry(t["id"], html.unescape(t["name"]), toc_entries(t["children"])) for t in tokens)


def strata_extensions(source_path: str, theme: str | None = None) -> list:
    """The extensions every Strata page is read with (``source_path`` for error messages, ``theme``
    for the quiz component's template)."""
    quiz_options = {"source_path": source_path}
    if theme:
        quiz_options["templates"] = os.path.join(theme, "templates")
    return [CalloutExtension(), AccessibleTableExtension(), GlossarySyntaxExtension(), QuizExtension(**quiz_options)]


class StrataMarkdownReader(MarkdownReader):
    """Read ``.md`` files with Strata's extensions; expose the headings as ``page.toc``."""

    def read(self, source_path):
        self._source_path = source_path
        errors = build_state(self.settings).errors
        try:
            with open(source_path, encoding="utf-8") as handle:
                text = handle.read()
        except (OSError, UnicodeDecodeError) as exc:
            errors.add(StrataError(f"cannot read this file ({exc}); check that it exists, is readable "
                                   "and is saved as UTF-8", source_path, 1))
            return "", {"status": "skip"}
        options = dict(self.settings["MARKDOWN"])
        extensions = list(options.pop("extensions", []))
        if TOC_EXTENSION not in extensions:
            extensions.append(TOC_EXTENSION)
        own = strata_extensions(source_path, self.settings.get("THEME"))
        self._md = Markdown(extensions=[*extensions, *own], **options)
        try:
            content = self._md.convert(text)
        except StrataError as exc:
            errors.add(exc.located(source_path, text))
            return "", {"status": "skip"}
        metadata = self._parse_metadata(self._md.Meta) if hasattr(self._md, "Meta") else {}
        metadata["toc"] = toc_entries(getattr(self._md, "toc_tokens", []))
        return content, metadata
