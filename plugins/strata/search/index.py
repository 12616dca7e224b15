"""Build the sharded search index in one streaming pass over the documents.

Documents arrive one at a time; each is written into a chunk of ``DOCS_PER_CHUNK``
as soon as the chunk is full, and only its postings (a few bytes per distinct term)
stay in memory. ``close`` then writes, under ``search/`` in the output:

- ``index.js``: the number of documents, the chunk size and the shard keys;
- ``d<i>.js``: dictionary shard ``i``: every term starting with the ``i``-th key, its first two letters (the
  first character for a term of a script written without spaces, a character pair: see text.py), as a flat
  list ``[term, document frequency, postings string or number of its own postings file, …]``;
- ``p<i>.js``: the postings of one frequent term (a JSON string);
- ``s<i>.js``: typo shard ``i``: terms of 4+ letters ending with the ``i``-th two-letter key (a one-letter
  typo leaves either a word's first two letters or its last two as they were);
- ``c<i>.js``: documents ``[url, title, page, kind, text]`` ``i·K`` to ``i·K + K − 1``.

A posting's weight favours titles (section headings, glossary terms) over body text and glossary
entries over passing mentions; its body part is BM25's saturated term frequency.

With an :class:`~.reuse.IndexMemory` (rebuilds under ``pelican -r``), a document whose key the memory
knows is not analysed again, a chunk whose documents' keys are those of the last run is not serialised
again, and a file whose bytes are those the memory says were written is left as it is; files of the
folder that this index does not write are removed either way.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from itertools import repeat

from .docs import SearchDoc
from .reuse import Analysis, IndexMemory, content_digest, doc_key
from .shards import ALPHABET, MAX_WEIGHT, shard_script, varint
from .text import is_unspaced, term_counts

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
    """The key of the dictionary shard that holds ``term`` (search.js ``shardKey``)."""
    return term[:1] if is_unspaced(term) else term[:2]


def analyse(doc: SearchDoc, lang: str) -> Analysis:
    """The distinct terms of ``doc`` (body, title and keywords) and the weight letter of each."""
    counts = term_counts(doc.text, lang)
    length, glossary = sum(counts.values()), doc.glossary
    for term in term_counts(f"{doc.title} {doc.keywords}", lang):
        counts[term] = ~counts[term]  # a term of the title: its body count's complement (negative)
    letter_of = {count: _letter(count, length, glossary) for count in set(counts.values())}  # a few per document
    return tuple(counts), bytes(map(letter_of.__getitem__, counts.values()))  # shared strings, one per term


def _letter(count: int, length: int, glossary: bool) -> int:
    """The byte of a term's weight letter; ``count`` is its body count, or its complement for a term of the title."""
    in_title = count < 0
    return ord(ALPHABET[weight(~count if in_title else count, length, in_title, glossary)])


_GAPS = [varint(gap) for gap in range(64)]  # the gaps of most postings


class IndexWriter:
    """Write ``search/`` under ``output_path``: ``add`` every document, then ``close`` for the version hash."""

    def __init__(self, output_path: str, lang: str = "en", memory: IndexMemory | None = None):
        self.lang = lang
        self.folder = os.path.join(output_path, FOLDER)
        os.makedirs(self.folder, exist_ok=True)
        self.present = set(os.listdir(self.folder))  # what an earlier build left: kept if written alike
        self.keeps = memory is not None  # else nothing is kept for a later run
        self.memory = memory or IndexMemory()
        # What was written into this folder last time; forgotten until this index is complete (a run that
        # stops half-way must not vouch for files it may have half-rewritten).
        same_folder = self.memory.folder == self.folder
        self.previous = self.memory.written if same_folder else {}
        self.previous_chunks = self.memory.chunks if same_folder else {}
        self.memory.folder, self.memory.written, self.memory.chunks = self.folder, {}, {}
        self.analyses: dict[bytes, Analysis] = {}
        self.written: dict[str, bytes] = {}
        self.chunks: dict[str, bytes] = {}
        self.chunk_keys: list[bytes] = []  # of the documents in self.chunk, when kept
        self.digest = hashlib.sha256()
        self.postings: dict[str, list] = {}  # term -> [bytearray, last document id, document frequency]
        self.chunk: list[list[str]] = []
        self.count = 0

    def _write(self, name: str, data) -> None:
        script = shard_script(name, data)
        file_name, digest = f"{name}.js", content_digest(script)
        self._written(file_name, digest)
        if file_name in self.present and self.previous.get(file_name) == digest:
            return
        with open(os.path.join(self.folder, file_name), "w", encoding="utf-8", newline="") as handle:
            handle.write(script)

    def _written(self, file_name: str, digest: bytes) -> None:
        self.written[file_name] = digest
        self.digest.update(file_name.encode() + digest)

    def add(self, doc: SearchDoc, key: bytes | None = None) -> None:
        """Index ``doc``; ``key`` (its :func:`~.reuse.doc_key`, computed if not given) finds its analysis
        in the memory."""
        doc_id, self.count = self.count, self.count + 1
        key = key or (doc_key(doc) if self.keeps else b"")
        analysis = self.memory.analyses.get(key) or analyse(doc, self.lang)
        if self.keeps:
            self.analyses[key] = analysis
            self.chunk_keys.append(key)
        postings, gaps = self.postings, _GAPS
        for term, letter in zip(*analysis, strict=True):
            entry = postings.get(term)
            if entry is None:
                entry = postings[term] = [bytearray(), -1, 0]
            gap = doc_id - entry[1]
            entry[0] += gaps[gap] if gap < 64 else varint(gap)
            entry[0].append(letter)
            entry[1], entry[2] = doc_id, entry[2] + 1
        self.chunk.append([doc.url, doc.title, doc.page, doc.kind, doc.text])
        if len(self.chunk) == DOCS_PER_CHUNK:
            self._flush_chunk()

    def _flush_chunk(self) -> None:
        """Write the documents of the chunk, unless the memory says this file holds these documents already (by
        their keys, so an unchanged chunk is not serialised again to find that out)."""
        if not self.chunk:
            return
        name = f"c{(self.count - 1) // DOCS_PER_CHUNK}"
        file_name = f"{name}.js"
        if self.keeps:
            keys = self.chunks[file_name] = hashlib.blake2b(b"".join(self.chunk_keys), digest_size=16).digest()
            self.chunk_keys = []
            if (self.previous_chunks.get(file_name) == keys and file_name in self.previous
                    and file_name in self.present):
                self._written(file_name, self.previous[file_name])
                self.chunk = []
                return
        self._write(name, self.chunk)
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
        for stale in self.present - self.written.keys():
            path = os.path.join(self.folder, stale)
            shutil.rmtree(path) if os.path.isdir(path) else os.remove(path)
        self.memory.analyses, self.memory.written, self.memory.chunks = self.analyses, self.written, self.chunks
        return self.digest.hexdigest()[:10]


def write_index(output_path: str, docs, lang: str = "en", memory: IndexMemory | None = None,
                keys=None) -> str:
    """Index ``docs`` (an iterable, consumed once) in language ``lang`` into ``output_path``; return the
    version hash. ``memory`` carries analyses and written files from run to run; ``keys``, if given, are
    the documents' keys in the same order."""
    writer = IndexWriter(output_path, lang, memory)
    for doc, key in zip(docs, keys or repeat(None), strict=False):
        writer.add(doc, key)
    return writer.close()

