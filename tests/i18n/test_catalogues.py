"""The interface's catalogues: complete, in step with the templates and plugin, checked, and plural-aware."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po

from strata.i18n import catalogue_problems, languages, plural_forms, text_direction, translations
from tests.support.site import ROOT, run_build

THEME = str(ROOT / "theme")
LOCALE = ROOT / "theme" / "locale"


def msgids(path: Path) -> set:
    with open(path, "rb") as handle:
        return {m.id for m in read_po(handle) if m.id}


def test_every_catalogue_is_complete_and_compiles():
    assert languages(THEME) == ["ar", "de", "en", "es", "fr", "it", "nl", "pt"]
    for lang in languages(THEME):
        assert catalogue_problems(THEME, lang) == []


def test_the_template_lists_every_message_of_the_templates_and_plugin(tmp_path):
    """messages.pot is what `invoke i18n-extract` makes now, and every catalogue has exactly its messages."""
    pybabel = Path(sys.executable).with_name("pybabel")
    subprocess.run([str(pybabel), "-q", "extract", "-F", "babel.cfg", "-k", "N_", "-k", "plural_forms:1,2",
                    "-k", "script_message", "-o", str(tmp_path / "now.pot"), "."], cwd=ROOT, check=True)
    assert msgids(tmp_path / "now.pot") == msgids(LOCALE / "messages.pot")
    for lang in languages(THEME):
        assert msgids(LOCALE / lang / "LC_MESSAGES" / "messages.po") == msgids(LOCALE / "messages.pot"), lang


def test_the_check_names_untranslated_fuzzy_and_mismatched_messages(tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(LOCALE, theme / "locale")
    po = theme / "locale" / "es" / "LC_MESSAGES" / "messages.po"
    text = po.read_text(encoding="utf-8")
    text = text.replace('msgstr "Saltar al contenido principal"', 'msgstr ""')
    text = text.replace('msgid "Page not found"', '#, fuzzy\nmsgid "Page not found"')
    text = text.replace('msgstr "Pregunta %(number)s de %(total)s"', 'msgstr "Pregunta %(numero)s de %(total)s"')
    po.write_text(text, encoding="utf-8")
    problems = "\n".join(catalogue_problems(str(theme), "es"))
    assert "'Skip to main content': not translated" in problems
    assert "'Page not found': marked fuzzy" in problems
    assert "'Question %(number)s of %(total)s'" in problems
    assert f"{po}:" in problems  # path:line
    assert len(catalogue_problems(str(theme), "es")) == 3


def test_plural_forms_follow_each_languages_rules():
    arabic = plural_forms(translations(THEME, "ar"), "ar", "%(num)s question on this page.",
                          "%(num)s questions on this page.")
    assert set(arabic) == {"zero", "one", "two", "few", "many", "other"}
    assert arabic["two"] == "سؤالان في هذه الصفحة."
    assert arabic["few"] == "%(num)s أسئلة في هذه الصفحة."
    english = plural_forms(translations(THEME, "en"), "en", "%(num)s question on this page.",
                           "%(num)s questions on this page.")
    assert english == {"one": "%(num)s question on this page.", "other": "%(num)s questions on this page."}
    french = plural_forms(translations(THEME, "fr"), "fr", "%(num)s question on this page.",
                          "%(num)s questions on this page.")
    assert french == {"one": "%(num)s question sur cette page.", "many": "%(num)s de questions sur cette page.",
                      "other": "%(num)s questions sur cette page."}  # 0 and 1 are "one" in French
    assert translations(THEME, "es-MX").gettext("Search") == "Buscar"  # a regional variant uses its language
    assert (text_direction("ar"), text_direction("es"), text_direction("he")) == ("rtl", "ltr", "rtl")


def test_a_language_without_a_catalogue_stops_the_build(tmp_path):
    settings = tmp_path / "settings.py"
    settings.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *  # noqa\n"
                        f"PATH = {str(ROOT / 'content')!r}\nTHEME = {THEME!r}\nDEFAULT_LANG = 'fi'\n", encoding="utf-8")
    result = run_build(settings, tmp_path / "output")
    assert result.returncode != 0
    assert "no interface catalogue for language 'fi'" in result.stderr
    assert ", ".join(languages(THEME)) in result.stderr
    assert "invoke i18n-update --lang fi" in result.stderr
    assert "Traceback" not in result.stderr
