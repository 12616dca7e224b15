"""Offline search: split pages into sections, index them with lunr at build time, ship a classic script.

The index is prebuilt with the ``lunr`` Python package (as MkDocs does) and
queried in the browser by the vendored lunr.js 2.3.9 (``theme/static/vendor/lunr``).
It ships as ``search-index.js``, which sets ``window.STRATA_SEARCH``: a script,
not JSON, so it loads from ``file://`` where ``fetch`` cannot.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass

import lunr
from bs4 import BeautifulSoup, Tag

INDEX_FILE = "search-index.js"
SKIPPED = "form, template, script, style, [hidden], [role=tooltip], .visually-hidden"
BLOCKS = ["p", "li", "td", "th", "dt", "dd", "h3", "h4", "caption", "div", "tr"]


@dataclass(frozen=True)
class SearchDoc:
    """One searchable unit: a section of a page, a glossary term or a topic's references."""

    url: str        # page URL with the section anchor, relative to the site root
    title: str      # section title
    page: str       # page title as readers know it, e.g. "Restoring …: Fundamentals"
    kind: str       # tier label, "Overview", "Glossary" or "References"
    text: str
    keywords: str = ""  # indexed with the title but not shown (e.g. a term's aliases)


def page_sections(html: str) -> list[tuple[str, str, str]]:
    """Split rendered page HTML at its ``h2`` headings → ``[(anchor, heading, text)]``.

    Text before the first heading comes first with an empty anchor and heading.
    Quizzes, hidden tooltips and scripts are left out.
    """
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.select(SKIPPED):
        element.decompose()
    for block in soup.find_all(BLOCKS):
        block.append(" ")  # keep words of adjacent blocks apart; inline markup adds no space
    sections: list[tuple[str, str, list[str]]] = [("", "", [])]
    for node in soup.contents:
        if isinstance(node, Tag) and node.name == "h2":
            sections.append((node.get("id", ""), node.get_text(" ", strip=True), []))
        else:
            sections[-1][2].append(node.get_text() if isinstance(node, Tag) else str(node))
    return [(anchor, title, " ".join(" ".join(parts).split())) for anchor, title, parts in sections
            if title or " ".join(parts).strip()]


def collect_docs(topics, glossary) -> list[SearchDoc]:
    docs = []
    for topic in topics:
        pages = [(topic.overview, "Overview"), *((tier.page, tier.spec.label) for tier in topic.tiers)]
        for page, kind in pages:
            for anchor, heading, text in page_sections(page.content):
                url = f"{page.url}#{anchor}" if anchor else page.url
                docs.append(SearchDoc(url, heading or f"{topic.title}: {kind}", topic.title, kind, text))
        if topic.references:
            text = " ".join(str(BeautifulSoup(str(r.citation), "html.parser").get_text()) for r in topic.references)
            docs.append(SearchDoc(f"references.html#{topic.slug}", f"References: {topic.title}",
                                  "References", "References", text))
    for term in glossary.terms:
        definition = BeautifulSoup(str(term.definition_html), "html.parser").get_text()
        docs.append(SearchDoc(f"glossary.html#{term.slug}", term.term, "Glossary", "Glossary", definition,
                              " ".join(term.aliases)))
    return docs


def index_script(docs: list[SearchDoc]) -> str:
    """The content of ``search-index.js``: the serialised lunr index and the documents."""
    index = lunr.lunr(
        ref="id",
        fields=[{"field_name": "title", "boost": 10}, "text"],
        documents=[{"id": str(i), "title": f"{d.title} {d.keywords}", "text": d.text} for i, d in enumerate(docs)],
    )
    shown = [{k: v for k, v in asdict(d).items() if k != "keywords"} for d in docs]
    payload = {"index": index.serialize(), "docs": shown}
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    # "</" cannot close a script element inside a JS string, but escape it anyway for inline safety.
    return "window.STRATA_SEARCH = " + data.replace("</", "<\\/") + ";\n"


def write_index(output_path: str, script: str) -> str:
    """Write ``search-index.js`` into the output; return its content hash for cache busting."""
    with open(os.path.join(output_path, INDEX_FILE), "w", encoding="utf-8") as handle:
        handle.write(script)
    return hashlib.sha256(script.encode()).hexdigest()[:10]
