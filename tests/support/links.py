"""Link integrity: every internal href/src of a built site points at an existing file and element id."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup


def internal_links(site: Path, base_url: str | None = None):
    """Yield ``(page, url, target_file, fragment)`` for each internal link or asset of every page."""
    for page in sorted(site.rglob("*.html")):
        document = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for element in document.find_all(href=True) + document.find_all(src=True) + document.find_all(action=True):
            url = element.get("href") or element.get("src") or element.get("action")
            if element.name == "link" and element.get("rel") in (["canonical"],):
                continue
            parts = urlsplit(url)
            if base_url and url.startswith(base_url):
                target = site / unquote(parts.path[len(urlsplit(base_url).path):]).lstrip("/")
            elif parts.scheme or parts.netloc:
                continue
            elif not parts.path:
                target = page
            else:
                target = (page.parent / unquote(parts.path)).resolve()
            yield page.relative_to(site).as_posix(), url, target, parts.fragment


def broken_links(site: Path, base_url: str | None = None) -> list[str]:
    ids: dict[Path, set[str]] = {}
    broken = []
    for page, url, target, fragment in internal_links(site, base_url):
        if not target.is_file():
            broken.append(f"{page}: {url} (no file)")
            continue
        if fragment:
            if target not in ids:
                document = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
                ids[target] = {e["id"] for e in document.find_all(id=True)}
            if fragment not in ids[target]:
                broken.append(f"{page}: {url} (no element #{fragment})")
    return broken
