"""The interface's catalogues: complete, in step with the templates and plugin, checked, and plural-aware."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

from strata.i18n import catalogue_problems, languages, plural_forms, text_direction, translations
from tests.support.site import ROOT, TINY_TOPIC, run_build, write_files

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


def unfinished_theme(tmp_path: Path, lang: str, untranslated: str | None = None) -> Path:
    """A copy of the theme whose ``lang`` catalogue is new (every message untranslated, as `invoke i18n-update
    --lang` makes it), or, given ``untranslated``, the shipped one with that message's translation removed."""
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    po = theme / "locale" / lang / "LC_MESSAGES" / "messages.po"
    if untranslated is None:
        po.parent.mkdir(parents=True)
        with open(LOCALE / "messages.pot", "rb") as template, open(po, "wb") as handle:
            catalogue = read_po(template, locale=lang)
            catalogue.locale = lang
            write_po(handle, catalogue)
    else:
        text = po.read_text(encoding="utf-8")
        po.write_text(re.sub(rf'(msgid "{re.escape(untranslated)}"\nmsgstr )".*"', r'\1""', text), encoding="utf-8")
    return theme


def test_a_catalogue_not_yet_translated_stops_the_build(tmp_path):
    """A new catalogue (`invoke i18n-update --lang ru`) built as it is gave pages declared lang="ru" with every
    interface text in English (WCAG 3.1.2): the build stops at the catalogue's first untranslated message."""
    theme = unfinished_theme(tmp_path, "ru")
    settings = tmp_path / "settings.py"
    settings.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *  # noqa\n"
                        f"THEME = {str(theme)!r}\nDEFAULT_LANG = 'ru'\n", encoding="utf-8")
    write_files(tmp_path / "content", TINY_TOPIC)
    result = run_build(settings, tmp_path / "output", tmp_path / "content")
    assert result.returncode == 1, result.stderr
    po = theme / "locale" / "ru" / "LC_MESSAGES" / "messages.po"
    first = next(m for m in read_po(po.open("rb")) if m.id)
    assert f"{po}:{first.lineno}: {len(catalogue_problems(str(theme), 'ru'))} message(s) of the interface in 'ru' " \
           "are not ready" in result.stderr
    assert "invoke i18n-compile --lang ru lists them" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "output").exists()


def test_a_translation_whose_catalogue_lacks_a_message_stops_the_build(tmp_path):
    theme = unfinished_theme(tmp_path, "es", untranslated="Skip to main content")
    settings = tmp_path / "settings.py"
    settings.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *  # noqa\n"
                        f"THEME = {str(theme)!r}\n", encoding="utf-8")
    write_files(tmp_path / "content", {**TINY_TOPIC, **{path.replace("demo/", "demo/es/"): text
                                                        for path, text in TINY_TOPIC.items()}})
    result = run_build(settings, tmp_path / "output", tmp_path / "content")
    po = theme / "locale" / "es" / "LC_MESSAGES" / "messages.po"
    line = po.read_text(encoding="utf-8").splitlines().index('msgid "Skip to main content"') + 1
    assert result.returncode == 1, result.stderr
    assert f"{po}:{line}: 1 message(s) of the interface in 'es' are not ready (the first: 'Skip to main content', " \
           "not translated)" in result.stderr
