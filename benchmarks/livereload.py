"""The authoring loop at scale: how long an edit to one tier takes to reach the built site.

``python -m benchmarks.livereload [--topics 300] [--edits 3]`` writes the benchmark corpus,
starts Pelican's autoreload as ``invoke livereload`` does (``pelican -r`` with the content
cache on, not gzipped; the web server of ``-l`` plays no part in the timing), waits for the first build,
then edits one tier page ``--edits`` times (a new sentence each time, in a different tier)
and measures, for each edit, the time from saving the file to

- *page*: the tier's HTML holding the new sentence (what a reload of the browser shows), and
- *done*: Pelican reporting the whole rebuild finished (glossary, uses pages, search index).

It prints each figure and their medians, and the target (≤ 3 s from edit to page), with the
processor time the Pelican process spent on each rebuild (user + system, from ``/proc``): on a
machine shared with other work the wall times stretch, the processor time much less. Nothing
here asserts a time.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from benchmarks.corpus import TIERS, write_corpus

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
TARGET_SECONDS = 3.0
DONE = "Done: Processed"


def _lines(stream, found: queue.Queue) -> None:
    """Pass every line of Pelican's output on, stamped with the time it arrived."""
    for line in stream:
        found.put((time.perf_counter(), line))


def _wait_for_done(found: queue.Queue, timeout: float) -> float:
    """The time Pelican next reports a finished build (after ``timeout`` seconds: an error)."""
    deadline = time.perf_counter() + timeout
    while True:
        try:
            stamp, line = found.get(timeout=max(0.0, deadline - time.perf_counter()))
        except queue.Empty:
            sys.exit(f"no finished build within {timeout:.0f} s")
        if DONE in line:
            return stamp
        if "CRITICAL" in line or "Traceback" in line:
            sys.exit(f"the build failed: {line.strip()}")


def _edit(source: Path, sentence: str) -> None:
    """Add ``sentence`` as the first paragraph of the page (after its metadata)."""
    header, _, body = source.read_text(encoding="utf-8").partition("\n\n")
    source.write_text(f"{header}\n\n{sentence}\n\n{body}", encoding="utf-8")


def _wait_for_text(page: Path, text: str, timeout: float) -> float:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        try:
            if text in page.read_text(encoding="utf-8"):
                return time.perf_counter()
        except (OSError, UnicodeDecodeError):  # being written
            pass
        time.sleep(0.01)
    sys.exit(f"{page} did not show the edit within {timeout:.0f} s")


def _cpu_seconds(pid: int) -> float:
    """User + system time of process ``pid`` so far (Linux ``/proc``; 0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(content: Path, work: Path, edits: int, timeout: float) -> dict:
    output, cache = work / "output", work / "cache"
    command = [PYTHON, "-m", "pelican", str(content), "-r", "-s", str(ROOT / "pelicanconf.py"), "-o", str(output),
               "-e", "CACHE_CONTENT=true", "LOAD_CONTENT_CACHE=true", "GZIP_CACHE=false",
               f"CACHE_PATH={json.dumps(str(cache))}"]
    environment = {"PYTHONPATH": str(ROOT / "plugins"), "PATH": "/usr/bin:/bin", "COLUMNS": "400"}
    process = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True)
    found: queue.Queue = queue.Queue()
    threading.Thread(target=_lines, args=(process.stdout, found), daemon=True).start()
    try:
        start = time.perf_counter()
        first_build = _wait_for_done(found, timeout * 20) - start
        time.sleep(1.0)  # let the watcher settle on the fresh output
        figures = []
        topics = sorted((content / "topics").iterdir())
        for number in range(edits):
            topic, tier = topics[(number * 7) % len(topics)], TIERS[number % len(TIERS)]
            sentence = f"Livereload check {number} says quintessential{number}."
            edited, cpu = time.perf_counter(), _cpu_seconds(process.pid)
            _edit(topic / f"{tier}.md", sentence)
            page = _wait_for_text(output / "topics" / topic.name / f"{tier}.html", f"quintessential{number}", timeout)
            done = _wait_for_done(found, timeout)
            figures.append({"page": f"{topic.name}/{tier}", "page_seconds": page - edited,
                            "done_seconds": done - edited, "cpu_seconds": _cpu_seconds(process.pid) - cpu})
            time.sleep(1.0)
    finally:
        process.terminate()
        process.wait(timeout=30)
    return {"first_build_seconds": first_build, "edits": figures,
            "median_page_seconds": statistics.median(f["page_seconds"] for f in figures),
            "median_done_seconds": statistics.median(f["done_seconds"] for f in figures),
            "median_cpu_seconds": statistics.median(f["cpu_seconds"] for f in figures),
            "target_seconds": TARGET_SECONDS}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.livereload", description=__doc__.splitlines()[0])
    parser.add_argument("--topics", type=int, default=300, help="number of topics (3 tier pages each)")
    parser.add_argument("--edits", type=int, default=3, help="edits to time, each in another tier")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for one rebuild")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="strata-livereload-") as tmp:
        work = Path(tmp)
        content = write_corpus(work / "corpus", topics=args.topics)
        figures = {"topics": args.topics, **measure(content, work, args.edits, args.timeout)}
    print(f"Corpus: {args.topics} topics; first build under autoreload {figures['first_build_seconds']:.1f} s")
    for edit in figures["edits"]:
        print(f"  edit to {edit['page']}: page rewritten after {edit['page_seconds']:.2f} s, "
              f"rebuild done after {edit['done_seconds']:.2f} s (processor time {edit['cpu_seconds']:.2f} s)")
    verdict = "meets" if figures["median_page_seconds"] <= TARGET_SECONDS else "MISSES"
    print(f"Median edit to page: {figures['median_page_seconds']:.2f} s (target ≤ {TARGET_SECONDS:.0f} s: {verdict}); "
          f"edit to rebuild done: {figures['median_done_seconds']:.2f} s; processor time of a rebuild: "
          f"{figures['median_cpu_seconds']:.2f} s")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
