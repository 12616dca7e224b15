"""The HTML reading report in Chromium: no axe-core violation (WCAG A/AA, best practice, AAA contrast), light and
dark, at 320 and 1280 px, and usable by its headings."""

from __future__ import annotations

import pytest

from strata.report.analysis import analyse
from strata.report.content import read_site
from strata.report.html import write_html
from tests.readability.sites import hard_site
from tests.support.browser import AAA_RULES, run_axe, serve
from tests.support.site import ROOT, write_files

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def report_url(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    write_files(folder / "content", hard_site())
    site = read_site(str(ROOT / "pelicanconf.py"), str(folder / "content"))
    write_html(analyse(site), str(folder / "dist" / "reading-report.html"), strict=True)
    with serve(folder / "dist") as url:
        yield f"{url}/reading-report.html"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [320, 1280])
def test_the_report_page_passes_axe(page, report_url, scheme, width):
    page.emulate_media(color_scheme=scheme)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(report_url)
    assert run_axe(page, extra_rules=AAA_RULES) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # no sideways scrolling


def test_the_report_is_organised_by_headings(page, report_url):
    page.goto(report_url)
    headings = page.locator("h1, h2, h3").all_inner_texts()
    assert headings[:2] == ["Reading report", "To look at first"]
    assert "Second <b>topic</b>" in headings
    assert any(h.startswith("Fundamentals: SMOG") and "above the target of grade 8" in h for h in headings)
    assert page.get_by_role("table", name="Rare words in Fundamentals without a glossary entry").count() == 2
