"""A topic's own glossary: it adds terms and redefines shared ones on that topic's pages only; the glossary page
lists both entries, each labelled, under distinct anchors; term links resolve from every page."""

from __future__ import annotations

from urllib.parse import urljoin

from bs4 import BeautifulSoup

from tests.support.checks import glossary_backlinks
from tests.support.site import TINY_TOPIC, build_tiny_site

SITE_GLOSSARY = "- term: HPG axis\n  definition: The shared meaning.\n"
DEMO_GLOSSARY = ("- term: HPG axis\n  definition: The demo topic's meaning.\n"
                 "- term: vitamin D\n  definition: A vitamin.\n")
OTHER_TOPIC = {path.replace("demo", "other"): text.replace("Topic: demo", "Topic: other").replace("Demo", "Other")
               for path, text in TINY_TOPIC.items()}
TEXT = "Text of the fundamentals tier."


def page_with(text: str, topic: str) -> str:
    source = TINY_TOPIC["topics/demo/fundamentals.md"].replace("Topic: demo", f"Topic: {topic}")
    return source.replace(TEXT, text)


def test_topic_entries_are_used_on_their_topic_and_listed_with_it(tmp_path):
    result = build_tiny_site(tmp_path, {
        "glossary.yaml": SITE_GLOSSARY, "topics/demo/glossary.yaml": DEMO_GLOSSARY, **OTHER_TOPIC,
        "topics/demo/fundamentals.md": page_with("The HPG axis and vitamin D.", "demo"),
        "topics/other/fundamentals.md": page_with("The HPG axis and vitamin D.", "other"),
    })
    assert result.returncode == 0, result.stderr
    glossary = BeautifulSoup(result.page("glossary.html"), "html.parser")
    backlinks = {(backlink.entry, backlink.href) for backlink in glossary_backlinks(result.output)}
    for topic, expected in (("demo", {"hpg-axis--demo": "The demo topic's meaning.", "vitamin-d--demo": "A vitamin."}),
                            ("other", {"hpg-axis": "The shared meaning."})):
        relative = f"topics/{topic}/fundamentals.html"
        page = BeautifulSoup(result.page(relative), "html.parser")
        links = page.select("main a.term")
        assert {a["href"].rpartition("#")[2]: page.find(id=a["aria-describedby"]).get_text() for a in links} == expected
        for link in links:
            target = urljoin(relative, link["href"])
            assert target.startswith("glossary.html#"), "relative to the page, resolved by Pelican"
            entry = glossary.find(id=target.partition("#")[2])
            assert entry.select_one(".glossary__definition").get_text() == expected[target.partition("#")[2]]
            assert (entry["id"], f"{relative}#{link['id']}") in backlinks
    shared, own = glossary.find(id="hpg-axis"), glossary.find(id="hpg-axis--demo")
    assert shared.select_one(".glossary__topic") is None
    assert own.select_one(".glossary__topic").get_text() == "(in Demo topic)"


def test_a_bad_topic_glossary_stops_the_build_at_its_line(tmp_path):
    result = build_tiny_site(tmp_path, {"topics/demo/glossary.yaml": "- term: HPG axis\n  definition: ''\n"})
    assert result.returncode == 1
    assert "topics/demo/glossary.yaml:2: the definition of 'HPG axis' is empty" in result.stderr
