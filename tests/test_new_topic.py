"""The README's promise: a new topic folder is picked up with no other change.

A generated topic is added to a copy of the real ``content/``; the copy builds, and every site check of
``tests/support/checks.py`` holds for every page (both topics on the home page, tier pages, glossary
backlinks from both topics, links and fragments)."""

from __future__ import annotations

import shutil

from tests.support.checks import config_of, glossary_backlinks, site_problems, topics_of
from tests.support.site import ROOT, run_build, write_files
from tests.support.sites import REAL, Site

SLUG = "generated-topic"


def generated_topic(tiers) -> dict[str, str]:
    """A complete topic: an overview with a Reflection and one page per configured tier, using a real term."""
    files = {f"topics/{SLUG}/index.md": f"""\
        Title: A generated topic
        Topic: {SLUG}
        Summary: A topic written by the tests.

        ## Reflection

        The Leydig cells appear here too.
        """}
    for number, tier in enumerate(tiers, 1):
        files[f"topics/{SLUG}/{tier.id}.md"] = f"""\
            Title: {tier.label}
            Topic: {SLUG}
            Tier: {tier.id}
            Summary: Tier {number} of the generated topic.

            Leydig cells make testosterone; this is tier {number}.

            ## First section

            More text about the HPG axis.

            ## Second section

            Closing text.
            """
    return files


def test_a_new_topic_is_picked_up_with_no_other_change(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    write_files(content, generated_topic(config_of(REAL).tiers))
    copy = Site("real-with-new-topic", REAL.settings_file, content)
    assert len(topics_of(copy)) == len(topics_of(REAL)) + 1

    result = run_build(REAL.settings_file, tmp_path / "output", content)

    assert result.returncode == 0, result.stderr
    assert site_problems(result.output, copy) == []
    backlinks = [b.href for b in glossary_backlinks(result.output) if b.entry == "leydig-cells"]
    assert any(SLUG in href for href in backlinks), backlinks
    assert any(SLUG not in href for href in backlinks), backlinks
