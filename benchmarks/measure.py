"""Run one build in this process and print its wall time, processor time (user + system) and peak memory as
JSON (used by bench.py)."""

import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "plugins"))

from strata.build import build_site


def main(settings: str, content: str, output: str, *extra: str) -> None:
    overrides = {"PATH": content}
    for item in extra:  # KEY=VALUE overrides, e.g. CACHE_CONTENT=true
        key, value = item.split("=", 1)
        overrides[key] = {"true": True, "false": False}.get(value, value)
    start, cpu = time.perf_counter(), time.process_time()
    status = build_site(settings, output, overrides, stream=sys.stderr)
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({"status": status, "seconds": seconds, "cpu_seconds": cpu_seconds, "peak_rss_bytes": peak}))


if __name__ == "__main__":
    main(*sys.argv[1:])
