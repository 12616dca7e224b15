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
from .names import LANGUAGE_CODE
from .readability import ReadingStats
from .references import Reference, load_references

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
OVERVIEW_FILE = "index.md"  # a topic's overview; each tier is <tier id>.md


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
    for number, line in enumerate(_lines(path), 1):
        if not line.strip():
            break
        if pattern.match(line):
            return number
    return 1


def text_line(path: str) -> int:
    """Line where the text of ``path`` starts, after its metadata header (its last line when it has no text)."""
    lines = _lines(path)
    after_header = next((number for number, line in enumerate(lines, 1) if not line.strip()), len(lines))
    return next((number for number, line in enumerate(lines[after_header:], after_header + 1) if line.strip()),
                max(1, len(lines)))


def _lines(path: str) -> list[str]:
    try:
        with open(path, encoding=SOURCE_ENCODING) as handle:
            return handle.read().splitlines()
    except (OSError, UnicodeDecodeError):
        return []


def collect_topics(pages: list, config: StrataConfig, errors: ErrorLog, gettext_for=lambda page: str,
                   default_lang: str = "en", *, theme_ids: frozenset[str] = frozenset()) -> list[Topic]:
    """Group ``pages`` by topic and language, validate them and attach the model to each page
    (``gettext_for(page)`` translates into the page's language: a tier page may be titled with its tier's label
    in it). The topics of the site's language ``default_lang`` come first, then each translation. A topic
    whose slug is one of the theme's ``theme_ids`` (``main``) has its references at ``#main-2``.

    Problems (unknown tier, a tier given twice, a missing tier or overview, a
    malformed topic slug, a page outside its topic's folder or under another name than
    its own) go to ``errors``; pages without ``Topic:`` are ignored.
    """
    overviews: dict[tuple[str, str], object] = {}
    tier_pages: dict[tuple[str, str], dict[str, object]] = {}
    reported_folders: set[tuple[str, str]] = set()
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
        if tier_id is not None and config.tier(tier_id) is None:
            errors.add(StrataError(f"unknown tier {tier_id!r}; use one of: {', '.join(t.id for t in config.tiers)}",
                                   page.source_path, metadata_line(page.source_path, "tier")))
            continue
        misplaced = _misplaced(page, slug, tier_id, lang != default_lang, reported_folders)
        if misplaced is not None:
            errors.add(misplaced)
        # not a translation of its topic, or in a translation's folder named in capitals: no other message about it
        if (misplaced is not None and lang != default_lang) or \
                (lang == default_lang and _capitalised_language(page.source_path, slug)):
            continue
        if tier_id is None:
            _claim(overviews, key, page, errors, "an overview page (Topic: without Tier:)")
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
    _check_loose_pages([page for page in pages if getattr(page, "topic", None) is None
                        and getattr(page, "tier", None) is None], topics, errors, default_lang)
    return topics


def _check_loose_pages(pages: list, topics: list[Topic], errors: ErrorLog, default_lang: str) -> None:
    """A page without ``Topic:`` in a topic's folder (or its translation folder) would be published as a page of
    its own, linked from nowhere: an error (a private note, or a tier whose header lacks its topic)."""
    folders = {os.path.dirname(topic.overview.source_path): topic.slug
               for topic in topics if topic.lang == default_lang}
    for page in pages:
        folder = os.path.dirname(page.source_path)
        slug = folders.get(folder if (getattr(page, "lang", None) or default_lang) == default_lang
                           else os.path.dirname(folder))
        if slug is not None and os.path.basename(page.source_path) != OVERVIEW_FILE:
            errors.add(StrataError(f"this page is in the folder of topic {slug!r} but has no 'Topic:', so it would be "
                                   f"published on its own; a topic's folder holds its {OVERVIEW_FILE} and one file per "
                                   f"tier: add 'Topic: {slug}' and 'Tier: …', or keep the file outside content/",
                                   page.source_path, 1))


def _check_tier_title(page, spec: TierSpec, errors: ErrorLog, gettext=str) -> None:
    """A tier page is titled by its tier's label and its topic's title, so its own ``Title:`` must be the label
    (as written in the settings, or translated into the page's language): any other text would be dropped."""
    title = str(getattr(page, "title", "")).strip()
    if title.casefold() not in {spec.label.casefold(), gettext(spec.label).casefold()}:
        errors.add(StrataError(f"'Title: {title}' is not shown: a tier page is titled with its tier name and "
                               f"the topic's title; write 'Title: {gettext(spec.label)}' (put a topic title in the "
                               "topic's index.md)", page.source_path, metadata_line(page.source_path, "title")))


def _misplaced(page, slug: str, tier_id: str | None, translation: bool,
               reported_folders: set[tuple[str, str]]) -> StrataError | None:
    """A topic's pages are ``<slug>/index.md`` and ``<slug>/<tier id>.md`` (a translation's in ``<slug>/<lang>/``):
    what to move or rename when ``page`` is not where its ``Topic:`` and ``Tier:`` say. A folder not named
    with the slug is reported once (on its first page), with the page's own path to move to."""
    path = page.source_path
    language_folder = os.path.dirname(path) if translation else ""
    folder = os.path.dirname(language_folder or path)
    folder_name, name = os.path.basename(folder), os.path.basename(path)
    expected = f"{tier_id}.md" if tier_id else OVERVIEW_FILE
    if folder_name != slug:
        if (folder, slug) in reported_folders:
            return None
        reported_folders.add((folder, slug))
        relative = os.path.dirname(str(getattr(page, "relative_source_path", "")).replace(os.sep, "/"))
        depth = len([part for part in relative.split("/") if part]) - (1 if translation else 0)
        inside = depth <= 1  # a page right in topics/: its topic's folder goes inside
        parent = folder if inside else os.path.dirname(folder)
        target = os.path.join(parent, slug, *([os.path.basename(language_folder)] if translation else []), expected)
        capitalised = not translation and _capitalised_language(path, slug)
        rename = "" if inside else f" (or, if the folder holds this topic only, rename the folder to {slug})"
        if capitalised:
            message = (f"this page is in the folder {folder_name!r}, which is not read as a translation: a language "
                       f"code is written in lower case: rename the folder to {capitalised}")
        elif translation and SLUG.match(folder_name):
            message = (f"this translation says 'Topic: {slug}' but is in the folder of topic {folder_name!r}; "
                       "a translation has the 'Topic:' of the pages in the folder above it: write "
                       f"'Topic: {folder_name}' (or move it to {target})")
        elif not translation and LANGUAGE_CODE.match(folder_name) and os.path.basename(parent) == slug:
            message = (f"this page is in {folder_name!r}, a folder for a translation, but topic {slug!r} has "
                       f"no {OVERVIEW_FILE} in the site's language beside that folder; write the topic in "
                       f"the site's language in content/topics/{slug}/ (its translation stays in "
                       f"{folder_name}/), or build a site in that language (DEFAULT_LANG = "
                       f"'{folder_name}', with its pages in content/topics/{slug}/)")
        else:
            message = (f"this page says 'Topic: {slug}' but is in the folder {folder_name!r}; a topic's pages "
                       f"are in the folder named with its slug: move this page to {target}{rename}")
        return StrataError(message, path, metadata_line(path, "topic"))
    if name != expected:
        said, other = ((f"'Tier: {tier_id}'", "correct 'Tier:'") if tier_id else
                       ("'Topic:' without 'Tier:' (the topic's overview)", "add 'Tier: …' if it is a tier"))
        return StrataError(f"this page says {said}, so its file must be named {expected}, not {name}; rename the file "
                           f"(or {other})", path, metadata_line(path, "tier" if tier_id else "topic"))
    return None


def _capitalised_language(path: str, slug: str) -> str | None:
    """The lower-case name of the folder of ``path`` when it is a language code written in capitals inside topic
    ``slug``'s folder (``<slug>/ES/``); None otherwise."""
    folder = os.path.dirname(path)
    name = os.path.basename(folder)
    if os.path.basename(os.path.dirname(folder)) == slug and not LANGUAGE_CODE.match(name) \
            and LANGUAGE_CODE.match(name.lower()):
        return name.lower()
    return None


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
        index = os.path.join(folder, OVERVIEW_FILE)
        if os.path.isfile(index):  # the overview is there but does not name its topic
            errors.add(StrataError(f"this page is the overview of topic {slug!r} only if its header names the "
                                   f"topic; write the line 'Topic: {slug}' in its header", index,
                                   metadata_line(index, "topic")))
        else:
            errors.add(StrataError(f"topic {slug!r} has no overview page; add {folder}/{OVERVIEW_FILE} with "
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
