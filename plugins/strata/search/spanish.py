"""Spanish for search: the Snowball Spanish stemmer, over accent-folded words, and Spanish stop words.

Search folds every word before stemming (``cámara`` → ``camara``, so ``camara`` finds ``cámara``), so this
is Martin Porter's Snowball Spanish algorithm (snowballstem.org/algorithms/spanish) with its suffixes
written without accents and ``a e i o u`` as the vowels: steps 0 (attached pronouns), 1 (standard
suffixes), 2a/2b (verb suffixes) and 3 (residual suffixes), in the regions RV, R1 and R2.
``theme/components/search/search-es.js`` is a line-by-line port; ``tests/i18n/test_search_languages.py`` checks
that the two give the same stem for every word of a Spanish word list.
"""

from __future__ import annotations

from functools import lru_cache

VOWELS = "aeiou"

PRONOUNS = ("selas", "selos", "sela", "selo", "las", "les", "los", "nos", "me", "se", "la", "le", "lo")
PRONOUN_BEFORE = ("iendo", "ando", "ar", "er", "ir")
STEP1 = (  # (suffixes, what replaces them, the rule for what may precede)
    (("amientos", "imientos", "amiento", "imiento", "anzas", "ismos", "ables", "ibles", "istas", "anza", "icos",
      "icas", "ismo", "able", "ible", "ista", "osos", "osas", "ico", "ica", "oso", "osa"), "", None),
    (("aciones", "adoras", "adores", "ancias", "acion", "adora", "antes", "ancia", "ador", "ante"), "", "ic"),
    (("logias", "logia"), "log", None),
    (("uciones", "ucion"), "u", None),
    (("encias", "encia"), "ente", None),
    (("amente",), "", "amente"),
    (("mente",), "", "mente"),
    (("idades", "idad"), "", "idad"),
    (("ivas", "ivos", "iva", "ivo"), "", "at"),
)
STEP2A = ("yeron", "yendo", "yamos", "yais", "yan", "yen", "yas", "yes", "ya", "ye", "yo")
STEP2B_GU = ("emos", "eis", "en", "es")
_STEP2B_LIST = """
arian arias aran aras ariais aria areis ariamos aremos ara are erian erias eran eras eriais eria ereis eriamos
eremos era ere irian irias iran iras iriais iria ireis iriamos iremos ira ire aba ada ida ia ara iera ad ed id
ase iese aste iste an aban ian aran ieran asen iesen aron ieron ado ido ando iendo io ar er ir as abas adas
idas ias aras ieras ases ieses is ais abais iais arais ierais aseis ieseis asteis isteis ados idos amos abamos
iamos imos aramos ieramos iesemos asemos"""
STEP2B = tuple(sorted(set(_STEP2B_LIST.split()) - set(STEP2B_GU), key=lambda s: (-len(s), s)))
STEP3 = ("os", "a", "o", "i")

_STOP_WORD_LIST = """
a al algo algunas algunos ante antes como con contra cual cuando de del desde donde durante e el ella ellas
ellos en entre era erais eran eras eres es esa esas ese eso esos esta estaba estado estan estar estas este
esto estos estoy fue fueron fui ha haber habia han has hasta hay la las le les lo los mas me mi mis mucho
muchos muy nada ni no nos nosotros o os otra otras otro otros para pero poco por porque que quien quienes se
sea ser si sido sin sobre son su sus tambien te tiene tienen todo todos tu tus un una uno unos y ya yo
"""
STOP_WORDS = frozenset(_STOP_WORD_LIST.split())


def _regions(word: str) -> tuple[int, int, int]:
    """Where RV, R1 and R2 start (``len(word)`` when a region is empty)."""
    n = len(word)

    def after_vowel_consonant(start: int) -> int:
        for i in range(start + 1, n):
            if word[i] not in VOWELS and word[i - 1] in VOWELS:
                return i + 1
        return n

    r1 = after_vowel_consonant(0)
    r2 = after_vowel_consonant(r1)
    if n < 2:
        rv = n
    elif word[1] not in VOWELS:
        rv = next((i + 1 for i in range(2, n) if word[i] in VOWELS), n)
    elif word[0] in VOWELS:
        rv = next((i + 1 for i in range(2, n) if word[i] not in VOWELS), n)
    else:
        rv = 3 if n >= 3 else n
    return rv, r1, r2


def _ending(word: str, suffixes, start: int) -> str:
    """The longest of ``suffixes`` that ``word`` ends with, wholly at or after ``start`` ("" for none)."""
    best = ""
    for suffix in suffixes:
        if len(suffix) > len(best) and word.endswith(suffix) and len(word) - len(suffix) >= start:
            best = suffix
    return best


def _longest(word: str, suffixes) -> str:
    return max((s for s in suffixes if word.endswith(s)), key=len, default="")


def _step0(word: str, rv: int) -> str:
    pronoun = _longest(word, PRONOUNS)
    if pronoun and len(word) - len(pronoun) >= rv:
        stem = word[:-len(pronoun)]
        before = _ending(stem, PRONOUN_BEFORE, rv)
        if before or (stem.endswith("yendo") and len(stem) - 5 >= rv and stem[:-5].endswith("u")):
            return stem
    return word


def _step1(word: str, r1: int, r2: int) -> tuple[str, bool]:
    """The word after step 1, and whether a suffix was removed."""
    found = max(((s, group) for group in STEP1 for s in group[0] if word.endswith(s)), key=lambda x: len(x[0]),
                default=None)
    if found is None:
        return word, False
    suffix, (_, replacement, rule) = found
    start = len(word) - len(suffix)
    if rule == "amente":
        if start < r1:
            return word, False
        word = word[:start]
        if word.endswith("iv") and len(word) - 2 >= r2:
            word = word[:-2]
            if word.endswith("at") and len(word) - 2 >= r2:
                word = word[:-2]
        else:
            before = _ending(word, ("os", "ic", "ad"), r2)
            word = word[:len(word) - len(before)]
        return word, True
    if start < r2:
        return word, False
    word = word[:start] + replacement
    if rule == "ic" and word.endswith("ic") and len(word) - 2 >= r2:
        word = word[:-2]
    elif rule == "mente":
        word = word[:len(word) - len(_ending(word, ("ante", "able", "ible"), r2))]
    elif rule == "idad":
        word = word[:len(word) - len(_ending(word, ("abil", "ic", "iv"), r2))]
    elif rule == "at" and word.endswith("at") and len(word) - 2 >= r2:
        word = word[:-2]
    return word, True


def _step2(word: str, rv: int) -> str:
    suffix = _ending(word, STEP2A, rv)
    if suffix and word[:-len(suffix)].endswith("u"):
        return word[:-len(suffix)]
    suffix = _ending(word, STEP2B + STEP2B_GU, rv)
    if not suffix:
        return word
    word = word[:-len(suffix)]
    if suffix in STEP2B_GU and word.endswith("gu"):
        word = word[:-1]
    return word


def _step3(word: str, rv: int) -> str:
    suffix = _ending(word, STEP3, rv)
    if suffix:
        return word[:-len(suffix)]
    if _ending(word, ("e",), rv):
        word = word[:-1]
        if word.endswith("gu") and len(word) - 1 >= rv:
            word = word[:-1]
    return word


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball Spanish stem of a lower-case, accent-folded word."""
    if len(word) <= 2:
        return word
    rv, r1, r2 = _regions(word)
    word = _step0(word, rv)
    word, done = _step1(word, r1, r2)
    if not done:
        word = _step2(word, rv)
    return _step3(word, rv)
