"""The fixture site with the Spanish interface (its topics are in English: author content). The fixture's
Spanish translation of a topic (``topics/<slug>/es/``) is left out: in a site whose language is Spanish, an
``es`` folder would hold pages in the site's own language, which the build refuses."""

import runpy
from pathlib import Path

# The fixture's settings, run from their file: not `from settings import *`, which would take whichever
# module named "settings" Pelican last loaded in this process (it registers each settings file by its name).
_FIXTURE = runpy.run_path(str(Path(__file__).resolve().parents[1] / "fixtures" / "site" / "settings.py"))
globals().update({name: value for name, value in _FIXTURE.items() if name.isupper()})

DEFAULT_LANG = "es"
IGNORE_FILES = [*IGNORE_FILES, "es"]  # noqa: F821
