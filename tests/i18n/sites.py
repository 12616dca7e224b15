"""The fixture site built with each interface language: English (the suite's own build), Spanish, Arabic."""

from __future__ import annotations

from pathlib import Path

from tests.support.sites import Site

HERE = Path(__file__).resolve().parent
SPANISH = Site("fixture-es", HERE / "settings_es.py")
ARABIC = Site("fixture-ar", HERE / "settings_ar.py")
INTERFACES = {"es": SPANISH, "ar": ARABIC}
