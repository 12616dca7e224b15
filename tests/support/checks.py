"""Checks that hold for any built Strata site, whatever its content: each returns a list of problems.

The fixture site runs them page by page (``tests/test_site.py``), and a copy of the real content with a
generated extra topic runs them all at once (``tests/test_new_topic.py``). Expected text (tier labels,
the disclaimer) comes from the site's settings, never from copied literals.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urljoin, urlparse

from bs4 import BeautifulSoup

from strata.config import StrataConfig, load_config
from tests.support.links import broken_links
from tests.support.sites import Site

HEADING = re.compile(r"^h[1-6]$")
USES_FOLDER = "glossary"  # the glossary entries' uses pages (plugins/strata/glossary/backlinks.py)


def is_uses_page(page: str) -> bool:
    """A glossary uses page, in the site's language (``glossary/…``) or a translation's (``es/glossary/…``)."""
    return page.split("/")[-2:-1] == [USES_FOLDER]


def soup(site: Path, relative: str) -> BeautifulSoup:
    return BeautifulSoup((site / relative).read_text(encoding="utf-8"), "html.parser")


def config_of(site: Site) -> StrataConfig:
    return load_config(dict(site.settings))


def topics_of(site: Site, lang: str | None = None) -> dict[str, list[str]]:
    """Each topic's folder (``topics/<slug>``; ``<lang>/topics/<slug>`` for a translation) and the ids of the tier
    pages it has, from the sources: the topics in the site's language, or in translation language ``lang``."""
    topics: dict[str, list[str]] = {}
    for page in (page for page in site.sources() if site.language_of(page) == lang):
        folder, name = page.rsplit("/", 1)
        topics.setdefault(folder, [])
        if name != "index.html":
            topics[folder].append(name.removesuffix(".html"))
    return topics


def page_problems(output: Path, page: str) -> list[str]:
    """One h1 first, no skipped heading level, a language, a skip link to main; no inline script, style or
    event handler, and no asset from another site (links out to other sites are allowed)."""
    document = soup(output, page)
    problems = []
    levels = [int(h.name[1]) for h in document.find_all(HEADING)]
    if levels[:1] != [1] or levels.count(1) != 1:
        problems.append(f"headings {levels}: the page needs exactly one h1, first")
    problems += [f"heading level jumps from h{a} to h{b}" for a, b in itertools.pairwise(levels) if b > a + 1]
    if not document.html.get("lang"):
        problems.append("no lang on <html>")
    skip = document.select_one("a.skip-link")
    if not skip or skip.get("href") != "#main" or not document.select_one("main#main"):
        problems.append("no skip link to main#main")
    problems += [f"inline script {s}"[:80] for s in document.find_all("script") if not s.get("src")]
    problems += [f"<style> element {s}"[:80] for s in document.find_all("style")]
    problems += [f"style attribute on <{t.name}>" for t in document.find_all(style=True)]
    problems += [f"event handler {a} on <{t.name}>" for t in document.find_all(True) for a in t.attrs
                 if a.lower().startswith("on")]
    assets = [t.get("src") for t in document.find_all(src=True)] + [t.get("href") for t in document.find_all("link")
                                                                     if t.get("rel") != ["canonical"]]
    problems += [f"asset from another site: {url}" for url in assets if urlparse(url).netloc]
    return [f"{page}: {p}" for p in problems]


def tier_problems(output: Path, config: StrataConfig, page: str) -> list[str]:
    """A tier page: switcher with every tier's label (the current one marked), reading facts, the configured
    disclaimer, a table of contents whose links resolve, a pager."""
    document = soup(output, page)
    current_id = page.rsplit("/", 1)[1].removesuffix(".html")
    problems = []
    links = document.select("nav.tier-switcher a")
    names = [a.select_one(".tier-switcher__name").get_text(" ", strip=True) for a in links]
    labels = [tier.label for tier in config.tiers]
    if [name.split(" (")[0] for name in names] != labels:
        problems.append(f"tier switcher shows {names}, not {labels}")
    current = [a for a in links if a.get("aria-current") == "page"]
    if len(current) != 1 or not current[0]["href"].endswith(f"{current_id}.html"):
        problems.append("the switcher does not mark this tier, once, as the current page")
    if not all(a.select_one(".tier-switcher__description").get_text(strip=True) for a in links):
        problems.append("a tier in the switcher has no description")
    facts = document.select_one(".tier-facts").get_text(" ", strip=True)
    if not re.search(r"Reading time: about \d+ minutes?", facts) or not re.search(r"grade \d+\.\d", facts):
        problems.append(f"reading facts: {facts!r}")
    disclaimer = document.select_one(".disclaimer")
    if not disclaimer or disclaimer.get_text(" ", strip=True) != config.disclaimer:
        problems.append("the disclaimer is not the configured one")
    toc = [a["href"] for a in document.select("nav.toc a")]
    if not toc or not all(href.startswith("#") and document.find(id=href[1:]) for href in toc):
        problems.append(f"table of contents {toc}")
    if not document.select("nav.pager a"):
        problems.append("no pager")
    return [f"{page}: {p}" for p in problems]


def home_problems(output: Path, site: Site) -> list[str]:
    """The home page links to every topic and to each of its tiers."""
    document = soup(output, "index.html")
    topics = topics_of(site)
    shown = {urlparse(urljoin("index.html", a["href"])).path for a in document.select("main a[href]")}
    wanted = {f"{folder}/index.html" for folder in topics}
    wanted |= {f"{folder}/{tier}.html" for folder, tiers in topics.items() for tier in tiers}
    return [f"index.html: no link to {page}" for page in sorted(wanted - shown)]


class Backlink(NamedTuple):
    """A backlink of a glossary entry (its anchor): on which uses page, where to (relative to the site root)
    and its text."""

    entry: str
    uses_page: str
    href: str
    label: str


def glossary_backlinks(output: Path) -> list[Backlink]:
    """Every backlink of every glossary entry, in the order the pages list them.

    The glossary page links each entry used on the site to its list of backlinks (``.glossary__where``): a
    section of a uses page, under a heading with the fragment's id, continued on the next uses page when
    it holds a ``.uses-continued`` link."""
    found = []
    for where in soup(output, "glossary.html").select(".glossary__where a"):
        slug = where.find_parent(class_="glossary__entry")["id"]
        target = urljoin("glossary.html", where["href"])
        while target:
            uses_page, fragment = urlparse(target).path, urlparse(target).fragment
            heading = soup(output, uses_page).find(id=fragment)
            section = heading.find_parent("section") if heading else None
            if section is None:
                found.append(Backlink(slug, uses_page, target, ""))  # glossary_problems reports it
                break
            found += [Backlink(slug, uses_page, urljoin(uses_page, a["href"]), a.get_text())
                      for a in section.select(".glossary-uses a")]
            more = section.select_one("a.uses-continued")
            target = urljoin(uses_page, more["href"]) if more else None
    return found


def glossary_problems(output: Path) -> list[str]:
    """The glossary page: terms A to Z, letter links that resolve, every backlink (on the entries' uses pages)
    lands on a marked term of that entry, and every uses page is reached from the glossary page."""
    document = soup(output, "glossary.html")
    problems = []
    terms = [dt.contents[0].strip() for dt in document.select("dt.glossary__term")]
    if terms != sorted(terms, key=str.casefold):
        problems.append(f"terms not in alphabetical order: {terms}")
    problems += [f"letter link {a['href']} leads nowhere" for a in document.select("nav.az a")
                 if not document.find(id=a["href"][1:])]
    pages: dict[str, BeautifulSoup] = {}
    backlinks = glossary_backlinks(output)
    for slug, uses_page, href, _ in backlinks:
        target = urlparse(href)
        page = pages.setdefault(target.path, soup(output, target.path))
        anchor = page.find(id=target.fragment)
        if anchor is None or anchor.name != "a" or not anchor.get("href", "").endswith(f"glossary.html#{slug}"):
            problems.append(f"backlink {href} on {uses_page} does not land on a marked use of {slug}")
    reached = {backlink.uses_page for backlink in backlinks}
    built = {p.relative_to(output).as_posix() for p in (output / USES_FOLDER).glob("*.html")}
    problems += [f"uses page {page} is not reached from the glossary page" for page in sorted(built - reached)]
    return [f"glossary.html: {p}" for p in problems]


def site_problems(output: Path, site: Site) -> list[str]:
    """Every check above, on every page of ``output`` (built from ``site``'s sources)."""
    config = config_of(site)
    built = sorted(p.relative_to(output).as_posix() for p in output.rglob("*.html"))
    listed = [page for page in built if not is_uses_page(page)]  # uses pages: glossary_problems
    problems = [f"pages built {listed}, expected {site.pages()}"] if listed != site.pages() else []
    for page in built:
        problems += page_problems(output, page)
    tier_ids = {tier.id for tier in config.tiers}
    for folder, tiers in topics_of(site).items():
        problems += [f"{folder}: tiers {sorted(tiers)}, expected {sorted(tier_ids)}"] if set(tiers) != tier_ids else []
        for tier in tiers:
            problems += tier_problems(output, config, f"{folder}/{tier}.html")
    return problems + home_problems(output, site) + glossary_problems(output) + broken_links(output)
