"""Author-content safety: nothing an author writes in a page may run script or pull in other documents.

Checked in the element tree (Markdown links and images, attribute lists, HTML
parsed by ``md_in_html``) and in the raw HTML Python-Markdown keeps aside
(``md.htmlStash``, read with ``html_tokens``). Any of these stops the build at
``path:line``:

- a URL whose scheme is not ``http``, ``https``, ``mailto`` or ``tel`` (so
  ``javascript:``, ``data:``, ``vbscript:`` in any case, even with tabs, line
  breaks or control characters inside, as browsers strip them), in any
  attribute that holds a URL;
- an event-handler attribute (``onclick``, ``onerror`` … any ``on*``);
- a ``<script>``, ``<iframe>``, ``<object>``, ``<embed>``, ``<style>``, ``<link>`` (and the
  older ``<frame>``, ``<frameset>``, ``<applet>``, ``<base>``, ``<meta>``) element;
- an address on another site in an attribute the browser loads or sends to by itself (a
  video's ``src`` or ``poster``, a ``srcset``, an SVG ``href``, a form's ``action``, ``ping`` …):
  pages make no requests to other sites (a link, ``<a href>``, is followed only when clicked);
- a ``style`` attribute, which the pages' Content-Security-Policy would silently ignore.

Pages carry a strict Content-Security-Policy as well; this check makes sure a page
never depends on it, and tells the author at once.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Mapping

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from ..errors import StrataError
from ..urls import OUTBOUND_SCHEMES, SCRIPT_SCHEMES, browser_url, url_scheme
from .rawhtml import attribute_needle, stashed_start_tags

FORBIDDEN_ELEMENTS = {
    "script": "scripts belong to the theme, never to a page",
    "style": "styles belong to the theme's CSS, never to a page",
    "iframe": "a page may not embed another document; link to it instead",
    "frame": "a page may not embed another document; link to it instead",
    "frameset": "a page may not embed another document; link to it instead",
    "object": "a page may not embed plug-in content; link to the file instead",
    "embed": "a page may not embed plug-in content; link to the file instead",
    "applet": "a page may not embed plug-in content; link to the file instead",
    "base": "it would change where every link of the page points",
    "meta": "page metadata is written as 'Key: value' lines at the top of the file",
    "link": "stylesheets and other files a page loads belong to the theme; to point readers to a page, write a link",
}
URL_ATTRIBUTES = frozenset({"href", "src", "srcset", "action", "formaction", "poster", "cite", "data", "background",
                            "xlink:href", "ping", "longdesc", "manifest", "codebase", "lowsrc", "dynsrc",
                            "to", "from", "values", "by"})  # the last four: SVG animation of an href
# Attributes whose URL the browser requests by itself (``href`` only on the SVG elements that load it; a raw
# <img src> is the image check's, markdown/images.py), and what to write instead of another site's address.
SAVE_HERE = ("load a file from", "save the file in this topic's folder and write its name there, or link to "
             "the address with <a href=\"…\">words</a>")
SEND = ("send what the reader types to", "link to the form on that site instead")
LOADED_URLS = {"src": SAVE_HERE, "srcset": SAVE_HERE, "poster": SAVE_HERE, "background": SAVE_HERE,
               "data": SAVE_HERE, "xlink:href": SAVE_HERE, "action": SEND, "formaction": SEND,
               "ping": ("send a request to", "remove the ping attribute")}
SVG_LOADING_HREF = frozenset({"use", "image", "feimage"})


def tag_problem(name: str, attrs: Mapping[str, str]) -> tuple[str, str | re.Pattern] | None:
    """What is unsafe in the tag ``name`` with (decoded) ``attrs``: a message and what to search for
    in the source to locate it; None when it is safe."""
    if name in FORBIDDEN_ELEMENTS:
        return (f"<{name}> is not allowed in a page: {FORBIDDEN_ELEMENTS[name]}; remove it",
                re.compile(rf"<{re.escape(name)}(?![\w-])", re.IGNORECASE))
    for attribute, value in attrs.items():
        if attribute.startswith("on"):
            return (f"the event-handler attribute '{attribute}' is not allowed in a page (pages run no inline "
                    "script); remove it", attribute_needle(attribute))
        if attribute == "style":
            return ("a style attribute is not applied (pages take their styles from the theme's CSS only, and "
                    "browsers ignore it); remove it: to stress words write **bold** or *italic*, and for a "
                    "sentence that sums up a section use a key point (!!! key-point)", attribute_needle(attribute))
        if attribute in URL_ATTRIBUTES:
            for url in _urls(attribute, value):
                if problem := _url_problem(name, attribute, url):
                    return problem, url
    return None


def _url_problem(name: str, attribute: str, url: str) -> str | None:
    """What is wrong with ``url`` in ``attribute`` of a ``name`` element; None when nothing is."""
    scheme = url_scheme(url)
    if scheme in SCRIPT_SCHEMES:
        return (f"a '{scheme}:' URL is not allowed in a page (it can run script or hide content); "
                "link to a page of this site or to an https:// address")
    if scheme is not None and scheme not in OUTBOUND_SCHEMES:
        return (f"a '{scheme}:' link cannot be followed by every reader; links may only leave the "
                f"site with {', '.join(sorted(OUTBOUND_SCHEMES))}")
    if _loads(name, attribute) and (scheme is not None or browser_url(url).startswith("//")):
        verb, advice = LOADED_URLS.get(attribute, SAVE_HERE)
        return (f"<{name} {attribute}=\"{url}\"> would {verb} another site, and pages make no requests to "
                f"other sites; {advice}")
    return None


def _loads(name: str, attribute: str) -> bool:
    """Whether the browser requests the URL in ``attribute`` of a ``name`` element without the reader asking."""
    if attribute == "href":
        return name in SVG_LOADING_HREF
    return attribute in LOADED_URLS and not (name == "img" and attribute == "src")


def _urls(attribute: str, value: str) -> list[str]:
    """The URLs in an attribute value: one, or each candidate of a ``srcset``."""
    if attribute != "srcset":
        return [value]
    return [candidate.split()[0] for candidate in value.split(",") if candidate.split()]


class SafetyTreeprocessor(Treeprocessor):
    """Raise a located :class:`StrataError` for the first unsafe element or raw HTML tag of the page."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if not isinstance(element.tag, str):
                continue
            attrs = {name.lower(): html.unescape(value) for name, value in element.attrib.items()}
            problem = tag_problem(element.tag.lower(), attrs)
            if problem:
                message, needle = problem
                raise StrataError(message, needle=_raw(needle, element))
        for stashed in stashed_start_tags(self.md):
            problem = tag_problem(stashed.tag.name, stashed.tag.attrs)
            if problem:
                message, needle = problem
                raise StrataError(message, needle=stashed.needle(needle))


def _raw(needle: str | re.Pattern, element: etree.Element) -> str | re.Pattern:
    """A URL needle as the source wrote it (the tree keeps character references such as ``&#106;``)."""
    if isinstance(needle, str):
        return next((value for value in element.attrib.values() if html.unescape(value) == needle
                     or needle in html.unescape(value)), needle)
    return needle


class SafetyExtension(Extension):
    """Register the safety check (after ``attr_list`` at 8 has set attributes, before the quiz at 4
    renders its own HTML into the stash)."""

    def extendMarkdown(self, md):
        md.treeprocessors.register(SafetyTreeprocessor(md), "strata_safety", 7)


def makeExtension(**kwargs):
    return SafetyExtension(**kwargs)
