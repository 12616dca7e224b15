"""The Markdown reader: Pelican's, plus Strata's extensions, a table of contents and located errors.

Each page is rendered once, here: the glossary terms are marked in the tree as the page
is read, and what later steps need is kept in the page's metadata (so Pelican's content
cache keeps it too): ``toc`` (headings), ``strata_sections`` (text by section, see
:mod:`strata.pagetext`) and ``strata_terms`` (glossary occurrences, for the backlinks).

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

from .caching import FILES_KEY, VERSION_KEY, file_stamps
from .errors import SOURCE_ENCODING, StrataError, unreadable
from .glossary.marking import GlossaryExtension
from .glossary.terms import translated_glossary_file
from .incremental import note_read
from .languages import page_language, page_translations, translation_metadata
from .markdown.abbreviations import AccessibleAbbreviationsExtension
from .markdown.callouts import CalloutExtension
from .markdown.characters import CharacterReferencesExtension
from .markdown.footnotes import AccessibleFootnotesExtension
from .markdown.html_blocks import HtmlBlocksExtension
from .markdown.images import ImageExtension
from .markdown.in_brief import InBriefExtension
from .markdown.link_text import LinkTextExtension
from .markdown.nested_fences import NestedFencesExtension
from .markdown.safety import SafetyExtension
from .markdown.sections import SectionsExtension
from .markdown.tables import AccessibleTableExtension
from .pagetext import opening_words
from .quiz import QuizExtension
from .quiz.render import PackedViews
from .records import misspelling_of
from .state import build_state
from .topics import metadata_line

TOC_EXTENSION = "markdown.extensions.toc"
META_PRIORITY = 27  # where markdown.extensions.meta registers its preprocessor
DATES = ("date", "modified")
STATUSES = ("published", "hidden", "draft")  # Pelican's page statuses an author may write
# The header keys Strata and Pelican read (AUTHORING.md, "The metadata header"; Pelican's Content and readers); a key
# one slip away from one of them is a misspelling, any other a key of the author's own, which Pelican keeps.
PAGE_KEYS = ("title", "topic", "tier", "summary", "glossary", "status", "save_as", "date", "modified", "lang",
             "slug", "url", "template", "translation", "author", "authors", "category", "tags", "timezone",
             "date_format")


class _MetadataError(Exception):
    """A metadata value Pelican cannot read (e.g. ``Date: soon``): its key, value and Pelican's reason."""

    def __init__(self, name: str, value: str, reason: str):
        super().__init__(reason)
        self.name, self.value, self.reason = name, value, reason


def misspelt_keys(source_path: str, metadata: dict) -> list[StrataError]:
    """An error at each key of the header that is a misspelling of a key Strata or Pelican reads (which would be
    ignored: 'Sumary:' gives the page no summary)."""
    problems = []
    for key in metadata:
        meant = misspelling_of(key, PAGE_KEYS)
        if meant is not None:
            written, meant = key.capitalize(), meant.capitalize()
            problems.append(StrataError(f"unknown key {written!r}; did you mean {meant!r}? Correct it to "
                                        f"'{meant}:' (as written, the line is ignored)",
                                        source_path, metadata_line(source_path, key)))
    return problems


def metadata_problem(source_path: str, metadata: dict) -> StrataError | None:
    """What is wrong with a page's metadata that Pelican would only log without a line (or not at all)."""
    if not str(metadata.get("title", "")).strip():
        return StrataError("this page has no title; start the file with 'Title: …', then the other "
                           "'Key: value' lines, then a blank line", source_path, 1)
    status = metadata.get("status")
    if status is not None and status not in STATUSES:
        return StrataError(f"unknown status {status!r}; use one of: {', '.join(STATUSES)} (or remove the line)",
                           source_path, metadata_line(source_path, "status"))
    save_as = metadata.get("save_as")
    if save_as is not None:
        target = os.path.normpath(str(save_as).replace("\\", "/"))
        if not str(save_as).strip() or os.path.isabs(target) or target.split(os.sep)[0] == "..":
            return StrataError(f"'Save_as: {save_as}' is not a file inside the output folder; write a "
                               "relative path such as 'topics/demo/page.html', or remove the line",
                               source_path, metadata_line(source_path, "save_as"))
    return None


@dataclass(frozen=True)
class TocEntry:
    """A heading of the page: its anchor, its plain-text title and its sub-headings."""

    id: str
    title: str
    children: tuple[TocEntry, ...] = field(default=())


def toc_entries(tokens: list[dict]) -> tuple[TocEntry, ...]:
    return tuple(TocEntry(t["id"], html.unescape(t["name"]), toc_entries(t["children"])) for t in tokens)


def strata_extensions(source_path: str, state=None, gettext=str, lang: str | None = None) -> list:
    """The extensions every Strata page is read with (``source_path`` for error messages, ``state`` for the
    build's glossary and settings, ``gettext`` for the words they write, in the page's language ``lang``,
    whose glossary marks the terms). Quizzes are left as markers, with their views on ``md.strata_quizzes``,
    for the page template to render."""
    glossary_options, translated = {}, None
    if state is not None:
        translated = lang if lang not in (None, state.glossary_lang) else None
        glossary_file = translated_glossary_file(state.config.glossary_file, translated)
        glossary_options = {"glossary": state.glossary_for(lang),
                            "per_section": state.config.glossary_scope == "section",
                            "href": "{filename}/" + glossary_file.replace(os.sep, "/")}
    return [InBriefExtension(), CalloutExtension(gettext=gettext), AccessibleTableExtension(),
            QuizExtension(source_path=source_path, render_in_place=False, gettext=gettext),
            AccessibleFootnotesExtension(gettext=gettext), AccessibleAbbreviationsExtension(gettext=gettext),
            CharacterReferencesExtension(),
            GlossaryExtension(**glossary_options), SectionsExtension(title_is_h1=True), SafetyExtension(),
            ImageExtension(source_path=source_path, static_links=translated is not None), LinkTextExtension(),
            HtmlBlocksExtension(), NestedFencesExtension()]


class StrataMarkdownReader(MarkdownReader):
    """Read ``.md`` files with Strata's extensions; expose the headings as ``page.toc``."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._converters: dict[str, Markdown] = {}  # by language: a reader lives for one build

    def _markdown(self, state, source_path: str, lang: str) -> Markdown:
        """The build's Markdown for pages in ``lang``, made once and reset for each page (Python-Markdown's way
        to convert many documents: each extension keeps a document's state until its ``reset()``); the
        extensions that need the page's path are given it. Making one per page took 3 % of a build."""
        md = self._converters.get(lang)
        if md is None:
            options = dict(self.settings["MARKDOWN"])
            extensions = list(options.pop("extensions", []))
            if TOC_EXTENSION not in extensions:
                extensions.append(TOC_EXTENSION)
            own = strata_extensions("", state, page_translations(self.settings, source_path).gettext, lang)
            md = self._converters[lang] = Markdown(extensions=[*extensions, *own], **options)
            md.strata_located = [extension for extension in own if "source_path" in extension.config]
            md.strata_theme_ids = state.theme_ids  # ids the page's own must not take
        for extension in md.strata_located:
            extension.setConfig("source_path", source_path)
        return md.reset()

    def read(self, source_path):
        self._source_path = source_path
        state = build_state(self.settings)
        errors = state.errors
        note_read(self.settings, source_path)
        try:
            with open(source_path, encoding=SOURCE_ENCODING) as handle:
                text = handle.read()
        except (OSError, UnicodeDecodeError) as exc:
            errors.add(unreadable(source_path, exc))
            return "", {"status": "skip"}
        self._md = self._markdown(state, source_path, page_language(self.settings, source_path))
        try:
            content = self._md.convert(text)
        except StrataError as exc:
            errors.add(exc.located(source_path, text))
            return "", {"status": "skip"}
        if self._md.strata_problems:
            for problem in self._md.strata_problems:
                errors.add(problem.located(source_path, text))
            return "", {"status": "skip"}
        found = self._results(text, state)  # before Pelican reads the metadata, which may convert with this Markdown
        try:
            metadata = self._parse_metadata(self._md.Meta) if hasattr(self._md, "Meta") else {}
        except _MetadataError as exc:
            errors.add(StrataError(f"'{exc.name.title()}: {exc.value}' cannot be read ({exc.reason}); "
                                   + ("write a date as YYYY-MM-DD, e.g. 2024-05-31" if exc.name in DATES
                                      else "correct the value or remove the line"),
                                   source_path, metadata_line(source_path, exc.name)))
            return "", {"status": "skip"}
        problems = misspelt_keys(source_path, metadata)
        if not problems:  # a misspelt key first: 'Titel:' is the cause of "no title"
            problem = metadata_problem(source_path, metadata) or translation_metadata(self.settings, source_path,
                                                                                       metadata)
            problems = [problem] if problem is not None else []
        if problems:
            for problem in problems:
                errors.add(problem)
            return "", {"status": "skip"}
        if "summary" not in metadata:
            # Pelican would cut the page's HTML after 50 words, headings and hidden glossary definitions included
            metadata["summary"] = opening_words(found["strata_sections"], self.settings.get("SUMMARY_MAX_LENGTH") or 50,
                                                self.settings.get("SUMMARY_END_SUFFIX", "…"))
            metadata["summary_from_text"] = True  # (the overview does not show it again above that paragraph)
        if isinstance(metadata.get("summary"), str):
            # Pelican treats a summary as HTML (templates strip its tags): the author's plain text becomes
            # escaped HTML, so "<b>" or "a < b" is shown as typed, not stripped.
            metadata["summary"] = html.escape(metadata["summary"], quote=False)
        metadata.update(found)
        return content, metadata

    def _results(self, text: str, state) -> dict:
        """What the conversion of ``text`` left on the Markdown, as page metadata."""
        found = {"toc": toc_entries(getattr(self._md, "toc_tokens", [])),
                 "strata_sections": tuple(self._md.strata_sections), "strata_terms": tuple(self._md.strata_terms),
                 VERSION_KEY: state.read_version, FILES_KEY: file_stamps(self._md.strata_image_files),
                 "quizzes": PackedViews(self._md.strata_quizzes)}  # rendered by the page template at their markers
        if self._md.strata_in_brief is not None:
            found["in_brief"] = self._md.strata_in_brief.located(text)
        return found

    def _parse_metadata(self, meta):
        """Pelican's, which takes the ``meta`` preprocessor out of the Markdown it uses (so that a formatted
        field is not read as metadata); the build's Markdown reads every page, so it is put back after."""
        preprocessors = self._md.preprocessors
        meta_preprocessor = preprocessors["meta"]
        try:
            return super()._parse_metadata(meta)
        finally:
            if "meta" not in preprocessors:
                preprocessors.register(meta_preprocessor, "meta", META_PRIORITY)

    def process_metadata(self, name, value):
        try:
            return super().process_metadata(name, value)
        except (ValueError, TypeError, OverflowError) as exc:
            raise _MetadataError(name, value, str(exc)) from None
