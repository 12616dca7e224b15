"""``python -m strata check``: the readability report for authors (see README.md, "Checking reading levels").

Reads the site's Markdown with Strata's reader (no build), prints the report,
writes it as an HTML page outside the published site, and returns the exit
status: 1 when the content has errors, or with ``strict`` when a tier or an
"In brief" summary misses its reading target; 0 otherwise.
"""

from __future__ import annotations

import sys

from ..errors import StrataError, display_path


def run_check(settings_file: str, content: str | None, report_path: str, strict: bool, stream=None) -> int:
    from .analysis import analyse
    from .content import read_site
    from .html import write_html
    from .text import render_text

    stream = stream or sys.stdout
    try:
        site = read_site(settings_file, content)
    except StrataError as error:  # a wrong STRATA option
        print(error, file=sys.stderr)
        return 1
    if site.errors.errors:
        for error in sorted(site.errors.errors, key=lambda e: (e.path or "", e.line or 0)):
            print(error, file=sys.stderr)
        print(f"Check stopped: {len(site.errors.errors)} problem(s) in the content to fix first "
              "(the build reports the same).", file=sys.stderr)
        return 1
    report = analyse(site)
    print(render_text(report, strict), file=stream)
    written = write_html(report, report_path, strict)
    print(f"\nFull report: {display_path(written)} (file://{written})", file=stream)
    missed = [f for f in report.findings if f.strict]
    if strict and missed:
        print(f"Check failed: {len(missed)} reading target(s) missed (--strict).", file=stream)
        return 1
    return 0
