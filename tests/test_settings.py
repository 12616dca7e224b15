"""The settings file: mistakes located at their line, a site with tiers of its own, the site's language tag."""

from __future__ import annotations

import io

from strata.build import build_site
from strata.i18n import language_tag
from strata.settings_file import option_line, setting_line
from tests.support.site import ROOT, build_tiny_site

HEADER = f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *  # noqa\n" \
         f"THEME = {str(ROOT / 'theme')!r}\nPLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n"


def settings_file(tmp_path, text: str):
    path = tmp_path / "settings.py"
    path.write_text(HEADER + text, encoding="utf-8")
    return path


def test_a_setting_is_found_at_its_last_assignment_and_an_option_after_strata(tmp_path):
    path = settings_file(tmp_path, 'PATH = "a"\nPAGE_URL = PATH = "b"\nSTRATA = {\n    "tiers": [],\n'
                                   '    "words_per_minute": 200,\n}\n')
    assert setting_line(str(path), "PATH") == 7
    assert setting_line(str(path), "THEME") == 4
    assert setting_line(str(path), "SITENAME") is None  # set by pelicanconf, not here
    assert option_line(str(path), "words_per_minute") == 10
    assert option_line(str(path), "languages") == 8  # not written: the line of STRATA


def test_language_codes_become_bcp47_tags():
    assert [language_tag(c) for c in ("en", "pt_br", "pt_BR", "zh_hant_tw", "es-419")] == \
        ["en", "pt-BR", "pt-BR", "zh-Hant-TW", "es-419"]


def build(settings, tmp_path) -> tuple[int, str]:
    messages = io.StringIO()
    code = build_site(str(settings), str(tmp_path / "output"), stream=messages)
    return code, messages.getvalue()


def test_a_missing_settings_file_or_content_folder_is_reported_without_a_traceback(tmp_path):
    code, stderr = build(tmp_path / "nonexist.py", tmp_path)
    assert code == 1
    assert stderr.startswith(f"{tmp_path}/nonexist.py:1: there is no settings file here"), stderr
    code, stderr = build(settings_file(tmp_path, 'PATH = "contents"\n'), tmp_path)
    assert code == 1
    assert stderr.startswith(f"{tmp_path}/settings.py:6: the PATH folder does not exist"), stderr
    assert "Traceback" not in stderr


def test_a_site_with_two_tiers_of_its_own_builds_with_the_default_reading_targets_of_those(tmp_path):
    settings = settings_file(tmp_path, 'STRATA = {"tiers": [("fundamentals", "Fundamentals", "Plain."), '
                                       '("academic", "Academic", "In depth.")]}\n')
    result = build_tiny_site(tmp_path, {"topics/demo/intermediate.md": None}, settings=str(settings))
    assert result.returncode == 0, result.stderr
    page = result.page("topics/demo/fundamentals.html")
    assert 'class="tier-switcher' in page
    assert 'class="pager' in page
    assert "academic.html" in page
    assert "intermediate" not in page


def test_the_site_language_is_written_as_a_bcp47_tag_and_an_empty_disclaimer_is_none(tmp_path):
    settings = settings_file(tmp_path, 'DEFAULT_LANG = "pt_BR"\nSTRATA = {"disclaimer": ""}\n')
    result = build_tiny_site(tmp_path, {}, settings=str(settings))
    assert result.returncode == 0, result.stderr
    for name in ("index.html", "topics/demo/index.html", "topics/demo/academic.html"):
        page = result.page(name)
        assert '<html lang="pt-BR"' in page, name
        assert 'class="disclaimer"' not in page, name
