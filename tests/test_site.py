"""The real site: pages, tier structure, metadata, tables, callouts, references, glossary."""

from __future__ import annotations

import itertools
import re

import pytest
from bs4 import BeautifulSoup

from tests.support.site import ROOT

TOPIC = "topics/post-trt-testicular-restoration"
TIERS = ["fundamentals", "intermediate", "academic"]


def soup(site, relative: str) -> BeautifulSoup:
    return BeautifulSoup((site / relative).read_text(encoding="utf-8"), "html.parser")


def test_expected_pages_exist(site):
    expected = ["index.html", "glossary.html", "references.html", "404.html", f"{TOPIC}/index.html",
                *(f"{TOPIC}/{tier}.html" for tier in TIERS)]
    missing = [page for page in expected if not (site / page).is_file()]
    assert missing == []
    assert (site / "theme/css/strata.css").is_file()


def test_every_page_has_one_h1_and_no_skipped_heading_level(site, page_path):
    document = soup(site, page_path)
    levels = [int(h.name[1]) for h in document.find_all(re.compile(r"^h[1-6]$"))]
    assert levels.count(1) == 1
    assert levels[0] == 1
    jumps = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
    assert jumps == []
    assert document.html["lang"] == "en"
    assert document.select_one("a.skip-link")["href"] == "#main"
    assert document.select_one("main#main")


def test_no_inline_script_style_or_handler(site, page_path):
    html = (site / page_path).read_text(encoding="utf-8")
    document = BeautifulSoup(html, "html.parser")
    assert [s for s in document.find_all("script") if not s.get("src")] == []
    assert document.find_all("style") == []
    assert document.find_all(style=True) == []
    handlers = [a for tag in document.find_all(True) for a in tag.attrs if a.lower().startswith("on")]
    assert handlers == []
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", html), "no third-party asset"


@pytest.mark.parametrize("tier", TIERS)
def test_tier_page_structure(site, tier):
    document = soup(site, f"{TOPIC}/{tier}.html")
    switcher = document.select_one("nav.tier-switcher")
    links = switcher.select("a")
    assert [a.select_one(".tier-switcher__name").get_text(" ", strip=True).split(" (")[0] for a in links] == \
        ["Fundamentals", "Intermediate", "Academic"]
    current = [a for a in links if a.get("aria-current") == "page"]
    assert len(current) == 1
    assert current[0]["href"].endswith(f"{tier}.html")
    assert "you are here" in current[0].get_text()
    assert all(a.select_one(".tier-switcher__description").get_text(strip=True) for a in links)

    facts = document.select_one(".tier-facts").get_text(" ", strip=True)
    assert re.search(r"Reading time: about \d+ minutes?", facts)
    assert re.search(r"Flesch–Kincaid grade \d+\.\d", facts)
    assert "not medical advice" in document.select_one(".disclaimer").get_text()

    toc_targets = [a["href"][1:] for a in document.select("nav.toc a")]
    assert toc_targets
    assert all(document.find(id=target) for target in toc_targets)
    pager = document.select("nav.pager a")
    assert pager
    assert all(a["href"].endswith(".html") or ".html#" in a["href"] for a in pager)


def test_tables_are_captioned_data_tables(site):
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


def test_key_points_are_callouts(site):
    callouts = [c for tier in TIERS for c in soup(site, f"{TOPIC}/{tier}.html").select(".callout--key-point")]
    assert len(callouts) == 3
    for callout in callouts:
        assert callout["role"] == "note"
        assert callout.select_one(".callout__label").get_text() == "Key point"
    assert "finely tuned thermostat" in callouts[0].get_text()


def test_references_page_lists_the_topic_sources(site):
    section = soup(site, "references.html").find(id="post-trt-testicular-restoration").parent
    items = section.select("ol.references > li")
    assert len(items) == 10
    assert items[0].get_text(" ", strip=True).startswith("Veldhuis, Johannes D. et al. “Mechanisms of human GnRH")
    assert items[2].cite.get_text() == "Andrology: Male Reproductive Health and Dysfunction"


def test_glossary_page_lists_every_term_alphabetically(site):
    document = soup(site, "glossary.html")
    terms = [dt.contents[0].strip() for dt in document.select("dt.glossary__term")]
    assert len(terms) == 21
    assert terms == sorted(terms, key=str.casefold)
    assert document.find(id="hpg-axis").select_one("dd").get_text().startswith("The HPG Axis")
    letters = [a["href"] for a in document.select("nav.az a")]
    assert letters
    assert all(document.find(id=href[1:]) for href in letters)


def test_home_page_presents_topics_and_tiers(site):
    document = soup(site, "index.html")
    topic_links = [a["href"] for a in document.select(".topic-list__item h3 a")]
    assert topic_links == [f"./{TOPIC}/index.html"]
    tier_links = [a["href"] for a in document.select(".tier-card__title a")]
    assert tier_links == [f"./{TOPIC}/{tier}.html" for tier in TIERS]


def test_own_scripts_are_classic_and_never_reach_the_network():
    """Module scripts and fetch fail under file://, and no data may leave the browser (sizes: `invoke bench`)."""
    scripts = sorted((ROOT / "theme/static/js").glob("*.js"))
    assert [p.name for p in scripts] == ["glossary.js", "quiz.js", "search.js"]
    for path in scripts:
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(?:import|export)\b|\bfetch\(|XMLHttpRequest|sendBeacon|WebSocket|\beval\(",
                             source, re.MULTILINE), path.name
        assert source.lstrip().startswith("/*"), f"{path.name} starts with a comment saying what it does"
