"""Injection corpus: script payloads in every author-controlled field are shown as text, never run.

One tiny site holds one topic per payload; every field an author writes outside the
trusted Markdown body of a tier (titles, summaries, quiz text, options, feedback,
explanations, section names, glossary terms, aliases and definitions, reference
fields) carries ``"<field> <word> <payload>"``, ``<word>`` naming the topic.

Two independent proofs, since the pages' Content-Security-Policy would block inline
script anyway:

- **escaping** (static): the built HTML holds no element or attribute a payload could
  have produced: no inline ``<script>``, no ``on*`` or ``autofocus`` attribute, no
  ``javascript:`` URL, one ``<title>``;
- **in Chromium**: every page of the topic, the glossary, the references and a search
  are opened; toggletips, answers and the quiz are used and every element receives
  mouse and focus events; the sentinel ``window.__pwned`` stays unset, no CSP
  violation is reported, and each field's text is visible literally.

The Markdown body of a tier is trusted author HTML by design, so it is not tested here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from strata.references import percent_encoded
from strata.search.shards import read_shard
from tests.support.browser import serve
from tests.support.site import build_tiny_site

PAYLOADS = {
    "script": "<script>window.__pwned=1</script>",
    "img-onerror": '<img src=x onerror="window.__pwned=1">',
    "javascript-url": "[x](javascript:window.__pwned=1)",
    "title-breakout": "</title><script>window.__pwned=1</script>",
    "double-quote-attribute": '" onmouseover="window.__pwned=1',
    "single-quote-attribute": "' autofocus onfocus='window.__pwned=1",
    "js-string": '";window.__pwned=1;//',
}
WORDS = dict(zip(PAYLOADS, ("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf"), strict=True))

# Fields shown as typed, and fields rendered as (safe) Markdown. In the second, a Markdown link to a
# javascript: URL stops the build (tests/robustness/bad_inputs/quiz-javascript-link), so there the payload
# is the same link written as HTML, which Markdown fields show as typed.
PLAIN_FIELDS = ("topic-title", "topic-summary", "section-name", "glossary-term",
                "glossary-alias", "reference-authors", "reference-title", "reference-journal", "reference-pages",
                "reference-publisher", "reference-edition", "reference-url")
MARKDOWN_FIELDS = ("quiz-title", "question", "option", "option-feedback", "explanation", "true-false-feedback",
                   "glossary-definition")
HTML_LINK = '<a href="javascript:window.__pwned=1">x</a>'
SENTINEL = "__pwned"


def value(field: str, name: str) -> str:
    """The text an author wrote in ``field`` of the topic of payload ``name``."""
    payload = HTML_LINK if field in MARKDOWN_FIELDS and name == "javascript-url" else PAYLOADS[name]
    text = f"{field} {WORDS[name]} {payload}"
    if field == "reference-url":  # written as a url must be (a space is %20 …), else the build stops
        return "https://example.org/" + percent_encoded(text)
    return text


def shown(field: str, name: str) -> str:
    """What a reader must see for that field."""
    return value(field, name)


def entities(text: str) -> str:
    """``text`` for a Markdown heading: every symbol as a numeric entity, so Markdown shows it as typed."""
    return "".join(c if c.isalnum() or c == " " else f"&#{ord(c)};" for c in text)


def topic_files(name: str) -> dict[str, str]:
    word, v = WORDS[name], lambda field: value(field, name)
    q = json.dumps
    folder = f"topics/topic-{word}"
    quiz = f"""```quiz
title: {q(v("quiz-title"))}
questions:
- question: {q(v("question"))}
  type: single
  section: {q(v("section-name"))}
  options:
    - text: {q(v("option"))}
      correct: true
      feedback: {q(v("option-feedback"))}
    - text: Another answer
  explanation: {q(v("explanation"))}
- question: The text mentions zorb{word}.
  type: true-false
  answer: true
  feedback:
    true: {q(v("true-false-feedback"))}
    false: Not quite.
  explanation: It does.
```
"""
    files = {
        f"{folder}/index.md": f"Title: {v('topic-title')}\nTopic: topic-{word}\nSummary: {v('topic-summary')}\n\n"
                              "## Reflection\n\nClosing words.\n",
        f"{folder}/references.yaml": (
            f"- authors: {q(v('reference-authors'))}\n  title: {q(v('reference-title'))}\n"
            f"  journal: {q(v('reference-journal'))}\n  pages: {q(v('reference-pages'))}\n  year: 2020\n"
            f"  url: {q(v('reference-url'))}\n"
            f"- authors: A. Author\n  title: A book\n  edition: {q(v('reference-edition'))}\n"
            f"  publisher: {q(v('reference-publisher'))}\n  year: 2021\n"),
    }
    for tier in ("fundamentals", "intermediate", "academic"):
        body = f"A sentence about zorb{word}.\n\n## {entities(v('section-name'))}\n\nMore text.\n\n"
        # A tier page's title must be its tier's label (tests/robustness/bad_inputs/tier-title-not-the-label).
        files[f"{folder}/{tier}.md"] = (f"Title: {tier.title()}\nTopic: topic-{word}\nTier: {tier}\n"
                                        f"Summary: {v('topic-summary')}\n\n{body}"
                                        + (quiz if tier == "fundamentals" else ""))
    return files


def glossary() -> str:
    entries = [f"- term: {json.dumps(value('glossary-term', n))}\n"
               f"  aliases: [zorb{WORDS[n]}, {json.dumps(value('glossary-alias', n))}]\n"
               f"  definition: {json.dumps(value('glossary-definition', n))}\n" for n in PAYLOADS]
    return "".join(entries)


@pytest.fixture(scope="module")
def injected_site(tmp_path_factory) -> Path:
    files = {"glossary.yaml": glossary()}
    for name in PAYLOADS:
        files.update(topic_files(name))
    result = build_tiny_site(tmp_path_factory.mktemp("injection"), files, base={})
    assert result.returncode == 0, result.stderr
    return result.output


def pages_of(name: str) -> list[str]:
    folder = f"topics/topic-{WORDS[name]}"
    return [f"{folder}/{page}.html" for page in ("index", "fundamentals", "intermediate", "academic")] + [
        "index.html", "glossary.html", "references.html"]


def test_every_field_carries_every_payload():
    """The corpus itself: each payload in each field (the count the report quotes)."""
    files = {"glossary.yaml": glossary()}
    for name in PAYLOADS:
        files.update(topic_files(name))
    text = "\n".join(files.values())
    combinations = [(f, n) for f in PLAIN_FIELDS + MARKDOWN_FIELDS for n in PAYLOADS]
    assert len(combinations) == 19 * 7
    for field, name in combinations:
        assert json.dumps(value(field, name)) in text or value(field, name) in text, (field, name)


@pytest.mark.parametrize("name", PAYLOADS)
def test_built_html_holds_no_markup_from_a_payload(injected_site, name):
    for page in [*pages_of(name), "search.html", "404.html"]:
        document = BeautifulSoup((injected_site / page).read_text(encoding="utf-8"), "html.parser")
        assert len(document.find_all("title")) == 1, page
        assert not document.head.title.find_all(True), page
        for script in document.find_all("script"):
            assert script.get("src", "").split("?")[0].endswith(".js"), f"{page}: inline script {script}"
            assert not script.string, f"{page}: script with content {script}"
        for element in document.find_all(True):
            for attribute, attribute_value in element.attrs.items():
                assert not attribute.lower().startswith("on"), f"{page}: {attribute} on <{element.name}>"
                assert attribute.lower() not in {"autofocus", "srcdoc", "formaction"}, f"{page}: {attribute}"
                if attribute in {"href", "src", "action"}:
                    url = "".join(str(attribute_value).split()).lower()
                    assert not url.startswith(("javascript:", "data:", "vbscript:")), f"{page}: {attribute_value}"
        assert not document.find_all(["img", "iframe", "object", "embed"]), page
        tier = f"topics/topic-{WORDS[name]}/fundamentals.html"
        if page == tier:
            assert value("topic-title", name) in document.head.title.string, document.head.title
            assert document.find("meta", attrs={"name": "description"})["content"] == value("topic-summary", name)
    titles = []
    for shard in (injected_site / "search").glob("c*.js"):  # one call with one JS string: no string breakout
        titles += [doc[1] for doc in read_shard(shard.read_text(encoding="utf-8"))[1]]
    assert any(title.startswith(value("topic-title", name)) for title in titles)


WATCH = """() => {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation',
    e => window.__violations.push(e.violatedDirective + ' ' + (e.sample || '')));
}"""

PROVOKE = """() => {
  for (const el of document.querySelectorAll('body *')) {
    for (const type of ['mouseover', 'mouseenter', 'click']) {
      if (type === 'click' && el.closest('a[href], button, summary, form')) continue;
      el.dispatchEvent(new MouseEvent(type, {bubbles: true}));
    }
    el.dispatchEvent(new FocusEvent('focus'));
    el.dispatchEvent(new Event('error'));
  }
}"""


def use_page(page) -> None:
    """Do what a reader does: open toggletips, answers and the quiz; then provoke every element."""
    for term in page.locator(".prose a.term").all()[:3]:
        term.hover()
        assert page.locator(".term-tip").is_visible()
        term.focus()
    for summary in page.locator("summary").all():
        summary.click()
    quiz = page.locator("form.quiz")
    if quiz.count():
        quiz.locator("button[type=submit]").click()  # unanswered: the error summary
        assert page.locator(".quiz__errors").is_visible()
        for fieldset in quiz.locator("fieldset").all():
            fieldset.locator("input").first.check()
        quiz.locator("button[type=submit]").click()
        assert page.locator(".quiz__score").inner_text().strip()
    page.evaluate(PROVOKE)


@pytest.mark.browser
@pytest.mark.parametrize("name", PAYLOADS)
def test_payloads_never_run_and_are_shown_literally(page, injected_site, name):
    page.add_init_script(f"({WATCH})()")
    seen = []
    with serve(injected_site) as url:
        for path in pages_of(name):
            page.goto(f"{url}/{path}")
            use_page(page)
            assert page.evaluate(f"() => typeof window.{SENTINEL}") == "undefined", f"{path}: payload ran"
            assert page.evaluate("() => window.__violations") == [], path
            seen.append(page.title())
            seen.append(page.evaluate("() => document.body.innerText"))
            if path.endswith("fundamentals.html"):
                tip = page.locator(".term-tip")
                page.locator(".prose a.term").first.hover()
                assert shown("glossary-definition", name) in tip.inner_text()
        page.goto(f"{url}/search.html?q={WORDS[name]}")
        page.locator("#search-results li").first.wait_for()
        page.evaluate(PROVOKE)
        assert page.evaluate(f"() => typeof window.{SENTINEL}") == "undefined"
        assert page.evaluate("() => window.__violations") == []
        results = page.locator("#search-results").inner_text()
    everything = "\n".join(seen)
    missing = [field for field in PLAIN_FIELDS + MARKDOWN_FIELDS if shown(field, name) not in everything]
    assert not missing, f"not shown literally: {missing}"
    assert value("topic-title", name) in results
    escaped = [e for e in ("&lt;", "&gt;", "&amp;", "&quot;", "&#34;", "&#39;", "&#x27;") if e in everything]
    assert not escaped, f"text shown double-escaped: {escaped}"
