"""The fast start-tag reader gives exactly the start tags of the full tokenizer."""

import pytest

from strata.html_tokens import StartTag, start_tags, tokens
from tests.support.site import ROOT

SAMPLES = [
    '<P ID="A&amp;B" Hidden>x</P>',
    "a<!-- <a href='x'> --!>b<!-- two --><i>c</i>",
    '<img alt="" src="x.png"/><br/><hr />',
    "<a\nhref='one.html'\n  id=two>t</a>\n<b class=\"x\">",
    "<script>if (a<b) document.write('<a href=x>')</script><a href=y>",
    "<STYLE>a>b{}</style ><p title='>'>",
    '<a href="x"id="y" data-x = "1" checked>',
    "<!DOCTYPE html><html lang=en><?php x ?><meta charset=utf-8>",
    "< a href=x> 1 < 2 <3 </a>",
    "<svg><use xlink:href='#i'/></svg>",
]


def tags_of(source: str) -> list[StartTag]:
    return [t for t in tokens(source) if isinstance(t, StartTag)]


@pytest.mark.parametrize("source", SAMPLES)
def test_same_start_tags_as_the_tokenizer(source):
    assert list(start_tags(source)) == tags_of(source)


def test_same_start_tags_on_the_theme_templates():
    for template in sorted((ROOT / "theme").rglob("*.html")):
        text = template.read_text(encoding="utf-8")
        assert list(start_tags(text)) == tags_of(text), template


@pytest.mark.parametrize("source", [*SAMPLES, '<p title="href=x">t</p><a HREF=y>', "<i id=a><b\nclass='x'\nsrc=z>"])
def test_only_the_tags_having_some_attributes(source):
    names = frozenset({"href", "src", "id"})
    assert list(start_tags(source, names)) == [t for t in tags_of(source) if not names.isdisjoint(t.attrs)]


def test_a_self_closing_script_tag_is_marked_as_the_tokenizer_marks_it():
    source = '<script src="a.js"/><p>'
    assert list(start_tags(source)) == tags_of(source)
