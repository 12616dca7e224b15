"""The fixture site with the Spanish interface (its topics are in English: author content)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures" / "site"))

from settings import *  # noqa: F403

DEFAULT_LANG = "es"
