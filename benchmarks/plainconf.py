"""Plain Pelican for the benchmark's baseline: Strata's settings and theme, without the plugin.

Tier pages render with the theme's generic page template; the plugin-only pages
(glossary, references, search) are not built. The ``asset`` filter is replaced by
a plain path, since hashing assets is the plugin's work.
"""

import os
import sys

sys.path.append(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from pelicanconf import *  # noqa: F403

PATH = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "content")
THEME = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "theme")
PLUGINS = []
JINJA_FILTERS = {"asset": lambda path: "theme/" + path}
DIRECT_TEMPLATES = ["index", "404"]
