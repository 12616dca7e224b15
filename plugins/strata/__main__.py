"""Command line: ``python -m strata build|offline|check`` (see ``build.py``, ``bundle.py`` and ``report/``)."""

from __future__ import annotations

import argparse
import os
import sys

from .build import build_site
from .bundle import build_bundle


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m strata", description="Build a Strata site.")
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="build the site (into a temporary folder, swapped in on success)")
    build.add_argument("-s", "--settings", default="pelicanconf.py", help="settings file (default: pelicanconf.py)")
    build.add_argument("-o", "--output", help="output folder (default: the settings' OUTPUT_PATH)")
    build.add_argument("--content", help="content folder (default: the settings' PATH)")
    offline = commands.add_parser("offline", help="build the offline bundle: DIST/<SITE_SLUG>-offline.zip")
    offline.add_argument("-s", "--settings", default="offlineconf.py", help="settings file (default: offlineconf.py)")
    offline.add_argument("-d", "--dist", default="dist", help="folder for the zip (default: dist)")
    offline.add_argument("--lang", action="append", metavar="LANG",
                         help="hold only the pages in this language (repeat for several; default: every language, "
                              "or STRATA 'languages'): DIST/<SITE_SLUG>-offline-<LANG>.zip")
    check = commands.add_parser("check", help="readability report: reading levels against their targets, "
                                              "hardest sentences, rare words missing from the glossary")
    check.add_argument("-s", "--settings", default="pelicanconf.py", help="settings file (default: pelicanconf.py)")
    check.add_argument("--content", help="content folder (default: the settings' PATH)")
    check.add_argument("--report", default=os.path.join("dist", "reading-report.html"),
                       help="where to write the HTML report (default: dist/reading-report.html)")
    check.add_argument("--strict", action="store_true", help="a missed reading target is an error (exit status 1)")
    args = parser.parse_args(argv)
    if args.command == "offline":
        return build_bundle(args.settings, args.dist, langs=args.lang)
    if args.command == "check":
        from .report import run_check

        return run_check(args.settings, args.content, args.report, args.strict)
    overrides = {"PATH": os.path.abspath(args.content)} if args.content else {}
    return build_site(args.settings, args.output, overrides)


if __name__ == "__main__":
    sys.exit(main())
