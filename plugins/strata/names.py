"""Names shared by every part of the plugin: markup contracts and how names of things are compared.

Markup names are the contract between the Markdown extensions (which write them),
the templates and scripts (which read them) and the tests; they live here once.
:func:`name_key` is the one way two names (a glossary term and the text that
mentions it, two aliases) are compared anywhere in Strata.
"""

from __future__ import annotations

import re

# Glossary term links and their hidden definitions (read by theme/static/js/glossary.js).
TERM_CLASS = "term"                       # <a class="term" href="…#slug" aria-describedby="def-…">
TERM_DEFS_CLASS = "term-defs"             # <div class="term-defs" hidden> holding one <p> per definition
DEFINITION_TERM_ATTR = "data-term"        # on each definition: the term's name, shown in the toggletip
TERM_ID_PREFIX = "term-"                  # id of a marked occurrence: term-<slug>
DEFINITION_ID_PREFIX = "def-"             # id of a definition: def-<slug>
FORCED_TERM_ATTR = "data-strata-term"     # [[…]]: the term name the author forced
FORCED_SOURCE_ATTR = "data-strata-source"  # [[…]]: the source text, to locate errors
GLOSSARY_SWITCH_ATTR = "data-glossary"    # data-glossary="off": never mark inside ({{…}} writes it)
GLOSSARY_OFF = "off"

# Other blocks the text of a page is read around.
QUIZ_CLASS = "quiz"                       # <form class="quiz">: not prose, never marked
CALLOUT_CLASS = "callout"                 # <div class="callout callout--kind" role="note">
FOOTNOTES_CLASS = "footnotes"             # <section class="footnotes">: the page's notes
ABBREVIATIONS_CLASS = "abbreviations"     # <section class="abbreviations">: the abbreviations a page uses

# One character for one character, so that offsets in the normalised text are offsets in the original.
_LOOKALIKES = str.maketrans({
    "\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u2009": " ",  # non-breaking and thin spaces
    "\u2010": "-", "\u2011": "-",  # hyphen, non-breaking hyphen
    "\u2018": "'", "\u2019": "'", "\u02bc": "'",  # curly apostrophes
    "\u201c": '"', "\u201d": '"',
    "\u0130": "I",  # Turkish capital dotted İ: lower() makes it two characters (i and a combining dot)
})


_LOOKALIKE_CHARACTERS = frozenset(chr(code) for code in _LOOKALIKES)


# Latin letters that are not a letter and a mark (decomposing leaves them whole), as Lucene's ASCIIFoldingFilter and
# ICU's Latin-ASCII spell them out; lower case. Search folds them so (strata.search.text), ids are made of them.
LATIN_LETTERS = {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "ł": "l", "ħ": "h",
                 "ı": "i", "ŧ": "t", "ŋ": "n", "ĸ": "q", "ƒ": "f", "ɓ": "b", "ɗ": "d", "ƙ": "k", "ƴ": "y", "ə": "e",
                 "ǝ": "e", "ɛ": "e", "ɔ": "o"}
_SPELL_OUT = str.maketrans({**LATIN_LETTERS, "ẞ": "SS", **{
    letter.upper(): spelling.capitalize() for letter, spelling in LATIN_LETTERS.items()
    if len(letter.upper()) == 1 and not letter.upper().isascii() and letter.upper() != letter}})


def spell_out(text: str) -> str:
    """``text`` with the letters of :data:`LATIN_LETTERS`, small or capital, spelt out: ``"Łódź, Ærø"`` →
    ``"Lódź, Aero"`` (accents are left to decomposing)."""
    return text.translate(_SPELL_OUT)


def normalise(text: str) -> str:
    """``text`` with look-alike characters replaced; always the same length as ``text``."""
    if text.isascii():
        return text
    # A search for each look-alike and a replace where found: 7 times faster than intersecting the text's
    # characters with them, 20 times faster than translate.
    for character in _LOOKALIKE_CHARACTERS:
        if character in text:
            text = text.replace(character, _LOOKALIKES[ord(character)])
    return text


def name_key(name: str) -> str:
    """How a name (or matched text) is compared: normalised, lower case, single spaces."""
    return " ".join(normalise(name).lower().split())

# A folder or setting naming a language: 'es', 'pt-BR', 'zh_Hant' (a translation folder's name).
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")
