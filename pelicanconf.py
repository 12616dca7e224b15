"""Pelican settings for the Strata site (local development and the base of the other settings files).

``publishconf.py`` (the public web) builds on these settings.
"""

SITENAME = "Strata"
SITE_SLUG = "strata"  # names the offline bundle: dist/strata-offline.zip
SITE_TAGLINE = "Health topics explained at three reading levels"
SITE_DESCRIPTION = ("Each topic is written three times: Fundamentals in plain language, Intermediate with "
                    "more detail, and Academic with the mechanisms and evidence. Choose the level that suits you.")
SITEURL = ""
RELATIVE_URLS = True
TIMEZONE = "UTC"
DEFAULT_LANG = "en"

PATH = "content"
OUTPUT_PATH = "output"
THEME = "theme"
PLUGIN_PATHS = ["plugins"]
PLUGINS = ["strata"]

# Strata publishes pages only: topics are folders of pages under content/topics/.
ARTICLE_PATHS = []
PAGE_PATHS = ["topics", "pages"]
# Every other file in a topic folder (images, handouts), and in a shared images/ folder (Pelican's usual place),
# is published at the same path, when a page links to it (a file nothing links to is left out, with a warning:
# see plugins/strata/content_files.py).
STATIC_PATHS = ["topics", "pages", "images"]
# Never read nor published: hidden files and folders (.DS_Store, Vim's .swp), editor backups and autosaves,
# Office lock files, Windows' and macOS's litter; and READMEs. (Strata's data files, the *.yaml glossaries and
# references, are never published either, but are not listed here: `invoke regenerate` would not see them change.)
IGNORE_FILES = [".*", "*~", "*.bak", "*.orig", "*.rej", "*.swp", "*.tmp", "#*#", "~$*", "[Tt]humbs.db",
                "ehthumbs.db", "[Dd]esktop.ini", "Icon\r", "__MACOSX", "README*"]
PATH_METADATA = r"(?P<path_no_ext>.*)\..*"
PAGE_URL = PAGE_SAVE_AS = "{path_no_ext}.html"
DIRECT_TEMPLATES = ["index", "glossary", "references", "search", "404"]
INDEX_SAVE_AS = "index.html"

# No blog machinery: no feeds, categories, tags, authors or archives.
FEED_ALL_ATOM = FEED_ALL_RSS = CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
CATEGORY_SAVE_AS = CATEGORIES_SAVE_AS = TAG_SAVE_AS = TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ARCHIVES_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_SAVE_AS = DAY_ARCHIVE_SAVE_AS = ""
DEFAULT_PAGINATION = False
PAGE_TRANSLATION_ID = None  # one language: pages are told apart by their path, not grouped by slug

# Author text in titles and metadata is plain text, escaped by the templates.
FORMATTED_FIELDS = []
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}
# The Markdown authors expect (AUTHORING.md, "Writing a tier"): heading ids and classes, footnotes, fenced
# code, definition lists, abbreviations, smart quotes and dashes; Strata adds its own extensions on top
# (callouts, captioned tables, glossary, quizzes, accessible footnotes and abbreviations).
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.toc": {"toc_depth": "2-3"},
        "markdown.extensions.sane_lists": {},
        "markdown.extensions.attr_list": {},
        "markdown.extensions.fenced_code": {},
        "markdown.extensions.footnotes": {"SEPARATOR": "-"},
        "markdown.extensions.def_list": {},
        "markdown.extensions.abbr": {},
        "markdown.extensions.smarty": {},
    },
    "output_format": "html",
}

# Strata's own options (validated at start-up; see README.md, "Settings").
STRATA = {
    "words_per_minute": 200,
    "disclaimer": ("This page is educational information, not medical advice. "
                   "Talk to a doctor or other clinician before you start, stop or change any treatment."),
}
