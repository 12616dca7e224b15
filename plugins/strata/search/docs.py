"""What search finds: every section of every topic page, each topic's references, each glossary term, every
section of the site's own pages (``content/pages/``: "About")."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..i18n import N_
from ..pagetext import plain_text

GLOSSARY = N_("Glossary")
OVERVIEW = N_("Overview")
REFERENCES = N_("References")


@dataclass(frozen=True)
class SearchDoc:
    """One searchable unit: a section of a page, a glossary term or a topic's references."""

    url: str        # page URL with the section anchor, relative to the site root
    title: str      # section title (a heading, a term)
    page: str       # page title as readers know it, e.g. "Restoring …" (or "Glossary", "References")
    kind: str       # tier label, "Overview", "Glossary" or "References" (translated); a site page's title
    text: str
    keywords: str = ""  # indexed with the title but not shown (e.g. a term's aliases)
    glossary: bool = False  # a glossary entry (ranked above passing mentions)


def collect_docs(topics, glossary, gettext=str, root: str = "", site_pages=()) -> Iterator[SearchDoc]:
    """Yield the documents one at a time, in site order (``page.strata_sections`` of each topic page), then
    those of the site's own pages, ``site_pages`` (last, so that adding one leaves the other documents' numbers as they
    were); ``gettext`` translates the words search shows (kinds of page, labels) into the site's language. URLs
    are relative to ``root``, the folder of the language's pages (``"es/"``), where its index is."""
    topics = list(topics)
    glossary_kind, references = gettext(GLOSSARY), gettext(REFERENCES)
    for topic in topics:
        pages = [(topic.overview, gettext(OVERVIEW)), *((tier.page, gettext(tier.spec.label)) for tier in topic.tiers)]
        for page, kind in pages:
            for section in page.strata_sections:
                url = page.url.removeprefix(root)
                url = f"{url}#{section.anchor}" if section.anchor else url
                title = section.title or gettext("%(topic)s: %(tier)s") % {"topic": topic.title, "tier": kind}
                yield SearchDoc(url, title, topic.title, kind, section.text)
        if topic.references:
            text = " ".join(plain_text(r.cite(gettext)) for r in topic.references)
            yield SearchDoc(f"references.html#{topic.references_anchor}",
                            gettext("References: %(topic)s") % {"topic": topic.title}, references, references, text)
    titles = {topic.slug: topic.title for topic in topics}
    for term in glossary.terms:  # a topic's own entry is shown as "<topic title> · Glossary"
        yield SearchDoc(f"glossary.html#{term.anchor}", term.term, titles.get(term.topic, glossary_kind),
                        glossary_kind, plain_text(term.definition_html), " ".join(term.aliases), glossary=True)
    for page in site_pages:  # shown as its title alone (kind and page alike), as search.js shows a glossary entry
        url, title = page.url.removeprefix(root), str(page.title)
        for section in page.strata_sections:
            yield SearchDoc(f"{url}#{section.anchor}" if section.anchor else url, section.title or title, title,
                            title, section.text)
