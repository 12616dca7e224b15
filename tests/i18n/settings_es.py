"""The fixture site with the Spanish interface (its topics are in English: author content). The fixture's
Spanish translation of a topic (``topics/<slug>/es/``) is left out: in a site whose language is Spanish, an
``es`` folder would hold pages in the site's own language, which the build refuses."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures" / "site"))

from settings import *  # noqa: F403

DEFAULT_LANG = "es"
IGNORE_FILES = [*IGNORE_FILES, "es"]  # noqa: F405
