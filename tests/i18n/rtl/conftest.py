"""Tests in this folder see the Arabic-interface build (right to left) as "the fixture site"."""

from __future__ import annotations

import pytest

from tests.conftest import _built
from tests.i18n.sites import ARABIC
from tests.support.browser import serve


@pytest.fixture(scope="session")
def fixture_site(build_root):
    return _built(ARABIC, build_root)


@pytest.fixture(scope="session")
def fixture_url(fixture_site):
    with serve(fixture_site) as url:
        yield url
