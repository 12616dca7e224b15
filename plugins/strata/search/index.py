"""Build the sharded search index in one streaming pass over the documents.

Documents arrive one at a time; each is written into a chunk of ``DOCS_PER_CHUNK``
as soon as the chunk is full, and only its postings (a few bytes per distinct term)
stay in memory. ``close`` then writes, under ``search/`` in the output:

- ``index.js``: the number of documents, the chunk size and the shard keys;
- ``d<i>.js``: dictionary shard ``i``: every term starting with the ``i``-th two-letter key, as a flat
  list ``[term, document frequency, postings string or number of its own postings file, …]``;
- ``p<i>.js``: the postings of one frequent term (a JSON string);
- ``s<i>.js``: typo shard ``i``: terms of 4+ letters ending with the ``i``-th two-letter key (a one-letter
  typo leaves either a word's first two letters or its last two as they were);
- ``c<i>.js``: documents ``[url, title, page, kind, text]`` ``i·K`` to ``i·K + K − 1``.

A posting's weight favours titles (section headings, glossary terms) over body text and glossary
entries over passing mentions; its body part is BM25's saturated term frequency.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections import Counter

from .docs import SearchDoc
from .shards import ALPHABET, MAX_WEIGHT, shard_script, varint
from .text import terms

FOLDER = "search"
DOCS_PER_CHUNK = 8
OWN_FILE_AT = 1024   # a postings string at least this long gets its own file
K1, B, AVERAGE_LENGTH = 1.2, 0.75, 120
TITLE_BONUS, GLOSSARY_FACTOR, SCALE = 3.0, 1.5, 8


def weight(body_count: int, length: int, in_title: bool, glossary: bool) -> int:
    """A posting's weight, 1–63."""
    score = body_count * (K1 + 1) / (body_count + K1 * (1 - B + B * length / AVERAGE_LENGTH)) if body_count else 0
    score = (score + (TITLE_BONUS if in_title else 0)) * (GLOSSARY_FACTOR if glossary else 1)
    return max(1, min(MAX_WEIGHT, round(score * SCALE)))


def shard_key(term: str) -> str:
    return term[:2]


class IndexWriter:
    """Write ``search/`` under ``output_path``: ``add`` every document, then ``close`` for the version hash."""

    def __init__(self, output_path: str, lang: str = "en"):
        self.lang = lang
        self.folder = os.path.join(output_path, FOLDER)
        shutil.rmtree(self.folder, ignore_errors=True)   # shards of an earlier build into the same folder
        os.makedirs(self.folder)
        self.digest = hashlib.sha256()
        self.postings: dict[str, list] = {}  # term -> [bytearray, last document id, document frequency]
        self.chunk: list[list[str]] = []
        self.count = 0

    def _write(self, name: str, data) -> None:
        script = shard_script(name, data)
        self.digest.update(script.encode())
        with open(os.path.join(self.folder, f"{name}.js"), "w", encoding="utf-8", newline="") as handle:
            handle.write(script)

    def add(self, doc: SearchDoc) -> None:
        doc_id, self.count = self.count, self.count + 1
        body = Counter(terms(doc.text, self.lang))
        title = set(terms(f"{doc.title} {doc.keywords}", self.lang))
        length, glossary = sum(body.values()), doc.glossary
        for term in body.keys() | title:
            entry = self.postings.get(term)
            if entry is None:
                entry = self.postings[term] = [bytearray(), -1, 0]
            entry[0] += varint(doc_id - entry[1])
            entry[0].append(ord(ALPHABET[weight(body[term], length, term in title, glossary)]))
            entry[1], entry[2] = doc_id, entry[2] + 1
        self.chunk.append([doc.url, doc.title, doc.page, doc.kind, doc.text])
        if len(self.chunk) == DOCS_PER_CHUNK:
            self._flush_chunk()

    def _flush_chunk(self) -> None:
        if self.chunk:
            self._write(f"c{(self.count - 1) // DOCS_PER_CHUNK}", self.chunk)
            self.chunk = []

    def close(self) -> str:
        """Write the dictionary, postings, typo shards and ``index.js``; return the index's version hash."""
        self._flush_chunk()
        by_key: dict[str, list] = {}
        by_ending: dict[str, list] = {}
        own_files = 0
        for term in sorted(self.postings):
            encoded, _, frequency = self.postings.pop(term)
            postings: str | int = encoded.decode()
            if len(encoded) >= OWN_FILE_AT:
                self._write(f"p{own_files}", postings)
                postings, own_files = own_files, own_files + 1
            by_key.setdefault(shard_key(term), []).extend((term, frequency, postings))
            if len(term) >= 4:
                by_ending.setdefault(term[-2:], []).append(term)
        for i, key in enumerate(by_key):
            self._write(f"d{i}", by_key[key])
        endings = sorted(by_ending)
        for i, ending in enumerate(endings):
            self._write(f"s{i}", by_ending[ending])
        self._write("index", {"n": self.count, "k": DOCS_PER_CHUNK, "d": list(by_key), "s": endings})
        return self.digest.hexdigest()[:10]


def write_index(output_path: str, docs, lang: str = "en") -> str:
    """Index ``docs`` (an iterable, consumed once) in language ``lang`` into ``output_path``; return the
    version hash."""
    writer = IndexWriter(output_path, lang)
    for doc in docs:
        writer.add(doc)
    return writer.close()

