"""Every example of AUTHORING.md's "More Markdown" section, built in a tiny site: each feature shows up as
documented, and nothing the author wrote comes out as literal markup."""

from __future__ import annotations

import re
import textwrap

from bs4 import BeautifulSoup

from tests.support.site import ROOT, TINY_TOPIC, build_tiny_site

SECTION = "### More Markdown"
LITERAL_MARKUP = re.compile(r"\{[#.]|\[\^|```|~~~|\*\[|^:\s|\[\[|\]\]|(?<!-)--(?!-)", re.MULTILINE)


def examples() -> dict[str, str]:
    """The Markdown example under each '####' heading of the section (```markdown or ````markdown fences)."""
    guide = (ROOT / "AUTHORING.md").read_text(encoding="utf-8")
    section = guide.split(f"\n{SECTION}\n", 1)[1].split("\n### ", 1)[0]
    found = {}
    for part in section.split("\n#### ")[1:]:
        heading, body = part.split("\n", 1)
        match = re.search(r"^(`{3,4})markdown\n(.*?)\n\1$", body, re.DOTALL | re.MULTILINE)
        assert match, f"no example under {heading!r}"
        found[heading] = match.group(2)
    return found


def test_the_more_markdown_examples_build_as_documented(tmp_path):
    written = examples()
    assert set(written) == {"Heading ids", "Footnotes", "Code", "Definition lists", "Abbreviations",
                            "Quotes and dashes"}
    page = textwrap.dedent(TINY_TOPIC["topics/demo/academic.md"]) + "\n" + "\n\n".join(written.values()) + "\n"
    result = build_tiny_site(tmp_path, {"topics/demo/academic.md": page})
    assert result.returncode == 0, result.stderr
    document = BeautifulSoup(result.page("topics/demo/academic.html"), "html.parser")
    main = document.select_one("main")

    heading = main.find(id="making-testosterone")
    assert heading.name == "h2"
    assert heading.get_text() == "How the body makes testosterone"
    assert document.select_one('nav a[href="#making-testosterone"]').get_text().strip() == heading.get_text()
    assert main.select_one("a.footnote-ref")["aria-label"] == "Footnote 1"
    notes = main.select_one("section.footnotes")
    assert notes.find("h2").get_text() == "Notes"
    assert notes["aria-labelledby"] == notes.find("h2")["id"]
    back = notes.select_one("a.footnote-backref")
    assert back.get_text() == "↩Back to reference 1"
    assert back.select_one(".visually-hidden").get_text() == "Back to reference 1"
    assert main.select_one("pre > code").get_text() == "dose = 125 mg per week\n"
    assert "Gonadorelin" in [dt.get_text() for dt in main.select(".prose dl dt")]
    first_use = main.select_one('a.term[href="#abbr-hpg"]')
    assert first_use.abbr["title"] == "Hypothalamic-Pituitary-Gonadal"
    assert main.find(id=first_use["aria-describedby"]).get_text() == "Hypothalamic-Pituitary-Gonadal"
    assert "It\u2019s \u201cnormal\u201d to feel tired \u2013 for a while\u2026" in main.get_text()

    for code in main.select("pre, code, form"):
        code.decompose()
    assert not LITERAL_MARKUP.findall(main.get_text()), "literal Markdown in the page"
