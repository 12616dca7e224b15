"""The public-web build (publishconf.py): absolute URLs, canonical and Open Graph, sitemap, robots, CSP."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from tests.publishing.conftest import SITEURL
from tests.support.links import broken_links

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; form-action 'self'")


def pages(web_site):
    return {p.relative_to(web_site).as_posix(): BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser")
            for p in sorted(web_site.rglob("*.html"))}


def test_every_page_has_csp_referrer_description_canonical_and_open_graph(web_site):
    for name, document in pages(web_site).items():
        assert document.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"] == CSP, name
        assert document.find("meta", attrs={"name": "referrer"})["content"] == "no-referrer"
        assert document.find("meta", attrs={"name": "description"})["content"].strip(), name
        assert document.find("link", rel="canonical")["href"] == f"{SITEURL}/{name}"
        assert document.find("meta", property="og:title")["content"].strip()
        assert document.find("meta", property="og:description")["content"].strip()


def test_tier_description_comes_from_its_summary(web_site):
    document = pages(web_site)["topics/post-trt-testicular-restoration/academic.html"]
    description = document.find("meta", attrs={"name": "description"})["content"]
    assert description.startswith("How genetics, receptor sensitivity, metabolic health")


def test_sitemap_lists_every_page_but_404_and_robots_points_to_it(web_site):
    sitemap = (web_site / "sitemap.xml").read_text(encoding="utf-8")
    listed = re.findall(r"<loc>(.*?)</loc>", sitemap)
    expected = [f"{SITEURL}/{name}" for name in sorted(pages(web_site)) if name != "404.html"]
    assert listed == expected
    assert (web_site / "robots.txt").read_text() == f"User-agent: *\nAllow: /\nSitemap: {SITEURL}/sitemap.xml\n"


def test_assets_are_cache_busted_by_content_hash(web_site):
    document = pages(web_site)["index.html"]
    urls = [link["href"] for link in document.find_all("link", rel="stylesheet")]
    urls += [script["src"] for script in document.find_all("script")]
    assert urls
    urls += [link["href"] for link in document.find_all("link", rel="icon")]
    assert urls
    # Bundles carry the hash in their file name, single theme files (the icon) in a query string.
    assert all(re.search(r"(?:\?v=|/bundles/[a-z0-9-]+\.)[0-9a-f]{10}(?:\.css|\.js)?$", url) for url in urls), urls


def test_404_page_links_work_from_any_depth(web_site):
    document = pages(web_site)["404.html"]
    assert all(a["href"].startswith(SITEURL) for a in document.select("main a"))


def test_web_links_resolve(web_site):
    assert broken_links(web_site, SITEURL) == []
