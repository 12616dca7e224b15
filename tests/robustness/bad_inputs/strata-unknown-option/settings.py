STRATA = {'words_per_minut': 100}
