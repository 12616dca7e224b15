"""The glossary data files: parse and validate them into one :class:`Glossary` per build.

Format (documented in AUTHORING.md)::

    - term: HPG axis
      aliases: [Hypothalamic-Pituitary-Gonadal axis]
      definition: The HPG axis is a *hormone pathway* ...

The site's glossary (``content/glossary.yaml``) holds the shared terms. A topic may
have its own (``content/topics/<slug>/glossary.yaml``): its entries add terms, or
give a shared term (same name) a definition of its own, on that topic's pages. On
the glossary page a site entry keeps the anchor ``#<slug>``; a topic's entry has
``#<slug>--<topic>`` (a slug never holds ``--``, so the two never clash).
"""

from __future__ import annotations

import glob
import hashlib
import logging
import os
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

from markupsafe import Markup

from ..errors import StrataError, display_path
from ..ids import unicode_slug
from ..markdown.safe import render_inline, text_problem
from ..names import name_key, spell_out
from ..records import Field, Record, load_records
from .matcher import Matcher

logger = logging.getLogger("pelican.strata.glossary")  # under Pelican's logger, which shows warnings
TOPIC_GLOSSARY = "glossary.yaml"  # in a topic's folder: content/topics/<slug>/glossary.yaml
# A definition is one paragraph (shown in the toggletip and read as the link's description): a blank line, or a
# line (the first, or one in a YAML block, | or >) that starts a list, a quote, a heading or is a rule (***),
# would make it more than one, or be flattened into it.
_BLOCK_MARKDOWN = re.compile(r"\n[ \t]*\n\s*\S|(?:^|\n)[ \t]*(?:[-*+>]|#{1,6}|\d+[.)])(?:[ \t]|$)"
                             r"|(?:^|\n)[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*(?:\n|$)")

GLOSSARY_SCHEMA = {
    "term": Field(True, (str,), "the word or phrase, as it should be listed"),
    "aliases": Field(False, (list,), "other names that mean the same, e.g. [TRT]", "alias"),
    "definition": Field(True, (str,), "one or two plain sentences; inline Markdown allowed"),
}
# A translated glossary (``glossary.<lang>.yaml``, ``topics/<slug>/<lang>/glossary.yaml``): each entry names the
# entry of the site's language it translates, so that a term left untranslated can be reported.
TRANSLATED_SCHEMA = {**GLOSSARY_SCHEMA, "translates": Field(
    True, (str,), "the term, as the glossary in the site's language writes it, that this entry translates")}


@dataclass(frozen=True)
class Term:
    """One glossary entry. ``slug`` is its stable anchor on the glossary page."""

    term: str
    slug: str
    definition: str
    aliases: tuple[str, ...] = ()
    line: int = 0
    topic: str | None = None  # the topic whose pages use this entry; None: every page (the site's glossary)
    translates: str | None = None  # in a translated glossary: the name of the entry it translates

    @property
    def anchor(self) -> str:
        """The entry's id on the glossary page."""
        return self.slug if self.topic is None else f"{self.slug}--{self.topic}"

    @property
    def names(self) -> tuple[str, ...]:
        """Every name under which the term is recognised in text."""
        return (self.term, *self.aliases)

    @cached_property
    def definition_html(self) -> Markup:
        """The definition as safe inline HTML (rendered once per build, then reused on every page)."""
        return render_inline(self.definition)

    @property
    def initial(self) -> str:
        """The first character of the term without its accents, upper case (``é`` → ``E``, ``β₂`` → ``Β``)."""
        return sort_key(self.term)[:1].upper()


@dataclass
class Glossary:
    """Every entry (the site's and the topics'), sorted alphabetically, a site entry before a topic's."""

    path: str | None = None
    terms: list[Term] = field(default_factory=list)
    version: str = ""  # changes whenever a glossary file does (see strata.cache)

    def __post_init__(self):
        self.terms.sort(key=lambda t: (sort_key(t.term), t.topic or ""))
        self.by_slug = {t.slug: t for t in self.terms if t.topic is None}
        self.by_anchor = {t.anchor: t for t in self.terms}
        self._topics = frozenset(t.topic for t in self.terms if t.topic is not None)  # asked once per page
        self._matchers: dict[str | None, Matcher[Term]] = {}

    @property
    def sections(self) -> list[tuple[str, list[Term]]]:
        """The entries under their initial letters, in order, for the glossary page's A–Z: the letters of the
        glossary's own script (the one most entries start in: Latin in English, Arabic in Arabic), then, under
        ``""`` (the page's "Other"), entries starting with a digit, a symbol or a letter of another script
        (``α-blocker`` in an English glossary: a Greek ``Α`` beside a Latin ``A`` would look the same)."""
        scripts = [script(t.initial) for t in self.terms]
        own = max(sorted(set(scripts) - {""}), key=scripts.count, default="")
        by_letter: dict[str, list[Term]] = {}
        for term, its_script in zip(self.terms, scripts, strict=True):
            by_letter.setdefault(term.initial if its_script == own else "", []).append(term)
        return sorted(by_letter.items(), key=lambda section: (not section[0], section[0]))

    @property
    def topics(self) -> frozenset[str]:
        """The topics with entries of their own."""
        return self._topics

    def terms_for(self, topic: str | None) -> list[Term]:
        """The entries used on a page of ``topic``: the topic's own, then the site's it does not redefine."""
        own = [t for t in self.terms if t.topic is not None and t.topic == topic]
        redefined = {name_key(t.term) for t in own}
        return own + [t for t in self.terms if t.topic is None and name_key(t.term) not in redefined]

    def matcher(self, topic: str | None = None) -> Matcher[Term]:
        """The compiled matcher for the pages of ``topic`` (built once per build and topic)."""
        key = topic if topic in self.topics else None
        if key not in self._matchers:
            self._matchers[key] = Matcher((name, term) for term in self.terms_for(key) for name in term.names)
        return self._matchers[key]


def slugify(text: str) -> str:
    """``"HPG axis"`` → ``"hpg-axis"``: ASCII, lower case, words joined by hyphens; a name with no Latin letter or
    digit (``"Αίμα"``, ``"هرمون"``) keeps its own letters, lower case, as a heading's id does (:mod:`strata.ids`)."""
    # NFKD makes a non-breaking hyphen (U+2011) a hyphen (U+2010): a word break like "-", as in the matcher.
    # Letters that do not decompose are spelt out first (names.spell_out): "Fußball" → "fussball", not "fuball".
    ascii_text = unicodedata.normalize("NFKD", spell_out(text)).replace("\u2010", "-")
    ascii_text = ascii_text.encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or unicode_slug(text)


def sort_key(text: str) -> str:
    """How terms are ordered and grouped: without accents, letters that do not decompose spelt out (``Øresund``
    under O, ``Łódź`` under L), ignoring case."""
    return unicodedata.normalize("NFKD", spell_out(text)).casefold()


def script(character: str) -> str:
    """The script of a letter as Unicode names it (``LATIN``, ``GREEK``, ``ARABIC``…); "" for a digit or symbol."""
    return unicodedata.name(character, "").split(" ", 1)[0] if character.isalpha() else ""


def translated_glossary_file(glossary_file: str, lang: str | None) -> str:
    """``glossary.yaml`` → ``glossary.es.yaml``: the file of the glossary in language ``lang`` (None: the site's)."""
    stem, extension = os.path.splitext(glossary_file)
    return f"{stem}.{lang}{extension}" if lang else glossary_file


def translated_languages(content_path: str, glossary_file: str, is_language) -> list[str]:
    """The languages that have a translated glossary file, the site's or a topic's (``is_language(name)``
    says whether a name is a language code)."""
    stem, extension = os.path.splitext(glossary_file)
    root = glob.escape(content_path)
    found = {os.path.basename(p)[len(os.path.basename(stem)) + 1:-len(extension) or None]
             for p in glob.glob(os.path.join(root, f"{glob.escape(stem)}.*{extension}"))}
    found |= {os.path.basename(os.path.dirname(p))
              for p in glob.glob(os.path.join(root, "topics", "*", "*", TOPIC_GLOSSARY))}
    return sorted(name for name in found if is_language(name))


def capitalised_glossaries(content_path: str, glossary_file: str, is_language) -> list[StrataError]:
    """A translated glossary named with its language code in capitals (``glossary.ES.yaml``), which is not read."""
    stem, extension = os.path.splitext(glossary_file)
    problems = []
    for path in sorted(glob.glob(os.path.join(glob.escape(content_path), f"{glob.escape(stem)}.*{extension}"))):
        name = os.path.basename(path)[len(os.path.basename(stem)) + 1:-len(extension) or None]
        if not is_language(name) and is_language(name.lower()):
            problems.append(StrataError(f"this file is not read: a language code is written in lower case; rename "
                                        f"it {os.path.basename(translated_glossary_file(glossary_file, name.lower()))}",
                                        path, 1))
    return problems


def load_site_glossary(content_path: str, glossary_file: str, lang: str | None = None,
                       original: Glossary | None = None, reserved: frozenset[str] = frozenset()
                       ) -> tuple[Glossary, list[StrataError]]:
    """The site's glossary and every topic's, and the problems found in them (one per bad file); with ``lang``,
    the glossary translated into that language (``glossary.<lang>.yaml`` and ``topics/*/<lang>/glossary.yaml``),
    each entry's ``translates:`` checked against the ``original`` glossary. No anchor is one of ``reserved``
    (the ids the theme writes on every page: see :func:`load_glossary`)."""
    site_path = os.path.join(content_path, translated_glossary_file(glossary_file, lang))
    topics = ("*", lang, TOPIC_GLOSSARY) if lang else ("*", TOPIC_GLOSSARY)
    topic_paths = sorted(glob.glob(os.path.join(glob.escape(content_path), "topics", *topics)))
    terms, problems, digest = [], [], hashlib.sha256()
    up = 2 if lang else 1  # topics/<slug>/[<lang>/]glossary.yaml
    for path, topic in [(site_path, None)] + [(p, os.path.basename(_parent(p, up))) for p in topic_paths]:
        if not os.path.exists(path):
            continue
        try:
            with open(path, "rb") as handle:
                digest.update(f"{topic}\0".encode() + handle.read() + b"\0")
            found = load_glossary(path, topic, TRANSLATED_SCHEMA if lang else GLOSSARY_SCHEMA, reserved).terms
            if original is not None:
                problems += _unknown_originals(found, original, path)
            terms += found
        except StrataError as exc:
            problems.append(exc)
        except OSError as exc:
            problems.append(StrataError(f"cannot read this file ({exc})", path, 1))
    _warn_of_takeovers(terms, site_path, topic_paths, up)
    return Glossary(site_path, terms, digest.hexdigest()[:16]), problems


def _warn_of_takeovers(terms: list[Term], site_path: str, topic_paths: list[str], up: int) -> None:
    """Warn of a topic's entry with a name (term or alias) of another entry of the site's glossary: on the topic's
    pages that name is explained by the topic's entry (an entry with the same term redefines it: that is meant)."""
    site = {name_key(name): term for term in terms if term.topic is None for name in term.names}
    paths = {os.path.basename(_parent(path, up)): path for path in topic_paths}
    for term in terms:
        for name in term.names if term.topic is not None else ():
            other = site.get(name_key(name))
            if other is not None and name_key(other.term) != name_key(term.term):
                kind = "term" if name == term.term else f"alias {name!r} of"
                logger.warning("%s:%d: the %s %r is also a name of the site's entry %r (%s:%d), which it replaces on "
                               "this topic's pages; rename one of them, or, to give %r a definition of its own on "
                               "this topic, write 'term: %s'", display_path(paths[term.topic]), term.line,
                               kind, term.term, other.term, display_path(site_path), other.line, other.term,
                               other.term)


def _unknown_originals(terms: list[Term], original: Glossary, path: str) -> list[StrataError]:
    """A translated entry whose ``translates:`` names no entry of the glossary in the site's language."""
    names = {name_key(name) for term in original.terms for name in term.names}
    return [StrataError(f"'translates: {term.translates}' names no entry of the glossary in the site's language "
                        f"({os.path.basename(original.path or 'glossary.yaml')} or a topic's glossary.yaml); "
                        "write the term as that glossary has it", path, term.line)
            for term in terms if name_key(term.translates or "") not in names]


def _parent(path: str, levels: int) -> str:
    for _ in range(levels):
        path = os.path.dirname(path)
    return path


def load_glossary(path: str, topic: str | None = None, schema: dict = GLOSSARY_SCHEMA,
                  reserved: frozenset[str] = frozenset()) -> Glossary:
    """Read and validate one glossary file (of ``topic``, or the site's); raise
    :class:`~strata.errors.StrataError` at the first bad entry. A term whose slug is one of ``reserved`` (an id
    the theme writes, e.g. ``main``) is anchored at ``<slug>-2``, as a heading is (:mod:`strata.ids`)."""
    records = load_records(path, schema, "glossary entry")
    seen: dict[str, tuple[str, Record]] = {}  # casefolded name -> (kind, record)
    terms = []
    for record in records:
        term = _term(record, topic, reserved)
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


def _term(record: Record, topic: str | None, reserved: frozenset[str] = frozenset()) -> Term:
    values = record.values
    name = " ".join(values["term"].split())
    definition = " ".join(values["definition"].split())
    if not name:
        raise record.error("the term is empty; write the word or phrase after 'term:'", "term")
    if not slugify(name):
        raise record.error(f"term {name!r} needs at least one letter or digit", "term")
    if not definition:
        raise record.error(f"the definition of {name!r} is empty; write one or two sentences", "definition")
    if _BLOCK_MARKDOWN.search(values["definition"]):
        raise record.error(f"the definition of {name!r} has more than one paragraph, or a list, a heading, a "
                           "quote or a rule; a definition is one paragraph, shown next to the word: write one or two "
                           "sentences, and explain more on a topic page", "definition")
    problem = text_problem(values["definition"].strip(), f"the definition of {name!r}")
    if problem:
        raise record.error(problem, "definition")
    aliases = []
    for alias in values.get("aliases", []):
        if not isinstance(alias, str) or not alias.strip():
            raise record.error("each alias must be a non-empty piece of text, e.g. aliases: [TRT]", "aliases")
        aliases.append(" ".join(alias.split()))
    translates = " ".join(values["translates"].split()) if "translates" in values else None
    slug = slugify(name)
    return Term(name, f"{slug}-2" if slug in reserved else slug, definition, tuple(aliases), record.line, topic,
                translates)
