"""Search figures for the benchmark: one cold query and warm follow-ups in Chromium from file://, and the
index's size against the text it covers. Budgets (issue 12) are in ``BUDGETS``; nothing asserts them."""

from __future__ import annotations

import gzip
import statistics
from pathlib import Path
from urllib.parse import unquote, urlparse

QUERIES = ["testosterone", "pituitary gland", "aromatase inhibitors", "Leydig", "negative feedback loop",
           "spermatogenesis", "HPG axis suppression", "estrogen levels", "gonadorelin", "insulin resistance"]
BUDGETS = {"cold_query_gzip_bytes": 150 * 1024, "cold_query_ms": 300.0, "warm_query_ms": 30.0,
           "index_to_text_ratio": 2.0}
COLD_RUNS = 3


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, 9, mtime=0))


def search_speed(bundle_dir: Path, queries: int = 20) -> dict:
    """A cold query from file:// (median of ``COLD_RUNS`` in fresh contexts: time from navigation start to
    results shown and to DOMContentLoaded; files and gzip bytes it loaded), then the median of ``queries``
    follow-up queries in the same page (new words load their shards), in headless Chromium."""
    from playwright.sync_api import sync_playwright

    from strata.search.shards import read_shard
    from tests.support.chromium import LAUNCH_ARGS, configured_chromium

    with sync_playwright() as playwright:
        options = {"args": LAUNCH_ARGS}
        if executable := configured_chromium():
            options["executable_path"] = executable
        browser = playwright.chromium.launch(**options)
        colds = []
        for _ in range(COLD_RUNS):  # a fresh context each time: nothing cached
            context = browser.new_context()
            page = context.new_page()
            loaded = []
            page.on("request", lambda request, loaded=loaded: loaded.append(request.url))
            page.goto((bundle_dir / "search.html").as_uri() + "?q=" + QUERIES[0])
            page.wait_for_function("() => window.StrataSearch && window.StrataSearch.shownAt")
            colds.append(page.evaluate("""() => [window.StrataSearch.shownAt,
                performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd]"""))
            cold = list(loaded)
            if len(colds) < COLD_RUNS:
                context.close()
        times = page.evaluate("""async ([queries, count]) => {
            const times = [];
            for (let i = 1; i <= count; i++) {
              const start = performance.now();
              await window.StrataSearch.show(queries[i % queries.length]);
              times.push(performance.now() - start);
            }
            return times; }""", [QUERIES, queries])
        browser.close()
    cold_ms, ready_ms = statistics.median(c[0] for c in colds), statistics.median(c[1] for c in colds)
    files = [Path(unquote(urlparse(url).path)) for url in cold if url.startswith("file:")]
    search_files = list((bundle_dir / "search").glob("*.js"))
    manifest = read_shard((bundle_dir / "search" / "index.js").read_text(encoding="utf-8"))[1]
    text_bytes = sum(len(f"{row[1]} {row[4]}".encode()) for path in search_files if path.name.startswith("c")
                     for row in read_shard(path.read_text(encoding="utf-8"))[1])
    index_bytes = sum(path.stat().st_size for path in search_files)
    return {"cold_query_ms": cold_ms, "page_ready_ms": ready_ms, "cold_query_requests": len(files),
            "cold_query_gzip_bytes": sum(gzip_size(path.read_bytes()) for path in files),
            "warm_query_ms": statistics.median(times), "search_median_ms": statistics.median(times),
            "search_max_ms": max(times), "search_queries": queries,
            "search_documents": manifest["n"], "search_index_bytes": index_bytes,
            "searchable_text_bytes": text_bytes, "index_to_text_ratio": index_bytes / text_bytes}


