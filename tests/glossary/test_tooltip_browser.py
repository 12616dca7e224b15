"""The glossary toggletip in Chromium: keyboard, pointer, touch, 320 px, no JavaScript, axe (WCAG 2.2 SC 1.4.13)."""

from __future__ import annotations

import pytest

from tests.support.browser import run_axe
from tests.support.sites import FIXTURE_TIER_PAGE

pytestmark = pytest.mark.browser

TIER = FIXTURE_TIER_PAGE
TIP = ".term-tip"


def open_tier(page, fixture_url, *, width=1280, height=800, scheme="light"):
    page.set_viewport_size({"width": width, "height": height})
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{fixture_url}/{TIER}")


def first_term(page):
    term = page.locator(".prose a.term").first
    term.evaluate("el => el.scrollIntoView({block: 'center'})")
    return term


def tip_text(page) -> str:
    return page.locator(TIP).inner_text()


def definition_of(page, term) -> str:
    return page.evaluate("id => document.getElementById(id).textContent", term.get_attribute("aria-describedby"))


def tab_to(page, term) -> None:
    """Press Tab until ``term`` has focus (it is reached by the keyboard, in reading order)."""
    term_id = term.get_attribute("id")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.id") == term_id:
            return
    pytest.fail(f"Tab never reached #{term_id}")


def test_tab_reaches_a_term_and_opens_its_definition(page, fixture_url):
    open_tier(page, fixture_url)
    term = first_term(page)
    assert page.locator(TIP).count() == 0 or not page.locator(TIP).is_visible()
    tab_to(page, term)
    assert page.locator(TIP).is_visible()
    assert definition_of(page, term) in tip_text(page)
    assert term.get_attribute("aria-expanded") == "true"
    # Still announced as a link with its own words as its name, described by the definition.
    assert page.evaluate("""id => { const a = document.getElementById(id);
        return [a.tagName, a.getAttribute('role'), a.hasAttribute('href'), a.textContent.trim().length > 0]; }""",
                         term.get_attribute("id")) == ["A", None, True, True]


def test_escape_closes_and_focus_stays_on_the_term(page, fixture_url):
    open_tier(page, fixture_url)
    term = first_term(page)
    tab_to(page, term)
    assert page.locator(TIP).is_visible()
    page.keyboard.press("Escape")
    assert not page.locator(TIP).is_visible()
    assert page.evaluate("() => document.activeElement.id") == term.get_attribute("id")
    assert term.get_attribute("aria-expanded") == "false"


def test_escape_from_inside_the_popup_returns_to_the_term(page, fixture_url):
    open_tier(page, fixture_url)
    term = first_term(page)
    tab_to(page, term)
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.className") == "term-tip__link"
    assert page.locator(TIP).is_visible(), "tabbing into the popup keeps it open"
    page.keyboard.press("Escape")
    assert not page.locator(TIP).is_visible()
    assert page.evaluate("() => document.activeElement.id") == term.get_attribute("id")


def test_hover_opens_and_the_popup_is_hoverable_and_persistent(page, fixture_url):
    """The page's timers run on Playwright's clock, so the grace period is stepped through, never raced."""
    page.clock.install()
    open_tier(page, fixture_url)
    term = first_term(page)
    term.hover()
    popup = page.locator(TIP)
    assert popup.is_visible()
    box, below = popup.bounding_box(), term.bounding_box()
    # Across the small gap between term and popup (a grace period covers it), then onto the popup.
    assert box["y"] >= below["y"] + below["height"], "placed below the term when there is room"
    gap_y = (below["y"] + below["height"] + box["y"]) / 2
    page.mouse.move(box["x"] + 10, gap_y)
    page.clock.run_for(100)
    assert popup.is_visible(), "the pointer is crossing the gap: still open"
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=3)
    page.clock.run_for(5000)
    assert popup.is_visible(), "the pointer rests on the popup: it stays open"
    assert definition_of(page, term) in tip_text(page), "still the same term's definition"
    assert term.get_attribute("aria-expanded") == "true"
    page.mouse.move(5, 5)  # pointer out: hidden after a short grace, not at once
    page.clock.run_for(100)
    assert popup.is_visible(), "still open during the grace period"
    page.clock.run_for(900)
    assert not popup.is_visible()


def test_the_popup_never_covers_the_term(page, fixture_url):
    open_tier(page, fixture_url)
    for index in range(3):
        term = page.locator(".prose a.term").nth(index)
        term.scroll_into_view_if_needed()
        term.hover()
        popup, rects = page.locator(TIP).bounding_box(), page.evaluate(
            "el => [...el.getClientRects()].map(r => [r.left, r.top, r.right, r.bottom])", term.element_handle())
        for left, top, right, bottom in rects:
            overlaps = (left < popup["x"] + popup["width"] and popup["x"] < right
                        and top < popup["y"] + popup["height"] and popup["y"] < bottom)
            assert not overlaps, (index, popup, rects)


def test_click_toggles_and_the_link_inside_reaches_the_glossary(page, fixture_url):
    open_tier(page, fixture_url)
    term = first_term(page)
    term.click()
    assert page.locator(TIP).is_visible()
    assert page.url.endswith(TIER), "the first click opens the definition; it does not navigate"
    term.click()
    assert not page.locator(TIP).is_visible()
    term.click()
    slug = term.get_attribute("href").split("#")[1]
    page.locator(f"{TIP} a.term-tip__link").click()
    page.wait_for_url(f"**/glossary.html#{slug}")
    assert page.evaluate("() => location.hash") == f"#{slug}"


def test_only_one_popup_is_open_at_a_time(page, fixture_url):
    open_tier(page, fixture_url)
    first, second = page.locator(".prose a.term").nth(0), page.locator(".prose a.term").nth(1)
    first.click()
    second.click()
    assert page.locator(f"{TIP}:visible").count() == 1
    assert definition_of(page, second) in tip_text(page)
    assert first.get_attribute("aria-expanded") == "false"


def test_tap_toggles_on_a_touch_screen(browser, fixture_url):
    context = browser.new_context(has_touch=True, is_mobile=True, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(f"{fixture_url}/{TIER}")
    term = first_term(page)
    term.tap()
    assert page.locator(TIP).is_visible()
    assert page.url.endswith(TIER)
    term.tap()
    assert not page.locator(TIP).is_visible()
    context.close()


@pytest.mark.parametrize("which", ["first", "middle", "last"])
def test_popup_is_inside_the_viewport_at_320px(page, fixture_url, which):
    open_tier(page, fixture_url, width=320, height=640)
    terms = page.locator(".prose a.term")
    assert terms.count() >= 3
    term = terms.nth({"first": 0, "middle": terms.count() // 2, "last": terms.count() - 1}[which])
    term.scroll_into_view_if_needed()
    term.click()
    box = page.locator(TIP).bounding_box()
    assert box["x"] >= 0
    assert box["y"] >= 0
    assert box["x"] + box["width"] <= 320
    assert box["y"] + box["height"] <= 640
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320


def test_without_javascript_the_term_is_a_link_to_its_glossary_entry(browser, fixture_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{fixture_url}/{TIER}")
    term = page.locator(".prose a.term").first
    name, slug = term.inner_text(), term.get_attribute("href").split("#")[1]
    assert not page.locator(".term-defs").is_visible()
    term.click()
    page.wait_for_url(f"**/glossary.html#{slug}")
    entry = page.locator(f"[id='{slug}']")
    assert entry.is_visible()
    assert name.casefold().rstrip("s") in entry.inner_text().casefold()
    assert page.evaluate("() => document.querySelector(':target').id") == slug
    context.close()


def test_the_offline_file_url_build_links_terms_to_the_glossary(browser, fixture_site):
    """Opened straight from disk (file://), as the offline bundle is: the relative links still resolve."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((fixture_site / TIER).as_uri())
    term = page.locator(".prose a.term").first
    slug = term.get_attribute("href").split("#")[1]
    term.click()
    page.wait_for_url(f"**/glossary.html#{slug}")
    assert page.locator(f"[id='{slug}']").is_visible()
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_with_a_tooltip_open(page, fixture_url, scheme):
    open_tier(page, fixture_url, scheme=scheme)
    term = first_term(page)
    tab_to(page, term)
    assert page.locator(TIP).is_visible()
    assert run_axe(page) == []
    page.keyboard.press("Tab")  # focus inside the popup: its link
    assert page.locator(TIP).is_visible()
    assert run_axe(page) == []
