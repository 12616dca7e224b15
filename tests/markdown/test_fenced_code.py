"""fenced_code: ``` and ~~~ fences are code blocks, with nothing marked or typeset inside."""

from markdown.test_tools import TestCase

from tests.markdown.site_markdown import site_markdown_kwargs


class TestFencedCode(TestCase):
    default_kwargs = site_markdown_kwargs()

    def test_backticks(self):
        self.assertMarkdownRenders("```\ndose = \"125\" -- mg\n```\n",
                                   "<pre><code>dose = &quot;125&quot; -- mg\n</code></pre>")

    def test_tildes_with_a_language(self):
        self.assertMarkdownRenders("~~~python\nx = 1\n~~~\n",
                                   '<pre><code class="language-python">x = 1\n</code></pre>')

    def test_a_quiz_fence_is_still_a_quiz(self):
        html = __import__("markdown").Markdown(**site_markdown_kwargs()).convert(
            "## A\n\nText.\n\n```quiz\n- question: Yes?\n  type: true-false\n  answer: true\n"
            "  explanation: Because.\n```\n")
        self.assertIn("<!--strata-quiz:quiz-1-->", html)  # the quiz's marker: the page template renders it there
        self.assertNotIn("<pre>", html)


class TestNestedFences(TestCase):
    """A fence under a list item, after '>' or in a key point is a code block there, as on GitHub (it was read
    as inline code: the language word and the lines run together)."""

    default_kwargs = site_markdown_kwargs()

    def test_in_a_list_item(self):
        self.assertMarkdownRenders(
            "1. Install it:\n\n    ```bash\n    curl -fsSL https://example.org | sh\n\n    echo <done>\n    ```\n\n"
            "2. Run it.\n",
            '<ol>\n<li>\n<p>Install it:</p>\n<pre><code class="language-bash">curl -fsSL https://example.org | sh\n'
            "\necho &lt;done&gt;\n</code></pre>\n</li>\n<li>\n<p>Run it.</p>\n</li>\n</ol>")

    def test_in_a_tight_list_four_deep(self):
        self.assertMarkdownRenders(
            "- a\n    - b\n        ~~~\n        x = 1\n        ~~~\n- c\n",
            "<ul>\n<li>\n<p>a</p>\n<ul>\n<li>\n<p>b</p>\n<pre><code>x = 1\n</code></pre>\n</li>\n</ul>\n</li>\n"
            "<li>\n<p>c</p>\n</li>\n</ul>")

    def test_in_a_quote(self):
        self.assertMarkdownRenders(
            "> Type:\n>\n> ```\n> make html\n> ```\n> Then look.\n",
            "<blockquote>\n<p>Type:</p>\n<pre><code>make html\n</code></pre>\n<p>Then look.</p>\n</blockquote>")

    def test_in_a_key_point(self):
        self.assertMarkdownRenders(
            "!!! key-point\n    Type this:\n\n    ```\n    make html\n    ```\n",
            '<div class="callout callout--key-point" role="note">\n<p class="callout__label">Key point</p>\n'
            "<p>Type this:</p>\n<pre><code>make html\n</code></pre>\n</div>")

    def test_an_indented_code_block_showing_a_fence_stays_as_written(self):
        self.assertMarkdownRenders("Write it so:\n\n    ```\n    code\n    ```\n",
                                   "<p>Write it so:</p>\n<pre><code>```\ncode\n```\n</code></pre>")

    def test_a_fenced_example_of_a_nested_fence_stays_as_written(self):
        self.assertMarkdownRenders("```markdown\n- step\n    ```\n    code\n    ```\n```\n",
                                   '<pre><code class="language-markdown">- step\n    ```\n    code\n    ```\n'
                                   "</code></pre>")

    def test_an_unclosed_nested_fence_is_located(self):
        from strata.errors import StrataError
        with self.assertRaises(StrataError) as raised:
            __import__("markdown").Markdown(**site_markdown_kwargs()).convert(
                "Title: x\n\n1. Step\n\n    ```bash\n    code\n\nNot code.\n")
        self.assertEqual(raised.exception.line, 5)
        self.assertIn("add a line with just ```, indented by 4 spaces", raised.exception.message)
