"""The real article (content/): its tier pages, with their quizzes before and after a wrong and a right
submission, in light and dark, have no axe violation. The product's pages and states are checked on the
fixture site by the matrix (test_matrix.py); this is the shipped content's own check."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.support.browser import AAA_RULES, run_axe
from tests.support.checks import config_of
from tests.support.quiz import answer
from tests.support.sites import REAL

pytestmark = pytest.mark.browser

TIER_PAGES = sorted(page for page in REAL.pages() if REAL.template(page) == "tier")


def test_every_tier_of_the_real_article_is_checked():
    assert len(TIER_PAGES) == len(config_of(REAL).tiers)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", TIER_PAGES)
def test_axe_finds_nothing_before_after_a_wrong_and_after_a_right_submission(warm_page, site_url, path, scheme):
    page = warm_page
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{site_url}/{path}")
    assert run_axe(page, extra_rules=AAA_RULES) == []
    page.get_by_role("button", name="Check answers").click()  # the error summary
    assert run_axe(page, extra_rules=AAA_RULES) == []
    answer(page, wrong={1, 2, 3})
    page.get_by_role("button", name="Check answers").click()
    expect(page.locator(".quiz__score")).to_contain_text("of")
    assert run_axe(page, extra_rules=AAA_RULES) == []
    page.get_by_role("button", name="Try again").click()
    answer(page)
    page.get_by_role("button", name="Check answers").click()
    expect(page.locator(".quiz__score")).to_have_text(re.compile(r"^(\d+) of \1 correct$"))
    assert run_axe(page, extra_rules=AAA_RULES) == []
