"""Python-Markdown set up as Strata's reader sets it up: the site's MARKDOWN settings and Strata's extensions."""

from __future__ import annotations

import pelicanconf
from strata.reader import strata_extensions


def site_markdown_kwargs(source_path: str = "content/topics/demo/academic.md") -> dict:
    """Keyword arguments for ``markdown.Markdown`` (as ``TestCase.default_kwargs``)."""
    configs = pelicanconf.MARKDOWN["extension_configs"]
    return {"extensions": [*configs, "markdown.extensions.meta",
                           *strata_extensions(source_path)],
            "extension_configs": configs, "output_format": pelicanconf.MARKDOWN["output_format"]}
