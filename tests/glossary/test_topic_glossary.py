"""A topic's own glossary: it adds terms and redefines shared ones on that topic's pages only; the glossary page
lists both entries, each labelled, under distinct anchors; term links resolve from every page."""

from __future__ import annotations

from urllib.parse import urljoin

from bs4 import BeautifulSoup

from strata.glossary.terms import capitalised_glossaries, load_site_glossary
from strata.names import LANGUAGE_CODE
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


def test_a_term_named_like_an_id_of_the_theme_is_anchored_beside_it(tmp_path):
    """A term "Main" or "page title" would take the id of the page's <main> or of its title: it is anchored at
    ``main-2`` and ``page-title-2``, every id of every page stays unique, and term links reach the entry."""
    glossary = ("- term: main\n  definition: The most important part.\n"
                "- term: page title\n  definition: The name at the top of a page.\n")
    tier = "Title: Academic\nTopic: demo\nTier: academic\n\nThe main idea, and the page title.\n"
    result = build_tiny_site(tmp_path, {"glossary.yaml": glossary, "topics/demo/academic.md": tier})
    assert result.returncode == 0, result.stderr
    for page in (result.output / "glossary.html", result.output / "topics/demo/academic.html"):
        ids = [tag["id"] for tag in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("[id]")]
        assert len(ids) == len(set(ids)), page
    glossary_page = BeautifulSoup(result.page("glossary.html"), "html.parser")
    assert glossary_page.select_one("main#main") is not None
    assert "main" in glossary_page.select_one("#main-2").get_text()
    assert "page title" in glossary_page.select_one("#page-title-2").get_text()
    links = [a["href"] for a in BeautifulSoup(result.page("topics/demo/academic.html"), "html.parser").select("a.term")]
    assert sorted(links) == ["../../glossary.html#main-2", "../../glossary.html#page-title-2"]


def test_a_topic_entry_named_like_another_site_entry_is_a_warning_naming_both(tmp_path, caplog):
    (tmp_path / "topics/demo").mkdir(parents=True)
    (tmp_path / "glossary.yaml").write_text("- term: testosterone replacement therapy\n  aliases: [TRT]\n"
                                            "  definition: A treatment.\n- term: LH\n  definition: A hormone.\n")
    (tmp_path / "topics/demo/glossary.yaml").write_text(
        "- term: tissue repair technique\n  aliases: [TRT]\n  definition: Else.\n"
        "- term: lh\n  definition: Redefined here, as documented.\n")
    _, problems = load_site_glossary(str(tmp_path), "glossary.yaml")
    assert not problems
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert len(warnings) == 1, warnings
    assert warnings[0].startswith(f"{tmp_path}/topics/demo/glossary.yaml:1: the alias 'TRT' of 'tissue repair "
                                  "technique' is also a name of the site's entry 'testosterone replacement therapy' "
                                  f"({tmp_path}/glossary.yaml:1), which it replaces on this topic's pages")


def test_a_translated_glossary_named_in_capitals_is_an_error(tmp_path):
    (tmp_path / "glossary.ES.yaml").write_text("")
    (tmp_path / "glossary.es.yaml").write_text("")
    problems = capitalised_glossaries(str(tmp_path), "glossary.yaml", LANGUAGE_CODE.match)
    assert [str(p) for p in problems] == [f"{tmp_path}/glossary.ES.yaml:1: this file is not read: a language code "
                                          "is written in lower case; rename it glossary.es.yaml"]
