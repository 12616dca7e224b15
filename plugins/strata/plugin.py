"""Wire Strata into Pelican's signals.

Order of work in one build (one run of Pelican; ``pelican -r`` runs many):

1. ``initialized``: validate the ``STRATA`` settings early (a wrong option stops before anything is read); warn
   when ``IGNORE_FILES`` hides the data files from the authoring loop (:mod:`strata.settings_file`).
2. ``get_generators`` (start of every run): start a fresh build state (config, error log, the glossary
   files loaded once, the ``asset`` filter), see :mod:`strata.state`; add the generators that write
   the glossary's uses pages (:mod:`strata.glossary.uses_pages`) and the home pages after the first
   (:mod:`strata.home`); put the theme's components on
   the template path and add the ``bundle`` filter, the components read afresh (:mod:`strata.components`).
   ``generator_init``: install the interface's catalogues in each generator's Jinja environment
   (:mod:`strata.i18n`) and give it the process's compiled templates (:mod:`strata.bytecode`).
3. ``readers_init``: read ``.md`` with :class:`~strata.reader.StrataMarkdownReader`, which renders each
   page once: Strata's extensions, glossary terms marked, sections and term occurrences kept in the
   page's metadata; Pelican's content cache never serves a page read with another glossary
   (:mod:`strata.caching`).
4. ``all_generators_finalized``: group pages into topics, check output files, measure each tier from
   its sections and check its "In brief" summary (``levels.py``), collect the glossary backlinks from
   the pages' metadata, register the glossary page for the term links (``{filename}`` links) and write
   in each page the URL Pelican would give them (:mod:`strata.glossary.links`); then stop the build if
   anything was recorded as an error, before a single page is written; else plan which pages a rebuild
   under ``pelican -r`` may keep (:mod:`strata.incremental`, applied by its writer, from the
   ``get_writer`` signal) and give the search page the index's version (a digest of the documents).
5. ``finalized``: write the search index (``search/``), after the pages, and each page type's
   stylesheet and script (:mod:`strata.components`); for the public web
   (absolute ``SITEURL``), ``sitemap.xml`` and ``robots.txt``;
   then check every link of the written site (``linkreport.py``, which also remembers at step 4
   which Markdown file wrote each page) and take out of the output the files of topic folders that no link
   found (:mod:`strata.content_files`, listed at step 4); then record the run as finished.
"""

from __future__ import annotations

import logging
import os

from pelican import signals
from pelican.generators import PagesGenerator, StaticGenerator

from .bytecode import share_compiled_templates
from .caching import guard_cache, page_metadata, reader_metadata
from .components import configure as configure_components
from .components import theme_bundles
from .config import check_build_settings, load_config
from .content_files import content_files, leave_out_data_files
from .errors import StrataError, quiet_author_errors, quiet_decorative_images, quiet_missing_content_folders
from .glossary.links import resolve_term_links
from .glossary.uses_pages import UsesPagesGenerator
from .home import HomePagesGenerator
from .i18n import SOURCE_LANG, check_language
from .i18n import install as install_translations
from .incremental import IncrementalWriter, finish_run, plan_rewrites, remove_stale_files, start_run
from .language_sites import (
    LANGUAGE_SITES,
    LanguagePagesGenerator,
    alternates,
    glossary_file_key,
    language_sites,
    site_files,
)
from .languages import (
    check_catalogues,
    default_language,
    link_versions,
    page_translations,
    report_missing_translations,
)
from .levels import measure_tiers
from .linkreport import check_links, remember_page_sources
from .publishing import is_absolute_site, remove_files, write_sitemap_and_robots
from .reader import StrataMarkdownReader
from .search import FOLDER, doc_key, index_memory, index_version, write_index
from .settings_file import option_line, setting_line, warn_of_ignored_data_files
from .state import build_state, start_build
from .topics import check_output_files, collect_topics


def on_initialized(pelican) -> None:
    quiet_missing_content_folders(pelican.settings["PATH"])
    check_build_settings(pelican.settings)
    config = load_config(pelican.settings)
    warn_of_ignored_data_files(pelican.settings, config.glossary_file, config.references_file)
    where = pelican.settings.get("STRATA_SETTINGS_FILE")
    check_language(pelican.settings["THEME"], pelican.settings.get("DEFAULT_LANG") or SOURCE_LANG,
                   where, setting_line(where, "DEFAULT_LANG"))


def on_content_object_init(content) -> None:
    """A page in the site's language has its BCP 47 tag (``pt-BR``), not the lower-cased one Pelican gives it."""
    if getattr(content, "in_default_lang", False):
        content.lang = content.settings["DEFAULT_LANG"]


def on_generator_init(generator) -> None:
    install_translations(generator.env, generator.settings)
    share_compiled_templates(generator.env, generator.settings)


def on_get_generators(pelican) -> tuple[type, ...]:
    start_build(pelican.settings)
    start_run(pelican.settings)
    configure_components(pelican.settings)
    return UsesPagesGenerator, HomePagesGenerator, LanguagePagesGenerator


def on_get_writer(pelican) -> type:
    return IncrementalWriter


def on_readers_init(readers) -> None:
    readers.reader_classes["md"] = StrataMarkdownReader
    readers.reader_classes["markdown"] = StrataMarkdownReader
    guard_cache(readers, build_state(readers.settings).read_version, reader_metadata)


def on_page_generator_init(generator) -> None:
    guard_cache(generator, build_state(generator.settings).read_version, page_metadata)


def on_all_generators_finalized(generators) -> None:
    pages_generator = next(g for g in generators if isinstance(g, PagesGenerator))
    settings, context = pages_generator.settings, pages_generator.context
    state = build_state(settings)
    config, errors = state.config, state.errors

    default = default_language(settings)
    for written in (pages_generator.pages, pages_generator.hidden_pages):  # a language the output does not hold
        written[:] = [page for page in written if (getattr(page, "lang", None) or default) == default
                      or config.publishes(page.lang)]
    pages = [*pages_generator.pages, *pages_generator.hidden_pages]
    for page in pages:  # Pelican formats page.url from the settings on every access: once per page is enough
        page.override_url = page.url
    gettext_for = lambda page: page_translations(settings, page.source_path).gettext  # noqa: E731
    topics = collect_topics(pages, config, errors, gettext_for, default, theme_ids=state.theme_ids)
    link_versions(topics, default, errors)
    check_output_files([*pages, *pages_generator.draft_pages], settings, errors)
    static_generator = next((g for g in generators if isinstance(g, StaticGenerator)), None)
    if static_generator is not None:
        leave_out_data_files(static_generator.staticfiles)  # the list its generate_output copies
    state.content_files = content_files(static_generator.staticfiles if static_generator else ())
    measure_tiers(topics, pages, config, errors, gettext_for)

    sites = language_sites(topics, pages, state, settings)
    check_catalogues(settings["THEME"], {default, *(site.lang for site in sites)}, errors)
    for lang in sorted(set(config.languages or ()) - {site.lang for site in sites}):
        errors.add(StrataError(f"STRATA 'languages' (or offline --lang) names {lang!r}, but no topic is written in "
                               f"it; use one of: {', '.join(site.lang for site in sites)}",
                               settings.get("STRATA_SETTINGS_FILE"),
                               option_line(settings.get("STRATA_SETTINGS_FILE"), "languages")))
    glossary_pages = {glossary_file_key(settings, site, config.glossary_file): site.glossary_page for site in sites}
    context["generated_content"].update(glossary_pages)  # the glossary page of each language, for its term links
    resolve_term_links(pages, {path: glossary.url for path, glossary in glossary_pages.items()}, settings, context)
    here = sites[0]
    context.update(here.context(), strata_config=config)
    context[LANGUAGE_SITES] = sites
    context["strata_alternates"] = state.alternates = alternates(topics, sites, settings, config.publishes)
    state.unpublished_files = [] if config.publishes(default) else site_files(here, pages, settings)
    errors.raise_if_any()
    report_missing_translations(topics, state, default)
    plan_rewrites(settings, pages, state.glossary_version)

    # The search page names the index with a version made from what it indexes; the index itself is
    # written once the pages are (``finalized``), so that under ``pelican -r`` an edited page is on disk
    # before the index is brought up to date. The documents are made again then, rather than kept while the
    # pages are written.
    for site in sites:
        site.search = site.documents, [doc_key(doc) for doc in site.documents()]
        site.search_version = index_version(site.search[1], site.lang)
    context["strata_search_version"] = here.search_version
    state.search_documents = [(site.prefix, site.lang, *site.search) for site in sites if config.publishes(site.lang)]


def on_page_generator_write_page(generator, content) -> None:
    """Each page is written in the context of its own language: its interface, topics and glossary."""
    lang = getattr(content, "lang", None) or default_language(generator.settings)
    site = next((site for site in generator.context.get(LANGUAGE_SITES, ()) if site.lang == lang), None)
    if site is not None:
        generator.context.update(site.context())


def on_page_writer_finalized(generator, writer) -> None:
    """After the pages, the context is the site's language's again (for the generators that write next)."""
    sites = generator.context.get(LANGUAGE_SITES)
    if sites:
        generator.context.update(sites[0].context())


def on_finalized(pelican) -> None:
    state = build_state(pelican.settings)
    documents = state.search_documents
    written = list(state.content_files)  # besides the writer's files (incremental.note_written)
    if documents is not None:
        for where, lang, docs, keys in documents:
            write_index(os.path.join(pelican.output_path, where), docs(), lang,
                        index_memory(pelican.settings, where), keys)
            index = os.path.join(where, FOLDER)
            written += [os.path.join(index, name) for name in os.listdir(os.path.join(pelican.output_path, index))]
    bundles = theme_bundles(pelican.settings)
    if bundles:
        bundles.write(pelican.output_path)
    # The theme's files, which Pelican copies each run, and the bundles (not told apart by their stamps alone: a
    # file system that keeps times to the second could show a copy made in the same second as unchanged).
    theme_folder = os.path.join(pelican.output_path, pelican.settings["THEME_STATIC_DIR"])
    written += [os.path.relpath(os.path.join(folder, name), pelican.output_path)
                for folder, _, names in os.walk(theme_folder) for name in names]
    remove_files(pelican.output_path, state.unpublished_files)  # before the link check
    remove_stale_files(pelican.settings, pelican.output_path, written)  # under `pelican -r`: a deleted topic's pages
    if is_absolute_site(pelican.settings):
        write_sitemap_and_robots(pelican.output_path, pelican.settings["SITEURL"], state.alternates)
    check_links(pelican)  # last: it reads every file written above (blinker calls receivers in no set order)
    finish_run(pelican.settings)


def register() -> None:
    quiet_author_errors(logging.getLogger("pelican"))  # Pelican's command: path:line messages, no traceback
    quiet_decorative_images()
    signals.initialized.connect(on_initialized)
    signals.content_object_init.connect(on_content_object_init)
    signals.get_generators.connect(on_get_generators)
    signals.generator_init.connect(on_generator_init)
    signals.readers_init.connect(on_readers_init)
    signals.page_generator_init.connect(on_page_generator_init)
    signals.all_generators_finalized.connect(on_all_generators_finalized)
    signals.finalized.connect(on_finalized)
    signals.page_generator_write_page.connect(on_page_generator_write_page)
    signals.page_writer_finalized.connect(on_page_writer_finalized)
    signals.get_writer.connect(on_get_writer)
    signals.all_generators_finalized.connect(remember_page_sources)
