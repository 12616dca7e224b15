"""The glossary data file: parse and validate it into :class:`Glossary`.

Format (documented in AUTHORING.md)::

    - term: HPG axis
      aliases: [Hypothalamic-Pituitary-Gonadal axis]
      definition: The HPG axis is a *hormone pathway* ...
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

from markupsafe import Markup

from ..markdown.safe import render_inline
from ..names import name_key
from ..records import Field, Record, load_records

GLOSSARY_SCHEMA = {
    "term": Field(True, (str,), "the word or phrase, as it should be listed"),
    "aliases": Field(False, (list,), "other names that mean the same, e.g. [TRT]"),
    "definition": Field(True, (str,), "one or two plain sentences; inline Markdown allowed"),
}


@dataclass(frozen=True)
class Term:
    """One glossary entry. ``slug`` is its stable anchor on the glossary page."""

    term: str
    slug: str
    definition: str
    aliases: tuple[str, ...] = ()
    line: int = 0

    @property
    def names(self) -> tuple[str, ...]:
        """Every name under which the term is recognised in text."""
        return (self.term, *self.aliases)

    @cached_property
    def definition_html(self) -> Markup:
        """The definition as safe inline HTML (rendered once per build, then reused on every page)."""
        return render_inline(self.definition)

    @property
    def letter(self) -> str:
        first = sort_key(self.term)[:1].upper()
        return first if first.isalpha() else "#"


@dataclass
class Glossary:
    """All terms, sorted alphabetically, with look-up by slug."""

    path: str | None = None
    terms: list[Term] = field(default_factory=list)

    def __post_init__(self):
        self.terms.sort(key=lambda t: sort_key(t.term))
        self.by_slug = {t.slug: t for t in self.terms}

    @property
    def letters(self) -> list[str]:
        return sorted({t.letter for t in self.terms})


def slugify(text: str) -> str:
    """``"HPG axis"`` → ``"hpg-axis"``: ASCII, lower case, words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def sort_key(text: str) -> str:
    return unicodedata.normalize("NFKD", text).casefold()


def load_glossary(path: str) -> Glossary:
    """Read and validate the glossary file; raise :class:`~strata.errors.StrataError` at the first bad entry."""
    records = load_records(path, GLOSSARY_SCHEMA, "glossary entry")
    seen: dict[str, tuple[str, Record]] = {}  # casefolded name -> (kind, record)
    terms = []
    for record in records:
        term = _term(record)
        for kind, name in [("term", term.term)] + [("alias", a) for a in term.aliases]:
            key = name_key(name)
            if key in seen:
                other_kind, other = seen[key]
                raise record.error(
                    f"{kind} {name!r} is already used as {'an alias' if other_kind == 'alias' else 'a term'} "
                    f"at line {other.line}; "
                    "each term and alias must be unique (letter case is ignored)",
                    "term" if kind == "term" else "aliases")
            seen[key] = (kind, record)
        if term.slug in {t.slug for t in terms}:
            raise record.error(f"term {term.term!r} gives the same anchor #{term.slug} as another term; "
                               "rename one of them", "term")
        terms.append(term)
    return Glossary(path, terms)


def _term(record: Record) -> Term:
    values = record.values
    name = " ".join(values["term"].split())
    definition = " ".join(values["definition"].split())
    if not name:
        raise record.error("the term is empty; write the word or phrase after 'term:'", "term")
    if not slugify(name):
        raise record.error(f"term {name!r} needs at least one letter or digit", "term")
    if not definition:
        raise record.error(f"the definition of {name!r} is empty; write one or two sentences", "definition")
    aliases = []
    for alias in values.get("aliases", []):
        if not isinstance(alias, str) or not alias.strip():
            raise record.error("each alias must be a non-empty piece of text, e.g. aliases: [TRT]", "aliases")
        aliases.append(" ".join(alias.split()))
    return Term(name, slugify(name), definition, tuple(aliases), record.line)
