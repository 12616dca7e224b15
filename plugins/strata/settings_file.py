"""The settings file: where a setting is written in it, and reading it with every problem as ``path:line: …``.

Pelican reads a settings file by running it (``pelican.settings.read_settings``); a mistake in it (a missing
file, a syntax error, a theme or content folder that does not exist) comes out as a Python exception. Here
each becomes a :class:`StrataError` at the line of the setting, so the build never shows a traceback.
"""

from __future__ import annotations

import fnmatch
import logging
import os
import re
import traceback

from pelican.settings import read_settings

from .errors import SOURCE_ENCODING, StrataError

logger = logging.getLogger("pelican.strata.settings_file")  # under Pelican's logger, which shows warnings

PELICAN_VALUE_ERRORS = (  # (start of Pelican's message, the setting at fault, what to write instead)
    ("Could not find the theme", "THEME", "the THEME folder does not exist (a relative path starts at the settings "
     "file's folder); point THEME at Strata's theme folder, e.g. THEME = \"theme\""),
    ("You need to specify a path containing the content", "PATH", "the PATH folder does not exist (a relative path "
     "starts at the settings file's folder); point PATH at the content folder, e.g. PATH = \"content\""),
)


def _source(path: str | None) -> str:
    try:
        with open(path, encoding=SOURCE_ENCODING) as handle:
            return handle.read()
    except (OSError, TypeError, UnicodeDecodeError):
        return ""


def setting_line(path: str | None, name: str, *, first: bool = False) -> int | None:
    """Line of the last statement setting ``name`` in the settings file ``path`` (``NAME = …``, ``A = NAME = …``,
    ``NAME["key"] = …``), the one that counts; of the ``first`` one if asked; ``None`` when the file does not
    set it itself."""
    source = _source(path)
    starts = [m.start() for m in re.finditer(rf"^(?:[A-Za-z_]\w*\s*=\s*)*{re.escape(name)}\b", source, re.MULTILINE)]
    return source.count("\n", 0, starts[0 if first else -1]) + 1 if starts else None


def option_line(path: str | None, option: str) -> int | None:
    """Line of the STRATA option ``option`` (the first ``"option"`` or ``'option'`` after ``STRATA`` is set), else
    the line of ``STRATA``."""
    start = setting_line(path, "STRATA", first=True)
    if start is None:
        return None
    lines = _source(path).splitlines()[start - 1:]
    quoted = (f'"{option}"', f"'{option}'")
    return next((number for number, line in enumerate(lines, start) if any(q in line for q in quoted)), start)


def read_build_settings(settings_file: str, override: dict) -> dict:
    """Pelican's settings from ``settings_file`` with ``override``; raise :class:`StrataError` for a mistake."""
    if not os.path.isfile(settings_file):
        raise StrataError("there is no settings file here; pass one that exists with -s, e.g. -s pelicanconf.py",
                          settings_file)
    try:
        return read_settings(settings_file, override=override)
    except SyntaxError as error:
        raise StrataError(f"this settings file is not valid Python: {error.msg}; correct the line (settings are "
                          "written NAME = value, e.g. PATH = \"content\")",
                          error.filename or settings_file, error.lineno) from None
    except ValueError as error:
        for start, name, message in PELICAN_VALUE_ERRORS:
            if str(error).startswith(start):
                raise StrataError(message, settings_file, setting_line(settings_file, name)) from None
        raise _error_in(settings_file, error) from None
    except Exception as error:
        raise _error_in(settings_file, error) from None


def _error_in(settings_file: str, error: Exception) -> StrataError:
    """``error``, raised while the settings file ran, at the line of the file that raised it."""
    real = os.path.realpath(settings_file)
    lines = [frame.lineno for frame in traceback.extract_tb(error.__traceback__)
             if frame.filename and os.path.realpath(frame.filename) == real]
    return StrataError(f"running this settings file failed: {type(error).__name__}: {error}; correct the line",
                       settings_file, lines[-1] if lines else None)


PLUGIN_FILTERS = frozenset({"asset", "bundle", "quiz_parts"})  # filters of the plugin the theme's templates use


def check_plugins(settings: dict) -> None:
    """The Strata plugin must be one of ``PLUGINS``: Strata's theme needs its filters and pages (unless the
    settings stand in for its filters, as the benchmark's plain Pelican, ``benchmarks/plainconf.py``, does)."""
    names = [getattr(plugin, "__name__", plugin) for plugin in settings.get("PLUGINS") or ()]
    stand_in = set(settings.get("JINJA_FILTERS") or ()) >= PLUGIN_FILTERS
    if not stand_in and not any(isinstance(name, str) and name.split(".")[0] == "strata" for name in names):
        where = settings.get("STRATA_SETTINGS_FILE")
        raise StrataError(f"PLUGINS is {names!r}, but Strata's theme needs the strata plugin: add \"strata\" to "
                          "PLUGINS, e.g. PLUGINS = [\"strata\"] (with PLUGIN_PATHS = [\"plugins\"])",
                          where, setting_line(where, "PLUGINS"))


def warn_of_ignored_data_files(settings: dict, glossary_file: str, references_file: str) -> None:
    """Warn (once per settings: at start-up) when a pattern of ``IGNORE_FILES`` matches Strata's data files, as
    '*.yaml' did in pelicanconf.py before: Pelican's autoreload (``invoke regenerate``, ``livereload``) skips what
    it matches, so an edited glossary or references file was not published until a page was saved too."""
    content = os.path.abspath(settings.get("PATH") or ".")
    data_files = [os.path.join(content, glossary_file), os.path.join(content, "topics", "topic", references_file),
                  os.path.join(content, "topics", "topic", glossary_file)]
    patterns = [pattern for pattern in settings.get("IGNORE_FILES") or () if isinstance(pattern, str)
                and any(fnmatch.fnmatch(path, pattern) for path in data_files)]
    if patterns:
        where = settings.get("STRATA_SETTINGS_FILE")
        listed = ", ".join(map(repr, patterns))
        logger.warning("%s", StrataError(
            f"IGNORE_FILES holds {listed}, so `invoke regenerate` and `invoke livereload` do not see an edited "
            f"glossary or references file (Pelican's autoreload skips what IGNORE_FILES matches); remove {listed} "
            "from IGNORE_FILES: Strata never publishes its data files anyway",
            where, setting_line(where, "IGNORE_FILES")))
