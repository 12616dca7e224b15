"""Command line: ``python -m strata build [-s SETTINGS] [-o OUTPUT]`` (see ``build.py``)."""

from __future__ import annotations

import argparse
import os
import sys

from .build import build_site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m strata", description="Build a Strata site.")
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="build the site (into a temporary folder, swapped in on success)")
    build.add_argument("-s", "--settings", default="pelicanconf.py", help="settings file (default: pelicanconf.py)")
    build.add_argument("-o", "--output", help="output folder (default: the settings' OUTPUT_PATH)")
    build.add_argument("--content", help="content folder (default: the settings' PATH)")
    args = parser.parse_args(argv)
    overrides = {"PATH": os.path.abspath(args.content)} if args.content else {}
    return build_site(args.settings, args.output, overrides)


if __name__ == "__main__":
    sys.exit(main())
