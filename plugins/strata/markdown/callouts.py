"""Callouts: short key-point boxes written with an admonition-like block.

Source::

    !!! key-point
        The body’s hormone regulation is a communication network.

Output::

    <div class="callout callout--key-point" role="note">
    <p class="callout__label">Key point</p>
    <p>The body’s hormone regulation is a communication network.</p>
    </div>

``role="note"`` tells assistive technology that the box is a parenthetic summary
of the section; the visible label says the same in words, so the meaning never
rests on colour or position.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension

from ..errors import StrataError
from ..i18n import N_


class CalloutProcessor(BlockProcessor):
    START = re.compile(r"^!!! *([\w-]*)[^\n]*(?:\n|$)")

    def __init__(self, parser, kinds: dict[str, str]):
        super().__init__(parser)
        self.kinds = kinds

    def test(self, parent, block):
        return bool(self.START.match(block))

    def run(self, parent, blocks):
        block = blocks.pop(0)
        match = self.START.match(block)
        kind = match.group(1)
        if kind not in self.kinds:
            raise StrataError(
                f"unknown callout kind {kind!r} after '!!!'; use one of: {', '.join(self.kinds)}",
                needle=match.group(0))
        body, rest = self.detab(block[match.end():])
        while not rest and blocks and blocks[0].startswith(" " * self.tab_length):
            more, rest = self.detab(blocks.pop(0))
            body += "\n\n" + more
        if not body.strip():
            raise StrataError(f"the {kind!r} callout is empty; indent its text by 4 spaces on the next line",
                              needle=match.group(0))
        box = etree.SubElement(parent, "div", {"class": f"callout callout--{kind}", "role": "note"})
        label = etree.SubElement(box, "p", {"class": "callout__label"})
        label.text = self.kinds[kind]
        self.parser.parseChunk(box, body)
        if rest:
            blocks.insert(0, rest)


class CalloutExtension(Extension):
    """Register the ``!!! kind`` block processor."""

    def __init__(self, **kwargs):
        self.config = {
            "kinds": [{"key-point": N_("Key point")}, "Callout kinds: the word after '!!!' → its visible label."],
            "gettext": [str, "Translates the labels (the page's language)."],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        translate = self.getConfig("gettext")
        kinds = {kind: translate(label) for kind, label in self.getConfig("kinds").items()}
        md.parser.blockprocessors.register(CalloutProcessor(md.parser, kinds), "strata_callout", 105)


def makeExtension(**kwargs):
    return CalloutExtension(**kwargs)
