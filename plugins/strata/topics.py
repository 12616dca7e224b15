"""Topics and tiers: group the pages that share a ``Topic:`` into a :class:`Topic`.

A topic is a folder under ``content/topics/`` holding an overview page (``Topic:``
without ``Tier:``) and one page per configured tier (``Topic:`` and ``Tier:``).
Each page gets ``page.strata_topic`` and, for tier pages, ``page.strata_tier``;
templates use them for the tier switcher, previous/next links and the references.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from unidecode import unidecode

from .config import StrataConfig, TierSpec
from .errors import SOURCE_ENCODING, ErrorLog, StrataError
from .ids import anchors_beside
from .readability import ReadingStats
from .references import Reference, load_references

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def suggested_slug(text: str) -> str:
    """``text`` as a slug: letters transliterated to ASCII ('été' → 'ete'), lower case, words joined by hyphens."""
    return "-".join(re.findall(r"[a-z0-9]+", unidecode(text).lower())) or "my-topic"


@dataclass
class TierPage:
    """One tier of a topic: its spec (label, description), its page, and (once measured, see ``levels.py``)
    its reading stats and "In brief" summary."""

    spec: TierSpec
    page: object
    stats: ReadingStats | None = None
    in_brief: object | None = None

    @property
    def url(self) -> str:
        return self.page.url


@dataclass
class Topic:
    """A topic in one language (``lang``); ``versions`` holds the topic in each language it is written in, the
    site's language first (see :mod:`strata.languages`). A translation may lack tiers (reported as a warning)."""

    slug: str
    overview: object
    tiers: list[TierPage] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    lang: str = "en"
    versions: dict = field(default_factory=dict, compare=False, repr=False)
    references_anchor: str = ""  # the id of its section on the references page: the slug, unless the theme has it

    def __post_init__(self):
        self.references_anchor = self.references_anchor or self.slug

    def tier(self, tier_id: str) -> TierPage | None:
        return next((tier for tier in self.tiers if tier.spec.id == tier_id), None)

    @property
    def title(self) -> str:
        return self.overview.title

    @property
    def url(self) -> str:
        return self.overview.url

    @property
    def pages(self) -> list:
        """The overview, then the tier pages in reading order."""
        return [self.overview, *(tier.page for tier in self.tiers)]

    def neighbours(self, tier: TierPage) -> tuple[TierPage | None, TierPage | None]:
        """The previous and next tier around ``tier`` (None at either end)."""
        i = self.tiers.index(tier)
        return (self.tiers[i - 1] if i > 0 else None, self.tiers[i + 1] if i + 1 < len(self.tiers) else None)


def metadata_line(path: str, key: str) -> int:
    """Line of ``key:`` in the metadata header of ``path`` (1 when not found)."""
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*:", re.IGNORECASE)
    try:
        with open(path, encoding=SOURCE_ENCODING) as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    break
                if pattern.match(line):
                    return number
    except (OSError, UnicodeDecodeError):
        pass
    return 1


def collect_topics(pages: list, config: StrataConfig, errors: ErrorLog, gettext_for=lambda page: str,
                   default_lang: str = "en", *, theme_ids: frozenset[str] = frozenset()) -> list[Topic]:
    """Group ``pages`` by topic and language, validate them and attach the model to each page
    (``gettext_for(page)`` translates into the page's language: a tier page may be titled with its tier's label
    in it). The topics of the site's language ``default_lang`` come first, then each translation. A topic
    whose slug is one of the theme's ``theme_ids`` (``main``) has its references at ``#main-2``.

    Problems (unknown tier, a tier given twice, a missing tier or overview, a
    malformed topic slug) go to ``errors``; pages without ``Topic:`` are ignored.
    """
    overviews: dict[tuple[str, str], object] = {}
    tier_pages: dict[tuple[str, str], dict[str, object]] = {}
    for page in sorted(pages, key=lambda p: p.source_path):  # the same report on every file system
        lang = getattr(page, "lang", None) or default_lang
        slug = getattr(page, "topic", None)
        if slug is None:
            if getattr(page, "tier", None) is not None:
                errors.add(StrataError("this page has 'Tier:' but no 'Topic:'; add 'Topic: <topic-slug>' "
                                       "so that Strata knows which topic it belongs to",
                                       page.source_path, metadata_line(page.source_path, "tier")))
            continue
        if not SLUG.match(slug):
            errors.add(StrataError(f"topic {slug!r} is not a slug (lower-case ASCII letters and digits joined by "
                                   f"hyphens); write 'Topic: {suggested_slug(slug)}', in every page of this topic",
                                   page.source_path, metadata_line(page.source_path, "topic")))
            continue
        tier_id, key = getattr(page, "tier", None), (lang, slug)
        if tier_id is None:
            _claim(overviews, key, page, errors, "an overview page (Topic: without Tier:)")
        elif config.tier(tier_id) is None:
            errors.add(StrataError(f"unknown tier {tier_id!r}; use one of: {', '.join(t.id for t in config.tiers)}",
                                   page.source_path, metadata_line(page.source_path, "tier")))
        else:
            _check_tier_title(page, config.tier(tier_id), errors, gettext_for(page))
            _claim(tier_pages.setdefault(key, {}), tier_id, page, errors, f"tier {tier_id!r} of topic {slug!r}")

    # A page that could not be read is missing from its topic: report its own error, not a missing tier.
    folders_with_errors = {os.path.dirname(e.path) for e in errors.errors if e.path}
    topics = []
    for lang, slug in sorted(set(overviews) | set(tier_pages), key=lambda key: (key[0] != default_lang, key)):
        topic = _topic(slug, overviews.get((lang, slug)), tier_pages.get((lang, slug), {}), config, errors,
                       folders_with_errors=folders_with_errors, lang=lang, translation=lang != default_lang)
        if topic is not None:
            topics.append(topic)
    anchors = anchors_beside((topic.slug for topic in topics), theme_ids)
    for topic in topics:
        topic.references_anchor = anchors[topic.slug]
    return topics


def _check_tier_title(page, spec: TierSpec, errors: ErrorLog, gettext=str) -> None:
    """A tier page is titled by its tier's label and its topic's title, so its own ``Title:`` must be the label
    (as written in the settings, or translated into the page's language): any other text would be dropped."""
    title = str(getattr(page, "title", "")).strip()
    if title.casefold() not in {spec.label.casefold(), gettext(spec.label).casefold()}:
        errors.add(StrataError(f"'Title: {title}' is not shown: a tier page is titled with its tier name and "
                               f"the topic's title; write 'Title: {gettext(spec.label)}' (put a topic title in the "
                               "topic's index.md)", page.source_path, metadata_line(page.source_path, "title")))


def _claim(registry: dict, key: str, page, errors: ErrorLog, what: str) -> None:
    if key in registry:
        errors.add(StrataError(f"{what} is already defined in {registry[key].source_path}; "
                               "keep one of the two pages", page.source_path, 1))
    else:
        registry[key] = page


def _topic(slug, overview, pages_by_tier, config: StrataConfig, errors: ErrorLog, *,
           folders_with_errors: frozenset | set = frozenset(), lang: str = "en",
           translation: bool = False) -> Topic | None:
    """The topic ``slug`` in ``lang``; a ``translation`` may lack tiers (the site's language may not)."""
    some_page = overview or next(iter(pages_by_tier.values()))
    folder = os.path.dirname(some_page.source_path)
    complete = overview is not None and all(t.id in pages_by_tier for t in config.tiers)
    if not complete and folder in folders_with_errors:
        return None
    if overview is None:
        index = os.path.join(folder, "index.md")
        if os.path.isfile(index):  # the overview is there but does not name its topic
            errors.add(StrataError(f"this page is the overview of topic {slug!r} only if its header names the "
                                   f"topic; write the line 'Topic: {slug}' in its header", index,
                                   metadata_line(index, "topic")))
        else:
            errors.add(StrataError(f"topic {slug!r} has no overview page; add {folder}/index.md with "
                                   f"'Title:', 'Topic: {slug}' and a 'Summary:'", some_page.source_path, 1))
        return None
    missing = [t.id for t in config.tiers if t.id not in pages_by_tier]
    if missing and not translation:
        errors.add(StrataError(f"topic {slug!r} has no {', '.join(missing)} tier; add a page with "
                               f"'Topic: {slug}' and 'Tier: {missing[0]}' in {folder}/",
                               overview.source_path, metadata_line(overview.source_path, "topic")))
        return None
    topic = Topic(slug, overview, [TierPage(spec, pages_by_tier[spec.id]) for spec in config.tiers
                                   if spec.id in pages_by_tier], lang=lang)
    references_path = os.path.join(folder, config.references_file)
    if translation and not os.path.exists(references_path):  # a translation cites the topic's own sources
        references_path = os.path.join(os.path.dirname(folder), config.references_file)
    if os.path.exists(references_path):
        try:
            topic.references = load_references(references_path)
        except StrataError as exc:
            errors.add(exc)
    overview.strata_topic = topic
    overview.template = "topic"
    for tier in topic.tiers:
        tier.page.strata_topic, tier.page.strata_tier = topic, tier
        tier.page.template = "tier"
    return topic


def check_output_files(pages: list, settings: dict, errors: ErrorLog) -> None:
    """Two pages (or a page and one of the site's own pages) must not be written to the same file.

    Pelican lets a page with ``Save_as:`` silently overwrite another page; Strata stops instead.
    """
    own = {_normalised(settings.get(f"{name.upper()}_SAVE_AS") or f"{name}.html"): f"the site's {name} page"
           for name in settings.get("DIRECT_TEMPLATES", ())}
    owners: dict[str, object] = {}
    for page in sorted(pages, key=lambda p: p.source_path):
        target = _normalised(page.save_as)
        if not target:
            continue
        if target in own:
            errors.add(StrataError(f"this page would be written to {target}, which is {own[target]}; "
                                   "choose another 'Save_as:' or rename the file",
                                   page.source_path, metadata_line(page.source_path, "save_as")))
        elif target in owners:
            errors.add(StrataError(f"this page would be written to {target}, like {owners[target].source_path}; "
                                   "give one of them another 'Save_as:' or file name",
                                   page.source_path, metadata_line(page.source_path, "save_as")))
        else:
            owners[target] = page


def _normalised(save_as: str | None) -> str:
    return os.path.normpath(save_as).replace(os.sep, "/") if save_as else ""
