"""Optional parts stay optional: without a Reflection, references or a quiz, the pages link to nothing missing."""

from __future__ import annotations

from bs4 import BeautifulSoup

from tests.support.links import broken_links
from tests.support.site import TINY_TOPIC, build_tiny_site

OVERVIEW_WITHOUT_REFLECTION = """\
    Title: Demo topic
    Topic: demo
    Summary: A topic used by the tests.

    Closing words, without a section.
    """
REFERENCES = """\
    - authors: Doe, Jane
      title: A source
      year: 2020
    """


def soup(result, relative: str) -> BeautifulSoup:
    return BeautifulSoup(result.page(relative), "html.parser")


def test_a_topic_without_reflection_or_references_links_to_neither(tmp_path):
    result = build_tiny_site(tmp_path, {"topics/demo/index.md": OVERVIEW_WITHOUT_REFLECTION})
    assert result.returncode == 0, result.stderr
    last = soup(result, "topics/demo/academic.html")
    pager = [(a["href"], a.get_text(" ", strip=True)) for a in last.select("nav.pager a")]
    assert pager == [("../../topics/demo/intermediate.html", "Previous level Intermediate"),
                     ("../../topics/demo/index.html", "Back to the topic Demo topic")]
    for page in ("topics/demo/index.html", "topics/demo/academic.html", "topics/demo/fundamentals.html"):
        assert not soup(result, page).select('a[href*="references.html#"]'), page
        assert not soup(result, page).select("form.quiz"), page
    assert broken_links(result.output, "") == []


def test_the_last_tier_closes_with_the_reflection_and_references_are_linked_when_there(tmp_path):
    assert "## Reflection" in TINY_TOPIC["topics/demo/index.md"]
    result = build_tiny_site(tmp_path, {"topics/demo/references.yaml": REFERENCES})
    assert result.returncode == 0, result.stderr
    last = soup(result, "topics/demo/academic.html")
    closing = last.select("nav.pager a")[-1]
    assert (closing["href"], closing.get_text(" ", strip=True)) == \
        ("../../topics/demo/index.html#reflection", "Close the topic Reflection")
    assert soup(result, "topics/demo/index.html").find(id="reflection")
    for page in ("topics/demo/index.html", "topics/demo/academic.html"):
        assert soup(result, page).select_one('a[href$="references.html#demo"]'), page
    assert broken_links(result.output, "") == []


def test_pages_of_the_site_s_own_are_linked_from_every_footer(tmp_path):
    """A page in content/pages/ (about, contact) is reached from the footer of every page; without one, the footer
    has no links."""
    bare = build_tiny_site(tmp_path / "bare", {})
    assert bare.returncode == 0, bare.stderr
    assert soup(bare, "index.html").select("footer.site-footer a") == []
    result = build_tiny_site(tmp_path / "with", {
        "pages/about.md": "Title: About this site\n\nWe are a team of nurses.\n",
        "pages/contact.md": "Title: Contact\n\nWrite to [us](mailto:team@example.org).\n",
        "pages/draft.md": "Title: Draft notes\nStatus: draft\n\nNot yet.\n"})
    assert result.returncode == 0, result.stderr
    for page in ("index.html", "topics/demo/fundamentals.html", "pages/about.html", "glossary.html"):
        footer = soup(result, page).select("footer.site-footer nav a")
        links = [(a.get_text(), a["href"].rsplit("/", 2)[-2:]) for a in footer]
        assert links == [("About this site", ["pages", "about.html"]), ("Contact", ["pages", "contact.html"])], page
    assert broken_links(result.output, "") == []
