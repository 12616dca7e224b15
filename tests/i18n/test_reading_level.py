"""Reading level per language: English grades, Flesch's reading ease as adapted to Spanish (Fernández-Huerta),
French (Kandel & Moles), German (Amstad) and Dutch (Douma), and an honest "not measured"."""

from __future__ import annotations

import pytest
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


ADAPTED = {
    "fr": ("Kandel–Moles", "L'horloge du corps dit quand dormir. La lumière du matin la remet à l'heure. "
                           "Le cerveau fabrique moins de mélatonine quand il fait jour."),
    "de": ("Amstad", "Die innere Uhr sagt dem Körper, wann er schlafen soll. Das Licht am Morgen stellt sie. "
                     "Bei Tageslicht bildet das Gehirn weniger Melatonin."),
    "nl": ("Douma", "De biologische klok zegt wanneer je moet slapen. Het ochtendlicht zet de klok gelijk. "
                    "Bij daglicht maakt de hersenen minder melatonine aan."),
}


@pytest.mark.parametrize("lang", sorted(ADAPTED))
def test_french_german_and_dutch_are_measured_as_textstat_computes_their_reading_ease(lang):
    formula, text = ADAPTED[lang]
    grades = measure(sentences([text], lang), lang)
    assert grades.ease.formula == formula
    textstat.set_lang(lang)
    try:
        expected = textstat.flesch_reading_ease(text)
    finally:
        textstat.set_lang("en_US")
    assert abs(grades.ease.score - expected) < 0.5, (grades.ease.score, expected)
    assert grades.level == grades.ease.grade


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
