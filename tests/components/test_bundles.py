"""Bundling: one stylesheet and one script per page type, declared in theme/bundles.yaml, hashed by content."""

from __future__ import annotations

import re
import shutil

import pytest
from bs4 import BeautifulSoup

from strata.components import ThemeBundles, compact_css, compact_js, make_bundles, read_page_types
from strata.errors import StrataError
from tests.support.site import ROOT

THEME = ROOT / "theme"


def test_css_compaction_keeps_strings_selectors_and_values():
    source = """/* a comment with a quote: it's */
.a > :first-child ,  .b :focus-visible {
  content: "★  /* not a comment */ ";
  margin: 0 calc(100% - 1rem);
}
@media (forced-colors: active) { .c { color: CanvasText; } }
"""
    assert compact_css(source) == ('.a>:first-child,.b :focus-visible{content:"★  /* not a comment */ ";'
                                   'margin:0 calc(100% - 1rem);}@media (forced-colors:active){.c{color:CanvasText;}}')


def test_js_compaction_keeps_lines_and_drops_only_comments_and_indentation():
    source = '/* What this does. */\n(function () {\n  // a note\n  var a = "x // y";\n\n  return a;\n})();\n'
    assert compact_js(source) == '(function () {\nvar a = "x // y";\nreturn a;\n})();'


def test_each_page_type_joins_core_then_its_components_in_order():
    bundles = make_bundles(str(THEME))
    types = read_page_types(str(THEME))
    assert {"home", "topic", "tier", "glossary", "references", "search", "404"} <= set(types)
    tier_css = bundles["tier", "css"].text
    origins = [line[3:-3] for line in tier_css.splitlines() if line.startswith("/* ")]
    assert origins[:2] == ["core/tokens.css", "core/base.css"]
    assert [o.split("/")[1] for o in origins[2:]] == [name for name in types["tier"]
                                                      if (THEME / "components" / name / f"{name}.css").exists()]
    assert "@media print" in tier_css
    tier_js = bundles["tier", "js"].text
    assert tier_js.startswith("/* core/loader.js */")
    assert 'Strata.register("quiz"' in tier_js
    assert 'Strata.register("toggletip"' in tier_js
    assert ("home", "js") not in bundles  # no component of the home page has behaviour: no script at all


def test_the_hash_follows_the_content(tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(THEME, theme)
    bundles = ThemeBundles(str(theme), "theme")
    before = bundles.url("tier", "css")
    assert re.fullmatch(r"theme/bundles/tier\.[0-9a-f]{10}\.css", before)
    assert bundles.url("home", "css") != before
    (theme / "components/toc/toc.css").write_text(".toc { color: red; }", encoding="utf-8")
    assert bundles.url("tier", "css") == before  # until the next build
    bundles.refresh()
    after = bundles.url("tier", "css")
    assert after != before
    assert bundles.url("glossary", "css") == ThemeBundles(str(THEME), "theme").url("glossary", "css")


def test_writing_replaces_the_bundles_of_an_earlier_build(tmp_path):
    stale = tmp_path / "theme/bundles/tier.0000000000.css"
    stale.parent.mkdir(parents=True)
    stale.write_text("old", encoding="utf-8")
    bundles = ThemeBundles(str(THEME), "theme")
    bundles.write(str(tmp_path))
    written = sorted(p.name for p in stale.parent.iterdir())
    assert written == sorted(b.name for b in bundles.bundles.values())
    assert (tmp_path / bundles.url("tier", "css")).read_text(encoding="utf-8") == bundles.bundles["tier", "css"].text


def test_an_unknown_page_type_names_the_known_ones():
    with pytest.raises(ValueError, match=r"page type 'tiers' is not in bundles\.yaml; set page_type to one of: 404"):
        ThemeBundles(str(THEME), "theme").url("tiers", "css")


@pytest.mark.parametrize(("manifest", "line", "words"), [
    ("every-page: [site-header]\npage-types:\n  tier: [toc, tocs]\n", 3, "names 'tocs', which is not a folder"),
    ("every-page: [site-header]\npages:\n  tier: [toc]\n", 2, "unknown key 'pages'"),
    ("every-page: site-header\npage-types:\n  tier: [toc]\n", 1, "every-page is a list of component names"),
])
def test_a_mistake_in_bundles_yaml_stops_at_its_line(tmp_path, manifest, line, words):
    theme = tmp_path / "theme"
    shutil.copytree(THEME / "components", theme / "components")
    (theme / "bundles.yaml").write_text(manifest, encoding="utf-8")
    with pytest.raises(StrataError) as caught:
        read_page_types(str(theme))
    assert (caught.value.path, caught.value.line) == (str(theme / "bundles.yaml"), line)
    assert words in caught.value.message


# The fixture site -------------------------------------------------------------------------------------------------

# Until search is a component (theme/components/search/), search.html also links these theme files.
SEARCH_PAGE_FILES: set[str] = set()


def test_every_page_requests_one_stylesheet_at_most_one_script_and_its_icon(fixture_site, page_path):
    document = BeautifulSoup((fixture_site / page_path).read_text(encoding="utf-8"), "html.parser")
    icons = document.select('link[rel="icon"]')
    assert [(i["type"], i["href"].split("?")[0].rsplit("/", 1)[-1]) for i in icons] == [("image/svg+xml", "icon.svg")]
    own = [link["href"] for link in document.select('link[rel="stylesheet"]')]
    own += [script["src"] for script in document.select("script[src]:not([data-search-index])")]
    bundled = [url for url in own if "/theme/bundles/" in url]
    others = {url.split("?")[0].lstrip("./") for url in own if url not in bundled}
    assert others == (SEARCH_PAGE_FILES if page_path == "search.html" else set())
    assert 1 <= len(bundled) <= 2
    assert bundled[0].endswith(".css")
    assert all(((fixture_site / page_path).parent / url).is_file() for url in bundled)
