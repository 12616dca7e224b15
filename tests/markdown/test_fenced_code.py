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
