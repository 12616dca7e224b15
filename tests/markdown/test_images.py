"""The image extension: alt text, sizes from the file, lazy loading, captions and located errors."""

import shutil
import tempfile
from pathlib import Path

from markdown.test_tools import TestCase

from strata.errors import StrataError
from strata.markdown.images import ImageExtension
from tests.links import imagefiles


class TestImages(TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = Path(tempfile.mkdtemp())
        (cls.folder / "photo.png").write_bytes(imagefiles.png(40, 30))
        (cls.folder / "figures").mkdir()
        (cls.folder / "figures" / "axis.svg").write_bytes(imagefiles.svg('viewBox="0 0 200 100"'))
        cls.default_kwargs = {"extensions": [ImageExtension(source_path=str(cls.folder / "page.md"))],
                              "output_format": "html"}

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.folder)

    def error(self, source: str) -> StrataError:
        with self.assertRaises(StrataError) as caught:
            self.assertMarkdownRenders(source, "")
        return caught.exception.located("page.md", source)

    def test_size_from_the_file_and_lazy_loading_after_the_first(self):
        self.assertMarkdownRenders(
            "![A photo](photo.png) and ![The axis](figures/axis.svg)",
            '<p><img alt="A photo" decoding="async" height="30" src="photo.png" width="40"> and '
            '<img alt="The axis" decoding="async" height="100" loading="lazy" src="figures/axis.svg" width="200">'
            "</p>",
        )

    def test_an_image_alone_with_a_title_is_a_captioned_figure(self):
        self.assertMarkdownRenders(
            'Text.\n\n![A photo](photo.png "What the photo shows")\n',
            '<p>Text.</p>\n<figure><img alt="A photo" decoding="async" height="30" src="photo.png" width="40">'
            "<figcaption>What the photo shows</figcaption></figure>",
        )

    def test_decorative_image_has_empty_alt(self):
        self.assertMarkdownRenders(
            "![](photo.png){: .decorative}",
            '<p><img alt="" class="decorative" decoding="async" height="30" src="photo.png" width="40"></p>',
        )

    def test_the_authors_size_is_kept_or_completed_in_proportion(self):
        self.assertMarkdownRenders(
            "![A photo](photo.png){: width=80 }",
            '<p><img alt="A photo" decoding="async" height="60" src="photo.png" width="80"></p>',
        )

    def test_raw_html_image_with_alt_and_size_is_left_as_written(self):
        self.assertMarkdownRenders(
            'A <img src="photo.png" alt="A photo" width="40" height="30">',
            '<p>A <img src="photo.png" alt="A photo" width="40" height="30"></p>',
        )

    def test_missing_or_empty_alt_is_an_error_at_its_line(self):
        for source in ("Intro.\n\n![](photo.png)\n", "Intro.\n\n![  ](photo.png)\n",
                       'Intro.\n\n<img src="photo.png" width="40" height="30">\n',
                       'Intro.\n\n<p>\n<img src="photo.png" alt="" width="40" height="30">\n</p>\n'):
            with self.subTest(source=source):
                error = self.error(source)
                self.assertIn("no text alternative", error.message)
                self.assertEqual(error.line, 3 if "<p>" not in source else 4)

    def test_decorative_image_with_text_is_an_error(self):
        self.assertIn("decorative has an empty text alternative",
                      self.error("![A photo](photo.png){: .decorative}").message)
        self.assertIn('write alt=""', self.error('<img src="photo.png" class="decorative">').message)

    def test_an_error_about_a_file_shown_twice_is_at_the_line_of_that_image(self):
        error = self.error("![A photo](photo.png)\n\nText.\n\n![Also a photo](photo.png){: .decorative}\n")
        self.assertIn("decorative has an empty text alternative", error.message)
        self.assertEqual(error.line, 5)

    def test_missing_file_is_an_error_at_its_line(self):
        error = self.error("One.\n\nTwo ![A photo](Photo.png)\n")
        self.assertIn("'Photo.png' does not exist", error.message)
        self.assertEqual(error.line, 3)

    def test_image_from_another_site_or_by_absolute_path_is_an_error(self):
        self.assertIn("on another site", self.error("![A photo](https://example.org/p.png)").message)
        self.assertIn("relative to this page", self.error("![A photo](/photo.png)").message)

    def test_unreadable_image_is_an_error(self):
        (self.folder / "notes.txt").write_text("not an image")
        self.assertIn("cannot read the size", self.error("![Notes](notes.txt)").message)

    def test_title_on_an_inline_image_is_an_error(self):
        error = self.error('A\n\nSee ![A photo](photo.png "hover text") here.\n')
        self.assertIn("shown only on mouse hover", error.message)
        self.assertEqual(error.line, 3)

    def test_raw_image_without_size_is_told_the_size(self):
        self.assertIn('add width="40" height="30"', self.error('<img src="photo.png" alt="A photo">').message)
