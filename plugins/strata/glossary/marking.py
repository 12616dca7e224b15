"""Mark glossary terms in a page's rendered HTML: one pass, one compiled matcher.

The HTML is split into tags and text with a small tokenizer and put back together
unchanged except for the inserted term markup: a match is wrapped around the
*original* characters (entities, non-breaking spaces and curly quotes included),
so the visible text never changes and the author's markup is never re-serialised.

A match must lie within one text node: ``HPG <em>axis</em>`` is not marked, which
keeps every insertion well nested (a term never straddles an element boundary).

Each marked occurrence becomes a link to the glossary entry, described by the
term's definition, which is added once, hidden, at the end of the page's HTML::

    <a class="term" href="../glossary.html#hpg-axis" id="term-hpg-axis"
       aria-describedby="def-hpg-axis">HPG axis</a> … <div class="term-defs" hidden>
       <p id="def-hpg-axis" data-term="HPG axis">The HPG axis is …</p></div>

The definitions stay out of the paragraphs, so the text of a paragraph (for search,
copy and paste, reading with CSS off) is exactly what the author wrote.

Without JavaScript it is a plain link to the glossary entry (and the definition is
its accessible description); ``glossary.js`` turns it into a toggletip that shows a
copy of the definition next to the term.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from ..errors import StrataError
from .matcher import Matcher
from .terms import Glossary, Term

# Text inside these elements is never marked.
SKIPPED_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "pre", "kbd", "samp", "abbr", "script",
                          "style", "template", "button", "label", "legend", "summary", "textarea", "select",
                          "option", "svg", "math", "title"})
RAW_TEXT_TAGS = frozenset({"script", "style", "textarea", "title"})
VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                       "track", "wbr"})
FORCED = "data-strata-term"  # set by the Markdown extension on ``[[…]]``

_TOKEN = re.compile(r"<!--.*?-->|<![^>]*>|<\?[^>]*>|</?[A-Za-z][^\s/>]*(?:\"[^\"]*\"|'[^']*'|[^'\">])*>", re.S)
_TAG_NAME = re.compile(r"</?([A-Za-z][^\s/>]*)")
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>=`]+))?""")
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")


@dataclass(frozen=True)
class Occurrence:
    """A marked term on a page: its element id, and the ``##`` section it is in (None: before any)."""

    term: Term
    id: str
    section_id: str | None
    section_title: str | None


@dataclass
class MarkResult:
    html: str
    occurrences: list[Occurrence] = field(default_factory=list)
    errors: list[StrataError] = field(default_factory=list)


def matcher_for(glossary: Glossary) -> Matcher[Term]:
    """The glossary's compiled matcher, built on first use and cached on the glossary."""
    cached = getattr(glossary, "_strata_matcher", None)
    if cached is None or cached[0] is not glossary.terms or cached[1] != len(glossary.terms):
        cached = (glossary.terms, len(glossary.terms),
                  Matcher((name, term) for term in glossary.terms for name in term.names))
        glossary._strata_matcher = cached
    return cached[2]


def attributes(tag: str) -> dict[str, str]:
    """The attributes of a start tag (values unescaped; a bare attribute has the value "")."""
    body = _TAG_NAME.sub("", tag, count=1).rstrip(">").rstrip("/")
    return {name.lower(): html.unescape(value[1:-1] if value[:1] in "\"'" else value) if value else ""
            for name, value in _ATTRIBUTE.findall(body)}


def _skips(tag: str, attrs: dict[str, str]) -> bool:
    classes = attrs.get("class", "").split()
    return (tag in SKIPPED_TAGS or attrs.get("data-glossary") == "off" or "term-defs" in classes
            or (tag == "form" and "quiz" in classes))


def _decode(raw: str) -> tuple[str, list[int], list[int]]:
    """Decode entities of a raw text node; for each decoded character, its raw start and end."""
    chars, starts, ends = [], [], []
    position = 0
    for entity in _ENTITY.finditer(raw):
        for index in range(position, entity.start()):
            chars.append(raw[index])
            starts.append(index)
            ends.append(index + 1)
        text = entity.group()
        decoded = html.unescape(text)
        # Characters the entity left as they were stay characters of their own: in "&ampHPG" (a legacy
        # entity without ';'), "&amp" is "&" and "HPG" is plain text, so a term "HPG" wraps only "HPG".
        kept = len(text) if decoded == text else 0
        while decoded != text and kept < len(decoded) - 1 and text[-1 - kept] == decoded[-1 - kept]:
            kept += 1
        head = entity.end() - kept
        chars.extend(decoded[:len(decoded) - kept])
        starts.extend([entity.start()] * (len(decoded) - kept))
        ends.extend([head] * (len(decoded) - kept))
        position = head
    for index in range(position, len(raw)):
        chars.append(raw[index])
        starts.append(index)
        ends.append(index + 1)
    return "".join(chars), starts, ends


class _Page:
    """The marking of one page: ids in use, terms already marked in the current scope, the output."""

    def __init__(self, glossary: Glossary, glossary_url: str, per_section: bool, auto: bool, source: str):
        self.glossary, self.glossary_url = glossary, glossary_url
        self.matcher = matcher_for(glossary)
        self.per_section, self.auto = per_section, auto
        self.used_ids = set(re.findall(r"""\sid\s*=\s*["']?([^"'\s>]+)""", source))
        self.marked: set[str] = set()
        self.definitions: dict[str, tuple[str, Term]] = {}  # slug -> (id of its definition, term)
        self.known_definitions: set[str] = set()  # definitions already on the page (an earlier pass)
        self.section: tuple[str | None, str | None] = (None, None)
        self.result = MarkResult("")

    def unique(self, candidate: str) -> str:
        result, number = candidate, 1
        while result in self.used_ids:
            number += 1
            result = f"{candidate}-{number}"
        self.used_ids.add(result)
        return result

    def markup(self, term: Term, raw_text: str) -> str:
        occurrence_id = self.unique(f"term-{term.slug}")
        if term.slug not in self.definitions:
            self.definitions[term.slug] = (self.unique(f"def-{term.slug}"), term)
        self.marked.add(term.slug)
        self.result.occurrences.append(Occurrence(term, occurrence_id, *self.section))
        # raw_text is already HTML (a piece of the page); only the attribute values need escaping.
        href, described_by = html.escape(f"{self.glossary_url}#{term.slug}"), self.definitions[term.slug][0]
        return (f'<a class="term" href="{href}" id="{html.escape(occurrence_id)}" '
                f'aria-describedby="{html.escape(described_by)}">{raw_text}</a>')

    def definitions_html(self) -> str:
        """The definitions of the terms marked on this page, hidden, once each (``aria-describedby`` targets)."""
        fresh = [(def_id, term) for def_id, term in self.definitions.values() if def_id not in self.known_definitions]
        if not fresh:
            return ""
        items = "".join(f'<p id="{html.escape(def_id)}" data-term="{html.escape(term.term)}">'
                        f"{term.definition_html}</p>" for def_id, term in fresh)  # definition_html is safe HTML
        return f'\n<div class="term-defs" hidden>{items}</div>\n'


    def text(self, raw: str) -> str:
        if not self.auto:
            return raw
        # Most text has no character reference: then decoded and raw positions are the same.
        decoded, starts, ends = _decode(raw) if "&" in raw else (raw, None, None)
        out, position = [], 0
        for match in self.matcher.finditer(decoded):
            if match.value.slug in self.marked:
                continue
            start, end = (starts[match.start], ends[match.end - 1]) if starts else (match.start, match.end)
            out += [raw[position:start], self.markup(match.value, raw[start:end])]
            position = end
        out.append(raw[position:])
        return "".join(out)

    def forced(self, attrs: dict[str, str], raw_text: str, in_skipped: bool) -> str:
        name, source = attrs.get(FORCED, ""), attrs.get("data-strata-source", "")
        if in_skipped:
            self.result.errors.append(StrataError(
                f"{source} is inside a heading, a link or code, where glossary terms are not marked; "
                "remove the double brackets", needle=source))
            return raw_text
        term = self.matcher.lookup(name)
        if term is None:
            self.result.errors.append(StrataError(
                f"{source}: {name!r} is not in the glossary; check the spelling, or add the term to "
                f"{self.glossary.path or 'the glossary file'}", needle=source))
            return raw_text
        return self.markup(term, raw_text)


class _Walker:
    """Split ``source`` into tags and text; copy tags as they are and hand the markable text to ``page``."""

    def __init__(self, source: str, page: _Page):
        self.source, self.page = source, page
        self.out: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # open elements: (tag, skips its text)
        self.skipping = 0
        self.heading: list[str] | None = None  # text of the h2 being read
        self.heading_id: str | None = None
        self.position = 0

    def run(self) -> str:
        source = self.source
        while (token := _TOKEN.search(source, self.position)) is not None:
            self.text(source[self.position:token.start()])
            self.position = token.end()
            tag_source = token.group()
            if tag_source.startswith("</"):
                self.end_tag(_TAG_NAME.match(tag_source).group(1).lower(), tag_source)
            elif tag_source[1:2].isalpha():
                self.start_tag(_TAG_NAME.match(tag_source).group(1).lower(), tag_source)
            else:
                self.out.append(tag_source)  # comment, doctype, processing instruction
        self.text(source[self.position:])
        return "".join(self.out)

    def text(self, raw: str) -> None:
        if raw:
            if self.heading is not None:
                self.heading.append(raw)
            self.out.append(raw if self.skipping else self.page.text(raw))

    def end_tag(self, tag: str, tag_source: str) -> None:
        if any(open_tag == tag for open_tag, _ in self.stack):
            while self.stack:
                open_tag, skips = self.stack.pop()
                self.skipping -= skips
                if open_tag == tag:
                    break
        if tag == "h2" and self.heading is not None:
            self.page.section = (self.heading_id, " ".join(html.unescape("".join(self.heading)).split()))
            self.heading = None
        self.out.append(tag_source)

    def start_tag(self, tag: str, tag_source: str) -> None:
        attrs = attributes(tag_source)
        if FORCED in attrs:  # <span data-strata-term=…>plain text</span>, from [[…]]
            end = self.source.find("</span>", self.position)
            end = len(self.source) if end < 0 else end
            self.out.append(self.page.forced(attrs, self.source[self.position:end], self.skipping > 0))
            self.position = min(len(self.source), end + len("</span>"))
            return
        if tag == "a" and "term" in attrs.get("class", "").split():  # marked already (by an earlier pass)
            slug = attrs.get("href", "").rpartition("#")[2]
            self.page.marked.add(slug)
            self.page.definitions.setdefault(slug, (attrs.get("aria-describedby", ""), None))
            self.page.known_definitions.add(attrs.get("aria-describedby", ""))
        if tag == "h2":
            self.heading, self.heading_id = [], attrs.get("id")
            if self.page.per_section:
                self.page.marked.clear()
        self.out.append(tag_source)
        if tag in VOID_TAGS or tag_source.endswith("/>"):
            return
        skips = _skips(tag, attrs)
        self.stack.append((tag, skips))
        self.skipping += skips
        if tag in RAW_TEXT_TAGS:  # copy up to the end tag as it is
            closing = re.compile(rf"</{re.escape(tag)}\b", re.IGNORECASE).search(self.source, self.position)
            end = closing.start() if closing else len(self.source)
            self.out.append(self.source[self.position:end])
            self.position = end


def mark_html(source: str, glossary: Glossary, glossary_url: str, *, per_section: bool = False,
              auto: bool = True) -> MarkResult:
    """Mark the first occurrence of each term in ``source`` (per ``##`` section when ``per_section``).

    ``glossary_url`` is the address of the glossary page as seen from this page. ``auto=False``
    marks only the terms the author forced with ``[[…]]``. Errors (an unknown forced term)
    are returned with a ``needle`` to locate them in the Markdown source.
    """
    page = _Page(glossary, glossary_url, per_section, auto, source)
    page.result.html = _Walker(source, page).run() + page.definitions_html()
    return page.result
