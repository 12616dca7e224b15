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

from .config import StrataConfig, load_config
from .errors import ErrorLog
from .glossary.terms import Glossary, load_site_glossary
from .publishing import make_asset_filter
from .search.docs import SearchDoc

STATE_KEY = "STRATA_BUILD"


@dataclass
class BuildState:
    config: StrataConfig
    errors: ErrorLog = field(default_factory=ErrorLog)
    glossary: Glossary = field(default_factory=Glossary)
    search_documents: tuple[list[SearchDoc], list[bytes]] | None = None  # documents and keys, once pages are read


def start_build(settings: dict) -> BuildState:
    """Validate the settings, load the glossary, and attach a fresh :class:`BuildState` to them.

    Also installs a fresh ``asset`` template filter (its file hashes belong to this build)."""
    state = BuildState(load_config(settings))
    state.glossary, problems = load_site_glossary(settings["PATH"], state.config.glossary_file)
    for problem in problems:
        state.errors.add(problem)
    settings.setdefault("JINJA_FILTERS", {})["asset"] = make_asset_filter(settings)
    settings[STATE_KEY] = state
    return state


def build_state(settings: dict) -> BuildState:
    """The state of the build that ``settings`` belong to (started on demand)."""
    return settings.get(STATE_KEY) or start_build(settings)
