"""Strata's CSS mirrors itself right to left: no physical left or right anywhere, only logical properties.

``left``/``right`` (as a property, in a property's name such as ``margin-left``, or as a value such as
``text-align: right`` or ``float: left``) and four-value ``margin``/``padding``/``inset``/``border-width``
shorthands whose two sides differ (they name the left and right sides) are all refused: use
``inset-inline-start``, ``margin-inline-start``, ``text-align: start``, ``float: inline-start``,
``padding-inline: a b`` instead.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support.site import ROOT

THEME = ROOT / "theme"
COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
DECLARATION = re.compile(r"([\w-]+)\s*:\s*([^;{}]+)")
PHYSICAL = re.compile(r"(?<![\w-])(left|right)(?![\w-])")  # a value: text-align: left, float: right
PHYSICAL_NAME = re.compile(r"(^|-)(left|right)(-|$)")  # a property: left, margin-left, border-top-right-radius
SIDED_SHORTHANDS = {"margin", "padding", "inset", "border-width", "border-style", "border-color", "scroll-margin",
                    "scroll-padding"}


def stylesheets() -> list[Path]:
    return sorted(p for p in THEME.rglob("*.css") if "bundles" not in p.parts)


def physical_declarations(css: str) -> list[str]:
    """The declarations of ``css`` that name a physical side."""
    found = []
    for name, raw in DECLARATION.findall(COMMENT.sub("", css)):
        value = raw.strip()
        if PHYSICAL_NAME.search(name) or PHYSICAL.search(value):
            found.append(f"{name}: {value}")
        elif name in SIDED_SHORTHANDS:
            parts = re.findall(r"[\w.%-]+\([^()]*(?:\([^()]*\)[^()]*)*\)|\S+", value.replace("!important", ""))
            if len(parts) == 4 and parts[1] != parts[3]:
                found.append(f"{name}: {value}")
    return found


@pytest.mark.parametrize("path", stylesheets(), ids=lambda p: p.relative_to(THEME).as_posix())
def test_stylesheet_uses_logical_properties_only(path):
    assert physical_declarations(path.read_text(encoding="utf-8")) == []


def test_the_check_finds_physical_sides():
    css = """a { margin-left: 1px; /* left is fine in a comment */ text-align: right; float: left }
             b { padding: 1px 2px 3px 4px; margin: 0 1px 0 1px; inset-inline-start: 0; text-align: start; }
             c { padding: calc(1px + 2px) 0 var(--x) calc(1px + 1px); }"""
    assert physical_declarations(css) == [
        "margin-left: 1px", "text-align: right", "float: left", "padding: 1px 2px 3px 4px",
        "padding: calc(1px + 2px) 0 var(--x) calc(1px + 1px)"]


def test_the_theme_has_stylesheets():
    assert len(stylesheets()) >= 10
