"""Load YAML data files (glossary, references) as validated records that remember their lines.

A data file is a YAML list of mappings. Each mapping is checked against a small
schema of known keys; anything else is an author error reported at its line.
Every YAML an author writes (these files and the quiz blocks) is also checked for
what YAML would silently misread (:func:`check_yaml_source`, :func:`check_yaml_nodes`):
an invisible line break, text after `` #`` (a comment), a ``!`` tag.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

import yaml

from .errors import SOURCE_ENCODING, StrataError, unreadable

# libyaml's parser when PyYAML was built with it (it is, in the pinned wheels): same nodes and marks, ~10× faster.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
KIND_NAMES = {list: "a list", str: "text", int: "a whole number", bool: "true or false", dict: "'key: value' lines"}


def compose_yaml(text: str) -> yaml.Node | None:
    """Parse ``text`` into YAML nodes that remember their lines (safe: no arbitrary objects)."""
    return yaml.compose(text, Loader=YAML_LOADER)


# YAML ends a line at these too: pasted from a word processor, they are invisible and shift every line after them.
INVISIBLE_BREAKS = {"\u2028": "line separator (U+2028)", "\u2029": "paragraph separator (U+2029)",
                    "\x85": "next-line character (U+0085)"}
# The tags YAML gives by itself (implicitly, or written ``!!str``): any other is an explicit ``!`` tag.
PLAIN_TAGS = {f"tag:yaml.org,2002:{name}" for name in
              ("str", "int", "float", "bool", "null", "timestamp", "merge", "value", "seq", "map")}
READ_AS = {"tag:yaml.org,2002:bool": "true or false", "tag:yaml.org,2002:int": "a number",
           "tag:yaml.org,2002:float": "a number", "tag:yaml.org,2002:timestamp": "a date"}
QUOTING = ("put text that contains ': ' or ' #', or starts with a quote or one of * & ! [ { ` % @ | > #, "
           "in double quotes")
TAB_INDENTATION = "this line is indented with a tab; indent with spaces, not tabs (YAML does not allow tabs there)"


def yaml_problem(exc: yaml.YAMLError) -> tuple[str, int | None]:
    """What PyYAML found wrong, and its 0-based line: where the unfinished thing started when the
    problem is only found at the end of the text (an unclosed quote or bracket)."""
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    problem_mark, context_mark = getattr(exc, "problem_mark", None), getattr(exc, "context_mark", None)
    context = getattr(exc, "context", None)
    if context_mark is not None and context and "end of stream" in problem:
        return f"{context}, {problem}", context_mark.line
    mark = problem_mark or context_mark
    return problem, mark.line if mark else None


def indented_with_tab(text: str, line: int | None) -> bool:
    """Whether 0-based ``line`` of ``text`` has a tab in its indentation (the usual cause of a YAML error there)."""
    lines = text.splitlines()
    if line is None or not 0 <= line < len(lines):
        return False
    row = lines[line]
    return "\t" in row[:len(row) - len(row.lstrip(" \t"))]


def quoted(text: str) -> str:
    """``text`` as a YAML double-quoted value."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def check_yaml_source(text: str, path: str | None, first_line: int = 1) -> None:
    """Raise :class:`StrataError` at an invisible line break in ``text`` (whose first line is ``first_line`` of
    the file): YAML would end the line there, so the text would be misread and every later line misnumbered."""
    found = re.search(f"[{''.join(INVISIBLE_BREAKS)}]", text)
    if found:
        line_start = text.rfind("\n", 0, found.start()) + 1
        before = text[line_start:found.start()].strip()[-30:]
        where = f" after {before!r}" if before else ""
        raise StrataError(f"this line has an invisible {INVISIBLE_BREAKS[found.group()]}{where}, often pasted "
                          "from a word processor, which YAML reads as the end of the line; delete it (put the "
                          "cursor there and press Delete, or retype the line)",
                          path, first_line + text.count("\n", 0, found.start()))


def check_yaml_nodes(root: yaml.Node | None, text: str, path: str | None, first_line: int = 1) -> None:
    """Raise :class:`StrataError` where YAML read ``text`` (composed into ``root``) otherwise than its author
    meant: a ``!`` tag, or a comment (`` #``) right after an unquoted value, whose text YAML drops."""
    rows = text.split("\n")
    pending: list[tuple[yaml.Node | None, yaml.Node]] = [(None, root)] if root is not None else []
    while pending:
        key, node = pending.pop()
        problem = _misread(key, node, rows)
        if problem:
            raise StrataError(problem[0], path, first_line + problem[1])
        if isinstance(node, yaml.SequenceNode):
            pending += [(None, item) for item in reversed(node.value)]
        elif isinstance(node, yaml.MappingNode):
            pending += list(reversed(node.value))


def _misread(key: yaml.Node | None, node: yaml.Node, rows: list[str]) -> tuple[str, int] | None:
    """What YAML misread at ``node`` (the value of ``key``, if any), and its 0-based line; None if nothing."""
    start, end = node.start_mark, node.end_mark
    if node.tag not in PLAIN_TAGS:
        source = rows[start.line][start.column:].split()
        tag = next((word for word in source if word.startswith("!")), node.tag)
        value = rows[start.line][start.column:end.column] if end.line == start.line else ""
        fix = f"; if it is part of the text, put the whole value in double quotes: {quoted(value)}" if value else ""
        return (f"{tag!r} is read as a YAML tag (a word starting with '!' before a value), which Strata does not "
                f"accept; remove it{fix}", start.line)
    if not isinstance(node, yaml.ScalarNode) or node.style:
        return None
    if node.tag == "tag:yaml.org,2002:str":
        rest = rows[end.line][end.column:]
        if re.match(r"[ \t]+#", rest):
            fix = rows[start.line][:start.column].strip() + " " + quoted(f"{node.value} {rest.strip()}")
            return ("the text after ' #' is read as a YAML comment and dropped; put the whole value in double "
                    f"quotes: {fix.strip()}", end.line)
    elif node.tag == "tag:yaml.org,2002:null" and key is not None and not node.value:
        row = rows[key.end_mark.line]
        after_key = re.match(r"[ \t]*:[ \t]+(#.*)", row[key.end_mark.column:])
        if after_key:
            return (f"'#' starts a YAML comment, so {key.value!r} is empty here and the rest of the line is "
                    f"dropped; put the whole value in double quotes: {key.value}: "
                    f"{quoted(after_key.group(1).strip())}", key.end_mark.line)
    return None


def read_as(node: yaml.Node, text: str) -> str:
    """When YAML read the scalar ``node`` of ``text`` as true/false, a number or a date: saying so, and the line
    with the value in double quotes (text is wanted); "" otherwise."""
    if not isinstance(node, yaml.ScalarNode) or node.style or node.tag not in READ_AS:
        return ""
    start, end = node.start_mark, node.end_mark
    row = text.split("\n")[start.line]
    stop = end.column if end.line == start.line else len(row)
    joined = re.match(r",[^\s,\]]+", row[stop:])  # [1,25-dihydroxyvitamin D]: one name, cut at its comma
    if joined and row[start.column - 1:start.column] in "[, " and node.tag != "tag:yaml.org,2002:bool":
        stop += len(re.match(r",[^,\]]*", row[stop:]).group().rstrip())
    value = row[start.column:stop]
    fix = (row[:start.column] + quoted(value) + row[stop:]).strip()
    return f"; YAML reads {node.value} as {READ_AS[node.tag]}: write it in double quotes: {fix}"


def unknown_key(key: str, known, what: str) -> str:
    """The message for a key that is not in ``known``: the nearest known key, when one is close, and the list."""
    known = list(known)
    nearest = difflib.get_close_matches(str(key), known, n=1, cutoff=0.6)
    hint = f"did you mean {nearest[0]!r}? " if nearest else ""
    return f"unknown key {key!r} in {what}; {hint}known keys: {', '.join(known)}"


def misspelling_of(key: str, known) -> str | None:
    """The key of ``known`` that ``key`` is one slip of the keyboard away from (a letter wrong, missing or added,
    or two side by side swapped), ignoring case; None when there is none, or ``key`` is known. Stricter than
    :func:`unknown_key`'s suggestion, for keys among which one's own are allowed ('Subtitle', 'Translator')."""
    key = str(key).casefold()
    if any(key == k.casefold() for k in known):
        return None
    return next((k for k in known if edit_distance(key, k.casefold()) == 1), None)


def edit_distance(a: str, b: str) -> int:
    """The letters to change, add, remove or swap (two side by side) to make ``a`` into ``b``."""
    previous, current = None, list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        before, previous, current = previous, current, [i] + [0] * len(b)
        for j, y in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y))
            if before is not None and i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y:
                current[j] = min(current[j], before[j - 2] + 1)
    return current[-1]


def construct(node: yaml.Node):
    """The plain Python value of a composed node (str, int, bool, list, dict)."""
    return yaml.SafeLoader("").construct_object(node, deep=True)


@dataclass(frozen=True)
class Field:
    """One key of a record: whether it is required and which YAML types it accepts."""

    required: bool = False
    kinds: tuple[type, ...] = (str,)
    description: str = ""
    item: str = ""  # for a list of text: what one item is, in messages ("alias")


@dataclass(frozen=True)
class Record:
    """One mapping of a data file, with the line of the mapping and of each key."""

    path: str
    line: int
    values: dict
    key_lines: dict

    def error(self, message: str, key: str | None = None) -> StrataError:
        return StrataError(message, self.path, self.key_lines.get(key, self.line))


def load_records(path: str, schema: dict[str, Field], what: str) -> list[Record]:
    """Parse ``path`` and validate each entry against ``schema``.

    Raises :class:`StrataError` for the first structural problem (unreadable file,
    broken YAML, an entry that is not a mapping, unknown or missing keys, a value
    of the wrong type). ``what`` names an entry in messages ("glossary entry").
    """
    try:
        with open(path, encoding=SOURCE_ENCODING) as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise unreadable(path, exc) from None
    check_yaml_source(text, path)
    try:
        root = compose_yaml(text)
    except yaml.YAMLError as exc:
        problem, line = yaml_problem(exc)
        if indented_with_tab(text, line):
            raise StrataError(TAB_INDENTATION, path, line + 1) from None
        raise StrataError(f"this is not valid YAML ({problem}); check the indentation, and {QUOTING}",
                          path, line + 1 if line is not None else 1) from None
    check_yaml_nodes(root, text, path)
    if root is None:
        return []
    if not isinstance(root, yaml.SequenceNode):
        raise StrataError(f"expected a list, each {what} starting with '- '", path, root.start_mark.line + 1)
    return [_record(node, path, schema, what, text) for node in root.value]


def _record(node: yaml.Node, path: str, schema: dict[str, Field], what: str, text: str) -> Record:
    line = node.start_mark.line + 1
    if not isinstance(node, yaml.MappingNode):
        raise StrataError(f"each {what} must be a set of 'key: value' lines; known keys: {', '.join(schema)}",
                          path, line)
    values, key_lines = {}, {}
    for key_node, value_node in node.value:
        key, key_line = key_node.value, key_node.start_mark.line + 1
        if key not in schema:
            raise StrataError(unknown_key(key, schema, what), path, key_line)
        if key in values:
            raise StrataError(f"key {key!r} appears twice in this {what}", path, key_line)
        try:
            value = construct(value_node)
        except yaml.YAMLError as exc:  # e.g. a '!!python/…' tag, which safe loading refuses
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            raise StrataError(f"the value of {key!r} cannot be read ({problem}); write plain text, a number "
                              "or a list, without a '!' tag", path, key_line) from None
        field = schema[key]
        if not isinstance(value, field.kinds) or (isinstance(value, bool) and bool not in field.kinds):
            expected = " or ".join(KIND_NAMES.get(k, k.__name__) for k in field.kinds)
            advice = f" ({field.description})" if field.description else ""
            quote = read_as(value_node, text) if str in field.kinds else ""  # text is wanted: quote it
            raise StrataError(f"{key!r} must be {expected}{advice}{quote}", path, key_line)
        for item_node, item in zip(value_node.value, value if field.item else (), strict=False):
            if not isinstance(item, str) and read_as(item_node, text):
                raise StrataError(f"each {field.item} must be text{read_as(item_node, text)}", path,
                                  item_node.start_mark.line + 1)
        values[key], key_lines[key] = value, key_line
    for key, field in schema.items():
        if field.required and key not in values:
            raise StrataError(f"this {what} has no {key!r}; add '{key}: …' ({field.description})", path, line)
    return Record(path, line, values, key_lines)
