"""Rebuilds in one Pelican process (``pelican -r``, ``invoke livereload``) with the content cache: an edit rewrites
its topic's pages and the site's own pages and leaves other topics' pages alone; a theme change, or a missing
output file, is written again (strata.incremental). No timing here: benchmarks/livereload.py measures it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from pelican import Pelican
from pelican.settings import read_settings

from strata.errors import BuildFailed
from tests.support.site import ROOT, TINY_TOPIC, write_files

OTHER_TOPIC = {path.replace("demo", "other"): text.replace("Topic: demo", "Topic: other").replace("Demo", "Other")
               for path, text in TINY_TOPIC.items()}
OLD = 1_000_000_000  # a modification time long past: a file written again gets a new one


def make_site(tmp_path):
    write_files(tmp_path / "content", {**TINY_TOPIC, **OTHER_TOPIC,
                                       "glossary.yaml": "- term: HPG axis\n  definition: A hormone pathway.\n"})
    shutil.copytree(ROOT / "theme", tmp_path / "theme")
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={
        "PATH": str(tmp_path / "content"), "OUTPUT_PATH": str(tmp_path / "output"), "THEME": str(tmp_path / "theme"),
        "CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "CACHE_PATH": str(tmp_path / "cache")})
    pelican = Pelican(settings)
    pelican.run()
    return pelican, tmp_path / "output"


def age(output, pages) -> None:
    for page in pages:
        os.utime(output / page, (OLD, OLD))


def rewritten(output, pages) -> set[str]:
    return {page for page in pages if os.stat(output / page).st_mtime != OLD}


def edit(path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace("More text.", text), encoding="utf-8")
    later = os.stat(path).st_mtime + 10
    os.utime(path, (later, later))  # a new modification time even on a coarse clock


PAGES = ["topics/demo/fundamentals.html", "topics/demo/academic.html", "topics/demo/index.html",
         "topics/other/fundamentals.html", "topics/other/index.html", "index.html", "glossary.html"]


def test_an_edit_rewrites_its_topic_and_the_site_pages_only(tmp_path):
    pelican, output = make_site(tmp_path)
    age(output, PAGES)
    edit(tmp_path / "content/topics/demo/fundamentals.md", "The HPG axis, newly written.")
    pelican.run()
    assert "newly written" in (output / "topics/demo/fundamentals.html").read_text(encoding="utf-8")
    assert rewritten(output, PAGES) == {"topics/demo/fundamentals.html", "topics/demo/academic.html",
                                        "topics/demo/index.html", "index.html", "glossary.html"}
    uses = (output / "glossary/uses-1.html").read_text(encoding="utf-8")
    assert "topics/demo/fundamentals.html#term-hpg-axis" in uses, "the new use is listed"


def test_a_theme_change_or_a_missing_file_is_written_again(tmp_path):
    pelican, output = make_site(tmp_path)
    age(output, PAGES)
    pelican.run()
    assert rewritten(output, PAGES) == {"index.html", "glossary.html"}, "nothing changed: the site's pages only"

    (output / "topics/other/index.html").unlink()
    pelican.run()
    assert (output / "topics/other/index.html").exists()

    age(output, PAGES)
    base = tmp_path / "theme/templates/base.html"
    base.write_text(base.read_text(encoding="utf-8") + "{# changed #}\n", encoding="utf-8")
    pelican.run()
    assert rewritten(output, PAGES) == set(PAGES)


def test_a_deleted_topic_leaves_the_output_with_its_files(tmp_path):
    """Pelican writes over the output and never deletes from it: a deleted (or renamed) topic's pages and files
    stayed, were served, and the link check found them (a link to a removed file still worked)."""
    pelican, output = make_site(tmp_path)
    other = tmp_path / "content/topics/other"
    (other / "handout.txt").write_text("Print me.\n", encoding="utf-8")
    edit(other / "fundamentals.md", "Print [the handout](handout.txt).")
    pelican.run()
    assert (output / "topics/other/handout.txt").exists()

    shutil.rmtree(other)
    pelican.run()
    cold = read_settings(str(ROOT / "pelicanconf.py"), override={
        "PATH": str(tmp_path / "content"), "OUTPUT_PATH": str(tmp_path / "cold"), "THEME": str(tmp_path / "theme")})
    Pelican(cold).run()
    assert not (output / "topics/other").exists()
    assert ({p.relative_to(output) for p in output.rglob("*")}
            == {p.relative_to(tmp_path / "cold") for p in (tmp_path / "cold").rglob("*")})


def test_a_new_session_starts_from_the_output_of_a_cold_build(tmp_path):
    """A topic deleted while no loop ran (between two `invoke regenerate` sessions, or after `invoke build`) kept its
    pages in output/: they were served and the link check read them. The first run of a new process takes out
    what it found and did not write, and keeps hidden files (output/.git) and OUTPUT_RETENTION's names."""
    _, output = make_site(tmp_path)
    (output / ".git").mkdir()
    (output / ".git/HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (output / "CNAME").write_text("example.org\n", encoding="utf-8")
    assert (output / "topics/other/fundamentals.html").exists()
    shutil.rmtree(tmp_path / "content/topics/other")
    page = tmp_path / "content/topics/demo/fundamentals.md"
    original = page.read_text(encoding="utf-8")
    edit(page, "See [the other topic](../other/fundamentals.html).")

    settings = read_settings(str(ROOT / "pelicanconf.py"), override={
        "PATH": str(tmp_path / "content"), "OUTPUT_PATH": str(output), "THEME": str(tmp_path / "theme"),
        "OUTPUT_RETENTION": ["CNAME"], "CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True,
        "CACHE_PATH": str(tmp_path / "cache")})
    pelican = Pelican(settings)
    with pytest.raises(BuildFailed) as failed:
        pelican.run()
    assert "the link '../other/fundamentals.html' does not work" in str(failed.value.errors[0])
    page.write_text(original, encoding="utf-8")
    edit(page, "The link is gone.")
    pelican.run()
    cold = read_settings(str(ROOT / "pelicanconf.py"), override={
        "PATH": str(tmp_path / "content"), "OUTPUT_PATH": str(tmp_path / "cold"), "THEME": str(tmp_path / "theme")})
    Pelican(cold).run()
    assert ({p.relative_to(output) for p in output.rglob("*")} - {Path(".git"), Path(".git/HEAD"), Path("CNAME")}
            == {p.relative_to(tmp_path / "cold") for p in (tmp_path / "cold").rglob("*")})
    assert (output / ".git/HEAD").exists()
    assert (output / "CNAME").exists()
