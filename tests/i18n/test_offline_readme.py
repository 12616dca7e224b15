"""The offline bundle's README.txt speaks the site's language."""

from __future__ import annotations

import zipfile

from strata.i18n import translations
from tests.i18n.sites import SPANISH
from tests.support.site import run_offline_bundle


def test_the_readme_of_a_spanish_bundle_is_in_spanish(tmp_path):
    result = run_offline_bundle(tmp_path, SPANISH.settings_file)
    assert result.returncode == 0, result.stderr
    slug = SPANISH.settings["SITE_SLUG"]
    readme = zipfile.ZipFile(tmp_path / f"{slug}-offline.zip").read(f"{slug}-offline/README.txt").decode()
    title = translations(str(SPANISH.settings["THEME"]), "es").gettext("%(site)s: offline edition")
    assert readme.splitlines()[0] == title % {"site": SPANISH.settings["SITENAME"]}
    assert readme.splitlines()[1] == "=" * len(readme.splitlines()[0])
    assert "Para empezar, abra el archivo index.html" in readme
    assert "offline" not in readme.lower()
