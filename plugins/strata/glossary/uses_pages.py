"""Write the glossary's uses pages: for each entry used on the site, where it is used (see :mod:`.backlinks`).

:class:`UsesPagesGenerator` is a Pelican generator (returned from the ``get_generators``
signal): it reads nothing, and after the other generators have built the context it
writes the uses pages ``glossary/uses-<n>.html`` with the theme's ``glossary_uses.html``
template, one page at a time. Pelican's writer makes
``SITEURL`` relative to each page (``RELATIVE_URLS``), so the links work from ``file://``.
"""

from __future__ import annotations

from pelican.generators import Generator

from .backlinks import USES_TEMPLATE


class UsesPagesGenerator(Generator):
    """Writes every entry's uses pages from ``context["strata_glossary_uses"]`` (set by the plugin)."""

    def generate_context(self) -> None:
        """Nothing to read: the pages' occurrences are collected by the plugin once every page is read."""

    def generate_output(self, writer) -> None:
        write_uses_pages(self, writer, self.context)


def write_uses_pages(generator, writer, context: dict) -> None:
    """Write the uses pages of ``context["strata_glossary_uses"]`` with ``context``."""
    uses = context.get("strata_glossary_uses")
    if uses is None:  # the build stopped before the glossary was collected
        return
    template = generator.get_template(USES_TEMPLATE)
    for page in uses.uses_pages():
        writer.write_file(page.url, template, context, relative_urls=generator.settings["RELATIVE_URLS"],
                          url=page.url, uses_page=page, glossary_url=uses.glossary_url,
                          template_name=USES_TEMPLATE)
