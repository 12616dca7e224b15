"""The on-disk form of the search index: classic scripts that hand a JSON string to the search page.

Each file ``search/<name>.js`` is one statement, ``strataSearchShard("<name>",'<JSON>');``:
a classic script (loads from ``file://``, where ``fetch`` cannot) whose data is one
single-quoted string given to ``JSON.parse`` by the page (parsed several times faster
than an object literal). Postings are strings over a 64-letter alphabet: for each
document, the gap from the previous document id as a base-32 varint (digits 32–63 say
"more follows"), then one letter for the weight (1–63).
"""

from __future__ import annotations

import json
import re

ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_"
VALUE = {letter: value for value, letter in enumerate(ALPHABET)}
MAX_WEIGHT = 63
CALLBACK = "strataSearchShard"
JS_STRING_ESCAPES = (("\\", "\\\\"), ("'", "\\'"), ("\n", "\\n"), ("\r", "\\r"), ("<", "\\x3c"),
                     ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))
SHARD = re.compile(CALLBACK + r"""\("([a-z0-9]+)",'((?:[^'\\\n]|\\.)*)'\);\n\Z""")
JS_ESCAPE = re.compile(r"\\(x..|u....|.)")


def varint(value: int) -> bytes:
    """``value`` (≥ 0) as base-32 digits, most significant first; all but the last have 32 added."""
    digits = [value & 31]
    value >>= 5
    while value:
        digits.append(32 + (value & 31))
        value >>= 5
    return "".join(ALPHABET[d] for d in reversed(digits)).encode()


def decode_postings(text: str) -> list[tuple[int, int]]:
    """``(document id, weight)`` pairs of an encoded postings string (the inverse of the writer's encoding)."""
    pairs, doc, value, i = [], -1, 0, 0
    while i < len(text):
        digit = VALUE[text[i]]
        value = value * 32 + (digit & 31)
        i += 1
        if digit < 32:
            doc += value
            pairs.append((doc, VALUE[text[i]]))
            value, i = 0, i + 1
    return pairs


def shard_script(name: str, data) -> str:
    """The script that registers ``data`` (JSON-serialisable) under ``name``."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for character, escaped in JS_STRING_ESCAPES:  # the backslash first: the others write one
        if character in text:
            text = text.replace(character, escaped)
    return f"{CALLBACK}(\"{name}\",'{text}');\n"


def read_shard(script: str) -> tuple[str, object]:
    """``(name, data)`` of a shard script; ``ValueError`` if it is anything but one registration call."""
    match = SHARD.match(script)
    if not match:
        raise ValueError("not a search shard script")
    escapes = {"\\": "\\", "'": "'", "n": "\n", "r": "\r"}

    def unescape(m: re.Match) -> str:
        code = m.group(1)
        return chr(int(code[1:], 16)) if code[0] in "xu" and len(code) > 1 else escapes[code]

    return match.group(1), json.loads(JS_ESCAPE.sub(unescape, match.group(2)))
