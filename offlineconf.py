"""Settings for the offline bundle (`invoke offline`): the site as files to open from disk.

Every URL is relative and ends in a file name (``…/index.html``), so that
navigation works from ``file://`` where a bare folder shows a directory listing.
"""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: F403

SITEURL = ""
RELATIVE_URLS = True
OFFLINE_BUNDLE = True
FEED_ALL_ATOM = FEED_ALL_RSS = None
DELETE_OUTPUT_DIRECTORY = True
