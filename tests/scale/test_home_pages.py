"""The home page at scale: topics TOPICS_PER_PAGE at a time, index.html then index-2.html … beside it; a small
site has one home page, without page links."""

from __future__ import annotations

from bs4 import BeautifulSoup
from pelican import Pelican
from pelican.settings import read_settings

from strata import home
from strata.home import home_pages
from tests.support.checks import page_problems
from tests.support.links import broken_links
from tests.support.site import ROOT, TINY_TOPIC, build_tiny_site, write_files

OTHER_TOPIC = {path.replace("demo", "other"): text.replace("Topic: demo", "Topic: other").replace("Demo", "Other")
               for path, text in TINY_TOPIC.items()}


def test_topics_are_split_into_pages_beside_the_index(monkeypatch):
    monkeypatch.setattr(home, "TOPICS_PER_PAGE", 2)
    pages = home_pages(["a", "b", "c", "d", "e"], "index.html")
    assert [(p.url, p.topics, p.previous, p.next) for p in pages] == [
        ("index.html", ("a", "b"), None, "index-2.html"),
        ("index-2.html", ("c", "d"), "index.html", "index-3.html"),
        ("index-3.html", ("e",), "index-2.html", None),
    ]
    assert [p.url for p in home_pages([], "site/home.html")] == ["site/home.html"], "no topics: one empty page"


def test_a_small_site_has_one_home_page_without_page_links(tmp_path):
    result = build_tiny_site(tmp_path, {})
    assert result.returncode == 0, result.stderr
    assert not list(result.output.glob("index-*.html"))
    document = BeautifulSoup(result.page("index.html"), "html.parser")
    assert document.select_one("nav.home-pages") is None
    assert document.select_one("a[aria-current=page]").get_text() == "Topics"
    assert [a.get_text() for a in document.select(".topic-list h3 a")] == ["Demo topic"]


def test_each_home_page_lists_its_topics_and_links_the_others(tmp_path, monkeypatch):
    """Built in this process with one topic a page, so that a two-topic site has two home pages."""
    monkeypatch.setattr(home, "TOPICS_PER_PAGE", 1)
    write_files(tmp_path / "content", {**TINY_TOPIC, **OTHER_TOPIC})
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={
        "PATH": str(tmp_path / "content"), "OUTPUT_PATH": str(tmp_path / "output")})
    Pelican(settings).run()
    first, second = (BeautifulSoup((tmp_path / "output" / name).read_text(encoding="utf-8"), "html.parser")
                     for name in ("index.html", "index-2.html"))
    assert [a.get_text() for a in first.select(".topic-list h3 a")] == ["Demo topic"]
    assert [a.get_text() for a in second.select(".topic-list h3 a")] == ["Other topic"]
    assert [(a.get_text(), a["href"]) for a in first.select("nav.home-pages a")] == [
        ("Next page of topics", "./index-2.html")]
    assert [(a.get_text(), a["href"]) for a in second.select("nav.home-pages a")] == [
        ("Previous page of topics", "./index.html")]
    assert second.title.get_text().startswith("Topics, page 2 of 2")
    assert page_problems(tmp_path / "output", "index-2.html") == []
    assert broken_links(tmp_path / "output") == []
