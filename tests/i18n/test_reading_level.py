"""Reading level per language: English grades, Fernández-Huerta for Spanish, and an honest "not measured"."""

from __future__ import annotations

import textstat

from strata.components import jinja_environment
from strata.readability import measure, sentences
from tests.i18n.sites import ARABIC, SPANISH

SPANISH_TEXT = ("El reloj del cuerpo marca cuándo dormir. La luz de la mañana lo pone en hora. "
                "¿Por qué cuesta dormir con luz? Porque el cerebro fabrica menos melatonina.")


def test_spanish_is_measured_with_fernandez_huerta_as_textstat_computes_it():
    grades = measure(sentences([SPANISH_TEXT], "es"), "es")
    assert grades.ease.formula == "Fernández-Huerta"
    assert len(sentences([SPANISH_TEXT], "es")) == 4  # "¿Por qué…" starts a sentence
    textstat.set_lang("es")
    try:
        expected = textstat.fernandez_huerta(SPANISH_TEXT)
    finally:
        textstat.set_lang("en_US")
    assert abs(grades.ease.score - expected) < 0.5, (grades.ease.score, expected)
    assert grades.ease.band in ("very easy", "easy", "fairly easy")
    assert grades.level == grades.ease.grade <= 6


def test_a_harder_spanish_text_scores_lower():
    hard = ("La regulación neuroendocrina de la secreción hormonal depende fundamentalmente de mecanismos "
            "de retroalimentación negativa extraordinariamente complejos.")
    assert measure(sentences([hard], "es"), "es").ease.score < measure(sentences([SPANISH_TEXT], "es"), "es").ease.score


def test_a_language_without_a_formula_is_not_measured_nor_judged():
    grades = measure(sentences(["نص قصير. جملة ثانية."], "ar"), "ar")
    assert not grades.measured
    assert grades.within(1)


def _level(settings, grades, target=8):
    env = jinja_environment(str(settings.settings_file))
    return str(env.get_template("reading-level/reading-level.html").module.reading_level(grades, target))


def test_the_page_names_the_formula_or_says_there_is_none():
    spanish = _level(SPANISH, measure(sentences([SPANISH_TEXT], "es"), "es"))
    assert "Fernández-Huerta" in spanish
    assert "Flesch" not in spanish
    assert "SMOG" not in spanish
    arabic = _level(ARABIC, measure(sentences(["نص قصير."], "ar"), "ar"))
    assert arabic == "غير مقيس: لا توجد معادلة لمستوى القراءة لهذه اللغة"
