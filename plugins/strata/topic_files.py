"""The other files of a topic's folder (images, handouts): published only when a page links to them.

Pelican copies every file of ``STATIC_PATHS`` into the output; a file in a topic's folder that no page
of the built site links to (private notes, a draft, an image no longer used) is taken out of the output,
and so of the offline zip, with a warning that names it. Hidden files and folders, editor backups and the
operating system's litter are never read at all (``IGNORE_FILES`` in ``pelicanconf.py``).
"""

from __future__ import annotations

import logging
import os

from .errors import display_path
from .language_sites import remove_files

logger = logging.getLogger("pelican.strata.topic_files")  # under Pelican's logger, which shows warnings


def topic_files(static_files, topics) -> dict[str, str]:
    """The files of ``static_files`` (Pelican's) inside a topic's folder, or a folder below it: each one's output
    path, with its source."""
    folders = tuple({os.path.join(os.path.dirname(os.path.abspath(topic.overview.source_path)), "")
                     for topic in topics})
    return {static.save_as.replace(os.sep, "/"): static.source_path for static in static_files
            if os.path.abspath(static.source_path).startswith(folders)}


def unpublish_unlinked(output_path: str, files: dict[str, str], linked: set[str], warn: bool = True) -> None:
    """Delete from ``output_path`` the ``files`` (output path → source) that no link of the site found
    (``linked``); ``warn`` about each one (not when the output leaves out a language, whose pages may link to it)."""
    unlinked = sorted(target for target in files if target not in linked)
    remove_files(output_path, unlinked)
    if warn:
        for target in unlinked:
            logger.warning("%s: not published: no page links to it; link to it from a page (an image, a "
                           "download), or keep it outside content/ (e.g. private notes)", display_path(files[target]))
