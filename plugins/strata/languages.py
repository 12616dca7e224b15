"""Topics in several languages: which language a content file is in, where its translation is published.

Layout (AUTHORING.md, "A topic in several languages"): ``content/topics/<slug>/<tier>.md`` is written in the
site's language (``DEFAULT_LANG``); a translation of the topic lives in a folder named by its language code
inside the topic's folder, with the same file names: ``content/topics/<slug>/es/fundamentals.md``. The
folder is the only way to say a page's language: a ``Lang:`` line or a ``fundamentals.es.md`` file name
stops the build with the path to use instead.

URLs: the site's language keeps the URLs it has without translations; another language's pages are
published under ``<lang>/`` with the same paths (``es/topics/<slug>/fundamentals.html``), and so are that
language's own home, glossary, references, search and glossary uses pages (``es/index.html`` …).
"""

from __future__ import annotations

import logging
import os

from babel import Locale, UnknownLocaleError

from .errors import StrataError, display_path
from .glossary.terms import translated_glossary_file
from .i18n import SOURCE_LANG, catalogue_language, language_tag, languages, translations, unfinished_catalogue
from .names import LANGUAGE_CODE, name_key
from .topics import OVERVIEW_FILE, metadata_line

logger = logging.getLogger("pelican.strata.languages")  # under Pelican's logger, which shows warnings



def default_language(settings: dict) -> str:
    return settings.get("DEFAULT_LANG") or SOURCE_LANG


def folder_language(source_path: str) -> str | None:
    """The language code of the folder holding ``source_path`` when that folder is a translation folder: its
    name is a language code and its parent holds a topic overview (``index.md``); else ``None``."""
    folder = os.path.dirname(os.path.abspath(source_path))
    name = os.path.basename(folder)
    if not LANGUAGE_CODE.match(name) or not os.path.isfile(os.path.join(os.path.dirname(folder), OVERVIEW_FILE)):
        return None
    return language_tag(name)  # a folder pt_BR holds pages in pt-BR


def page_language(settings: dict, source_path: str | None = None) -> str:
    """The language a content file is written in: its translation folder's, else the site's."""
    return (folder_language(source_path) if source_path else None) or default_language(settings)


def page_translations(settings: dict, source_path: str | None = None):
    """The catalogue for the words the plugin writes into a page read from ``source_path``."""
    return translations(settings["THEME"], page_language(settings, source_path))


def prefix(lang: str, settings: dict) -> str:
    """Where a language's pages are published, relative to the site root: ``""`` or ``"es/"``."""
    return "" if lang == default_language(settings) else f"{lang}/"


def translation_url(settings: dict, source_path: str, lang: str) -> str:
    """The output path of a translated page: its default-language path (without the language folder) under
    ``<lang>/``: ``topics/x/es/fundamentals.md`` → ``es/topics/x/fundamentals.html``."""
    relative = os.path.relpath(os.path.abspath(source_path), os.path.abspath(settings["PATH"]))
    parts = relative.replace(os.sep, "/").split("/")
    path_no_ext = "/".join([*parts[:-2], os.path.splitext(parts[-1])[0]])
    try:
        own = settings.get("PAGE_SAVE_AS", "{path_no_ext}.html").format(path_no_ext=path_no_ext)
    except (KeyError, IndexError):
        own = f"{path_no_ext}.html"
    return prefix(lang, settings) + own


def translation_metadata(settings: dict, source_path: str, metadata: dict) -> StrataError | None:
    """Give a translated page its language and URL (``lang``, ``url``, ``save_as`` in ``metadata``), or say what
    is wrong with where a page's language is written (``Lang:``, a ``.es.md`` name, an unknown folder)."""
    theme, default = settings["THEME"], default_language(settings)
    if "lang" in metadata:
        return StrataError(f"'Lang: {metadata['lang']}' is not read: a page's language is the folder it is in; "
                           "remove the line (a translation goes in content/topics/<slug>/<lang>/, e.g. "
                           f"{_suggested(source_path, str(metadata['lang']))})",
                           source_path, metadata_line(source_path, "lang"))
    stem, suffix = os.path.splitext(os.path.splitext(os.path.basename(source_path))[0])
    if suffix and catalogue_language(theme, suffix[1:]) is not None:
        return StrataError(f"a translation is not written as '{stem}{suffix}.md': put it in the language's folder "
                           f"beside the topic's pages, {_suggested(source_path, suffix[1:], stem)}", source_path, 1)
    lang = folder_language(source_path)
    if lang is None:
        return None
    if lang == default:
        return StrataError(f"the folder '{lang}' holds pages in the site's own language ({lang}, DEFAULT_LANG); "
                           "move them up into the topic's folder", source_path, 1)
    if catalogue_language(theme, lang) is None:
        return StrataError(f"the folder '{lang}' is read as a translation into '{lang}', a language the theme has no "
                           f"interface catalogue for; name the folder with one of: "
                           f"{', '.join(x for x in languages(theme) if x != default)}, or add the catalogue "
                           f"(.venv/bin/invoke i18n-update --lang {lang})", source_path, 1)
    url = translation_url(settings, source_path, lang)
    metadata["lang"] = lang
    metadata.setdefault("url", url)
    metadata.setdefault("save_as", url)
    return None


def _suggested(source_path: str, lang: str, stem: str | None = None) -> str:
    folder = os.path.dirname(source_path)
    name = f"{stem}.md" if stem else os.path.basename(source_path)
    return os.path.join(folder, lang, name)


def link_versions(topics: list, default: str, errors) -> None:
    """Give each topic its ``versions`` (by language, the site's first); a translation whose ``Topic:`` has no
    topic in the site's language is an error at its overview's ``Topic:`` line."""
    by_slug: dict[str, dict] = {}
    for topic in topics:  # the site's language comes first (see collect_topics)
        if topic.lang != default and topic.slug not in by_slug:
            path = topic.overview.source_path
            errors.add(StrataError(f"there is no topic {topic.slug!r} in the site's language to translate; a "
                                   "translation has the 'Topic:' of the pages in the folder above it",
                                   path, metadata_line(path, "topic")))
            continue
        by_slug.setdefault(topic.slug, {})[topic.lang] = topic
        topic.versions = by_slug[topic.slug]


def check_catalogues(theme: str, langs, errors) -> None:
    """An error for each catalogue that serves one of ``langs`` (the site's and its translations' languages) with
    messages not yet translated (:func:`strata.i18n.unfinished_catalogue`), once per catalogue."""
    for lang in sorted({catalogue_language(theme, lang) or lang for lang in langs}):
        problem = unfinished_catalogue(theme, lang)
        if problem is not None:
            errors.add(problem)


def english_name(lang: str) -> str:
    """``es`` → ``Spanish``: a language named in the build's messages."""
    try:
        return Locale.parse(lang.replace("-", "_")).get_display_name(SOURCE_LANG) or lang
    except (ValueError, UnknownLocaleError):
        return lang


def missing_translations(topics: list, state, default: str) -> list[str]:
    """What each translation lacks, as warning lines: a tier, a tier's quiz, a glossary entry for a term that
    the translated topic's pages in the site's language use."""
    lines = []
    for topic in (t for t in topics if t.lang == default):
        for lang, version in topic.versions.items():
            if lang == default:
                continue
            name, folder = english_name(lang), os.path.dirname(version.overview.source_path)
            for tier in topic.tiers:
                translated = version.tier(tier.spec.id)
                original = display_path(tier.page.source_path)
                if translated is None:
                    lines.append(f"{display_path(folder)}: no {os.path.basename(original)} (translation of "
                                 f"{original}); the {name} pages will not link to it")
                elif getattr(tier.page, "quizzes", ()) and not getattr(translated.page, "quizzes", ()):
                    lines.append(f"{display_path(translated.page.source_path)}: no quiz ({original} has one); "
                                 f"the {name} page has none")
    for lang, glossary in _translated_glossaries(topics, state, default).items():
        translated = {name_key(term.translates) for term in glossary.terms if term.translates}
        lacking = {anchor: term for anchor, term in state.glossary.by_anchor.items()
                   if not any(name_key(n) in translated for n in term.names)}
        untranslated: dict[str, list[str]] = {}
        for topic in (t for t in topics if t.lang == default and lang in t.versions):
            for page in topic.pages:
                for occurrence in getattr(page, "strata_terms", ()):
                    term = lacking.get(occurrence.term)
                    if term is not None:
                        where = untranslated.setdefault(term.term, [])
                        if topic.slug not in where:
                            where.append(topic.slug)
        path = display_path(glossary.path or translated_glossary_file(state.glossary.path or '', lang))
        lines += [f"{path}: no entry translates {term!r} (used in topics/{', topics/'.join(slugs)}); add one with "
                  f"'translates: {term}', or the {english_name(lang)} pages do not explain it"
                  for term, slugs in sorted(untranslated.items())]
    return lines


def _translated_glossaries(topics: list, state, default: str) -> dict:
    langs = sorted({t.lang for t in topics} - {default})
    return {lang: state.glossary_for(lang) for lang in langs}


def report_missing_translations(topics: list, state, default: str) -> None:
    """Log :func:`missing_translations` as warnings (the build goes on: the pages simply do not link to them)."""
    for line in missing_translations(topics, state, default):
        logger.warning("%s", line)
