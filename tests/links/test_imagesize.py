"""Image sizes read from file headers."""

import pytest

from strata.imagesize import ImageSizeError, image_size
from tests.links import imagefiles


@pytest.mark.parametrize("make", [imagefiles.png, imagefiles.gif, imagefiles.jpeg, imagefiles.webp])
def test_raster_sizes(tmp_path, make):
    path = tmp_path / "image"
    path.write_bytes(make(321, 123))
    assert image_size(str(path)) == (321, 123)


@pytest.mark.parametrize(("attributes", "size"), [
    ('width="120" height="60"', (120, 60)),
    ('width="120px" height="60px" viewBox="0 0 10 10"', (120, 60)),
    ('viewBox="0 0 300 150"', (300, 150)),
    ('width="600" viewBox="0 0 300 150"', (600, 300)),
    ('height="100%" width="50%" viewBox="0,0,40,20"', (40, 20)),
])
def test_svg_sizes(tmp_path, attributes, size):
    path = tmp_path / "image.svg"
    path.write_bytes(imagefiles.svg(attributes))
    assert image_size(str(path)) == size


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("image.svg", imagefiles.svg('width="50%"'), "has no size"),
    ("image.svg", b"<svg", "not a well-formed SVG"),
    ("image.bmp", b"BM\x00\x00", "not a PNG, JPEG, GIF, WebP or SVG file"),
    ("image.jpg", b"\xff\xd8\xff\xe0\x00\x04\x00\x00", "no image size"),
])
def test_unreadable_sizes_say_why(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ImageSizeError, match=reason):
        image_size(str(path))
