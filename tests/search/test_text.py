"""From text to index terms in Python (plugins/strata/search/text.py): scripts written without spaces."""

from __future__ import annotations

from strata.search.index import shard_key
from strata.search.text import bigrams, fold, terms, words


def test_a_run_of_japanese_or_chinese_is_one_word_between_the_others():
    assert words("夏は水分補給が大切です。日本では魚") == ["夏は水分補給が大切です", "日本では魚"]
    assert words("ビタミンDは骨に大切") == ["ビタミン", "d", "は骨に大切"]
    assert words("高血压（hypertension）很常见") == ["高血压", "hypertension", "很常见"]
    assert words("Café, naïve 5α-reductase") == ["cafe", "naive", "5α", "reductase"]  # other scripts as before


def test_a_run_is_indexed_as_its_character_pairs_and_its_last_character():
    assert bigrams("水分補給") == ["水分", "分補", "補給"]
    assert bigrams("魚") == ["魚"]
    assert terms("水分補給") == ["水分", "分補", "補給", "給"]
    assert terms("魚を食べる") == ["魚を", "を食", "食べ", "べる", "る"]  # 魚 starts a term: "魚" finds it
    assert terms("ビタミンDは骨に大切", "ja") == ["ビタ", "タミ", "ミン", "ン", "d",
                                              "は骨", "骨に", "に大", "大切", "切"]
    assert terms("The runners 走る") == ["runner", "走る", "る"]  # English words still stemmed, stop words dropped


def test_kana_keep_their_voicing_marks_and_half_width_kana_fold_to_full_width():
    assert fold("ガス") != fold("カス")
    assert fold("ﾊﾞｽ") == "バス" != fold("パス")
    assert fold("ゔ ｳﾞ") == "ゔ ヴ"


def test_thai_runs_are_paired_too_with_its_marks_folded_away_as_in_every_script():
    assert words("กินข้าว") == ["กนขาว"]
    assert terms("กินข้าว", "th") == ["กน", "นข", "ขา", "าว", "ว"]


def test_a_term_of_unspaced_script_is_in_the_shard_of_its_first_character():
    assert [shard_key(t) for t in ("水分", "給", "𠮟る", "sleep", "5α")] == ["水", "給", "𠮟", "sl", "5α"]


def test_letters_unicode_does_not_decompose_are_spelt_out_as_lucene_and_icu_fold_them():
    assert words("Straße STRASSE Łódź Øresund Ærø œuvre đường Þórsmörk Ħamrun ılık") == [
        "strasse", "strasse", "lodz", "oresund", "aero", "oeuvre", "duong", "thorsmork", "hamrun", "ilik"]
    assert fold("FUẞBALL Ǿ Ǽ") == "fussball o ae"  # capital sharp s; letters with a mark on top
    assert terms("Straße") == terms("strasse")
    assert terms("Łódź", "pl") == terms("Lodz", "pl")
    assert terms("σοφός ΣΟΦΟΣ σοφοσ", "el") == ["σοφοσ"] * 3  # a final sigma is a sigma
