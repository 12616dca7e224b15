"""Term links are given, before pages are written, the URL Pelican itself would write (strata.glossary.links)."""

from __future__ import annotations

import pytest
from pelican.contents import Page
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import get_relative_path, path_to_url

from strata.glossary.backlinks import GlossaryPage
from strata.glossary.links import resolve_term_links

HTML = ('<p>The <a aria-describedby="def-hpg-axis" class="term" href="{filename}/glossary.yaml#hpg-axis" '
        'id="term-hpg-axis">HPG axis</a> and <a href="{filename}/glossary.es.yaml#eje">eje</a>; '
        '<a href="{filename}/glossary.yaml">every term</a>, <a href="intermediate.html#x">a tier</a>.</p>')
GLOSSARIES = {"glossary.yaml": GlossaryPage("glossary.html"), "glossary.es.yaml": GlossaryPage("es/glossary.html")}


@pytest.mark.parametrize(("relative", "site_url", "save_as"), [
    (True, "", "topics/hormones/fundamentals.html"),
    (True, "", "index.html"),
    (False, "https://example.org/learn", "topics/hormones/fundamentals.html"),
    (False, "https://example.org", "es/index.html"),
    (False, "", "topics/hormones/academic.html"),
])
def test_a_term_link_reads_as_pelican_would_write_it_and_pelican_finds_nothing_left(relative, site_url, save_as):
    settings = {**DEFAULT_CONFIG, "RELATIVE_URLS": relative, "SITEURL": site_url}
    context = {"localsiteurl": site_url, "generated_content": dict(GLOSSARIES), "static_content": {}}
    page = Page(HTML, metadata={"title": "Hormones", "save_as": save_as}, settings=settings, context=context)
    writer_site_url = path_to_url(get_relative_path(save_as)) if relative else site_url  # as Pelican's Writer sets it
    pelicans = page._update_content(HTML, writer_site_url)

    resolve_term_links([page], {path: glossary.url for path, glossary in GLOSSARIES.items()}, settings, context)

    assert page._content == pelicans
    assert "{filename}" not in page._content
    context["localsiteurl"] = writer_site_url
    assert page.content is page._content  # Pelican's pass copied nothing: the page's HTML is held once


def test_a_page_without_term_links_is_left_as_it_is():
    settings = {**DEFAULT_CONFIG, "RELATIVE_URLS": True}
    html = '<p>No terms; <a href="{filename}/other.md">another page</a>.</p>'
    page = Page(html, metadata={"title": "T", "save_as": "a/b.html"}, settings=settings, context={})
    resolve_term_links([page], {"glossary.yaml": "glossary.html"}, settings, {})
    assert page._content is html
