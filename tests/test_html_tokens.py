"""The shared HTML tokenizer: names, references, comments and lines as a browser reads them."""

from strata.html_tokens import Comment, EndTag, StartTag, Text, tokens


def test_names_are_lower_case_and_values_decoded():
    assert list(tokens('<P ID="A&amp;B" Hidden>x</P>')) == [
        StartTag("p", {"id": "A&B", "hidden": ""}, 1), Text("x", 1), EndTag("p", 1)]


def test_a_comment_ends_at_the_first_close_including_the_bang_form():
    assert list(tokens("a<!-- one --!>b<!-- two -->c")) == [
        Text("a", 1), Comment(" one ", 1), Text("b", 1), Comment(" two ", 1), Text("c", 1)]


def test_lines_count_from_the_first_line_given():
    found = list(tokens('one\n<img alt="" src="x.png">', first_line=10))
    assert found[-1] == StartTag("img", {"alt": "", "src": "x.png"}, 11)


def test_self_closing_tags_are_marked():
    assert list(tokens("<br/>")) == [StartTag("br", {}, 1, self_closing=True)]


def test_script_text_is_kept_as_it_is():
    assert list(tokens("<script>if (a<b) x()</script>")) == [
        StartTag("script", {}, 1), Text("if (a<b) x()", 1), EndTag("script", 1)]
