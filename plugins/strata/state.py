"""Per-build state shared by the plugin's steps: the validated config, the error log and the glossary.

It lives in Pelican's settings dict (under ``STRATA_BUILD``), which the readers, the
generators and the signal handlers all share. A new state starts on every run of
Pelican (the ``get_generators`` signal, sent at the start of each ``Pelican.run()``,
as pelican-plugins' sitemap initialises itself "so it works with --autoreload"): with
``pelican -r`` or ``invoke livereload`` one Pelican object runs many builds, and an
error must be reported by the build that found it, not by every later one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .caching import read_version
from .config import StrataConfig, load_config, missing_data_files, site_language
from .errors import ErrorLog
from .glossary.terms import Glossary, capitalised_glossaries, load_site_glossary, translated_languages
from .i18n import language_tag
from .ids import theme_ids
from .languages import LANGUAGE_CODE, default_language
from .publishing import make_asset_filter

STATE_KEY = "STRATA_BUILD"


@dataclass
class BuildState:
    config: StrataConfig
    errors: ErrorLog = field(default_factory=ErrorLog)
    glossary: Glossary = field(default_factory=Glossary)
    translated_glossaries: dict[str, Glossary] = field(default_factory=dict)  # by language, not the site's own
    no_glossary: Glossary = field(default_factory=Glossary)  # of a language without a glossary file
    # (folder, lang, what makes its documents (again, in order), their keys) of each language, once pages are read
    search_documents: list | None = None
    alternates: dict = field(default_factory=dict)  # output file -> (lang, url) of each version of the page
    unpublished_files: list = field(default_factory=list)  # written, then removed: a language left out
    content_files: dict = field(default_factory=dict)  # output path -> source of each file of STATIC_PATHS
    glossary_lang: str = "en"  # the language of the site's own glossary file
    theme_ids: frozenset[str] = frozenset()  # ids the theme's templates write, which no page or glossary id may take
    read_version: str = ""  # what the pages' reading depends on (caching.read_version), once the glossary is read

    def glossary_for(self, lang: str | None) -> Glossary:
        """The glossary of the pages in ``lang``: a translated one (empty when the language has none), or the
        site's for ``None`` and the site's language."""
        if lang is None or lang == self.glossary_lang:
            return self.glossary
        return self.translated_glossaries.get(lang, self.no_glossary)

    @property
    def glossary_version(self) -> str:
        """Changes whenever any glossary file, in any language, does."""
        return ":".join([self.glossary.version, *(f"{lang}={glossary.version}"
                                                  for lang, glossary in sorted(self.translated_glossaries.items()))])


def start_build(settings: dict) -> BuildState:
    """Validate the settings, load the glossary, and attach a fresh :class:`BuildState` to them.

    Also installs a fresh ``asset`` template filter (its file hashes belong to this build)."""
    settings["DEFAULT_LANG"] = site_language(settings)  # before any page is read: pages write it as lang="…"
    state = BuildState(load_config(settings))
    state.theme_ids = theme_ids(settings["THEME"])
    for problem in missing_data_files(settings):
        state.errors.add(problem)
    state.glossary, problems = load_site_glossary(settings["PATH"], state.config.glossary_file,
                                                  reserved=state.theme_ids)
    for problem in problems:
        state.errors.add(problem)
    for problem in capitalised_glossaries(settings["PATH"], state.config.glossary_file, LANGUAGE_CODE.match):
        state.errors.add(problem)
    state.glossary_lang = default_language(settings)
    for lang in translated_languages(settings["PATH"], state.config.glossary_file, LANGUAGE_CODE.match):
        if language_tag(lang) != state.glossary_lang:  # glossary.pt_BR.yaml is the glossary of the pages in pt-BR
            state.translated_glossaries[language_tag(lang)], problems = load_site_glossary(
                settings["PATH"], state.config.glossary_file, lang, original=state.glossary, reserved=state.theme_ids)
            for problem in problems:
                state.errors.add(problem)
    settings.setdefault("JINJA_FILTERS", {})["asset"] = make_asset_filter(settings)
    state.read_version = read_version(state, settings)
    settings[STATE_KEY] = state
    return state


def build_state(settings: dict) -> BuildState:
    """The state of the build that ``settings`` belong to (started on demand)."""
    return settings.get(STATE_KEY) or start_build(settings)
