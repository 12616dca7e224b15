"""Strata's settings: one ``STRATA`` dict in ``pelicanconf.py``, validated at start-up.

Like MkDocs' plugin config, every option is declared once with its type, default
and description; an unknown or mistyped option stops the build with a message
that says what to change. ``STRATA_SCHEMA`` is also the reference documentation
(see README.md, "Settings").
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from .errors import StrataError, display_path
from .i18n import N_, SOURCE_LANG, language_tag
from .names import LANGUAGE_CODE
from .settings_file import option_line, setting_line


@dataclass(frozen=True)
class TierSpec:
    """One reading level: its metadata value, its display label and what it is for."""

    id: str
    label: str
    description: str


@dataclass(frozen=True)
class Option:
    default: Any
    kind: type | tuple[type, ...]
    description: str
    choices: tuple | None = None


DEFAULT_READING_TARGETS = {"fundamentals": 8, "intermediate": 12, "academic": None}

# Labels and descriptions are messages of the interface's catalogues (shown translated); tiers of your own
# are shown as written, unless the catalogues have them too.
DEFAULT_TIERS = (
    ("fundamentals", N_("Fundamentals"), N_("Plain language: the essentials, no background needed.")),
    ("intermediate", N_("Intermediate"), N_("More detail, for readers who know the basics.")),
    ("academic", N_("Academic"), N_("In depth: mechanisms and evidence, in technical language.")),
)

SITE_TEXTS = ("tagline", "description", "disclaimer")  # the author's texts a language may have its own of

STRATA_SCHEMA: dict[str, Option] = {
    "tiers": Option(
        DEFAULT_TIERS, (list, tuple),
        "Reading levels in reading order, as (id, label, description) triples. "
        "A page's `Tier:` metadata must be one of the ids.",
    ),
    "glossary_file": Option(
        "glossary.yaml", str, "Glossary data file, relative to the content folder."),
    "references_file": Option(
        "references.yaml", str, "Name of the references file inside each topic folder."),
    "words_per_minute": Option(
        200, int, "Reading speed used for the reading-time estimate."),
    "disclaimer": Option(
        "", str, "A notice shown at the top of every topic and tier page and in the footer (a health site's "
        "'not medical advice', say); empty: none."),
    "glossary_scope": Option(
        "page", str, "Mark the first use of a glossary term once per `page` or once per `section`.",
        choices=("page", "section")),
    "reading_targets": Option(
        DEFAULT_READING_TARGETS, dict,
        "Highest reading grade of each tier's prose, as {tier id: grade}, measured with SMOG and "
        "Flesch–Kincaid (both must be at or below it); None means no limit, and a tier not listed keeps its default."),
    "in_brief_target": Option(
        8, (int, float), "Highest reading grade of an \"In brief\" summary (SMOG and Flesch–Kincaid), on every tier."),
    "rare_word_zipf": Option(
        3.0, (int, float),
        "`invoke check` lists a word as rare (jargon) when its Zipf frequency in general English "
        "(wordfreq) is below this: 3 is once per million words."),
    "image_budget_kb": Option(
        200, int, "Size budget of one image file in KB; a larger image is a warning with its size and line."),
    "site_texts": Option(
        {}, dict,
        "Your texts in the other languages of the site: {lang: {\"tagline\": …, \"description\": …, "
        "\"disclaimer\": …}}; a text not given is shown as written in the site's language, marked as such."),
    "languages": Option(
        None, (list, tuple, type(None)),
        "The languages the output holds, e.g. [\"es\"]; None: the site's and every language a topic is translated "
        "into. The pages in the site's language are always read (a translation is grouped with them)."),
}


@dataclass(frozen=True)
class StrataConfig:
    """The validated ``STRATA`` settings."""

    tiers: tuple[TierSpec, ...]
    glossary_file: str
    references_file: str
    words_per_minute: int
    disclaimer: str
    glossary_scope: str
    reading_targets: dict[str, float | None]
    in_brief_target: float
    rare_word_zipf: float
    image_budget_kb: int
    site_texts: dict | None = None
    languages: tuple[str, ...] | None = None

    def publishes(self, lang: str) -> bool:
        """Whether the output holds the pages in ``lang``."""
        return self.languages is None or lang in self.languages

    def tier(self, tier_id: str) -> TierSpec | None:
        return next((t for t in self.tiers if t.id == tier_id), None)


THEME_MARK = os.path.join("templates", "tier.html")  # a file only Strata's theme has


def check_build_settings(settings: dict) -> None:
    """Pelican settings a Strata build cannot work with; raise :class:`StrataError` at the setting's line."""
    where = settings.get("STRATA_SETTINGS_FILE")
    formatted = settings.get("FORMATTED_FIELDS") or []
    if formatted:
        raise StrataError(f"FORMATTED_FIELDS is {list(formatted)!r}, but Strata reads 'Summary:' and the other "
                          "metadata as plain text (the templates escape it); set FORMATTED_FIELDS = [] as "
                          "pelicanconf.py does", where, setting_line(where, "FORMATTED_FIELDS"))
    theme = settings.get("THEME") or ""
    if not os.path.isfile(os.path.join(theme, THEME_MARK)):
        line = setting_line(where, "THEME")
        unset = "" if line else "; without THEME, Pelican uses its own theme"
        raise StrataError(f"THEME is {display_path(theme)!r}, which is not Strata's theme (it has no {THEME_MARK}"
                          f"{unset}); point THEME at Strata's theme folder, e.g. THEME = \"theme\"", where, line)
    lang = settings.get("DEFAULT_LANG")
    if not (isinstance(lang, str) and LANGUAGE_CODE.match(lang.lower())):
        raise StrataError(f"DEFAULT_LANG is {lang!r}, not a language code; write the language the site is written "
                          "in, e.g. DEFAULT_LANG = \"en\" or \"pt-BR\"", where, setting_line(where, "DEFAULT_LANG"))


def site_language(settings: dict) -> str:
    """``DEFAULT_LANG`` (which Pelican lower-cases) as a BCP 47 tag, as pages write it: ``pt_BR`` → ``pt-BR``."""
    return language_tag(settings.get("DEFAULT_LANG") or SOURCE_LANG)


def load_config(settings: dict) -> StrataConfig:
    """Validate ``settings["STRATA"]`` against :data:`STRATA_SCHEMA`; raise :class:`StrataError`."""
    raw = settings.get("STRATA", {})
    where = settings.get("STRATA_SETTINGS_FILE")
    if not isinstance(raw, dict):
        raise StrataError("STRATA must be a dict of options, e.g. STRATA = {\"words_per_minute\": 200}", where,
                          setting_line(where, "STRATA"))
    unknown = sorted(set(raw) - set(STRATA_SCHEMA))
    if unknown:
        raise StrataError(
            f"unknown STRATA option {', '.join(map(repr, unknown))}; "
            f"known options are: {', '.join(STRATA_SCHEMA)}", where, option_line(where, unknown[0]))
    values = {}
    for name, option in STRATA_SCHEMA.items():
        value = raw.get(name, option.default)
        if not isinstance(value, option.kind) or (isinstance(value, bool) and option.kind is int):
            raise _error(f"STRATA option {name!r} must be of type {_type_name(option.kind)}, "
                         f"not {type(value).__name__} ({option.description})", where, name)
        if option.choices and value not in option.choices:
            raise _error(f"STRATA option {name!r} is {value!r}; choose one of {', '.join(option.choices)}", where, name)
        values[name] = value
    values["tiers"] = _tier_specs(values["tiers"], where)
    for name in ("words_per_minute", "image_budget_kb"):
        if values[name] <= 0:
            raise _error(f"STRATA option {name!r} must be a positive number", where, name)
    _check_languages(values["site_texts"], values["languages"], where)
    if values["languages"] is not None:
        values["languages"] = tuple(values["languages"])
    # the defaults (DEFAULT_READING_TARGETS) apply to the tiers that exist; only the author's targets are checked
    values["reading_targets"] = _reading_targets(raw.get("reading_targets", {}), values["tiers"], where)
    for name in ("in_brief_target", "rare_word_zipf"):
        if isinstance(values[name], bool) or values[name] <= 0:
            raise _error(f"STRATA option {name!r} must be a positive number, not {values[name]!r}", where, name)
    return StrataConfig(**values)


def missing_data_files(settings: dict) -> list[StrataError]:
    """A glossary or references file the STRATA options name that is not in the content folder. Without the
    option, the default file may be absent (a site without a glossary or references)."""
    raw, where, content = settings.get("STRATA") or {}, settings.get("STRATA_SETTINGS_FILE"), settings["PATH"]
    problems = []
    name = raw.get("glossary_file")
    if name and not os.path.isfile(path := os.path.join(content, name)):
        problems.append(_error(f"STRATA 'glossary_file' is {name!r}, but there is no {display_path(path)}; "
                               "name the glossary file (relative to the content folder), or remove the option", where,
                               "glossary_file"))
    name = raw.get("references_file")
    if name and not any(name in files for _, _, files in os.walk(content)):
        problems.append(_error(f"STRATA 'references_file' is {name!r}, but no topic folder has a file of that name; "
                               "name the file the topics' references are in, or remove the option", where,
                               "references_file"))
    return problems


def _check_languages(site_texts: dict, languages, where: str | None) -> None:
    """``site_texts`` maps languages to known texts; ``languages`` lists language codes (or is None)."""
    for lang, texts in site_texts.items():
        unknown = sorted(set(texts) - set(SITE_TEXTS)) if isinstance(texts, dict) else None
        if unknown is None or unknown or not all(isinstance(text, str) for text in texts.values()):
            raise _error(f"STRATA 'site_texts' for {lang!r} must map {', '.join(SITE_TEXTS)} to text"
                         + (f", not {', '.join(map(repr, unknown))}" if unknown else ""), where, "site_texts")
    if languages is not None and (not languages or not all(isinstance(x, str) and x for x in languages)):
        raise _error("STRATA option 'languages' must list language codes, e.g. [\"en\", \"es\"], "
                     "or be None for every language", where, "languages")


def _tier_specs(raw: list | tuple, where: str | None) -> tuple[TierSpec, ...]:
    specs = []
    for item in raw:
        if not (isinstance(item, (list, tuple)) and len(item) == 3 and all(isinstance(x, str) for x in item)):
            raise _error(f"each STRATA 'tiers' entry must be an (id, label, description) triple of strings, "
                         f"not {item!r}", where, "tiers")
        specs.append(TierSpec(*item))
    ids = [s.id for s in specs]
    if not specs or len(set(ids)) != len(ids):
        raise _error("STRATA 'tiers' must list at least one tier, each id once", where, "tiers")
    return tuple(specs)


def _reading_targets(raw: dict, tiers: tuple[TierSpec, ...], where: str | None) -> dict[str, float | None]:
    """``{tier id: highest grade or None}`` for every tier (None: no limit); unlisted tiers keep the default."""
    ids = [t.id for t in tiers]
    unknown = [key for key in raw if key not in ids]
    if unknown:
        raise _error(f"STRATA 'reading_targets' names unknown tier {unknown[0]!r}; "
                     f"use tier ids: {', '.join(ids)}", where, "reading_targets")
    for key, grade in raw.items():
        if grade is not None and (isinstance(grade, bool) or not isinstance(grade, (int, float)) or grade <= 0):
            raise _error(f"STRATA 'reading_targets' for {key!r} must be a positive grade such as 8, "
                         f"or None for no limit, not {grade!r}", where, "reading_targets")
    return {tier_id: raw.get(tier_id, DEFAULT_READING_TARGETS.get(tier_id)) for tier_id in ids}


def _error(message: str, where: str | None, option: str) -> StrataError:
    """A problem with the STRATA option ``option``, at its line in the settings file ``where``."""
    return StrataError(message, where, option_line(where, option))


def _type_name(kind: type | tuple[type, ...]) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(k.__name__ for k in kinds)
