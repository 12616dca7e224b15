"""The offline bundle: the site built with ``offlineconf.py``, zipped reproducibly.

The zip holds one top-level folder (``<slug>-offline/``) with the site, a
``README.txt`` saying what to open. Two
builds of the same commit give byte-identical zips: entries are sorted and
carry a fixed timestamp and fixed permissions, and the pages hold no build time.
"""

from __future__ import annotations

import os
import tempfile
import zipfile
from pathlib import Path

from pelican.settings import read_settings

from .build import build_site
from .i18n import N_, SOURCE_LANG, translations

FIXED_TIME = (1980, 1, 1, 0, 0, 0)
README_TITLE = N_("%(site)s: offline edition")
README_TEXT = N_("""This folder is the whole %(site)s website, for reading without an internet connection.

To start, open the file %(start)s in this folder with your web browser
(double-click it, or drag it onto a browser window).

Everything works offline: the reading levels, the glossary, the quizzes
(your answers are kept in this browser only) and the search.
""")


def readme(settings: dict, lang: str | None = None) -> str:
    """``README.txt`` of the bundle, in its first language ``lang`` (the site's by default), which it opens at."""
    default = settings.get("DEFAULT_LANG") or SOURCE_LANG
    lang = lang or default
    catalogue = translations(settings["THEME"], lang)
    start = ("" if lang == default else f"{lang}/") + (settings.get("INDEX_SAVE_AS") or "index.html")
    title = catalogue.gettext(README_TITLE) % {"site": settings["SITENAME"]}
    return f"{title}\n{'=' * len(title)}\n\n" + catalogue.gettext(README_TEXT) % {"site": settings["SITENAME"],
                                                                                   "start": start}


def zip_folder(folder: Path, zip_path: Path, top: str) -> None:
    """Write ``folder`` into ``zip_path`` under ``top/``, deterministically."""
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    tmp = zip_path.with_suffix(".zip.tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in files:
            info = zipfile.ZipInfo(f"{top}/{path.relative_to(folder).as_posix()}", date_time=FIXED_TIME)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            archive.writestr(info, path.read_bytes(), compresslevel=9)
    os.replace(tmp, zip_path)


def build_bundle(settings_file: str, dist: str, stream=None, langs: list[str] | None = None) -> int:
    """Build the offline site and write ``dist/<SITE_SLUG>-offline.zip`` (with ``langs``, the pages in those
    languages only: ``dist/<SITE_SLUG>-offline-<lang>….zip``); return the exit status."""
    settings = read_settings(settings_file)
    overrides = {"STRATA": {**settings.get("STRATA", {}), "languages": list(langs)}} if langs else {}
    langs = langs or settings.get("STRATA", {}).get("languages")
    slug = f"{settings.get('SITE_SLUG', 'site')}-offline" + ("".join(f"-{lang}" for lang in langs) if langs else "")
    os.makedirs(dist, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".offline-", dir=dist) as staging:
        site = Path(staging) / slug
        status = build_site(settings_file, str(site), overrides, stream=stream)
        if status:
            return status
        default = settings.get("DEFAULT_LANG") or SOURCE_LANG
        first = default if not langs or default in langs else langs[0]
        (site / "README.txt").write_text(readme(settings, first), encoding="utf-8")
        zip_folder(site, Path(dist) / f"{slug}.zip", slug)
    return 0
