"""Fixtures for the transcript tests: a small two-topic site with a glossary term, references and a
quiz, served locally; its offline bundle unzipped; Chromium at 1280 px in light mode with the
virtual screen reader ready to start."""

from __future__ import annotations

import textwrap
import zipfile

import pytest

from tests.support.browser import serve
from tests.support.site import TINY_TOPIC, build_tiny_site, offline_settings, run_offline_bundle, write_files
from tests.support.speech import ScreenReader, ensure_screen_reader

GLOSSARY = """\
    - term: pituitary gland
      definition: A small gland under the brain that sends hormone signals.
    - term: Leydig cells
      definition: Cells in the testes that make testosterone.
    """

QUIZ = """
    ```quiz
    - question: Which gland sends the hormone signals?
      type: single
      options:
        - text: The pituitary gland
          correct: true
          feedback: Right. It sends LH and FSH.
        - text: The liver
          feedback: No. The liver does not send these signals.
      explanation: The pituitary gland sends the signals.

    - question: The testes make testosterone.
      type: true-false
      answer: true
      feedback:
        true: Right. Leydig cells in the testes make it.
        false: Not quite. Leydig cells in the testes make it.
      explanation: Leydig cells in the testes make testosterone.
    ```
    """

REFERENCES = """\
    - authors: Veldhuis, Johannes D. et al.
      title: "Mechanisms of human GnRH pulse generation"
      journal: Frontiers in Neuroendocrinology
      year: 2013
    """


def _second_topic() -> dict[str, str]:
    """A second topic (the same files as the demo topic under another slug), so no page is alone."""
    return {path.replace("/demo/", "/second/"): text.replace("Topic: demo", "Topic: second")
            .replace("Demo topic", "Second topic") for path, text in TINY_TOPIC.items()}


SITE_FILES = {
    "glossary.yaml": GLOSSARY,
    "topics/demo/references.yaml": REFERENCES,
    "topics/demo/fundamentals.md": textwrap.dedent("""\
        Title: Fundamentals
        Topic: demo
        Tier: fundamentals

        The pituitary gland sends signals to the testes.

        ## How the signals work

        The testes answer the signals.
        """) + textwrap.dedent(QUIZ),
    **_second_topic(),
}


@pytest.fixture(scope="session")
def speech_site(tmp_path_factory):
    """The built fixture site's output folder."""
    result = build_tiny_site(tmp_path_factory.mktemp("speech"), SITE_FILES)
    assert result.returncode == 0, result.stderr
    return result.output


@pytest.fixture(scope="session")
def speech_url(speech_site):
    with serve(speech_site) as url:
        yield url




@pytest.fixture(scope="session")
def speech_bundle(tmp_path_factory):
    """The fixture site's offline bundle (``strata offline``), unzipped: its top folder."""
    folder = tmp_path_factory.mktemp("speech-bundle")
    write_files(folder / "content", {**TINY_TOPIC, **SITE_FILES})
    result = run_offline_bundle(folder / "dist", offline_settings(folder, folder / "content"))
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(next((folder / "dist").glob("*-offline.zip"))) as archive:
        archive.extractall(folder / "unzipped")
    return next((folder / "unzipped").iterdir())


@pytest.fixture(scope="session")
def _screen_reader_built():
    """Fetch and build the virtual screen reader once (a missing npm fails here, with what to install)."""
    return ensure_screen_reader()


@pytest.fixture
def reader(page, _screen_reader_built) -> ScreenReader:
    """A 1280 px, light-mode page and a virtual screen reader for it (``reader.open(url)`` starts it)."""
    page.set_viewport_size({"width": 1280, "height": 900})
    page.emulate_media(color_scheme="light")
    return ScreenReader(page)
