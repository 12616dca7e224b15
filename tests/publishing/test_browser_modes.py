"""The site in Chromium, both as the offline bundle from file:// and as the web build over http://.

Every request that leaves the site is aborted and counted; console errors, failed
requests and Content-Security-Policy violations are collected on every page.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from tests.support.browser import serve
from tests.support.quiz import answer, answer_key

pytestmark = pytest.mark.browser

TOPIC = "topics/post-trt-testicular-restoration"
TIER_SENTENCES = {
    "fundamentals": "a small but mighty organ situated at the base of the brain",
    "intermediate": "continuous GnRH exposure can paradoxically lead to pituitary desensitization",
    "academic": "testicular memory",
}
WATCH_CSP = """document.addEventListener('securitypolicyviolation', e => {
  (window.__csp = window.__csp || []).push(e.violatedDirective + ' ' + e.blockedURI); });"""


class Watch:
    """What went wrong while a page was open."""

    def __init__(self, page, site_root: str):
        self.page, self.outside, self.errors, self.failed = page, [], [], []
        root = urlparse(site_root)
        page.add_init_script(WATCH_CSP)
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        # Chromium fetches the icon after "load": the next page.goto may abort it, which is not the page's fault.
        page.on("requestfailed", lambda r: (r.failure == "net::ERR_ABORTED" and "/icon.svg" in r.url)
                or self.failed.append(r.url))

        def guard(route):
            url = urlparse(route.request.url)
            if (url.scheme, url.netloc) != (root.scheme, root.netloc):
                self.outside.append(route.request.url)
                route.abort()
            else:
                route.continue_()

        page.route(re.compile(r"^(?:https?|wss?|ftp):"), guard)

    def problems(self) -> dict:
        csp = self.page.evaluate("() => window.__csp || []")
        return {"outside": self.outside, "errors": self.errors, "failed": self.failed, "csp": csp}


@pytest.fixture(params=["offline", "web"])
def site_root(request, offline_site, site):
    """Base URL of the offline bundle (file://) or of the local-settings build served over http://."""
    if request.param == "offline":
        yield offline_site.as_uri()
    else:
        with serve(site) as url:
            yield url


@pytest.fixture
def watched(page, site_root):
    return Watch(page, site_root)


def pages_of(root_folder):
    return sorted(p.relative_to(root_folder).as_posix() for p in root_folder.rglob("*.html"))


def test_every_page_loads_cleanly(page, watched, site_root, offline_site):
    clean = {"outside": [], "errors": [], "failed": [], "csp": []}
    for name in pages_of(offline_site):
        page.goto(f"{site_root}/{name}")
        page.wait_for_load_state("load")
        assert watched.problems() == clean, name


def test_navigation_through_switcher_pager_and_toc(page, watched, site_root):
    page.goto(f"{site_root}/index.html")
    page.get_by_role("link", name="Fundamentals").first.click()
    assert page.url.endswith(f"{TOPIC}/fundamentals.html")
    page.get_by_role("navigation", name="Reading level").get_by_role("link", name=re.compile("^Academic")).click()
    assert page.url.endswith(f"{TOPIC}/academic.html")
    page.get_by_role("navigation", name="On this page").get_by_role("link").first.click()
    assert re.search(r"academic\.html#[a-z-]+$", page.url)
    page.get_by_role("link", name=re.compile("Previous level")).click()
    assert page.url.endswith(f"{TOPIC}/intermediate.html")
    page.get_by_role("link", name="Glossary", exact=True).click()
    assert page.url.endswith("glossary.html")
    assert watched.problems()["errors"] == []


def result_urls(page) -> list[str]:
    return page.locator("#search-results a").evaluate_all("links => links.map(a => a.href)")


def test_header_search_finds_a_glossary_term(page, watched, site_root):
    page.goto(f"{site_root}/{TOPIC}/fundamentals.html")
    page.get_by_role("searchbox", name="Search this site").fill("Sertoli cells")
    page.get_by_role("searchbox", name="Search this site").press("Enter")
    page.wait_for_url(re.compile(r"search\.html\?q=Sertoli"))
    expect(page.locator("#search-status")).to_have_text(re.compile(r"^\d+ results? for “Sertoli cells”"))
    assert any(url.endswith("glossary.html#sertoli-cells") for url in result_urls(page))
    assert page.locator("#search-results mark").first.inner_text().lower() == "sertoli"
    assert watched.problems()["csp"] == []


@pytest.mark.parametrize(("tier", "sentence"), TIER_SENTENCES.items())
def test_search_finds_a_sentence_of_each_tier(page, watched, site_root, tier, sentence):
    page.goto(f"{site_root}/search.html")
    page.get_by_role("searchbox", name=re.compile("Search every topic")).fill(sentence)
    page.get_by_role("button", name="Search").click()
    expect(page.locator("#search-status")).to_contain_text("result")
    first = result_urls(page)[0]
    assert f"{TOPIC}/{tier}.html" in first
    page.locator("#search-results a").first.click()
    assert sentence.split()[-1] in page.locator("main").inner_text()
    assert watched.problems()["errors"] == []


def test_search_page_without_javascript_points_to_glossary_and_tiers(browser, site_root):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_root}/search.html?q=testosterone")
    message = page.locator("[data-search-nojs]")
    assert message.is_visible()
    assert "Search needs JavaScript" in message.inner_text()
    assert message.get_by_role("link", name="the glossary").is_visible()
    assert message.get_by_role("link", name="Academic").count() == 1
    context.close()


def test_glossary_toggletip_opens_with_its_definition(page, watched, site_root):
    page.goto(f"{site_root}/{TOPIC}/fundamentals.html")
    term = page.locator("main a.term").first
    definition = page.locator(f"#{term.get_attribute('aria-describedby')}").text_content()
    term.focus()
    tip = page.locator(".term-tip")
    expect(tip).to_be_visible()
    expect(tip).to_contain_text(definition.strip())
    page.keyboard.press("Escape")
    expect(tip).to_be_hidden()
    assert watched.problems() == {"outside": [], "errors": [], "failed": [], "csp": []}


def test_quiz_scores_and_its_state_survives_a_reload(page, watched, site_root):
    page.goto(f"{site_root}/{TOPIC}/intermediate.html")
    answer(page, wrong={2})
    page.get_by_role("button", name="Check answers").click()
    total = len(answer_key(page))
    expect(page.locator("form.quiz [role=status]")).to_have_text(f"{total - 1} of {total} correct")
    checked = page.locator("form.quiz input:checked")
    before = checked.evaluate_all("inputs => inputs.map(i => i.id)")
    page.reload()
    expect(page.locator(".quiz__saved")).to_contain_text(f"Last score: {total - 1} of {total} correct")
    assert checked.evaluate_all("inputs => inputs.map(i => i.id)") == before
    page.get_by_role("button", name="Clear my answers").click()
    expect(checked).to_have_count(0)
    assert watched.problems() == {"outside": [], "errors": [], "failed": [], "csp": []}


def test_print_shows_the_content_without_navigation(page, site_root):
    page.goto(f"{site_root}/{TOPIC}/academic.html")
    page.emulate_media(media="print")
    for chrome in ("header.site-header", "nav.tier-switcher", "nav.toc", "nav.pager"):
        expect(page.locator(chrome)).to_be_hidden()
    expect(page.locator("main .prose")).to_be_visible()
    expect(page.locator("main table").first).to_be_visible()
