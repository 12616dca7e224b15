"""Shared fixtures: the real and the fixture site (built once per session), local servers for them, and
Chromium launch settings. Nothing is built at collection: pages are listed from the sites' sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.browser import reused_page, serve
from tests.support.chromium import LAUNCH_ARGS, configured_chromium
from tests.support.sites import FIXTURE, REAL, Site, module_pages, shared_build


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Launch a system Chromium when there is one (Playwright's own download otherwise)."""
    executable = configured_chromium()
    args = {**browser_type_launch_args, "args": LAUNCH_ARGS}
    if executable:
        args["executable_path"] = executable
    return args


def pytest_generate_tests(metafunc):
    """A test that takes ``page_path`` runs once for every page of the fixture site, so new pages are covered
    (a module may narrow them with a ``PAGE_PATHS`` list of its own)."""
    if "page_path" in metafunc.fixturenames:
        metafunc.parametrize("page_path", module_pages(metafunc.module))


@pytest.fixture(scope="module")
def _module_context(browser, browser_context_args):
    context = browser.new_context(**browser_context_args)
    yield context
    context.close()


@pytest.fixture(scope="module")
def _module_nojs_context(browser, browser_context_args):
    context = browser.new_context(**{**browser_context_args, "java_script_enabled": False})
    yield context
    context.close()


@pytest.fixture
def warm_page(_module_context):
    """Like Playwright's ``page``, but one page kept for a module's tests and reset before each (reused_page)."""
    yield from reused_page(_module_context, {"width": 1280, "height": 720})


@pytest.fixture
def warm_nojs_page(_module_nojs_context):
    """``warm_page`` with JavaScript disabled, 1280 × 900."""
    yield from reused_page(_module_nojs_context, {"width": 1280, "height": 900})


@pytest.fixture(scope="session")
def build_root(tmp_path_factory, worker_id) -> Path:
    """A folder shared by every xdist worker of this session (the session's own folder without xdist)."""
    base = tmp_path_factory.getbasetemp()
    return base if worker_id == "master" else base.parent


def _built(site: Site, root: Path) -> Path:
    output, failure = shared_build(site, root)
    if failure is not None:
        pytest.fail(f"the {site.name} site does not build:\n{failure}", pytrace=False)
    return output


@pytest.fixture(scope="session")
def site(build_root) -> Path:
    """The real site's output folder (content/ with pelicanconf.py): for tests about the real article."""
    return _built(REAL, build_root)


@pytest.fixture(scope="session")
def site_url(site) -> str:
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def fixture_site(build_root) -> Path:
    """The fixture site's output folder (tests/fixtures/site): for tests of the product's behaviour."""
    return _built(FIXTURE, build_root)


@pytest.fixture(scope="session")
def fixture_url(fixture_site) -> str:
    with serve(fixture_site) as url:
        yield url
