"""Search per language: Spanish stems (the same in Python and in search-es.js), stop words, folded accents."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po

from strata.search import spanish
from strata.search.text import fold, terms, words
from tests.support.browser import serve
from tests.support.site import ROOT, build_tiny_site

SCRIPT = ROOT / "theme" / "components" / "search" / "search-es.js"
SPANISH_SETTINGS = "tests/i18n/settings_spanish_site.py"
SUFFIXES = ("a", "as", "o", "os", "es", "ción", "ciones", "mente", "amente", "idad", "idades", "iva", "ivos",
            "ando", "iendo", "ar", "er", "ir", "aba", "ían", "aron", "ieron", "emos", "éis", "se", "lo", "selo",
            "ándolo", "logía", "encia", "ador", "ante", "ismo", "able", "ible", "ista", "oso", "amiento", "ye",
            "yendo", "gue", "guen", "ase", "iese", "ará", "ería", "iríamos")


def spanish_words() -> list[str]:
    """The words of the Spanish catalogue and of a Spanish text, each also with common Spanish suffixes."""
    with open(ROOT / "theme" / "locale" / "es" / "LC_MESSAGES" / "messages.po", "rb") as handle:
        catalogue = read_po(handle)
    text = " ".join(m.string if isinstance(m.string, str) else " ".join(m.string) for m in catalogue if m.id)
    text += " " + (ROOT / "tests" / "i18n" / "spanish.txt").read_text(encoding="utf-8")
    found = {w for w in words(text) if w.isalpha()}
    return sorted({*found, *(w + fold(s) for w in found for s in SUFFIXES)})


@pytest.mark.browser
def test_spanish_stems_agree_in_python_and_javascript(page):
    page.set_content("<!doctype html><title>t</title>")
    page.add_script_tag(path=str(SCRIPT))
    vocabulary = spanish_words()
    assert len(vocabulary) > 5000
    stems = page.evaluate("words => words.map(w => window.StrataSearchLanguages.es.stem(w))", vocabulary)
    assert [(w, spanish.stem(w), s) for w, s in zip(vocabulary, stems, strict=True) if spanish.stem(w) != s] == []
    stop_words = page.evaluate("() => Object.keys(window.StrataSearchLanguages.es.stopWords)")
    assert set(stop_words) == spanish.STOP_WORDS


def test_snowball_spanish_reference_stems():
    """Outputs of the Snowball Spanish stemmer (snowballstem.org), for words whose accents fold away."""
    expected = {"acciones": "accion", "actividades": "activ", "chicas": "chic", "chico": "chic",
                "canciones": "cancion", "nacionalidad": "nacional", "arguyendo": "argu", "averiguemos": "averig",
                "rapidamente": "rapid", "comerlo": "com", "camara": "cam", "camaras": "cam"}
    assert {w: spanish.stem(w) for w in expected} == expected


def test_terms_follow_the_language():
    assert terms("Las hormonas del sueño", "es") == ["hormon", "suen"]  # "las", "del" are stop words
    assert terms("hormones of sleep", "en") == ["hormon", "sleep"]
    assert terms("هرمونات النوم", "ar") == ["هرمونات", "النوم"]  # no stemmer: folded words, unchanged


SPANISH_TOPIC = {
    "topics/demo/index.md": """\
        Title: El reloj del cuerpo
        Topic: demo
        Summary: Cómo el cuerpo sabe cuándo dormir.

        El cuerpo sigue un ritmo de un día.
        """,
    **{f"topics/demo/{tier}.md": f"""\
        Title: {label}
        Topic: demo
        Tier: {tier}

        La luz de la mañana pone en hora el reloj del cuerpo. Las hormonas cambian durante la noche.

        ## Una cámara oscura

        En verano (el été de los franceses) la noche es corta.
        """ for tier, label in (("fundamentals", "Básico"), ("intermediate", "Intermedio"),
                                ("academic", "Académico"))},
}


@pytest.mark.browser
@pytest.mark.parametrize(("query", "finds"), [("camara", "Una cámara oscura"), ("hormona", "hormonas"),
                                              ("ete", "été"), ("HORMONAS", "hormonas")])
def test_a_spanish_site_finds_words_without_accents_and_by_their_stem(page, tmp_path, query, finds):
    result = build_tiny_site(tmp_path, SPANISH_TOPIC, base={}, settings=SPANISH_SETTINGS)
    assert result.returncode == 0, result.stderr
    assert 'lang="es"' in result.page("search.html")
    with serve(result.output) as url:
        page.goto(f"{url}/search.html?q={query}")
        status = page.locator("#search-status")
        status.filter(has_text=re.compile(r"\S")).wait_for()
        assert re.match(r"\d+ resultados? para «", status.inner_text())
        assert finds in page.locator("#search-results").inner_text()
