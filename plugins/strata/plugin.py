"""Wire Strata into Pelican's signals.

Order of work in one build (one run of Pelican; ``pelican -r`` runs many):

1. ``initialized``: validate the ``STRATA`` settings early (a wrong option stops before anything is read).
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
   the pages' metadata, register the glossary page for the term links (``{filename}`` links, resolved
   by Pelican per page when it writes it); then stop the build if anything was recorded as an error,
   before a single page is written; else plan which pages a rebuild under ``pelican -r`` may keep
   (:mod:`strata.incremental`, applied by its writer, from the ``get_writer`` signal) and give the
   search page the index's version (a digest of the documents to index).
5. ``finalized``: write the search index (``search/``), after the pages, and each page type's
   stylesheet and script (:mod:`strata.components`); for the public web
   (absolute ``SITEURL``), ``sitemap.xml`` and ``robots.txt``;
   then check every link of the written site (``linkreport.py``, which also remembers at step 4
   which Markdown file wrote each page); then record the run as finished.
"""

from __future__ import annotations

import logging
import os

from pelican import signals
from pelican.generators import PagesGenerator

from .bytecode import share_compiled_templates
from .caching import guard_cache, page_metadata, read_version, reader_metadata
from .components import configure as configure_components
from .components import theme_bundles
from .config import load_config
from .errors import quiet_author_errors
from .glossary.backlinks import collect_uses, glossary_page
from .glossary.uses_pages import UsesPagesGenerator
from .home import HomePagesGenerator, home_pages
from .i18n import SOURCE_LANG, check_language, page_translations
from .i18n import install as install_translations
from .incremental import IncrementalWriter, finish_run, plan_rewrites, start_run
from .levels import measure_tiers
from .linkreport import check_links, remember_page_sources
from .publishing import is_absolute_site, write_sitemap_and_robots
from .reader import StrataMarkdownReader
from .search import collect_docs, doc_key, index_memory, index_version, write_index
from .state import build_state, start_build
from .topics import check_output_files, collect_topics


def on_initialized(pelican) -> None:
    load_config(pelican.settings)
    check_language(pelican.settings["THEME"], pelican.settings.get("DEFAULT_LANG") or SOURCE_LANG,
                   pelican.settings.get("STRATA_SETTINGS_FILE"))


def on_generator_init(generator) -> None:
    install_translations(generator.env, generator.settings)
    share_compiled_templates(generator.env, generator.settings)


def on_get_generators(pelican) -> tuple[type, ...]:
    start_build(pelican.settings)
    start_run(pelican.settings)
    configure_components(pelican.settings)
    return UsesPagesGenerator, HomePagesGenerator


def on_get_writer(pelican) -> type:
    return IncrementalWriter


def on_readers_init(readers) -> None:
    readers.reader_classes["md"] = StrataMarkdownReader
    readers.reader_classes["markdown"] = StrataMarkdownReader
    guard_cache(readers, read_version(build_state(readers.settings)), reader_metadata)


def on_page_generator_init(generator) -> None:
    guard_cache(generator, read_version(build_state(generator.settings)), page_metadata)


def on_all_generators_finalized(generators) -> None:
    pages_generator = next(g for g in generators if isinstance(g, PagesGenerator))
    settings, context = pages_generator.settings, pages_generator.context
    state = build_state(settings)
    config, errors, glossary = state.config, state.errors, state.glossary

    pages = [*pages_generator.pages, *pages_generator.hidden_pages]
    for page in pages:  # Pelican formats page.url from the settings on every access: once per page is enough
        page.override_url = page.url
    gettext_for = lambda page: page_translations(settings, page.source_path).gettext  # noqa: E731
    topics = collect_topics(pages, config, errors, gettext_for)
    check_output_files([*pages, *pages_generator.draft_pages], settings, errors)
    measure_tiers(topics, pages, config, errors, gettext_for)

    gettext, lang = page_translations(settings).gettext, settings.get("DEFAULT_LANG") or SOURCE_LANG
    glossary_at = glossary_page(settings)
    uses = collect_uses(pages, glossary.terms, single_topic=len(topics) <= 1, glossary_url=glossary_at.url,
                        gettext=gettext)
    context["generated_content"][config.glossary_file.replace(os.sep, "/")] = glossary_at
    homes = home_pages(topics, settings.get("INDEX_SAVE_AS") or "index.html")
    context.update(strata_home=homes[0], strata_home_pages=homes, strata_topics=topics, strata_glossary=glossary,
                   strata_glossary_uses=uses, strata_config=config,
                   strata_topic_titles={topic.slug: topic.title for topic in topics})
    errors.raise_if_any()
    plan_rewrites(settings, pages, glossary.version)

    # The search page names the index with a version made from what it indexes; the index itself is
    # written once the pages are (``finalized``), so that under ``pelican -r`` an edited page is on disk
    # before the index is brought up to date.
    docs = list(collect_docs(topics, glossary, gettext))
    keys = [doc_key(doc) for doc in docs]
    context["strata_search_version"] = index_version(keys, lang)
    state.search_documents = docs, keys


def on_finalized(pelican) -> None:
    documents = build_state(pelican.settings).search_documents
    if documents is not None:
        docs, keys = documents
        write_index(pelican.output_path, docs, pelican.settings.get("DEFAULT_LANG") or SOURCE_LANG,
                    index_memory(pelican.settings), keys)
    bundles = theme_bundles(pelican.settings)
    if bundles:
        bundles.write(pelican.output_path)
    if is_absolute_site(pelican.settings):
        write_sitemap_and_robots(pelican.output_path, pelican.settings["SITEURL"])
    check_links(pelican)  # last: it reads every file written above (blinker calls receivers in no set order)
    finish_run(pelican.settings)


def register() -> None:
    quiet_author_errors(logging.getLogger("pelican"))  # Pelican's command: path:line messages, no traceback
    signals.initialized.connect(on_initialized)
    signals.get_generators.connect(on_get_generators)
    signals.generator_init.connect(on_generator_init)
    signals.readers_init.connect(on_readers_init)
    signals.page_generator_init.connect(on_page_generator_init)
    signals.all_generators_finalized.connect(on_all_generators_finalized)
    signals.finalized.connect(on_finalized)
    signals.get_writer.connect(on_get_writer)
    signals.all_generators_finalized.connect(remember_page_sources)
