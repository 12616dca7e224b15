"""Build sites for tests: the real one, or a tiny one made of given files in a temporary folder."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _env() -> dict[str, str]:
    """The environment for a build subprocess, read at call time (tests may set variables)."""
    return {**os.environ, "PYTHONPATH": str(ROOT / "plugins")}

TINY_TOPIC = {
    "topics/demo/index.md": """\
        Title: Demo topic
        Topic: demo
        Summary: A topic used by the tests.

        ## Reflection

        Closing words.
        """,
    **{f"topics/demo/{tier}.md": f"""\
        Title: {tier.title()}
        Topic: demo
        Tier: {tier}

        Text of the {tier} tier.

        ## A section

        More text.
        """ for tier in ("fundamentals", "intermediate", "academic")},
}


@dataclass
class BuildResult:
    returncode: int
    stdout: str
    stderr: str
    output: Path

    def page(self, relative: str) -> str:
        return (self.output / relative).read_text(encoding="utf-8")


def run_strata(*argv: str, command: bool = False) -> subprocess.CompletedProcess:
    """``python -m strata *argv`` (build, offline, check): by default its ``main`` in this process, with its
    output and Pelican's captured, so a test costs what the work does, not an interpreter start and every
    import; ``command=True`` runs the real command in a subprocess, for the tests about the command."""
    if command:
        return subprocess.run([sys.executable, "-m", "strata", *argv], check=False, cwd=ROOT, env=_env(),
                              capture_output=True, text=True, timeout=300)
    from strata.__main__ import main

    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        code = main(list(argv))
    return subprocess.CompletedProcess(["strata", *argv], code, stdout.getvalue(), stderr.getvalue())


def run_build(settings: Path, output: Path, content: Path | None = None, *, command: bool = False) -> BuildResult:
    """Build as ``python -m strata build -s settings -o output [--content content]`` does (see run_strata)."""
    extra = ["--content", str(content)] if content is not None else []
    done = run_strata("build", "-s", str(settings), "-o", str(output), *extra, command=command)
    return BuildResult(done.returncode, done.stdout, done.stderr, output)


def write_files(folder: Path, files: dict[str, str]) -> None:
    for relative, text in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")


def build_tiny_site(tmp_path: Path, files: dict[str, str | None], *, base: dict[str, str] = TINY_TOPIC,
                    settings: str = "pelicanconf.py", command: bool = False) -> BuildResult:
    """Build a site from ``base`` updated with ``files`` (a value of None removes that file); see run_build."""
    content = tmp_path / "content"
    merged = {**base, **files}
    write_files(content, {k: v for k, v in merged.items() if v is not None})
    return run_build(ROOT / settings, tmp_path / "output", content, command=command)


OFFLINE_SETTINGS = """\
import sys
sys.path.insert(0, {root!r})
from offlineconf import *  # noqa: F403
PATH = {content!r}
THEME = {theme!r}
PLUGIN_PATHS = [{plugins!r}]
"""


def offline_settings(folder: Path, content: Path) -> Path:
    """A settings file in ``folder``: ``offlineconf.py`` with ``content`` as the content folder (for
    ``run_offline_bundle``; not named offlineconf.py, which it imports)."""
    settings = folder / "test_offlineconf.py"
    settings.write_text(OFFLINE_SETTINGS.format(root=str(ROOT), content=str(content), theme=str(ROOT / "theme"),
                                                plugins=str(ROOT / "plugins")), encoding="utf-8")
    return settings


def run_offline_bundle(dist: Path, settings: Path = ROOT / "offlineconf.py", *options: str,
                       command: bool = False) -> subprocess.CompletedProcess:
    """Run ``python -m strata offline`` into ``dist``, with more command-line ``options`` (``--lang es``);
    see run_strata."""
    return run_strata("offline", "-s", str(settings), "-d", str(dist), *options, command=command)
