"""Accessible data tables: a caption from a ``Table:`` line, header scopes, a scrollable region.

Source (GitHub-style pipe table, then its caption)::

    | Agent | Target |
    |---|---|
    | Gonadorelin | Pituitary |

    Table: Comparing restoration agents

Output: ``<div class="table-scroll" role="region" tabindex="0" aria-labelledby="…">``
around ``<table>`` whose first child is ``<caption id="…">``. The region scrolls on
its own at narrow widths (the page never does) and is keyboard-focusable so that
keyboard users can scroll it too. A column aligned with ``:--``, ``:-:`` or ``--:``
has its cells classed ``align-start``, ``align-center`` or ``align-end`` (the theme's
CSS aligns them; the ``style`` attribute Python-Markdown writes is blocked by the
pages' Content-Security-Policy).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.extensions import Extension
from markdown.extensions.tables import TableExtension
from markdown.treeprocessors import Treeprocessor

from ..errors import StrataError
from ..ids import page_ids
from .rawhtml import elements_with_words, raw_block, raw_blocks

CAPTION = re.compile(r"^\s*Table:\s*")
RAW_TABLE = re.compile(r"\A\s*<table[\s>]", re.IGNORECASE)  # a raw HTML block that is a table
CAPTION_TAG = frozenset({"caption"})
SPACE = re.compile(r"\s+")
ALIGNMENT = re.compile(r"text-align:\s*(left|center|right);?")  # what Python-Markdown writes for :-- :-: --:
# As logical sides, like the rest of the theme: a right-to-left page mirrors its columns.
LOGICAL_SIDE = {"left": "start", "center": "center", "right": "end"}


class TableCaptionProcessor(Treeprocessor):
    def __init__(self, md, require_caption: bool):
        super().__init__(md)
        self.require_caption = require_caption

    def run(self, root):
        tables = [(parent, index, table) for parent in root.iter()
                  for index, table in reversed(list(enumerate(parent))) if table.tag == "table"]
        if tables:
            ids = page_ids(self.md, root)
            for parent, index, table in tables:
                self._enhance(parent, index, table, ids)
        if raw_tables := raw_blocks(self.md.htmlStash.rawHtmlBlocks, RAW_TABLE):
            for paragraph in root.iter("p"):
                if (table := raw_block(paragraph, raw_tables)) is not None:
                    self._enhance_raw(paragraph, table)

    def _enhance_raw(self, paragraph: etree.Element, table: str) -> None:
        """A table written in raw HTML: its ``<caption>`` is required as a pipe table's is, and it scrolls in a
        region named by it (the paragraph around its placeholder becomes that region)."""
        caption = next((words for _, words, _ in elements_with_words(table, CAPTION_TAG)), "")
        if not caption.strip():
            if self.require_caption:
                raise StrataError("this table has no caption; add <caption>what the table shows</caption> "
                                  "just after <table>", needle=table.split("\n", 1)[0])
            return
        paragraph.tag = "div"
        paragraph.attrib = {"class": "table-scroll", "role": "region", "tabindex": "0",
                            "aria-label": " ".join(caption.split())}

    def _enhance(self, parent, index, table, ids):
        self._require_column_names(table)
        self._align_by_class(table)
        following = parent[index + 1] if index + 1 < len(parent) else None
        match = (CAPTION.match(following.text or "") if following is not None and following.tag == "p" else None)
        if match is not None and not following.text[match.end():].strip() and len(following) == 0:
            match = None  # "Table:" and nothing else
        if match is None:
            if self.require_caption:
                first_header = "".join(next(table.iter("th")).itertext()).strip()
                raise StrataError(
                    "this table has no caption; add a line 'Table: what the table shows' "
                    "after it, separated by a blank line",
                    needle=re.compile(rf"^[ \t]*\|?[ \t]*{re.escape(first_header)}[ \t]*\|", re.MULTILINE))
            return
        parent.remove(following)
        caption = etree.Element("caption")
        caption.text = SPACE.sub(" ", following.text[match.end():])
        caption.extend(following)
        caption.tail = "\n"
        if len(caption):
            caption[-1].tail = SPACE.sub(" ", caption[-1].tail or "").rstrip() or None
        else:
            caption.text = caption.text.strip()
        caption_text = " ".join("".join(caption.itertext()).split())
        caption_id = ids.unique("table-" + re.sub(r"[^a-z0-9]+", "-", caption_text.lower()).strip("-"))
        caption.set("id", caption_id)
        table.text = "\n"
        table.insert(0, caption)
        for th in table.iter("th"):
            th.set("scope", "col")
        region = etree.Element("div", {"class": "table-scroll", "role": "region",
                                       "tabindex": "0", "aria-labelledby": caption_id})
        parent.remove(table)
        region.append(table)
        region.text, region.tail, table.tail = "\n", table.tail, "\n"  # as prettify (10, run already) would
        parent.insert(index, region)

    @staticmethod
    def _align_by_class(table: etree.Element) -> None:
        """A cell's alignment as a class of the theme's CSS in place of Python-Markdown's ``style`` attribute."""
        for cell in (*table.iter("th"), *table.iter("td")):
            if (aligned := ALIGNMENT.fullmatch(cell.get("style", ""))) is not None:
                del cell.attrib["style"]
                side = LOGICAL_SIDE[aligned.group(1)]
                cell.set("class", " ".join(filter(None, (cell.get("class"), f"align-{side}"))))

    @staticmethod
    def _require_column_names(table: etree.Element) -> None:
        """Every header cell names its column: an empty one (a table 'without a header', or its corner cell)
        leaves the column nameless for screen readers, which say the name before each of its cells."""
        names = ["".join(th.itertext()).strip() or any(img.get("alt") for img in th.iter("img"))
                 for th in table.iter("th")]
        if all(names):
            return
        cells = r"\|".join(r"[ \t]*" if not name else r"[^|\n]*" for name in names)
        header_row = re.compile(rf"^[ \t]*\|?{cells}\|?[ \t]*$(?=\n[ \t]*\|?[ \t]*:?-)", re.MULTILINE)
        column = next(number for number, name in enumerate(names, 1) if not name)
        raise StrataError(f"column {column} of this table has no name in its first row; write what "
                          "each column holds there (screen readers say it before each of its cells), e.g. "
                          "| Day | Morning | Evening |",
                          needle=header_row)


class AccessibleTableExtension(Extension):
    """Pipe tables with captions; tables without a caption are an error unless configured."""

    def __init__(self, **kwargs):
        self.config = {"require_caption": [True, "Stop the build when a table has no 'Table:' caption."]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        if "table" not in md.parser.blockprocessors:
            TableExtension().extendMarkdown(md)
        md.treeprocessors.register(TableCaptionProcessor(md, self.getConfig("require_caption")),
                                   "strata_table_caption", 7.9)  # after attr_list (8): author ids known



def makeExtension(**kwargs):
    return AccessibleTableExtension(**kwargs)
