""""In brief" summaries in a built site: after the title and reading level, measured, searchable, in the offline
zip; a quote that is not in the tier, or a block off a tier page, stops the build at its line."""

from __future__ import annotations

import zipfile

from bs4 import BeautifulSoup

from strata.search.shards import read_shard
from tests.support.site import ROOT, TINY_TOPIC, build_tiny_site, offline_settings, run_offline_bundle, write_files


def authoring_example(heading: str) -> str:
    """The first ```markdown block under ``heading`` in AUTHORING.md."""
    guide = (ROOT / "AUTHORING.md").read_text(encoding="utf-8")
    section = guide.split(f"\n{heading}\n", 1)[1]
    return section.split("```markdown\n", 1)[1].split("\n```", 1)[0] + "\n"


EXAMPLE = authoring_example("### In brief")
FILES = {"topics/demo/fundamentals.md": EXAMPLE,
         "topics/other/index.md": "Title: Other\nTopic: other\nSummary: Another topic.\n\nWords.\n",
         **{f"topics/other/{tier}.md": f"Title: {tier.title()}\nTopic: other\nTier: {tier}\n\nText of {tier}.\n"
            for tier in ("fundamentals", "intermediate", "academic")}}


def test_the_authoring_example_is_shown_after_the_title_and_level(tmp_path):
    result = build_tiny_site(tmp_path, FILES)
    assert result.returncode == 0, result.stderr
    document = BeautifulSoup(result.page("topics/demo/fundamentals.html"), "html.parser")
    header = document.select_one("article.tier > header")
    order = [child.get("class", [child.name])[0] for child in header.find_all(recursive=False)]
    assert order.index("tier-facts") + 1 == order.index("in-brief")
    headings = document.select("main h1, main h2")
    assert [h.name for h in headings[:2]] == ["h1", "h2"]
    assert headings[1].get_text(strip=True) == "In brief"  # the first thing after the title and its facts
    brief = document.select_one("#in-brief")
    assert [li.get_text(strip=True) for li in brief.select("li")] == [
        "Your brain tells your testes to make testosterone.",
        "When you take it as a drug, your testes make less of their own."]
    note = brief.select_one(".in-brief__level").get_text(" ", strip=True)
    assert "Flesch–Kincaid grade" in note
    assert "SMOG grade" in note
    assert "Within its target of school grade 8" in note
    assert "Restates" not in brief.get_text()
    assert document.select_one(".prose #in-brief") is None  # not repeated in the body


def test_the_summary_is_searchable(tmp_path):
    result = build_tiny_site(tmp_path, FILES)
    assert result.returncode == 0, result.stderr
    rows = [row for path in sorted((result.output / "search").glob("c*.js"))
            for row in read_shard(path.read_text(encoding="utf-8"))[1]]  # [url, title, page, kind, text]
    found = [row for row in rows if row[0].endswith("demo/fundamentals.html#in-brief")]
    assert len(found) == 1
    assert found[0][1] == "In brief"
    assert "Your brain tells your testes" in found[0][4]


def test_the_summary_is_in_the_offline_zip(tmp_path):
    content = tmp_path / "content"
    write_files(content, {**TINY_TOPIC, **FILES})
    result = run_offline_bundle(tmp_path / "dist", offline_settings(tmp_path, content))
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(tmp_path / "dist" / "strata-offline.zip") as archive:
        page = archive.read("strata-offline/topics/demo/fundamentals.html").decode()
    assert BeautifulSoup(page, "html.parser").select_one("#in-brief li").get_text(strip=True).startswith(
        "Your brain tells")


def test_an_untraced_statement_and_a_block_off_a_tier_stop_the_build(tmp_path):
    untraced = EXAMPLE.replace('Restates: "This suppression leads', 'Restates: "This treatment leads')
    overview = ("Title: Demo topic\nTopic: demo\nSummary: S.\n\nWords.\n\n"
                '!!! in-brief\n    - Words.\n      Restates: "Words"\n')
    result = build_tiny_site(tmp_path, {**FILES, "topics/demo/fundamentals.md": untraced,
                                        "topics/demo/index.md": overview})
    assert result.returncode == 1
    restates_line = untraced.splitlines().index(next(line for line in untraced.splitlines()
                                                     if "This treatment leads" in line)) + 1
    assert (f"topics/demo/fundamentals.md:{restates_line}: this in-brief statement restates "
            "\"This treatment leads to a reduction in the testes’ natural function\"") in result.stderr
    assert "topics/demo/index.md:7: an in-brief block belongs to a tier page" in result.stderr


def test_a_mistake_in_another_tier_is_the_only_message(tmp_path):
    """A tier that fails to read leaves its topic incomplete; the other tiers' in-brief blocks are still on tier
    pages, and are not reported."""
    broken = "Title: Academic\nTopic: demo\nTier: academic\nSummary: S.\n\nSome text.\n\n![](diagram.png)\n"
    result = build_tiny_site(tmp_path, {**FILES, "topics/demo/academic.md": broken})
    assert result.returncode == 1
    assert "topics/demo/academic.md:8: this image has no text alternative" in result.stderr
    assert "in-brief" not in result.stderr
