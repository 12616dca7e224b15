"""From file:// (as the offline bundle is opened), a tooltip's link reaches the glossary entry, the entry's link
reaches its uses page, and a backlink there lands on the term in its page; the uses page passes axe."""

from __future__ import annotations

import pytest

from tests.support.browser import run_axe
from tests.support.sites import FIXTURE_TIER_PAGE

pytestmark = pytest.mark.browser


def target_id(page) -> str:
    return page.evaluate("() => document.querySelector(':target').id")


def test_tooltip_glossary_entry_uses_page_and_back_from_file_url(page, fixture_site):
    page.goto((fixture_site / FIXTURE_TIER_PAGE).as_uri())
    term = page.locator(".prose a.term").first
    term.evaluate("el => el.scrollIntoView({block: 'center'})")
    slug = term.get_attribute("href").split("#")[1]
    term.click()
    page.locator(".term-tip a.term-tip__link").click()
    page.wait_for_url(f"**/glossary.html#{slug}")
    assert target_id(page) == slug

    where = page.locator(f"[id='{slug}'] .glossary__where a")
    assert where.inner_text().startswith("Where “")
    where.click()
    page.wait_for_url(f"**/glossary/uses-*.html#uses-{slug}")
    assert page.url.startswith("file://")
    assert target_id(page) == f"uses-{slug}"
    assert run_axe(page) == []

    section = page.locator(f"section[aria-labelledby='uses-{slug}']")
    backlink = section.locator(".glossary-uses a").first
    fragment = backlink.get_attribute("href").split("#")[1]
    backlink.click()
    page.wait_for_url(f"**/*.html#{fragment}")
    assert target_id(page) == fragment
    assert page.locator(":target").get_attribute("href").endswith(f"glossary.html#{slug}"), "a marked use of it"
