"""No interface string stays English in a Spanish or Arabic build, in any page or script state.

Every page of the fixture site is opened in the English build and in the build with the other interface;
in each, every state the scripts make is visited (an open toggletip; the quiz's error summary, wrong and
right answers with their score, "cleared", the saved-score line after a reload; search results and no
results) and everything a reader sees or hears is collected: text nodes (hidden ones too: they are shown
in another state; not a search result's snippet, which is indexed author text cut at any word),
``aria-label``, ``alt``, ``title``, ``placeholder`` and the document title. A piece of text found in both
builds must be author content (its words, in order, are in the site's Markdown, YAML or text settings)
or a message the catalogue translates as itself (``msgstr`` equal to ``msgid``, e.g. "Error:" in
Spanish); anything else is interface text that did not go through the catalogue.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
import yaml
from babel.messages.pofile import read_po

from tests.i18n.sites import INTERFACES
from tests.support.site import ROOT
from tests.support.sites import FIXTURE, FIXTURE_TIER_PAGE, search_word

pytestmark = pytest.mark.browser

COLLECT = """() => {
  const out = [document.title];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    // A search result's snippet is the indexed text around the words found (author text, cut anywhere)
    if (!node.parentElement.closest("script, style, template, .search-result__snippet")) out.push(node.nodeValue);
  }
  for (const name of ["aria-label", "alt", "title", "placeholder"])
    for (const element of document.querySelectorAll(`[${name}]`)) out.push(element.getAttribute(name));
  return out;
}"""


def fold(text: str) -> str:
    """Lower-case words without accents, one space apart: the form author text and page text are compared in."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'")).casefold()
    return " ".join(re.findall(r"[^\W_]+", "".join(c for c in text if not unicodedata.combining(c))))


def author_text(site) -> str:
    """The folded words of everything the site's authors wrote: page bodies, YAML, text settings."""
    parts = []
    for path in sorted(site.content.rglob("*")):
        if path.suffix == ".md":
            header, _, body = path.read_text(encoding="utf-8").partition("\n\n")
            parts += [line.partition(":")[2] for line in header.splitlines()
                      if line.partition(":")[0].strip().lower() in ("title", "summary")]  # not Tier:, Topic:
            parts.append(body)
        elif path.suffix in (".yaml", ".yml"):
            parts.append(path.read_text(encoding="utf-8"))
    settings = site.settings
    parts += [settings["SITENAME"], settings.get("SITE_TAGLINE", ""), settings.get("SITE_DESCRIPTION", ""),
              settings.get("STRATA", {}).get("disclaimer", "")]
    return f" {' '.join(fold(part) for part in parts)} "


def yaml_values(site) -> set[tuple[str, ...]]:
    """Every text value of the site's YAML files (glossary, references…), as folded words."""
    values = set()

    def walk(node):
        if isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
        elif node is not None:
            values.add(tuple(fold(str(node)).split()))

    for path in sorted(site.content.rglob("*.y*ml")):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return values - {()}


def made_of(words: list[str], values: set[tuple[str, ...]]) -> bool:
    """``words`` is a sequence of whole YAML values and numbers (a citation joins its fields so)."""
    reachable = [True] + [False] * len(words)
    for start in range(len(words)):
        if not reachable[start]:
            continue
        if words[start].isdigit():
            reachable[start + 1] = True
        for value in values:
            if tuple(words[start:start + len(value)]) == value:
                reachable[start + len(value)] = True
    return reachable[-1]


def kept_messages(lang: str) -> set[str]:
    """Messages the ``lang`` catalogue translates as themselves (folded)."""
    with open(ROOT / "theme" / "locale" / lang / "LC_MESSAGES" / "messages.po", "rb") as handle:
        catalogue = read_po(handle)
    return {fold(m.id if isinstance(m.id, str) else m.id[0]) for m in catalogue
            if m.id and (m.string if isinstance(m.string, str) else m.string[0]) ==
            (m.id if isinstance(m.id, str) else m.id[0])}


def texts(page) -> set[str]:
    return {" ".join(t.split()) for t in page.evaluate(COLLECT) if t and t.strip()}


def states(page, base: str, path: str) -> set[str]:
    """Everything said on ``path`` at rest and in each state its scripts make."""
    page.goto(f"{base}/{path}")
    page.evaluate("() => localStorage.clear()")
    page.reload()
    found = texts(page)
    if page.locator(".prose a.term").count():
        page.locator(".prose a.term").first.focus()
        page.locator(".term-tip").wait_for(state="visible")
        found |= texts(page)
        page.keyboard.press("Escape")
    if page.locator("form.quiz").count():
        quiz = page.locator("form.quiz").first
        quiz.locator("button[type=submit]").click()
        found |= texts(page)
        answer_all(page, right=False)
        quiz.locator("button[type=submit]").click()
        found |= texts(page)
        page.reload()  # the saved answers and last score
        found |= texts(page)
        quiz = page.locator("form.quiz").first
        if quiz.locator("[data-quiz-action=retry]").is_visible():
            quiz.locator("[data-quiz-action=retry]").click()
        answer_all(page, right=True)
        quiz.locator("button[type=submit]").click()
        found |= texts(page)
        quiz.locator("[data-quiz-action=clear]").click()
        found |= texts(page)
    if page.locator("form.search-form").count():
        for query in (search_word(), "zzqxv"):
            page.locator("#search-q").fill(query)
            page.locator("#search-q").press("Enter")
            page.locator("#search-status").filter(has_text=re.compile(r"\S")).wait_for()
            found |= texts(page)
    return found


def answer_all(page, right: bool) -> None:
    page.evaluate("""right => document.querySelectorAll("fieldset.quiz__question").forEach(q => {
        const inputs = [...q.querySelectorAll("input")];
        inputs.forEach(i => { i.checked = false; });
        (right ? inputs.filter(i => i.hasAttribute("data-correct"))
               : [inputs.find(i => !i.hasAttribute("data-correct"))]).forEach(i => i.click()); })""", right)


def untranslated(english: set[str], translated: set[str], author: str, kept: set[str],
                 values: set[tuple[str, ...]] = frozenset()) -> list[str]:
    """Pieces of ``translated`` that are also in ``english`` and are neither author text nor kept messages."""

    def authored(text: str) -> bool:  # author texts the interface joins with " — " or " · " count as author text
        return (all(f" {fold(piece)} " in author for piece in re.split(r" [—·] ", text) if fold(piece))
                or made_of(fold(text).split(), values))

    return sorted(t for t in translated & english
                  if len(re.findall(r"[^\W\d_]", t)) >= 2 and not authored(t) and fold(t) not in kept)


ENGLISH_PAGES = [path for path in FIXTURE.pages() if FIXTURE.language_of(path) is None]  # (a translation: in its own)


@pytest.fixture(scope="module")
def english_states(fixture_url, _module_context) -> dict[str, set[str]]:
    """What the English build says on each page, in every state: the same for every interface compared."""
    page = _module_context.new_page()
    try:
        return {path: states(page, fixture_url, path) for path in ENGLISH_PAGES}
    finally:
        page.close()


@pytest.mark.parametrize("lang", sorted(INTERFACES))
def test_no_interface_string_is_left_in_english(page, english_states, interface_urls, lang):
    author, kept, values = author_text(FIXTURE), kept_messages(lang), yaml_values(FIXTURE)
    problems = []
    for path in ENGLISH_PAGES:
        english = english_states[path]
        translated = states(page, interface_urls[lang], path)
        problems += [f"{path}: {text!r}" for text in untranslated(english, translated, author, kept, values)]
    assert not problems, "interface text not translated:\n" + "\n".join(problems)


def test_the_comparison_finds_an_english_string_and_spares_author_text():
    author = author_text(FIXTURE)
    english = {"Skip to main content", "Sleep and hormones", "Error:", ". Scribner, 2017.", ", vol. 54, 1999."}
    kept, values = {fold("Error:")}, yaml_values(FIXTURE)
    assert untranslated(english, english, author, kept, values) == [", vol. 54, 1999.", "Skip to main content"]


def test_states_reach_every_script_message(page, interface_urls):
    """The states visited show every message the Spanish quiz and search scripts have (none is missed)."""
    found = states(page, interface_urls["es"], FIXTURE_TIER_PAGE) | states(page, interface_urls["es"], "search.html")
    for expected in ("Su respuesta: incorrecta.", "Incorrecta", "Se han borrado sus respuestas guardadas.",
                     "Entrada del glosario", "Hay un problema"):
        assert any(expected in text for text in found), expected
    assert any(re.fullmatch(r"\d+ respuestas? correctas? de \d+", text) for text in found)
    assert any(text.startswith("No hay resultados para «zzqxv»") for text in found)
    assert any(re.match(r"\d+ resultados? para «", text) for text in found)
