"""The site in each language: its topics, glossary, uses pages, home pages and search index, and their pages.

The site's language is what Pelican writes by itself (its direct templates and pages, with the
context the plugin sets). Every other language in which a topic is written gets the same site pages
under ``<lang>/`` (home, glossary, references, search, the glossary's uses pages; not the 404 page,
which a server serves once), written by :class:`LanguagePagesGenerator` from a :class:`LanguageSite`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from pelican.generators import Generator

from .glossary.backlinks import GlossaryPage, collect_uses
from .glossary.terms import translated_glossary_file
from .glossary.uses_pages import write_uses_pages
from .home import home_pages, write_home_pages
from .i18n import translations
from .languages import default_language, prefix
from .search import collect_docs

LANGUAGE_SITES = "strata_language_sites"  # context key: every LanguageSite, the site's language first
SKIPPED_TEMPLATES = ("404",)  # site pages written once, in the site's language


@dataclass
class LanguageSite:
    """The site in one language: ``prefix`` is where its pages are (``""`` or ``"es/"``)."""

    lang: str
    prefix: str
    topics: list
    glossary: object
    glossary_page: GlossaryPage
    uses: object
    homes: list
    documents: Callable = field(repr=False)  # () -> the search documents, in the site's order
    pages: list = field(default_factory=list)  # the site's own pages (content/pages/: "About"), by title
    search: tuple = ((), ())  # what makes the search documents (a callable) and their keys, once collected
    search_version: str = ""

    @cached_property
    def topic_titles(self) -> dict[str, str]:
        return {topic.slug: topic.title for topic in self.topics}

    def context(self) -> dict:
        """What the templates of this language's pages read (set before each page is written: nothing here
        grows with the number of topics)."""
        return {"strata_lang": self.lang, "strata_topics": self.topics, "strata_glossary": self.glossary,
                "strata_glossary_uses": self.uses, "strata_home": self.homes[0], "strata_home_pages": self.homes,
                "strata_topic_titles": self.topic_titles, "strata_search_version": self.search_version,
                "strata_site_pages": self.pages}


def language_sites(topics: list, pages: list, state, settings: dict) -> list[LanguageSite]:
    """One :class:`LanguageSite` per language that has a topic (the site's language always), in that order."""
    default = default_language(settings)
    langs = [default, *sorted({topic.lang for topic in topics} - {default})]
    sites = []
    for lang in langs:
        where = prefix(lang, settings)
        own = [topic for topic in topics if topic.lang == lang]
        own_pages = [page for page in pages if (getattr(page, "lang", None) or default) == lang]
        glossary = state.glossary_for(lang)
        gettext = translations(settings["THEME"], lang).gettext
        glossary_at = GlossaryPage(where + (settings.get("GLOSSARY_URL") or settings.get("GLOSSARY_SAVE_AS")
                                            or "glossary.html"))
        uses = collect_uses(own_pages, glossary.terms, single_topic=len(own) <= 1, glossary_url=glossary_at.url,
                            gettext=gettext)
        homes = home_pages(own, where + (settings.get("INDEX_SAVE_AS") or "index.html"))

        site_pages = sorted((page for page in own_pages if getattr(page, "topic", None) is None
                             and getattr(page, "status", "published") == "published"),
                            key=lambda page: str(page.title).casefold())

        def documents(own=own, glossary=glossary, gettext=gettext, where=where, site_pages=site_pages):
            return collect_docs(own, glossary, gettext, root=where, site_pages=site_pages)
        sites.append(LanguageSite(lang, where, own, glossary, glossary_at, uses, homes, documents, pages=site_pages))
    return sites


def glossary_file_key(settings: dict, site: LanguageSite, glossary_file: str) -> str:
    """The ``{filename}`` key under which the pages of ``site`` link to its glossary page."""
    translated = None if site.lang == default_language(settings) else site.lang
    return translated_glossary_file(glossary_file, translated).replace(os.sep, "/")


class LanguagePagesGenerator(Generator):
    """Writes the site pages of every language but the site's own (``context[LANGUAGE_SITES]``)."""

    def generate_context(self) -> None:
        """Nothing to read."""

    def generate_output(self, writer) -> None:
        for site in self.context.get(LANGUAGE_SITES, ())[1:]:
            context = {**self.context, **site.context()}
            for template, save_as, url in translated_site_pages(self.settings):
                writer.write_file(site.prefix + save_as, self.get_template(template), context,
                                  relative_urls=self.settings["RELATIVE_URLS"], template_name=template,
                                  page_name=os.path.splitext(site.prefix + save_as)[0], url=site.prefix + url)
            write_home_pages(self, writer, context)
            write_uses_pages(self, writer, context)


def translated_site_pages(settings: dict) -> list[tuple[str, str, str]]:
    """The site pages that exist in every language (home, glossary, references, search): (template, file,
    URL) of each, in the site's language."""
    pages = []
    for name in settings["DIRECT_TEMPLATES"]:
        save_as = settings.get(f"{name.upper()}_SAVE_AS", f"{name}.html")
        if save_as and name not in SKIPPED_TEMPLATES:
            pages.append((name, save_as, settings.get(f"{name.upper()}_URL") or save_as))
    return pages


def site_page_files(settings: dict) -> dict[str, str]:
    """The site pages that exist in every language: file → URL (see :func:`translated_site_pages`)."""
    return {save_as: url for _, save_as, url in translated_site_pages(settings)}


def alternates(topics: list, sites: list[LanguageSite], settings: dict,
               published=lambda lang: True) -> dict[str, tuple[tuple[str, str], ...]]:
    """Each page that exists in more than one ``published`` language, by its output file: ``(lang, url)`` of
    every version, the site's language first. A tier missing from a translation has no version there."""
    groups: list[list[tuple[str, str, str]]] = []  # (lang, output file, url) of each version of a page
    # A topic in one language has no alternates: its pages' URLs are not worked out (Pelican recomputes a
    # page's save_as and url on each use, a tenth of a rebuild at 300 topics when done for every page).
    for topic in (topic for topic in topics if topic.lang == sites[0].lang and len(topic.versions) > 1):
        for role in [None, *(tier.spec.id for tier in topic.tiers)]:
            pages = [(lang, version.overview if role is None else getattr(version.tier(role), "page", None))
                     for lang, version in topic.versions.items()]
            groups.append([(lang, page.save_as, page.url) for lang, page in pages if page is not None])
    for name, url in site_page_files(settings).items():
        groups.append([(site.lang, site.prefix + name, site.prefix + url) for site in sites])
    groups = [[version for version in group if published(version[0])] for group in groups]
    return {file: tuple((lang, url) for lang, _, url in group)
            for group in groups if len(group) > 1 for _, file, _ in group}


def site_files(site: LanguageSite, pages: list, settings: dict) -> list[str]:
    """Every file the build writes for ``site`` (its pages, site pages, home and uses pages), relative to the
    output folder: what is left out when the output does not hold the site's own language."""
    default = default_language(settings)
    files = [page.save_as for page in pages if (getattr(page, "lang", None) or default) == site.lang]
    files += [site.prefix + name for name in site_page_files(settings)]
    files += [home.url for home in site.homes[1:]] + [page.url for page in site.uses.uses_pages()]
    if site.lang == default:
        files += [settings.get(f"{name.upper()}_SAVE_AS") or f"{name}.html" for name in SKIPPED_TEMPLATES
                  if name in settings["DIRECT_TEMPLATES"]]
    return files
