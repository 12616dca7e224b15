"""The search page on a two-topic site, from file:// and over http://: what it finds, in what order, how it
shows it, and what it downloads."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.support.browser import run_axe

pytestmark = pytest.mark.browser


def search(page, root: str, query: str) -> list[str]:
    """Open the search page with ``query``; return the result titles once they are shown."""
    page.goto(f"{root}/search.html?q={query}")
    expect(page.locator("#search-status")).to_contain_text(f"for “{query}”")
    return page.locator("#search-results .search-result__title").all_inner_texts()


def marks(page) -> list[str]:
    return [m.lower() for m in page.locator("#search-results mark").all_inner_texts()]


def test_accents_are_folded_both_ways(page, search_root):
    assert search(page, search_root, "cafe")[0] == "Café culture"
    assert "café" in marks(page)
    assert search(page, search_root, "CAFÉ")[0] == "Café culture"


def test_letters_that_are_not_a_letter_and_an_accent_are_found_spelt_out(page, search_root):
    assert search(page, search_root, "strassburg") == ["Contact"]
    assert marks(page) == ["straßburg"]
    assert search(page, search_root, "ŁÓDŹ") == search(page, search_root, "lodz") == ["About us"]


def test_the_sites_own_pages_are_found_and_shown_by_their_title(page, search_root):
    """A page of content/pages/ (an About page) was not in the index: nothing on it could be found."""
    assert search(page, search_root, "harbour") == ["Contact"]
    assert page.locator("#search-results .search-result__meta").inner_text() == "About us"
    page.locator("#search-results a").first.click()
    assert re.search(r"pages/about\.html#contact$", page.url)
    expect(page.get_by_role("heading", name="Contact")).to_be_visible()
    assert search(page, search_root, "volunteers") == ["About us"]


def test_words_match_by_their_stem(page, search_root):
    assert search(page, search_root, "running") == ["Exercise"]
    assert marks(page) == ["runs"]


def test_a_half_typed_word_matches_as_a_prefix(page, search_root):
    assert search(page, search_root, "circad")[0] == "Circadian rhythm"


def test_one_typo_in_a_long_word_still_matches_but_not_in_a_short_one(page, search_root):
    assert "Blood pressure" in search(page, search_root, "hypertensoin")  # two letters swapped
    assert "Blood pressure" in search(page, search_root, "hypertenson")   # one left out
    assert search(page, search_root, "circadiam")[0] == "Circadian rhythm"  # one replaced
    assert search(page, search_root, "napz") == []
    assert page.locator("#search-status").inner_text() == "No results for “napz”."


def test_glossary_entry_ranks_above_passing_mentions(page, search_root):
    titles = search(page, search_root, "hypertension")
    assert titles[0] == "hypertension"
    assert len(titles) == 3
    assert page.locator("#search-results .search-result__meta").first.inner_text() == "Glossary"


def test_a_heading_ranks_above_repeated_mentions_in_body_text(page, search_root):
    assert search(page, search_root, "circadian")[:2] == ["Circadian rhythm", "Naps"]


def test_every_word_first_then_any_word(page, search_root):
    assert search(page, search_root, "circadian naps") == ["Naps"]
    assert page.locator("#search-status").inner_text() == "1 result for “circadian naps”."
    assert sorted(search(page, search_root, "circadian hypertension")) == sorted(
        ["hypertension", "Blood pressure", "Vascular remodelling", "Circadian rhythm", "Naps"])


def test_a_result_opens_its_section(page, search_root):
    search(page, search_root, "circadian")
    page.locator("#search-results a").first.click()
    assert re.search(r"topics/sleep/fundamentals\.html#circadian-rhythm$", page.url)
    expect(page.get_by_role("heading", name="Circadian rhythm")).to_be_visible()


def test_results_come_ten_at_a_time_and_more_moves_focus_to_the_first_new_one(page, search_root):
    search(page, search_root, "wellbeing")
    total = int(re.match(r"(\d+) results", page.locator("#search-status").inner_text()).group(1))
    assert total > 10
    assert page.locator("#search-results li").count() == 10
    more = page.get_by_role("button", name="Show more results")
    assert run_axe(page) == []
    more.click()
    expect(page.locator("#search-results li")).to_have_count(min(total, 20))
    expect(page.locator("#search-results li").nth(10).locator("a")).to_be_focused()
    assert more.is_hidden() == (total <= 20)


def test_the_form_searches_again_in_place(page, search_root):
    search(page, search_root, "cafe")
    page.get_by_role("searchbox", name=re.compile("Search every topic")).fill("melatonin")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page.locator("#search-status")).to_have_text("1 result for “melatonin”.")
    assert page.locator("#search-results .search-result__title").all_inner_texts() == ["Melatonin"]


def test_a_query_loads_only_the_shards_it_needs(page, search_root, search_site):
    loaded = []
    page.on("request", lambda request: loaded.append(request.url.split("/search/")[-1].split("?")[0])
            if "/search/" in request.url else None)
    search(page, search_root, "melatonin")
    shards = sorted(p.name for p in (search_site / "search").glob("*.js"))
    assert len(shards) > 20
    assert sorted(loaded) == ["c1.js", "d" + str(dictionary_number(search_site, "me")) + ".js", "index.js"]


def dictionary_number(site, key: str) -> int:
    from strata.search.shards import read_shard

    manifest = read_shard((site / "search" / "index.js").read_text(encoding="utf-8"))[1]
    return manifest["d"].index(key)


def test_a_japanese_word_in_the_middle_of_a_sentence_is_found_by_its_character_pairs(page, search_root, search_site):
    loaded = []
    page.on("request", lambda request: loaded.append(request.url.split("/search/")[-1].split("?")[0])
            if "/search/" in request.url else None)
    assert search(page, search_root, "水分補給") == ["日本の水分補給"]
    assert marks(page) == ["水分補給"]
    assert sorted(n for n in loaded if n.startswith("d")) == sorted(
        f"d{dictionary_number(search_site, key)}.js" for key in "水分補")  # a shard per first character
    assert sorted(search(page, search_root, "大切")) == ["ビタミン", "日本の水分補給"]
    assert search(page, search_root, "魚") == ["日本の水分補給"]  # one character, within a run
    assert marks(page) == ["魚"]
    assert search(page, search_root, "ビタミンD") == ["ビタミン"]
    assert marks(page) == ["ビタミンd"]
    assert search(page, search_root, "食事") == []  # 食べ is there, 食事 is not


def test_a_long_japanese_query_needs_most_of_its_character_pairs(page, search_root):
    assert search(page, search_root, "夏は水分補給です") == ["日本の水分補給"]  # 6 of its 7 pairs
    assert search(page, search_root, "大切なこと") == []  # only 大切 of 4 pairs: not every page saying 大切
