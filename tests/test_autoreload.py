"""End to end: `pelican -r` with the plain log handler (what `invoke regenerate` runs) reports an author's
mistake once per build, each message whole on one line, and publishes the fix with the next build. The test
waits for the process's own "Done" and error lines (events, not timers), so it holds on a busy machine."""

from __future__ import annotations

import os
import queue
import shlex
import subprocess
import sys
import threading
import time

from pelican.settings import read_settings
from pelican.utils import FileChangeFilter
from watchfiles import Change

from tasks import AUTHOR_LOG, LOOP_SETTINGS
from tests.support.site import ROOT, TINY_TOPIC, write_files

BROKEN = "Title: Academic\nTopic: demo\nTier: academic\n\nText.\n\n[Back](fundamentals.html#nowhere)\n"
FIXED = "Title: Academic\nTopic: demo\nTier: academic\n\nText, fixed.\n\n[Back](fundamentals.html)\n"
MESSAGE = "the link 'fundamentals.html#nowhere' does not work"


def _lines(process: subprocess.Popen) -> queue.Queue:
    found: queue.Queue = queue.Queue()

    def read() -> None:
        for line in process.stdout:
            found.put(line)

    threading.Thread(target=read, daemon=True).start()
    return found


def _folded(lines: list[str]) -> str:
    """The output as one line, white space folded."""
    return " ".join("".join(lines).split())


def _until(found: queue.Queue, seen: list[str], words: str, timeout: float = 240) -> None:
    """Collect output lines into ``seen`` until the new ones hold ``words`` (fail after ``timeout`` s)."""
    deadline, start = time.monotonic() + timeout, len(seen)
    while words not in _folded(seen[start:]):
        seen.append(found.get(timeout=max(0.1, deadline - time.monotonic())))


def _edit_until(path, text: str, found: queue.Queue, seen: list[str], words: str) -> None:
    """Write ``text`` to ``path`` until the output says ``words``: Pelican starts watching only after its
    first build has printed "Done", so an edit made at that moment may go unseen; it is made again every few
    seconds (an edit seen twice only builds twice: the output of either build counts)."""
    for _ in range(80):
        path.write_text(text, encoding="utf-8")
        try:
            _until(found, seen, words, timeout=3)
            return
        except queue.Empty:
            continue
    raise AssertionError(f"pelican -r never reacted to the edit of {path}:\n{_folded(seen)}")


def test_the_authoring_loop_sees_edits_of_the_data_files():
    """Pelican's autoreload ignores what IGNORE_FILES matches: with '*.yaml' there, an edited glossary or
    references file was never rebuilt until a page was saved too."""
    watched = FileChangeFilter(ignore_file_patterns=set(read_settings(str(ROOT / "pelicanconf.py"))["IGNORE_FILES"]))
    for name in ("glossary.yaml", "glossary.es.yaml", "topics/demo/references.yaml", "topics/demo/glossary.yaml",
                 "topics/demo/es/references.yaml", "topics/demo/images/diagram.svg", "pages/about.md"):
        assert watched(Change.modified, str(ROOT / "content" / name)), name
    assert not watched(Change.modified, str(ROOT / "content/topics/demo/fundamentals.md~"))


def test_regenerate_reports_a_mistake_once_and_publishes_the_fix(tmp_path):
    content, output = tmp_path / "content", tmp_path / "output"
    write_files(content, TINY_TOPIC)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "plugins"), "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen([sys.executable, "-m", "pelican", "-r", str(content), "-s", "pelicanconf.py",
                                "-o", str(output), *shlex.split(AUTHOR_LOG)], cwd=ROOT, env=env, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        found, seen = _lines(process), []
        _until(found, seen, "Done:")
        _edit_until(content / "topics/demo/academic.md", BROKEN, found, seen, MESSAGE)
        _edit_until(content / "topics/demo/academic.md", FIXED, found, seen, "Done:")
        while "Text, fixed." not in (output / "topics/demo/academic.html").read_text(encoding="utf-8"):
            _until(found, seen, "Done:")  # a second change event may start one more build
    finally:
        process.terminate()
        process.wait(timeout=30)
    log = _folded(seen)
    failed_builds = log.count("Caught exception")
    assert 1 <= log.count(MESSAGE) <= failed_builds, log  # once per failed build, never repeated
    assert "Traceback" not in log
    whole = [line for line in seen if MESSAGE in line]
    assert whole, "no line holds the whole message"
    where = f"{content / 'topics/demo/academic.md'}:7: "
    assert all(line.lstrip('"').startswith(where) for line in whole), whole
    assert "Unable to watch" not in log  # content/pages and content/images are missing, and need no warning


def test_a_settings_file_that_ignores_the_data_files_is_warned_about_once(tmp_path):
    """A settings file made from an older pelicanconf.py kept '*.yaml' in IGNORE_FILES: the loop then never saw an
    edited glossary. It says so once, at start-up, at the line of IGNORE_FILES, not at every rebuild."""
    content, output, settings = tmp_path / "content", tmp_path / "output", tmp_path / "mysite.py"
    write_files(content, TINY_TOPIC)
    settings.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *  # noqa\n"
                        f"THEME = {str(ROOT / 'theme')!r}\nPLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n\n"
                        'IGNORE_FILES = [".*", "*~", "*.yaml"]\n', encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "plugins"), "PYTHONUNBUFFERED": "1"}
    loop = LOOP_SETTINGS.replace("pelicanconf.py", str(settings))
    process = subprocess.Popen([sys.executable, "-m", "pelican", "-r", str(content), "-o", str(output),
                                *shlex.split(loop), *shlex.split(AUTHOR_LOG)], cwd=ROOT, env=env, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        found, seen = _lines(process), []
        _until(found, seen, "Done:")
        _edit_until(content / "topics/demo/academic.md", FIXED, found, seen, "Done:")
    finally:
        process.terminate()
        process.wait(timeout=30)
    log = _folded(seen)
    assert log.count("IGNORE_FILES holds '*.yaml'") == 1, log
    assert f"{settings}:7: IGNORE_FILES holds '*.yaml', so `invoke regenerate`" in log, log
    assert "remove '*.yaml' from IGNORE_FILES" in log
