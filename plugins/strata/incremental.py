"""Rebuilds under ``pelican -r`` (``invoke livereload``) rewrite only the pages an edit can change.

Pelican renders and writes every page on every run, even when its content cache served
every page but one: at 300 topics that is most of a rebuild. Within one Pelican process
(the autoreload loop), when neither the theme, nor the settings, nor the glossary, nor any
content file other than a Markdown page (references, images …) changed since the previous
run, a page whose source was served from the content cache is written again only if
another page of its topic was read anew (a topic's pages show each other's titles and
reading facts). The site's own pages (home, glossary, uses pages, search …)
are always written, as are pages whose output file is missing.

The plan is made once the pages are read (:func:`plan_rewrites`, from the source files the
reader actually read since the last run that finished: :func:`note_read`) and applied by
:class:`IncrementalWriter` (Pelican's ``get_writer`` signal); :func:`finish_run` records a
finished run. A build that stops on an error keeps what it read for the next run. A plain
build reads every page, so it writes every page.

Pelican never deletes from the output between runs, so each run records the files it writes (or keeps), and
:func:`remove_stale_files` deletes those an earlier run of the process wrote and this one did not: the pages
of a topic deleted or renamed, a removed image. They were served, and the link check found them. The first run
of a process (or of new settings) also deletes what it found in the output (:func:`found_output_files`: an
earlier build's or an earlier session's files) and neither wrote nor kept, so the output holds what a cold build
writes; hidden files and folders (``.git``) and ``OUTPUT_RETENTION``'s names stay, as ``invoke build`` keeps them.
"""

from __future__ import annotations

import os

from pelican.writers import Writer

from .publishing import remove_files, retained

# Kept in the settings, which live as long as the Pelican object (every run of ``pelican -r``):
READ_KEY = "STRATA_READ_SINCE_LAST_RUN"  # source paths read since the last finished run
KEPT_KEY = "STRATA_KEPT_PAGES"           # source paths whose output this run may keep as it is
CURRENT_KEY = "STRATA_THIS_RUN"          # what this run is built from (see _fingerprint)
PREVIOUS_KEY = "STRATA_LAST_RUN"         # what the last finished run was built from
RUN_FILES_KEY = "STRATA_FILES_OF_THIS_RUN"  # output files (relative) this run writes or keeps
EARLIER_FILES_KEY = "STRATA_FILES_OF_EARLIER_RUNS"  # output files earlier runs wrote, not yet taken out
FOUND_FILES_KEY = "STRATA_FILES_FOUND"  # output files found before the first run, with their stamps


def keeps_memory(settings: dict) -> bool:
    """Whether this Pelican process keeps what a later run may reuse (search analyses, link findings): when it
    loads Pelican's content cache (``invoke livereload``), the only case where runs share their pages; a
    one-off build keeps nothing it will not use."""
    return bool(settings.get("LOAD_CONTENT_CACHE"))


def note_read(settings: dict, source_path: str) -> None:
    """Record that the reader read ``source_path`` (it was not served from the cache)."""
    settings.setdefault(READ_KEY, set()).add(os.path.abspath(source_path))


def start_run(settings: dict) -> None:
    settings[KEPT_KEY] = frozenset()
    if RUN_FILES_KEY not in settings:  # the first run of these settings: the output may hold files of before
        settings[FOUND_FILES_KEY] = found_output_files(settings)
    settings[EARLIER_FILES_KEY] = settings.get(EARLIER_FILES_KEY, set()) | settings.get(RUN_FILES_KEY, set())
    settings[RUN_FILES_KEY] = set()


def note_written(settings: dict, name: str) -> None:
    """Record that this run writes (or keeps) the output file ``name`` (relative to the output folder)."""
    settings.setdefault(RUN_FILES_KEY, set()).add(os.path.normpath(name))


def remove_stale_files(settings: dict, output_path: str, other_files) -> None:
    """Delete from ``output_path`` the files earlier runs wrote, or the first run found, that this run neither
    wrote nor kept (nor has among ``other_files``: the content's files it copied, the search index). A found file
    whose stamp changed was written by this run (the theme's files, which Pelican copies) and stays."""
    produced = settings.setdefault(RUN_FILES_KEY, set())
    produced.update(os.path.normpath(name) for name in other_files)
    found = settings.pop(FOUND_FILES_KEY, {})
    left = {name for name, stamp in found.items()
            if name not in produced and _stamp(os.path.join(output_path, name)) == stamp}
    remove_files(output_path, sorted((settings.get(EARLIER_FILES_KEY, set()) - produced) | left))
    settings[EARLIER_FILES_KEY] = set()


def _stamp(path: str) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


def _holds(folder: str, path: str | None) -> bool:
    if not path:
        return False
    folder, path = os.path.realpath(folder), os.path.realpath(path)
    return os.path.commonpath([folder, path]) == folder


def found_output_files(settings: dict) -> dict[str, tuple[int, int]]:
    """The files in the output folder (relative name → modification time and size), but the retained ones
    (:func:`retained`) and the cache's; none when the output folder holds the content or the theme (Pelican
    refuses to clean such a folder too)."""
    output = settings.get("OUTPUT_PATH") or ""
    if not os.path.isdir(output) or any(_holds(output, settings.get(name)) for name in ("PATH", "THEME")):
        return {}
    cache, kept_names = settings.get("CACHE_PATH"), settings.get("OUTPUT_RETENTION") or ()
    found = {}
    for folder, folders, names in os.walk(output):
        top = folder == output
        folders[:] = [name for name in folders if not retained(name, kept_names if top else ())
                      and not (cache and os.path.realpath(os.path.join(folder, name)) == os.path.realpath(cache))]
        for name in names:
            if not retained(name, kept_names if top else ()):
                path = os.path.join(folder, name)
                stamp = _stamp(path)
                if stamp is not None:
                    found[os.path.normpath(os.path.relpath(path, output))] = stamp
    return found


def finish_run(settings: dict) -> None:
    """This run wrote the site: the next one compares with it."""
    settings[PREVIOUS_KEY] = settings.get(CURRENT_KEY)
    settings[READ_KEY] = set()


def _files(root: str, *, markdown: bool = True) -> list[tuple[str, int, int]]:
    """Each file under ``root`` (Markdown pages too, unless ``markdown`` is false) with its time and size."""
    files = []
    for folder, _, names in os.walk(root):
        for name in names:
            if not markdown and name.endswith((".md", ".markdown")):
                continue
            path = os.path.join(folder, name)
            try:
                stat = os.stat(path)
            except OSError:
                continue
            files.append((path, stat.st_mtime_ns, stat.st_size))
    return sorted(files)


def _fingerprint(settings: dict, glossary_version: str) -> tuple:
    """What any page may depend on: the theme's files, the content's other files (references, images …),
    the glossary, the settings object itself."""
    return (id(settings), glossary_version, tuple(_files(settings.get("THEME", ""))),
            tuple(_files(settings.get("PATH", ""), markdown=False)))


def plan_rewrites(settings: dict, pages: list, glossary_version: str) -> None:
    """Decide which pages this run may leave as the previous run wrote them (see the module's docstring)."""
    fingerprint = settings[CURRENT_KEY] = _fingerprint(settings, glossary_version)
    if settings.get(PREVIOUS_KEY) != fingerprint:
        settings[KEPT_KEY] = frozenset()
        return
    read = settings.get(READ_KEY, set())
    sources = {page: os.path.abspath(page.source_path) for page in pages}
    changed_topics = {getattr(page, "topic", None) for page, source in sources.items() if source in read}
    settings[KEPT_KEY] = frozenset(source for page, source in sources.items()
                                   if source not in read and (getattr(page, "topic", None) is None
                                                              or getattr(page, "topic", None) not in changed_topics))


class IncrementalWriter(Writer):
    """Pelican's writer, which leaves alone a page that :func:`plan_rewrites` kept and whose file exists, and
    records every file it is asked for (:func:`note_written`)."""

    def write_file(self, name, template, context, *args, **kwargs):
        if name:
            note_written(self.settings, name)
        page = kwargs.get("page")
        if (page is not None and name and os.path.abspath(page.source_path) in self.settings.get(KEPT_KEY, ())
                and os.path.exists(os.path.join(self.output_path, name))):
            return None
        return super().write_file(name, template, context, *args, **kwargs)
