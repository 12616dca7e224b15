"""The readability report on small fixture sites: its model, its text, its HTML page and ``check --strict``."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from strata.report.analysis import analyse
from strata.report.content import read_site
from strata.report.html import render_html
from strata.report.text import render_text
from tests.readability.sites import hard_site, plain_site
from tests.support.site import ROOT, run_strata, write_files

SETTINGS = str(ROOT / "pelicanconf.py")


def line_of_text(path: Path, needle: str) -> int:
    text = path.read_text(encoding="utf-8")
    return text[:text.index(needle)].count("\n") + 1


@pytest.fixture(scope="module")
def plain(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("plain") / "content"
    write_files(folder, plain_site())
    return folder


@pytest.fixture(scope="module")
def hard(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hard") / "content"
    write_files(folder, hard_site())
    return folder


def report_of(content: Path):
    site = read_site(SETTINGS, str(content))
    assert site.errors.errors == []
    return analyse(site)


def tier(report, slug: str, label: str):
    topic = next(t for t in report.topics if t.slug == slug)
    return next(t for t in topic.tiers if t.label == label)


def test_a_site_within_its_targets_has_no_finding(plain):
    report = report_of(plain)
    assert [t.slug for t in report.topics] == ["first-topic", "second-topic"]
    assert report.findings == []
    for topic in report.topics:
        assert [step.not_easier for step in topic.ladder] == [[], []]
        assert all(t.within_target for t in topic.tiers)


def test_hardest_sentences_are_ranked_and_located(hard):
    fundamentals = tier(report_of(hard), "second-topic", "Fundamentals")
    levels = [s.grades.level for s in fundamentals.hardest]
    assert levels == sorted(levels, reverse=True)
    assert len(levels) == len(fundamentals.sentences) <= 10
    path = hard / "topics/second-topic/fundamentals.md"
    first = next(s for s in fundamentals.sentences if s.sentence.text.startswith("Understanding"))
    assert first.where.endswith(f"second-topic/fundamentals.md:{line_of_text(path, 'Understanding')}")
    consequently = next(s for s in fundamentals.sentences if s.sentence.text.startswith("Consequently"))
    assert consequently.line == line_of_text(path, "Consequently")
    assert consequently in fundamentals.long
    assert consequently.sentence.words > 25
    assert "follicle-stimulating" in consequently.why
    assert consequently.why.startswith(
        f"{consequently.sentence.words} words; ")


def test_rare_words_without_a_glossary_entry_are_listed_with_their_lines(plain):
    report = report_of(plain)
    fundamentals = tier(report, "first-topic", "Fundamentals")
    path = plain / "topics/first-topic/fundamentals.md"
    jargon = {w.word: w for w in fundamentals.jargon}
    assert jargon["gonadotropin"].count == 1
    assert jargon["gonadotropin"].lines == (line_of_text(path, "The gonadotropin"),)
    assert "brain" not in jargon
    assert "testosterone" not in jargon
    intermediate = tier(report, "first-topic", "Intermediate")
    defined = {w.word: w.defined for w in intermediate.rare}
    assert defined["pituitary"] is True  # inside the glossary term "pituitary gland"
    assert defined["luteinizing"] is False
    assert intermediate.coverage == (sum(defined.values()), len(defined))


def test_the_in_brief_block_is_measured_and_each_statement_traced(plain):
    fundamentals = tier(report_of(plain), "first-topic", "Fundamentals")
    path = plain / "topics/first-topic/fundamentals.md"
    brief = fundamentals.brief
    assert brief.within_target
    assert brief.target == 8
    assert [s.restated.line for s in brief.statements] == [
        line_of_text(path, "Your body makes"), line_of_text(path, "After you stop, it can")]
    assert brief.statements[0].restated.sentence.text == "The brain tells the testes when to make it."


def test_missed_targets_and_a_broken_ladder_are_findings(hard):
    report = report_of(hard)
    messages = [(Path(f.path).parent.name, f.line, f.strict, f.message) for f in report.findings]
    assert [m[:3] for m in messages] == [("second-topic", 3, True), ("second-topic", 3, False)]
    assert "above its target of grade 8" in messages[0][3]
    assert "is not easier than Intermediate" in messages[1][3]


def test_the_text_report_names_locations_and_verdicts(hard):
    text = render_text(report_of(hard), strict=True)
    assert "second-topic/fundamentals.md:3: error: Fundamentals of 'Second <b>topic</b>'" in text
    assert "second-topic/fundamentals.md:3: warning: Fundamentals (SMOG" in text  # the ladder stays a warning
    assert "ABOVE TARGET" in text
    assert "NOT IN ORDER" in text
    assert "gonadotropin ×1" in text
    assert "warning:" in render_text(report_of(hard), strict=False).split("ABOVE TARGET")[-1]


def test_the_html_report_escapes_author_text(hard):
    html = render_html(report_of(hard), strict=False)
    assert "Second &lt;b&gt;topic&lt;/b&gt;" in html
    assert "<b>topic" not in html
    assert "<script" not in html
    assert "<style" not in html


def check(content: Path, report: Path, *flags: str, command: bool = False) -> subprocess.CompletedProcess:
    return run_strata("check", "-s", SETTINGS, "--content", str(content), "--report", str(report), *flags,
                      command=command)


def test_strict_check_fails_above_target_and_passes_within(hard, plain, tmp_path):
    failed = check(hard, tmp_path / "hard.html", "--strict")
    assert failed.returncode == 1, failed.stderr
    assert "second-topic/fundamentals.md:3: error:" in failed.stdout
    assert "Check failed: 1 reading target(s) missed" in failed.stdout
    assert (tmp_path / "hard.html").is_file()
    passed = check(plain, tmp_path / "plain.html", "--strict")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert f"Full report: {tmp_path / 'plain.html'}" in passed.stdout
    warned = check(hard, tmp_path / "warned.html")
    assert warned.returncode == 0
    assert "second-topic/fundamentals.md:3: warning:" in warned.stdout


def test_check_stops_on_content_errors(plain, tmp_path):
    broken = tmp_path / "content"
    write_files(broken, plain_site())
    (broken / "topics/first-topic/academic.md").unlink()
    result = check(broken, tmp_path / "r.html", command=True)
    assert result.returncode == 1
    assert "has no academic tier" in result.stderr
    assert "Check stopped" in result.stderr
    assert not (tmp_path / "r.html").exists()
