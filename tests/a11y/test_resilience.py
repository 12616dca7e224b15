"""Pages stay usable when things go wrong or readers change the display:
scripts or styles that fail to load, 400% zoom, and WCAG 1.4.12 text spacing."""

from __future__ import annotations

import re

import pytest

from tests.support.checks import config_of
from tests.support.sites import FIXTURE, FIXTURE_TIER_PAGE, search_word

pytestmark = pytest.mark.browser

TIER = FIXTURE_TIER_PAGE
LAST_TIER = config_of(FIXTURE).tiers[-1]
TEXT_SPACING = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""
CLIPPED = """() => [...document.querySelectorAll('main *, header *, footer *')].filter(el => {
    const s = getComputedStyle(el);
    const clips = ['hidden', 'clip'].includes(s.overflowY) || ['hidden', 'clip'].includes(s.overflowX);
    return clips && el.getClientRects().length && !el.closest('.visually-hidden')
        && (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1);
  }).map(el => el.tagName + '.' + el.className)"""


def horizontal_overflow(page) -> int:
    return page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")


@pytest.mark.parametrize("blocked", ["script", "stylesheet"])
def test_page_usable_when_scripts_or_styles_fail_to_load(page, fixture_url, blocked):
    page.route(re.compile(r".*\.(js|css)(\?.*)?$"),
               lambda route: route.abort() if route.request.resource_type == blocked else route.continue_())
    page.goto(f"{fixture_url}/{TIER}")
    main = page.locator("main")
    first_section = re.search(r"^## (.+)$", FIXTURE.sources()[TIER].read_text(encoding="utf-8"), re.MULTILINE)
    assert first_section.group(1) in main.inner_text()
    term = main.locator("a.term").first
    assert term.get_attribute("href").split("/")[-1].startswith("glossary.html#")
    page.locator("details summary", has_text="Show the answer").first.click()
    assert page.locator("details[open]").first.is_visible()
    switcher = page.get_by_role("navigation", name="Reading level")
    switcher.get_by_role("link", name=re.compile(f"^{LAST_TIER.label}")).click()
    assert page.url.endswith(f"{LAST_TIER.id}.html")


def test_no_horizontal_scroll_at_400_percent_zoom(browser, fixture_url, page_path):
    """A 1280 x 1024 window at 400% is 320 x 256 CSS px: the page never scrolls sideways; a table too wide
    for it scrolls in its own region, which is named and can be scrolled by keyboard (WCAG 1.4.10), and its
    caption, the table's title, wraps within the region's visible width (it was cut mid-word)."""
    context = browser.new_context(viewport={"width": 320, "height": 256}, device_scale_factor=4)
    page = context.new_page()
    query = f"?q={search_word()}" if "search-form" in FIXTURE.features(page_path) else ""
    page.goto(f"{fixture_url}/{page_path}{query}")
    assert page.evaluate("() => window.innerWidth") == 320
    assert horizontal_overflow(page) <= 0
    wide = page.evaluate("""() => [...document.querySelectorAll('table')].map(t => {
        const region = t.closest('.table-scroll');
        const caption = t.caption && t.caption.getBoundingClientRect();
        return {fits: t.getBoundingClientRect().width <= document.documentElement.clientWidth,
                region: !!region && region.scrollWidth > region.clientWidth && region.tabIndex === 0
                        && region.getAttribute('role') === 'region' && !!region.getAttribute('aria-labelledby'),
                caption: !caption || (caption.width <= (region ? region.clientWidth : caption.width) + 1
                                      && t.caption.scrollWidth <= t.caption.clientWidth)}; })""")
    assert [t for t in wide if not t["fits"] and not t["region"]] == []
    assert [t for t in wide if not t["caption"]] == []
    context.close()


@pytest.mark.parametrize("width", [320, 1280])
def test_text_spacing_override_loses_no_content(browser, fixture_url, width):
    # The override is a user style sheet; the page's CSP would block it as an inline style, so bypass it here.
    context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
    page = context.new_page()
    page.goto(f"{fixture_url}/{TIER}")
    page.add_style_tag(content=TEXT_SPACING)
    assert page.evaluate("() => getComputedStyle(document.querySelector('main p')).wordSpacing") != "0px"
    assert page.evaluate(CLIPPED) == []
    assert horizontal_overflow(page) <= 0
    context.close()
