"""Load YAML data files (glossary, references) as validated records that remember their lines.

A data file is a YAML list of mappings. Each mapping is checked against a small
schema of known keys; anything else is an author error reported at its line.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

import yaml

from .errors import SOURCE_ENCODING, StrataError

# libyaml's parser when PyYAML was built with it (it is, in the pinned wheels): same nodes and marks, ~10× faster.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
KIND_NAMES = {list: "a list", str: "text", int: "a whole number", bool: "true or false", dict: "'key: value' lines"}


def compose_yaml(text: str) -> yaml.Node | None:
    """Parse ``text`` into YAML nodes that remember their lines (safe: no arbitrary objects)."""
    return yaml.compose(text, Loader=YAML_LOADER)


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
        raise StrataError(f"cannot read this file ({exc}); check that it is a file, is readable and is saved "
                          "as UTF-8", path, 1) from None
    try:
        root = compose_yaml(text)
    except yaml.YAMLError as exc:
        problem, line = yaml_problem(exc)
        if indented_with_tab(text, line):
            raise StrataError(TAB_INDENTATION, path, line + 1) from None
        raise StrataError(f"this is not valid YAML ({problem}); check the indentation and quoting",
                          path, line + 1 if line is not None else 1) from None
    if root is None:
        return []
    if not isinstance(root, yaml.SequenceNode):
        raise StrataError(f"expected a list, each {what} starting with '- '", path, root.start_mark.line + 1)
    return [_record(node, path, schema, what) for node in root.value]


def _record(node: yaml.Node, path: str, schema: dict[str, Field], what: str) -> Record:
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
            raise StrataError(f"{key!r} must be {expected}{advice}", path, key_line)
        values[key], key_lines[key] = value, key_line
    for key, field in schema.items():
        if field.required and key not in values:
            raise StrataError(f"this {what} has no {key!r}; add '{key}: …' ({field.description})", path, line)
    return Record(path, line, values, key_lines)
