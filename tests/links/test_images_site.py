"""Images kept in a topic folder are published beside their pages, on the web and in the offline zip."""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path

import pytest

from strata.html_tokens import StartTag, tokens
from tests.links import imagefiles
from tests.support.site import ROOT, TINY_TOPIC, offline_settings, run_build, run_offline_bundle, write_files

IMAGES = {"topics/demo/photo.png": imagefiles.png(40, 30),
          "topics/demo/figures/hpg axis.svg": imagefiles.svg('viewBox="0 0 200 100"')}
PAGE = """\
    Title: Academic
    Topic: demo
    Tier: academic

    Text of the academic tier.

    ![A grey square](photo.png "A caption for the square")

    ## A section

    The axis: ![The HPG axis](figures/hpg%20axis.svg) and a border
    ![](photo.png){: .decorative} and <img src="photo.png" alt="Grey" width="40" height="30">.
    """


def write_site(folder: Path) -> Path:
    content = folder / "content"
    write_files(content, {**TINY_TOPIC, "topics/demo/academic.md": PAGE})
    for relative, data in IMAGES.items():
        (content / relative).parent.mkdir(parents=True, exist_ok=True)
        (content / relative).write_bytes(data)
    return content


def images_of(page_html: str) -> list[dict[str, str]]:
    return [t.attrs for t in tokens(page_html) if isinstance(t, StartTag) and t.name == "img"]


def assert_images_resolve(site: Path, page: str) -> None:
    """Every image of ``page`` is a file of ``site`` with the bytes of its source, at its relative src."""
    found = images_of((site / page).read_text(encoding="utf-8"))
    assert len(found) == 4
    for image in found:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), image["src"].replace("%20", " ")))
        assert (site / target).read_bytes() == IMAGES[target], image


@pytest.mark.parametrize("settings", ["pelicanconf.py", "publishconf.py"])
def test_images_are_published_beside_their_page(tmp_path, settings):
    result = run_build(ROOT / settings, tmp_path / "output", write_site(tmp_path))
    assert result.returncode == 0, result.stderr
    assert_images_resolve(result.output, "topics/demo/academic.html")
    first, inline, decorative, raw = images_of(result.page("topics/demo/academic.html"))
    assert (first["width"], first["height"], first["decoding"], "loading" in first) == ("40", "30", "async", False)
    assert (inline["width"], inline["height"], inline["loading"]) == ("200", "100", "lazy")
    assert (decorative["alt"], decorative["class"]) == ("", "decorative")
    assert "Empty alt" not in result.stderr  # Pelican's warning: an empty alt here is the author's choice
    assert raw == {"src": "photo.png", "alt": "Grey", "width": "40", "height": "30"}
    assert "<figcaption>A caption for the square</figcaption></figure>" in result.page("topics/demo/academic.html")


def test_the_offline_zip_holds_the_images(tmp_path):
    content = write_site(tmp_path)
    result = run_offline_bundle(tmp_path / "dist", offline_settings(tmp_path, content))
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(tmp_path / "dist" / "strata-offline.zip") as archive:
        archive.extractall(tmp_path / "unzipped")
    assert_images_resolve(tmp_path / "unzipped" / "strata-offline", "topics/demo/academic.html")


def authoring_example(heading: str) -> str:
    """The first ```markdown block under ``heading`` in AUTHORING.md."""
    guide = (ROOT / "AUTHORING.md").read_text(encoding="utf-8")
    section = guide.split(f"\n{heading}\n", 1)[1]
    return section.split("```markdown\n", 1)[1].split("\n```", 1)[0]


def test_the_authoring_guide_example_builds(tmp_path):
    example = authoring_example("### Images")
    content = tmp_path / "content"
    write_files(content, {**TINY_TOPIC})
    page = content / "topics/demo/academic.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n" + example + "\n", encoding="utf-8")
    (content / "topics/demo/images").mkdir()
    (content / "topics/demo/images/hpg-axis.svg").write_bytes(imagefiles.svg('width="640" height="360"'))
    (content / "topics/demo/images/divider.png").write_bytes(imagefiles.png(200, 4))
    result = run_build(ROOT / "pelicanconf.py", tmp_path / "output", content)
    assert result.returncode == 0, result.stderr
    built = result.page("topics/demo/academic.html")
    assert "<figcaption>The HPG axis: each gland signals the next</figcaption></figure>" in built
    assert [(i["src"], i["alt"], i["width"]) for i in images_of(built)] == [
        ("images/hpg-axis.svg", "Diagram: the hypothalamus signals the pituitary, which signals the testes", "640"),
        ("images/divider.png", "", "200")]
