"""Settings for the public web (`invoke preview` / `invoke publish-build`).

The site's absolute address comes from the ``STRATA_SITEURL`` environment
variable (e.g. ``https://learn.example.org``), so that canonical links, Open
Graph URLs and ``sitemap.xml`` point at the real site.
"""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: F403

SITEURL = os.environ.get("STRATA_SITEURL", "http://127.0.0.1:8000").rstrip("/")
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
