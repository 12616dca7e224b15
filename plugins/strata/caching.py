"""Pelican's content cache, kept right: a page read with another glossary or other settings is never served from it.

With ``LOAD_CONTENT_CACHE`` (``invoke livereload``) Pelican re-reads a source file only when the file itself
changed, even when the settings did. Strata's reader output also depends on the glossary files (terms marked,
definitions), on the settings the reader reads (``MARKDOWN``, ``SUMMARY_MAX_LENGTH``, ``STRATA`` …), on the ids
the theme's templates write and on the interface's catalogues (the words the extensions write), so each page's
metadata records the version it was read with (:data:`VERSION_KEY`: a digest of all that and of
:data:`READ_FORMAT`, made once per build by :func:`read_version`), and the cache look-up of the readers
(``CONTENT_CACHING_LAYER = "reader"``, the default) and of the pages generator (``"generator"``) is wrapped to
treat a page read with another version, or a page that was skipped because of an error, as not cached. A page
also records the other files it read (its images, whose size it writes; :data:`FILES_KEY`) and is read again
when one of them changed or is gone. Only Pelican's public ``get_cached_data`` method is involved; the cache
files are Pelican's business.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable

from .i18n import catalogue_path, languages

VERSION_KEY = "strata_version"
FILES_KEY = "strata_files_read"  # (path, modification time, size) of each file the page's reading looked at
READ_FORMAT = 3  # the shape of what the reader keeps on a page; raise it when that changes (3: files read)


# The Pelican settings the reader's output depends on (besides STRATA, whose validated form is taken whole)
READER_SETTINGS = ("MARKDOWN", "SUMMARY_MAX_LENGTH", "SUMMARY_END_SUFFIX", "DEFAULT_LANG", "PAGE_SAVE_AS", "PATH",
                   "THEME", "FORMATTED_FIELDS")
MARKDOWN_ADDED = ("markdown.extensions.meta",)  # the extension Pelican's reader adds to MARKDOWN's list


def read_version(state, settings: dict) -> str:
    """What a page's reading depends on besides its own file and the files it read (:data:`FILES_KEY`): the shape
    of what the reader keeps (a cache written by an older Strata is read again), the glossary files, the
    settings the reader reads, the theme's ids and the interface's catalogues. Made once per build (the build
    state keeps it): a digest of a few settings and of the catalogues' stamps."""
    theme = settings.get("THEME") or ""
    parts = {"glossary": state.glossary_version, "config": repr(state.config), "theme_ids": sorted(state.theme_ids),
             "settings": {name: settings.get(name) for name in READER_SETTINGS},
             "catalogues": file_stamps(catalogue_path(theme, lang) for lang in languages(theme))}
    parts["settings"]["MARKDOWN"] = _markdown_options(settings.get("MARKDOWN") or {})
    text = json.dumps(parts, sort_keys=True, default=_plain)
    return f"{READ_FORMAT}:{hashlib.sha256(text.encode('utf-8')).hexdigest()[:16]}"


def _markdown_options(options: dict) -> dict:
    """``MARKDOWN`` as written, and as Pelican's reader leaves it (each configured extension, and the meta one,
    added to ``extensions``): the same either way."""
    configs = options.get("extension_configs") or {}
    extensions = {e if isinstance(e, str) else json.dumps(_plain(e), sort_keys=True, default=_plain)
                  for e in options.get("extensions") or ()}
    return {**options, "extensions": sorted(extensions | set(configs) | set(MARKDOWN_ADDED))}


def _plain(value):
    """``value``, which JSON cannot write, as something it can that stays the same from one process to the next (an
    object's address changes): a set sorted, a Markdown extension object by its class and options, a function
    by its name."""
    if isinstance(value, set | frozenset):
        return sorted(value, key=repr)
    name = getattr(value, "__qualname__", None) or type(value).__qualname__
    qualified = f"{getattr(value, '__module__', None) or type(value).__module__}.{name}"
    configs = None if isinstance(value, type) else getattr(value, "getConfigs", None)
    return {qualified: configs()} if callable(configs) else qualified


def file_stamps(paths: Iterable[str]) -> tuple[tuple[str, int, int], ...]:
    """Each of ``paths`` (once) with its modification time and size, as :func:`unchanged` compares them."""
    stamps = []
    for path in dict.fromkeys(paths):
        stat = os.stat(path)
        stamps.append((path, stat.st_mtime_ns, stat.st_size))
    return tuple(stamps)


def unchanged(stamps) -> bool:
    """Whether every file of ``stamps`` (:func:`file_stamps`) is still there, as it was."""
    try:
        return all(file_stamps([path]) == ((path, mtime, size),) for path, mtime, size in stamps)
    except OSError:
        return False


def guard_cache(cacher, version: str, metadata_of: Callable[[object], dict | None]) -> None:
    """Make ``cacher.get_cached_data`` miss for data whose metadata was read with another ``version``, or
    whose files read changed."""
    cached = cacher.get_cached_data

    def get_cached_data(filename, default=None):
        data = cached(filename, default)
        if data is default or data is None:
            return data
        metadata = metadata_of(data) or {}
        if (metadata.get(VERSION_KEY) != version or metadata.get("status") == "skip"
                or not unchanged(metadata.get(FILES_KEY, ()))):
            return default
        return data

    cacher.get_cached_data = get_cached_data


def reader_metadata(data) -> dict | None:
    """The metadata in a readers-cache entry: ``(content, metadata)``."""
    return data[1] if isinstance(data, tuple) and len(data) == 2 else None


def page_metadata(data) -> dict | None:
    """The metadata of a generator-cache entry: a page."""
    return getattr(data, "metadata", None)
