"""Every page of the fixture site in a real Chromium: a clean load with no outside request, the skip link;
and a guard that the axe harness reports a real violation.

axe on every page, state, mode and width is tests/a11y/test_matrix.py; Tab reaching every visible stop
with a visible indicator is tests/a11y/test_keyboard.py; no sideways scroll at 320 CSS px is the 400 %
zoom test in tests/a11y/test_resilience.py (a 320 × 256 CSS px viewport)."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from tests.support.browser import run_axe
from tests.support.sites import FIXTURE

pytestmark = pytest.mark.browser

LATER_MS = 60_000  # how far the page's clock runs after it loads
TWO_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def open_page(page, fixture_url, page_path, *, width=1280, scheme="light"):
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{fixture_url}/{page_path}")


def test_page_loads_without_errors_or_outside_requests(page, fixture_url, page_path):
    """No script error, no failed request, no request to another host (those are aborted, so nothing leaves the
    machine). The page runs on Playwright's clock: what its scripts schedule for their first minute runs at once,
    instead of a wait for the network to fall quiet."""
    errors, requested, failed = [], [], []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requested.append(r.url))
    page.on("requestfailed", lambda r: failed.append(r.url))
    host = urlparse(fixture_url).netloc
    page.route(lambda url: urlparse(url).netloc != host, lambda route: route.abort())
    page.clock.install()
    open_page(page, fixture_url, page_path)
    page.clock.run_for(LATER_MS)
    page.evaluate(TWO_FRAMES)  # the requests those timers made have reached Playwright
    assert errors == []
    assert [url for url in requested if urlparse(url).netloc != host] == []
    assert failed == []


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page, fixture_url, page_path):
    open_page(page, fixture_url, page_path)
    page.keyboard.press("Tab")
    focused = page.evaluate("() => [document.activeElement.className, document.activeElement.textContent]")
    assert focused == ["skip-link", FIXTURE.catalogue(page_path).gettext("Skip to main content")]
    assert page.evaluate("() => document.activeElement.getBoundingClientRect().top") >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"


def test_axe_harness_reports_a_real_violation(page, fixture_url):
    """Guard against a silently broken harness: a known violation must be reported."""
    open_page(page, fixture_url, "index.html")
    page.evaluate("() => { const img = document.createElement('img'); img.src = 'x.png';"
                  " document.querySelector('main').append(img); }")
    assert "image-alt" in [v["id"] for v in run_axe(page)]


IMAGE_BACKDROP = "() => [...document.querySelectorAll('main img')].map(i => getComputedStyle(i).backgroundColor)"


def test_images_stand_on_a_light_backdrop_in_dark_mode(page, fixture_url):
    """A drawing is often black lines on a transparent background, which a dark page would make unreadable; in
    dark mode every image of the text stands on a light backdrop (in light mode, on the page itself)."""
    image_page = next(page for page, source in sorted(FIXTURE.sources().items())
                      if "![" in source.read_text(encoding="utf-8"))
    open_page(page, fixture_url, image_page, scheme="dark")
    dark = page.evaluate(IMAGE_BACKDROP)
    assert dark
    for colour in dark:
        red, green, blue, *alpha = (float(part) for part in colour[colour.index("(") + 1:-1].split(","))
        assert (alpha or [1.0])[0] == 1.0, colour
        assert min(red, green, blue) >= 200, colour
    open_page(page, fixture_url, image_page, scheme="light")
    assert set(page.evaluate(IMAGE_BACKDROP)) == {"rgba(0, 0, 0, 0)"}
