"""A two-topic fixture site for the search tests, built once, served over http:// and opened from file://."""

from __future__ import annotations

import pytest

from tests.support.browser import serve
from tests.support.site import build_tiny_site


def topic(slug: str, title: str, tiers: dict[str, str]) -> dict[str, str]:
    files = {f"topics/{slug}/index.md": f"Title: {title}\nTopic: {slug}\nSummary: About {title.lower()}.\n\n"
                                        "## Reflection\n\nWellbeing matters.\n"}
    for tier, body in tiers.items():
        files[f"topics/{slug}/{tier}.md"] = f"Title: {tier.title()}\nTopic: {slug}\nTier: {tier}\n\n{body}"
    return files


FILES = {
    **topic("heart", "Heart health", {
        "fundamentals": "Your heart pumps blood all day. Wellbeing matters.\n\n"
                        "## Café culture\n\nCoffee at a café can raise your pulse. Wellbeing matters.\n\n"
                        "## Blood pressure\n\nHigh pressure, called hypertension, strains the heart. Wellbeing.\n",
        "intermediate": "Pressure rises with age. Wellbeing matters.\n\n"
                        "## Exercise\n\nShe runs every morning. Wellbeing matters.\n\n"
                        "## Salt\n\nSalt raises pressure in some people. Wellbeing matters.\n",
        "academic": "Vessels adapt. Wellbeing matters.\n\n"
                    "## Vascular remodelling\n\nLong hypertension remodels vessels. Wellbeing matters.\n",
    }),
    **topic("sleep", "Sleep", {
        "fundamentals": "Everyone sleeps. Wellbeing matters.\n\n"
                        "## Circadian rhythm\n\nThe body clock sets when you feel tired. Wellbeing matters.\n\n"
                        "## Naps\n\nShort naps help. Circadian timing matters for naps, circadian cues such as "
                        "light shift the circadian clock. Wellbeing matters.\n",
        "intermediate": "Hormones time sleep. Wellbeing matters.\n\n"
                        "## Melatonin\n\nMelatonin rises at dusk. Wellbeing matters.\n",
        "academic": "Clocks tick in every cell. Wellbeing matters.\n\n"
                    "## Chronobiology\n\nPeripheral oscillators follow the master clock. Wellbeing matters.\n",
    }),
    # Japanese sections on an English site: words run together without spaces.
    **topic("water", "Water", {
        "fundamentals": "Drink water. Wellbeing matters.\n\n## 日本の水分補給\n\n"
                        "日本では魚をよく食べます。夏は水分補給が大切です。\n\n"
                        "## ビタミン\n\nビタミンDは骨に大切です。\n",
        "intermediate": "Thirst lags behind need. Wellbeing matters.\n",
        "academic": "Osmoregulation. Wellbeing matters.\n",
    }),
    "glossary.yaml": "- term: hypertension\n  definition: Blood pressure that stays high.\n",
    # A page of the site's own (content/pages/), with letters Unicode does not decompose.
    "pages/about.md": "Title: About us\n\nWritten by volunteers in Łódź.\n\n"
                      "## Contact\n\nWrite to the harbour office in Straßburg.\n",
}


@pytest.fixture(scope="session")
def search_site(tmp_path_factory):
    result = build_tiny_site(tmp_path_factory.mktemp("search-site"), FILES, base={})
    assert result.returncode == 0, result.stderr
    return result.output


@pytest.fixture(scope="session", params=["file", "http"])
def search_root(request, search_site):
    if request.param == "file":
        yield search_site.as_uri()
    else:
        with serve(search_site) as url:
            yield url
