"""Per-build state shared by the plugin's steps: the validated config and the error log.

It lives in Pelican's settings dict (under ``STRATA_BUILD``), which the readers,
the generators and the signal handlers all share, so that two builds in one
process never see each other's errors.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .config import StrataConfig, load_config
from .errors import ErrorLog

STATE_KEY = "STRATA_BUILD"


@dataclass
class BuildState:
    config: StrataConfig
    errors: ErrorLog = field(default_factory=ErrorLog)


def start_build(settings: dict) -> BuildState:
    """Validate the settings and attach a fresh :class:`BuildState` to them."""
    state = BuildState(load_config(settings))
    settings[STATE_KEY] = state
    return state


def build_state(settings: dict) -> BuildState:
    """The state of the build that ``settings`` belong to (started on demand)."""
    return settings.get(STATE_KEY) or start_build(settings)
