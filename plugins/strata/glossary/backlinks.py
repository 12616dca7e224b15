"""Where each glossary term is used: a page of backlinks per term, from the pages' metadata.

The reader marks terms while it renders a page and keeps the occurrences in the page's
metadata (``page.strata_terms``: entry anchor, link id, section id and title; see
:mod:`.marking`). Once every page is read, :func:`collect_uses` indexes them by glossary
entry, in reading order, as references to the pages and occurrences already in memory
(no copy of a URL or a label per occurrence).

The glossary page keeps each entry's term, definition and anchor (what a term's link,
a tooltip and a search result point to) and links to where the entry's backlinks are
listed: the *uses pages* ``glossary/uses-<n>.html``, each holding the backlinks of
consecutive entries (A to Z), every entry under a heading with its anchor, its backlinks
grouped by topic and labelled with the topic, tier and section. A page holds at most
:data:`USES_PER_PAGE` backlinks: an entry whose backlinks do not fit starts a new page,
and an entry with more than that many continues over the following pages. So a small
site has one uses page and no page grows with the size of the site.
:class:`~.uses_pages.UsesPagesGenerator` writes them, building each page's view only
while it is written.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from itertools import groupby

from ..paging import Paged

USES_PER_PAGE = 400  # backlinks on one uses page (~120 bytes each): a page stays well under 100 KB
USES_FOLDER = "glossary"  # uses pages: <folder of the glossary page>/glossary/uses-<n>.html
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
class EntryUses:
    """An entry's backlinks on one uses page (``part`` of its ``parts`` pages), grouped by topic;
    ``continued``: the URL of the page where they continue (relative to the site root), if any."""

    term: object
    part: int
    parts: int
    groups: tuple[UseGroup, ...]
    continued: str | None


@dataclass(frozen=True)
class UsesPage(Paged):
    """One uses page: its ``number``, the URL of every uses page (``urls``) and the entries it lists."""

    entries: tuple[EntryUses, ...] = ()


@dataclass(frozen=True)
class GlossaryPage:
    """The glossary page as Pelican's ``{filename}`` links see it (registered in ``generated_content``)."""

    url: str


def glossary_page(settings: dict) -> GlossaryPage:
    return GlossaryPage(settings.get("GLOSSARY_URL") or settings.get("GLOSSARY_SAVE_AS") or "glossary.html")


def uses_url(glossary_url: str, number: int) -> str:
    """Where the ``number``-th uses page is, relative to the site root."""
    folder = os.path.dirname(glossary_url)
    return "/".join(part for part in (folder, USES_FOLDER, f"uses-{number}.html") if part)


def page_label(page, single_topic: bool, gettext=str) -> str:
    """How a backlink names the page: the tier label (translated by ``gettext``), with the topic title when
    several topics exist."""
    topic, tier = getattr(page, "strata_topic", None), getattr(page, "strata_tier", None)
    if topic is None:
        return page.title
    if tier is None:
        return topic.title
    label = gettext(tier.spec.label)
    return label if single_topic else gettext("%(topic)s: %(tier)s") % {"topic": topic.title, "tier": label}


class Uses:
    """Every term's occurrences, in reading order: for each entry anchor, ``(page number, occurrence)`` pairs.

    ``pages`` are the pages in reading order, each with its URL and label looked up once;
    ``terms`` the glossary's entries in the order the uses pages list them; ``glossary_url`` is where
    the glossary page is (its uses pages are beside it).
    """

    def __init__(self, pages: list, terms: list, *, single_topic: bool, glossary_url: str = "glossary.html",
                 gettext=str):
        self.single_topic, self.glossary_url = single_topic, glossary_url
        self.pages = sorted((page for page in pages if getattr(page, "strata_terms", ())), key=_reading_order)
        self._urls = [page.url for page in self.pages]
        self._labels = [page_label(page, single_topic, gettext) for page in self.pages]
        self._by_anchor: dict[str, list[tuple[int, object]]] = {}
        for number, page in enumerate(self.pages):
            for occurrence in page.strata_terms:
                self._by_anchor.setdefault(occurrence.term, []).append((number, occurrence))
        self._starts: dict[str, int] = {}
        self._plan = self._make_plan(terms)

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

    def _make_plan(self, terms: list) -> list[list[tuple[object, int, int]]]:
        """Which backlinks go on which uses page: for each page, ``(term, first, last + 1)`` slices of the
        backlinks of consecutive ``terms`` (the glossary's entries, in order), at most
        :data:`USES_PER_PAGE` on a page. Also remembers where each entry's list starts (:meth:`url_of`)."""
        pages: list[list[tuple[object, int, int]]] = []
        room = 0
        for term in terms:
            count = self.count(term.anchor)
            if not count:
                continue
            if count > room:  # does not fit: start a new page
                pages.append([])
                room = USES_PER_PAGE
            self._starts[term.anchor] = len(pages)
            for first in range(0, count, USES_PER_PAGE):
                if first:
                    pages.append([])
                    room = USES_PER_PAGE
                last = min(count, first + room)
                pages[-1].append((term, first, last))
                room -= last - first
        return pages

    def url_of(self, anchor: str) -> str:
        """Where the backlinks of the entry ``anchor`` start (page and fragment), relative to the site root."""
        return f"{uses_url(self.glossary_url, self._starts[anchor])}#uses-{anchor}"

    def uses_pages(self):
        """Each uses page in turn (its view is built when asked for, and can be dropped once written)."""
        plan = self._plan
        urls = tuple(uses_url(self.glossary_url, number) for number in range(1, len(plan) + 1))
        parts = {}
        for slices in plan:
            for term, _, _ in slices:
                parts[term.anchor] = parts.get(term.anchor, 0) + 1
        seen: dict[str, int] = {}
        for number, slices in enumerate(plan, 1):
            entries = []
            for term, first, last in slices:
                part = seen[term.anchor] = seen.get(term.anchor, 0) + 1
                found = self._by_anchor[term.anchor][first:last]
                continued = urls[number] if part < parts[term.anchor] else None
                entries.append(EntryUses(term, part, parts[term.anchor], self._groups(found), continued))
            yield UsesPage(number, urls, tuple(entries))

    def _groups(self, chunk: list[tuple[int, object]]) -> tuple[UseGroup, ...]:
        groups = []
        for _, grouped in groupby(chunk, key=lambda item: _group_key(self.pages[item[0]])):
            run = list(grouped)
            page = self.pages[run[0][0]]
            topic = getattr(page, "strata_topic", None)
            groups.append(UseGroup(topic.title if topic is not None else page.title,
                                   tuple(self._use(number, occurrence) for number, occurrence in run)))
        return tuple(groups)


def collect_uses(pages: list, terms: list, *, single_topic: bool = True, glossary_url: str = "glossary.html",
                 gettext=str) -> Uses:
    """The uses of each of the glossary entries ``terms`` (by anchor), in reading order; ``gettext`` translates
    the tier labels into the glossary's language."""
    return Uses(pages, terms, single_topic=single_topic, glossary_url=glossary_url, gettext=gettext)


def _group_key(page) -> str:
    topic = getattr(page, "strata_topic", None)
    return f"topic:{topic.slug}" if topic is not None else f"page:{page.url}"


def _reading_order(page) -> tuple:
    """Topics in order, each with its overview first and then its tiers in reading order; other pages last."""
    topic, tier = getattr(page, "strata_topic", None), getattr(page, "strata_tier", None)
    if topic is None:
        return (1, "", 0, page.url)
    return (0, topic.slug, topic.tiers.index(tier) + 1 if tier in topic.tiers else 0, page.url)
