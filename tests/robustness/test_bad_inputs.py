"""The bad-input corpus: each broken site stops the build with ``path:line: what to fix``.

Every folder of ``tests/robustness/bad_inputs/`` is one case, built on the tiny demo
topic of ``tests/support/site.py`` in this process, by the function behind the
command line (``strata.build.build_site`` with its messages written to a buffer);
``CLI_CASES`` also run through the real command line (``python -m strata build``).
**To add a case, copy a folder and edit it:**

``content/…``
    Files laid over the tiny site's ``content/`` folder, copied byte for byte (so a
    file may hold invalid UTF-8, or be a symbolic link). The tiny site is
    ``topics/demo/index.md`` and ``topics/demo/{fundamentals,intermediate,academic}.md``;
    it has no glossary or references unless the case adds them.
``remove.txt`` (optional)
    Files of the tiny site to delete, one per line (``content/topics/demo/academic.md``).
``settings.py`` (optional)
    Lines appended to a settings file that starts with ``from pelicanconf import *``.
``expected.txt``
    ``# a comment`` saying what is wrong, then one line per message the build must
    print: the path relative to the case's temporary folder, the line and the start
    of the message, e.g. ``content/topics/demo/academic.md:3: unknown tier 'advanced'``.

Each case must end with exit code 1, print nothing but ``path:line: message`` lines
and the closing "Build stopped" line (no traceback, no unlocated ``error:``; Pelican's
``warning:`` lines are tolerated), and
leave the previous good ``output/`` exactly as it was.
"""

from __future__ import annotations

import hashlib
import io
import re
import shutil
from pathlib import Path

import pytest

from strata.build import build_site
from tests.support.site import ROOT, TINY_TOPIC, BuildResult, build_tiny_site, run_build, write_files

CORPUS = Path(__file__).parent / "bad_inputs"
CASES = sorted(p.name for p in CORPUS.iterdir() if (p / "expected.txt").is_file())
LOCATED = re.compile(r"^[^\s:][^:]*:\d+: \S")
SUMMARY = "Build stopped:"
WARNING = ("warning: ", "\t")  # Pelican's warnings (and their indented details) do not stop a build
CLI_CASES = ["unknown-tier", "strata-unknown-option"]  # also run as a subprocess, as an author runs them


def snapshot(folder: Path) -> dict[str, str]:
    """Every file below ``folder`` with the hash of its bytes."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="session")
def good_output(tmp_path_factory) -> Path:
    """A successful build of the tiny site: the 'previous output' every bad build must leave intact."""
    result = build_tiny_site(tmp_path_factory.mktemp("good"), {})
    assert result.returncode == 0, result.stderr
    assert (result.output / "topics/demo/academic.html").is_file()
    return result.output


def prepare(case: Path, work: Path) -> tuple[Path, Path]:
    """Write the tiny site with ``case`` laid over it into ``work``; return (settings, content)."""
    content = work / "content"
    write_files(content, TINY_TOPIC)
    for source in sorted((case / "content").rglob("*")):
        target = content / source.relative_to(case / "content")
        if source.is_symlink() or source.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.unlink(missing_ok=True)
            shutil.copy2(source, target, follow_symlinks=False)
    if (case / "remove.txt").is_file():
        for relative in (case / "remove.txt").read_text(encoding="utf-8").split():
            (work / relative).unlink()
    settings = ROOT / "pelicanconf.py"
    if (case / "settings.py").is_file():
        settings = work / "settings.py"
        settings.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *  # noqa\n"
                            f"THEME = {str(ROOT / 'theme')!r}\nPLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n"
                            + (case / "settings.py").read_text(encoding="utf-8"), encoding="utf-8")
    return settings, content


def expected_messages(case: Path) -> list[str]:
    lines = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def test_the_corpus_is_large_enough():
    assert len(CASES) >= 25, CASES
    for name in CASES:
        messages = expected_messages(CORPUS / name)
        assert messages, f"{name}/expected.txt names no message"
        assert all(LOCATED.match(m) for m in messages), f"{name}/expected.txt: write 'path:line: message'"


def build_in_process(settings: Path, output: Path, content: Path) -> BuildResult:
    """``python -m strata build`` without the new process: the same function, its messages in a buffer."""
    messages = io.StringIO()
    code = build_site(str(settings), str(output), {"PATH": str(content)}, stream=messages)
    return BuildResult(code, "", messages.getvalue(), output)


@pytest.mark.parametrize("name", CASES)
def test_bad_input_stops_the_build_with_a_located_message(tmp_path, good_output, name):
    check_case(tmp_path, good_output, name, build_in_process)


@pytest.mark.parametrize("name", CLI_CASES)
def test_bad_input_stops_the_command_line_build(tmp_path, good_output, name):
    check_case(tmp_path, good_output, name, run_build)


def check_case(tmp_path: Path, good_output: Path, name: str, build) -> None:
    """Build case ``name`` over a copy of the good output and check the messages and the untouched output."""
    case = CORPUS / name
    settings, content = prepare(case, tmp_path)
    output = tmp_path / "output"
    shutil.copytree(good_output, output)
    before = snapshot(output)

    result = build(settings, output, content)

    stderr = result.stderr.replace(f"{tmp_path}/", "")
    assert result.returncode == 1, stderr
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert lines, "the build printed nothing"
    assert lines[-1].startswith(SUMMARY), stderr
    unlocated = [line for line in lines[:-1] if not (LOCATED.match(line) or line.startswith(WARNING))]
    assert not unlocated, f"messages without path:line:\n{stderr}"
    for message in expected_messages(case):
        assert any(line.startswith(message) for line in lines), f"expected {message!r} in:\n{stderr}"
    assert snapshot(output) == before, "the previous output was changed"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith((".build-", ".old-"))], "staging left behind"
