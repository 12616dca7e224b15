"""Strata's search: a sharded index written at build time, queried by ``theme/components/search/search.js``."""

from .docs import SearchDoc, collect_docs
from .index import FOLDER, write_index

__all__ = ["FOLDER", "SearchDoc", "collect_docs", "write_index"]
