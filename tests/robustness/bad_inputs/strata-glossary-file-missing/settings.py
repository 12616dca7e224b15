STRATA = {
    "words_per_minute": 200,
    "glossary_file": "glossaire.yaml",
}
