"""The index format (plugins/strata/search/): postings encoding, shard scripts, and what the writer writes."""

from __future__ import annotations

import json

import pytest

from strata.search import index as index_module
from strata.search.docs import SearchDoc
from strata.search.index import IndexWriter, weight, write_index
from strata.search.shards import decode_postings, read_shard, shard_script, varint
from strata.search.text import fold, terms, words

DOCS = [
    SearchDoc("topics/a/fundamentals.html#sleep", "Sleep", "Topic A", "Fundamentals",
              "Sleep helps the heart. Runners sleep well."),
    SearchDoc("topics/a/fundamentals.html#food", "Food", "Topic A", "Fundamentals", "Café food and sleep."),
    SearchDoc("glossary.html#sleep", "sleep", "Glossary", "Glossary", "A state of rest.", "slumber"),
]


def shards(folder) -> dict:
    return dict(read_shard(p.read_text(encoding="utf-8")) for p in (folder / "search").glob("*.js"))


@pytest.mark.parametrize("value", [0, 1, 31, 32, 33, 1023, 1024, 99_999, 2**31])
def test_varint_round_trip(value):
    encoded = varint(value) + b"5"  # a weight letter after it
    assert decode_postings("".join(chr(b) for b in encoded)) == [(value - 1, 5)]


def test_postings_are_gaps_then_one_weight_letter():
    text = (varint(3) + b"a" + varint(1) + b"Z" + varint(40) + b"1").decode()
    assert text == "3a1Zx81"  # 40 = 1·32 + 8: "x" (33, a digit with more to follow), then "8"
    assert decode_postings(text) == [(2, 10), (3, 61), (43, 1)]


@pytest.mark.parametrize("data", [
    ["plain", 1, 2],
    ["it's", 'a "quote"', "back\\slash", "</script><script>alert(1)</script>", "line\nbreak", "\u2028\u2029"],
    {"n": 3, "text": "café ‘curly’ ’ 🙂"},
])
def test_shard_script_is_one_call_with_one_string_and_reads_back(data):
    script = shard_script("c0", data)
    assert script.startswith("strataSearchShard(\"c0\",'")
    assert script.endswith("');\n")
    assert "<" not in script
    assert "\n" not in script[:-1]
    assert "\u2028" not in script
    assert read_shard(script) == ("c0", data)


@pytest.mark.parametrize("script", ["strataSearchShard(\"c0\",'x');alert(1);\n", "alert(1)\n",
                                    "strataSearchShard(\"c0\",'a'b');\n"])
def test_read_shard_refuses_anything_else(script):
    with pytest.raises(ValueError, match="not a search shard"):
        read_shard(script)


def test_text_folds_accents_apostrophes_and_case_and_drops_stop_words():
    assert fold("Café Men's NAÏVE ﬁle") == "cafe mens naive file"
    assert words("Hypothalamic-pituitary axis, 5α-reductase") == ["hypothalamic", "pituitary", "axis", "5α",
                                                                 "reductase"]
    assert terms("The runners are running to the clinics") == ["runner", "run", "clinic"]


def test_weights_favour_titles_and_glossary_entries():
    body_once = weight(1, 100, in_title=False, glossary=False)
    assert weight(0, 100, in_title=True, glossary=False) > body_once
    assert weight(1, 100, in_title=True, glossary=True) > weight(1, 100, in_title=True, glossary=False)
    assert weight(5, 100, False, False) > weight(1, 100, False, False)
    assert weight(1, 20, False, False) > weight(1, 400, False, False)  # one mention in a short text counts more
    assert weight(0, 0, False, False) >= 1
    assert weight(999, 1, True, True) <= 63


def test_writer_writes_manifest_dictionaries_postings_typo_shards_and_chunks(tmp_path):
    version = write_index(str(tmp_path), iter(DOCS))
    data = shards(tmp_path)
    manifest = data["index"]
    assert manifest["n"] == 3
    assert manifest["k"] == index_module.DOCS_PER_CHUNK
    assert data["c0"] == [[d.url, d.title, d.page, d.kind, d.text] for d in DOCS]
    dictionary = {}
    for i, key in enumerate(manifest["d"]):
        flat = data[f"d{i}"]
        for term, frequency, postings in zip(flat[::3], flat[1::3], flat[2::3], strict=True):
            assert term.startswith(key)
            dictionary[term] = (frequency, decode_postings(postings))
    assert sorted(dictionary) == sorted({t for d in DOCS for t in terms(f"{d.title} {d.keywords} {d.text}")})
    frequency, postings = dictionary["sleep"]
    assert frequency == 3
    assert [doc for doc, _ in postings] == [0, 1, 2]
    weights = dict(postings)
    assert weights[2] > weights[1]
    assert weights[0] > weights[1]
    assert [doc for doc, _ in dictionary["cafe"][1]] == [1]
    assert [doc for doc, _ in dictionary["slumber"][1]] == [2]  # a term's aliases are indexed
    for i, ending in enumerate(manifest["s"]):
        assert all(t.endswith(ending) and len(t) >= 4 for t in data[f"s{i}"])
    assert sorted(t for i in range(len(manifest["s"])) for t in data[f"s{i}"]) == sorted(
        t for t in dictionary if len(t) >= 4)
    assert len(version) == 10
    assert write_index(str(tmp_path / "again"), iter(DOCS)) == version


def test_long_postings_get_their_own_file_and_chunks_fill_in_order(tmp_path, monkeypatch):
    monkeypatch.setattr(index_module, "OWN_FILE_AT", 10)
    docs = [SearchDoc(f"p{i}.html", f"Title {i}", "P", "Fundamentals", "common words here") for i in range(20)]
    writer = IndexWriter(str(tmp_path))
    for doc in docs:
        writer.add(doc)
    writer.close()
    data = shards(tmp_path)
    manifest = data["index"]
    flat = data[f"d{manifest['d'].index('co')}"]
    postings = flat[flat.index("common") + 2]
    assert isinstance(postings, int)
    assert [doc for doc, _ in decode_postings(data[f"p{postings}"])] == list(range(20))
    assert [len(data[f"c{i}"]) for i in range(3)] == [8, 8, 4]
    assert [row[0] for i in range(3) for row in data[f"c{i}"]] == [d.url for d in docs]


def test_writer_replaces_the_shards_of_an_earlier_build(tmp_path):
    write_index(str(tmp_path), [SearchDoc(f"{i}.html", "T", "P", "K", "x") for i in range(30)])
    write_index(str(tmp_path), iter(DOCS))
    assert not (tmp_path / "search" / "c3.js").exists()
    assert json.dumps(shards(tmp_path)["index"]["n"]) == "3"
