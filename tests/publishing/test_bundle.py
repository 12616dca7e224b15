"""The offline bundle: layout, relative file links, reproducibility, link integrity."""

from __future__ import annotations

import re
import zipfile

from bs4 import BeautifulSoup

from tests.support.links import broken_links
from tests.support.site import run_offline_bundle


def test_zip_has_one_top_folder_with_readme_entry_page_and_search_index(bundle_zip):
    names = zipfile.ZipFile(bundle_zip).namelist()
    assert {name.split("/")[0] for name in names} == {"strata-offline"}
    for required in ("README.txt", "index.html", "search.html", "search/index.js", "search/c0.js", "search/d0.js"):
        assert f"strata-offline/{required}" in names
    readme = zipfile.ZipFile(bundle_zip).read("strata-offline/README.txt").decode()
    assert "open the file index.html" in readme


def test_two_builds_give_byte_identical_zips(bundle_zip, tmp_path):
    again = run_offline_bundle(tmp_path, command=True)  # the real command, once
    assert again.returncode == 0, again.stderr
    assert (tmp_path / "strata-offline.zip").read_bytes() == bundle_zip.read_bytes()


def test_every_link_is_relative_and_ends_in_a_file_name(offline_site):
    bad = []
    for page in offline_site.rglob("*.html"):
        document = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for element in document.find_all(href=True) + document.find_all(src=True) + document.find_all(action=True):
            url = element.get("href") or element.get("src") or element.get("action")
            path = url.split("#")[0].split("?")[0]
            if url.startswith(("http:", "https:", "//", "/")) or (path and not re.search(r"\.\w+$", path)):
                bad.append(f"{page.name}: {url}")
    assert bad == []


def test_no_feeds_or_absolute_siteurl(offline_site):
    assert not list(offline_site.rglob("*.xml"))
    assert not any("https://" in p.read_text(encoding="utf-8") and "canonical" in p.read_text(encoding="utf-8")
                   for p in offline_site.rglob("*.html"))


def test_offline_links_resolve(offline_site):
    assert broken_links(offline_site) == []


def test_web_build_links_resolve(site):
    assert broken_links(site) == []
