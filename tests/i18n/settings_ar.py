"""The fixture site with the Arabic interface, right to left (its topics are in English: author content).
The fixture's Spanish translation of a topic is left out: this build checks the Arabic interface."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures" / "site"))

from settings import *  # noqa: F403

DEFAULT_LANG = "ar"
IGNORE_FILES = [*IGNORE_FILES, "es"]  # noqa: F405
