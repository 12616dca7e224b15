"""Strata: a Pelican plugin for tiered, accessible learning sites.

Pelican calls :func:`register`; everything else is wired from there (see ``plugin.py``).
"""

from .plugin import register

__all__ = ["register"]
