"""Publishing helpers: cache-busted asset URLs, ``sitemap.xml`` + ``robots.txt`` for the public web, and files
taken out of the output (:func:`remove_files`) and those kept in it (:func:`retained`).

``asset`` is a Jinja filter for single files of ``theme/static/``: ``{{ SITEURL }}/{{ "icon.svg"|asset }}``
gives ``theme/icon.svg?v=<hash of the file>``, so a changed file gets a new URL
and an unchanged one keeps it (the hash depends on content only: builds are
reproducible). The components' CSS and JS are bundled per page type instead (:mod:`strata.components`).
"""

from __future__ import annotations

import hashlib
import os
from functools import cache
from xml.sax.saxutils import escape


def make_asset_filter(settings: dict):
    """Return the ``asset`` filter for this theme's static files."""
    static_roots = [os.path.join(settings["THEME"], p) for p in settings["THEME_STATIC_PATHS"]]
    output_dir = settings["THEME_STATIC_DIR"]

    @cache
    def asset(path: str) -> str:
        for root in static_roots:
            source = os.path.join(root, path)
            if os.path.isfile(source):
                with open(source, "rb") as handle:
                    digest = hashlib.sha256(handle.read()).hexdigest()[:10]
                return f"{output_dir}/{path}?v={digest}"
        raise ValueError(f"theme asset {path!r} does not exist in {', '.join(static_roots)}")

    return asset


def is_absolute_site(settings: dict) -> bool:
    return settings.get("SITEURL", "").startswith(("http://", "https://"))


def write_sitemap_and_robots(output_path: str, siteurl: str, alternates: dict | None = None) -> None:
    """List every HTML page but the 404 page in ``sitemap.xml``; point ``robots.txt`` at it. A page in several
    languages lists each version (``alternates``: output file → ``(lang, url)`` pairs, the site's language
    first, which is also the ``x-default``) as ``xhtml:link`` alternates, as search engines read them."""
    alternates = alternates or {}
    pages = sorted(
        os.path.relpath(os.path.join(folder, name), output_path).replace(os.sep, "/")
        for folder, _, names in os.walk(output_path) for name in names
        if name.endswith(".html") and name != "404.html"
    )
    entries = "".join(f"  <url><loc>{escape(f'{siteurl}/{page}')}</loc>{_links(siteurl, alternates.get(page))}</url>\n"
                      for page in pages)
    namespaces = ' xmlns:xhtml="http://www.w3.org/1999/xhtml"' if alternates else ""
    with open(os.path.join(output_path, "sitemap.xml"), "w", encoding="utf-8") as handle:
        handle.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                     f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"{namespaces}>\n' + entries
                     + "</urlset>\n")
    with open(os.path.join(output_path, "robots.txt"), "w", encoding="utf-8") as handle:
        handle.write(f"User-agent: *\nAllow: /\nSitemap: {siteurl}/sitemap.xml\n")


def _links(siteurl: str, versions) -> str:
    if not versions:
        return ""
    links = [*versions, ("x-default", versions[0][1])]
    return "".join(f'<xhtml:link rel="alternate" hreflang="{escape(lang)}" href="{escape(f"{siteurl}/{url}")}"/>'
                   for lang, url in links)


def retained(name: str, retention=()) -> bool:
    """Whether a file or folder ``name`` of the output stays when a build does not write it: a hidden one (``.git``,
    ``.nojekyll``; a build never writes one) or one of ``retention`` (Pelican's ``OUTPUT_RETENTION``)."""
    return name.startswith(".") or name in retention


def remove_files(output_path: str, files: list[str]) -> None:
    """Delete ``files`` (relative to ``output_path``) and the folders they leave empty."""
    folders = set()
    for name in files:
        path = os.path.join(output_path, name)
        if os.path.isfile(path):
            os.remove(path)
            folders.add(os.path.dirname(path))
    for emptied in sorted(folders, key=len, reverse=True):
        folder = emptied
        while folder.startswith(output_path + os.sep) and os.path.isdir(folder) and not os.listdir(folder):
            os.rmdir(folder)
            folder = os.path.dirname(folder)
