"""Accessible data tables: a caption from a ``Table:`` line, header scopes, a scrollable region.

Source (GitHub-style pipe table, then its caption)::

    | Agent | Target |
    |---|---|
    | Gonadorelin | Pituitary |

    Table: Comparing restoration agents

Output: ``<div class="table-scroll" role="region" tabindex="0" aria-labelledby="…">``
around ``<table>`` whose first child is ``<caption id="…">``. The region scrolls on
its own at narrow widths (the page never does) and is keyboard-focusable so that
keyboard users can scroll it too.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.extensions import Extension
from markdown.extensions.tables import TableExtension
from markdown.treeprocessors import Treeprocessor

from ..errors import StrataError

CAPTION = re.compile(r"^Table:\s*(.+)$", re.DOTALL)


class TableCaptionProcessor(Treeprocessor):
    def __init__(self, md, require_caption: bool):
        super().__init__(md)
        self.require_caption = require_caption

    def run(self, root):
        used_ids: set[str] = set()
        for parent in list(root.iter()):
            for index, table in reversed(list(enumerate(parent))):
                if table.tag == "table":
                    self._enhance(parent, index, table, used_ids)

    def _enhance(self, parent, index, table, used_ids):
        following = parent[index + 1] if index + 1 < len(parent) else None
        match = (CAPTION.match(following.text or "") if following is not None and following.tag == "p"
                 and len(following) == 0 else None)
        if match is None:
            if self.require_caption:
                first_header = "".join(next(table.iter("th")).itertext()).strip()
                raise StrataError(
                    "this table has no caption; add a line 'Table: what the table shows' "
                    "after it, separated by a blank line",
                    needle=re.compile(rf"^[ \t]*\|?[ \t]*{re.escape(first_header)}[ \t]*\|", re.MULTILINE))
            return
        parent.remove(following)
        caption_text = " ".join(match.group(1).split())
        caption_id = _unique("table-" + re.sub(r"[^a-z0-9]+", "-", caption_text.lower()).strip("-"), used_ids)
        caption = etree.Element("caption", {"id": caption_id})
        caption.text, caption.tail = caption_text, "\n"
        table.text = "\n"
        table.insert(0, caption)
        for th in table.iter("th"):
            th.set("scope", "col")
        region = etree.Element("div", {"class": "table-scroll", "role": "region",
                                       "tabindex": "0", "aria-labelledby": caption_id})
        parent.remove(table)
        region.append(table)
        region.tail, table.tail = table.tail, None
        parent.insert(index, region)


def _unique(candidate: str, used: set[str]) -> str:
    result, n = candidate, 1
    while result in used:
        n += 1
        result = f"{candidate}-{n}"
    used.add(result)
    return result


class AccessibleTableExtension(Extension):
    """Pipe tables with captions; tables without a caption are an error unless configured."""

    def __init__(self, **kwargs):
        self.config = {"require_caption": [True, "Stop the build when a table has no 'Table:' caption."]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        if "table" not in md.parser.blockprocessors:
            TableExtension().extendMarkdown(md)
        md.treeprocessors.register(TableCaptionProcessor(md, self.getConfig("require_caption")),
                                   "strata_table_caption", 25)



def makeExtension(**kwargs):
    return AccessibleTableExtension(**kwargs)
