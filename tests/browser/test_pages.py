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


# For a tab stop created by a script after load (e.g. a toggletip's link): its unfocused style is read
# from an unfocused clone placed beside it.
ADD_NEW_FOCUSED = """() => {
    const addNew = (el, signature) => {
        if (!el.matches('a[href], button, input, select, textarea, summary, [tabindex]')) return null;
        const clone = el.cloneNode(true);
        clone.removeAttribute('id');
        el.after(clone);
        const style = signature(clone);
        clone.remove();
        window.__strata_focusables.push(el);
        return style;
    };"""


def test_every_focusable_element_shows_focus_and_tab_reaches_the_end(page, site_url, page_path):
    """Tab visits every visible tab stop (one per radio group, as browsers do), each with a visible
    change of style, and then leaves the page: nothing traps focus. Tab stops that appear on the way
    (e.g. the link inside an open glossary toggletip) are checked too."""
    open_page(page, site_url, page_path)
    visible = page.evaluate("""() => {
        const radioStop = el => el.type !== 'radio' || el === (el.form.querySelector(
          `input[name="${el.name}"]:checked`) || el.form.querySelector(`input[name="${el.name}"]`));
        window.__strata_focusables = [...document.querySelectorAll('a[href], button, input, select, textarea, '
          + 'summary, [tabindex]:not([tabindex="-1"])')].filter(radioStop);
        return window.__strata_focusables.map((el, i) => el.checkVisibility({visibilityProperty: true}) ? i : -1)
          .filter(i => i >= 0); }""")
    unfocused = page.evaluate(f"() => window.__strata_focusables.map({SIGNATURE})")
    assert len(visible) > 3
    seen = []
    for _ in range(2 * len(unfocused) + 5):
        page.keyboard.press("Tab")
        index, focused_signature, added_unfocused = page.evaluate(ADD_NEW_FOCUSED + f"""
            const el = document.activeElement, list = window.__strata_focusables;
            if (el === document.body) return [-2, '', null];
            const added = list.includes(el) ? null : addNew(el, {SIGNATURE});
            return [list.indexOf(el), ({SIGNATURE})(el), added]; }}""")
        if index == -2 or (seen and index == seen[0]):
            break
        assert index >= 0, "focus reached an element that is not a link or form control"
        if added_unfocused is not None:
            unfocused.append(added_unfocused)
        assert focused_signature != unfocused[index], f"no visible focus style on element {index}"
        seen.append(index)
    else:
        pytest.fail("Tab never left the page: focus is trapped")
    assert sorted(set(visible) - set(seen)) == [], "visible tab stops that Tab never reached"


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
