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
OWN_END = ("?", "!", "...", "…")  # a title ending so takes no period after it (and keeps its ellipsis)
YEARS = range(1400, 2101)  # printed works; a year outside is a slip of the keyboard (20200, 0)
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
        authors = escape(_without_period(self.authors))
        if self.journal:
            # "Nature." loses its period before the comma; an abbreviated name keeps it ("J. Clin. Endocrinol.")
            journal = self.journal[:-1] if self.journal.endswith(".") and "." not in self.journal[:-1] else self.journal
            parts = [Markup("<cite>{}</cite>").format(journal)]
            parts += [escape(gettext(label)) % {"value": value} for label, value in
                      ((N_("vol. %(value)s"), self.volume), (N_("no. %(value)s"), self.issue)) if value is not None]
            parts.append(escape(str(self.year)))
            if self.pages is not None:
                parts.append(escape(gettext("pp. %(value)s")) % {"value": self.pages})
            quoted = gettext("“%(title)s.”")
            if self.title.endswith(OWN_END):  # “Is it safe?” (not “Is it safe?.”)
                quoted = quoted.replace("%(title)s.", "%(title)s")
            title = escape(quoted) % {"title": _without_period(self.title)}
            text = Markup("{}. {} {}.").format(authors, title, Markup(", ").join(parts))
        else:
            details = Markup(" ").join(escape(x) for x in (self.edition, self.publisher) if x)
            text = Markup("{}. <cite>{}</cite>{} {}{}.").format(
                authors, _without_period(self.title), "" if self.title.endswith(OWN_END) else ".",
                details + Markup(", ") if details else "", self.year)
        if self.url and self.url.startswith(("https://", "http://")):
            text += Markup(' <a href="{0}">{0}</a>').format(self.url)
        return text


def _without_period(text: str) -> str:
    """``text`` without its final period(s), which the citation puts back once; an ellipsis is kept."""
    return text if text.endswith(OWN_END) else text.rstrip(".")


def load_references(path: str) -> list[Reference]:
    """Read a references file; raise :class:`~strata.errors.StrataError` at the faulty line: besides the
    schema's checks, an empty text, a year no printed work has, a reference listed twice, a field that the
    reference's kind (an article has a ``journal``, a book has not) would not show, and a ``url`` a browser
    could not open as it is written."""
    records = load_records(path, REFERENCE_SCHEMA, "reference")
    seen: dict[tuple[str, str], int] = {}
    for record in records:
        values, article = record.values, bool(record.values.get("journal"))
        for key, value in values.items():
            if isinstance(value, str) and not value.strip():
                what = REFERENCE_SCHEMA[key].description or f"the {key}"
                remove = "" if REFERENCE_SCHEMA[key].required else ", or remove the line"
                raise record.error(f"'{key}' is empty; after '{key}:', write {what}{remove}", key)
        if values["year"] not in YEARS:
            raise record.error(f"'year: {values['year']}' is not a year of publication: a printed work's year is "
                               f"between {YEARS[0]} and {YEARS[-1]}; write the year of the edition you cite, in "
                               "four digits, e.g. 'year: 2020'", "year")
        same = (" ".join(values["title"].casefold().split()), " ".join(values["authors"].casefold().split()))
        if same in seen:
            raise record.error(f"this reference is listed twice: the one at line {seen[same]} has the same title "
                               "and authors; remove one of them", "title")
        seen[same] = record.line
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
