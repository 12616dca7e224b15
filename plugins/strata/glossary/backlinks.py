"""Where each glossary term is used: the glossary page's backlinks, from the pages' metadata.

The reader marks terms while it renders a page and keeps the occurrences in the page's
metadata (``page.strata_terms``: entry anchor, link id, section id and title; see
:mod:`.marking`). Once every page is read, :func:`collect_uses` groups them by glossary
entry, in reading order; a page's URL and label are looked up once per page.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Use:
    """Where a term is used: the page (``url``, relative to the site root) and the occurrence's id."""

    url: str
    fragment: str
    label: str

    @property
    def href(self) -> str:
        return f"{self.url}#{self.fragment}"


@dataclass(frozen=True)
class GlossaryPage:
    """The glossary page as Pelican's ``{filename}`` links see it (registered in ``generated_content``)."""

    url: str


def glossary_page(settings: dict) -> GlossaryPage:
    return GlossaryPage(settings.get("GLOSSARY_URL") or settings.get("GLOSSARY_SAVE_AS") or "glossary.html")


def page_label(page, single_topic: bool) -> str:
    """How a backlink names the page: the tier label, with the topic title when several topics exist."""
    topic, tier = getattr(page, "strata_topic", None), getattr(page, "strata_tier", None)
    if topic is None:
        return page.title
    if tier is None:
        return topic.title
    return tier.spec.label if single_topic else f"{topic.title}: {tier.spec.label}"


def collect_uses(pages: list, *, single_topic: bool = True) -> dict[str, list[Use]]:
    """The uses of each glossary entry (by anchor), in reading order."""
    uses: dict[str, list[Use]] = {}
    for page in sorted(pages, key=_reading_order):
        occurrences = getattr(page, "strata_terms", ())
        if not occurrences:
            continue
        url, label = page.url, page_label(page, single_topic)
        for occurrence in occurrences:
            where = f"{label} — {occurrence.section_title}" if occurrence.section_title else label
            uses.setdefault(occurrence.term, []).append(Use(url, occurrence.id, where))
    return uses


def _reading_order(page) -> tuple:
    """Topics in order, each with its overview first and then its tiers in reading order; other pages last."""
    topic, tier = getattr(page, "strata_topic", None), getattr(page, "strata_tier", None)
    if topic is None:
        return (1, "", 0, page.url)
    return (0, topic.slug, topic.tiers.index(tier) + 1 if tier in topic.tiers else 0, page.url)
