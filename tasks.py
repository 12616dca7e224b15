"""Invoke tasks (Pelican quickstart conventions). `make` sets up .venv and calls these.

Run `invoke --list` for the list; each task has a one-line help.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from pathlib import Path

from invoke import task

ROOT = Path(__file__).resolve().parent
PYTHON = sys.executable
ENV = {"PYTHONPATH": str(ROOT / "plugins")}
OUTPUT = ROOT / "output"
DIST = ROOT / "dist"
SERVE = {"host": "127.0.0.1", "port": 8000}


def _build(c, settings: str, output: Path) -> None:
    c.run(f"{shlex.quote(PYTHON)} -m strata build -s {settings} -o {shlex.quote(str(output))}",
          env=ENV, pty=False)


@task
def clean(c):
    """Remove the generated site (output/) and bundles (dist/)."""
    for folder in (OUTPUT, DIST):
        shutil.rmtree(folder, ignore_errors=True)


@task
def build(c):
    """Build the site into output/ with pelicanconf.py (local settings)."""
    _build(c, "pelicanconf.py", OUTPUT)


@task(clean, build)
def rebuild(c):
    """Clean, then build."""


@task
def offline(c):
    """Build the offline bundle dist/<SITE_SLUG>-offline.zip with offlineconf.py."""
    c.run(f"{shlex.quote(PYTHON)} -m strata offline -s offlineconf.py -d {shlex.quote(str(DIST))}", env=ENV, pty=False)


@task
def html(c):
    """Build the site (output/) and the offline bundle (dist/); say where they are and how to view them."""
    build(c)
    offline(c)
    bundles = ", ".join(str(p.relative_to(ROOT)) for p in sorted(DIST.glob("*-offline.zip")))
    print(f"\nThe website is in output/ — run `make serve` and visit http://{SERVE['host']}:{SERVE['port']}/ "
          f"(or open output/index.html).\nThe offline bundle is {bundles}: unzip it anywhere and open index.html.")


@task(help={"strict": "a tier or In brief summary above its reading target is an error (exit status 1)"})
def check(c, strict=False):
    """Readability report: each tier's reading level against its target, hardest sentences, rare words
    missing from the glossary (printed, and written to dist/reading-report.html)."""
    flags = " --strict" if strict else ""
    c.run(f"{shlex.quote(PYTHON)} -m strata check -s pelicanconf.py "
          f"--report {shlex.quote(str(DIST / 'reading-report.html'))}{flags}", env=ENV, pty=False)


# Pelican's plain log handler in the authoring loops: its default (rich) lays messages out in columns and
# broke a long `path:line: message` across lines, even inside the line number.
AUTHOR_LOG = "--log-handler plain"
# The loops name their settings file to Strata, as `strata build` does: a setting's mistake is reported at its line.
# (Pelican keeps only the last -e: give every override in this one.)
LOOP_SETTINGS = "-s pelicanconf.py -e " + shlex.quote('STRATA_SETTINGS_FILE="pelicanconf.py"')


@task
def regenerate(c):
    """Rebuild whenever content, theme or settings change (Pelican's autoreload)."""
    c.run(f"{shlex.quote(PYTHON)} -m pelican -r {LOOP_SETTINGS} {AUTHOR_LOG}", env=ENV, pty=False)


@task
def serve(c):
    """Serve output/ at http://127.0.0.1:8000."""
    c.run(f"{shlex.quote(PYTHON)} -m http.server {SERVE['port']} --bind {SERVE['host']} "
          f"--directory {shlex.quote(str(OUTPUT))}", pty=False)


@task(build, serve)
def reserve(c):
    """Build, then serve."""


@task(aliases=["publish-build"])
def preview(c):
    """Build the public web version (publishconf.py; set STRATA_SITEURL) into output/."""
    _build(c, "publishconf.py", OUTPUT)


@task
def livereload(c):
    """Serve output/ and rebuild on changes (Pelican's listen + autoreload, with content caching; the cache
    is not gzipped, since Pelican reads and writes it whole on every rebuild)."""
    c.run(f"{shlex.quote(PYTHON)} -m pelican -lr -b {SERVE['host']} -p {SERVE['port']} {LOOP_SETTINGS} "
          f"CACHE_CONTENT=true LOAD_CONTENT_CACHE=true GZIP_CACHE=false {AUTHOR_LOG}", env=ENV, pty=False)


@task(help={"quick": "8 topics, 200 terms, one run of each build: checks that the benchmark works",
            "topics": "number of topics (3 tier pages each; default 300)",
            "dense": "stress corpus: ~146 glossary links per tier page instead of the real site's 13-17",
            "peers": "also measure mkdocs-material and Pagefind when they are installed"})
def bench(c, quick=False, topics=300, dense=False, peers=False):
    """Benchmark: plugin vs plain build, search cold/warm, index and page sizes (prints, writes JSON)."""
    flags = "--quick" if quick else f"--topics {int(topics)}"
    flags += " --dense" * dense + " --peers" * peers
    c.run(f"{shlex.quote(PYTHON)} -m benchmarks.bench {flags}", env=ENV, pty=False)


LOCALES = ROOT / "theme" / "locale"
TEMPLATE = LOCALES / "messages.pot"
PYBABEL = shlex.quote(str(Path(PYTHON).with_name("pybabel")))


@task(name="i18n-extract")
def i18n_extract(c):
    """Collect the interface's messages (templates and plugin, see babel.cfg) into theme/locale/messages.pot."""
    c.run(f"{PYBABEL} extract -F babel.cfg -k N_ -k plural_forms:1,2 -k script_message --add-location=file "
          f"--sort-by-file --project=Strata --copyright-holder='Strata authors' -o {shlex.quote(str(TEMPLATE))} .",
          pty=False)


@task(name="i18n-update", help={"lang": "only this language; a new one (e.g. fr) gets its catalogue created"})
def i18n_update(c, lang=""):
    """Bring every catalogue (or --lang's) up to date with messages.pot: new messages to translate appear."""
    new = lang and not (LOCALES / lang / "LC_MESSAGES" / "messages.po").exists()
    command = "init" if new else "update --ignore-obsolete --no-wrap"
    c.run(f"{PYBABEL} {command} -i {shlex.quote(str(TEMPLATE))} -d {shlex.quote(str(LOCALES))}"
          + (f" -l {shlex.quote(lang)}" if lang else ""), pty=False)


@task(name="i18n-compile", help={"lang": "only this language"})
def i18n_compile(c, lang=""):
    """Check every catalogue as the build compiles it (in memory): untranslated, fuzzy or mismatched messages."""
    sys.path.insert(0, str(ROOT / "plugins"))
    from strata.i18n import catalogue_problems, languages

    problems = [p for code in ([lang] if lang else languages(str(ROOT / "theme")))
                for p in catalogue_problems(str(ROOT / "theme"), code)]
    print("\n".join(problems) or "Every catalogue is complete and compiles.")
    if problems:
        sys.exit(1)


@task
def lint(c):
    """Run ruff over the Python code."""
    c.run(f"{shlex.quote(PYTHON)} -m ruff check .", pty=False)


@task(help={"args": "extra arguments for pytest, e.g. -k glossary"})
def test(c, args=""):
    """Make sure Chromium, Java, vnu.jar and the virtual screen reader are there, then run ruff and all tests."""
    from tests.support.chromium import ensure_chromium
    from tests.support.speech import ScreenReaderMissing, ensure_screen_reader
    from tests.support.validator import ValidatorMissing, ensure_validator

    executable = ensure_chromium()
    try:
        ensure_validator()
        ensure_screen_reader()  # the virtual screen reader for tests/speech (npm, pinned and checked)
    except (ValidatorMissing, ScreenReaderMissing) as missing:
        sys.exit(str(missing))
    lint(c)
    env = {**ENV, "STRATA_CHROMIUM": executable or ""}
    # One worker more than there are cores: a worker spends part of its time waiting for its browser, and the
    # extra one fills that time (2 cores: 3 workers took 151/193/177 s where 2 took 163/199/209 s, runs paired).
    # worksteal: a worker that runs out takes queued tests from another, so they finish together (with
    # xdist's default "load" one worker sat idle for the last 20 s of a 3-minute run).
    cores = os.cpu_count() or 1
    workers = f"-n {cores + 1} --dist worksteal" if cores > 1 else ""
    c.run(f"{shlex.quote(PYTHON)} -m pytest {workers} {args}", env=env, pty=False)
