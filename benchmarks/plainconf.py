"""Plain Pelican for the benchmark's baseline: Strata's settings and theme, without the plugin.

Tier pages render with the theme's generic page template; the plugin-only pages
(glossary, references, search) are not built. The ``asset`` filter is replaced by
a plain path, and the ``bundle`` filter by an unhashed name, since bundling and hashing assets are the
plugin's work; the theme's components are put on the template path as the plugin does.
"""

import os
import sys
import types

from markupsafe import Markup

sys.path.append(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from pelican import signals

from pelicanconf import *  # noqa: F403

PATH = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "content")
THEME = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "theme")
THEME_TEMPLATES_OVERRIDES = [os.path.join(THEME, "components")]
JINJA_FILTERS = {"asset": lambda path: "theme/" + path,
                 "bundle": lambda page_type, kind: f"theme/bundles/{page_type}.{kind}",
                 "quiz_parts": lambda content, quizzes: [(Markup(content), None)]}  # no quizzes without the plugin
DIRECT_TEMPLATES = ["index", "404"]


def _theme_i18n(generator):
    """The theme's gettext callables and filters (``_``, ``ngettext``, ``translate`` …), which it needs to render."""
    from strata.i18n import install
    install(generator.env, generator.settings)


THEME_I18N = types.ModuleType("plain_theme_i18n")  # a plugin of one signal: the theme's interface text only
THEME_I18N.register = lambda: signals.generator_init.connect(_theme_i18n)
PLUGINS = [THEME_I18N]
