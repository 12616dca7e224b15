"""The reader converts every page of a build with one Markdown per language, reset between pages: each page
reads exactly as it would with a Markdown of its own, whatever was read before it (an empty page, a page
that stops with an error, a page in another language)."""

from __future__ import annotations

import shutil
from pathlib import Path

from bs4 import BeautifulSoup
from pelican.settings import read_settings

from strata.ids import theme_ids
from strata.reader import PAGE_KEYS, StrataMarkdownReader
from strata.records import edit_distance, misspelling_of
from strata.state import build_state
from tests.support.site import ROOT, build_tiny_site

FIXTURE = ROOT / "tests" / "fixtures" / "site"
EMPTY = "Title: Nothing yet\nTopic: sleep-and-hormones\nTier: academic\n"
BROKEN_QUIZ = "Title: A broken quiz\n\n## Part\n\nText.\n\n```quiz\n- question: Why?\n  type: single\n```\n"


def _site(tmp_path: Path) -> tuple[dict, list[Path]]:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE / "content", content)
    (content / "topics" / "sleep-and-hormones" / "empty.md").write_text(EMPTY, encoding="utf-8")
    (content / "topics" / "sleep-and-hormones" / "broken.md").write_text(BROKEN_QUIZ, encoding="utf-8")
    settings = read_settings(str(FIXTURE / "settings.py"), override={"PATH": str(content)})
    return settings, sorted(content.rglob("*.md"))


def test_each_page_reads_as_with_a_markdown_of_its_own(tmp_path):
    settings, pages = _site(tmp_path)
    assert any("/es/" in str(page) for page in pages)
    assert len(pages) >= 10
    alone = {page: StrataMarkdownReader(settings).read(str(page)) for page in pages}
    errors = build_state(settings).errors.errors
    assert [str(error).split(": ")[0].rsplit("/", 1)[-1] for error in errors] == ["broken.md:9"]
    for order in (pages, pages[::-1], [pages[-1], *pages, pages[0]]):
        shared = StrataMarkdownReader(settings)
        for page in order:
            content, metadata = shared.read(str(page))
            assert (content, metadata) == alone[page], page
    assert alone[pages[0]][0] or alone[pages[1]][0]  # pages with text were read
    empty = next(page for page in pages if page.name == "empty.md")
    assert alone[empty][1]["strata_sections"] == ()
    assert not alone[empty][1]["quizzes"]
    broken = next(page for page in pages if page.name == "broken.md")
    assert alone[broken] == ("", {"status": "skip"})


def test_a_page_saved_with_a_byte_order_mark_and_windows_line_ends_reads_as_without(tmp_path):
    """Some Windows editors start a UTF-8 file with a byte-order mark and end lines with CR LF; Pelican reads
    such a file as it reads any other, and so does Strata (its metadata included, and the lines of errors)."""
    settings, pages = _site(tmp_path)
    page = next(page for page in pages if page.name == "academic.md" and "/es/" not in str(page))
    plain = StrataMarkdownReader(settings).read(str(page))
    text = page.read_text(encoding="utf-8")
    page.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert StrataMarkdownReader(settings).read(str(page)) == plain
    assert plain[1]["title"]
    broken = next(page for page in pages if page.name == "broken.md")
    broken.write_bytes(b"\xef\xbb\xbf" + BROKEN_QUIZ.replace("\n", "\r\n").encode("utf-8"))
    StrataMarkdownReader(settings).read(str(broken))
    errors = build_state(settings).errors.errors
    assert [str(error).split(": ")[0].rsplit("/", 1)[-1] for error in errors] == ["broken.md:9"]


def test_a_heading_never_takes_an_id_the_theme_writes(tmp_path):
    """A section called "Main" would take ``main``, the id of the page's ``<main>`` (the skip link's target):
    the theme's ids are taken before the page's, so the heading gets ``main-2`` and both links find theirs."""
    settings, pages = _site(tmp_path)
    page = next(page for page in pages if page.name == "academic.md" and "/es/" not in str(page))
    header, _, body = page.read_text(encoding="utf-8").partition("\n\n")
    page.write_text(f"{header}\n\n## Main\n\nText.\n\n## Search results\n\nText.\n\n{body}", encoding="utf-8")
    content, metadata = StrataMarkdownReader(settings).read(str(page))
    assert {"main", "search-results", "page-title"} <= theme_ids(settings["THEME"])
    assert '<h2 id="main-2">Main</h2>' in content
    assert '<h2 id="search-results-2">Search results</h2>' in content
    assert [entry.id for entry in metadata["toc"][:2]] == ["main-2", "search-results-2"]


def test_a_page_without_summary_is_summed_up_by_its_first_paragraph(tmp_path):
    """Not by Pelican's first 50 words of HTML, which ran headings and the hidden glossary definitions together;
    cut after SUMMARY_MAX_LENGTH words, escaped as a written summary is."""
    settings, pages = _site(tmp_path)
    page = next(page for page in pages if page.name == "index.md" and "/es/" not in str(page))
    header, _, _ = page.read_text(encoding="utf-8").partition("\n\n")
    header = "\n".join(line for line in header.splitlines() if not line.startswith("Summary:"))
    words = " ".join(f"word{number}" for number in range(60))
    page.write_text(f"{header}\n\n## First part\n\n!!! key-point\n    A callout.\n\nSleep & hormones: {words}.\n\n"
                    "Second paragraph.\n", encoding="utf-8")
    _, metadata = StrataMarkdownReader({**settings, "SUMMARY_MAX_LENGTH": 10}).read(str(page))
    assert metadata["summary"] == "Sleep &amp; hormones: word0 word1 word2 word3 word4 word5 word6…"
    assert metadata["summary_from_text"] is True
    written = next(page for page in pages if page.name == "fundamentals.md" and "/es/" not in str(page))
    _, metadata = StrataMarkdownReader(settings).read(str(written))
    assert metadata["summary"]
    assert "summary_from_text" not in metadata


def test_an_overview_without_summary_does_not_show_its_first_paragraph_twice(tmp_path):
    overview = "Title: Demo topic\nTopic: demo\n\nWhat this topic is about.\n\n## Reflection\n\nClosing words.\n"
    result = build_tiny_site(tmp_path, {"topics/demo/index.md": overview})
    assert result.returncode == 0, result.stderr
    page = BeautifulSoup(result.page("topics/demo/index.html"), "html.parser")
    assert page.select_one(".lead") is None
    assert page.select_one('meta[name="description"]')["content"] == "What this topic is about."
    home = BeautifulSoup(result.page("index.html"), "html.parser")
    assert "What this topic is about." in home.select_one(".topic-list__item").get_text()


def test_a_misspelt_header_key_is_an_error_and_a_key_of_ones_own_is_kept(tmp_path):
    """Pelican keeps any header key; one a slip away from a key Strata or Pelican reads is a mistake that would
    be ignored ('Sumary:' leaves the page without a summary), reported at its line with the key meant."""
    settings, _ = _site(tmp_path)
    folder = tmp_path / "content" / "topics" / "sleep-and-hormones"
    own = folder / "own.md"
    own.write_text("Title: Notes\nSubtitle: Kept\nTranslator: Ana\nKeywords: sleep\n\nText.\n", encoding="utf-8")
    _, metadata = StrataMarkdownReader(settings).read(str(own))
    assert (metadata["subtitle"], metadata["translator"], metadata["keywords"]) == ("Kept", "Ana", "sleep")
    assert not build_state(settings).errors.errors

    misspelt = folder / "misspelt.md"
    misspelt.write_text("Titel: Notes\nSumary: A summary.\nGlosary: off\nSave-as: x.html\nSubtitle: Kept\n\nText.\n",
                        encoding="utf-8")
    assert StrataMarkdownReader(settings).read(str(misspelt)) == ("", {"status": "skip"})
    assert [str(error).rsplit("/", 1)[-1] for error in build_state(settings).errors.errors] == [
        f"misspelt.md:{line}: unknown key {written!r}; did you mean {meant!r}? Correct it to '{meant}:' "
        "(as written, the line is ignored)"
        for line, written, meant in [(1, "Titel", "Title"), (2, "Sumary", "Summary"), (3, "Glosary", "Glossary"),
                                     (4, "Save-as", "Save_as")]]


def test_a_misspelling_is_one_slip_of_the_keyboard_away():
    known = PAGE_KEYS
    assert [misspelling_of(key, known) for key in ("Sumary", "Summery", "Titel", "Teir", "Topics", "Tag", "modifed")
            ] == ["summary", "summary", "title", "tier", "topic", "tags", "modified"]
    assert [misspelling_of(key, known) for key in ("Summary", "SUMMARY", "Subtitle", "Translator", "Keywords",
                                                   "Description", "Order")] == [None] * 7
    assert [edit_distance(a, b) for a, b in [("", "ab"), ("ab", "ba"), ("kitten", "sitting"), ("same", "same")]
            ] == [2, 1, 3, 0]
