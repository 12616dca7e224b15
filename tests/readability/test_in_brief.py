"""The ``!!! in-brief`` block: parsed into statements and quotes, kept out of the body, located, checked."""

from __future__ import annotations

import pytest
from markdown import Markdown

from strata.errors import StrataError
from strata.markdown.callouts import CalloutExtension
from strata.markdown.in_brief import InBrief, InBriefExtension, Statement, untraced
from strata.markdown.sections import SectionsExtension

BLOCK = '''\
Before.

!!! in-brief
    - The brain starts the *signal*.
      Restates: "The hypothalamus starts the process"
    - The testes make less testosterone
      during treatment.
      Restates: “the testes’ natural function”

After.
'''


def convert(text: str) -> tuple[str, Markdown]:
    md = Markdown(extensions=[InBriefExtension(), CalloutExtension()])
    return md.convert(text), md


def test_the_block_becomes_statements_and_leaves_the_body():
    html, md = convert(BLOCK)
    assert html == "<p>Before.</p>\n<p>After.</p>"
    assert md.strata_in_brief == InBrief((
        Statement("The brain starts the *signal*.", "The hypothalamus starts the process"),
        Statement("The testes make less testosterone during treatment.", "the testes’ natural function"),
    ))


def test_statements_are_numbered_by_their_restates_line():
    _, md = convert(BLOCK)
    source = "Title: T\n\n" + BLOCK
    assert [s.line for s in md.strata_in_brief.located(source).statements] == [7, 10]


def test_a_quote_must_be_within_one_sentence_of_the_tier():
    _, md = convert(BLOCK)
    tier = ["The hypothalamus starts the process by releasing GnRH.",
            "This suppression leads to a reduction in the testes' natural function."]
    assert untraced(md.strata_in_brief, tier) == []  # curly and straight quote marks are the same
    assert [s.quote for s in untraced(md.strata_in_brief, tier[:1])] == ["the testes’ natural function"]
    dashes = InBrief((Statement("x", "levels -- as measured..."),))
    assert untraced(dashes, ["Blood levels \u2013 as measured\u2026 guide the dose."]) == []
    across = InBrief((Statement("x", "releasing GnRH. This suppression"),))
    assert untraced(across, tier) == list(across.statements)


@pytest.mark.parametrize(("body", "message"), [
    ("    Just a sentence.\n", "start each statement with '- '"),
    ("    - A statement without a source.\n", "does not say which sentence"),
    ("    - A statement.\n      Restates: no quotes\n", "in double quotes"),
    ('    - A statement.\n      Restates: ""\n', "in double quotes"),
    ('    - A statement.\n      Restates: "one"\n      Restates: "two"\n', "already has a 'Restates:' line"),
    ('    - A statement.\n      Restates: "one"\n      more text\n', "indent a statement's next lines"),
    ("", "is empty"),
])
def test_malformed_blocks_say_what_to_fix(body, message):
    with pytest.raises(StrataError, match=message):
        convert("!!! in-brief\n" + body)


def test_one_block_per_page():
    block = '!!! in-brief\n    - A.\n      Restates: "a"\n\n'
    with pytest.raises(StrataError, match="two in-brief blocks"):
        convert(block + block)


def test_other_callouts_are_unchanged():
    html, md = convert("!!! key-point\n    Kept.\n")
    assert 'callout--key-point' in html
    assert md.strata_in_brief is None


def test_an_authors_heading_never_takes_the_blocks_id():
    md = Markdown(extensions=["toc", InBriefExtension(), SectionsExtension()])
    html = md.convert("## In brief\n\nText.\n")
    assert 'id="in-brief-2"' in html
    assert 'id="in-brief"' not in html
