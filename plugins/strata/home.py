"""The home page at scale: the topics, :data:`TOPICS_PER_PAGE` at a time (``index.html``, ``index-2.html`` …).

Each topic shows its summary and its tier cards (~1.5 KB of HTML), so one page for every topic
would pass 500 KB near 350 topics. The first page is the site's ``index`` template as Pelican
writes it (``strata_home`` in the context); :class:`HomePagesGenerator` writes the others with
the same template. A site of up to :data:`TOPICS_PER_PAGE` topics has one home page.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from pelican.generators import Generator

from .paging import Paged

TOPICS_PER_PAGE = 100


@dataclass(frozen=True)
class HomePage(Paged):
    """One home page: its topics."""

    topics: tuple = ()


def home_pages(topics: list, index_url: str = "index.html") -> list[HomePage]:
    """The home pages: ``index_url``, then ``<its name>-2.html`` … beside it."""
    chunks = [tuple(topics[start:start + TOPICS_PER_PAGE]) for start in range(0, len(topics), TOPICS_PER_PAGE)] or [()]
    stem, extension = os.path.splitext(index_url)
    urls = tuple(index_url if number == 1 else f"{stem}-{number}{extension}" for number in range(1, len(chunks) + 1))
    return [HomePage(number, urls, chunk) for number, chunk in enumerate(chunks, 1)]


class HomePagesGenerator(Generator):
    """Writes the home pages after the first (``context["strata_home_pages"]``, set by the plugin)."""

    def generate_context(self) -> None:
        """Nothing to read."""

    def generate_output(self, writer) -> None:
        write_home_pages(self, writer, self.context)


def write_home_pages(generator, writer, context: dict) -> None:
    """Write the home pages after the first of ``context["strata_home_pages"]``, with ``context``."""
    template = generator.get_template("index")
    for page in context.get("strata_home_pages", ())[1:]:
        writer.write_file(page.url, template, context, relative_urls=generator.settings["RELATIVE_URLS"],
                          url=page.url, strata_home=page, template_name="index")
