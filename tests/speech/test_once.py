"""Announcements happen once: no double announcement, no re-announced live text, nothing on hover alone."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

FUNDAMENTALS = "topics/demo/fundamentals.html"


def said(heard: list[str], text: str) -> int:
    return sum(text in phrase for phrase in heard)


def test_error_summary_is_announced_once_each_time_it_appears(reader, speech_url):
    """Focused *and* an alert would be said twice (as the focused element and as an alert)."""
    reader.open(f"{speech_url}/{FUNDAMENTALS}")
    check = reader.page.get_by_role("button", name="Check answers")
    for _ in range(2):  # shown, then shown again by a second empty submit
        check.focus()
        reader.heard()
        heard = reader.press("Enter")
        assert said(heard, "There is a problem") == 1, heard
        assert not [p for p in heard if p.startswith(("assertive: ", "polite: "))], heard


def test_live_regions_do_not_re_announce_unchanged_text(reader, speech_url):
    page = reader.page
    reader.open(f"{speech_url}/{FUNDAMENTALS}")
    page.get_by_role("radio", name="The pituitary gland").check()
    page.get_by_role("radio", name="True").check()
    page.get_by_role("button", name="Check answers").focus()
    reader.heard()
    assert reader.press("Enter") == ["polite: 2 of 2 correct"]
    # Changing an answer after the score saves it, and must not touch the score's live region.
    page.get_by_role("radio", name="False").focus()
    reader.heard()
    assert reader.press("Space") == ["checked"]
    # Reading the page through says each live region's text as text, never as an announcement.
    reader.start()
    assert not [p for p in reader.read_until("contentinfo") if p.startswith(("assertive: ", "polite: "))]


def test_search_count_is_announced_once_per_search(reader, speech_url):
    page = reader.page
    reader.open(f"{speech_url}/search.html?q=gland")
    assert reader.heard() == []  # results for the address's query are there on arrival, not announced later
    page.get_by_role("searchbox").fill("testes")
    page.get_by_role("searchbox").focus()
    reader.heard()
    page.keyboard.press("Enter")
    # The count comes after the query's shards load (scripts added on demand): wait for it, then listen.
    expect(page.locator("#search-status")).to_contain_text("“testes”")
    [count] = reader.heard()
    assert count.startswith("polite: ")
    assert "“testes”" in count


def test_nothing_is_announced_on_hover_alone(reader, speech_url):
    page = reader.page
    page.clock.install()
    reader.open(f"{speech_url}/{FUNDAMENTALS}")
    term = page.get_by_role("link", name="pituitary gland", exact=True)
    targets = [term, page.get_by_role("navigation", name="Reading level").get_by_role("link").first,
               page.get_by_role("radio", name="The liver"), page.get_by_role("button", name="Check answers")]
    for target in targets:
        target.hover()
        assert reader.heard() == [], target
    term.hover()
    assert term.get_attribute("aria-expanded") == "true"  # the toggletip did open on hover …
    page.mouse.move(0, 0)
    page.clock.run_for(500)  # … and closes 400 ms after the pointer leaves
    assert term.get_attribute("aria-expanded") == "false"
    assert reader.heard() == []  # … without a word either way
