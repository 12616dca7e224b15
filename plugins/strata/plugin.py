"""Wire Strata into Pelican's signals.

Order of work in one build:

1. ``initialized``: validate the ``STRATA`` settings, start a fresh error log,
   add the ``asset`` (cache-busting) template filter.
2. ``readers_init``: read ``.md`` with :class:`~strata.reader.StrataMarkdownReader`.
3. ``all_generators_finalized``: group pages into topics, check output files,
   split each topic page into sections once (reading level and search share
   them), load the glossary, mark the glossary terms in every page (and note
   where each is used); then stop the build if anything was recorded as an
   error, before a single page is written; else write ``search-index.js``.
4. ``finalized``: for the public web (absolute ``SITEURL``), ``sitemap.xml`` and ``robots.txt``.
"""

from __future__ import annotations

import os

from pelican import signals
from pelican.generators import PagesGenerator

from .errors import StrataError
from .glossary.backlinks import mark_pages
from .glossary.terms import Glossary, load_glossary
from .publishing import is_absolute_site, make_asset_filter, write_sitemap_and_robots
from .readability import reading_stats
from .reader import StrataMarkdownReader
from .search import collect_docs, index_script, write_index
from .state import build_state, start_build
from .topics import check_output_files, collect_topics


def on_initialized(pelican) -> None:
    start_build(pelican.settings)
    pelican.settings.setdefault("JINJA_FILTERS", {})["asset"] = make_asset_filter(pelican.settings)


def on_readers_init(readers) -> None:
    readers.reader_classes["md"] = StrataMarkdownReader
    readers.reader_classes["markdown"] = StrataMarkdownReader


def on_all_generators_finalized(generators) -> None:
    pages_generator = next(g for g in generators if isinstance(g, PagesGenerator))
    settings, context = pages_generator.settings, pages_generator.context
    state = build_state(settings)
    config, errors = state.config, state.errors

    pages = [*pages_generator.pages, *pages_generator.hidden_pages]
    topics = collect_topics(pages, config, errors)
    check_output_files([*pages, *pages_generator.draft_pages], settings, errors)
    for topic in topics:
        for tier in topic.tiers:
            tier.stats = reading_stats(tier.page.strata_sections, config.words_per_minute)

    glossary_path = os.path.join(settings["PATH"], config.glossary_file)
    glossary = Glossary(glossary_path)
    if os.path.exists(glossary_path):
        try:
            glossary = load_glossary(glossary_path)
        except StrataError as exc:
            errors.add(exc)

    uses = mark_pages(pages, glossary, settings, config.glossary_scope, errors, single_topic=len(topics) <= 1)

    context.update(strata_topics=topics, strata_glossary=glossary, strata_glossary_uses=uses, strata_config=config)
    errors.raise_if_any()

    search_script = index_script(collect_docs(topics, glossary))
    context["strata_search_version"] = write_index(pages_generator.output_path, search_script)


def on_finalized(pelican) -> None:
    if is_absolute_site(pelican.settings):
        write_sitemap_and_robots(pelican.output_path, pelican.settings["SITEURL"])


def register() -> None:
    signals.initialized.connect(on_initialized)
    signals.readers_init.connect(on_readers_init)
    signals.all_generators_finalized.connect(on_all_generators_finalized)
    signals.finalized.connect(on_finalized)
