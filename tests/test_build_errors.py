"""Build-wide behaviour on bad input: all errors at once, the previous output kept (and its hidden files on
success), escaped titles.

The cases of bad input themselves (one folder each, with the message the build must
print) are the corpus in ``tests/robustness/bad_inputs/``, run by
``tests/robustness/test_bad_inputs.py``; add new cases there.
"""

from __future__ import annotations

import gc
import re

from pelican import signals

from tests.robustness.test_bad_inputs import snapshot
from tests.support.site import build_tiny_site


def test_all_errors_of_a_build_are_reported_together(tmp_path):
    result = build_tiny_site(tmp_path, {
        "topics/demo/academic.md": "Title: A\nTopic: demo\nTier: advanced\n\nText.\n",
        "glossary.yaml": "- term: X\n",
    })
    assert result.returncode == 1
    assert re.search(r"academic\.md:3: unknown tier", result.stderr), result.stderr
    assert re.search(r"glossary\.yaml:1: this glossary entry has no 'definition'", result.stderr), result.stderr


def test_a_real_failed_build_keeps_the_previous_output_in_place(tmp_path):
    """End to end in one folder: a good build, then a bad build of the same content into the same output."""
    first = build_tiny_site(tmp_path, {}, command=True)
    assert first.returncode == 0, first.stderr
    before = snapshot(first.output)
    second = build_tiny_site(tmp_path, {"topics/demo/academic.md": "Title: A\nTopic: demo\nTier: nope\n\nX.\n"},
                             command=True)
    assert second.returncode == 1
    assert snapshot(second.output) == before
    assert "Text of the academic tier" in second.page("topics/demo/academic.html")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".build-")], "staging folder cleaned up"


def test_a_build_keeps_the_hidden_files_of_the_output_it_replaces(tmp_path):
    """The build is swapped in whole: output/.git (a site published from its own repository) was deleted with the
    old output. Hidden files and folders stay, as under `invoke regenerate`; a page of a deleted topic does not."""
    first = build_tiny_site(tmp_path, {})
    assert first.returncode == 0, first.stderr
    (first.output / "topics/gone").mkdir()
    (first.output / "topics/gone/index.html").write_text("<p>An old page</p>\n", encoding="utf-8")
    (first.output / ".git").mkdir()
    (first.output / ".git/HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (first.output / ".nojekyll").write_text("", encoding="utf-8")
    second = build_tiny_site(tmp_path, {})
    assert second.returncode == 0, second.stderr
    assert (second.output / ".git/HEAD").read_text(encoding="utf-8") == "ref: refs/heads/main\n"
    assert (second.output / ".nojekyll").exists()
    assert not (second.output / "topics/gone").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".old-")], "the old output is removed"


def test_a_folder_named_like_a_page_is_not_read_as_one(tmp_path):
    """``x.md/`` is a folder: Pelican walks into it; nothing is reported and the site builds."""
    result = build_tiny_site(tmp_path, {"topics/demo/x.md/notes.txt": "Not a page.\n"})
    assert result.returncode == 0, result.stderr
    assert not (result.output / "topics/demo/x.html").exists()


def test_author_text_in_titles_is_escaped(tmp_path):
    payload = '</title><script>alert(1)</script>"><img src=x onerror=alert(1)>'
    result = build_tiny_site(tmp_path, {"topics/demo/index.md": f"Title: Demo {payload}\nTopic: demo\n"
                                                                 f"Summary: {payload}\n\nText.\n"})
    assert result.returncode == 0, result.stderr
    for page in ("index.html", "topics/demo/index.html", "topics/demo/fundamentals.html"):
        html = result.page(page)
        assert "<script>alert" not in html
        assert "<img src=x" not in html
        assert "&lt;/title&gt;&lt;script&gt;" in html


def test_the_collector_runs_less_often_during_a_build_and_as_before_after_it(tmp_path):
    during = []
    record = lambda pelican: during.append(gc.get_threshold())  # noqa: E731
    before = gc.get_threshold()
    signals.initialized.connect(record)
    try:
        good = build_tiny_site(tmp_path / "good", {})
        bad = build_tiny_site(tmp_path / "bad", {"topics/demo/academic.md": "Title: A\nTopic: demo\nTier: x\n\nX.\n"})
    finally:
        signals.initialized.disconnect(record)
    assert (good.returncode, bad.returncode) == (0, 1)
    assert len(during) == 2
    assert all(thresholds[0] > before[0] for thresholds in during)
    assert gc.get_threshold() == before
