"""What a URL means to a browser: its scheme, read the way browsers read it.

Browsers drop leading and trailing spaces and control characters from a URL and
remove every tab and line break inside it, then compare the scheme without regard
to case, so ``" JaVa\\tScript:alert(1)"`` runs script. :func:`url_scheme` does the
same before looking at the scheme, and both the author-content check
(``markdown/safety.py``) and the built-site link check (``links.py``) use it.
"""

from __future__ import annotations

import re

SCRIPT_SCHEMES = frozenset({"javascript", "data", "vbscript"})  # may run or embed script: never in a page
OUTBOUND_SCHEMES = frozenset({"http", "https", "mailto", "tel"})  # the only ways a link may leave the site

_REMOVED_INSIDE = re.compile(r"[\t\n\r]")
_STRIPPED = "".join(chr(c) for c in range(0x21))  # C0 controls and space
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")


def browser_url(value: str) -> str:
    """``value`` as a browser parses it: no surrounding spaces or controls, no tabs or line breaks inside."""
    return _REMOVED_INSIDE.sub("", value).strip(_STRIPPED)


def url_scheme(value: str) -> str | None:
    """The lower-case scheme of ``value`` (``"javascript"``), or None for a relative URL."""
    match = _SCHEME.match(browser_url(value))
    return match.group(1).lower() if match else None
