"""Glossary: term data (``terms``), matching in page text, tooltips and the glossary page."""
