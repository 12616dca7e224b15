"""Strata: a Pelican plugin for tiered, accessible learning sites.

Pelican calls :func:`register`; everything else is wired from there (see ``plugin.py``). The plugin's
modules load only then, so importing one module of the package (the theme's ``strata.i18n``, a test's
``strata.links``) costs that module alone.
"""


def register() -> None:
    """Connect Strata to Pelican's signals (Pelican's plugin entry point)."""
    from .plugin import register as connect

    connect()


__all__ = ["register"]
