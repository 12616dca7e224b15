"""Built sites: the page map, page structure, tier pages, home, glossary and links on the fixture site; the
real article's own tables, key points, references and glossary; every check on the real site too."""

from __future__ import annotations

import re

import pytest
import yaml

from tests.support.checks import (
    config_of,
    glossary_backlinks,
    glossary_problems,
    home_problems,
    is_uses_page,
    page_problems,
    site_problems,
    soup,
    tier_problems,
    topics_of,
)
from tests.support.links import broken_links
from tests.support.site import ROOT
from tests.support.sites import FIXTURE, REAL

TOPIC = "topics/post-trt-testicular-restoration"  # the real article
TIERS = [tier.id for tier in config_of(REAL).tiers]
FEATURES = {"quiz": '<form class="quiz"', "terms": 'class="term"', "search-form": 'class="search-form"'}


def built_features(html: str) -> set[str]:
    return {name for name, marker in FEATURES.items() if marker in html}


def test_the_page_map_matches_what_the_fixture_site_builds(fixture_site):
    """The pages and their features that tests are listed from (without building) are what the build writes
    (the glossary entries' uses pages aside: glossary_problems reaches each of them from the glossary page)."""
    built = sorted(p.relative_to(fixture_site).as_posix() for p in fixture_site.rglob("*.html")
                   if not is_uses_page(p.relative_to(fixture_site).as_posix()))
    assert built == FIXTURE.pages()
    predicted = {page: FIXTURE.features(page) for page in built}
    found = {page: built_features((fixture_site / page).read_text(encoding="utf-8")) for page in built}
    assert predicted == found
    assert set().union(*found.values()) == set(FEATURES), "the fixture site has every feature somewhere"


def test_the_fixture_site_has_what_the_product_tests_need():
    topics = topics_of(FIXTURE)
    assert len(topics) >= 2
    overviews = [(FIXTURE.content / folder / "index.md").read_text(encoding="utf-8") for folder in topics]
    assert any("## Reflection" not in text for text in overviews), "a topic without a Reflection"
    assert any(not (FIXTURE.content / folder / "references.yaml").exists() for folder in topics)


def test_every_page_has_one_h1_a_skip_link_and_nothing_inline_or_third_party(fixture_site, page_path):
    assert page_problems(fixture_site, page_path) == []


@pytest.mark.parametrize("page", [page for folder, tiers in topics_of(FIXTURE).items()
                                  for page in (f"{folder}/{tier}.html" for tier in tiers)])
def test_tier_page_structure(fixture_site, page):
    assert tier_problems(fixture_site, config_of(FIXTURE), page) == []


def test_home_page_links_every_topic_and_tier(fixture_site):
    assert home_problems(fixture_site, FIXTURE) == []
    assert soup(fixture_site, "index.html").title.get_text().endswith(FIXTURE.settings["SITENAME"])


def test_glossary_page_is_alphabetical_and_its_backlinks_land_on_marked_terms(fixture_site):
    assert glossary_problems(fixture_site) == []
    assert len(glossary_backlinks(fixture_site)) >= 10


def test_every_internal_link_and_fragment_resolves(fixture_site):
    assert broken_links(fixture_site) == []


def test_the_real_site_passes_every_site_check(site):
    assert site_problems(site, REAL) == []


def test_the_real_articles_tables_are_captioned_data_tables(site):
    tables = {tier: soup(site, f"{TOPIC}/{tier}.html").select(".prose table") for tier in TIERS}
    shapes = {tier: [(len(t.select("thead th")), len(t.select("tbody tr"))) for t in found]
              for tier, found in tables.items()}
    assert shapes == {"fundamentals": [], "intermediate": [(4, 4)], "academic": [(3, 5)]}
    for table in tables["intermediate"] + tables["academic"]:
        region = table.parent
        assert region["role"] == "region"
        assert region["tabindex"] == "0"
        assert region["aria-labelledby"] == table.caption["id"]
        assert table.caption.get_text(strip=True)
        assert all(th["scope"] == "col" for th in table.select("th"))


def test_the_real_articles_key_points_are_callouts(site):
    callouts = [c for tier in TIERS for c in soup(site, f"{TOPIC}/{tier}.html").select(".callout--key-point")]
    assert len(callouts) == 3
    for callout in callouts:
        assert callout["role"] == "note"
        assert callout.select_one(".callout__label").get_text() == "Key point"
    assert "finely tuned thermostat" in callouts[0].get_text()


def test_references_page_lists_the_real_articles_sources(site):
    section = soup(site, "references.html").find(id="post-trt-testicular-restoration").parent
    items = section.select("ol.references > li")
    assert len(items) == 10
    assert items[0].get_text(" ", strip=True).startswith("Veldhuis, Johannes D. et al. “Mechanisms of human GnRH")
    assert items[2].cite.get_text() == "Andrology: Male Reproductive Health and Dysfunction"


def test_glossary_page_lists_every_term_of_the_real_glossary(site):
    document = soup(site, "glossary.html")
    entries = yaml.safe_load((ROOT / "content/glossary.yaml").read_text(encoding="utf-8"))
    assert len(document.select("dt.glossary__term")) == len(entries)
    assert document.find(id="hpg-axis").select_one("dd").get_text().startswith("The HPG Axis")


def test_own_scripts_are_classic_and_never_reach_the_network():
    """Module scripts and fetch fail under file://, and no data may leave the browser (sizes: `invoke bench`)."""
    theme = ROOT / "theme"
    scripts = sorted([*theme.glob("core/*.js"), *theme.glob("components/*/*.js"), *theme.glob("static/js/*.js")])
    assert {"loader.js", "quiz.js", "toggletip.js"} <= {p.name for p in scripts}
    for path in scripts:
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(?:import|export)\b|\bfetch\(|XMLHttpRequest|sendBeacon|WebSocket|\beval\(",
                             source, re.MULTILINE), path.name
        assert source.lstrip().startswith("/*"), f"{path.name} starts with a comment saying what it does"
