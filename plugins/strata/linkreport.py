"""Run the link check after each build and report dead links where an author can fix them.

Two steps, wired in ``plugin.py``:

- ``all_generators_finalized``: remember which Markdown file and template wrote
  each page (in the settings, so it belongs to this build only);
- ``finalized``, after everything else is written: run :func:`~strata.links.check_output` over the written site, warn
  about images over the size budget, take out the files of topic folders no link found
  (:mod:`strata.content_files`), and stop the build (``BuildFailed``) if a link
  is dead. ``python -m strata build`` then leaves the previous output untouched
  (it built into a staging folder); plain ``pelican`` stops with the same messages.
  Under ``invoke livereload`` (``pelican -r`` loading the content cache) the check remembers
  each page's findings from run to run
  (:class:`~strata.links.LinkMemory`): a page whose bytes did not change is not parsed
  again, and the report is the one a full check gives.

A dead link is located, in this order, in the page's Markdown (by its URL), in the
glossary (definitions are Markdown too), or in the theme's templates (by its
``#fragment`` or file name: the page's own template, then ``base.html``, then any
other); one dead link a template writes on many pages is reported once, with the
number of pages.
"""

from __future__ import annotations

import glob
import logging
import os
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urlsplit

from pelican.generators import PagesGenerator

from .content_files import unpublish_unlinked
from .errors import SOURCE_ENCODING, StrataError, display_path, line_of
from .incremental import keeps_memory
from .links import DeadLink, LinkMemory, check_output
from .publishing import is_absolute_site
from .state import build_state

SOURCES_KEY = "STRATA_PAGE_SOURCES"
MEMORY_KEY = "STRATA_LINK_MEMORY"
logger = logging.getLogger("pelican.strata.links")  # under Pelican's logger, which shows warnings


@dataclass(frozen=True)
class PageSource:
    """What wrote a built page: its Markdown file and its template name."""

    source_path: str
    template: str


def remember_page_sources(generators) -> None:
    pages_generator = next(g for g in generators if isinstance(g, PagesGenerator))
    pages = [*pages_generator.pages, *pages_generator.hidden_pages, *pages_generator.draft_pages]
    pages_generator.settings[SOURCES_KEY] = {
        page.save_as.replace(os.sep, "/"): PageSource(page.source_path, page.template) for page in pages}


def check_links(pelican) -> None:
    settings = pelican.settings
    state = build_state(settings)
    # The findings live as long as the Pelican object (``invoke livereload``), when it keeps any.
    memory = settings.setdefault(MEMORY_KEY, LinkMemory()) if keeps_memory(settings) else None
    report = check_output(pelican.output_path, settings["SITEURL"] if is_absolute_site(settings) else "",
                          bool(settings.get("OFFLINE_BUNDLE")), memory)
    locator = _Locator(settings)
    _warn_about_large_images(report.images, pelican.output_path, state.config.image_budget_kb, locator)
    unpublish_unlinked(pelican.output_path, state.content_files, report.targets, state.config.languages is None)
    for error in _errors(report.dead, locator):
        state.errors.add(error)
    state.errors.raise_if_any()


def _errors(dead: list[DeadLink], locator: _Locator) -> list[StrataError]:
    """One error per place that wrote dead links: a Markdown line per URL, a template line once for all
    the pages it broke."""
    grouped: dict[tuple[str, int, str], list[DeadLink]] = {}
    for link in dead:
        path, line, by_template = locator.locate(link.url, link.page)
        grouped.setdefault((path, line, "" if by_template else link.url), []).append(link)
    errors = []
    for (path, line, markdown_url), links in grouped.items():
        first = links[0]
        if markdown_url:
            errors.append(StrataError(f"the link '{first.url}' does not work: {first.reason}", path, line))
            continue
        others = f" (and {len(links) - 1} more on other pages)" if len(links) > 1 else ""
        errors.append(StrataError(
            f"the link '{first.url}' that this template writes in {first.page} (line {first.line}) does not "
            f"work: {first.reason}{others}", path, line))
    return errors


def _warn_about_large_images(images: dict[str, tuple[str, int, str]], output: str, budget_kb: int,
                             locator: _Locator) -> None:
    for target, (page, _, url) in sorted(images.items()):
        size_kb = os.path.getsize(os.path.join(output, target)) / 1024
        if size_kb > budget_kb:
            path, line, _ = locator.locate(url, page)
            logger.warning("%s:%d: the image '%s' is %d KB, over the %d KB budget (STRATA 'image_budget_kb'); "
                           "save it smaller (SVG for drawings; a smaller PNG, JPEG or WebP for photos)",
                           display_path(path), line, url, round(size_kb), budget_kb)


class _Locator:
    """Find the file and line that wrote a URL of a built page."""

    def __init__(self, settings: dict):
        self.sources: dict[str, PageSource] = settings.get(SOURCES_KEY, {})
        config = build_state(settings).config
        self.glossary = os.path.join(settings["PATH"], config.glossary_file)
        self.templates = os.path.join(settings["THEME"], "templates")
        self.theme = settings["THEME"]
        self.texts: dict[str, str] = {}

    def locate(self, url: str, page: str) -> tuple[str, int, bool]:
        """``(path, line, written_by_a_template)`` for ``url`` on the built ``page``."""
        source = self.sources.get(page)
        parts = urlsplit(url)
        name = parts.path.rsplit("/", 1)[-1]
        fragment = f"#{parts.fragment}" if parts.fragment else ""
        for path in (source.source_path if source else None, self.glossary):
            for needle in (url, name + fragment if name and fragment else "", fragment):
                line = line_of(self._text(path), needle) if path and needle else None
                if line:
                    return path, line, False
        template = source.template if source else os.path.splitext(os.path.basename(page))[0]
        own = os.path.join(self.templates, f"{template}.html")
        candidates = [own, os.path.join(self.templates, "base.html"), *self.theme_files]
        for needle in (fragment, name.split("?")[0]):
            for path in candidates:
                line = line_of(self._text(path), needle) if needle else None
                if line:
                    return path, line, True
        return own, 1, True

    @cached_property
    def theme_files(self) -> list[str]:
        return sorted(glob.glob(os.path.join(self.theme, "**", "*.html"), recursive=True))

    def _text(self, path: str) -> str:
        if path not in self.texts:
            try:
                with open(path, encoding=SOURCE_ENCODING) as handle:
                    self.texts[path] = handle.read()
            except (OSError, UnicodeDecodeError):
                self.texts[path] = ""
        return self.texts[path]
