"""The safety extension: author content that could run script or embed other documents stops the build."""

from markdown.test_tools import TestCase

from strata.errors import StrataError
from strata.markdown.safety import SafetyExtension


class TestSafety(TestCase):
    default_kwargs = {"extensions": ["attr_list", "md_in_html", SafetyExtension()], "output_format": "html"}

    def error(self, source: str) -> StrataError:
        with self.assertRaises(StrataError) as caught:
            self.assertMarkdownRenders(source, "")
        return caught.exception.located("page.md", source)

    def test_ordinary_links_images_and_html_pass_unchanged(self):
        self.assertMarkdownRenders(
            '[a](academic.html#x) [b](https://example.org) [c](mailto:a@example.org) [d](tel:+441234)\n\n'
            '<div class="note"><a href="#top" title="data: 2020">e</a></div>',
            '<p><a href="academic.html#x">a</a> <a href="https://example.org">b</a> '
            '<a href="mailto:a@example.org">c</a> <a href="tel:+441234">d</a></p>\n'
            '<div class="note"><a href="#top" title="data: 2020">e</a></div>',
        )

    def test_script_urls_in_any_disguise_are_errors_at_their_line(self):
        for url in ("javascript:alert(1)", "JaVaScRiPt:alert(1)", "&#106;avascript:alert(1)",
                    "data:text/html,x", "VBScript:x", " javascript:alert(1)"):
            for source in (f"Intro.\n\n[x]({url.strip()})\n", f'Intro.\n\n<a href="{url}">x</a>\n',
                           f'Intro.\n\nSee <img alt="x" src="{url}"> here\n'):
                with self.subTest(source=source):
                    error = self.error(source)
                    self.assertRegex(error.message, r"a '(javascript|data|vbscript):' URL is not allowed")
                    self.assertEqual(error.line, 3)

    def test_tabs_newlines_and_controls_inside_a_raw_url_are_ignored_as_browsers_do(self):
        for url in ("java&#9;script:x", "java&#10;script:x", "&#1;javascript:x", "jav\nascript:x"):
            with self.subTest(url=url):
                self.assertIn("'javascript:' URL", self.error(f'<a href="{url}">x</a>').message)

    def test_srcset_and_other_url_attributes(self):
        self.assertIn("'data:' URL", self.error('<img alt="x" srcset="a.png 1x, data:image/png;base64,AA 2x">')
                      .message)
        self.assertIn("'javascript:' URL", self.error('<form action="javascript:x"></form>').message)
        self.assertIn("'javascript:' URL", self.error('<svg><a xlink:href="javascript:x">y</a></svg>').message)

    def test_other_schemes_may_not_leave_the_site(self):
        self.assertIn("'ftp:' link", self.error("[x](ftp://example.org/file)").message)

    def test_event_handlers_are_errors_at_their_line(self):
        error = self.error('One.\n\nTwo.\n\n<img alt="x" src="a.png"\n  onerror="alert(1)">\n')
        self.assertIn("event-handler attribute 'onerror'", error.message)
        self.assertEqual(error.line, 6)
        error = self.error("One.\n\n[x](a.html){: onclick='alert(1)' }\n")
        self.assertIn("'onclick'", error.message)
        self.assertEqual(error.line, 3)

    def test_forbidden_elements_are_errors_at_their_line(self):
        for name in ("script", "iframe", "object", "embed", "style", "SCRIPT"):
            with self.subTest(name=name):
                error = self.error(f"One.\n\nText <{name}>x</{name}> inline.\n")
                self.assertIn(f"<{name.lower()}> is not allowed", error.message)
                self.assertEqual(error.line, 3)
        error = self.error('One.\n\n<div markdown="1">\n*x*\n\n<iframe src="https://e.org"></iframe>\n</div>\n')
        self.assertIn("<iframe> is not allowed", error.message)

    def test_a_style_attribute_which_the_csp_would_ignore_is_an_error_at_its_line(self):
        for source in ('One.\n\n<p style="color: red">Warning</p>\n', 'One.\n\nSome <span style="color:red">red'
                       "</span> words.\n", 'One.\n\nA paragraph.\n{: style="color:red" }\n'):
            with self.subTest(source=source):
                error = self.error(source)
                self.assertIn("a style attribute is not applied", error.message)
                self.assertIn("**bold**", error.message)
                self.assertEqual(error.line, 3 + source.count("{:"))

    def test_a_file_another_site_would_serve_is_an_error_at_its_line(self):
        for source, tag in (('<video controls src="https://example.org/a.mp4">A film.</video>', "<video src="),
                            ('<video controls>\n<source src="//example.org/a.webm" type="video/webm">\n</video>',
                             "<source src="),
                            ('<audio controls src="http://example.org/a.mp3"></audio>', "<audio src="),
                            ('<video controls src="a.mp4" poster="https://example.org/p.png"></video>',
                             "<video poster="),
                            ('<img alt="x" src="a.png" srcset="https://example.org/a.png 2x">', "<img srcset="),
                            ('<svg><image href="https://example.org/a.png"/></svg>', "<image href="),
                            ('<svg><use xlink:href="https://example.org/s.svg#i"/></svg>', "<use xlink:href="),
                            ('<video controls src="a.mp4"><track kind="captions" src="https://example.org/c.vtt">'
                             "</video>", "<track src=")):
            with self.subTest(source=source):
                error = self.error(f"One.\n\n{source}\n")
                self.assertIn(f"{tag}", error.message)
                self.assertIn("would load a file from another site", error.message)
                self.assertIn("save the file in this topic's folder", error.message)
                self.assertEqual(error.line, 3 + source.count("\n<source"))

    def test_a_form_or_ping_sending_to_another_site_is_an_error(self):
        error = self.error('One.\n\n<form action="https://example.org/join" method="post">\n<button>Join</button>'
                           "\n</form>\n")
        self.assertIn("would send what the reader types to another site", error.message)
        self.assertIn("link to the form on that site instead", error.message)
        self.assertEqual(error.line, 3)
        self.assertIn("remove the ping attribute",
                      self.error('<a href="https://example.org" ping="https://t.example.org">x</a>').message)
        self.assertIn("<link> is not allowed", self.error('<link rel="stylesheet" href="https://e.org/x.css">').message)

    def test_local_media_links_and_svg_links_pass(self):
        source = ('<video controls src="a.mp4" poster="p.png"><track kind="captions" src="c.vtt"></video>\n\n'
                  '<p><a href="https://example.org">x</a> <svg><a href="https://example.org"><text>y</text></a>'
                  '</svg> <form action="search.html"></form></p>')
        self.assertMarkdownRenders(source, source)

    def test_text_that_only_mentions_script_is_fine(self):
        self.assertMarkdownRenders("Write `<script>` or `javascript:` in code.",
                                   "<p>Write <code>&lt;script&gt;</code> or <code>javascript:</code> in code.</p>")
