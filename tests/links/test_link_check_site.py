"""The link check on built tiny sites: cross-tier and cross-topic links, template links, image budget,
and plain ``pelican``."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from strata.html_tokens import StartTag, start_tags, tokens
from tests.links import imagefiles
from tests.support.site import ROOT, TINY_TOPIC, run_build, write_files

LINKS = frozenset({"id", "href", "src"})
SECOND_TOPIC = {
    "topics/other/index.md": """\
        Title: Other topic
        Topic: other
        Summary: A second topic.

        ## Reflection

        See also [the demo topic's deep dive](../demo/academic.html#deep-dive).
        """,
    **{f"topics/other/{tier}.md": f"""\
        Title: {tier.title()}
        Topic: other
        Tier: {tier}

        Read the [academic tier](academic.html#mechanisms) or the [glossary](../../glossary.html).

        ## How it works {{#mechanisms}}

        Text.
        """ for tier in ("fundamentals", "intermediate", "academic")},
    "topics/demo/academic.md": """\
        Title: Academic
        Topic: demo
        Tier: academic

        Back to [basics](fundamentals.html#a-section), to [this section](#deep-dive) and
        to [the other topic](../other/intermediate.html#mechanisms).

        ## Deep dive {#deep-dive}

        More text.
        """,
}


def settings_file(folder: Path, extra: str = "", base: str = "pelicanconf") -> Path:
    path = folder / "settings.py"
    path.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom {base} import *  # noqa\n"
                    f"THEME = {str(ROOT / 'theme')!r}\nPLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n{extra}",
                    encoding="utf-8")
    return path


def test_cross_tier_and_cross_topic_links_build(tmp_path):
    write_files(tmp_path / "content", {**TINY_TOPIC, **SECOND_TOPIC})
    result = run_build(ROOT / "pelicanconf.py", tmp_path / "output", tmp_path / "content")
    assert result.returncode == 0, result.stderr
    assert 'href="../other/intermediate.html#mechanisms"' in result.page("topics/demo/academic.html")
    for page in sorted(result.output.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        tags = [t for t in tokens(text) if isinstance(t, StartTag)]
        assert list(start_tags(text)) == tags, page
        assert list(start_tags(text, LINKS)) == [t for t in tags if not LINKS.isdisjoint(t.attrs)], page


def test_a_dead_template_link_names_the_template_and_keeps_the_output(tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    base = theme / "templates" / "base.html"
    lines = base.read_text(encoding="utf-8").split("\n")
    body = next(i for i, line in enumerate(lines) if "<body" in line)
    lines.insert(body + 1, '<a href="{{ SITEURL }}/no-such-page.html">dead</a>')
    base.write_text("\n".join(lines), encoding="utf-8")
    write_files(tmp_path / "content", TINY_TOPIC)
    output = tmp_path / "output"
    output.mkdir()
    (output / "keep.txt").write_text("previous build")

    result = run_build(settings_file(tmp_path, f"THEME = {str(theme)!r}\n"), output, tmp_path / "content")

    assert result.returncode == 1
    messages = [line for line in result.stderr.splitlines() if "no-such-page.html" in line]
    assert len(messages) == 1, result.stderr
    assert messages[0].startswith(f"{base}:{body + 2}: the link './no-such-page.html' that this template "
                                  "writes in 404.html (line ")
    assert messages[0].endswith("does not work: there is no file no-such-page.html in the site (and 8 more on "
                                "other pages)")
    assert [p.name for p in output.iterdir()] == ["keep.txt"]


def test_an_image_over_the_budget_is_a_located_warning(tmp_path):
    page = "Title: Academic\nTopic: demo\nTier: academic\n\nText.\n\n![A photo](photo.png)\n"
    write_files(tmp_path / "content", {**TINY_TOPIC, "topics/demo/academic.md": page})
    (tmp_path / "content/topics/demo/photo.png").write_bytes(imagefiles.png(400, 400) + b"\0" * 3000)
    result = run_build(settings_file(tmp_path, 'STRATA = {"image_budget_kb": 2}\n'), tmp_path / "output",
                       tmp_path / "content")
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "budget" in line]
    assert len(warnings) == 1, result.stderr
    assert warnings[0].startswith("warning: ")
    assert warnings[0].endswith(
        f"content/topics/demo/academic.md:7: the image 'photo.png' is "
        f"{round((tmp_path / 'content/topics/demo/photo.png').stat().st_size / 1024)} KB, over the 2 KB budget "
        "(STRATA 'image_budget_kb'); save it smaller (SVG for drawings; a smaller PNG, JPEG or WebP for photos)")


def test_plain_pelican_stops_at_the_dead_link(tmp_path):
    page = "Title: Academic\nTopic: demo\nTier: academic\n\nText.\n\n[Nowhere](fundamentals.html#nowhere)\n"
    write_files(tmp_path / "content", {**TINY_TOPIC, "topics/demo/academic.md": page})
    (tmp_path / "output").mkdir()
    result = subprocess.run([sys.executable, "-m", "pelican", str(tmp_path / "content"), "-s",
                             str(settings_file(tmp_path)), "-o", str(tmp_path / "output")],
                            cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
                            env={"PYTHONPATH": str(ROOT / "plugins"), "COLUMNS": "300", "PATH": "/usr/bin:/bin"})
    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr
    assert ("content/topics/demo/academic.md:7: the link 'fundamentals.html#nowhere' does not work: there is no "
            "element with id 'nowhere' in topics/demo/fundamentals.html") in " ".join(
        (result.stdout + result.stderr).split())


def test_the_authoring_guide_link_example_builds(tmp_path):
    guide = (ROOT / "AUTHORING.md").read_text(encoding="utf-8")
    example = guide.split("\n### Links\n", 1)[1].split("```markdown\n", 1)[1].split("\n```", 1)[0]
    other = {path.replace("topics/demo/", "topics/other-topic/"): text.replace("demo", "other-topic")
             for path, text in TINY_TOPIC.items()}
    tier = textwrap.dedent(TINY_TOPIC["topics/demo/fundamentals.md"]) + "\n"
    page = tier + example + "\n"
    academic = textwrap.dedent(TINY_TOPIC["topics/demo/academic.md"]) + "\n## Recovery\n\nText.\n"
    write_files(tmp_path / "content", {**TINY_TOPIC, **other, "topics/demo/fundamentals.md": page,
                                       "topics/demo/academic.md": academic})
    result = run_build(ROOT / "pelicanconf.py", tmp_path / "output", tmp_path / "content")
    assert result.returncode == 0, result.stderr
    built = result.page("topics/demo/fundamentals.html")
    for href in ("intermediate.html", "academic.html#recovery", "../other-topic/fundamentals.html"):
        assert f'href="{href}"' in built
    broken = example.replace("academic.html#recovery", "academic.html#recovering")
    write_files(tmp_path / "content", {"topics/demo/fundamentals.md": tier + broken + "\n"})
    result = run_build(ROOT / "pelicanconf.py", tmp_path / "output", tmp_path / "content")
    line = tier.count("\n") + 2  # the example's second line
    assert f"fundamentals.md:{line}: the link 'academic.html#recovering' does not work" in result.stderr


def test_a_heading_in_another_script_has_one_id_for_links_contents_quiz_and_search(tmp_path):
    """``## 日本語の見出し`` gets the id ``日本語の見出し`` (not ``section``), and every link to it uses it."""
    files = {
        "topics/demo/fundamentals.md": """\
            Title: Fundamentals
            Topic: demo
            Tier: fundamentals

            ## Ελληνικά: βιταμίνη

            Η βιταμίνη D είναι σημαντική.

            ## 日本語の見出し

            ビタミンDは骨に大切です。

            ```quiz
            - question: 骨?
              type: true-false
              answer: true
              section: 日本語の見出し
              explanation: はい。
            ```
            """,
        "topics/demo/intermediate.md": """\
            Title: Intermediate
            Topic: demo
            Tier: intermediate

            See [the Japanese section](fundamentals.html#日本語の見出し) and
            [the Greek one](fundamentals.html#ελληνικά-βιταμίνη).
            """,
    }
    write_files(tmp_path / "content", {**TINY_TOPIC, **{k: textwrap.dedent(v) for k, v in files.items()}})
    result = run_build(ROOT / "pelicanconf.py", tmp_path / "output", tmp_path / "content")
    assert result.returncode == 0, result.stderr
    page = result.page("topics/demo/fundamentals.html")
    for anchor in ("ελληνικά-βιταμίνη", "日本語の見出し"):
        assert f'<h2 id="{anchor}">' in page
        assert page.count(f'href="#{anchor}"') == (2 if anchor == "日本語の見出し" else 1)  # contents (and quiz)
    search = "".join(p.read_text(encoding="utf-8") for p in (result.output / "search").glob("c*.js"))
    assert "fundamentals.html#日本語の見出し" in search
    assert "fundamentals.html#ελληνικά-βιταμίνη" in search

    (tmp_path / "content/topics/demo/intermediate.md").write_text(
        "Title: Intermediate\nTopic: demo\nTier: intermediate\n\n[Japanese](fundamentals.html#日本語の見出)\n",
        encoding="utf-8")
    result = run_build(ROOT / "pelicanconf.py", tmp_path / "output", tmp_path / "content")
    assert result.returncode == 1
    assert ("intermediate.md:5: the link 'fundamentals.html#日本語の見出' does not work: there is no element with id "
            "'日本語の見出' in topics/demo/fundamentals.html; did you mean '#日本語の見出し'?") in result.stderr
