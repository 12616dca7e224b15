"""The glossary page keeps each entry (term, definition, anchor) and links to where the entry is used; the uses
page lists the backlinks grouped by topic, with headings, landmarks and link text that names the place.
Built without a browser on a two-topic site."""

from __future__ import annotations

from urllib.parse import urljoin, urlparse

from bs4 import BeautifulSoup

from tests.support.checks import glossary_backlinks, glossary_problems, page_problems
from tests.support.site import TINY_TOPIC, build_tiny_site

GLOSSARY = ("- term: HPG axis\n  definition: A hormone pathway.\n"
            "- term: vitamin D\n  definition: A vitamin.\n"
            "- term: unused word\n  definition: Not on any page.\n")
OTHER_TOPIC = {path.replace("demo", "other"): text.replace("Topic: demo", "Topic: other").replace("Demo", "Other")
               for path, text in TINY_TOPIC.items()}


def with_text(path: str, text: str, files: dict) -> str:
    return files[path].replace("More text.", text)


def build(tmp_path):
    files = {**TINY_TOPIC, **OTHER_TOPIC}
    result = build_tiny_site(tmp_path, {
        "glossary.yaml": GLOSSARY, **OTHER_TOPIC,
        "topics/demo/fundamentals.md": with_text("topics/demo/fundamentals.md", "The HPG axis and vitamin D.", files),
        "topics/demo/academic.md": with_text("topics/demo/academic.md", "The HPG axis again.", files),
        "topics/other/intermediate.md": with_text("topics/other/intermediate.md", "The HPG axis here.", files),
    })
    assert result.returncode == 0, result.stderr
    return result


def soup_of(result, relative: str) -> BeautifulSoup:
    return BeautifulSoup(result.page(relative), "html.parser")


def test_each_used_entry_links_to_its_backlinks_grouped_by_topic(tmp_path):
    result = build(tmp_path)
    glossary = soup_of(result, "glossary.html")
    entry = glossary.find(id="hpg-axis")
    assert entry.select_one(".glossary__definition").get_text() == "A hormone pathway."
    where = entry.select_one(".glossary__where a")
    assert where.get_text() == "Where “HPG axis” is used", "link text that names its purpose out of context"
    assert glossary.find(id="unused-word").select_one(".glossary__where") is None, "no link to an empty list"

    target = urlparse(urljoin("glossary.html", where["href"]))
    assert target.path == "glossary/uses-1.html"
    uses_page = soup_of(result, target.path)
    section = uses_page.find(id=target.fragment).find_parent("section")
    assert section["aria-labelledby"] == target.fragment
    assert [h.get_text() for h in section.find_all("h3")] == ["Demo topic", "Other topic"]
    labels = [a.get_text() for a in section.select(".glossary-uses a")]
    assert labels == ["Demo topic: Fundamentals — A section", "Demo topic: Academic — A section",
                      "Other topic: Intermediate — A section"]
    back = section.find("a", string="“HPG axis” in the glossary")
    assert urljoin(target.path, back["href"]) == "glossary.html#hpg-axis"


def test_uses_pages_are_well_formed_and_every_backlink_lands_on_its_term(tmp_path):
    result = build(tmp_path)
    assert glossary_problems(result.output) == []
    backlinks = glossary_backlinks(result.output)
    assert {(b.entry, b.href) for b in backlinks} == {
        ("hpg-axis", "topics/demo/fundamentals.html#term-hpg-axis"),
        ("hpg-axis", "topics/demo/academic.html#term-hpg-axis"),
        ("hpg-axis", "topics/other/intermediate.html#term-hpg-axis"),
        ("vitamin-d", "topics/demo/fundamentals.html#term-vitamin-d"),
    }
    assert sorted(p.name for p in (result.output / "glossary").iterdir()) == ["uses-1.html"], "a small site: one"
    assert page_problems(result.output, "glossary/uses-1.html") == []
    uses_page = soup_of(result, "glossary/uses-1.html")
    assert [len(uses_page.select(landmark)) for landmark in ("header", "main#main", "footer")] == [1, 1, 1]
    assert uses_page.h1.get_text() == "Where glossary terms are used: HPG axis to vitamin D"
    assert [h.get_text() for h in uses_page.find_all("h2")] == ["“HPG axis”", "“vitamin D”"]
    assert uses_page.select_one("nav.uses-pages") is None, "one page: no pages to move between"
