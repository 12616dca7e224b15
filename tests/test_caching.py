"""Pelican's content cache (used by `invoke livereload`) does not change what Strata builds."""

from __future__ import annotations

import shutil

import pytest

from tests.support.site import ROOT, TINY_TOPIC, run_build, write_files


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def cached_settings(tmp_path, extra: str = "", theme=ROOT / "theme", name: str = "cached.py", cache: str = "cache"):
    """Settings reading the real content with Pelican's content cache in ``tmp_path/cache``, plus ``extra`` lines."""
    settings = tmp_path / name
    settings.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
                        f"PATH = {str(ROOT / 'content')!r}\nTHEME = {str(theme)!r}\n"
                        f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\nCACHE_CONTENT = True\n"
                        f"LOAD_CONTENT_CACHE = True\nCACHE_PATH = {str(tmp_path / cache)!r}\n{extra}")
    return settings


def test_warm_cached_build_equals_a_cold_build(tmp_path):
    settings = cached_settings(tmp_path)
    cold = run_build(ROOT / "pelicanconf.py", tmp_path / "cold")
    first = run_build(settings, tmp_path / "first")
    warm = run_build(settings, tmp_path / "warm")
    for result in (cold, first, warm):
        assert result.returncode == 0, result.stderr
    assert any((tmp_path / "cache").iterdir()), "the cache was written"
    assert snapshot(tmp_path / "warm") == snapshot(tmp_path / "cold")
    assert snapshot(tmp_path / "first") == snapshot(tmp_path / "cold")


def test_a_changed_glossary_is_never_served_from_the_cache(tmp_path):
    """The pages' files do not change, the glossary does: the cached build must equal a cold build."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    settings = cached_settings(tmp_path)
    assert run_build(settings, tmp_path / "first", content).returncode == 0
    glossary = content / "glossary.yaml"
    text = glossary.read_text(encoding="utf-8")
    changed = text.replace("definition: ", "definition: Changed. ", 1)
    assert changed != text
    glossary.write_text(changed, encoding="utf-8")
    topic = next((content / "topics").iterdir())
    (topic / "glossary.yaml").write_text("- term: Leydig cells\n  definition: The topic's own view.\n",
                                         encoding="utf-8")
    warm = run_build(settings, tmp_path / "warm", content)
    cold = run_build(ROOT / "pelicanconf.py", tmp_path / "cold", content)
    for result in (warm, cold):
        assert result.returncode == 0, result.stderr
    assert snapshot(tmp_path / "warm") == snapshot(tmp_path / "cold")
    assert b"Changed. " in b"".join(snapshot(tmp_path / "warm").values())
    assert b"The topic&#39;s own view." in (tmp_path / "warm" / topic.relative_to(content) / "academic.html"
                                           ).read_bytes().replace(b"&#x27;", b"&#39;")


def test_a_page_is_read_again_when_its_image_changes_or_goes(tmp_path):
    """The page writes its image's width and height and checks the file exists: a page served from the cache
    kept the old size, and a deleted image passed (a cold build stops at the image's line)."""
    content = tmp_path / "content"
    image = content / "topics/demo/diagram.svg"
    write_files(content, {**TINY_TOPIC, "topics/demo/fundamentals.md": TINY_TOPIC["topics/demo/fundamentals.md"]
                          + "\n        ![A diagram of the loop](diagram.svg)\n"})
    image.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"></svg>\n', encoding="utf-8")
    settings = cached_settings(tmp_path)
    assert run_build(settings, tmp_path / "first", content).returncode == 0
    image.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="120"></svg>\n', encoding="utf-8")
    assert run_build(settings, tmp_path / "warm", content).returncode == 0
    page = (tmp_path / "warm/topics/demo/fundamentals.html").read_text(encoding="utf-8")
    assert 'height="120"' in page
    assert 'width="400"' in page

    image.unlink()
    gone = run_build(settings, tmp_path / "gone", content)
    assert gone.returncode == 1
    assert "fundamentals.md:11: the image file 'diagram.svg' does not exist" in gone.stderr, gone.stderr


SETTINGS_CHANGES = {  # a change of the settings or the theme that changes what the reader makes of a page
    "summary length": "SUMMARY_MAX_LENGTH = 4\n",
    "Markdown options": "MARKDOWN = {'extension_configs': {k: v for k, v in MARKDOWN['extension_configs'].items() "
                        "if k != 'markdown.extensions.smarty'}, 'output_format': 'html'}\n",  # no curly quotes
    "theme ids": "",  # the theme's template writes id="a-section", which the page's heading then must not take
}


@pytest.mark.parametrize("change", SETTINGS_CHANGES)
def test_a_page_is_read_again_under_settings_that_change_its_reading(tmp_path, change):
    """Pelican's cache serves a page whose file did not change: a page read before the settings changed kept
    its old summary, quotes or heading ids (a heading id the theme now writes was written twice)."""
    content, theme = tmp_path / "content", tmp_path / "theme"
    write_files(content, {**TINY_TOPIC, "topics/demo/fundamentals.md": TINY_TOPIC["topics/demo/fundamentals.md"]
                          + "\n        It's \"quoted\" -- and more text. More text again, and again.\n"})
    shutil.copytree(ROOT / "theme", theme)
    first = run_build(cached_settings(tmp_path, theme=theme), tmp_path / "first", content)
    assert first.returncode == 0, first.stderr
    if change == "theme ids":
        tier = theme / "templates/tier.html"
        tier.write_text(tier.read_text(encoding="utf-8").replace('<h1 id="page-title">',
                                                                 '<span id="a-section"></span><h1 id="page-title">'),
                        encoding="utf-8")
    changed = cached_settings(tmp_path, SETTINGS_CHANGES[change], theme, "changed.py")
    warm = run_build(changed, tmp_path / "warm", content)
    cold = run_build(cached_settings(tmp_path, SETTINGS_CHANGES[change], theme, "cold.py", "empty-cache"),
                     tmp_path / "cold", content)
    for result in (warm, cold):
        assert result.returncode == 0, result.stderr
    assert snapshot(tmp_path / "warm") == snapshot(tmp_path / "cold")
    assert snapshot(tmp_path / "cold") != snapshot(tmp_path / "first"), "the change changes the site"
