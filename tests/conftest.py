"""Shared fixtures: the built site, a local server for it, and Chromium launch settings."""

from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
from pathlib import Path

import pytest

from tests.support.browser import serve
from tests.support.chromium import LAUNCH_ARGS, configured_chromium
from tests.support.site import ROOT, run_build


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Launch a system Chromium when there is one (Playwright's own download otherwise)."""
    executable = configured_chromium()
    args = {**browser_type_launch_args, "args": LAUNCH_ARGS}
    if executable:
        args["executable_path"] = executable
    return args


@functools.cache
def _real_site() -> Path:
    """Build the real site (content/ with pelicanconf.py) once per process, at collection time."""
    folder = tempfile.mkdtemp(prefix="strata-site-")
    atexit.register(shutil.rmtree, folder, True)
    output = Path(folder) / "output"
    result = run_build(ROOT / "pelicanconf.py", output)
    if result.returncode != 0:
        pytest.exit(f"the real site does not build:\n{result.stderr}", returncode=1)
    return output


def built_pages() -> list[str]:
    """Every HTML page of the real site, relative to the output folder."""
    return sorted(p.relative_to(_real_site()).as_posix() for p in _real_site().rglob("*.html"))


def pytest_generate_tests(metafunc):
    """A test that takes ``page_path`` runs once for every built page, so new pages are covered."""
    if "page_path" in metafunc.fixturenames:
        metafunc.parametrize("page_path", built_pages())


@pytest.fixture(scope="session")
def site() -> Path:
    """The real site's output folder."""
    return _real_site()


@pytest.fixture(scope="session")
def site_url(site) -> str:
    with serve(site) as url:
        yield url


