"""Rebuilds in one Pelican process (``pelican -r``) reuse the search index's analyses and the link check's
findings from the previous run: the index and the link report come out as a full build's, only changed
shard files are written again, and an edit that breaks a link, on the edited page or on a page the
rebuild did not touch, is still reported. No timing here: benchmarks/livereload.py measures it."""

from __future__ import annotations

import os

import pytest
from pelican import Pelican
from pelican.settings import read_settings

from strata.errors import BuildFailed
from strata.linkreport import MEMORY_KEY
from strata.links import LinkMemory, check_output
from tests.scale.test_incremental import OLD, edit, make_site
from tests.support.site import ROOT


def full_build(tmp_path, name: str):
    """A build of the same content by a new Pelican process without any cache, into ``tmp_path/name``."""
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={
        "PATH": str(tmp_path / "content"), "OUTPUT_PATH": str(tmp_path / name), "THEME": str(tmp_path / "theme")})
    Pelican(settings).run()
    return tmp_path / name


def files(folder) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_an_edit_gives_the_search_index_of_a_full_build_and_rewrites_only_changed_shards(tmp_path):
    pelican, output = make_site(tmp_path)
    shards = output / "search"
    for shard in shards.iterdir():
        os.utime(shard, (OLD, OLD))
    pelican.run()
    assert all(shard.stat().st_mtime == OLD for shard in shards.iterdir()), "nothing changed: nothing rewritten"

    edit(tmp_path / "content/topics/demo/fundamentals.md", "More text, closing words.")  # words the index has
    pelican.run()
    rewritten = {shard.name for shard in shards.iterdir() if shard.stat().st_mtime != OLD}
    assert "index.js" not in rewritten, "the shard keys did not change"
    assert "c0.js" in rewritten, "the edited page's documents"
    assert rewritten < set(files(shards)), "the shards with the edited words, not all of them"
    assert files(shards) == files(full_build(tmp_path, "full") / "search")
    page = (output / "search.html").read_text(encoding="utf-8")
    assert "search/index.js?v=" in page
    assert page == (tmp_path / "full" / "search.html").read_text(encoding="utf-8")


def test_a_check_that_reuses_the_previous_findings_reports_as_a_full_check(tmp_path):
    pelican, output = make_site(tmp_path)
    memory = pelican.settings[MEMORY_KEY]
    assert memory.pages, "the build's check remembers each page"
    previous = LinkMemory(memory.setup, memory.files, dict(memory.pages))
    edit(tmp_path / "content/topics/demo/fundamentals.md",
         "A [link](../other/fundamentals.html#a-section) and a [second](fundamentals.html#nowhere-here).")
    with pytest.raises(BuildFailed):
        pelican.run()
    reused, full = check_output(str(output), memory=previous), check_output(str(output))
    assert reused == full
    assert [(d.page, d.url) for d in full.dead] == [("topics/demo/fundamentals.html", "fundamentals.html#nowhere-here")]


def test_an_anchor_removed_from_one_page_is_reported_on_the_unchanged_page_that_links_to_it(tmp_path):
    pelican, _ = make_site(tmp_path)
    edit(tmp_path / "content/topics/demo/fundamentals.md",
         "See [the other section](../other/fundamentals.html#a-section).")
    pelican.run()
    linking = tmp_path / "output/topics/demo/fundamentals.html"
    os.utime(linking, (OLD, OLD))
    other = tmp_path / "content/topics/other/fundamentals.md"
    other.write_text(other.read_text(encoding="utf-8").replace("## A section", "## Renamed"), encoding="utf-8")
    later = os.stat(other).st_mtime + 20
    os.utime(other, (later, later))
    with pytest.raises(BuildFailed) as failed:
        pelican.run()
    assert linking.stat().st_mtime == OLD, "the linking page was not rewritten"
    (error,) = failed.value.errors
    assert error.path.endswith("topics/demo/fundamentals.md")
    assert "../other/fundamentals.html#a-section" in str(error)
    assert "no element with id 'a-section'" in str(error)
