"""What YAML would silently misread, refused in every YAML Strata reads (glossary, references, quizzes):
an invisible line break, text after ' #' (a comment), a '!' tag, and text read as true/false or a number."""

from __future__ import annotations

import pytest

from strata.errors import StrataError
from strata.records import Field, check_yaml_nodes, check_yaml_source, compose_yaml, load_records

SCHEMA = {"title": Field(True, (str,), "the title"), "aliases": Field(False, (list,), "names", "alias")}


def check(text: str, first_line: int = 1) -> None:
    check_yaml_source(text, "f.yaml", first_line)
    check_yaml_nodes(compose_yaml(text), text, "f.yaml", first_line)


def problem(text: str, first_line: int = 1) -> StrataError:
    with pytest.raises(StrataError) as caught:
        check(text, first_line)
    return caught.value


@pytest.mark.parametrize(("text", "line", "message"), [
    ("- title: A study of drug #5\n", 1, "the text after ' #' is read as a YAML comment and dropped; put the whole "
                                        'value in double quotes: - title: "A study of drug #5"'),
    ("- question: #1 question\n  type: single\n", 1, "'#' starts a YAML comment, so 'question' is empty here"),
    ("- !Never the testes\n", 1, "'!Never' is read as a YAML tag"),
    ("- question: !!python/object:os.system Which?\n", 1, "'!!python/object:os.system' is read as a YAML tag"),
    ("- title: A\n- title: Which part\u2028starts it?\n", 2,
     "this line has an invisible line separator (U+2028) after '- title: Which part'"),
    ("- title: A\u0085B\n", 1, "invisible next-line character (U+0085)"),
])
def test_what_yaml_would_misread_is_an_error_at_its_line(text, line, message):
    error = problem(text)
    assert error.line == line
    assert message in error.message, error.message


def test_lines_are_counted_from_the_first_line_of_the_block():
    assert problem("- question: Which?\n- question: Why? #because\n", first_line=20).line == 21


@pytest.mark.parametrize("text", [
    "# a comment on its own line\n- title: A study\n",
    '- title: "A study" # a comment after a quoted value\n',
    "- title: A#5 study\n",
    "- correct: true  # a comment after a yes/no\n",
    "- title: !!str 1984\n",
])
def test_comments_quotes_and_plain_values_are_allowed(text):
    check_yaml_nodes(compose_yaml(text), text, "f.yaml")


@pytest.mark.parametrize(("text", "line", "message"), [
    ("- title: Yes\n", 1, "'title' must be text (the title); YAML reads Yes as true or false: write it in double "
                          'quotes: - title: "Yes"'),
    ("- title: 1984\n", 1, 'YAML reads 1984 as a number: write it in double quotes: - title: "1984"'),
    ("- title: NO\n  aliases: [NO]\n", 1, "'title' must be text"),
    ('- title: "NO"\n  aliases: [NO]\n', 2, 'each alias must be text; YAML reads NO as true or false: write it in '
                                            'double quotes: aliases: ["NO"]'),
    ('- title: "D"\n  aliases: [1,25-dihydroxyvitamin D]\n', 2,
     'YAML reads 1 as a number: write it in double quotes: aliases: ["1,25-dihydroxyvitamin D"]'),
])
def test_text_that_yaml_reads_as_true_false_or_a_number_says_to_quote_it(tmp_path, text, line, message):
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(StrataError) as caught:
        load_records(str(path), SCHEMA, "entry")
    assert caught.value.line == line
    assert message in caught.value.message, caught.value.message


def test_quotes_are_advised_only_where_text_is_wanted(tmp_path):
    path = tmp_path / "f.yaml"
    path.write_text("- year: 2020-05-01\n", encoding="utf-8")
    with pytest.raises(StrataError) as caught:
        load_records(str(path), {"year": Field(True, (int,), "the year")}, "entry")
    assert caught.value.message == "'year' must be a whole number (the year)"
