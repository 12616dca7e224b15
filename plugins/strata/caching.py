"""Pelican's content cache, kept right: a page read with another glossary is never served from it.

With ``LOAD_CONTENT_CACHE`` (``invoke livereload``) Pelican re-reads a source file only
when the file itself changed. Strata's reader output also depends on the glossary
files (terms marked, definitions) and on the glossary settings, so each page's
metadata records the version it was read with (:data:`VERSION_KEY`, which includes
:data:`READ_FORMAT`), and the cache look-up of the readers (``CONTENT_CACHING_LAYER =
"reader"``, the default) and of the pages generator (``"generator"``) is wrapped to
treat a page read with another version, or a page that was skipped because of an
error, as not cached. A page also records the other files it read (its images, whose
size it writes; :data:`FILES_KEY`) and is read again when one of them changed or is gone.
Only Pelican's public ``get_cached_data`` method is involved; the cache files are
Pelican's business.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable

VERSION_KEY = "strata_version"
FILES_KEY = "strata_files_read"  # (path, modification time, size) of each file the page's reading looked at
READ_FORMAT = 3  # the shape of what the reader keeps on a page; raise it when that changes (3: files read)


def read_version(state) -> str:
    """What a page's reading depends on besides its own file: the glossary files and settings, and the shape
    of what the reader keeps (a cache written by an older Strata is read again)."""
    config = state.config
    return f"{READ_FORMAT}:{state.glossary_version}:{config.glossary_file}:{config.glossary_scope}"


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
