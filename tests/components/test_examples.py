"""Every component rendered from its example file through Pelican's Jinja environment, without a browser.

As GOV.UK Frontend does: each ``theme/components/<name>/example.yaml`` holds named parameter sets for the
component's macro (``<name>`` with ``-`` as ``_``). Each set is rendered and checked for what holds for
every component (unique ids, references that resolve, names for links, inputs and landmarks), then for
what its own example shows. Behaviour is tested in the browser (``tests/quiz``, ``tests/glossary``, …).
"""

from __future__ import annotations

import copy
from types import SimpleNamespace

import pytest
import yaml
from bs4 import BeautifulSoup

from strata.components import jinja_environment
from strata.readability import Grades
from tests.support.site import ROOT

COMPONENTS = ROOT / "theme" / "components"
REFERENCES = ("aria-labelledby", "aria-describedby", "for")


def examples() -> list[tuple[str, str, dict]]:
    found = []
    for path in sorted(COMPONENTS.glob("*/example.yaml")):
        for name, params in yaml.safe_load(path.read_text(encoding="utf-8")).items():
            found.append((path.parent.name, name, params or {}))
    return found


def with_models(component: str, params: dict) -> dict:
    """The example's plain data, with measured grades as the :class:`Grades` whose method the macros call."""
    params = copy.deepcopy(params)
    if component == "reading-level":
        params["grades"] = Grades(**params["grades"])
    elif component == "in-brief":  # an object: "summary.items" of a mapping would be its method
        params["summary"] = SimpleNamespace(**{**params["summary"], "grades": Grades(**params["summary"]["grades"])})
    elif component == "tier-cards":
        for tier in params["tiers"]:
            tier["stats"]["grades"] = Grades(**tier["stats"]["grades"])
    return params


def render(component: str, params: dict) -> BeautifulSoup:
    env = jinja_environment(str(ROOT / "pelicanconf.py"))
    macro = getattr(env.get_template(f"{component}/{component}.html").module, component.replace("-", "_"))
    return BeautifulSoup(str(macro(**with_models(component, params))), "html.parser")


def name_of(element, document) -> str:
    """The accessible name from aria-labelledby, aria-label, a label or the text (enough for these checks)."""
    if element.get("aria-labelledby"):
        return " ".join(document.find(id=i).get_text(" ", strip=True) for i in element["aria-labelledby"].split())
    if element.get("aria-label"):
        return element["aria-label"]
    if element.get("id") and document.find("label", attrs={"for": element["id"]}):
        return document.find("label", attrs={"for": element["id"]}).get_text(" ", strip=True)
    return element.get_text(" ", strip=True)


def test_every_component_with_a_macro_has_examples():
    macros = {p.parent.name for p in COMPONENTS.glob("*/*.html") if p.stem == p.parent.name}
    with_examples = {component for component, _, _ in examples()}
    assert macros
    assert macros - with_examples == set()


@pytest.mark.parametrize(("component", "example", "params"), examples(), ids=lambda v: v if isinstance(v, str) else "")
def test_example_is_well_formed_and_named(component, example, params):
    document = render(component, params)
    ids = [e["id"] for e in document.find_all(id=True)]
    assert len(ids) == len(set(ids)), "ids are unique"
    for attribute in REFERENCES:
        for element in document.find_all(attrs={attribute: True}):
            targets = element[attribute].split()
            assert all(document.find(id=t) for t in targets), f"{attribute}={element[attribute]} resolves"
    for element in document.select("a, button, input, nav, form, [role=note]"):
        assert name_of(element, document), f"{element.name} has an accessible name"
    assert not document.find("script")
    assert not document.find(style=True)
    CHECKS[component](document, example, params)


def check_site_header(document, example, params):
    header = document.select_one("header.site-header")
    assert header.select_one("nav.site-nav")["aria-label"] == "Site"
    links = [(a.get_text(), a.get("aria-current")) for a in header.select(".site-nav a")]
    assert links == [(link["label"], "page" if link["current"] else None) for link in params["links"]]
    search = header.select_one("form[role=search]")
    if params.get("search", True):
        assert search["action"] == params["search_url"]
        assert name_of(search.select_one("input[type=search]"), document) == "Search this site"
    else:
        assert search is None


def check_site_footer(document, example, params):
    texts = [p.get_text() for p in document.select("footer.site-footer p")]
    assert texts == [t for t in (params.get("disclaimer"), params["about"]) if t]
    links = document.select("footer.site-footer nav a")
    assert [(a.get_text(), a["href"]) for a in links] == [
        (page["title"], f"{params['site_url']}/{page['url']}") for page in params.get("pages", ())]
    if links:
        assert document.select_one("footer.site-footer nav")["aria-label"] == "About this site"


def check_disclaimer(document, example, params):
    note = document.select_one("div.disclaimer[role=note]")
    assert note["aria-label"] == "Important information"
    assert note.get_text(strip=True) == params["text"]  # shown as typed: markup in the text is escaped
    assert note.find("b") is None


def check_tier_switcher(document, example, params):
    nav = document.select_one("nav.tier-switcher")
    assert name_of(nav, document) == "Reading level"
    links = nav.select("a.tier-switcher__link")
    assert [a["href"] for a in links] == [f"{params['base_url']}/{t['url']}" for t in params["tiers"]]
    current = [a for a in links if a.get("aria-current") == "page"]
    assert len(current) == 1
    assert current[0]["href"].endswith(params["current_url"])
    assert "(you are here)" in current[0].get_text()


def check_language_switcher(document, example, params):
    nav = document.select_one("nav.language-switcher")
    assert name_of(nav, document) == "Language"
    links = nav.select("a.language-switcher__link")
    assert [(a["href"], a["hreflang"]) for a in links] == [(f"{params['base_url']}/{v['url']}", v["lang"])
                                                            for v in params["versions"]]
    names = [(a.select_one("[lang]")["lang"], a.select_one("[lang]").get_text()) for a in links]
    assert names == [(v["lang"], v["name"]) for v in params["versions"]]  # each named in its own language
    current = [a for a in links if a.get("aria-current") == "page"]
    assert [a["hreflang"] for a in current] == [params["current"]]
    assert "(you are here)" in current[0].get_text()  # in words too, not only by its look


def check_toc(document, example, params):
    if not params["entries"]:
        assert document.get_text(strip=True) == ""
        return
    nav = document.select_one("nav.toc")
    assert name_of(nav, document) == "On this page"
    assert [a["href"] for a in nav.select(":scope > ol > li > a")] == [f"#{e['id']}" for e in params["entries"]]
    assert nav.select_one("ol ol a").get_text() == "The brain & the testes"


def check_tier_cards(document, example, params):
    cards = document.select("ol.tier-cards > li.tier-card")
    assert [c.select_one(f"h{params['heading_level']} a").get_text() for c in cards] == \
        [t["spec"]["label"] for t in params["tiers"]]
    assert [c.select_one(".tier-card__facts").get_text(" ", strip=True) for c in cards] == [
        "About 1 minute to read. Reading level: school grade 5 (Flesch–Kincaid grade 4.0, SMOG grade 5.1). "
        "Within its target of school grade 6.",
        "About 12 minutes to read. Reading level: university level (Flesch–Kincaid grade 13.5, SMOG grade 14.0)."]


def check_pager(document, example, params):
    nav = document.select_one("nav.pager")
    if example == "alone":
        assert nav is None  # nothing to link to: no empty navigation landmark
        return
    assert nav["aria-label"] == "Previous and next reading level"
    links = {a.get("rel", ["closing"])[0]: a for a in nav.select("a")}
    expected = {"prev": params.get("previous"), "next": params.get("next"), "closing": params.get("closing")}
    assert set(links) == {rel for rel, target in expected.items() if target}
    for rel, link in links.items():
        assert link["href"] == f"{params['base_url']}/{expected[rel]['url']}"
    if "closing" in links:
        assert links["closing"].get_text(" ", strip=True) == f"{params['closing']['hint']} {params['closing']['label']}"


def check_quiz(document, example, params):
    model, level = params["model"], params["heading_level"]
    form = document.select_one("form.quiz[data-module=quiz]")
    assert form["data-quiz-key"] == model["storage_key"]
    assert name_of(form, document) == model["title"]
    assert form.select_one(f":scope > h{level}").get_text() == model["title"]
    summary = form.select_one(".quiz__errors")
    assert summary["tabindex"] == "-1"
    assert summary["role"] == "group"  # it takes focus, so it is no alert, nor holds one (said twice)
    assert not summary.select("[role=alert]")
    assert name_of(summary, document) == "There is a problem"
    assert summary.select_one(f"h{level + 1}").get_text() == "There is a problem"
    assert [a["href"] for a in summary.select("a")] == [f"#{q['options'][0]['id']}" for q in model["questions"]]
    for question, fieldset in zip(model["questions"], form.select("fieldset.quiz__question"), strict=True):
        assert fieldset.legend.get_text(" ", strip=True).endswith(question["legend"])
        assert document.find(id=fieldset["aria-describedby"]).get_text() == question["hint"]
        inputs = fieldset.select(f"input[type={question['input_type']}][name={question['id']}]")
        assert [name_of(i, document) for i in inputs] == [o["label"] for o in question["options"]]
        assert [i.has_attr("data-correct") for i in inputs] == [o["correct"] for o in question["options"]]
        review = fieldset.select_one(".quiz__review a")
        assert (review and review["href"]) == (question.get("review") and f"#{question['review']['id']}")
    hidden = form.select(".quiz__actions, .quiz__errors, .quiz__saved, .quiz__feedback, .quiz__result")
    assert all(e.has_attr("hidden") for e in hidden)


def check_reading_level(document, example, params):
    text = document.get_text()
    expected = {
        "within-target": "school grade 6 (Flesch–Kincaid grade 3.7, SMOG grade 6.2). Within its target of "
                         "school grade 7",
        "harder-than-target": "university level (Flesch–Kincaid grade 13.2, SMOG grade 14.1). Harder than its target "
                              "of school grade 9",
        "no-target": "school grade 8 (Flesch–Kincaid grade 7.5, SMOG grade 8.0)",
    }
    assert text == expected[example]


def check_in_brief(document, example, params):
    brief = document.select_one("div.in-brief#in-brief")
    assert brief.select_one("h2").get_text() == "In brief"
    assert [li.get_text() for li in brief.select("ul > li")] == params["summary"]["items"]
    assert brief.select_one(".in-brief__level").get_text().startswith("Reading level of this summary: school grade 6")


def check_prose(document, example, params):
    prose = document.select_one("div.prose[data-module=toggletip]")
    children = [e.name for e in prose.find_all(True, recursive=False)]
    if example == "with-a-quiz":
        assert children == ["h2", "p", "form", "p"]  # the quiz where its block was written
        assert prose.select_one("form.quiz .quiz__review a")["href"] == "#hormones"
    else:
        assert children == ["p", "div"]
        assert prose.select_one("a.term[aria-describedby]")


CHECKS = {name.removeprefix("check_").replace("_", "-"): check for name, check in dict(globals()).items()
          if name.startswith("check_")}


def test_every_component_with_examples_has_its_own_checks():
    assert {component for component, _, _ in examples()} - set(CHECKS) == set()

