"""The matcher on tricky text (no build, no browser); marking pages is in test_marking.py."""

from __future__ import annotations

import pytest

from strata.glossary.matcher import Matcher, normalise
from strata.glossary.terms import Glossary, Term, slugify
from strata.names import _LOOKALIKES


def term(name: str, *aliases: str, definition: str | None = None) -> Term:
    return Term(name, slugify(name), definition or f"Meaning of {name}.", tuple(aliases))


@pytest.fixture
def glossary() -> Glossary:
    return Glossary("glossary.yaml", [
        term("HPG axis", "Hypothalamic-Pituitary-Gonadal axis"),
        term("HPG axis suppression"),
        term("testosterone replacement"),
        term("testosterone replacement therapy", "TRT"),
        term("Leydig cells"),
        term("parathyroid hormone", "PT"),
        term("aromatase inhibitors"),
        term("men’s health"),
    ])


def found(glossary: Glossary, text: str) -> list[tuple[str, str]]:
    return [(text[m.start:m.end], m.value.slug) for m in glossary.matcher().finditer(text)]


# --- Matching on text -----------------------------------------------------------------------------------

def test_longest_match_wins(glossary):
    assert found(glossary, "HPG axis suppression follows. The HPG axis recovers.") == [
        ("HPG axis suppression", "hpg-axis-suppression"), ("HPG axis", "hpg-axis")]
    assert found(glossary, "testosterone replacement therapy, not testosterone replacement alone") == [
        ("testosterone replacement therapy", "testosterone-replacement-therapy"),
        ("testosterone replacement", "testosterone-replacement")]


def test_case_insensitive_plurals_and_aliases(glossary):
    assert found(glossary, "one leydig CELL, two Leydig cells; an aromatase inhibitor; TRTs and trt") == [
        ("leydig CELL", "leydig-cells"), ("Leydig cells", "leydig-cells"),
        ("aromatase inhibitor", "aromatase-inhibitors"), ("TRTs", "testosterone-replacement-therapy"),
        ("trt", "testosterone-replacement-therapy")]
    assert found(glossary, "the Hypothalamic-Pituitary-Gonadal axis") == [
        ("Hypothalamic-Pituitary-Gonadal axis", "hpg-axis")]


@pytest.mark.parametrize("text", ["PTH levels", "APT", "PT2", "xPT", "post-TRT care", "TRT-like"])
def test_whole_words_only(glossary, text):
    matches = found(glossary, text)
    assert all(name.upper() not in {"PT", "TRT"} for name, _ in matches), matches


def test_whole_word_positive_controls(glossary):
    assert found(glossary, "PT, (PT) and PT.") == [("PT", "parathyroid-hormone")] * 3
    assert found(glossary, "TRT’s effect") == [("TRT", "testosterone-replacement-therapy")]


def test_nbsp_line_breaks_and_curly_quotes_match_without_changing_positions(glossary):
    text = "The HPG\u00a0axis and the HPG\n  axis, men's health and men’s health"
    assert normalise(text) != text
    assert len(normalise(text)) == len(text)
    assert found(glossary, text) == [("HPG\u00a0axis", "hpg-axis"), ("HPG\n  axis", "hpg-axis"),
                                     ("men's health", "mens-health"), ("men’s health", "mens-health")]


@pytest.mark.parametrize("before", ["", "İstanbul: ", "ΣΊΣΥΦΟΣ, "])
def test_case_is_ignored_whether_or_not_lower_casing_keeps_positions(glossary, before):
    """The matcher reads the text lower-cased where that keeps every position, else ignoring case (``İ``
    lower-cases to two characters): the same names are found, at the same places, either way."""
    text = f"{before}The HPG AXIS, then Leydig Cells and trt."
    assert found(glossary, text) == [("HPG AXIS", "hpg-axis"), ("Leydig Cells", "leydig-cells"),
                                     ("trt", "testosterone-replacement-therapy")]


def test_empty_glossary_matches_nothing():
    assert list(Matcher([]).finditer("anything at all")) == []


def test_the_pattern_is_built_once_per_glossary(glossary):
    assert glossary.matcher() is glossary.matcher()
    assert glossary.matcher() is not Glossary(None, [term("other")]).matcher()


def test_pattern_is_a_trie_so_cost_grows_with_text_not_with_terms():
    """Names share their prefixes in one expression: at each position of the text the engine follows at
    most one branch per character, whatever the number of terms. (The timing at 10, 100 and 1,000 terms
    is measured by the benchmark, `invoke bench`, not asserted here.)"""
    matcher = Matcher([("HPG axis", 1), ("HPG axis suppression", 2), ("hormone", 3), ("TRT", 4)])
    body = matcher.pattern.pattern.removeprefix(r"(?<![^\W_])(?<![^\W_]-)").removesuffix(r"(?![^\W_])(?!-[^\W_])")
    assert body == (r"(?:h(?:ormone(?:e?s)?|pg\s+axis(?:(?:\s+suppression(?:e?s)?)|(?:e?s)?))|trt(?:e?s)?)")


def test_a_thousand_terms_all_match():
    words = [f"{a}{b}{c}" for a in "bcdfghjklmnpqrstvwxz" for b in "aeiou" for c in "nprstvwxyz"]
    large = Matcher((f"{w} factor", w) for w in words[:1000])
    assert [m.value for m in large.finditer("".join(f"{w} factor. " for w in words))] == words[:1000]


@pytest.mark.parametrize(("text", "found"), [
    ("夏は水分補給が大切です。", ["水分補給"]),       # Japanese: no spaces around the word
    ("ビタミンDは骨に大切", ["ビタミンD"]),            # a name ending in a Latin letter, then kana
    ("多喝水：补水很重要", ["补水"]),                  # Chinese
    ("PTHは骨に", []),                                # still no match inside a Latin word
    ("血中のPTは高い", ["PT"]),                        # a Latin name between Japanese letters
])
def test_names_are_found_in_scripts_written_without_spaces(text, found):
    matcher = Matcher([(name, name) for name in ("水分補給", "ビタミンD", "补水", "PT")])
    assert [text[m.start:m.end] for m in matcher.finditer(text)] == found


def test_a_name_with_a_turkish_dotted_capital_i_is_found():
    """'İ' lower-cases to two characters (i and a combining dot above), so a term written with it ('İnsülin',
    'İYE') was never found, not even written the same way; and 'TİROİD' did not find 'tiroid'."""
    matcher = Matcher([(name, name) for name in ("İnsülin", "tiroid", "İYE")])
    text = "İnsülin, insülin, İNSÜLİN; TİROİD ve Tiroid; İYE ve iye."
    assert [(text[m.start:m.end], m.value) for m in matcher.finditer(text)] == [
        ("İnsülin", "İnsülin"), ("insülin", "İnsülin"), ("İNSÜLİN", "İnsülin"), ("TİROİD", "tiroid"),
        ("Tiroid", "tiroid"), ("İYE", "İYE"), ("iye", "İYE")]


@pytest.mark.parametrize(("text", "found"), [
    ("탈수는 위험합니다", ["탈수"]),          # a particle written onto the term
    ("물을 마셔요. 전해질과 DNA를", ["물", "전해질", "DNA"]),
    ("저탈수", []),                            # still a word's start: not inside another word
])
def test_names_are_found_before_a_korean_particle(text, found):
    """Korean is written with spaces, but its particles are written onto the word (탈수는, 물을): a term was
    only found standing alone, which a Korean noun in a sentence seldom is."""
    matcher = Matcher([(name, name) for name in ("탈수", "물", "전해질", "DNA")])
    assert [text[m.start:m.end] for m in matcher.finditer(text)] == found


@pytest.mark.parametrize(("text", "found"), [
    ("Fußball, FUSSBALL, Fussball, FUẞBALL", ["Fußball", "FUSSBALL", "Fussball", "FUẞBALL"]),  # ß as ss
    ("Straße, STRASSE", ["Straße", "STRASSE"]),
    ("le cœur, le coeur, LE COEUR", ["cœur", "coeur", "COEUR"]),  # a ligature as two letters
    ("ΣΟΦΟΣ, σοφός, ΣΟΦΌΣ", ["ΣΟΦΟΣ", "σοφός", "ΣΟΦΌΣ"]),  # Greek capitals drop the accents
    ("σοφος", []),  # but not in small letters: the accent tells words apart there
    ("ΡΟΛΟΪ, ΡΟΛΟΙ, ρολόι, ρολοι", ["ΡΟΛΟΪ", "ΡΟΛΟΙ", "ρολόι"]),  # ό ι: a diaeresis in capitals (or left out)
    ("ΠΡΩΙΝΟ ΠΡΩΪΝΟ", ["ΠΡΩΙΝΟ"]),  # no diaeresis where no accent was
])
def test_a_name_is_found_as_its_language_also_spells_it(text, found):
    """German writes ß as ss in capitals and in Switzerland, French œ as oe, Greek drops accents in capitals:
    'FUSSBALL' did not find the term 'Fußball', nor 'ΣΟΦΟΣ' 'σοφός'."""
    matcher = Matcher([(name, name) for name in ("Fußball", "Straße", "cœur", "σοφός", "ρολόι", "πρωινό")])
    assert [text[m.start:m.end] for m in matcher.finditer(text)] == found
    assert matcher.lookup("FUSSBALL") == "Fußball"  # [[FUSSBALL]]
    assert matcher.lookup("ΣΟΦΟΣ") == "σοφός"


def test_other_letters_are_compared_as_written():
    matcher = Matcher([(name, name) for name in ("Łódź", "café", "Straße")])
    assert [m.value for m in matcher.finditer("Lodz, Łódź, cafe, café, Strase")] == ["Łódź", "café"]


@pytest.mark.parametrize("text", [
    "The HPG AXIS, then Leydig Cells and trt; PTH, (PT), post-TRT, HPG-axis_PT and HPG\n  axis.",
    "men's health, TRTs, Leydig cell, aromatase inhibitors. testosterone replacement therapy",
])
def test_ascii_text_takes_a_short_path_with_the_same_matches(glossary, text):
    """An ASCII text (most text) skips the look-alikes and the other scripts: the same names are found, at the
    same places, as in the same text read by the general path (a word of another script after it)."""
    general = text + " \u00e9t\u00e9"
    assert not general.isascii()
    assert found(glossary, text)
    assert found(glossary, text) == found(glossary, general)


def test_normalising_replaces_each_look_alike_as_translating_does():
    every = "".join(map(chr, _LOOKALIKES))
    for text in (every, f"a{every}b{every[::-1]}c", "plain ascii", "caf\u00e9 \u2019 \u4e2d\u6587", ""):
        assert normalise(text) == text.translate(_LOOKALIKES)
