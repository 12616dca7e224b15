"""The pixel size of an image file, read from its header: PNG, JPEG, GIF, WebP and SVG.

Only the first bytes of a raster file are read (the whole file for SVG, which is
text). :func:`image_size` raises :class:`ImageSizeError` with a reason an author
can act on when the file is of another kind or its size cannot be read.
"""

from __future__ import annotations

import re
import struct
import xml.etree.ElementTree as etree

HEADER_BYTES = 64 * 1024  # enough for JPEG files whose size marker follows EXIF data of ordinary size
SVG_LENGTH = re.compile(r"\s*([0-9]*\.?[0-9]+)\s*(px)?\s*$")
FORMATS = "PNG, JPEG, GIF, WebP or SVG"


class ImageSizeError(ValueError):
    """The size of an image cannot be read; the message says why."""


def image_size(path: str) -> tuple[int, int]:
    """``(width, height)`` in CSS pixels of the image at ``path``."""
    with open(path, "rb") as handle:
        head = handle.read(HEADER_BYTES)
    if head.startswith(b"\x89PNG\r\n\x1a\n") and head[12:16] == b"IHDR":
        return struct.unpack(">II", head[16:24])
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return struct.unpack("<HH", head[6:10])
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return _webp_size(head)
    if head[:3] == b"\xff\xd8\xff":
        return _jpeg_size(head)
    if b"<svg" in head or path.lower().endswith(".svg"):
        return _svg_size(path)
    raise ImageSizeError(f"it is not a {FORMATS} file")


def _webp_size(head: bytes) -> tuple[int, int]:
    chunk = head[12:16]
    if chunk == b"VP8 " and head[23:26] == b"\x9d\x01\x2a":
        width, height = struct.unpack("<HH", head[26:30])
        return width & 0x3FFF, height & 0x3FFF
    if chunk == b"VP8L" and head[20:21] == b"\x2f":
        bits = int.from_bytes(head[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8X":
        return int.from_bytes(head[24:27], "little") + 1, int.from_bytes(head[27:30], "little") + 1
    raise ImageSizeError("its WebP header is not one of VP8, VP8L or VP8X")


def _jpeg_size(head: bytes) -> tuple[int, int]:
    """Walk the JPEG segments to the first start-of-frame marker, which holds the size."""
    index = 2
    while index + 9 < len(head):
        if head[index] != 0xFF:
            break
        marker = head[index + 1]
        if marker == 0xFF:
            index += 1
            continue
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", head[index + 5:index + 9])
            return width, height
        index += 2 + struct.unpack(">H", head[index + 2:index + 4])[0]
    raise ImageSizeError("its JPEG header holds no image size within the first 64 KB")


def _svg_size(path: str) -> tuple[int, int]:
    try:
        _, root = next(etree.iterparse(path, events=("start",)))
    except (etree.ParseError, StopIteration) as exc:
        raise ImageSizeError(f"it is not a well-formed SVG file ({exc})") from None
    if root.tag.rsplit("}", 1)[-1] != "svg":
        raise ImageSizeError(f"it is not a {FORMATS} file")
    width, height = _svg_length(root.get("width")), _svg_length(root.get("height"))
    box = (root.get("viewBox") or "").replace(",", " ").split()
    ratio = None
    if len(box) == 4:
        try:
            box_width, box_height = float(box[2]), float(box[3])
            ratio = box_width / box_height if box_height > 0 and box_width > 0 else None
        except ValueError:
            ratio = None
        if width is None and height is None and ratio:
            width, height = box_width, box_height
    if width is not None and height is None and ratio:
        height = width / ratio
    if height is not None and width is None and ratio:
        width = height * ratio
    if not width or not height:
        raise ImageSizeError("its <svg> element has no size; give it width and height in pixels, or a viewBox")
    return round(width), round(height)


def _svg_length(value: str | None) -> float | None:
    """A length in pixels (``"120"``, ``"120px"``); None for a missing one or other units (``%``, ``em``)."""
    match = SVG_LENGTH.match(value or "")
    return float(match.group(1)) if match else None
