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
from functools import cache

from lunr.builder import Builder
from lunr.stemmer import porter_stemmer
from lunr.stop_word_filter import stop_word_filter
from lunr.trimmer import trimmer

from .pagetext import plain_text

INDEX_FILE = "search-index.js"


@dataclass(frozen=True)
class SearchDoc:
    """One searchable unit: a section of a page, a glossary term or a topic's references."""

    url: str        # page URL with the section anchor, relative to the site root
    title: str      # section title
    page: str       # page title as readers know it, e.g. "Restoring …: Fundamentals"
    kind: str       # tier label, "Overview", "Glossary" or "References"
    text: str
    keywords: str = ""  # indexed with the title but not shown (e.g. a term's aliases)


def collect_docs(topics, glossary) -> list[SearchDoc]:
    """Every section of every topic page (``page.strata_sections``), each topic's references, each term."""
    docs = []
    for topic in topics:
        pages = [(topic.overview, "Overview"), *((tier.page, tier.spec.label) for tier in topic.tiers)]
        for page, kind in pages:
            for section in page.strata_sections:
                url = f"{page.url}#{section.anchor}" if section.anchor else page.url
                docs.append(SearchDoc(url, section.title or f"{topic.title}: {kind}", topic.title, kind,
                                      section.text))
        if topic.references:
            text = " ".join(plain_text(r.citation) for r in topic.references)
            docs.append(SearchDoc(f"references.html#{topic.slug}", f"References: {topic.title}",
                                  "References", "References", text))
    for term in glossary.terms:
        definition = plain_text(term.definition_html)
        docs.append(SearchDoc(f"glossary.html#{term.anchor}", term.term, "Glossary", "Glossary", definition,
                              " ".join(term.aliases)))
    return docs


@cache
def _stem(word: str) -> str:
    return porter_stemmer.stem(word)


def _memoised_stemmer(token, i=None, tokens=None):
    """lunr's Porter stemmer, remembering each word's stem (the same words recur on every page)."""
    return token.update(lambda word, metadata: _stem(word))


_memoised_stemmer.label = "stemmer"  # serialised under lunr.js's name, so the browser uses its own stemmer


def _builder() -> Builder:
    builder = Builder()
    builder.pipeline.add(trimmer, stop_word_filter, _memoised_stemmer)
    builder.search_pipeline.add(_memoised_stemmer)
    builder.ref("id")
    builder.field("title", boost=10)
    builder.field("text")
    return builder


def index_script(docs: list[SearchDoc]) -> str:
    """The content of ``search-index.js``: the serialised lunr index and the documents."""
    builder = _builder()
    for i, doc in enumerate(docs):
        builder.add({"id": str(i), "title": f"{doc.title} {doc.keywords}", "text": doc.text})
    index = builder.build()
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
