"""Term links given their final URL before the pages are written, as Pelican would write them.

The reader writes a term's link in Pelican's intrasite syntax, ``{filename}/glossary.yaml#anchor``
(:mod:`.marking`): it knows neither the page's URL nor the glossary page's. Left to Pelican, the link
would be replaced when the page is written; but Pelican's replacement makes a new copy of the page's
HTML and keeps it (``Content.get_content`` is memoised) beside the one read, so every page with a term
would be held twice until the build ends: some 24 KB a page, a hundred MiB at 4,000 pages. Once the
pages and the glossary pages have their URLs (``all_generators_finalized``), :func:`resolve_term_links`
puts in each page's HTML the URL Pelican would have written for that page (the same text: relative to
the page with ``RELATIVE_URLS``, else under the site's address), so Pelican's pass finds nothing left to
replace and hands the HTML on as it is.
"""

from __future__ import annotations

import posixpath
from urllib.parse import urljoin

from pelican.utils import get_relative_path, path_to_url


def site_url_of(page, settings: dict, context: dict) -> str:
    """The site's address as Pelican gives it to ``page`` when it writes it (``localsiteurl``)."""
    if settings.get("RELATIVE_URLS"):
        return path_to_url(get_relative_path(page.save_as))
    return context.get("localsiteurl", settings.get("SITEURL", ""))


def joined_url(site_url: str, url: str, relative: bool) -> str:
    """``url`` (from the site's root) from a page whose site address is ``site_url``, joined as Pelican's
    intrasite links are (``os.path.join`` for relative addresses, ``urljoin`` for absolute ones)."""
    if relative:
        return posixpath.join(site_url, url)
    return urljoin(site_url if site_url.endswith("/") else site_url + "/", url)


def resolve_term_links(pages, targets: dict[str, str], settings: dict, context: dict) -> None:
    """Replace, in the HTML of every page of ``pages``, each link to a glossary file (``targets``: its
    ``{filename}`` path → the URL of its glossary page) with that page's URL as seen from the page."""
    relative = bool(settings.get("RELATIVE_URLS"))
    for page in pages:
        html = getattr(page, "_content", None)
        if not html or "{filename}/" not in html or not page.save_as:
            continue
        site_url = site_url_of(page, settings, context)
        for path, url in targets.items():
            placeholder = "{filename}/" + path
            if placeholder in html:
                final = joined_url(site_url, url, relative)
                html = html.replace(f'"{placeholder}#', f'"{final}#').replace(f'"{placeholder}"', f'"{final}"')
        page._content = html
