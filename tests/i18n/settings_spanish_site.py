"""A site written in Spanish: the real site's settings with Spanish as its language (content and interface)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from pelicanconf import *  # noqa: F403

DEFAULT_LANG = "es"
SITE_TAGLINE = "Temas de salud en tres niveles de lectura"
SITE_DESCRIPTION = "Cada tema está escrito tres veces, del más sencillo al más técnico."
