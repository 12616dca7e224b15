"""Bad input stops the build with ``path:line: message``, never a traceback, and keeps the old output."""

from __future__ import annotations

import pytest

from tests.support.site import ROOT, build_tiny_site, run_build, write_files

GLOSSARY_OK = "- term: HPG axis\n  definition: A hormone pathway.\n"


def assert_fails_with(result, location: str, *phrases: str) -> None:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if location in line]
    assert lines, f"no message at {location} in:\n{result.stderr}"
    for phrase in phrases:
        assert any(phrase in line for line in lines), f"{phrase!r} not in {lines}"


@pytest.mark.parametrize(("files", "location", "phrases"), [
    pytest.param({"topics/demo/academic.md": "Title: A\nTopic: demo\nTier: advanced\n\nText.\n"},
                 "topics/demo/academic.md:3:", ["unknown tier 'advanced'", "fundamentals, intermediate, academic"],
                 id="unknown-tier"),
    pytest.param({"topics/demo/academic.md": None},
                 "topics/demo/index.md:2:", ["no academic tier", "Tier: academic"], id="missing-tier"),
    pytest.param({"topics/demo/index.md": None},
                 "topics/demo/", ["no overview page", "index.md"], id="missing-overview"),
    pytest.param({"topics/demo/extra.md": "Title: X\nTier: academic\n\nText.\n"},
                 "topics/demo/extra.md:2:", ["'Tier:' but no 'Topic:'"], id="tier-without-topic"),
    pytest.param({"topics/demo/extra.md": "Title: X\nTopic: Demo Topic\nTier: academic\n\nText.\n"},
                 "topics/demo/extra.md:2:", ["is not a slug"], id="topic-not-a-slug"),
    pytest.param({"topics/demo/extra.md": "Title: X\nTopic: demo\nTier: academic\n\nText.\n"},
                 "topics/demo/extra.md:1:", ["already defined in"], id="duplicate-tier"),
    pytest.param({"topics/demo/academic.md":
                  "Title: A\nTopic: demo\nTier: academic\n\nText.\n\n!!! warning\n    Hi\n"},
                 "topics/demo/academic.md:7:", ["unknown callout kind 'warning'"], id="unknown-callout"),
    pytest.param({"topics/demo/academic.md":
                  "Title: A\nTopic: demo\nTier: academic\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"},
                 "topics/demo/academic.md:5:", ["no caption", "Table:"], id="table-without-caption"),
    pytest.param({"glossary.yaml": "- term: HPG axis\n  definition: [unclosed\n"},
                 "glossary.yaml:3:", ["not valid YAML"], id="glossary-broken-yaml"),
    pytest.param({"glossary.yaml": GLOSSARY_OK + "- term: LH\n  defintion: A hormone.\n"},
                 "glossary.yaml:4:", ["unknown key 'defintion'", "known keys: term, aliases, definition"],
                 id="glossary-unknown-key"),
    pytest.param({"glossary.yaml": GLOSSARY_OK + "- term: hpg Axis\n  definition: Again.\n"},
                 "glossary.yaml:3:", ["already used as a term at line 1"], id="glossary-duplicate-term-case"),
    pytest.param({"glossary.yaml": GLOSSARY_OK + "- term: Axis\n  aliases: [HPG AXIS]\n  definition: Again.\n"},
                 "glossary.yaml:4:", ["alias 'HPG AXIS' is already used as a term"], id="glossary-alias-collision"),
    pytest.param({"glossary.yaml": GLOSSARY_OK + "- term: LH\n  definition: '  '\n"},
                 "glossary.yaml:4:", ["definition of 'LH' is empty"], id="glossary-empty-definition"),
    pytest.param({"glossary.yaml": "term: HPG axis\n"},
                 "glossary.yaml:1:", ["expected a list"], id="glossary-not-a-list"),
    pytest.param({"topics/demo/references.yaml": "- authors: A. Author\n  title: A title\n"},
                 "topics/demo/references.yaml:1:", ["no 'year'"], id="reference-missing-year"),
])
def test_bad_input_is_reported_at_its_line(tmp_path, files, location, phrases):
    assert_fails_with(build_tiny_site(tmp_path, files), location, *phrases)


def test_unreadable_file_is_reported(tmp_path):
    bad = tmp_path / "content/topics/demo/academic.md"
    bad.parent.mkdir(parents=True)
    bad.write_bytes(b"Title: A\nTopic: demo\nTier: academic\n\n\xff\xfe broken\n")
    result = build_tiny_site(tmp_path, {"topics/demo/academic.md": None})
    assert_fails_with(result, "topics/demo/academic.md:1:", "cannot read this file", "UTF-8")


def test_unknown_strata_option_names_the_settings_file(tmp_path):
    settings = tmp_path / "settings.py"
    settings.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
                        f"PATH = {str(ROOT / 'content')!r}\nTHEME = {str(ROOT / 'theme')!r}\n"
                        f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\nSTRATA = {{'words_per_minut': 100}}\n")
    result = run_build(settings, tmp_path / "output")
    assert_fails_with(result, "settings.py:", "unknown STRATA option 'words_per_minut'", "words_per_minute")


def test_all_errors_of_a_build_are_reported_together(tmp_path):
    result = build_tiny_site(tmp_path, {
        "topics/demo/academic.md": "Title: A\nTopic: demo\nTier: advanced\n\nText.\n",
        "glossary.yaml": "- term: X\n",
    })
    assert_fails_with(result, "academic.md:3:", "unknown tier")
    assert_fails_with(result, "glossary.yaml:1:", "no 'definition'")


def test_failed_build_leaves_previous_output_intact(tmp_path):
    first = build_tiny_site(tmp_path, {})
    assert first.returncode == 0, first.stderr
    before = sorted(p.relative_to(first.output) for p in first.output.rglob("*"))
    write_files(tmp_path / "content", {"topics/demo/academic.md": "Title: A\nTopic: demo\nTier: nope\n\nText.\n"})
    second = build_tiny_site(tmp_path, {"topics/demo/academic.md": "Title: A\nTopic: demo\nTier: nope\n\nX.\n"})
    assert second.returncode == 1
    assert sorted(p.relative_to(second.output) for p in second.output.rglob("*")) == before
    assert "Text of the academic tier" in first.page("topics/demo/academic.html")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".build-")], "staging folder cleaned up"


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
