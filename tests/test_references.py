"""Citations (MLA): every field of a reference is shown, a title's own ? or ! takes no period after it, and a
``url`` is a whole http(s) address; anything else stops the build at its line. The references page: a topic's
anchor is never an id of the theme."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from strata.errors import StrataError
from strata.ids import anchors_beside
from strata.references import Reference, load_references, url_problem
from strata.search.shards import read_shard
from tests.support.site import TINY_TOPIC, build_tiny_site

SPANISH_QUOTES = {"“%(title)s.”": "«%(title)s».", "vol. %(value)s": "vol. %(value)s"}


@pytest.mark.parametrize("title", ["Is vitamin D safe?", "Stop now!"])
def test_a_title_ending_in_its_own_punctuation_takes_no_period(title):
    article = Reference("Asker, A.", title, 2011, journal="BMJ")
    assert str(article.citation) == f"Asker, A. “{title}” <cite>BMJ</cite>, 2011."
    book = Reference("Asker, A.", title, 2011, publisher="Springer")
    assert str(book.citation) == f"Asker, A. <cite>{title}</cite> Springer, 2011."
    spanish = article.cite(lambda text: SPANISH_QUOTES.get(text, text))  # the period goes after «», as in Spanish
    assert str(spanish) == f"Asker, A. «{title}». <cite>BMJ</cite>, 2011."


def test_a_title_ending_in_a_period_takes_one():
    assert str(Reference("A", "Done.", 2000, journal="J").citation) == "A. “Done.” <cite>J</cite>, 2000."
    assert str(Reference("A", "Done.", 2000).citation) == "A. <cite>Done</cite>. 2000."


def write(tmp_path, text: str) -> str:
    path = tmp_path / "references.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(("field", "value"), [("volume", "0"), ("issue", "2"), ("pages", "1-2")])
def test_an_articles_field_without_a_journal_is_an_error_at_its_line(tmp_path, field, value):
    path = write(tmp_path, f"- authors: A\n  title: T\n  year: 2000\n  {field}: {value}\n")
    with pytest.raises(StrataError) as error:
        load_references(path)
    assert str(error.value).startswith(f"{path}:4: '{field}: {value}' is cited only for an article, after its "
                                       "journal, and this reference has no 'journal:'; add 'journal: ")


@pytest.mark.parametrize("field", ["edition", "publisher"])
def test_a_books_field_in_an_article_is_an_error_at_its_line(tmp_path, field):
    path = write(tmp_path, f"- authors: A\n  title: T\n  journal: J\n  {field}: X\n  year: 2000\n")
    with pytest.raises(StrataError, match=rf"^{path}:4: '{field}: X' is cited only for a book"):
        load_references(path)


def test_every_field_of_an_article_and_a_book_is_shown(tmp_path):
    path = write(tmp_path, "- authors: A\n  title: T\n  journal: J\n  volume: 0\n  issue: 1\n  pages: 2-3\n"
                           "  year: 2000\n  url: https://example.org/a%20b\n"
                           "- authors: B\n  title: U\n  edition: 2nd ed.\n  publisher: P\n  year: 2001\n")
    article, book = (str(reference.citation) for reference in load_references(path))
    assert article == ('A. “T.” <cite>J</cite>, vol. 0, no. 1, 2000, pp. 2-3. '
                       '<a href="https://example.org/a%20b">https://example.org/a%20b</a>')
    assert book == "B. <cite>U</cite>. 2nd ed. P, 2001."


@pytest.mark.parametrize(("url", "problem"), [
    ("http://example.org/a b", "has a space; write it as %20 ('http://example.org/a%20b'), or remove the line"),
    ('https://example.org/"x"', "has the character '\"'; write it as %22 ('https://example.org/%22x%22')"),
    ("https://example.org/a\x7fb", "has a control character; write it as %7F"),
    ("https:///page", "is not a web address a browser can open (after 'https://' comes the site's name"),
    ("https://example.org:port/", "is not a web address a browser can open"),
    ("ftp://example.org/", "is not a web address; write it in full, starting with https://"),
])
def test_a_url_a_browser_cannot_open_as_written_says_what_to_write(url, problem):
    assert url_problem(url).startswith(problem)


@pytest.mark.parametrize("url", ["https://example.org", "http://example.org/a%20b?q=1#part",
                                 "https://de.wikipedia.org/wiki/Östrogen", "https://[::1]:8000/x"])
def test_a_whole_web_address_is_accepted(url):
    assert url_problem(url) is None


def test_a_bad_url_is_reported_at_its_line(tmp_path):
    path = write(tmp_path, "- authors: A\n  title: T\n  year: 2000\n  url: http://example.org/a b\n")
    with pytest.raises(StrataError, match=rf"^{path}:4: the url 'http://example.org/a b' has a space; "):
        load_references(path)


def topic_named(slug: str) -> dict[str, str]:
    """The tiny site's demo topic as topic ``slug``, with one reference."""
    files = {path.replace("/demo/", f"/{slug}/"): text.replace("Topic: demo", f"Topic: {slug}")
             for path, text in TINY_TOPIC.items()}
    return {**files, f"topics/{slug}/references.yaml": "- authors: A\n  title: T\n  year: 2000\n"}


def test_anchors_beside_the_themes_ids_take_the_next_free_number():
    assert anchors_beside(["main", "main-2", "sleep", "page-title"], {"main", "page-title", "search-q"}) == {
        "main": "main-3", "main-2": "main-2", "page-title": "page-title-2", "sleep": "sleep"}


def test_a_topic_named_like_a_theme_id_has_its_references_at_another_anchor(tmp_path):
    """Topics 'main' and 'page-title' (ids of the theme) are listed at #main-2, #page-title-2, and every link to
    them says so: the skip link's #main and the page's title keep their one element."""
    result = build_tiny_site(tmp_path, {**topic_named("main"), **topic_named("page-title")}, base={})
    assert result.returncode == 0, result.stderr
    references = BeautifulSoup(result.page("references.html"), "html.parser")
    for slug in ("main", "page-title"):
        assert len(references.find_all(id=slug)) == 1
        heading = references.find(id=f"{slug}-2")
        assert heading.name == "h2"
        assert heading.parent["aria-labelledby"] == f"{slug}-2"
        for page in ("index", "fundamentals", "academic"):
            links = BeautifulSoup(result.page(f"topics/{slug}/{page}.html"), "html.parser").select(
                "a[href*='references.html#']")
            assert [link["href"] for link in links] == [f"../../references.html#{slug}-2"]
    urls = {doc[0] for shard in (result.output / "search").glob("c*.js")
            for doc in read_shard(shard.read_text(encoding="utf-8"))[1]}
    assert {url for url in urls if url.startswith("references.html")} == {"references.html#main-2",
                                                                          "references.html#page-title-2"}


def test_an_ellipsis_is_kept_and_a_journals_own_period_is_not_doubled():
    article = Reference("Smith.", "A study...", 2020, journal="Nature.")
    assert str(article.citation) == "Smith. “A study...” <cite>Nature</cite>, 2020."
    abbreviated = Reference("A", "T", 2020, journal="J. Clin. Endocrinol.")
    assert "<cite>J. Clin. Endocrinol.</cite>, 2020." in str(abbreviated.citation)
    assert str(Reference("A", "Wait…", 2000).citation) == "A. <cite>Wait…</cite> 2000."


@pytest.mark.parametrize(("text", "line", "message"), [
    ('- authors: ""\n  title: T\n  year: 2000\n', 1, "'authors' is empty; after 'authors:', write the authors"),
    ("- authors: A\n  title: T\n  journal: ' '\n  year: 2000\n", 3, "'journal' is empty; after 'journal:', write "
                                                                   "the journal, for an article, or remove the line"),
    ("- authors: A\n  title: T\n  year: 20200\n", 3, "'year: 20200' is not a year of publication: a printed "
                                                      "work's year is between 1400 and 2100"),
    ("- authors: A\n  title: T\n  year: 0\n", 3, "'year: 0' is not a year of publication"),
    ("- authors: A B\n  title: The  T\n  year: 2000\n- authors: a b\n  title: the t\n  year: 2001\n", 5,
     "this reference is listed twice: the one at line 1 has the same title and authors"),
])
def test_an_empty_text_a_year_out_of_range_and_a_repeated_reference_are_errors(tmp_path, text, line, message):
    path = write(tmp_path, text)
    with pytest.raises(StrataError) as error:
        load_references(path)
    assert (error.value.line, error.value.message.startswith(message)) == (line, True), error.value.message
