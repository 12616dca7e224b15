"""What a screen-reader user hears in each interactive flow, phrase by phrase.

Phrases are the virtual screen reader's ("role, name, description, states"; "polite: …" for a live
region). Where it disagrees with the specs, the test asserts what the spec says (see
tests/support/speech.py and the notes here), and ACCESSIBILITY.md lists the disagreements.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from strata.config import DEFAULT_TIERS

pytestmark = pytest.mark.browser

TIER = "topics/demo/{}.html"
DESCRIPTIONS = {tier: description for tier, _, description in DEFAULT_TIERS}  # the speech site's tiers
DEFINITION = "A small gland under the brain that sends hormone signals."
TERM = f"link, pituitary gland, {DEFINITION}"


def test_tier_switcher_announces_the_current_tier(reader, speech_url):
    page = reader.page
    reader.open(f"{speech_url}/{TIER.format('intermediate')}")
    assert reader.perform("moveToNextNavigation") == ["navigation, Site"]
    assert reader.perform("moveToNextNavigation") == ["navigation, Reading level"]
    assert reader.next() == ["heading, Reading level, level 2"]
    assert reader.next() == ["list"]
    assert reader.next() == ["listitem, level 1, position 1, set size 3"]
    switcher = page.get_by_role("navigation", name="Reading level")
    switcher.get_by_role("link").first.focus()
    assert reader.heard() == [f"link, Fundamentals {DESCRIPTIONS['fundamentals']}"]
    [current] = reader.press("Tab")
    assert current.startswith("link, Intermediate")
    assert current.endswith(", current page")
    assert f"(you are here) {DESCRIPTIONS['intermediate']}" in current
    # The virtual reader runs "Intermediate" and " (you are here)" together; by accname 1.2 (and in
    # Chromium) the space inside the span is kept:
    expect(switcher.get_by_role("link").nth(1)).to_have_accessible_name(
        f"Intermediate (you are here) {DESCRIPTIONS['intermediate']}")
    assert reader.press("Tab") == [f"link, Academic {DESCRIPTIONS['academic']}"]
    assert reader.follow() == ["document"]
    assert reader.perform("moveToNextHeading") == ["heading, Demo topic: Academic, level 1"]


def test_glossary_term_reads_its_name_then_its_definition_and_opens_and_closes(reader, speech_url):
    page = reader.page
    reader.open(f"{speech_url}/{TIER.format('fundamentals')}")
    page.get_by_role("navigation", name="On this page").get_by_role("link").last.focus()
    reader.heard()
    # Tab to the term: its name, then its definition as description; the toggletip opens silently.
    assert reader.press("Tab") == [f"{TERM}, expanded"]
    assert reader.press("Escape") == ["not expanded"]
    assert reader.press("Enter") == ["expanded"]  # opens it again (and pins it); nothing else is said
    # Into the toggletip: its link to the full entry, named by its visible words and the term.
    assert reader.press("Tab") == ["link, Glossary entry: pituitary gland"]
    assert reader.press("Escape") == [f"{TERM}, not expanded"]  # closed, focus back on the term
    # Reading on from the term: the definition is not read twice (the toggletip is closed).
    assert reader.next()[-1] != DEFINITION


def test_reference_link_and_the_way_back(reader, speech_url):
    page = reader.page
    reader.open(f"{speech_url}/{TIER.format('fundamentals')}")
    page.get_by_role("link", name="references", exact=True).focus()
    assert reader.heard() == ["link, references"]
    assert reader.follow() == ["document"]
    # A screen reader starts reading a page opened at a fragment at its target: the topic's sources.
    assert reader.read_to_fragment() == ["heading, Demo topic, level 2"]
    assert reader.next() == ["list"]
    assert reader.next() == ["listitem, level 1, position 1, set size 1"]
    assert reader.next()[0].startswith("Veldhuis, Johannes D. et al.")
    # The way back is the browser's Back: the tier page again, from its top.
    page.go_back()
    assert reader.start() == ["document"]
    assert reader.perform("moveToNextHeading") == ["heading, Demo topic: Fundamentals, level 1"]


def test_search_announces_the_count_then_reads_the_first_result(reader, speech_url):
    page = reader.page
    reader.open(f"{speech_url}/search.html")
    page.get_by_role("searchbox").focus()
    assert reader.heard() == ["searchbox, Search every topic, the glossary and the references"]
    page.keyboard.type("gland")
    assert reader.heard() == []  # typing is echoed by the reader's own key echo, not by the page
    said = reader.press("Enter")
    # The count comes once the query's shards have loaded (scripts added on demand): wait for it, then listen.
    expect(page.locator("#search-status")).to_contain_text("“gland”")
    [count] = said + reader.heard()
    assert re.fullmatch(r"polite: \d+ results? for “gland”\.", count)
    assert reader.press("Tab") == ["button, Search"]
    [first] = reader.press("Tab")
    assert first.startswith("link, ")
    expect(page.get_by_role("link", name=first.removeprefix("link, "), exact=True)).to_be_focused()
