"""HTML validity: the Nu Html Checker reports no error on any page, as built and after its scripts ran.

Java and vnu.jar are required: when they are missing the test fails and says what
to install (it never skips silently).
"""

from __future__ import annotations

import pytest

from tests.support.browser import serve
from tests.support.validator import ValidatorMissing, ensure_validator, validate


@pytest.fixture(scope="module")
def validator():
    try:
        return ensure_validator()
    except ValidatorMissing as missing:
        pytest.fail(str(missing))


def test_built_pages_are_valid_html(validator, fixture_site, site):
    """Every page of the fixture site and of the real site, in one run of the checker."""
    pages = sorted(fixture_site.rglob("*.html")) + sorted(site.rglob("*.html"))
    assert len(pages) >= 16
    assert validate(pages) == []


@pytest.mark.browser
def test_pages_are_valid_after_their_scripts_ran(validator, fixture_site, page, tmp_path):
    rendered = []
    with serve(fixture_site) as url:
        for path in sorted(fixture_site.rglob("*.html")):
            relative = path.relative_to(fixture_site).as_posix()
            page.goto(f"{url}/{relative}")
            page.wait_for_load_state("load")
            target = tmp_path / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text("<!DOCTYPE html>\n" + page.evaluate("() => document.documentElement.outerHTML"),
                              encoding="utf-8")
            rendered.append(target)
    assert validate(rendered) == []
