"""References: parse a topic's ``references.yaml`` into :class:`Reference` and format citations."""

from __future__ import annotations

from dataclasses import dataclass

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
            title = escape(gettext("“%(title)s.”")) % {"title": self.title.rstrip(".")}
            text = Markup("{}. {} {}.").format(authors, title, Markup(", ").join(parts))
        else:
            details = Markup(" ").join(escape(x) for x in (self.edition, self.publisher) if x)
            text = Markup("{}. <cite>{}</cite>. {}{}.").format(
                authors, self.title.rstrip("."), details + Markup(", ") if details else "", self.year)
        if self.url and self.url.startswith(("https://", "http://")):
            text += Markup(' <a href="{0}">{0}</a>').format(self.url)
        return text


def load_references(path: str) -> list[Reference]:
    """Read a references file; raise :class:`~strata.errors.StrataError` at the faulty line."""
    records = load_records(path, REFERENCE_SCHEMA, "reference")
    for record in records:
        url = record.values.get("url")
        if url is not None and not url.startswith(("https://", "http://")):
            raise record.error(f"url {url!r} is not a web address; write it in full, starting with https://, "
                               "or remove the line", "url")
    return [Reference(**record.values) for record in records]
