"""The readable text of a page by section: the model (:class:`Section`) and the readers that fill it.

A page's sections are read once, from the Markdown element tree, by
:mod:`strata.markdown.sections`, and kept in the page's metadata
(``page.strata_sections``). The reading-level measure, the search index and the
glossary backlinks all use them. Each line of a section is one block of text
(a paragraph, a list item, a table cell …) and has a *kind*, so that a measure
can take the prose alone. Quizzes (``form``), scripts, templates and the
glossary's hidden definitions are left out.

HTML that is not in the tree (raw HTML an author wrote, rendered definitions) is
read with :mod:`strata.html_tokens`, the plugin's one HTML reader.
"""

from __future__ import annotations

from dataclasses import dataclass

from .html_tokens import VOID_ELEMENTS, EndTag, StartTag, Text, tokens
from .names import ABBREVIATIONS_CLASS, CALLOUT_CLASS, TERM_DEFS_CLASS

# The kind of a line: where its text stands on the page.
PROSE = "prose"        # a paragraph, list item, definition, quotation or note
TABLE = "table"        # a table cell or caption
HEADING = "heading"    # a sub-heading (h3–h6) inside a section
CALLOUT = "callout"    # text in a callout box (its label included)
CODE = "code"          # preformatted text
REFERENCE = "reference"  # a list the page generates (the abbreviations and their expansions)
KINDS = (PROSE, TABLE, HEADING, CALLOUT, CODE, REFERENCE)

# Elements whose end (or start) ends a line of text.
BLOCK_TAGS = frozenset({"p", "li", "dt", "dd", "td", "th", "caption", "figcaption", "h1", "h2", "h3", "h4", "h5",
                        "h6", "pre", "blockquote", "div", "tr", "table", "ul", "ol", "dl", "section", "figure",
                        "hr", "aside", "details", "summary", "nav", "header", "footer", "article"})
# Elements read as a space: a line break inside a paragraph does not end its sentence.
SPACE_TAGS = frozenset({"br"})
# Elements whose content is never readable text of the page.
LEFT_OUT_TAGS = frozenset({"form", "script", "style", "template"})
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
TABLE_TAGS = frozenset({"table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption"})


def kind_of(tag: str, classes: list[str], outer: str) -> str:
    """The kind of the text inside a ``tag`` element with ``classes``, within text of kind ``outer``.

    One rule for the Markdown tree and for raw HTML, so a table or a ``pre`` an author
    wrote in HTML counts exactly as one written in Markdown.
    """
    if tag in TABLE_TAGS:
        return TABLE
    if tag in HEADING_TAGS:
        return HEADING
    if tag == "pre":
        return CODE
    if outer == PROSE and CALLOUT_CLASS in classes:
        return CALLOUT
    if ABBREVIATIONS_CLASS in classes:
        return REFERENCE
    return outer


@dataclass(frozen=True, init=False, slots=True)
class Section:
    """A part of a page: the ``h2`` that opens it (empty for the text before the first one) and its lines.

    ``kinds`` gives the kind of each line (same length as ``lines``; empty when unknown, e.g. a
    section made by hand, which then counts as prose).

    Every page's sections are kept from reading to the search index, so the lines are held packed: one
    UTF-8 string (lines never hold a newline: white space is folded) and a byte per kind, about half the
    memory of a tuple of strings (16 → 8.5 MiB for a 300-topic site). ``lines`` and ``kinds`` unpack them on each use.
    """

    anchor: str
    title: str
    packed_lines: bytes
    line_count: int
    packed_kinds: bytes

    def __init__(self, anchor: str, title: str, lines: tuple[str, ...] = (), kinds: tuple[str, ...] = ()):
        packed = "\n".join(lines).encode()
        if kinds and len(kinds) != len(lines):
            raise ValueError(f"{len(lines)} lines but {len(kinds)} kinds")
        if lines and packed.count(b"\n") != len(lines) - 1:
            raise ValueError("a line holds a newline; fold its white space first (pagetext.fold)")
        for name, value in (("anchor", anchor), ("title", title), ("packed_lines", packed), ("line_count", len(lines)),
                            ("packed_kinds", bytes(map(KINDS.index, kinds)))):
            object.__setattr__(self, name, value)

    @property
    def lines(self) -> tuple[str, ...]:
        return tuple(self.packed_lines.decode().split("\n")) if self.line_count else ()

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(KINDS[kind] for kind in self.packed_kinds)

    @property
    def text(self) -> str:
        return self.packed_lines.decode().replace("\n", " ")

    def lines_of(self, *kinds: str) -> tuple[str, ...]:
        """The lines of the given kinds, in order."""
        if not self.packed_kinds:
            return self.lines if PROSE in kinds else ()
        return tuple(line for line, kind in zip(self.lines, self.kinds, strict=True) if kind in kinds)

    @property
    def prose(self) -> tuple[str, ...]:
        """The prose lines alone (no table cells, headings, callouts or code)."""
        return self.lines_of(PROSE)


def opening_words(sections, limit: int, suffix: str = "…") -> str:
    """The first paragraph of the page's prose, cut after ``limit`` words (then ``suffix``); "" when it has none.
    What a page without a written summary is summed up by: never a heading, a table or a hidden block."""
    for section in sections:
        for line in section.prose:
            words = line.split()
            return line if len(words) <= limit else " ".join(words[:limit]) + suffix
    return ""


def fold(text: str) -> str:
    """White space folded to single spaces, trimmed."""
    return " ".join(text.split())


class LineWriter:
    """Collects text into lines: text is appended to the current line; :meth:`end_line` closes it."""

    def __init__(self):
        self.lines: list[str] = []
        self.kinds: list[str] = []
        self._parts: list[str] = []
        self._kind = PROSE

    def write(self, text: str, kind: str) -> None:
        if text:
            if not self._parts:
                self._kind = kind
            self._parts.append(text)

    def end_line(self) -> None:
        line = fold("".join(self._parts))
        self._parts = []
        if line:
            self.lines.append(line)
            self.kinds.append(self._kind)

    def take(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The lines so far and their kinds; starts afresh."""
        self.end_line()
        lines, kinds = tuple(self.lines), tuple(self.kinds)
        self.lines, self.kinds = [], []
        return lines, kinds


def element_edge(name: str, writer: LineWriter, kind: str) -> None:
    """Where an element ``name`` starts or ends in the text: a block ends the line, a line break is a space."""
    if name in BLOCK_TAGS:
        writer.end_line()
    elif name in SPACE_TAGS:
        writer.write(" ", kind)


def write_html(source: str, writer: LineWriter, kind: str) -> None:
    """Write the readable text of raw HTML ``source`` into ``writer``, each line with its kind
    (:func:`kind_of`; ``kind`` outside any element). Block elements end lines; forms, scripts,
    templates and hidden glossary definitions are left out."""
    left_out: list[str] = []  # names of the open elements being left out
    open_kinds: list[tuple[str, str]] = []  # open elements read: (name, kind of their text)
    for token in tokens(source):
        current = open_kinds[-1][1] if open_kinds else kind
        if isinstance(token, StartTag):
            opens = not token.self_closing and token.name not in VOID_ELEMENTS
            classes = token.attrs.get("class", "").split()
            if left_out or token.name in LEFT_OUT_TAGS or TERM_DEFS_CLASS in classes:
                if opens:
                    left_out.append(token.name)
                continue
            element_edge(token.name, writer, current)
            if opens:
                open_kinds.append((token.name, kind_of(token.name, classes, current)))
        elif isinstance(token, EndTag):
            if left_out:
                if token.name in left_out:
                    del left_out[len(left_out) - 1 - left_out[::-1].index(token.name):]
                continue
            names = [name for name, _ in open_kinds]
            if token.name in names:
                del open_kinds[len(names) - 1 - names[::-1].index(token.name):]
            element_edge(token.name, writer, current)
        elif isinstance(token, Text) and not left_out:
            writer.write(token.data, current)


def plain_text(fragment: str) -> str:
    """An HTML fragment as plain text (tags dropped, references decoded, white space folded)."""
    writer = LineWriter()
    write_html(str(fragment), writer, PROSE)
    return " ".join(writer.take()[0])
