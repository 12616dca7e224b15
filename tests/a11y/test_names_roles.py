"""Names and roles: ARIA snapshots (strict, deep-equal) of the landmarks, the tier switcher and an open
toggletip; every page's landmark outline. (A quiz question is pinned in tests/quiz/test_quiz_browser.py.)

They run on the fixture site, and the names they expect come from its settings and data (site name and
tagline, tier labels and descriptions, the disclaimer, the glossary), never from copied literals."""

from __future__ import annotations

import json
from collections import Counter

import pytest
import yaml
from playwright.sync_api import expect

from strata.glossary.terms import load_glossary
from tests.support.checks import config_of
from tests.support.sites import FIXTURE, FIXTURE_TIER_PAGE

pytestmark = pytest.mark.browser

TIER = FIXTURE_TIER_PAGE
TOPIC = TIER.rsplit("/", 1)[0]
SETTINGS, CONFIG = FIXTURE.settings, config_of(FIXTURE)
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


def test_landmarks_of_a_tier_page(page, fixture_url):
    page.goto(f"{fixture_url}/{TIER}")
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


def test_every_page_has_one_banner_main_and_contentinfo_and_named_unique_landmarks(page, fixture_url, page_path):
    page.goto(f"{fixture_url}/{page_path}")
    outline = landmark_outline(page.locator("body").aria_snapshot())
    top = [line for line in outline if not line.startswith(" ")]
    assert top == ["banner", "main", "contentinfo"]
    nested = [line.strip() for line in outline if line.startswith(" ")]
    assert all(" " in line for line in nested), f"a landmark without a name: {nested}"
    assert [line for line, count in Counter(nested).items() if count > 1] == [], "two landmarks share a name"


def test_aria_snapshot_of_the_banner_and_contentinfo(page, fixture_url):
    page.goto(f"{fixture_url}/{TIER}")
    expect(page.get_by_role("banner")).to_match_aria_snapshot(f"""
      - /children: deep-equal
      - banner:
        - link {json.dumps(SETTINGS["SITENAME"] + " " + SETTINGS["SITE_TAGLINE"])}:
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
    credit = f"{SETTINGS['SITENAME']}: {SETTINGS['SITE_TAGLINE'].lower()}. Made with Strata"
    expect(page.get_by_role("contentinfo")).to_match_aria_snapshot(f"""
      - /children: deep-equal
      - contentinfo:
        - paragraph: {json.dumps(CONFIG.disclaimer)}
        - paragraph: {json.dumps(credit + ", a generator of accessible learning sites.")}
    """)


def quoted(key: str) -> str:
    """An ARIA snapshot key as a YAML single-quoted string (a name may hold ': ')."""
    return "'" + key.replace("'", "''") + "'"


def switcher_items() -> str:
    """The tier switcher's list items as ARIA snapshot lines, from the configured tiers."""
    lines = []
    for tier in CONFIG.tiers:
        here = " (you are here)" if TIER.endswith(f"/{tier.id}.html") else ""
        name = json.dumps(f"{tier.label}{here} {tier.description}")
        lines += ["          - listitem:",
                  f"            - {quoted(f'link {name}')}:",
                  f"              - /url: ../../{TOPIC}/{tier.id}.html"]
    return "\n".join(lines)


def test_aria_snapshot_of_the_tier_switcher_and_pager(page, fixture_url):
    page.goto(f"{fixture_url}/{TIER}")
    expect(page.get_by_role("navigation", name="Reading level", exact=True)).to_match_aria_snapshot(f"""
      - /children: deep-equal
      - navigation "Reading level":
        - heading "Reading level" [level=2]
        - list:
{switcher_items()}
    """)
    current = page.get_by_role("navigation", name="Reading level", exact=True).locator("[aria-current=page]")
    expect(current).to_have_count(1)  # aria-current is not in ARIA snapshots
    expect(current).to_have_attribute("href", f"../../{TIER}")
    following = CONFIG.tiers[1]
    expect(page.get_by_role("navigation", name="Previous and next reading level")).to_match_aria_snapshot(f"""
      - /children: deep-equal
      - navigation "Previous and next reading level":
        - list:
          - listitem:
            - link "Next level {following.label}":
              - /url: ../../{TOPIC}/{following.id}.html
    """)


def test_aria_snapshot_of_an_open_toggletip(page, fixture_url):
    page.goto(f"{fixture_url}/{TIER}")
    term = page.locator("main a.term").first
    words = term.inner_text()
    entry = next(t for t in load_glossary(str(FIXTURE.content / CONFIG.glossary_file)).terms
                 if words.casefold() in {name.casefold() for name in t.names})
    closed = f"""
      - /children: deep-equal
      - link {json.dumps(words)}:
        - /url: ../../glossary.html#{entry.slug}
    """
    expect(term).to_match_aria_snapshot(closed)
    term.focus()
    tip = page.locator(".term-tip")
    expect(tip).to_be_visible()
    expect(term).to_match_aria_snapshot(f"""
      - /children: deep-equal
      - link {json.dumps(words)} [expanded]:
        - /url: ../../glossary.html#{entry.slug}
    """)
    expect(term).to_have_accessible_description(entry.definition)
    expect(tip).to_match_aria_snapshot(f"""
      - /children: deep-equal
      - text: {json.dumps(entry.definition)}
      - {quoted("link " + json.dumps(f"Glossary entry: {words}"))}:
        - /url: {fixture_url}/glossary.html#{entry.slug}
        - text: Glossary entry
    """)
    page.keyboard.press("Escape")
    expect(term).to_match_aria_snapshot(closed)
