"""Templates compiled once per Pelican process, not once per generator and run.

Pelican makes a Jinja environment for each generator on every run (``pelican -r`` runs
many): each compiles the templates it renders, ``base.html`` and the components' macros
over and over. :func:`share_compiled_templates` gives every environment of one Pelican
process one in-memory bytecode cache, keyed by each template's name and source checksum (an
edited template is compiled again); it keeps apart environments configured differently
(syntax, extensions, autoescaping, the filters' and tests' names and arguments), whose
compiled code would differ.
"""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket

CACHE_KEY = "STRATA_COMPILED_TEMPLATES"


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates by (template key, source checksum, environment configuration)."""

    def __init__(self) -> None:
        self.codes: dict[tuple, object] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        bucket.code = self.codes.get(_key(bucket))

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.codes[_key(bucket)] = bucket.code


def _key(bucket: Bucket) -> tuple:
    env = bucket.environment
    configuration = (env.block_start_string, env.block_end_string, env.variable_start_string,
                     env.variable_end_string, env.comment_start_string, env.comment_end_string,
                     env.line_statement_prefix, env.line_comment_prefix, env.trim_blocks, env.lstrip_blocks,
                     env.newline_sequence, env.keep_trailing_newline, tuple(sorted(env.extensions)),
                     env.optimized, env.is_async, env.finalize is not None,
                     env.autoescape if isinstance(env.autoescape, bool) else id(env.autoescape),
                     _passes(env.filters), _passes(env.tests))
    return bucket.key, bucket.checksum, configuration


def _passes(functions: dict) -> tuple:
    """Which filters (or tests) exist and what each is passed (context, environment …): compiled into calls."""
    return tuple(sorted((name, str(getattr(f, "jinja_pass_arg", ""))) for name, f in functions.items()))


def share_compiled_templates(env, settings: dict) -> None:
    """Give ``env`` the bytecode cache of the Pelican process that ``settings`` belong to."""
    env.bytecode_cache = settings.setdefault(CACHE_KEY, MemoryBytecodeCache())
