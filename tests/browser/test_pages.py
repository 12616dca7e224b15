"""Every built page in a real Chromium: clean load, axe-core, skip link, focus, reflow."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from tests.support.browser import run_axe

pytestmark = pytest.mark.browser

SIGNATURE = """el => { const s = getComputedStyle(el);
  return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor, s.color,
          s.textDecorationLine].join('|'); }"""


def open_page(page, site_url, page_path, *, width=1280, scheme="light"):
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{site_url}/{page_path}")


def test_page_loads_without_errors_or_outside_requests(page, site_url, page_path):
    errors, outside = [], []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    host = urlparse(site_url).netloc

    def guard(route):
        if urlparse(route.request.url).netloc != host:
            outside.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    page.route("**/*", guard)
    failed = []
    page.on("requestfailed", lambda r: failed.append(r.url))
    open_page(page, site_url, page_path)
    page.wait_for_load_state("networkidle")
    assert errors == []
    assert outside == []
    assert failed == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [320, 1280])
def test_axe_finds_no_violations(page, site_url, page_path, scheme, width):
    open_page(page, site_url, page_path, width=width, scheme=scheme)
    assert run_axe(page) == []


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page, site_url, page_path):
    open_page(page, site_url, page_path)
    page.keyboard.press("Tab")
    focused = page.evaluate("() => [document.activeElement.className, document.activeElement.textContent]")
    assert focused == ["skip-link", "Skip to main content"]
    assert page.evaluate("() => document.activeElement.getBoundingClientRect().top") >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"


def test_every_focusable_element_shows_focus_and_tab_reaches_the_end(page, site_url, page_path):
    open_page(page, site_url, page_path)
    count = page.evaluate("""() => {
        window.__strata_focusables = [...document.querySelectorAll('a[href], button, input, select, textarea, '
          + 'summary, [tabindex]:not([tabindex="-1"])')].filter(el => el.getClientRects().length);
        return window.__strata_focusables.length; }""")
    unfocused = page.evaluate(f"() => window.__strata_focusables.map({SIGNATURE})")
    assert count > 3
    seen = []
    for _ in range(count):
        page.keyboard.press("Tab")
        index, focused_signature = page.evaluate(
            f"() => [window.__strata_focusables.indexOf(document.activeElement),"
            f" ({SIGNATURE})(document.activeElement)]")
        assert index >= 0, "focus left the page's focusable elements before visiting them all"
        assert focused_signature != unfocused[index], f"no visible focus style on element {index}"
        seen.append(index)
    assert sorted(seen) == list(range(count)), "each element is visited once, none is trapped"


def test_no_horizontal_scroll_at_320_px(page, site_url, page_path):
    open_page(page, site_url, page_path, width=320)
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0


def test_axe_harness_reports_a_real_violation(page, site_url):
    """Guard against a silently broken harness: a known violation must be reported."""
    open_page(page, site_url, "index.html")
    page.evaluate("() => { const img = document.createElement('img'); img.src = 'x.png';"
                  " document.querySelector('main').append(img); }")
    assert "image-alt" in [v["id"] for v in run_axe(page)]
