"""Fidelity to the source article: every paragraph of every tier is on its page, and no scrape noise is.

The source is the scraped page kept in tests/fixtures/source-article.txt. It is
split at its section marker lines; each remaining line is a paragraph, list item,
heading or flattened table row. Stock-photo captions are recognised by their
wording (they describe an image and its symbolism), not by line number, so a
re-scraped source is checked the same way.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.support.sites import REAL

SOURCE = Path(__file__).parent / "fixtures" / "source-article.txt"
TOPIC = "topics/post-trt-testicular-restoration"
MARKERS = ("Fundamentals", "Intermediate", "Academic", "References", "Reflection", "Glossary")
NOISE_LINES = {"Skip to main content"}
CAPTION = re.compile(r"symboli[sz]|metaphor|\bembod|\bdepict|\bvisuali[sz]|signif(?:y|ies) |"
                     r"hormone optimization|patient journey", re.IGNORECASE)


def is_caption(line: str) -> bool:
    return bool(CAPTION.search(line)) and not line.startswith("Meaning ∞")


def tokens(text: str) -> str:
    """Lower-case words and numbers joined by single spaces: punctuation, quotes and markup ignored."""
    text = text.replace("’", "'").replace("'s ", "s ").replace("'", "")
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def source_sections() -> dict[str, list[str]]:
    """The source's lines grouped under their section marker, noise removed."""
    sections: dict[str, list[str]] = {}
    current = None
    for raw in SOURCE.read_text(encoding="utf-8").splitlines():
        line = raw.strip().lstrip("•").strip()
        if line in MARKERS:
            current = line
            sections[current] = []
        elif line and current and line not in NOISE_LINES and not is_caption(line):
            sections[current].append(line)
    return sections


def page_tokens(site: Path, relative: str, selector: str = "main") -> str:
    document = BeautifulSoup((site / relative).read_text(encoding="utf-8"), "html.parser")
    return tokens(document.select_one(selector).get_text(" "))


def captions() -> list[str]:
    return [line.strip() for line in SOURCE.read_text(encoding="utf-8").splitlines() if is_caption(line)]


def test_caption_detection_finds_the_stock_photo_lines():
    found = captions()
    assert len(found) >= 30
    assert any(line.startswith("Light, cracked substance in beige bowl") for line in found)
    assert not any(line.startswith("The table below illustrates") for line in found)


@pytest.mark.parametrize("tier", ["Fundamentals", "Intermediate", "Academic"])
def test_every_paragraph_of_the_tier_is_on_its_page(site, tier):
    page = page_tokens(site, f"{TOPIC}/{tier.lower()}.html", ".prose")
    paragraphs = source_sections()[tier]
    assert len(paragraphs) > 15
    missing = [p for p in paragraphs if tokens(p) not in page]
    assert missing == []


def test_reflection_references_and_glossary_are_present(site):
    sections = source_sections()
    reflection = page_tokens(site, f"{TOPIC}/index.html")
    assert [p for p in sections["Reflection"] if tokens(p) not in reflection] == []
    references = page_tokens(site, "references.html")
    assert len(sections["References"]) == 10
    assert [r for r in sections["References"] if tokens(r) not in references] == []
    glossary = page_tokens(site, "glossary.html")
    definitions = [line.removeprefix("Meaning ∞ ") for line in sections["Glossary"] if line.startswith("Meaning")]
    assert len(definitions) == 21
    assert [d for d in definitions if tokens(d) not in glossary] == []


@pytest.mark.parametrize("real_page", REAL.pages())
def test_no_scrape_noise_on_any_page(site, real_page):
    html = (site / real_page).read_text(encoding="utf-8")
    text = tokens(BeautifulSoup(html, "html.parser").get_text(" "))
    leaked = [c for c in captions() if tokens(c)[:60] in text]
    assert leaked == []
    assert "∞" not in html
