"""The sites the tests run on: the real one and the fixture site, each built once per test session.

Tests are listed without building anything: the pages of a site, and what each page holds (a quiz,
glossary terms, the search form), are read from its settings and its Markdown files
(:meth:`Site.pages`, :meth:`Site.features`). ``tests/test_site.py`` checks that this map matches
what the build writes, so a test can never be silently missing for a page.

Under pytest-xdist every worker asks for the same build; the first one builds while holding a file
lock and the others wait for it and reuse its output (:func:`shared_build`).
"""

from __future__ import annotations

import fcntl
import functools
import re
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

import yaml

from strata.glossary.terms import translated_glossary_file
from strata.languages import folder_language, translation_url
from tests.support.site import ROOT, run_build

FIXTURE_ROOT = ROOT / "tests" / "fixtures" / "site"
QUIZ_FENCE = re.compile(r"^```quiz\s*$", re.MULTILINE)
SEARCH_FORM_PAGES = {"search"}  # direct templates that hold the full search form (the header has a small one)


@dataclass(frozen=True)
class Site:
    name: str
    settings_file: Path
    content_folder: Path | None = None  # instead of the settings' PATH

    @functools.cached_property
    def settings(self) -> dict:
        """Pelican's settings for this site (read, not built: the plugin is not run)."""
        from pelican.settings import read_settings
        override = {"PATH": str(self.content_folder)} if self.content_folder else None
        return read_settings(str(self.settings_file), override=override)

    @property
    def content(self) -> Path:
        return Path(self.settings["PATH"])

    @functools.cache  # noqa: B019 (a few instances, alive for the whole session)
    def sources(self) -> dict[str, Path]:
        """Each page written from a Markdown file, by its output path (a translation's under ``<lang>/``)."""
        pages = {}
        for folder in self.settings["PAGE_PATHS"]:
            for source in sorted((self.content / folder).rglob("*.md")):
                if any(fnmatch(part, pattern) for part in source.relative_to(self.content).parts
                       for pattern in self.settings["IGNORE_FILES"]):
                    continue
                lang = folder_language(str(source))
                if lang:
                    pages[translation_url(self.settings, str(source), lang)] = source
                else:
                    relative = source.relative_to(self.content).with_suffix("")
                    pages[self.settings["PAGE_SAVE_AS"].format(path_no_ext=relative.as_posix())] = source
        return pages

    def languages(self) -> list[str]:
        """The languages other than the site's that topics are translated into (their pages are under ``<lang>/``)."""
        return sorted({lang for source in self.sources().values() if (lang := folder_language(str(source)))})

    def language_of(self, page: str) -> str | None:
        """The translation language of an output page, or None for a page in the site's language."""
        first = page.split("/", 1)[0]
        return first if "/" in page and first in self.languages() else None

    def catalogue(self, page: str):
        """The interface catalogue of ``page`` (a path from the site root): its translation's language or the
        site's."""
        from strata.i18n import translations
        return translations(self.settings["THEME"], self.language_of(page) or self.settings["DEFAULT_LANG"])

    def site_pages(self) -> dict[str, str]:
        """The site's own pages (home, glossary, …), in each language (the 404 page once): output path →
        template name."""
        own = {self.settings.get(f"{name.upper()}_SAVE_AS") or f"{name}.html": name
               for name in self.settings["DIRECT_TEMPLATES"]}
        return {**own, **{f"{lang}/{path}": name for lang in self.languages()
                          for path, name in own.items() if name != "404"}}

    def pages(self) -> list[str]:
        """Every HTML page the build writes, relative to the output folder."""
        return sorted([*self.site_pages(), *self.sources()])

    def template(self, page: str) -> str:
        """The template that writes ``page``: a site page's own, "topic" for a topic's index.md, else "tier"."""
        source = self.sources().get(page)
        if source is None:
            return self.site_pages()[page]
        return "topic" if source.stem == "index" else "tier"

    def representative_pages(self) -> list[str]:
        """One page per template: the one with the most features (the first A to Z among equals).

        For a build that differs from another only in what every template shares (the interface
        language and direction), these pages exercise every template, UI state and interface string."""
        chosen: dict[str, str] = {}
        for page in self.pages():
            best = chosen.get(self.template(page))
            if best is None or len(self.features(page)) > len(self.features(best)):
                chosen[self.template(page)] = page
        return sorted(chosen.values())

    @functools.cache  # noqa: B019
    def features(self, page: str) -> frozenset[str]:
        """What ``page`` holds, predicted from its source: "quiz", "terms" (glossary links), "search-form"."""
        source = self.sources().get(page)
        if source is None:
            return frozenset({"search-form"} if self.site_pages()[page] in SEARCH_FORM_PAGES else ())
        header, _, body = source.read_text(encoding="utf-8").partition("\n\n")
        found = {"quiz"} if QUIZ_FENCE.search(body) else set()
        body = QUIZ_FENCE.split(body)[0]  # quizzes are never marked
        automatic = not re.search(r"^glossary:\s*off\s*$", header, re.IGNORECASE | re.MULTILINE)
        names = self.term_names(self.language_of(page))
        if "[[" in body or (automatic and any(name_pattern(name).search(prose(body)) for name in names)):
            found.add("terms")
        return frozenset(found)

    @functools.cache  # noqa: B019
    def term_names(self, lang: str | None = None) -> tuple[str, ...]:
        """The glossary's terms and aliases (with ``lang``: of the glossary in that language)."""
        glossary_file = self.settings.get("STRATA", {}).get("glossary_file", "glossary.yaml")
        path = self.content / translated_glossary_file(glossary_file, lang)
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else []
        return tuple(name for entry in entries or [] for name in [entry["term"], *entry.get("aliases", [])])


def prose(markdown: str) -> str:
    """The text of a Markdown body where terms can be marked: no headings, links or ``{{…}}``."""
    lines = [line for line in markdown.splitlines() if not line.lstrip().startswith(("#", "|", "!["))]
    text = "\n".join(lines)
    return re.sub(r"\{\{.*?\}\}|\[[^\]]*\]\([^)]*\)", " ", text)


def name_pattern(name: str) -> re.Pattern:
    """A glossary name as whole words, any case, with an optional plural 's'."""
    words = r"\s+".join(re.escape(word) for word in name.split())
    return re.compile(rf"(?<![\w-]){words}(?:e?s)?(?![\w-])", re.IGNORECASE)


REAL = Site("real", ROOT / "pelicanconf.py")
FIXTURE = Site("fixture", FIXTURE_ROOT / "settings.py")


def shared_build(site: Site, root: Path) -> tuple[Path, str | None]:
    """Build ``site`` into ``root`` once for all workers; return its output and, if it failed, the messages."""
    folder = root / f"site-{site.name}"
    folder.mkdir(parents=True, exist_ok=True)
    status = folder / "status.txt"
    with open(folder / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not status.is_file():
                result = run_build(site.settings_file, folder / "output")
                status.write_text(f"{result.returncode}\n{result.stderr}", encoding="utf-8")
            code, _, messages = status.read_text(encoding="utf-8").partition("\n")
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return folder / "output", None if code == "0" else messages


def module_pages(module) -> list[str]:
    """The pages a test module's per-page tests run on: its own ``PAGE_PATHS`` list, else every page of the
    fixture site (tests/conftest.py, tests/a11y/test_matrix.py)."""
    return getattr(module, "PAGE_PATHS", None) or FIXTURE.pages()


# The fixture site's richest tier page (quiz, glossary terms, key point, image, cross-tier links in and out).
FIXTURE_TIER_PAGE = "topics/sleep-and-hormones/fundamentals.html"


def search_word(site: Site = FIXTURE, page: str = "") -> str:
    """A word the site's search must find: the first term of its glossary, A to Z (of the glossary in the
    language of ``page``, a path from the site root, when it is a translation's)."""
    return sorted(site.term_names(site.language_of(page)), key=str.casefold)[0]


def glossary_entry(site: Site, name: str) -> dict:
    """The glossary entry (``term``, ``aliases``, ``definition``) that has ``name``, ignoring case."""
    path = site.content / site.settings.get("STRATA", {}).get("glossary_file", "glossary.yaml")
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    return next(e for e in entries if name.casefold() in {n.casefold() for n in [e["term"], *e.get("aliases", [])]})
