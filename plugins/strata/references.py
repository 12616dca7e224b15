"""References: parse a topic's ``references.yaml`` into :class:`Reference` and format citations."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from .i18n import N_
from .records import Field, load_records

TEXT_OR_NUMBER = (str, int)

REFERENCE_SCHEMA = {
    "authors": Field(True, (str,), "the authors as they should be cited"),
    "title": Field(True, (str,), "the title of the article or book"),
    "journal": Field(False, (str,), "the journal, for an article"),
    "volume": Field(False, TEXT_OR_NUMBER),
    "issue": Field(False, TEXT_OR_NUMBER),
    "year": Field(True, (int,), "the year of publication"),
    "pages": Field(False, TEXT_OR_NUMBER),
    "edition": Field(False, (str,)),
    "publisher": Field(False, (str,), "the publisher, for a book"),
    "url": Field(False, (str,), "a link to the work (https://…)"),
}
ARTICLE_ONLY = ("volume", "issue", "pages")  # cited after the journal's name
BOOK_ONLY = ("edition", "publisher")
OWN_END = ("?", "!")  # a title ending so takes no period after it
NOT_IN_URL = re.compile(r'[\x00-\x20\x7f<>"\\^`{|}]')  # never written as is in a URL: percent-encode it


@dataclass(frozen=True)
class Reference:
    authors: str
    title: str
    year: int
    journal: str | None = None
    volume: str | int | None = None
    issue: str | int | None = None
    pages: str | int | None = None
    edition: str | None = None
    publisher: str | None = None
    url: str | None = None

    @property
    def citation(self) -> Markup:
        """The reference in MLA style, as escaped HTML (titles of books and journals in italics)."""
        return self.cite()

    def cite(self, gettext=str) -> Markup:
        """:attr:`citation` with its words (vol., no., pp., quotes) in the language of ``gettext``."""
        authors = escape(self.authors.rstrip("."))
        if self.journal:
            parts = [Markup("<cite>{}</cite>").format(self.journal)]
            parts += [escape(gettext(label)) % {"value": value} for label, value in
                      ((N_("vol. %(value)s"), self.volume), (N_("no. %(value)s"), self.issue)) if value is not None]
            parts.append(escape(str(self.year)))
            if self.pages is not None:
                parts.append(escape(gettext("pp. %(value)s")) % {"value": self.pages})
            quoted = gettext("“%(title)s.”")
            if self.title.endswith(OWN_END):  # “Is it safe?” (not “Is it safe?.”)
                quoted = quoted.replace("%(title)s.", "%(title)s")
            title = escape(quoted) % {"title": self.title.rstrip(".")}
            text = Markup("{}. {} {}.").format(authors, title, Markup(", ").join(parts))
        else:
            details = Markup(" ").join(escape(x) for x in (self.edition, self.publisher) if x)
            text = Markup("{}. <cite>{}</cite>{} {}{}.").format(
                authors, self.title.rstrip("."), "" if self.title.endswith(OWN_END) else ".",
                details + Markup(", ") if details else "", self.year)
        if self.url and self.url.startswith(("https://", "http://")):
            text += Markup(' <a href="{0}">{0}</a>').format(self.url)
        return text


def load_references(path: str) -> list[Reference]:
    """Read a references file; raise :class:`~strata.errors.StrataError` at the faulty line: besides the
    schema's checks, a field that the reference's kind (an article has a ``journal``, a book has not) would not
    show, and a ``url`` a browser could not open as it is written."""
    records = load_records(path, REFERENCE_SCHEMA, "reference")
    for record in records:
        values, article = record.values, bool(record.values.get("journal"))
        for key in BOOK_ONLY if article else ARTICLE_ONLY:
            if key in values:
                raise record.error(_misplaced(key, values[key], article=not article), key)
        problem = url_problem(values["url"]) if "url" in values else None
        if problem:
            raise record.error(f"the url {values['url']!r} {problem}", "url")
    return [Reference(**record.values) for record in records]


def _misplaced(key: str, value, article: bool) -> str:
    """Why ``key`` is not shown: it belongs to an ``article`` (and the reference has no journal), or to a book."""
    if article:
        return (f"'{key}: {value}' is cited only for an article, after its journal, and this reference has no "
                "'journal:'; add 'journal: <the journal's name>', or remove the line (a book takes 'edition:' "
                "and 'publisher:')")
    return (f"'{key}: {value}' is cited only for a book, and this reference has 'journal:' (an article); "
            "remove one of the two lines")


def url_problem(url: str) -> str | None:
    """What keeps ``url`` from being a whole http(s) address that a browser opens as written, said so that
    the message "the url '…' <problem>" tells what to write; None when it is one."""
    if not url.startswith(("https://", "http://")):
        return "is not a web address; write it in full, starting with https://, or remove the line"
    bad = NOT_IN_URL.search(url)
    if bad:
        character = bad.group()
        name = ("a space" if character == " " else f"the character {character!r}" if character.isprintable()
                else "a control character")
        return f"has {name}; write it as {percent_encoded(character)} ({percent_encoded(url)!r}), or remove the line"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (raises ValueError for a port that is not a number)
    except ValueError:
        parts = None
    if parts is None or not parts.hostname:
        return ("is not a web address a browser can open (after 'https://' comes the site's name, "
                "e.g. https://example.org/page); correct it, or remove the line")
    return None


def percent_encoded(url: str) -> str:
    """``url`` with each character that a URL never holds as it is (:data:`NOT_IN_URL`) percent-encoded."""
    return NOT_IN_URL.sub(lambda match: "".join(f"%{byte:02X}" for byte in match.group().encode()), url)
