"""Names and roles: ARIA snapshots (strict, deep-equal) of the landmarks, the tier switcher and an open
toggletip; every page's landmark outline. (A quiz question is pinned in tests/quiz/test_quiz_browser.py.)"""

from __future__ import annotations

from collections import Counter

import pytest
import yaml
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

TOPIC = "topics/post-trt-testicular-restoration"
TIER = f"{TOPIC}/fundamentals.html"
LANDMARKS = ("banner", "navigation", "main", "contentinfo", "search", "region", "complementary", "form")


def landmark_outline(snapshot: str) -> list[str]:
    """The landmarks of an ARIA snapshot with their names, indented by nesting."""
    out: list[str] = []

    def visit(node, depth):
        if isinstance(node, list):
            for child in node:
                visit(child, depth)
        elif isinstance(node, dict):
            for key, value in node.items():
                is_landmark = str(key).split(" ")[0] in LANDMARKS
                if is_landmark:
                    out.append("  " * depth + key)
                visit(value, depth + 1 if is_landmark else depth)
        elif isinstance(node, str) and node.split(" ")[0] in LANDMARKS:
            out.append("  " * depth + node)

    visit(yaml.safe_load(snapshot), 0)
    return out


def test_landmarks_of_a_tier_page(page, site_url):
    page.goto(f"{site_url}/{TIER}")
    assert landmark_outline(page.locator("body").aria_snapshot()) == [
        "banner",
        '  search "Site"',
        '  navigation "Site"',
        "main",
        '  navigation "Reading level"',
        '  navigation "On this page"',
        '  form "Check your understanding"',
        '  navigation "Previous and next reading level"',
        "contentinfo",
    ]


def test_every_page_has_one_banner_main_and_contentinfo_and_named_unique_landmarks(page, site_url, page_path):
    page.goto(f"{site_url}/{page_path}")
    outline = landmark_outline(page.locator("body").aria_snapshot())
    top = [line for line in outline if not line.startswith(" ")]
    assert top == ["banner", "main", "contentinfo"]
    nested = [line.strip() for line in outline if line.startswith(" ")]
    assert all(" " in line for line in nested), f"a landmark without a name: {nested}"
    assert [line for line, count in Counter(nested).items() if count > 1] == [], "two landmarks share a name"


def test_aria_snapshot_of_the_banner_and_contentinfo(page, site_url):
    page.goto(f"{site_url}/{TIER}")
    expect(page.get_by_role("banner")).to_match_aria_snapshot("""
      - /children: deep-equal
      - banner:
        - link "Strata Health topics explained at three reading levels":
          - /url: ../../index.html
        - search "Site":
          - text: Search this site
          - searchbox "Search this site"
          - button "Search"
        - navigation "Site":
          - list:
            - listitem:
              - link "Topics":
                - /url: ../../index.html
            - listitem:
              - link "Glossary":
                - /url: ../../glossary.html
            - listitem:
              - link "References":
                - /url: ../../references.html
    """)
    expect(page.get_by_role("contentinfo")).to_match_aria_snapshot("""
      - /children: deep-equal
      - contentinfo:
        - paragraph: This page is educational information, not medical advice. Talk to a doctor or other clinician before you start, stop or change any treatment.
        - paragraph: "Strata: health topics explained at three reading levels. Made with Strata, a generator of accessible learning sites."
    """)  # noqa: E501


def test_aria_snapshot_of_the_tier_switcher_and_pager(page, site_url):
    page.goto(f"{site_url}/{TIER}")
    expect(page.get_by_role("navigation", name="Reading level", exact=True)).to_match_aria_snapshot(f"""
      - /children: deep-equal
      - navigation "Reading level":
        - heading "Reading level" [level=2]
        - list:
          - listitem:
            - 'link "Fundamentals (you are here) Plain language: the essentials, no background needed."':
              - /url: ../../{TOPIC}/fundamentals.html
          - listitem:
            - 'link "Intermediate More detail: how treatments work, for readers who know the basics."':
              - /url: ../../{TOPIC}/intermediate.html
          - listitem:
            - 'link "Academic In depth: mechanisms and evidence, in clinical language."':
              - /url: ../../{TOPIC}/academic.html
    """)
    current = page.get_by_role("navigation", name="Reading level", exact=True).locator("[aria-current=page]")
    expect(current).to_have_count(1)  # aria-current is not in ARIA snapshots
    expect(current).to_have_attribute("href", f"../../{TIER}")
    expect(page.get_by_role("navigation", name="Previous and next reading level")).to_match_aria_snapshot(f"""
      - /children: deep-equal
      - navigation "Previous and next reading level":
        - list:
          - listitem:
            - link "Next level Intermediate":
              - /url: ../../{TOPIC}/intermediate.html
    """)


def test_aria_snapshot_of_an_open_toggletip(page, site_url):
    page.goto(f"{site_url}/{TIER}")
    term = page.locator("main a.term").first
    expect(term).to_match_aria_snapshot("""
      - /children: deep-equal
      - link "testosterone replacement therapy":
        - /url: ../../glossary.html#testosterone-replacement-therapy
    """)
    term.focus()
    tip = page.locator(".term-tip")
    expect(tip).to_be_visible()
    expect(term).to_match_aria_snapshot("""
      - /children: deep-equal
      - link "testosterone replacement therapy" [expanded]:
        - /url: ../../glossary.html#testosterone-replacement-therapy
    """)
    expect(term).to_have_accessible_description(
        "Testosterone Replacement Therapy (TRT) is a medical treatment for individuals with clinical hypogonadism.")
    expect(tip).to_match_aria_snapshot(f"""
      - /children: deep-equal
      - text: Testosterone Replacement Therapy (TRT) is a medical treatment for individuals with clinical hypogonadism.
      - 'link "Glossary entry : testosterone replacement therapy"':
        - /url: {site_url}/glossary.html#testosterone-replacement-therapy
    """)
    page.keyboard.press("Escape")
    expect(term).to_match_aria_snapshot("""
      - /children: deep-equal
      - link "testosterone replacement therapy":
        - /url: ../../glossary.html#testosterone-replacement-therapy
    """)
