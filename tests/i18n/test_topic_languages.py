"""Topics in several languages, on the fixture site (one topic translated into Spanish, ``topics/<slug>/es/``):
the URL layout, each page's language, and the home, glossary, references and search of each language."""

from __future__ import annotations

import zipfile
from pathlib import Path
from urllib.parse import urljoin, urlparse
from xml.etree import ElementTree

import pytest
import yaml
from babel.messages.pofile import read_po

from strata.i18n import SOURCE_LANG, languages, text_direction, translations
from strata.report.content import read_site
from strata.search.shards import read_shard
from tests.support.checks import soup, topics_of
from tests.support.site import ROOT, build_tiny_site, offline_settings, run_offline_bundle
from tests.support.sites import FIXTURE, REAL

SPANISH = translations(str(ROOT / "theme"), "es")
SITEMAP, XHTML = "{http://www.sitemaps.org/schemas/sitemap/0.9}", "{http://www.w3.org/1999/xhtml}"


def spanish_pages() -> list[str]:
    pages = [page for page in FIXTURE.sources() if FIXTURE.language_of(page) == "es"]
    assert pages, "the fixture site has a Spanish translation"
    return pages


def targets(site: Path, page: str, selector: str = "a[href]") -> set[str]:
    """Where the links of ``page`` lead, relative to the site root, without fragments."""
    return {urlparse(urljoin(page, a["href"])).path for a in soup(site, page).select(selector)}


def test_a_translation_keeps_the_path_of_its_original_under_its_language(fixture_site):
    english = set(FIXTURE.sources())
    for page in spanish_pages():
        assert page.startswith("es/")
        assert page.removeprefix("es/") in english
        document = soup(fixture_site, page)
        assert (document.html["lang"], document.html["dir"]) == ("es", "ltr")
        assert document.select_one("a.skip-link").get_text() == SPANISH.gettext("Skip to main content")
        assert {"es/index.html", "es/glossary.html", "es/references.html"} <= targets(fixture_site, page, "header a")


def test_pages_in_the_site_language_keep_their_language_and_urls(fixture_site):
    for page in FIXTURE.sources():
        if FIXTURE.language_of(page) is None:
            assert soup(fixture_site, page).html["lang"] == "en"
            assert not any(t.startswith("es/") for t in targets(fixture_site, page, ".site-nav a, main a"))


def test_the_site_texts_are_the_language_s_own_or_marked_as_in_the_site_language(fixture_site):
    texts, strata = FIXTURE.settings["STRATA"]["site_texts"]["es"], FIXTURE.settings["STRATA"]
    home = soup(fixture_site, "es/index.html")
    assert home.select_one("h1").get_text() == texts["tagline"]
    assert home.select_one("main .lead").get_text() == texts["description"]
    assert home.select_one('meta[name="description"]')["content"] == texts["description"]
    assert "disclaimer" not in texts  # not given for Spanish: shown as written, in English, and marked so
    tier = soup(fixture_site, next(page for page in spanish_pages() if not page.endswith("index.html")))
    marked = tier.select_one(".disclaimer [lang]")
    assert (marked["lang"], marked.get_text()) == ("en", strata["disclaimer"])


def test_each_language_has_its_own_home_listing_its_topics_and_tiers(fixture_site):
    shown = targets(fixture_site, "es/index.html", "main a")
    wanted = {f"{folder}/{tier}.html" for folder, tiers in topics_of(FIXTURE, "es").items()
              for tier in ["index", *tiers]}
    assert shown == wanted
    assert soup(fixture_site, "es/index.html").html["lang"] == "es"


def test_the_spanish_glossary_lists_the_spanish_entries_and_the_pages_link_to_it(fixture_site):
    entries = yaml.safe_load((FIXTURE.content / "glossary.es.yaml").read_text(encoding="utf-8"))
    glossary = soup(fixture_site, "es/glossary.html")
    listed = [dt.contents[0].strip() for dt in glossary.select("dt.glossary__term")]
    assert sorted(listed, key=str.casefold) == sorted((e["term"] for e in entries), key=str.casefold)
    ids = {entry["id"] for entry in glossary.select(".glossary__entry")}
    marked = [a["href"] for page in spanish_pages() for a in soup(fixture_site, page).select("a.term")]
    assert marked, "the Spanish pages mark terms of the Spanish glossary"
    for href in marked:
        assert urlparse(href).path.endswith("es/glossary.html")
        assert urlparse(href).fragment in ids
    uses = targets(fixture_site, "es/glossary.html", ".glossary__where a")
    assert uses
    assert all(target.startswith("es/glossary/uses-") for target in uses)


def test_each_language_has_its_references_page_and_search_index(fixture_site):
    sections = [h2["id"] for h2 in soup(fixture_site, "es/references.html").select("main h2")]
    assert sections == [folder.rsplit("/", 1)[1] for folder in topics_of(FIXTURE, "es")]
    search = soup(fixture_site, "es/search.html")
    index = search.select_one("script[data-search-index]")["src"]
    assert urlparse(urljoin("es/search.html", index)).path == "es/search/index.js"
    assert urlparse(urljoin("es/search.html", search.select_one("form.search-form")["action"])).path == \
        "es/search.html"
    docs = [doc for shard in (fixture_site / "es" / "search").glob("c*.js")
            for doc in read_shard(shard.read_text(encoding="utf-8"))[1]]
    urls = {urlparse(urljoin("es/", doc[0])).path for doc in docs}  # a result's URL is relative to its index
    assert urls
    assert all((fixture_site / url).is_file() and url.startswith("es/") for url in urls)
    assert "es/glossary.html" in urls
    assert any(url.startswith("es/topics/") for url in urls)


def test_a_site_without_translations_has_no_language_folders_switcher_or_alternates(site):
    assert REAL.languages() == []
    assert sorted(p.name for p in site.iterdir() if p.is_dir()) == ["glossary", "search", "theme", "topics"]
    for page in REAL.pages():
        document = soup(site, page)
        assert document.html["lang"] == "en"
        assert not document.select("link[hreflang], nav.language-switcher"), page


def versions_in_head(site: Path, page: str) -> dict[str, str]:
    """``hreflang`` → the page it names (relative to the site root), from the page's alternate links."""
    return {link["hreflang"]: urlparse(urljoin(page, link["href"])).path
            for link in soup(site, page).select("head link[rel=alternate][hreflang]")}


def test_every_translated_page_and_its_original_name_each_other_with_hreflang_and_a_switcher(fixture_site):
    for page in spanish_pages():
        original = page.removeprefix("es/")
        expected = {"en": original, "es": page, "x-default": original}
        for each in (page, original):
            assert versions_in_head(fixture_site, each) == expected
            switcher = soup(fixture_site, each).select_one("header nav.language-switcher")
            links = switcher.select("a")
            assert [(a["hreflang"], urlparse(urljoin(each, a["href"])).path) for a in links] == \
                [("en", original), ("es", page)]  # real links to the same page in the other language
            assert [a.select_one("[lang]")["lang"] for a in links] == ["en", "es"]
            assert [a.select_one("[lang]").get_text() for a in links] == ["English", "Español"]
            current = [a["hreflang"] for a in links if a.get("aria-current") == "page"]
            assert current == [soup(fixture_site, each).html["lang"]]
    for name in ("index.html", "glossary.html", "references.html", "search.html"):
        assert versions_in_head(fixture_site, f"es/{name}") == {"en": name, "es": f"es/{name}", "x-default": name}
    untranslated = [page for page in FIXTURE.sources() if FIXTURE.language_of(page) is None
                    and f"es/{page}" not in FIXTURE.sources()]
    assert untranslated, "the fixture has pages with no translation"
    for page in untranslated:
        assert not soup(fixture_site, page).select("link[hreflang], nav.language-switcher"), page


QUIZ = """
```quiz
- question: Is this a test?
  type: true-false
  answer: true
  explanation: The section says so.
```
"""


def test_a_missing_translation_is_a_warning_per_language_and_the_sitemap_lists_the_versions(tmp_path):
    result = build_tiny_site(tmp_path, settings="publishconf.py", files={
        "glossary.yaml": "- term: hormone\n  definition: A chemical messenger.\n",
        "topics/demo/fundamentals.md": "Title: Fundamentals\nTopic: demo\nTier: fundamentals\n\n"
                                       "A hormone is a messenger.\n\n## A section\n\nMore text.\n" + QUIZ,
        "topics/demo/es/index.md": "Title: Tema de prueba\nTopic: demo\n\nTexto.\n",
        "topics/demo/es/fundamentals.md": "Title: Básico\nTopic: demo\nTier: fundamentals\n\nUna hormona.\n\n"
                                          "![Un punto](../images/dot.svg)\n\nVea [el punto](../images/dot.svg) y "
                                          "[el folleto](../leaflet.txt).\n",
        "topics/demo/images/dot.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"></svg>\n',
        "topics/demo/leaflet.txt": "A leaflet.\n",
    })
    assert result.returncode == 0, result.stderr
    warnings = [line.split("warning: ", 1)[-1].replace(f"{tmp_path}/", "") for line in result.stderr.splitlines()
                if "topics/demo" in line or "glossary" in line]
    assert warnings == [
        "content/topics/demo/es/fundamentals.md: no quiz (content/topics/demo/fundamentals.md has one); "
        "the Spanish page has none",
        "content/topics/demo/es: no intermediate.md (translation of content/topics/demo/intermediate.md); "
        "the Spanish pages will not link to it",
        "content/topics/demo/es: no academic.md (translation of content/topics/demo/academic.md); "
        "the Spanish pages will not link to it",
        "content/glossary.es.yaml: no entry translates 'hormone' (used in topics/demo); add one with "
        "'translates: hormone', or the Spanish pages do not explain it",
    ], result.stderr
    spanish = result.page("es/topics/demo/fundamentals.html")
    assert "academic.html" not in spanish
    assert "intermediate.html" not in spanish
    assert 'src="http://127.0.0.1:8000/topics/demo/images/dot.svg"' in spanish  # the topic's image, from es/
    assert 'href="http://127.0.0.1:8000/topics/demo/images/dot.svg"' in spanish  # and a link to a file beside it
    assert 'href="http://127.0.0.1:8000/topics/demo/leaflet.txt"' in spanish
    sitemap = ElementTree.parse(result.output / "sitemap.xml").getroot()
    entries = {url.find(f"{SITEMAP}loc").text: {link.get("hreflang"): link.get("href")
                                                for link in url.findall(f"{XHTML}link")}
               for url in sitemap.findall(f"{SITEMAP}url")}
    site = "http://127.0.0.1:8000"
    fundamentals = {"en": f"{site}/topics/demo/fundamentals.html", "es": f"{site}/es/topics/demo/fundamentals.html",
                    "x-default": f"{site}/topics/demo/fundamentals.html"}
    assert entries[fundamentals["en"]] == entries[fundamentals["es"]] == fundamentals
    assert entries[f"{site}/es/index.html"] == {"en": f"{site}/index.html", "es": f"{site}/es/index.html",
                                                "x-default": f"{site}/index.html"}
    assert entries[f"{site}/topics/demo/academic.html"] == {}  # no Spanish version: no alternates


@pytest.mark.parametrize("lang", [lang for lang in languages(str(ROOT / "theme")) if lang != SOURCE_LANG])
def test_a_translation_folder_in_each_shipped_language_builds_with_that_interface(tmp_path, lang):
    """``topics/demo/<lang>/`` of every language the theme has a catalogue for (fr, de…) builds, and its
    pages speak that language: ``lang``/``dir``, the skip link, the tier's label and the quiz's plural."""
    interface = translations(str(ROOT / "theme"), lang)
    result = build_tiny_site(tmp_path, files={
        f"topics/demo/{lang}/index.md": "Title: Demo\nTopic: demo\n\nText.\n",
        f"topics/demo/{lang}/fundamentals.md": f"Title: {interface.gettext('Fundamentals')}\nTopic: demo\n"
                                               "Tier: fundamentals\n\nText.\n\n## A section\n\nMore text.\n" + QUIZ})
    assert result.returncode == 0, result.stderr
    page = soup(result.output, f"{lang}/topics/demo/fundamentals.html")
    assert (page.html["lang"], page.html["dir"]) == (lang, text_direction(lang))
    for message in ("Skip to main content", "Fundamentals"):
        assert interface.gettext(message) != message, (lang, message)
    assert page.select_one("a.skip-link").get_text() == interface.gettext("Skip to main content")
    assert interface.gettext("Fundamentals") in page.select_one(".tier-switcher").get_text()
    one_question = interface.ngettext("%(num)s question on this page.", "%(num)s questions on this page.", 1)
    assert one_question % {"num": 1} in page.select_one(".quiz__intro").get_text()


def test_an_offline_zip_of_one_translation_holds_its_pages_only(tmp_path):
    settings = offline_settings(tmp_path, FIXTURE.content)
    result = run_offline_bundle(tmp_path, settings, "--lang", "es")
    assert result.returncode == 0, result.stderr
    [bundle] = tmp_path.glob("*-offline-es.zip")  # <SITE_SLUG>-offline-es.zip
    top = bundle.stem
    with zipfile.ZipFile(bundle) as archive:
        names = [name.removeprefix(f"{top}/") for name in archive.namelist()]
        readme = archive.read(f"{top}/README.txt").decode()
        pages = {name: archive.read(f"{top}/{name}").decode() for name in names if name.endswith(".html")}
    wanted = {page for page in FIXTURE.pages() if FIXTURE.language_of(page) == "es"}
    assert {name for name in pages if not name.startswith("es/glossary/")} == wanted
    assert "es/search/index.js" in names
    assert not any(name.startswith("search/") for name in names)  # the English index is left out too
    assert "Para empezar, abra el archivo es/index.html" in readme
    for name, html in pages.items():  # one language: nothing to switch to (the build checked every link)
        assert 'hreflang="' not in html
        assert "language-switcher" not in html, name


def test_the_reading_report_reads_a_site_with_translations():
    site = read_site(str(FIXTURE.settings_file))
    assert site.errors.errors == []
    spanish = [topic for topic in site.topics if topic.lang == "es"]
    assert [topic.slug for topic in spanish] == [folder.rsplit("/", 1)[1] for folder in topics_of(FIXTURE, "es")]
    assert all(tier.stats.grades.ease is not None for topic in spanish for tier in topic.tiers)  # its own formula


def test_every_component_of_a_translated_page_speaks_its_language(fixture_site):
    """No text of a Spanish page is an English message the Spanish catalogue translates (a component
    imported without context would fall back to the site's language); text marked lang="en" is author text."""
    english = {message for message in english_messages() if SPANISH.gettext(message) != message}
    for page in [*spanish_pages(), "es/index.html", "es/glossary.html", "es/search.html", "es/references.html"]:
        document = soup(fixture_site, page)
        for marked in document.select('[lang="en"]'):
            marked.decompose()
        texts = {text.strip() for text in document.body.find_all(string=True)}
        texts |= {element[name].strip() for name in ("aria-label", "title", "alt")
                  for element in document.body.select(f"[{name}]")}
        assert texts & english == set(), page


def english_messages() -> set[str]:
    with open(ROOT / "theme" / "locale" / "messages.pot", "rb") as handle:
        return {message.id for message in read_po(handle) if isinstance(message.id, str) and message.id}
