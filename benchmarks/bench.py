"""Strata's benchmark: build cost of the plugin, glossary matching cost, page weight, search speed, reading check.

``python -m benchmarks.bench`` (or ``invoke bench``; ``--quick`` for a 20-topic run).
It prints every figure and writes them all to a JSON file so runs can be compared.
Nothing here asserts a time: the targets are printed next to the figures.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlparse

from bs4 import BeautifulSoup

from benchmarks.corpus import write_corpus

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))
PYTHON = sys.executable
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "plugins")}
TARGETS = {"build_ratio": 1.15, "matcher_growth": 1.5, "memory_ratio": 1.2, "css_bytes": 14 * 1024,
           "js_bytes": 10 * 1024, "page_total_bytes": 100 * 1024, "search_median_ms": 50.0, "check_seconds": 5.0}
QUERIES = ["testosterone", "pituitary gland", "aromatase inhibitors", "Leydig", "negative feedback loop",
           "spermatogenesis", "HPG axis suppression", "estrogen levels", "gonadorelin", "insulin resistance"]


def measure_build(settings: Path, content: Path, output: Path, *extra: str) -> dict:
    result = subprocess.run([PYTHON, str(ROOT / "benchmarks" / "measure.py"), str(settings), str(content),
                             str(output), *extra], cwd=ROOT, env=ENV, capture_output=True, text=True, check=False)
    figures = json.loads(result.stdout.strip().splitlines()[-1]) if result.stdout.strip() else {"status": 1}
    if figures["status"] != 0:
        sys.exit(f"build failed ({settings.name}):\n{result.stderr[-3000:]}")
    return figures


def build_costs(content: Path, work: Path, runs: int) -> dict:
    """Alternate plain and plugin builds ``runs`` times; medians, ratio, peak memory."""
    plain, plugin = [], []
    for run in range(runs):
        plain.append(measure_build(ROOT / "benchmarks" / "plainconf.py", content, work / f"plain-{run}"))
        plugin.append(measure_build(ROOT / "pelicanconf.py", content, work / f"plugin-{run}"))
    cache = work / "cache"
    cache_args = ["CACHE_CONTENT=true", "LOAD_CONTENT_CACHE=true", f"CACHE_PATH={cache}"]
    measure_build(ROOT / "pelicanconf.py", content, work / "warm", *cache_args)
    warm = measure_build(ROOT / "pelicanconf.py", content, work / "warm", *cache_args)
    median = {name: statistics.median(r["seconds"] for r in runs_) for name, runs_ in (("plain", plain),
                                                                                         ("plugin", plugin))}
    peak = {name: max(r["peak_rss_bytes"] for r in runs_) for name, runs_ in (("plain", plain), ("plugin", plugin))}
    return {"plain_seconds": median["plain"], "plugin_seconds": median["plugin"],
            "build_ratio": median["plugin"] / median["plain"], "warm_rebuild_seconds": warm["seconds"],
            "plain_peak_rss_bytes": peak["plain"], "plugin_peak_rss_bytes": peak["plugin"],
            "memory_ratio": peak["plugin"] / peak["plain"], "runs": runs}


def matcher_costs(content: Path, repeat: int = 5) -> dict:
    """Time the glossary on the same page text with 10, 100 and 1,000 terms: the matcher alone (one
    pass of the compiled expression over the text) and the whole marking step (the glossary tree
    processor on the page's Markdown tree: walk, links, definitions), whose work also grows with the
    number of terms that occur."""
    import copy

    import markdown
    from markdown.treeprocessors import Treeprocessor

    from strata.glossary.marking import GlossaryExtension, GlossaryTreeprocessor
    from strata.glossary.terms import Glossary, load_glossary

    full = load_glossary(str(content / "glossary.yaml"))
    page = next((content / "topics").rglob("academic.md")).read_text(encoding="utf-8")
    body = "\n\n".join([page.split("\n\n", 1)[1]] * 3)

    class _Keep(Treeprocessor):  # the tree as the glossary step receives it
        def run(self, root):
            self.md.kept = copy.deepcopy(root)

    def median_ms(action, prepare=lambda: None) -> float:
        action(prepare())  # warm up (compiles and caches the matcher)
        times = []
        for _ in range(repeat):
            argument = prepare()
            start = time.perf_counter()
            action(argument)
            times.append(time.perf_counter() - start)
        return statistics.median(times) * 1000

    costs = {}
    for size in (10, 100, 1000):
        glossary = Glossary(None, list(full.terms[:size]))
        extension = GlossaryExtension(glossary=glossary)
        md = markdown.Markdown(extensions=["toc", extension])
        md.treeprocessors.register(_Keep(md), "keep", -1.9)
        html = md.convert(body)
        stashed = len(md.htmlStash.rawHtmlBlocks)  # each run starts from the stash as the page left it

        def fresh_tree(md=md, stashed=stashed):
            del md.htmlStash.rawHtmlBlocks[stashed:]
            md.htmlStash.html_counter = stashed
            return copy.deepcopy(md.kept)

        document = BeautifulSoup(html, "html.parser")
        for hidden in document.select(".term-defs"):  # the page's text, not the definitions marking added
            hidden.decompose()
        text = document.get_text(" ")
        costs["text_characters"] = len(text)
        step = GlossaryTreeprocessor(md, extension)
        costs[f"match_{size}_ms"] = median_ms(lambda _, g=glossary, t=text: list(g.matcher().finditer(t)))
        costs[f"mark_{size}_ms"] = median_ms(step.run, fresh_tree)
        costs[f"matches_{size}"] = len(list(glossary.matcher().finditer(text)))
    costs["matcher_growth"] = costs["match_1000_ms"] / costs["match_10_ms"]
    costs["marking_growth"] = costs["mark_1000_ms"] / costs["mark_10_ms"]
    return costs


def _gz(data: bytes) -> int:
    return len(gzip.compress(data, 9, mtime=0))


def page_weight(site: Path, bundle: Path) -> dict:
    """HTML, CSS and JS of the largest tier page (bytes and gzip), and the offline zip."""
    tiers = [p for p in site.glob("topics/*/*.html") if p.name != "index.html"]
    page = max(tiers, key=lambda p: p.stat().st_size)
    document = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")

    def assets(urls):
        files = [(page.parent / url.split("?")[0]).resolve() for url in urls]
        data = [f.read_bytes() for f in files]
        return sum(map(len, data)), sum(map(_gz, data))

    html = page.read_bytes()
    css = assets(link["href"] for link in document.find_all("link", rel="stylesheet"))
    js = assets(script["src"] for script in document.find_all("script", src=True))
    return {"page": page.relative_to(site).as_posix(), "html_bytes": len(html), "html_gzip_bytes": _gz(html),
            "css_bytes": css[0], "css_gzip_bytes": css[1], "js_bytes": js[0], "js_gzip_bytes": js[1],
            "page_total_bytes": len(html) + css[0] + js[0], "offline_zip_bytes": bundle.stat().st_size}


def search_speed(bundle_dir: Path, queries: int = 20) -> dict:
    """One cold query from file:// (time from navigation to results shown, files and gzip bytes it loaded),
    then the median of ``queries`` warm follow-up queries, in headless Chromium."""
    from playwright.sync_api import sync_playwright

    from strata.search.shards import read_shard
    from tests.support.chromium import LAUNCH_ARGS, configured_chromium

    with sync_playwright() as playwright:
        options = {"args": LAUNCH_ARGS}
        if executable := configured_chromium():
            options["executable_path"] = executable
        browser = playwright.chromium.launch(**options)
        page = browser.new_page()
        loaded = []
        page.on("request", lambda request: loaded.append(request.url))
        page.goto((bundle_dir / "search.html").as_uri() + "?q=" + QUERIES[0])
        page.wait_for_function("() => window.StrataSearch && window.StrataSearch.shownAt")
        cold_ms = page.evaluate("() => window.StrataSearch.shownAt")
        cold = list(loaded)
        times = page.evaluate("""async ([queries, count]) => {
            const times = [];
            for (let i = 1; i <= count; i++) {
              const start = performance.now();
              await window.StrataSearch.show(queries[i % queries.length]);
              times.push(performance.now() - start);
            }
            return times; }""", [QUERIES, queries])
        browser.close()
    files = [Path(unquote(urlparse(url).path)) for url in cold if url.startswith("file:")]
    search_files = list((bundle_dir / "search").glob("*.js"))
    manifest = read_shard((bundle_dir / "search" / "index.js").read_text(encoding="utf-8"))[1]
    text_bytes = sum(len(f"{row[1]} {row[4]}".encode()) for path in search_files if path.name.startswith("c")
                     for row in read_shard(path.read_text(encoding="utf-8"))[1])
    index_bytes = sum(path.stat().st_size for path in search_files)
    return {"cold_query_ms": cold_ms, "cold_query_requests": len(files),
            "cold_query_gzip_bytes": sum(_gz(path.read_bytes()) for path in files),
            "search_median_ms": statistics.median(times), "search_max_ms": max(times), "search_queries": queries,
            "search_documents": manifest["n"], "search_index_bytes": index_bytes,
            "searchable_text_bytes": text_bytes, "index_to_text_ratio": index_bytes / text_bytes}


def check_costs(work: Path, runs: int) -> dict:
    """``python -m strata check`` on the real site, as an author runs it: median wall and CPU seconds."""
    wall, cpu = [], []
    for run in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        result = subprocess.run([PYTHON, "-m", "strata", "check", "--report", str(work / f"report-{run}.html")],
                                cwd=ROOT, env=ENV, capture_output=True, text=True, check=False)
        wall.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if result.returncode != 0:
            sys.exit(f"check failed:\n{result.stderr[-3000:]}")
    return {"check_seconds": statistics.median(wall), "check_cpu_seconds": statistics.median(cpu), "runs": runs}


def offline_bundle(content: Path, dist: Path) -> Path:
    from strata.bundle import build_bundle

    dist.mkdir(parents=True, exist_ok=True)
    settings = dist / "offline-bench.py"
    settings.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom offlineconf import *\n"
                        f"PATH = {str(content)!r}\n", encoding="utf-8")
    with open(os.devnull, "w") as quiet:
        if build_bundle(str(settings), str(dist), stream=quiet):
            sys.exit(f"offline build of {content} failed")
    return next(dist.glob("*-offline.zip"))


def report(figures: dict) -> str:
    b, m, w, s, c = figures["build"], figures["matcher"], figures["weight"], figures["search"], figures["check"]
    mb = 1024 * 1024
    ok = lambda value, target, below=True: "meets" if (value <= target if below else value >= target) else "MISSES"  # noqa: E731
    lines = [
        f"Corpus: {figures['topics']} topics × 3 tiers = {figures['topics'] * 3} tier pages, "
        f"{figures['terms']} glossary terms, 6 quiz questions per tier",
        f"Build (median of {b['runs']}): plain Pelican {b['plain_seconds']:.2f} s, with plugin "
        f"{b['plugin_seconds']:.2f} s, ratio {b['build_ratio']:.2f}× (target ≤ {TARGETS['build_ratio']}×: "
        f"{ok(b['build_ratio'], TARGETS['build_ratio'])})",
        f"Warm rebuild with Pelican's content cache: {b['warm_rebuild_seconds']:.2f} s",
        f"Peak memory: plain {b['plain_peak_rss_bytes'] / mb:.0f} MiB, plugin {b['plugin_peak_rss_bytes'] / mb:.0f} "
        f"MiB, ratio {b['memory_ratio']:.2f}× (target ≤ {TARGETS['memory_ratio']}×: "
        f"{ok(b['memory_ratio'], TARGETS['memory_ratio'])})",
        f"Glossary matcher on one {m['text_characters']:,}-character text: 10 terms {m['match_10_ms']:.2f} ms, "
        f"100 terms {m['match_100_ms']:.2f} ms, 1,000 terms {m['match_1000_ms']:.2f} ms; growth "
        f"{m['matcher_growth']:.2f}× (target < {TARGETS['matcher_growth']}×: "
        f"{ok(m['matcher_growth'], TARGETS['matcher_growth'])})",
        f"Whole marking step on that page: {m['mark_10_ms']:.2f} / {m['mark_100_ms']:.2f} / "
        f"{m['mark_1000_ms']:.2f} ms for 10 / 100 / 1,000 terms ({m['matches_10']} / {m['matches_100']} / "
        f"{m['matches_1000']} occurrences found), growth {m['marking_growth']:.2f}×",
        f"Largest tier page ({w['page']}): HTML {w['html_bytes']:,} B ({w['html_gzip_bytes']:,} gz), "
        f"CSS {w['css_bytes']:,} B ({w['css_gzip_bytes']:,} gz; target ≤ {TARGETS['css_bytes']:,}: "
        f"{ok(w['css_bytes'], TARGETS['css_bytes'])}), JS {w['js_bytes']:,} B ({w['js_gzip_bytes']:,} gz; "
        f"target ≤ {TARGETS['js_bytes']:,}: {ok(w['js_bytes'], TARGETS['js_bytes'])}), total "
        f"{w['page_total_bytes']:,} B (target ≤ {TARGETS['page_total_bytes']:,}: "
        f"{ok(w['page_total_bytes'], TARGETS['page_total_bytes'])})",
        f"Offline zip of the real site: {w['offline_zip_bytes']:,} B",
        f"Search over {s['search_documents']:,} sections ({s['search_index_bytes'] / mb:.1f} MiB index, "
        f"{s['index_to_text_ratio']:.2f}× the searchable text) from file://: cold query "
        f"{s['cold_query_gzip_bytes'] / 1024:.0f} KB gzip in {s['cold_query_requests']} requests, results after "
        f"{s['cold_query_ms']:.0f} ms; warm queries median {s['search_median_ms']:.2f} ms, max "
        f"{s['search_max_ms']:.2f} ms over {s['search_queries']} queries (target ≤ "
        f"{TARGETS['search_median_ms']:.0f} ms: {ok(s['search_median_ms'], TARGETS['search_median_ms'])})",
        f"Reading check of the real site (`invoke check`, median of {c['runs']}): {c['check_seconds']:.2f} s "
        f"({c['check_cpu_seconds']:.2f} s CPU; target ≤ {TARGETS['check_seconds']:.0f} s: "
        f"{ok(c['check_seconds'], TARGETS['check_seconds'])})",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--topics", type=int, default=300, help="number of topics (3 tier pages each)")
    parser.add_argument("--terms", type=int, default=1000, help="glossary size")
    parser.add_argument("--runs", type=int, default=3, help="builds of each kind, alternating")
    parser.add_argument("--quick", action="store_true", help="20 topics, 1 run: proves the benchmark works")
    parser.add_argument("--json", type=Path, help="where to write the figures (default benchmarks/results/)")
    args = parser.parse_args(argv)
    if args.quick:
        args.topics, args.runs = 20, 1
    with tempfile.TemporaryDirectory(prefix="strata-bench-") as tmp:
        work = Path(tmp)
        content = write_corpus(work / "corpus", topics=args.topics, terms=args.terms)
        figures = {"topics": args.topics, "terms": args.terms, "targets": TARGETS}
        figures["build"] = build_costs(content, work, args.runs)
        figures["matcher"] = matcher_costs(content)
        real_bundle = offline_bundle(ROOT / "content", work / "real-dist")
        real_site = work / "real-site"
        with zipfile.ZipFile(real_bundle) as archive:
            archive.extractall(real_site)
        figures["weight"] = page_weight(next(real_site.iterdir()), real_bundle)
        corpus_bundle = offline_bundle(content, work / "corpus-dist")
        with zipfile.ZipFile(corpus_bundle) as archive:
            archive.extractall(work / "corpus-site")
        figures["search"] = search_speed(next((work / "corpus-site").iterdir()))
        figures["check"] = check_costs(work, args.runs)
    text = report(figures)
    print(text)
    target = args.json or ROOT / "benchmarks" / "results" / f"bench-{args.topics}-{time.strftime('%Y%m%d-%H%M%S')}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    print(f"Figures written to {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
