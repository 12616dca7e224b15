"""Where each glossary term is used: a page of backlinks per term, from the pages' metadata.

The reader marks terms while it renders a page and keeps the occurrences in the page's
metadata (``page.strata_terms``: entry anchor, link id, section id and title; see
:mod:`.marking`). Once every page is read, :func:`collect_uses` indexes them by glossary
entry, in reading order, as references to the pages and occurrences already in memory
(no copy of a URL or a label per occurrence).

The glossary page keeps each entry's term, definition and anchor (what a term's link,
a tooltip and a search result point to) and links to the entry's *uses page*,
``glossary/<anchor>.html``: its backlinks grouped by topic, each labelled with the
topic, tier and section. A term used very widely gets several uses pages
(``glossary/<anchor>-2.html`` …, :data:`USES_PER_PAGE` backlinks each), so no page grows
with the size of the site. :class:`UsesWriter` (a Pelican generator) writes them, one
term at a time, building each page's view only while it is written.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from itertools import groupby

USES_PER_PAGE = 400  # backlinks on one uses page (~120 bytes each): a page stays well under 100 KB
USES_FOLDER = "glossary"  # uses pages: <folder of the glossary page>/glossary/<anchor>.html
USES_TEMPLATE = "glossary_uses"


@dataclass(frozen=True)
class Use:
    """A backlink: where a term is used (``url`` relative to the site root, the occurrence's id) and its label."""

    url: str
    fragment: str
    label: str

    @property
    def href(self) -> str:
        return f"{self.url}#{self.fragment}"


@dataclass(frozen=True)
class UseGroup:
    """The backlinks on one topic (``title``: the topic's; or one page outside any topic: its own)."""

    title: str
    uses: tuple[Use, ...]


@dataclass(frozen=True)
class UsesPage:
    """One uses page of a term: its backlinks (``groups``), its number among the term's ``count`` pages,
    the URL of each of those pages (``urls``, relative to the site root) and the term's total backlinks."""

    number: int
    urls: tuple[str, ...]
    groups: tuple[UseGroup, ...]
    total: int

    @property
    def count(self) -> int:
        return len(self.urls)

    @property
    def url(self) -> str:
        return self.urls[self.number - 1]


@dataclass(frozen=True)
class GlossaryPage:
    """The glossary page as Pelican's ``{filename}`` links see it (registered in ``generated_content``)."""

    url: str


def glossary_page(settings: dict) -> GlossaryPage:
    return GlossaryPage(settings.get("GLOSSARY_URL") or settings.get("GLOSSARY_SAVE_AS") or "glossary.html")


def uses_url(glossary_url: str, anchor: str, number: int = 1) -> str:
    """Where the ``number``-th uses page of the entry ``anchor`` is, relative to the site root."""
    folder = os.path.dirname(glossary_url)
    name = f"{anchor}.html" if number == 1 else f"{anchor}-{number}.html"
    return "/".join(part for part in (folder, USES_FOLDER, name) if part)


def page_label(page, single_topic: bool) -> str:
    """How a backlink names the page: the tier label, with the topic title when several topics exist."""
    topic, tier = getattr(page, "strata_topic", None), getattr(page, "strata_tier", None)
    if topic is None:
        return page.title
    if tier is None:
        return topic.title
    return tier.spec.label if single_topic else f"{topic.title}: {tier.spec.label}"


class Uses:
    """Every term's occurrences, in reading order: for each entry anchor, ``(page number, occurrence)`` pairs.

    ``pages`` are the pages in reading order, each with its URL and label looked up once;
    ``glossary_url`` is where the glossary page is (its uses pages are beside it).
    """

    def __init__(self, pages: list, *, single_topic: bool, glossary_url: str = "glossary.html"):
        self.single_topic, self.glossary_url = single_topic, glossary_url
        self.pages = sorted((page for page in pages if getattr(page, "strata_terms", ())), key=_reading_order)
        self._urls = [page.url for page in self.pages]
        self._labels = [page_label(page, single_topic) for page in self.pages]
        self._by_anchor: dict[str, list[tuple[int, object]]] = {}
        for number, page in enumerate(self.pages):
            for occurrence in page.strata_terms:
                self._by_anchor.setdefault(occurrence.term, []).append((number, occurrence))

    def __contains__(self, anchor: str) -> bool:
        return anchor in self._by_anchor

    def count(self, anchor: str) -> int:
        """How many backlinks the entry has."""
        return len(self._by_anchor.get(anchor, ()))

    def get(self, anchor: str, default=()) -> list[Use]:
        """The entry's backlinks, in reading order (``default`` when it has none)."""
        found = self._by_anchor.get(anchor)
        return [self._use(number, occurrence) for number, occurrence in found] if found else default

    def _use(self, number: int, occurrence) -> Use:
        label = self._labels[number]
        where = f"{label} — {occurrence.section_title}" if occurrence.section_title else label
        return Use(self._urls[number], occurrence.id, where)

    def anchors(self) -> list[str]:
        return list(self._by_anchor)

    def url_of(self, anchor: str) -> str:
        """Where the (first) uses page of the entry ``anchor`` is, relative to the site root."""
        return uses_url(self.glossary_url, anchor)

    def pages_of(self, anchor: str) -> list[UsesPage]:
        """The uses pages of an entry: its backlinks :data:`USES_PER_PAGE` at a time, grouped by topic."""
        found = self._by_anchor.get(anchor, [])
        chunks = [found[start:start + USES_PER_PAGE] for start in range(0, len(found), USES_PER_PAGE)]
        urls = tuple(uses_url(self.glossary_url, anchor, number) for number in range(1, len(chunks) + 1))
        return [UsesPage(number, urls, self._groups(chunk), len(found))
                for number, chunk in enumerate(chunks, 1)]

    def _groups(self, chunk: list[tuple[int, object]]) -> tuple[UseGroup, ...]:
        groups = []
        for _, grouped in groupby(chunk, key=lambda item: _group_key(self.pages[item[0]])):
            run = list(grouped)
            page = self.pages[run[0][0]]
            topic = getattr(page, "strata_topic", None)
            groups.append(UseGroup(topic.title if topic is not None else page.title,
                                   tuple(self._use(number, occurrence) for number, occurrence in run)))
        return tuple(groups)


def collect_uses(pages: list, *, single_topic: bool = True, glossary_url: str = "glossary.html") -> Uses:
    """The uses of each glossary entry (by anchor), in reading order."""
    return Uses(pages, single_topic=single_topic, glossary_url=glossary_url)


def _group_key(page) -> str:
    topic = getattr(page, "strata_topic", None)
    return f"topic:{topic.slug}" if topic is not None else f"page:{page.url}"


def _reading_order(page) -> tuple:
    """Topics in order, each with its overview first and then its tiers in reading order; other pages last."""
    topic, tier = getattr(page, "strata_topic", None), getattr(page, "strata_tier", None)
    if topic is None:
        return (1, "", 0, page.url)
    return (0, topic.slug, topic.tiers.index(tier) + 1 if tier in topic.tiers else 0, page.url)
