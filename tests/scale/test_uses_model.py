"""Which backlinks go on which uses page: at most USES_PER_PAGE each, entries in glossary order, an entry that
does not fit starts a page, a long one continues over the next pages (strata.glossary.backlinks)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from strata.glossary import backlinks
from strata.glossary.backlinks import collect_uses
from strata.glossary.marking import Occurrence


def term(anchor: str):
    return SimpleNamespace(anchor=anchor, term=anchor.title(), topic=None)


def page(number: int, anchors: list[str]):
    occurrences = tuple(Occurrence(anchor, f"term-{anchor}", "s", f"Section {number}") for anchor in anchors)
    return SimpleNamespace(url=f"p{number:03d}.html", title=f"Page {number}", strata_terms=occurrences)


@pytest.fixture
def small_pages(monkeypatch):
    monkeypatch.setattr(backlinks, "USES_PER_PAGE", 3)


def test_entries_share_a_page_until_it_is_full_and_a_long_one_continues(small_pages):
    terms = [term("alpha"), term("beta"), term("gamma"), term("delta")]
    pages = [page(n, ["alpha", "gamma"] if n < 2 else ["gamma"]) for n in range(5)] + [page(9, ["beta"])]
    uses = collect_uses(pages, terms, single_topic=True)
    listed = [[(e.term.anchor, e.part, e.parts, [u.url for g in e.groups for u in g.uses], e.continued)
               for e in p.entries] for p in uses.uses_pages()]
    assert listed == [
        [("alpha", 1, 1, ["p000.html", "p001.html"], None), ("beta", 1, 1, ["p009.html"], None)],
        [("gamma", 1, 2, ["p000.html", "p001.html", "p002.html"], "glossary/uses-3.html")],
        [("gamma", 2, 2, ["p003.html", "p004.html"], None)],
    ]
    assert [uses.url_of(a) for a in ("alpha", "beta", "gamma")] == [
        "glossary/uses-1.html#uses-alpha", "glossary/uses-1.html#uses-beta", "glossary/uses-2.html#uses-gamma"]
    assert "delta" not in uses, "an entry used nowhere has no uses"


def test_a_page_never_holds_more_than_the_limit(small_pages):
    terms = [term(f"t{n:02d}") for n in range(12)]
    pages = [page(n, [t.anchor for t in terms[: n % 12 + 1]]) for n in range(12)]
    uses = collect_uses(pages, terms, single_topic=True)
    sizes = [sum(len(g.uses) for e in p.entries for g in e.groups) for p in uses.uses_pages()]
    assert max(sizes) <= 3
    assert sum(sizes) == sum(len(p.strata_terms) for p in pages), "every backlink is listed once"


def test_the_uses_pages_sit_beside_the_glossary_page():
    uses = collect_uses([page(1, ["alpha"])], [term("alpha")], glossary_url="help/words.html")
    assert uses.url_of("alpha") == "help/glossary/uses-1.html#uses-alpha"
    assert [p.url for p in uses.uses_pages()] == ["help/glossary/uses-1.html"]
