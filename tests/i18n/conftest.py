"""Builds of the fixture site with a Spanish and an Arabic interface, once per session, and servers for them."""

from __future__ import annotations

import pytest

from tests.conftest import _built
from tests.i18n.sites import INTERFACES
from tests.support.browser import serve


@pytest.fixture(scope="session")
def interface_sites(build_root) -> dict:
    """Output folder of each interface language's build (``{"es": path, "ar": path}``)."""
    return {lang: _built(site, build_root) for lang, site in INTERFACES.items()}


@pytest.fixture(scope="session")
def interface_urls(interface_sites):
    """Base URL of each interface language's build, served for the whole session."""
    with serve(interface_sites["es"]) as spanish, serve(interface_sites["ar"]) as arabic:
        yield {"es": spanish, "ar": arabic}
