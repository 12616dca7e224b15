"""What the search index keeps between runs of one Pelican process (``pelican -r``, ``invoke livereload``).

An edit changes a few documents; the others are analysed (folded, split, stemmed, weighted)
exactly as in the previous run, and most shard files come out byte for byte the same.
:class:`IndexMemory`, kept in the settings (which live as long as the Pelican object),
remembers each document's analysis by its key (a digest of everything the index stores of
it) and a digest of each shard file written, so that a rebuild analyses only new or changed
documents and writes only the files whose bytes changed. A one-off build keeps no memory: it
analyses and writes everything.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ..incremental import keeps_memory
from .docs import SearchDoc

MEMORY_KEY = "STRATA_SEARCH_MEMORY"

Analysis = tuple[tuple[str, ...], bytes]  # a document's distinct terms and the weight letter of each


@dataclass
class IndexMemory:
    """Analyses by document key, and what was written into ``folder`` (file name → digest of its bytes)."""

    analyses: dict[bytes, Analysis] = field(default_factory=dict)
    folder: str = ""
    written: dict[str, bytes] = field(default_factory=dict)
    chunks: dict[str, bytes] = field(default_factory=dict)  # document file name → a digest of its documents' keys


def index_memory(settings: dict, folder: str = "") -> IndexMemory | None:
    """The memory of the Pelican process that ``settings`` belong to (made on first use), for the index of the
    site's language or of the language whose pages are in ``folder`` (``"es/"``); None when the process keeps
    none (:func:`~strata.incremental.keeps_memory`)."""
    if not keeps_memory(settings):
        return None
    return settings.setdefault(MEMORY_KEY + (f":{folder}" if folder else ""), IndexMemory())


def doc_key(doc: SearchDoc) -> bytes:
    """A digest of every field of ``doc``: equal keys, equal entries in the index."""
    fields = (doc.url, doc.title, doc.page, doc.kind, doc.text, doc.keywords, "1" if doc.glossary else "")
    return hashlib.blake2b("\x00".join(fields).encode(), digest_size=16).digest()


def content_digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode(), digest_size=16).digest()


def index_version(keys, lang: str) -> str:
    """A version of the search index for cache busting: a digest of its documents' keys, its language and
    the indexing code."""
    digest = hashlib.sha256(_search_code() + lang.encode())
    for key in keys:
        digest.update(key)
    return digest.hexdigest()[:10]


@cache
def _search_code() -> bytes:
    folder = os.path.dirname(__file__)
    return b"".join(Path(folder, name).read_bytes() for name in sorted(os.listdir(folder)) if name.endswith(".py"))
