"""Colour contrast from computed styles (WCAG 2 relative luminance), for what axe does not measure."""

from __future__ import annotations

import re

Colour = tuple[float, float, float, float]  # r, g, b in 0..255, alpha in 0..1

# The background colours from ``el`` (or its parent, when ``fromParent``) up to <html>, nearest first.
BACKGROUNDS = """(el, fromParent) => { const out = [];
    for (let n = fromParent ? el.parentElement : el; n; n = n.parentElement)
        out.push(getComputedStyle(n).backgroundColor);
    return out; }"""


def parse(css: str) -> Colour:
    """An ``rgb()``/``rgba()`` colour as computed by Chromium (``transparent`` included)."""
    if css.strip() == "transparent":
        return (0.0, 0.0, 0.0, 0.0)
    match = re.fullmatch(r"rgba?\(\s*([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)", css.strip())
    if not match:
        raise ValueError(f"cannot read the colour {css!r}")
    r, g, b, a = match.groups()
    alpha = 1.0 if a is None else (float(a[:-1]) / 100 if a.endswith("%") else float(a))
    return (float(r), float(g), float(b), alpha)


def over(top: Colour, bottom: Colour) -> Colour:
    """``top`` painted over an opaque ``bottom``."""
    a = top[3]
    return (*(top[i] * a + bottom[i] * (1 - a) for i in range(3)), 1.0)


def flatten(layers: list[str], base: Colour = (255.0, 255.0, 255.0, 1.0)) -> Colour:
    """The opaque colour seen through ``layers`` (nearest first) over ``base``."""
    colour = base
    for layer in reversed(layers):
        colour = over(parse(layer), colour)
    return colour


def luminance(colour: Colour) -> float:
    def channel(value: float) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(v) for v in colour[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: Colour, b: Colour) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)

