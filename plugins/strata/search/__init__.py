"""Strata's search: a sharded index written at build time, queried by ``theme/components/search/search.js``."""

from .docs import SearchDoc, collect_docs
from .index import FOLDER, write_index
from .reuse import doc_key, index_memory, index_version

__all__ = ["FOLDER", "SearchDoc", "collect_docs", "doc_key", "index_memory", "index_version", "write_index"]
