"""Arriving on every kind of page, then moving by landmarks and by headings, as a screen reader says it.

The fixture site (conftest.py) has two topics; each kind of page is checked at 1280 px in light mode.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

SITE_TOP = ["banner", "search, Site", "navigation, Site", "main"]  # before each page's own landmarks
TIER_LANDMARKS = ["navigation, Reading level", "navigation, On this page"]
TIER_END = ["navigation, Previous and next reading level", "contentinfo"]


def tier_headings(tier: str, *sections: str) -> list[str]:
    return [f"heading, Demo topic: {tier}, level 1", "heading, Reading level, level 2",
            "heading, On this page, level 2", *(f"heading, {s}, level 2" for s in sections)]


def home_topic(title: str) -> list[str]:
    return [f"heading, {title}, level 3",
            *(f"heading, {tier}, level 4" for tier in ("Fundamentals", "Intermediate", "Academic"))]


# page kind: (path, landmarks in order, headings in order)
PAGES = {
    "home": ("index.html", [*SITE_TOP, "contentinfo"],
             ["heading, Health topics explained at three reading levels, level 1", "heading, Topics, level 2",
              *home_topic("Demo topic"), *home_topic("Second topic")]),
    "topic": ("topics/demo/index.html", [*SITE_TOP, "region, Choose your reading level", "contentinfo"],
              ["heading, Demo topic, level 1", "heading, Choose your reading level, level 2",
               "heading, Fundamentals, level 3", "heading, Intermediate, level 3", "heading, Academic, level 3",
               "heading, Reflection, level 2"]),
    "fundamentals": ("topics/demo/fundamentals.html",
                     [*SITE_TOP, *TIER_LANDMARKS, "form, Check your understanding", *TIER_END],
                     tier_headings("Fundamentals", "How the signals work", "Check your understanding")),
    "intermediate": ("topics/demo/intermediate.html", [*SITE_TOP, *TIER_LANDMARKS, *TIER_END],
                     tier_headings("Intermediate", "A section")),
    "academic": ("topics/demo/academic.html", [*SITE_TOP, *TIER_LANDMARKS, *TIER_END],
                 tier_headings("Academic", "A section")),
    "glossary": ("glossary.html", [*SITE_TOP, "navigation, Glossary letters", "region, L", "region, P", "contentinfo"],
                 ["heading, Glossary, level 1", "heading, L, level 2", "heading, P, level 2"]),
    "references": ("references.html", [*SITE_TOP, "region, Demo topic", "region, Second topic", "contentinfo"],
                   ["heading, References, level 1", "heading, Demo topic, level 2", "heading, Second topic, level 2"]),
    # The search page has no site search box in its banner: its own search form is the page.
    "search": ("search.html", ["banner", "navigation, Site", "main", "search, Search", "contentinfo"],
               ["heading, Search, level 1"]),
    "404": ("404.html", [*SITE_TOP, "contentinfo"], ["heading, Page not found, level 1"]),
}


def hear_page(reader, url: str, landmarks: list[str], headings: list[str]) -> None:
    """Arrive, skip to the content by keyboard, then list the landmarks and the headings from the top."""
    # The virtual reader says "document" where a real one says the page title (asserted elsewhere).
    assert reader.open(url) == ["document"]
    assert reader.press("Tab") == ["link, Skip to main content"]
    assert reader.press("Enter") == ["main"]
    reader.start()
    assert reader.walk("moveToNextLandmark") == landmarks
    reader.start()
    assert reader.walk("moveToNextHeading") == headings


@pytest.mark.parametrize("kind", PAGES)
def test_arriving_then_moving_by_landmarks_and_headings(reader, speech_url, kind):
    path, landmarks, headings = PAGES[kind]
    hear_page(reader, f"{speech_url}/{path}", landmarks, headings)


def test_the_offline_bundles_index_page_over_file_urls(reader, speech_bundle):
    path, landmarks, headings = PAGES["home"]
    hear_page(reader, (speech_bundle / path).as_uri(), landmarks, headings)
    assert reader.press("Tab") == ["link, Demo topic"]  # the first link in the content, to a topic's page
    assert reader.follow() == ["document"]
    assert reader.perform("moveToNextHeading") == ["heading, Demo topic, level 1"]
