"""Find fenced ```` ```quiz ```` blocks in Markdown source and parse their YAML into the model.

Source (see AUTHORING.md, "Quizzes")::

    ```quiz
    - question: What does LH ask the testes to do?
      type: single
      section: How the body makes testosterone
      options:
        - text: Make testosterone
          correct: true
          feedback: Yes. LH reaches the Leydig cells, which make testosterone.
        - text: Store sperm
      explanation: LH travels in the blood to the testes ...
    ```

The YAML is composed with PyYAML (never loaded into arbitrary objects), so each
node keeps its position: every error names the file line of the offending key.
Keys are checked against small :class:`~strata.records.Field` schemas, like the
glossary and references data files.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

import yaml

from ..errors import SOURCE_ENCODING, StrataError
from ..markdown.safe import text_problem
from ..records import (
    QUOTING,
    TAB_INDENTATION,
    Field,
    check_yaml_nodes,
    check_yaml_source,
    compose_yaml,
    indented_with_tab,
    unknown_key,
    yaml_problem,
)
from .model import (
    DEFAULT_TITLE,
    MULTIPLE,
    QUESTION_TYPES,
    SINGLE,
    TRUE_FALSE,
    TRUE_FALSE_LABELS,
    Option,
    Question,
    Quiz,
)

FENCE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^\s`]*)[^`]*$")
# A fence inside a list, a quote or a key point, or indented as code: after '>', list markers and indentation.
NESTED_FENCE = re.compile(r"^(?:[ \t]*(?:>|[-*+]|\d{1,9}[.)])(?=[ \t>]|$))*[ \t]*"
                          r"(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^\s`]*)[^`]*$")
QUIZ_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
TYPES = ", ".join(QUESTION_TYPES)

QUIZ_SCHEMA = {
    "title": Field(False, (str,), f"the quiz heading, {DEFAULT_TITLE!r} when left out"),
    "id": Field(False, (str,), "a short name, unique on the page, e.g. 'quiz-hormones'"),
    "questions": Field(True, (list,), "the list of questions, each starting with '- question:'"),
}
QUESTION_SCHEMA = {
    "question": Field(True, (str,), "the question, in one or two sentences"),
    "type": Field(True, (str,), f"one of: {TYPES}"),
    "options": Field(False, (list,), "the answers to choose from (single and multiple)"),
    "answer": Field(False, (bool,), "true or false (true-false questions)"),
    "feedback": Field(False, (dict,), "for a true-false question: 'true:' and 'false:' feedback"),
    "explanation": Field(True, (str,), "why the right answer is right, in a sentence or two"),
    "section": Field(False, (str,), "the title of the '## section' of this page that the question tests"),
}
OPTION_SCHEMA = {
    "text": Field(True, (str,), "the answer as the reader sees it"),
    "correct": Field(False, (bool,), "true for a right answer (leave it out for a wrong one)"),
    "feedback": Field(False, (str,), "shown next to this option once answers are checked"),
}
TRUE_FALSE_FEEDBACK_SCHEMA = {
    "true": Field(False, (str,), "shown when the reader answers true"),
    "false": Field(False, (str,), "shown when the reader answers false"),
}


@dataclass(frozen=True)
class QuizBlock:
    """A ```` ```quiz ```` block: indexes of its fence lines in the source lines, and its YAML body."""

    start: int
    end: int
    body: str

    @property
    def line(self) -> int:
        """1-based line of the opening fence."""
        return self.start + 1


def find_blocks(lines: list[str], path: str | None = None) -> list[QuizBlock]:
    """Every quiz block of ``lines``; other fenced blocks (e.g. a documented example) are skipped whole."""
    blocks, index = [], 0
    while index < len(lines):
        opening = FENCE.match(lines[index])
        if not opening:
            index = _after_nested_fence(lines, index, path)
            continue
        fence, is_quiz = opening.group("fence"), opening.group("info").lower() == "quiz"
        closing = re.compile(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        end = None
        for candidate in range(index + 1, len(lines)):
            if closing.match(lines[candidate]):
                end = candidate
                break
            if is_quiz and _opens_quiz(lines[candidate]):
                break
        if is_quiz:
            if end is None:
                raise StrataError(f"this quiz block is not closed; add a line with just {fence} "
                                  "after its last question", path, index + 1)
            blocks.append(QuizBlock(index, end, "\n".join(lines[index + 1:end])))
        index = end + 1 if end is not None else index + 1
    return blocks


def _after_nested_fence(lines: list[str], index: int, path: str | None) -> int:
    """The index after line ``index``, or after the whole fenced block it opens inside a list, quote or key
    point (a quiz example shown there stays code); a quiz opened there is an error, Markdown would not read it."""
    opening = NESTED_FENCE.match(lines[index])
    if not opening:
        return index + 1
    fence = opening.group("fence")
    if opening.group("info").lower() == "quiz":
        raise StrataError(f"a quiz must start at the beginning of a line, outside lists, quotes and key points; "
                          f"move the {fence}quiz block out (no indentation, no '>')", path, index + 1)
    closing = re.compile(rf"^[ \t>]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
    for candidate in range(index + 1, len(lines)):
        if closing.match(lines[candidate]):
            return candidate + 1
        if _opens_quiz(lines[candidate]):  # not a fence after all (e.g. in an indented code block): keep the quiz
            break
    return index + 1


def _opens_quiz(line: str) -> bool:
    opening = FENCE.match(line)
    return bool(opening) and opening.group("info").lower() == "quiz"


def parse_quiz(block: QuizBlock, path: str | None = None) -> Quiz:
    """The :class:`Quiz` written in ``block``; raise :class:`StrataError` at the faulty line."""
    return _Parser(path, block.start + 1).quiz(block)


class _Parser:
    def __init__(self, path: str | None, first_body_index: int):
        self.path = path
        self.offset = first_body_index  # body line 0 is this 0-based line of the file
        self.key_lines: dict[int, int] = {}  # id(value node) -> line of its key

    def line(self, node: yaml.Node) -> int:
        """File line of ``node``; for the value of a key (e.g. a list under 'options:'), the key's line."""
        return self.key_lines.get(id(node), node.start_mark.line + self.offset + 1)

    def error(self, message: str, line: int) -> StrataError:
        return StrataError(message, self.path, line)

    def source(self) -> str:
        """The page's text as written (Markdown has already turned its tabs into spaces in the quiz block)."""
        try:
            with open(self.path, encoding=SOURCE_ENCODING) as handle:
                return handle.read()
        except (OSError, TypeError, UnicodeDecodeError):
            return ""

    def quiz(self, block: QuizBlock) -> Quiz:
        check_yaml_source(block.body, self.path, self.offset + 1)
        try:
            root = compose_yaml(block.body)
        except yaml.YAMLError as exc:
            problem, line = yaml_problem(exc)
            if indented_with_tab(self.source(), None if line is None else line + self.offset):
                raise self.error(TAB_INDENTATION, line + self.offset + 1) from None
            raise self.error(f"this quiz is not valid YAML ({problem}); check the indentation, and {QUOTING}",
                             line + self.offset + 1 if line is not None else block.line) from None
        check_yaml_nodes(root, block.body, self.path, self.offset + 1)
        title, quiz_id, questions_node = DEFAULT_TITLE, None, root
        if isinstance(root, yaml.MappingNode):
            fields = self.fields(root, QUIZ_SCHEMA, "quiz")
            if "title" in fields:
                title = self.markdown(fields["title"], "title", "the quiz", "the quiz title")
                if not title:
                    raise self.error("the quiz title is empty; write the heading after 'title:', or remove the "
                                     f"line for the usual {DEFAULT_TITLE!r}", self.line(fields["title"]))
            if "id" in fields:
                quiz_id = self.text(fields["id"], "id", "the quiz")
                if not QUIZ_ID.match(quiz_id):
                    raise self.error(f"quiz id {quiz_id!r} must be lower-case words joined by hyphens, "
                                     "starting with a letter, e.g. 'id: quiz-hormones'", self.line(fields["id"]))
            questions_node = fields["questions"]
        if root is None or (isinstance(questions_node, yaml.SequenceNode) and not questions_node.value):
            raise self.error("this quiz has no questions; add at least one, starting with '- question:'",
                             block.line)
        if not isinstance(questions_node, yaml.SequenceNode):
            raise self.error("a quiz is a list of questions, each starting with '- question:'",
                             self.line(questions_node))
        questions = tuple(self.question(node, number) for number, node in enumerate(questions_node.value, 1))
        return Quiz(questions, title, quiz_id, block.line, self.line(fields["id"]) if quiz_id else 0)

    def question(self, node: yaml.Node, number: int) -> Question:
        what = f"question {number}"
        if not isinstance(node, yaml.MappingNode):
            raise self.error(f"{what} must be a set of 'key: value' lines starting with '- question:'",
                             self.line(node))
        fields = self.fields(node, QUESTION_SCHEMA, what, check_required=False)
        text = self.markdown(fields["question"], "question", what, what) if "question" in fields else ""
        if not text:
            raise self.error(f"{what} is empty; write the question after 'question:'",
                             self.line(fields.get("question", node)))
        if "type" not in fields:
            raise self.error(f"{what} has no type; add 'type:' with one of: {TYPES}", self.line(node))
        kind = self.text(fields["type"], "type", what)
        if kind not in QUESTION_TYPES:
            raise self.error(f"unknown question type {kind!r} in {what}; use one of: {TYPES}",
                             self.line(fields["type"]))
        options = self.true_false(fields, what) if kind == TRUE_FALSE else self.choices(fields, kind, what)
        explanation = (self.markdown(fields["explanation"], "explanation", what, f"the explanation of {what}",
                                     paragraphs=True) if "explanation" in fields else "")
        if not explanation:
            raise self.error(f"{what} has no explanation; add 'explanation:' saying why the answer is right "
                             "and which section explains it", self.line(fields.get("explanation", node)))
        section = self.text(fields["section"], "section", what) if "section" in fields else None
        return Question(number, kind, text, options, explanation, section or None, self.line(node),
                        self.line(fields["section"]) if "section" in fields else 0)

    def choices(self, fields: dict, kind: str, what: str) -> tuple[Option, ...]:
        for key, advice in (("answer", "mark the right option with 'correct: true' instead"),
                            ("feedback", "put 'feedback:' under each option instead")):
            if key in fields:
                raise self.error(f"{key!r} is for true-false questions; in a {kind}-choice question, {advice}",
                                 self.line(fields[key]))
        if "options" not in fields:
            raise self.error(f"{what} has no options; add 'options:' with at least two answers to choose from",
                             self.line(fields["type"]))
        options_node = fields["options"]
        items = self.sequence(options_node, "options", what)
        if len(items) < 2:
            raise self.error(f"{what} has {len(items)} option; give at least two under 'options:'",
                             self.line(options_node))
        if len(items) > len(string.ascii_lowercase):
            raise self.error(f"{what} has {len(items)} options; give at most 26", self.line(options_node))
        options = tuple(self.option(item, key, what) for key, item in zip(string.ascii_lowercase, items, strict=False))
        seen: dict[str, Option] = {}
        for option in options:
            folded = " ".join(option.text.casefold().split())
            if folded in seen:
                raise self.error(f"two options of {what} say {option.text!r} (lines {seen[folded].line} and "
                                 f"{option.line}); each option must be different", option.line)
            seen[folded] = option
        correct = [o for o in options if o.correct]
        if not correct:
            raise self.error(f"{what} has no correct option; add 'correct: true' under the right answer",
                             self.line(options_node))
        if kind == SINGLE and len(correct) > 1:
            raise self.error(f"{what} is single choice but {len(correct)} options are marked correct (lines "
                             f"{', '.join(str(o.line) for o in correct)}); keep one, or write 'type: {MULTIPLE}' "
                             "if the reader should choose all that apply", correct[1].line)
        return options

    def option(self, node: yaml.Node, key: str, what: str) -> Option:
        line, where = self.line(node), f"option {key} of {what}"
        if isinstance(node, yaml.ScalarNode):
            text, correct, feedback = self.markdown(node, "text", what, where), False, None
        elif isinstance(node, yaml.MappingNode):
            fields = self.fields(node, OPTION_SCHEMA, f"an option of {what}", check_required=False)
            text = self.markdown(fields["text"], "text", what, where) if "text" in fields else ""
            correct = self.boolean(fields["correct"], "correct") if "correct" in fields else False
            feedback = (self.markdown(fields["feedback"], "feedback", what, f"the feedback of {where}")
                        if "feedback" in fields else None)
        else:
            raise self.error(f"each option of {what} is either its text, or 'text:' with 'correct:' and "
                             "'feedback:' lines", line)
        if not text:
            raise self.error(f"an option of {what} is empty; write the answer after '- text:'", line)
        return Option(key, text, correct, feedback or None, line)

    def true_false(self, fields: dict, what: str) -> tuple[Option, ...]:
        if "options" in fields:
            raise self.error(f"{what} is true-false, so its options are always True and False; remove "
                             "'options:' and write 'answer: true' or 'answer: false'", self.line(fields["options"]))
        if "answer" not in fields:
            raise self.error(f"{what} is true-false but has no answer; add 'answer: true' or 'answer: false'",
                             self.line(fields["type"]))
        answer = self.boolean(fields["answer"], "answer")
        feedback = {}
        if "feedback" in fields:
            node = fields["feedback"]
            if not isinstance(node, yaml.MappingNode):
                raise self.error("'feedback' of a true-false question has two lines, 'true: …' and 'false: …'",
                                 self.line(node))
            feedback = {key: self.markdown(value, key, what, f"the '{key}:' feedback of {what}")
                        for key, value in self.fields(node, TRUE_FALSE_FEEDBACK_SCHEMA, "feedback").items()}
        return tuple(Option(key, TRUE_FALSE_LABELS[key], answer == (key == "true"), feedback.get(key) or None,
                            self.line(fields["answer"])) for key in ("true", "false"))

    def fields(self, node: yaml.Node, schema: dict[str, Field], what: str,
               check_required: bool = True) -> dict[str, yaml.Node]:
        """The value nodes of a mapping, by key; unknown, repeated or missing keys are errors."""
        if not isinstance(node, yaml.MappingNode):
            raise self.error(f"{what} must be a set of 'key: value' lines; known keys: {', '.join(schema)}",
                             self.line(node))
        values: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
            if key not in schema:
                raise self.error(unknown_key(key, schema, what), self.line(key_node))
            if key in values:
                raise self.error(f"key {key!r} appears twice in {what}", self.line(key_node))
            values[key] = value_node
            self.key_lines[id(value_node)] = self.line(key_node)
        for key, field in schema.items():
            if check_required and field.required and key not in values:
                raise self.error(f"{what} has no {key!r}; add '{key}: …' ({field.description})", self.line(node))
        return values

    def text(self, node: yaml.Node, key: str, what: str) -> str:
        if not isinstance(node, yaml.ScalarNode):
            raise self.error(f"{key!r} of {what} must be text; put it on the same line after '{key}:' "
                             "(in double quotes if it contains ': ')", self.line(node))
        return node.value.strip()

    def markdown(self, node: yaml.Node, key: str, what: str, where: str, paragraphs: bool = False) -> str:
        """The text of ``node``, checked as author Markdown (:func:`~strata.markdown.safe.text_problem`; ``where``
        names it in the message): one paragraph, or with ``paragraphs`` paragraphs and lists."""
        text = self.text(node, key, what)
        problem = text_problem(text, where, paragraphs=paragraphs)
        if problem:
            raise self.error(problem, self.line(node))
        return text

    def boolean(self, node: yaml.Node, key: str) -> bool:
        if not (isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:bool"):
            raise self.error(f"{key!r} must be true or false", self.line(node))
        return node.value.lower() in {"true", "yes", "on"}

    def sequence(self, node: yaml.Node, key: str, what: str) -> list[yaml.Node]:
        if not isinstance(node, yaml.SequenceNode):
            raise self.error(f"{key!r} of {what} must be a list, each item on its own line starting with '- '",
                             self.line(node))
        return node.value
