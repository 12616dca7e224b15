"""The glossary pass over the site: mark every page, and remember where each term is used.

:func:`mark_pages` runs once per build, after the topics are collected and the
glossary is loaded. For each page it runs :func:`~strata.glossary.marking.mark_html`
on the page's HTML (``page._content``), honours ``Glossary: off``, and records a
:class:`Use` per marked occurrence: the glossary page lists them as backlinks.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from ..errors import ErrorLog, StrataError
from ..topics import metadata_line
from .marking import mark_html
from .terms import Glossary

SWITCH_VALUES = ("on", "off")


@dataclass(frozen=True)
class Use:
    """Where a term is used: the page (``url``, relative to the site root) and the occurrence's id."""

    url: str
    fragment: str
    label: str

    @property
    def href(self) -> str:
        return f"{self.url}#{self.fragment}"


def glossary_href(page_save_as: str, settings: dict) -> str:
    """The glossary page's address as written in a page saved at ``page_save_as``.

    With ``RELATIVE_URLS`` (and in the offline bundle) the link is relative to the page's
    folder (``../../glossary.html``), so it works from any depth and over ``file://``;
    otherwise it is ``SITEURL/glossary.html``.
    """
    target = settings.get("GLOSSARY_SAVE_AS") or "glossary.html"
    if settings.get("RELATIVE_URLS") or not settings.get("SITEURL"):
        folder = posixpath.dirname(page_save_as.replace("\\", "/"))
        return posixpath.relpath(target, folder or ".")
    return f"{settings['SITEURL'].rstrip('/')}/{target}"


def page_label(page, single_topic: bool) -> str:
    """How a backlink names the page: the tier label, with the topic title when several topics exist."""
    topic, tier = getattr(page, "strata_topic", None), getattr(page, "strata_tier", None)
    if topic is None:
        return page.title
    if tier is None:
        return topic.title
    return tier.spec.label if single_topic else f"{topic.title}: {tier.spec.label}"


def set_content(page, html: str) -> None:
    """Replace the page's HTML, forgetting any copy Pelican memoised (``page.content`` is cached,
    e.g. by the reading-time step, in ``pelican.utils.memoized``'s cache keyed by page and site URL)."""
    page._content = html
    cache = getattr(getattr(page, "get_content", None), "cache", {})
    for key in [k for k in cache if isinstance(k, tuple) and k and k[0] is page]:
        del cache[key]


def mark_pages(pages: list, glossary: Glossary, settings: dict, scope: str, errors: ErrorLog, *,
               single_topic: bool = True) -> dict[str, list[Use]]:
    """Mark the glossary terms of every page; return the uses of each term, by slug, in page order."""
    uses: dict[str, list[Use]] = {}
    for page in sorted(pages, key=_reading_order):
        switch = str(getattr(page, "glossary", "on")).strip().lower()
        if switch not in SWITCH_VALUES:
            errors.add(StrataError(f"'Glossary: {getattr(page, 'glossary', '')}' is not a choice; write "
                                   "'Glossary: off' to turn the glossary links off on this page, or remove the line",
                                   page.source_path, metadata_line(page.source_path, "glossary")))
            continue
        content = page._content or ""
        if not glossary.terms and "data-strata-term" not in content:
            continue
        result = mark_html(content, glossary, glossary_href(page.save_as, settings),
                           per_section=scope == "section", auto=switch == "on")
        if result.errors:
            source = _read(page.source_path)
            for error in result.errors:
                errors.add(error.located(page.source_path, source))
        set_content(page, result.html)
        label = page_label(page, single_topic)
        for occurrence in result.occurrences:
            where = f"{label} — {occurrence.section_title}" if occurrence.section_title else label
            uses.setdefault(occurrence.term.slug, []).append(Use(page.url, occurrence.id, where))
    return uses


def _reading_order(page) -> tuple:
    """Topics in order, each with its overview first and then its tiers in reading order; other pages last."""
    topic, tier = getattr(page, "strata_topic", None), getattr(page, "strata_tier", None)
    if topic is None:
        return (1, "", 0, page.url)
    return (0, topic.slug, topic.tiers.index(tier) + 1 if tier in topic.tiers else 0, page.url)


def _read(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError):
        return None
