"""The content's other files (a topic's images and handouts, the shared ``images/`` folder): published only when
a page links to them.

Pelican copies every file of ``STATIC_PATHS`` into the output; a file that no page of the built site links
to (private notes, a draft, an image no longer used) is taken out of the output, and so of the offline zip,
with a warning that names it. Hidden files and folders, editor backups and the operating system's litter are
never read at all (``IGNORE_FILES`` in ``pelicanconf.py``). Strata's data files (the glossaries, references: every
``*.yaml``) are read by Strata and never published; they are not in ``IGNORE_FILES``, which Pelican's autoreload
(``invoke regenerate``, ``livereload``) also obeys: it would not rebuild when one of them is edited.
"""

from __future__ import annotations

import fnmatch
import logging
import os

from .errors import display_path
from .publishing import remove_files

logger = logging.getLogger("pelican.strata.content_files")  # under Pelican's logger, which shows warnings


DATA_FILES = "*.yaml"  # the glossaries and references (and the theme's own data, outside the content)


def leave_out_data_files(static_files: list) -> None:
    """Take Strata's data files out of ``static_files`` (Pelican's, which it copies into the output next)."""
    static_files[:] = [static for static in static_files
                       if not fnmatch.fnmatch(os.path.basename(static.source_path), DATA_FILES)]


def content_files(static_files) -> dict[str, str]:
    """Each of ``static_files`` (Pelican's, from the content's ``STATIC_PATHS``): its output path, with its source."""
    return {static.save_as.replace(os.sep, "/"): static.source_path for static in static_files}


def unpublish_unlinked(output_path: str, files: dict[str, str], linked: set[str], warn: bool = True) -> None:
    """Delete from ``output_path`` the ``files`` (output path → source) that no link of the site found
    (``linked``); ``warn`` about each one (not when the output leaves out a language, whose pages may link to it)."""
    unlinked = sorted(target for target in files if target not in linked)
    remove_files(output_path, unlinked)
    if warn:
        for target in unlinked:
            logger.warning("%s: not published: no page links to it; link to it from a page (an image, a "
                           "download), or keep it outside content/ (e.g. private notes)", display_path(files[target]))
