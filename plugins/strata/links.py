"""Every link of the built site checked: internal links and ``#fragments`` resolve, only the web leaves.

After Pelican has written the site (``finalized``), every page of the output is read
once with :func:`~strata.html_tokens.start_tags`. Each ``href``, ``src``,
``srcset``, ``action``, ``formaction`` and ``poster`` must be one of:

- an internal URL (relative, or under the public ``SITEURL``) naming a file of the
  output (a folder only on the web: in the offline zip a folder opens as a file
  listing), with its ``#fragment``, if any, the ``id`` of an element of that page;
- an ``http:``, ``https:``, ``mailto:`` or ``tel:`` URL (not followed: the build is
  offline).

Links starting with ``/`` are refused (they break in the offline zip), as are
``//host`` links and every other scheme. The check is linear: one pass over the
pages collects their ids and resolves what it can (the same URL from the same
folder is resolved once); links to another page's fragment are kept per target and
checked at the end.

A dead link is reported at the ``path:line`` of the Markdown that wrote it (found
by its URL in the page's source, else in the glossary), or else at the template
that wrote it, with the built page and line. Images over the ``image_budget_kb``
budget are a warning at the same place.
"""

from __future__ import annotations

import os
import posixpath
import re
from dataclasses import dataclass, field
from urllib.parse import unquote

from .html_tokens import start_tags
from .urls import OUTBOUND_SCHEMES, browser_url, url_scheme

LINK_ATTRIBUTES = frozenset({"href", "src", "srcset", "action", "formaction", "poster"})
IMAGE_ELEMENTS = frozenset({"img", "source", "video"})
_NEEDS_CLEANING = re.compile(r"[\x00-\x20]")  # what browsers strip from a URL (see urls.browser_url)
_UNKNOWN = object()
_WANTED = LINK_ATTRIBUTES | {"id"}


@dataclass(frozen=True)
class DeadLink:
    """A link of the built page ``page`` (relative to the output) at ``line`` that does not resolve."""

    page: str
    line: int
    url: str
    reason: str


@dataclass
class LinkReport:
    """What the check found: how many links and fragments, the dead links, the images used."""

    links: int = 0
    fragments: int = 0
    dead: list[DeadLink] = field(default_factory=list)
    images: dict[str, tuple[str, int, str]] = field(default_factory=dict)  # file → first (page, line, url)


def check_output(output: str, site_url: str = "", offline: bool = False) -> LinkReport:
    """Check every page of the built site in ``output`` (``site_url``: the public address, if absolute)."""
    files = set()
    for folder, _, names in os.walk(output):
        relative = os.path.relpath(folder, output).replace(os.sep, "/")
        files.update(name if relative == "." else f"{relative}/{name}" for name in names)

    def read(page: str) -> str:
        with open(os.path.join(output, page), encoding="utf-8", errors="replace") as handle:
            return handle.read()

    check = _Check(_Resolver(files, site_url.rstrip("/"), offline))
    pages = sorted(f for f in files if f.endswith(".html"))
    for page in pages:
        check.page(page, read(page))
    return check.finish(pages, read)


@dataclass(frozen=True)
class _Dead:
    reason: str


class _Check:
    """One pass over the pages: ids of every page, links resolved, fragments of other pages kept for the end."""

    def __init__(self, resolver: _Resolver):
        self.resolver = resolver
        self.report = LinkReport()
        self.ids: dict[str, frozenset[str]] = {}
        self.elsewhere: dict[tuple[str, str], bool] = {}  # (page, fragment) linked from another page

    def page(self, page: str, text: str) -> None:
        page_ids, here = set(), []
        report, elsewhere = self.report, self.elsewhere
        for element, line, url, resolved, attrs in self._links(page, text):
            if attrs is not None:
                page_ids.add(attrs["id"])
                continue
            report.links += 1
            if isinstance(resolved, _Dead):
                report.dead.append(DeadLink(page, line, url, resolved.reason))
                continue
            if resolved is None:
                continue
            target, fragment = resolved
            if element in IMAGE_ELEMENTS and target not in report.images:
                report.images[target] = (page, line, url)
            if fragment:
                report.fragments += 1
                if target == page:
                    here.append((fragment, line, url))
                else:
                    elsewhere[target, fragment] = True
        self.ids[page] = frozenset(page_ids)
        report.dead += [DeadLink(page, line, url, _no_element(fragment, page))
                        for fragment, line, url in here if not _has_id(page_ids, fragment)]

    def _links(self, page: str, text: str):
        """``(element, line, url, resolution, None)`` per URL of ``page``, and ``(…, attrs)`` per tag with an id."""
        folder = posixpath.dirname(page)
        resolve = self.resolver.resolve
        for tag in start_tags(text, _WANTED):
            attrs = tag.attrs
            if "id" in attrs:
                yield tag.name, tag.line, "", None, attrs
            for attribute, value in attrs.items():
                if attribute in LINK_ATTRIBUTES:
                    for url in (_srcset(value) if attribute == "srcset" else (value,)):
                        yield tag.name, tag.line, url, resolve(page, folder, url), None

    def finish(self, pages: list[str], read) -> LinkReport:
        """Check the fragments linked from other pages; find every link to a missing one (a second pass,
        only when there is one)."""
        missing = {key for key in self.elsewhere if key[0] in self.ids and not _has_id(self.ids[key[0]], key[1])}
        for page in pages if missing else ():
            for _, line, url, resolved, attrs in self._links(page, read(page)):
                if attrs is None and isinstance(resolved, tuple) and resolved[0] != page and resolved in missing:
                    self.report.dead.append(DeadLink(page, line, url, _no_element(resolved[1], resolved[0])))
        return self.report


class _Resolver:
    """Turn a URL of a page into ``(target file, fragment)``, None (it leaves the site) or :class:`_Dead`.

    The part before ``#`` is resolved once per folder (pages of a folder share most links)."""

    def __init__(self, files: set[str], site_url: str, offline: bool):
        self.files, self.site_url, self.offline = files, site_url, offline
        self.cache: dict[tuple[str, str], str | _Dead | None] = {}

    def resolve(self, page: str, folder: str, url: str) -> tuple[str, str] | _Dead | None:
        if _NEEDS_CLEANING.search(url):
            url = browser_url(url)
        if url.startswith("#"):
            return page, url[1:]
        before, _, fragment = url.partition("#")
        key = (folder, before)
        target = self.cache.get(key, _UNKNOWN)
        if target is _UNKNOWN:
            target = self.cache[key] = self._resolve(folder, before)
        if target is None or isinstance(target, _Dead):
            return target
        return (target or page), fragment

    def _resolve(self, folder: str, url: str) -> str | _Dead | None:
        """The file ``url`` (without fragment) names, "" for the page itself."""
        scheme = url_scheme(url) if ":" in url else None
        if scheme and self.site_url and (url == self.site_url or url.startswith(self.site_url + "/")):
            folder, url = "", url[len(self.site_url):].lstrip("/") or "./"
        elif scheme:
            return None if scheme in OUTBOUND_SCHEMES else _Dead(
                f"a '{scheme}:' link; links may only leave the site with {', '.join(sorted(OUTBOUND_SCHEMES))}")
        path = url.partition("?")[0]
        problem = _path_problem(url, path)
        if problem:
            return _Dead(problem)
        if not path:
            return ""
        target = posixpath.normpath(posixpath.join(folder, unquote(path)))
        if target == ".." or target.startswith("../"):
            return _Dead("it points outside the site")
        return self._file(target)

    def _file(self, target: str) -> str | _Dead:
        """The file ``target`` names (a folder: its index page, on the web only)."""
        if target in self.files:
            return target
        index = "index.html" if target == "." else f"{target}/index.html"
        if index not in self.files:
            return _Dead(f"there is no file {target} in the site")
        if self.offline:
            return _Dead(f"it names a folder, which opens as a file listing in the offline zip; link to {index} "
                         "instead")
        return index


def _path_problem(url: str, path: str) -> str | None:
    if url.startswith("//"):
        return "a link without its scheme; write the full https:// address"
    if path.startswith("/"):
        return ("it starts at the server's root, which breaks in the offline zip and below a site's root; "
                "write a link relative to the page")
    return None


def _srcset(value: str) -> list[str]:
    return [candidate.split()[0] for candidate in value.split(",") if candidate.split()]


def _has_id(ids: frozenset[str] | set[str], fragment: str) -> bool:
    return fragment in ids or ("%" in fragment and unquote(fragment) in ids)


def _no_element(fragment: str, target: str) -> str:
    return f"there is no element with id '{unquote(fragment)}' in {target}"
