"""The benchmark still runs (`invoke bench --quick`) and reports every figure. No time is asserted."""

import json
import subprocess
import sys

from benchmarks.bench import QUICK_TOPICS
from tests.support.site import ROOT

FIGURES = {
    "build": ["plain_seconds", "plugin_seconds", "build_ratio", "warm_rebuild_seconds", "plain_peak_rss_bytes",
              "plugin_peak_rss_bytes", "memory_ratio"],
    "matcher": ["match_10_ms", "match_100_ms", "match_1000_ms", "matcher_growth", "mark_1000_ms"],
    "weight": ["html_bytes", "html_gzip_bytes", "css_bytes", "css_gzip_bytes", "js_bytes", "js_gzip_bytes",
               "page_total_bytes", "offline_zip_bytes"],
    "search": ["warm_query_ms", "search_documents", "search_index_bytes", "cold_query_ms", "cold_query_requests",
               "cold_query_gzip_bytes", "searchable_text_bytes", "index_to_text_ratio"],
    "check": ["check_seconds", "check_cpu_seconds"],
    "site": ["largest_page_bytes", "largest_page_gzip_bytes", "pages", "term_links_per_tier_page"],
}


def test_quick_benchmark_reports_every_figure(tmp_path):
    target = tmp_path / "figures.json"
    result = subprocess.run([sys.executable, "-m", "benchmarks.bench", "--quick", "--json", str(target)],
                            cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    figures = json.loads(target.read_text())
    assert figures["topics"] == QUICK_TOPICS
    missing = [f"{group}.{key}" for group, keys in FIGURES.items() for key in keys
               if not isinstance(figures[group].get(key), int | float) or figures[group][key] <= 0]
    assert missing == []
    assert figures["search"]["search_documents"] > QUICK_TOPICS * 3 * 3  # several sections per tier page
    assert figures["search"]["cold_query_requests"] >= 4  # the page, its stylesheet and scripts, the index
    assert 0 < figures["search"]["index_to_text_ratio"] < 10
    assert figures["site"]["pages"] > QUICK_TOPICS * 4  # an overview and three tiers per topic, and more
    assert 5 < figures["site"]["term_links_per_tier_page"] < 40  # the real site's density, not the dense corpus
    for line in ("Build (median", "Peak memory", "Search, cold query", "Search, follow-up", "Search index on disk",
                 "Largest published page", "Glossary matcher", "Offline zip", "Anchors:", "mkdocs-material",
                 "Pagefind", "Reading check"):
        assert line in result.stdout
