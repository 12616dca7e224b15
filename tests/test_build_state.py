"""One build, one state: a Pelican object that runs many builds (``pelican -r``, ``invoke livereload``)
reports each error once, in the build that found it, and publishes the fix in the next build."""

from __future__ import annotations

import shutil

import pytest
from pelican import Pelican
from pelican.settings import read_settings

from strata.errors import BuildFailed
from tests.support.site import ROOT, TINY_TOPIC, write_files

GLOSSARY = "- term: HPG axis\n  definition: A hormone pathway.\n"
PAGE = "topics/demo/fundamentals.md"


@pytest.fixture
def site(tmp_path):
    content, theme = tmp_path / "content", tmp_path / "theme"
    write_files(content, {**TINY_TOPIC, "glossary.yaml": GLOSSARY})
    shutil.copytree(ROOT / "theme", theme)
    (tmp_path / "output").mkdir()  # (Pelican's own command does not create it before the plugin writes)
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={
        "PATH": str(content), "OUTPUT_PATH": str(tmp_path / "output"), "THEME": str(theme),
        "PLUGIN_PATHS": [str(ROOT / "plugins")]})
    return Pelican(settings), content, theme, tmp_path / "output"


def set_page(content, text: str) -> None:
    """Write the tiny topic's fundamentals page with ``text`` as its first paragraph."""
    write_files(content, {PAGE: TINY_TOPIC[PAGE].replace("Text of the fundamentals tier.", text)})


def test_an_error_is_reported_once_per_build_and_the_fix_is_published(site):
    pelican, content, _, output = site
    set_page(content, "The [[HPG axle]] matters.")
    for _ in range(2):  # the same error twice: once per build, never accumulated
        with pytest.raises(BuildFailed) as failed:
            pelican.run()
        assert [e.message.split(":")[0] for e in failed.value.errors] == ["[[HPG axle]]"]
    set_page(content, "The [[HPG axle|HPG axis]] matters.")
    pelican.run()
    page = (output / "topics/demo/fundamentals.html").read_text(encoding="utf-8")
    assert ">HPG axle</a> matters." in page


def test_a_glossary_fixed_between_builds_is_used_by_the_next_build(site):
    pelican, content, _, output = site
    (content / "glossary.yaml").write_text("- term: HPG axis\n  definition: ''\n", encoding="utf-8")
    with pytest.raises(BuildFailed) as failed:
        pelican.run()
    assert [e.path.endswith("glossary.yaml") for e in failed.value.errors] == [True]
    (content / "glossary.yaml").write_text(GLOSSARY.replace("A hormone", "The hormone"), encoding="utf-8")
    set_page(content, "The HPG axis matters.")
    pelican.run()
    assert "The hormone pathway." in (output / "topics/demo/fundamentals.html").read_text(encoding="utf-8")


def test_asset_urls_follow_a_changed_theme_file(site):
    pelican, _, theme, output = site
    pelican.run()
    before = (output / "index.html").read_text(encoding="utf-8")
    stylesheet = theme / "components" / "site-header" / "site-header.css"  # in every page's stylesheet bundle
    stylesheet.write_text(stylesheet.read_text(encoding="utf-8") + "\n.site-header { margin: 0; }\n", encoding="utf-8")
    pelican.run()
    after = (output / "index.html").read_text(encoding="utf-8")
    assert "theme/bundles/home." in before
    assert before != after, "the stylesheet's hashed URL changed with the file"
