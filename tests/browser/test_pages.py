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


def open_page(page, fixture_url, page_path, *, width=1280, scheme="light"):
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{fixture_url}/{page_path}")


def test_page_loads_without_errors_or_outside_requests(page, fixture_url, page_path):
    errors, outside = [], []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    host = urlparse(fixture_url).netloc

    def guard(route):
        if urlparse(route.request.url).netloc != host:
            outside.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    page.route("**/*", guard)
    failed = []
    page.on("requestfailed", lambda r: failed.append(r.url))
    open_page(page, fixture_url, page_path)
    page.wait_for_load_state("networkidle")
    assert errors == []
    assert outside == []
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
