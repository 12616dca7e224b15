STRATA = {'glossary_scope': 'chapter'}
