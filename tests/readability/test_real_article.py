"""The real article: every tier has an "In brief" summary, each statement traced to a sentence of its tier, at or
below its target on both SMOG and Flesch–Kincaid."""

from __future__ import annotations

from strata.report.analysis import analyse
from strata.report.content import read_site
from tests.support.site import ROOT


def test_every_tier_of_the_real_article_has_a_traced_in_brief_within_target():
    site = read_site(str(ROOT / "pelicanconf.py"))
    assert site.errors.errors == []
    report = analyse(site)
    tiers = [tier for topic in report.topics for tier in topic.tiers]
    assert len(tiers) >= 3
    for tier in tiers:
        assert tier.brief is not None, f"{tier.source} has no in-brief block"
        assert len(tier.brief.statements) >= 3
        for statement in tier.brief.statements:
            assert statement.restated is not None, statement.quote
            assert statement.restated.path == tier.path
        assert tier.brief.grades.smog <= 8, tier.brief.grades
        assert tier.brief.grades.fk <= 8, tier.brief.grades
        assert [s.where.rsplit(":", 1)[0] for s in tier.hardest] == [tier.source] * 10
