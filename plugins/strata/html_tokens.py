"""The one place Strata reads HTML: a stream of tokens from the standard library's tokenizer.

Strata renders Markdown to an element tree and works on that tree; HTML only has
to be *read* where no tree exists: raw HTML an author wrote in Markdown (kept by
Python-Markdown as opaque strings), and built pages checked after writing. Every
such reader goes through :func:`tokens`, so tag and attribute names, character
references, comments and line numbers are handled the same way everywhere:

- tag and attribute names are lower case (``ID="x"`` is the attribute ``id``);
- attribute values and text have their character references decoded;
- a comment ends at ``-->`` or ``--!>`` (as browsers end it), never later;
- every token carries the 1-based line where it starts (plus ``first_line - 1``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from html import unescape
from html.parser import HTMLParser
from types import MappingProxyType
from typing import NamedTuple

VOID_ELEMENTS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                           "track", "wbr"})

_COMMENT_END = re.compile(r"--!?>")


class StartTag(NamedTuple):
    """``<name attr=value>``: attribute names lower case, values decoded (a bare attribute has ""). A named
    tuple, the cheapest record to make: the link check makes one for every link and id of a site. Its
    ``attrs`` are read-only from :func:`start_tags` (tags written alike share them)."""

    name: str
    attrs: Mapping[str, str]
    line: int
    self_closing: bool = False


@dataclass(frozen=True, slots=True)
class EndTag:
    name: str
    line: int


@dataclass(frozen=True, slots=True)
class Text:
    """Character data with references decoded (the text of ``script``/``style`` as it is)."""

    data: str
    line: int


@dataclass(frozen=True, slots=True)
class Comment:
    data: str
    line: int


Token = StartTag | EndTag | Text | Comment


class _Tokenizer(HTMLParser):
    def __init__(self, first_line: int):
        super().__init__(convert_charrefs=True)
        self.line_offset = first_line - 1
        self.found: list[Token] = []

    def _line(self) -> int:
        return self.getpos()[0] + self.line_offset

    def handle_starttag(self, tag, attrs):
        self.found.append(StartTag(tag, {name: value or "" for name, value in attrs}, self._line()))

    def handle_startendtag(self, tag, attrs):
        self.found.append(StartTag(tag, {name: value or "" for name, value in attrs}, self._line(), True))

    def handle_endtag(self, tag):
        self.found.append(EndTag(tag, self._line()))

    def handle_data(self, data):
        self.found.append(Text(data, self._line()))

    def handle_comment(self, data):
        self.found.append(Comment(data, self._line()))

    def parse_comment(self, i, report=True):
        """End a comment at ``-->`` or ``--!>``, as the HTML standard does (3.11's parser knows only ``-->``)."""
        rawdata = self.rawdata
        end = _COMMENT_END.search(rawdata, i + 4)
        if end is None:
            return -1
        if report:
            self.handle_comment(rawdata[i + 4:end.start()])
        return end.end()


def tokens(source: str, first_line: int = 1) -> Iterator[Token]:
    """The tokens of ``source`` in document order (an unclosed comment or tag at the end is text)."""
    tokenizer = _Tokenizer(first_line)
    tokenizer.feed(source)
    tokenizer.close()
    yield from tokenizer.found


# The fast path for whole built sites (the link check reads every page): start tags only, found by one
# regular expression that follows html.parser's own, so the work per tag is done in C. Asked for tags with
# some attributes (``having``), the expression also captures an attribute of those names where one is
# written, so a tag without one costs nothing more. On well-formed HTML it gives exactly the start tags of
# :func:`tokens` (tests check this on built pages and templates).
_ATTRIBUTE = re.compile(r"""([^\t\n\r\f />][^\t\n\r\f /=>]*)(?:[\t\n\r\f ]*=+[\t\n\r\f ]*"""
                        r"""(?:'([^']*)'|"([^"]*)"|(?!['"])([^>\t\n\r\f ]*)))?""")
# The content of script and style is text up to their end tag, as in html.parser.
_RAW_TEXT_END = {name: re.compile(f"</{name}", re.IGNORECASE) for name in ("script", "style")}


@lru_cache(maxsize=8)
def _comment_or_start_tag(names: frozenset[str] | None) -> re.Pattern:
    """A comment, or a start tag as groups (name, attributes, the first attribute of ``names`` written in
    it, in any case; never one when ``names`` is None)."""
    wanted = "|".join(re.escape(name) for name in sorted(names)) if names is not None else "(?!)"
    attributes = (r"""(?:[\t\n\r\f /]*(?:((?i:""" + wanted + r"""))(?=[\t\n\r\f /=>])|[^\t\n\r\f />][^\t\n\r\f /=>]*)"""
                  r"""(?:[\t\n\r\f ]*=+[\t\n\r\f ]*(?:'[^']*'|"[^"]*"|(?!['"])[^>\t\n\r\f ]*))?)*""")
    return re.compile(r"<!--(?:.*?--!?>|.*)|<([a-zA-Z][^\t\n\r\f />\x00]*)(" + attributes + r")[\t\n\r\f /]*>",
                      re.DOTALL)


@lru_cache(maxsize=4096)
def _attributes(written: str) -> Mapping[str, str]:
    """The attributes in ``written`` (a start tag's text after its name), read-only. Pages repeat tags (the
    navigation of a folder's pages, links to the same term): a 300-topic site has 158,000 tags with a link
    or an id and 40,000 different ones, so most are read from here."""
    attrs = {}
    for key, single_quoted, double_quoted, bare in _ATTRIBUTE.findall(written):
        value = single_quoted or double_quoted or bare
        attrs[key.lower()] = unescape(value) if "&" in value else value
    return MappingProxyType(attrs)


_NO_ATTRIBUTES: Mapping[str, str] = MappingProxyType({})


def start_tags(source: str, having: frozenset[str] | None = None) -> Iterator[StartTag]:
    """The start tags of ``source`` in document order, like those of :func:`tokens`, several times faster;
    with ``having`` (lower-case attribute names), only the tags with at least one of those attributes."""
    line, counted, position = 1, 0, 0
    pattern = _comment_or_start_tag(having)
    while position is not None:
        found, position = pattern.finditer(source, position), None
        for tag in found:
            name, written, wanted = tag.groups()
            if name is None:  # a comment
                continue
            if name[0] in "sS" and (raw_end := _RAW_TEXT_END.get(name.lower())) and source[tag.end() - 2] != "/":
                # html.parser's rule (a browser ignores the '/'): the text runs to the end tag, unread
                end = tag.end()
                close = raw_end.search(source, end)
                after = len(source) if close is None else close.start()
                position = after if after != end else None  # an empty element needs no new search
            if having is None or wanted is not None:
                attrs = _attributes(written) if written else _NO_ATTRIBUTES
                start = tag.start()
                line += source.count("\n", counted, start)
                counted = start
                yield StartTag(name.lower(), attrs, line, source[tag.end() - 2] == "/")
            if position is not None:
                break  # go on after the raw text
