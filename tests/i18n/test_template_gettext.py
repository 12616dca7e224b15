"""The theme's ``_``, ``gettext``, ``ngettext`` and ``{% trans %}`` give what Jinja's own new-style gettext gives
(strata.i18n installs single-call versions of them: Jinja's reach the catalogue through three calls)."""

from __future__ import annotations

import pytest
from jinja2 import Environment

from strata.i18n import install
from tests.support.site import ROOT

TEMPLATES = [
    "{{ _('Check answers') }}",
    "{{ gettext('Question %(number)s of %(total)s', number=n, total='<b>') }}",
    "{{ _('100%% sure') }}",
    "{{ _('Review: %(section)s', section=name) }}",
    "{{ ngettext('%(num)s question on this page.', '%(num)s questions on this page.', n) }}",
    "{{ ngettext('%(num)s question on this page.', '%(num)s questions on this page.', 1) }}",
    "{% trans %}Check answers{% endtrans %}",
    "{% trans count=n %}{{ count }} question on this page.{% pluralize %}{{ count }} questions on this page."
    "{% endtrans %}",
    "{% trans %}Score: {{ name }}{% endtrans %}",
]


def _environment(autoescape: bool, theirs: bool, lang: str) -> Environment:
    env = Environment(autoescape=autoescape, extensions=["jinja2.ext.i18n"])
    install(env, {"THEME": str(ROOT / "theme"), "DEFAULT_LANG": lang})
    if theirs:  # Jinja's own wrappers around the same catalogue look-ups
        from strata.i18n import translations
        catalogue = translations(str(ROOT / "theme"), lang)
        env.globals.pop("_")
        env.install_gettext_callables(catalogue.gettext, catalogue.ngettext, newstyle=True)
        env.globals["_"] = env.globals["gettext"]
    return env


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("autoescape", [True, False])
@pytest.mark.parametrize("source", TEMPLATES)
def test_the_theme_translates_as_jinjas_new_style_gettext(source, autoescape, lang):
    values = {"n": 3, "name": "<Sleep & rest>"}
    ours = _environment(autoescape, theirs=False, lang=lang).from_string(source).render(values)
    theirs = _environment(autoescape, theirs=True, lang=lang).from_string(source).render(values)
    assert ours == theirs
    assert ours.strip()


def test_a_message_with_a_stray_percent_fails_as_in_jinja():
    failures = []
    for theirs in (False, True):
        with pytest.raises((ValueError, TypeError)) as failure:
            _environment(True, theirs, "en").from_string("{{ _('50% off') }}").render()
        failures.append(failure.type)
    assert failures[0] is failures[1]
