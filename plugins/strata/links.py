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
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from .html_tokens import start_tags
from .urls import OUTBOUND_SCHEMES, browser_url, url_scheme

LINK_ATTRIBUTES = ("href", "src", "srcset", "action", "formaction", "poster")
IMAGE_ELEMENTS = frozenset({"img", "source", "video"})


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
    check = _Check(_Resolver(files, site_url.rstrip("/"), offline))
    for page in sorted(f for f in files if f.endswith(".html")):
        with open(os.path.join(output, page), encoding="utf-8", errors="replace") as handle:
            check.page(page, handle.read())
    return check.finish()


class _Check:
    """One pass over the pages: ids of every page, links resolved, fragments of other pages kept for the end."""

    def __init__(self, resolver: _Resolver):
        self.resolver = resolver
        self.report = LinkReport()
        self.ids: dict[str, frozenset[str]] = {}
        self.elsewhere: dict[tuple[str, str], list[tuple[str, int, str]]] = defaultdict(list)

    def page(self, page: str, text: str) -> None:
        page_ids, here = set(), []
        for tag in start_tags(text):
            if "id" in tag.attrs:
                page_ids.add(tag.attrs["id"])
            for attribute in LINK_ATTRIBUTES:
                value = tag.attrs.get(attribute)
                if value is not None:
                    for url in (_srcset(value) if attribute == "srcset" else (value,)):
                        fragment = self._link(page, tag.name, tag.line, url)
                        if fragment is not None:
                            here.append((fragment, tag.line, url))
        self.ids[page] = frozenset(page_ids)
        self.report.dead += [DeadLink(page, line, url, _no_element(fragment, page))
                             for fragment, line, url in here if not _has_id(page_ids, fragment)]

    def _link(self, page: str, element: str, line: int, url: str) -> str | None:
        """Check one URL; return its fragment when it points into ``page`` itself (checked at the page's end)."""
        self.report.links += 1
        resolved = self.resolver.resolve(page, url)
        if isinstance(resolved, str):
            self.report.dead.append(DeadLink(page, line, url, resolved))
            return None
        if resolved is None:
            return None
        target, fragment = resolved
        if element in IMAGE_ELEMENTS:
            self.report.images.setdefault(target, (page, line, url))
        if not fragment:
            return None
        self.report.fragments += 1
        if target == page:
            return fragment
        self.elsewhere[target, fragment].append((page, line, url))
        return None

    def finish(self) -> LinkReport:
        for (target, fragment), uses in self.elsewhere.items():
            if target in self.ids and not _has_id(self.ids[target], fragment):
                self.report.dead += [DeadLink(page, line, url, _no_element(fragment, target))
                                     for page, line, url in uses]
        return self.report


class _Resolver:
    """Turn a URL of a page into ``(target file, fragment)``, None (leaves the site) or why it is dead."""

    def __init__(self, files: set[str], site_url: str, offline: bool):
        self.files, self.site_url, self.offline = files, site_url, offline
        self.cache: dict[tuple[str, str], tuple[str | None, str] | str | None] = {}

    def resolve(self, page: str, url: str) -> tuple[str, str] | str | None:
        folder = posixpath.dirname(page)
        key = (folder, url)
        if key not in self.cache:
            self.cache[key] = self._resolve(folder, browser_url(url))
        resolved = self.cache[key]
        if isinstance(resolved, tuple) and resolved[0] is None:  # a link to the page it is in
            return page, resolved[1]
        return resolved

    def _resolve(self, folder: str, url: str) -> tuple[str | None, str] | str | None:
        scheme = url_scheme(url)
        if scheme and self.site_url and (url == self.site_url or url.startswith(self.site_url + "/")):
            folder, url = "", url[len(self.site_url):].lstrip("/") or "./"
        elif scheme:
            return None if scheme in OUTBOUND_SCHEMES else (
                f"a '{scheme}:' link; links may only leave the site with {', '.join(sorted(OUTBOUND_SCHEMES))}")
        parts = urlsplit(url)
        problem = _path_problem(url, parts.path)
        if problem:
            return problem
        if not parts.path:
            return None, parts.fragment
        target = posixpath.normpath(posixpath.join(folder, unquote(parts.path)))
        if target == ".." or target.startswith("../"):
            return "it points outside the site"
        return self._file(target, parts.fragment)

    def _file(self, target: str, fragment: str) -> tuple[str, str] | str:
        """The file ``target`` names (a folder: its index page, on the web only)."""
        if target in self.files:
            return target, fragment
        index = "index.html" if target == "." else f"{target}/index.html"
        if index not in self.files:
            return f"there is no file {target} in the site"
        if self.offline:
            return f"it names a folder, which opens as a file listing in the offline zip; link to {index} instead"
        return index, fragment


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
    return fragment in ids or unquote(fragment) in ids


def _no_element(fragment: str, target: str) -> str:
    return f"there is no element with id '{unquote(fragment)}' in {target}"
