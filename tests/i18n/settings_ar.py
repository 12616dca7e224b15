"""The fixture site with the Arabic interface, right to left (its topics are in English: author content).
The fixture's Spanish translation of a topic is left out: this build checks the Arabic interface."""

import runpy
from pathlib import Path

# The fixture's settings, run from their file: not `from settings import *`, which would take whichever
# module named "settings" Pelican last loaded in this process (it registers each settings file by its name).
_FIXTURE = runpy.run_path(str(Path(__file__).resolve().parents[1] / "fixtures" / "site" / "settings.py"))
globals().update({name: value for name, value in _FIXTURE.items() if name.isupper()})

DEFAULT_LANG = "ar"
IGNORE_FILES = [*IGNORE_FILES, "es"]  # noqa: F821
