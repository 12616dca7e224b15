"""Images: a text alternative for every image, its size from the file, lazy loading and captions.

Source (the image file sits beside the page, or in a subfolder of the topic)::

    ![Diagram of the HPG axis](images/hpg-axis.svg "How the brain signals the testes")

    ![](divider.png){: .decorative}

Output::

    <figure><img alt="Diagram of the HPG axis" src="images/hpg-axis.svg" width="640" height="360"
    decoding="async"><figcaption>How the brain signals the testes</figcaption></figure>

    <p><img alt="" src="divider.png" class="decorative" width="800" height="20" decoding="async"
    loading="lazy"></p>

Rules (each broken one stops the build at ``path:line``):

- every image has alt text, unless it is marked decorative (class ``decorative``:
  ``{: .decorative}`` after a Markdown image, ``class="decorative" alt=""`` in raw
  HTML), and a decorative image has none;
- the file exists, under the name written (letter case counts), as a relative
  path: images come from the topic's folder, never from another site;
- ``width`` and ``height`` come from the file (PNG, JPEG, GIF, WebP, SVG), so the
  page does not move while images load; raw ``<img>`` must state them itself;
- an image alone in its paragraph with a title becomes a ``<figure>`` whose
  ``<figcaption>`` is the title; a title anywhere else (shown only on mouse
  hover) is an error.

Every image but the page's first gets ``loading="lazy"`` (the first may be in view
when the page opens); all get ``decoding="async"``.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as etree
from collections import Counter
from urllib.parse import unquote, urlsplit

from markdown.extensions import Extension
from markdown.extensions.attr_list import AttrListExtension
from markdown.treeprocessors import Treeprocessor

from ..errors import Nth, StrataError
from ..imagesize import FORMATS, ImageSizeError, image_size
from .rawhtml import stashed_start_tags

DECORATIVE = "decorative"


def is_decorative(attrs) -> bool:
    return DECORATIVE in (attrs.get("class") or "").split()


class ImageTreeprocessor(Treeprocessor):
    def __init__(self, md, extension: ImageExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        self.base_dir = os.path.dirname(self.extension.getConfig("source_path")) or "."  # this page's
        self.static_links = self.extension.getConfig("static_links")
        self.md.strata_image_files = []  # the files read, for the content cache (strata.caching)
        parents = {child: parent for parent in root.iter() for child in parent}
        written: Counter[str] = Counter()  # images of each file so far: the n-th is the n-th written
        for number, image in enumerate(list(root.iter("img"))):
            src = image.get("src") or ""
            written[src] += 1
            needle = Nth(_markdown_needle(src), written[src])
            _check_alt(image.attrib, needle, markdown=True)
            width, height = self._size(src, needle)
            _set_size(image, width, height)
            if self.static_links:  # published elsewhere than its folder: Pelican links the file from the page
                image.set("src", "{static}" + src)
            image.set("decoding", "async")
            if number:
                image.set("loading", "lazy")
            self._caption(image, parents.get(image), needle)
        if self.static_links:
            for link in root.iter("a"):  # a file beside the page (a leaflet, an image) is published once, too
                href = link.get("href") or ""
                if _is_file_beside(href, self.base_dir):
                    link.set("href", "{static}" + href)
        for stashed in stashed_start_tags(self.md):
            tag, line = stashed.tag, stashed.needle()
            if tag.name == "img":
                width, height = self._size(tag.attrs.get("src") or "", stashed.needle(tag.attrs.get("src")))
                _check_alt(tag.attrs, line, markdown=False)
                if not (tag.attrs.get("width") and tag.attrs.get("height")):
                    raise StrataError(f"this <img> has no width and height, so the page would shift while it "
                                      f'loads; add width="{width}" height="{height}" (the size of the file)',
                                      needle=line)

    def _size(self, src: str, needle) -> tuple[int, int]:
        """The size of the file ``src`` points at; a located error if it is not a local, readable image."""
        parts = urlsplit(src)
        if parts.scheme or parts.netloc:
            raise StrataError(f"the image '{src}' is on another site, and pages make no requests to other "
                              "sites; save the file in this topic's folder and write its name, e.g. "
                              "![…](diagram.svg)", needle=needle)
        if not parts.path or parts.path.startswith("/"):
            raise StrataError(f"write the image path relative to this page, e.g. 'diagram.svg' or "
                              f"'images/diagram.svg', not {src!r}", needle=needle)
        path = os.path.normpath(os.path.join(self.base_dir, unquote(parts.path)))
        if not _is_file_exactly(path):
            raise StrataError(f"the image file '{src}' does not exist (looked for {path}); check the name, "
                              "letter case included", needle=needle)
        self.md.strata_image_files.append(path)
        try:
            return image_size(path)
        except ImageSizeError as exc:
            raise StrataError(f"cannot read the size of the image '{src}': {exc}; use a {FORMATS} file",
                              needle=needle) from None
        except OSError as exc:
            raise StrataError(f"cannot read the image '{src}' ({exc.strerror})", needle=needle) from None

    def _caption(self, image: etree.Element, parent: etree.Element | None, needle) -> None:
        """Turn an image alone in its paragraph, with a title, into a figure captioned by the title."""
        title = image.attrib.pop("title", None)
        if title is None:
            return
        alone = (parent is not None and parent.tag == "p" and len(parent) == 1
                 and not (parent.text or "").strip() and not (image.tail or "").strip())
        if not alone:
            raise StrataError("an image title (the text in quotes) is shown only on mouse hover; to make it a "
                              "caption, put the image alone in its own paragraph, or remove the title",
                              needle=needle)
        parent.tag = "figure"
        image.tail = None
        caption = etree.SubElement(parent, "figcaption")
        caption.text = title


def _check_alt(attrs, needle, *, markdown: bool) -> None:
    alt = attrs.get("alt")
    if is_decorative(attrs):
        if alt is None or alt.strip():
            fix = "remove the text between the brackets" if markdown else 'write alt=""'
            raise StrataError(f"an image marked decorative has an empty text alternative; {fix}, or remove "
                              "the decorative mark if the image tells the reader something", needle=needle)
        return
    if alt is None or not alt.strip():
        how = ("write what it shows between the brackets, ![A diagram of …](file.svg), or mark it "
               "decorative: ![](file.svg){: .decorative}" if markdown else
               'add alt="what it shows", or mark it decorative: class="decorative" alt=""')
        raise StrataError(f"this image has no text alternative; {how}", needle=needle)


def _set_size(image: etree.Element, width: int, height: int) -> None:
    """Keep the author's width and height; complete one given alone in proportion; else the file's."""
    given_width, given_height = (_number(image.get(name)) for name in ("width", "height"))
    if given_width and not given_height:
        width, height = given_width, round(given_width * height / width)
    elif given_height and not given_width:
        width, height = round(given_height * width / height), given_height
    elif given_width and given_height:
        width, height = given_width, given_height
    image.set("width", str(width))
    image.set("height", str(height))


def _number(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() and int(value) > 0 else None


def _markdown_needle(src: str) -> re.Pattern:
    """Where an image with ``src`` is written: ``![…](src``, a reference ``[id]: src`` or ``src="``."""
    return re.compile(r"(?:!\[[^\]\n]*\]\(\s*<?|^\s*\[[^\]\n]+\]:\s*<?|src\s*=\s*[\"']?)" + re.escape(src),
                      re.MULTILINE)


def _is_file_beside(href: str, folder: str) -> bool:
    """``href`` is a relative link to a file (not a page) under ``folder``'s topic, as written from ``folder``."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path or parts.path.startswith(("/", "{")):
        return False
    path = unquote(parts.path)
    return not path.endswith((".html", ".md")) and os.path.isfile(os.path.join(folder, path))


def _is_file_exactly(path: str) -> bool:
    """``path`` is a file, and its name has the same letter case on disk (the web server will care)."""
    folder, name = os.path.split(path)
    try:
        return os.path.isfile(path) and name in os.listdir(folder or ".")
    except OSError:
        return False


class ImageExtension(Extension):
    """Check and complete images (after ``attr_list`` at 8, which sets the decorative class)."""

    def __init__(self, **kwargs):
        self.config = {"source_path": ["", "The Markdown file, whose folder image paths are relative to."],
                       "static_links": [False, "Write each image, and each link to a file, as a {static} link (a "
                                               "page published away from its folder, such as a translation under "
                                               "<lang>/)."]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        if "attr_list" not in md.treeprocessors:
            AttrListExtension().extendMarkdown(md)
        md.treeprocessors.register(ImageTreeprocessor(md, self), "strata_images", 6)


def makeExtension(**kwargs):
    return ImageExtension(**kwargs)
