"""Author-facing errors: every problem in the content is reported as ``path:line: message``.

A build never stops at the first problem: each step records what it finds in the
:class:`ErrorLog`, and the build ends with all of them at once, so that an author
fixes a whole file in one go. Nothing here ever shows a Python traceback.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass, field
from typing import NamedTuple

# How author files are read, as Pelican reads content: UTF-8, with a byte-order mark at the start (which some
# Windows editors write) dropped. Lines are counted the same with or without one.
SOURCE_ENCODING = "utf-8-sig"


class Nth(NamedTuple):
    """A needle found more than once in the source: its ``occurrence``-th match is the one (1 is the first)."""

    needle: str | re.Pattern
    occurrence: int


class StrataError(Exception):
    """A problem an author can fix: where it is, what is wrong and how to fix it.

    ``line`` may be unknown when the error is raised deep inside a Markdown
    processor; the reader then locates ``needle`` (a snippet of the offending
    source text) to fill it in.
    """

    def __init__(self, message: str, path: str | None = None, line: int | None = None,
                 *, needle: str | re.Pattern | Nth | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.needle = needle

    def located(self, path: str, source: str | None = None) -> StrataError:
        """Return this error with its path, and its line found from ``needle`` in ``source``."""
        line = self.line
        if line is None and source is not None and self.needle:
            line = line_of(source, self.needle)
        return StrataError(self.message, self.path or path, line)

    def __str__(self) -> str:
        where = display_path(self.path) if self.path else "<settings>"
        return f"{where}:{self.line or 1}: {self.message}"


UTF16_MARKS = (b"\xff\xfe", b"\xfe\xff")
RESAVE = ("open it in your editor and save it with the encoding UTF-8 (Notepad: 'Save as', Encoding UTF-8; "
          "VS Code: 'Save with Encoding', UTF-8; Word: save as Plain Text, Unicode (UTF-8))")


def unreadable(path: str, exc: OSError | UnicodeDecodeError) -> StrataError:
    """The error for an author file that cannot be read: for one not saved as UTF-8 (a Windows editor's
    Latin-1 or UTF-16), at the line of the first character that is not UTF-8, naming it and how to resave."""
    if not isinstance(exc, UnicodeDecodeError):
        return StrataError(f"cannot read this file ({exc}); check that it exists, is a file and "
                           "is readable", path, 1)
    data = exc.object
    if data.startswith(UTF16_MARKS):
        return StrataError(f"this file is saved as UTF-16, and Strata reads UTF-8; {RESAVE}", path, 1)
    line = data.count(b"\n", 0, exc.start) + 1
    byte = data[exc.start:exc.start + 1]
    return StrataError(f"this file is not saved as UTF-8: the byte {byte.hex().upper()} on this line is "
                       f"{byte.decode('cp1252', 'replace')!r} in the Windows encoding (Latin-1), not UTF-8; {RESAVE}",
                       path, line)


class BuildFailed(Exception):
    """Raised once at the end of a build that recorded one or more :class:`StrataError`."""

    exitcode = 1

    def __init__(self, errors: list[StrataError]):
        self.errors = sorted(errors, key=lambda e: (e.path or "", e.line or 0))
        super().__init__("\n".join(str(e) for e in self.errors))


@dataclass
class ErrorLog:
    """The problems found so far in one build."""

    errors: list[StrataError] = field(default_factory=list)

    def add(self, error: StrataError) -> None:
        self.errors.append(error)

    def raise_if_any(self) -> None:
        if self.errors:
            raise BuildFailed(self.errors)


def line_of(source: str, needle: str | re.Pattern | Nth) -> int | None:
    """1-based line of the first match of ``needle`` (text, or a multi-line regex) in ``source``; for an
    :class:`Nth`, of its n-th match (or its last, when there are fewer)."""
    needle, occurrence = needle if isinstance(needle, Nth) else (needle, 1)
    if isinstance(needle, re.Pattern):
        starts = [match.start() for match, _ in zip(needle.finditer(source), range(occurrence), strict=False)]
    else:
        needle = needle.strip().splitlines()[0] if needle.strip() else ""
        starts, index = [], source.find(needle) if needle else -1
        while index >= 0 and len(starts) < occurrence:
            starts.append(index)
            index = source.find(needle, index + 1)
    return source.count("\n", 0, starts[-1]) + 1 if starts else None


def display_path(path: str) -> str:
    """``path`` relative to the working directory when it is below it, for short messages."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return path
    return path if relative.startswith("..") else relative


class AuthorErrorsWithoutTraceback(logging.Filter):
    """Pelican's command logs the exception that ended a run with its traceback (``exc_info``): for an
    author's mistake (a :class:`StrataError` or :class:`BuildFailed`) only the ``path:line: message``
    lines are kept, so ``pelican``, ``pelican -r`` and ``invoke regenerate`` never print a traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        exception = record.exc_info[1] if record.exc_info else None
        if isinstance(exception, StrataError | BuildFailed):
            record.msg, record.args, record.exc_info, record.exc_text = "%s", (str(exception),), None, None
        return True


def install_filter(logger: logging.Logger, installed: logging.Filter) -> None:
    """Put ``installed`` on ``logger`` in place of any filter of its class (each build installs its own: once,
    whatever the number of builds in the process)."""
    for old in [f for f in logger.filters if type(f) is type(installed)]:
        logger.removeFilter(old)
    logger.addFilter(installed)


def quiet_author_errors(logger: logging.Logger) -> None:
    """Install :class:`AuthorErrorsWithoutTraceback` on ``logger``."""
    install_filter(logger, AuthorErrorsWithoutTraceback())


EMPTY_ALT = "Empty alt attribute for image %s in %s"  # pelican.readers.find_empty_alt, on every build


class DecorativeImages(logging.Filter):
    """Drop Pelican's warning about an image with an empty ``alt``: in a Strata page that is an image the author
    marked decorative, as WCAG asks (the image check stops the build at any other), not a mistake."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.msg != EMPTY_ALT


UNWATCHABLE = "Unable to watch path '%s' as it does not exist."  # pelican.utils.wait_for_changes, each rebuild


class MissingContentFolders(logging.Filter):
    """Drop Pelican's autoreload warning about a folder of ``STATIC_PATHS`` missing from the content folder
    (``content/pages``, ``content/images``: Strata names them, few sites have both). Pelican watches the whole
    content folder anyway, so a folder made later is seen; the warning, at every rebuild, was only noise.
    The warning about a missing content folder, theme or settings file is kept."""

    def __init__(self, content: str):
        super().__init__()
        self.content = os.path.abspath(content)

    def filter(self, record: logging.LogRecord) -> bool:
        if record.msg != UNWATCHABLE or not record.args:
            return True
        path = os.path.abspath(str(record.args[0]))
        return not (path != self.content and os.path.commonpath([path, self.content]) == self.content)


def quiet_decorative_images() -> None:
    """Install :class:`DecorativeImages` on Pelican's readers' logger."""
    install_filter(logging.getLogger("pelican.readers"), DecorativeImages())


def quiet_missing_content_folders(content: str) -> None:
    """Install :class:`MissingContentFolders` for the content folder ``content`` on Pelican's watcher's logger
    (in place of one for an earlier settings file)."""
    install_filter(logging.getLogger("pelican.utils"), MissingContentFolders(content))
