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
checked at the end. Given the previous check's :class:`LinkMemory`, pages whose bytes are
unchanged (in a site with the same files) are not parsed again.

A dead link is reported at the ``path:line`` of the Markdown that wrote it (found
by its URL in the page's source, else in the glossary), or else at the template
that wrote it, with the built page and line. Images over the ``image_budget_kb``
budget are a warning at the same place.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from .html_tokens import start_tags
from .urls import OUTBOUND_SCHEMES, browser_url, url_scheme

LINK_ATTRIBUTES = frozenset({"href", "src", "srcset", "action", "formaction", "poster"})
IMAGE_ELEMENTS = frozenset({"img", "source", "video"})
_NEEDS_CLEANING = re.compile(r"[\x00-\x20]")  # what browsers strip from a URL (see urls.browser_url)
_UNKNOWN = object()
_WANTED = LINK_ATTRIBUTES | {"id"}
ID_END = "\0"  # ends each id in PageLinks.ids (no id holds one: a browser reads a NUL in a value as U+FFFD)


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
    targets: set[str] = field(default_factory=set)  # every file a link found


def check_output(output: str, site_url: str = "", offline: bool = False, memory: LinkMemory | None = None
                 ) -> LinkReport:
    """Check every page of the built site in ``output`` (``site_url``: the public address, if absolute).

    With ``memory`` (the previous check's, kept by the caller), a page whose bytes are those checked last
    time is not parsed again, unless the files of the site changed in a way that changes what its links
    find: a file it links to is gone, or it had a dead link and files arrived (a rebuild adds and removes
    search shards). Its own findings are reused, and links to other pages' fragments are checked anew
    against every page's ids. The report is the one a check without memory gives."""
    files = set()
    for folder, _, names in os.walk(output):
        relative = os.path.relpath(folder, output).replace(os.sep, "/")
        files.update(name if relative == "." else f"{relative}/{name}" for name in names)
    files = frozenset(files)
    setup = (os.path.abspath(output), site_url, offline)
    known = memory.pages if memory is not None and memory.setup == setup else {}
    gone, arrived = (memory.files - files, bool(files - memory.files)) if known else (frozenset(), False)
    check = _Check(_Resolver(files, site_url.rstrip("/"), offline))
    pages = sorted(f for f in files if f.endswith(".html"))
    found: dict[str, PageLinks] = {}
    for page in pages:
        with open(os.path.join(output, page), "rb") as handle:
            data = handle.read()
        digest = hashlib.blake2b(data, digest_size=16).digest() if memory is not None else b""
        earlier = known.get(page)
        reusable = (earlier is not None and earlier.digest == digest and gone.isdisjoint(earlier.targets)
                    and not (arrived and earlier.dead))
        found[page] = earlier if reusable else check.page(page, _text(data), digest)
    if memory is not None:
        memory.setup, memory.files, memory.pages = setup, files, found
    return check.report(found, lambda page: _text(Path(output, page).read_bytes()))


def _text(data: bytes) -> str:
    """A page's text as Python reads a text file (UTF-8, bad bytes replaced, universal newlines)."""
    text = data.decode("utf-8", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


@dataclass
class PageLinks:
    """What the check found on one page that other pages do not change (the site's files being the same)."""

    digest: bytes                              # of the page's bytes
    ids: str                                    # its ids, each followed by NUL (a set of them takes several times more)
    links: int
    fragments: int
    dead: list[DeadLink]                        # links to no file, refused links, fragments missing here
    elsewhere: tuple[tuple[str, str], ...]      # (page, fragment) this page links to on other pages, once each
    images: dict[str, tuple[str, int, str]]     # image file → its first (page, line, url) on this page
    targets: tuple[str, ...]                    # the files its links found, once each (tuples, not sets: the
                                                # peak of a 1,000-topic build fell from 274 to 266 MiB)

    def id_set(self) -> frozenset[str]:
        return frozenset(self.ids.split(ID_END)[:-1])


@dataclass
class LinkMemory:
    """The previous check's findings per page, and the site they hold for (output, address, files)."""

    setup: tuple = ()
    files: frozenset[str] = frozenset()
    pages: dict[str, PageLinks] = field(default_factory=dict)


@dataclass(frozen=True)
class _Dead:
    reason: str


class _Check:
    """Each page once (its ids, its links resolved, fragments of other pages kept), then the fragments
    linked across pages."""

    def __init__(self, resolver: _Resolver):
        self.resolver = resolver
        self.keys: dict[tuple[str, str], tuple[str, str]] = {}  # one tuple per (page, fragment)

    def page(self, page: str, text: str, digest: bytes = b"") -> PageLinks:
        page_ids, here, dead, elsewhere, images, targets = set(), [], [], set(), {}, set()
        links = fragments = 0
        for element, line, url, resolved, attrs in self._links(page, text):
            if attrs is not None:
                page_ids.add(attrs["id"])
                continue
            links += 1
            if isinstance(resolved, _Dead):
                dead.append(DeadLink(page, line, url, resolved.reason))
                continue
            if resolved is None:
                continue
            target, fragment = resolved
            targets.add(target)
            if element in IMAGE_ELEMENTS and target not in images:
                images[target] = (page, line, url)
            if fragment:
                fragments += 1
                if target == page:
                    here.append((fragment, line, url))
                else:
                    elsewhere.add(self.keys.setdefault(resolved, resolved))
        dead += [DeadLink(page, line, url, _no_element(fragment, page, page_ids))
                 for fragment, line, url in here if not _has_id(page_ids, fragment)]
        packed_ids = "".join(f"{id_}{ID_END}" for id_ in sorted(page_ids))
        return PageLinks(digest, packed_ids, links, fragments, dead, tuple(elsewhere), images, tuple(targets))

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

    def report(self, found: dict[str, PageLinks], read) -> LinkReport:
        """The report of the pages ``found`` (in page order): then every link to a fragment missing from
        another page, found by reading again (with ``read``) only the pages that link to one."""
        report = LinkReport()
        for links in found.values():
            report.links += links.links
            report.fragments += links.fragments
            report.dead += links.dead
            report.targets.update(links.targets)
            for target, first in links.images.items():
                report.images.setdefault(target, first)
        wanted: dict[str, set[str]] = {}  # page → the fragments other pages link to on it
        for links in found.values():
            for target, fragment in links.elsewhere:
                if target in found:
                    wanted.setdefault(target, set()).add(fragment)
        missing = set()
        for target, fragments in wanted.items():  # one page's ids at a time: they are kept packed
            ids = found[target].id_set()
            missing.update((target, fragment) for fragment in fragments if not _has_id(ids, fragment))
        for page, links in found.items():
            if missing.isdisjoint(links.elsewhere):
                continue
            for _, line, url, resolved, attrs in self._links(page, read(page)):
                if attrs is None and isinstance(resolved, tuple) and resolved[0] != page and resolved in missing:
                    report.dead.append(DeadLink(page, line, url, _no_element(resolved[1], resolved[0],
                                                                          found[resolved[0]].id_set())))
        return report


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
        return self._file(target, folder)

    def _file(self, target: str, folder: str) -> str | _Dead:
        """The file ``target`` names (a folder: its index page, on the web only), linked from ``folder``."""
        if target in self.files:
            return target
        index = "index.html" if target == "." else f"{target}/index.html"
        if index not in self.files:
            return _Dead(f"there is no file {target} in the site" + _outside_first_folder(target, folder, self.files))
        if self.offline:
            return _Dead(f"it names a folder, which opens as a file listing in the offline zip; link to {index} "
                         "instead")
        return index


def _outside_first_folder(target: str, folder: str, files: frozenset[str]) -> str:
    """A hint when ``target`` without its first folder exists: a page of a translation (``es/…``) that is not
    translated, whose page in the site's language is that one."""
    rest = target.partition("/")[2]
    if rest not in files:
        return ""
    return (f"; {rest} exists: if you mean that page (not translated into this language), link to "
            f"{posixpath.relpath(rest, folder or '.')}")


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


def _no_element(fragment: str, target: str, ids: frozenset[str] | set[str]) -> str:
    """Why a link to ``target#fragment`` fails, with the id of ``target`` (one of ``ids``) nearest to it, if
    one is near: a heading renamed, or an id guessed from its words; else one that begins with the fragment's
    words or is their beginning (a heading made longer or shorter)."""
    wanted = unquote(fragment)
    near = difflib.get_close_matches(wanted, ids, n=1, cutoff=0.5) or sorted(
        (id_ for id_ in ids if id_.startswith(f"{wanted}-") or wanted.startswith(f"{id_}-")),
        key=lambda id_: (abs(len(id_) - len(wanted)), id_))[:1]
    return f"there is no element with id '{wanted}' in {target}" + (f"; did you mean '#{near[0]}'?" if near else "")
