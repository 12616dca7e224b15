"""Read a site's topics for the readability report, without building the site.

The Markdown pages under the settings' ``PAGE_PATHS`` are read with Strata's own
reader (the same HTML as in a build, before glossary marking), grouped into
topics and measured as in a build (:mod:`strata.levels`); the build's glossary
(the site's and each topic's) serves the jargon check. Nothing is written.
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass
from types import SimpleNamespace

from pelican.settings import read_settings

from ..errors import ErrorLog
from ..glossary.terms import Glossary
from ..languages import default_language, page_translations
from ..levels import measure_tiers
from ..reader import StrataMarkdownReader
from ..state import start_build
from ..topics import Topic, collect_topics

EXTENSIONS = (".md", ".markdown")


@dataclass
class Site:
    """What the report needs: the validated config, the measured topics, the glossary, and any content errors."""

    config: object
    topics: list[Topic]
    glossary: Glossary
    errors: ErrorLog


def page_files(settings: dict) -> list[str]:
    """The Markdown page files a build would read, sorted."""
    root, ignores, found = settings["PATH"], settings.get("IGNORE_FILES", ()), []
    for folder in settings.get("PAGE_PATHS", ()):
        for directory, subfolders, files in os.walk(os.path.join(root, folder)):
            subfolders[:] = sorted(d for d in subfolders if not any(fnmatch.fnmatch(d, i) for i in ignores))
            found += [os.path.join(directory, f) for f in files
                      if f.endswith(EXTENSIONS) and not any(fnmatch.fnmatch(f, i) for i in ignores)]
    return sorted(found)


def read_site(settings_file: str, content: str | None = None) -> Site:
    """Read and measure the topics of the site described by ``settings_file`` (``content``: another folder)."""
    overrides = {"STRATA_SETTINGS_FILE": settings_file}
    if content:
        overrides["PATH"] = os.path.abspath(content)
    settings = read_settings(settings_file, override=overrides)
    state = start_build(settings)
    reader = StrataMarkdownReader(settings)
    pages = []
    for path in page_files(settings):
        html, metadata = reader.read(path)
        if metadata.get("status") == "skip":
            continue
        pages.append(SimpleNamespace(**{"url": "", "save_as": "", **metadata, "source_path": path, "content": html}))
    gettext_for = lambda page: page_translations(settings, page.source_path).gettext  # noqa: E731
    topics = collect_topics(pages, state.config, state.errors, gettext_for, default_language(settings))
    measure_tiers(topics, pages, state.config, state.errors, gettext_for)
    return Site(state.config, topics, state.glossary, state.errors)
