"""Fixtures: the offline bundle (built and unzipped once) and the public-web build."""

from __future__ import annotations

import zipfile

import pytest

from tests.support.site import ROOT, run_build, run_offline_bundle

SITEURL = "https://learn.example.org/health"


@pytest.fixture(scope="session")
def bundle_zip(tmp_path_factory):
    dist = tmp_path_factory.mktemp("dist")
    result = run_offline_bundle(dist)
    assert result.returncode == 0, result.stderr
    return dist / "strata-offline.zip"


@pytest.fixture(scope="session")
def offline_site(bundle_zip, tmp_path_factory):
    """The unzipped bundle's top folder."""
    folder = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(bundle_zip) as archive:
        archive.extractall(folder)
    return folder / "strata-offline"


@pytest.fixture(scope="session")
def web_site(tmp_path_factory, monkeypatch_session):
    monkeypatch_session.setenv("STRATA_SITEURL", SITEURL)
    output = tmp_path_factory.mktemp("web") / "output"
    result = run_build(ROOT / "publishconf.py", output)
    assert result.returncode == 0, result.stderr
    return output


@pytest.fixture(scope="session")
def monkeypatch_session():
    with pytest.MonkeyPatch.context() as patch:
        yield patch
