"""Publishing helpers: cache-busted asset URLs, and ``sitemap.xml`` + ``robots.txt`` for the public web.

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


def write_sitemap_and_robots(output_path: str, siteurl: str) -> None:
    """List every HTML page but the 404 page in ``sitemap.xml``; point ``robots.txt`` at it."""
    pages = sorted(
        os.path.relpath(os.path.join(folder, name), output_path).replace(os.sep, "/")
        for folder, _, names in os.walk(output_path) for name in names
        if name.endswith(".html") and name != "404.html"
    )
    entries = "".join(f"  <url><loc>{escape(f'{siteurl}/{page}')}</loc></url>\n" for page in pages)
    with open(os.path.join(output_path, "sitemap.xml"), "w", encoding="utf-8") as handle:
        handle.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                     '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + entries + "</urlset>\n")
    with open(os.path.join(output_path, "robots.txt"), "w", encoding="utf-8") as handle:
        handle.write(f"User-agent: *\nAllow: /\nSitemap: {siteurl}/sitemap.xml\n")
