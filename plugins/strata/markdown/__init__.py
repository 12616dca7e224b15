"""Python-Markdown extensions used by Strata's reader (one module per extension)."""
